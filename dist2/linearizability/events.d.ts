import { type HistoryColumns } from './history.js';
import { type Unknown } from './model.js';
/** nodeReturn of a return node. */
export declare const RETURN_NODE = -2;
/** nodeReturn of the call node of an operation with unknown outcome: it has no return node (return = +infinity). */
export declare const NO_RETURN = -1;
/** The head sentinel is node 0; the tail sentinel is the last node. */
export declare const HEAD = 0;
export interface PreparedPartition<Input, Output> {
    readonly label: string;
    /** History index of each operation, by its position here (operations are numbered in call order). */
    readonly historyIndex: Int32Array;
    readonly inputs: readonly Input[];
    readonly outputs: readonly (Output | Unknown)[];
    /** Operations with a known return; the search succeeds once all of them are linearized. */
    readonly finiteCount: number;
    /** Per node: the operation it belongs to (-1 for the sentinels). */
    readonly nodeOperation: Int32Array;
    /** Per call node: its return node, or NO_RETURN; RETURN_NODE for return nodes. */
    readonly nodeReturn: Int32Array;
    /** The list before anything is linearized; the search works on copies. */
    readonly initialNext: Int32Array;
    readonly initialPrev: Int32Array;
}
/** The indices in call order (ties by history index): the partition numbers its operations this way. */
export declare function callOrder(columns: HistoryColumns<unknown, unknown>, indices: readonly number[]): number[];
/**
 * Lays out the operations `indices` of `history` (none of them 'fail'). Calls sort before returns at equal
 * times: with A.returnUs === B.callUs, B's call comes first in the list, so B may be linearized before A —
 * A precedes B only when A.returnUs < B.callUs.
 */
export declare function preparePartition<Input, Output>(label: string, columns: HistoryColumns<Input, Output>, indices: readonly number[]): PreparedPartition<Input, Output>;
