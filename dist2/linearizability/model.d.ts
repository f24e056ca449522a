import type { History } from './history.js';
/**
 * The output of an operation whose outcome is unknown (a timeout, or the run ended). A model's step receives
 * it instead of an output and must accept every output the operation could have produced in that state (for
 * a compare-and-set: whichever of success and failure the state implies).
 */
export declare const UNKNOWN: unique symbol;
export type Unknown = typeof UNKNOWN;
/** Independent sub-histories: each operation of the history belongs to exactly one partition. */
export interface Partition {
    /** Names the partition in verdicts and messages (for the key-value model: the key). */
    readonly label: string;
    /** Indexes into the history given to `partition`, in any order. */
    readonly indices: readonly number[];
}
/** `State` may be any value but null, which `step` returns for "impossible" (use undefined for "nothing"). */
export interface Model<State, Input, Output> {
    /** The state before any operation (of every partition: each starts from init()). */
    init(): State;
    /**
     * Applies `input` to `state` and returns the next state, or null when `output` is impossible from `state`.
     * Must be pure: it must not modify `state` (the search keeps earlier states to backtrack to).
     */
    step(state: State, input: Input, output: Output | Unknown): State | null;
    /**
     * Identifies a state for memoization: two states with equal keys must behave identically under every
     * future step. Returning the state itself works when it is a string or number.
     */
    stateKey(state: State): string | number;
    /**
     * Splits the history into independent sub-histories (P-compositionality: Herlihy & Wing, theorem 1 —
     * a history is linearizable iff each object's sub-history is). Omitted: one partition, labelled 'all'.
     */
    partition?(history: History<Input, Output>): readonly Partition[];
    /** Rejects a malformed operation (an input/output pair the model cannot judge) with a message, or null. */
    validate?(input: Input, output: Output | null): string | null;
    /** Short text of one operation for messages, e.g. "get(k3) -> 'v7'"; abbreviate long values. */
    describeOperation(input: Input, output: Output | Unknown): string;
    /** Short text of a state within a partition, e.g. "k3 = 'v9'"; abbreviate long values. */
    describeState(state: State, partition: string): string;
}
/** A partition function for models whose operations each touch one key: one partition per key, in order of
 *  first appearance in the history (so verdicts list keys deterministically). */
export declare function partitionByKey<Input, Output>(keyOf: (input: Input) => string): (history: History<Input, Output>) => Partition[];
/** Shortens a long value for messages: the first `maxChars` characters and how long it really is. Reports
 *  keep the full value in the data; only text is abbreviated. */
export declare function abbreviate(text: string, maxChars?: number): string;
