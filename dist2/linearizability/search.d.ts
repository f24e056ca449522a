import { type PreparedPartition } from './events.js';
import type { Model, Unknown } from './model.js';
export interface SearchOptions<Input, Output> {
    /** An operation (position in the partition) whose every attempt is recorded, or -1. */
    readonly watchOperation: number;
    /** Record the linearized prefix each time the search backtracks from a new greatest depth. */
    readonly recordPrefix: boolean;
    /** An operation (perhaps of another history) tried against every state the search reaches, to learn
     *  whether its output is possible in any of them (the shrinker keeps what makes it possible); or null. */
    readonly probe: {
        readonly input: Input;
        readonly output: Output | Unknown;
    } | null;
}
export declare const PLAIN_SEARCH: SearchOptions<never, never>;
export interface SearchLimits<Input, Output> extends SearchOptions<Input, Output> {
    readonly maxSteps: number;
}
/** What the explanation pass learns about the watched operation. */
export interface WatchRecord<State> {
    /** The model accepted the operation at least once (the dead end is further on). */
    accepted: boolean;
    /** Distinct states (by stateKey) in which the model rejected it, in the order met, at most MAX_WATCHED_STATES. */
    readonly rejectedStates: State[];
    /** Distinct states it was rejected in, counting those beyond the cap. */
    rejectedStateCount: number;
}
export declare const MAX_WATCHED_STATES = 4;
export type SearchOutcome<State> = {
    readonly kind: 'ok';
    readonly steps: number;
    readonly linearization: Int32Array;
} | {
    readonly kind: 'violation';
    readonly steps: number;
    /** Operations linearized at the deepest dead end. */
    readonly deepest: number;
    /** The operation whose return the search met at that dead end: no linearization got past it. */
    readonly stuckOperation: number;
    /** With recordPrefix: the longest linearized prefix and the state after each of its operations. */
    readonly prefix: Int32Array | null;
    readonly prefixStates: readonly State[] | null;
    readonly watch: WatchRecord<State> | null;
    /** With a probe: its output is possible in some state the search reached. */
    readonly probeAccepted: boolean;
} | {
    readonly kind: 'unknown';
    readonly steps: number;
};
export type FinishedOutcome<State> = Exclude<SearchOutcome<State>, {
    kind: 'unknown';
}>;
/** One partition's search, resumable. All mutable state lives in typed arrays: no allocation per step. */
export declare class PartitionSearch<State, Input, Output> {
    private readonly prepared;
    private readonly model;
    private readonly options;
    private readonly next;
    private readonly prev;
    private readonly bits;
    private readonly hashWords;
    private readonly checkWords;
    private readonly stackNode;
    private readonly stackState;
    private readonly cache;
    private readonly stateIds;
    private readonly watchedKeys;
    private readonly probedStates;
    private probeAccepted;
    private entry;
    private state;
    private depth;
    private remaining;
    private hash;
    private check;
    private deepest;
    private stuckOperation;
    private prefix;
    private prefixStates;
    private watch;
    private outcome;
    /** Loop iterations so far. */
    steps: number;
    constructor(prepared: PreparedPartition<Input, Output>, model: Model<State, Input, Output>, options: SearchOptions<Input, Output>);
    /** Searches until a verdict, or pauses (null) when `steps` reaches `stepLimit`. */
    run(stepLimit: number): FinishedOutcome<State> | null;
    private finish;
    private stateId;
    /** Linearizes the call node `call` from `state`: pushes it and lifts it out of the list (dancing links:
     *  undone in reverse order by backtrack). True when that was the last operation with a known return. */
    private push;
    /** At a dead end (the return node `returnNode`): pops the last linearized operation and re-links it, leaving
     *  entry, state and the hashes where the search resumes. False when nothing is left to pop: a violation. */
    private backtrack;
    /** The deepest dead end so far: remember the operation stuck there (and, recording, the prefix). */
    private deadEnd;
    private observe;
    private tryProbe;
    private linearized;
    private violation;
}
/** Runs one partition's search to a verdict, or to 'unknown' at `maxSteps`. */
export declare function searchPartition<State, Input, Output>(prepared: PreparedPartition<Input, Output>, model: Model<State, Input, Output>, limits: SearchLimits<Input, Output>): SearchOutcome<State>;
