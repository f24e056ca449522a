import type { NodeTarget } from '../../../sim/nemesis.js';
import type { TargetList } from '../spec.js';
import type { FaultParser } from './entry.js';
/** A node or a list of nodes; with allowAll also all (or others): every node. */
export declare function parseTargetList(value: unknown, allowAll: boolean): TargetList;
/** The targets of a list, with all expanded to the cluster's nodes. */
export declare function targetsOf(list: TargetList, nodeIds: readonly string[]): NodeTarget[];
/** The file form of a target list: one target alone, several as a list. */
export declare function writeTargetList(list: TargetList): unknown;
/** The parser of a key written alone (`heal:`), for the fault `{kind}`. */
export declare function noArgumentParser(fault: {
    readonly kind: 'restart-all' | 'heal' | 'reset-links' | 'clear-filters';
}): FaultParser;
/** The entry parts of a fault that names no node and has no undo. */
export declare const nodeless: {
    readonly lasting: {
        readonly kind: "instant";
    };
    readonly check: () => void;
    readonly write: () => true;
};
