import type { Operation } from './history.js';
/** An operation of the history with its index there. */
export interface IndexedOperation<Input, Output> {
    readonly index: number;
    readonly operation: Operation<Input, Output>;
    /** The model's short text of it, values abbreviated (e.g. "get(k3) -> 'v7'"). */
    readonly description: string;
}
/** One step of the longest linearizable prefix: the operation placed and the model state after it. */
export interface PlacedOperation<State, Input, Output> extends IndexedOperation<Input, Output> {
    readonly stateAfter: State;
    /** The model's short text of stateAfter (e.g. "k3 = 'v9'"). */
    readonly stateAfterDescription: string;
}
/** The operation no linearization could get past, and why. */
export interface StuckOperation<State, Input, Output> extends IndexedOperation<Input, Output> {
    /** Operations of the partition that returned before its call (they precede it in every linearization). */
    readonly precedingOperations: number;
    /** States in which the model rejected its output (distinct, first few), and how many distinct ones there were. */
    readonly rejectedStates: readonly State[];
    readonly rejectedStateCount: number;
    /** The model accepted it in some state, but every such placement stranded a later operation. */
    readonly acceptedSomewhere: boolean;
    /** E.g. "get(k3) -> 'v7' cannot be placed: every linearization of the 12 operations before it leaves k3 = 'v9'". */
    readonly explanation: string;
}
export interface MinimalFailingHistory<Input, Output> {
    /** The operations of the smallest failing sub-history found, in call order. */
    readonly operations: readonly IndexedOperation<Input, Output>[];
    /** No single one of them can be removed (for `minimal`: removing any one makes the rest linearizable; for
     *  `focused`: or loses the stuck operation or every state accepting it). False when the shrink budget ran
     *  out first. */
    readonly oneMinimal: boolean;
    readonly stepsUsed: number;
}
/** Everything explained about one non-linearizable partition (computed when options.explain is on). */
export interface ViolationExplanation<State, Input, Output> {
    /** The smallest failing sub-history: removing operations while it stays non-linearizable. Often just the
     *  stuck operation when its output is impossible from the initial state (a read of a value, alone). */
    readonly minimal: MinimalFailingHistory<Input, Output>;
    /**
     * The smallest failing sub-history that keeps the stuck operation and some state in which its output is
     * possible (so a stale read keeps the write it saw and the write it missed): the one to draw. Null when its
     * output is possible in no state the partition reaches (nothing explains it; `minimal` says it all).
     */
    readonly focused: MinimalFailingHistory<Input, Output> | null;
    readonly longestPrefix: readonly PlacedOperation<State, Input, Output>[];
    readonly stuck: StuckOperation<State, Input, Output>;
    /** The state at the end of the longest prefix (init() when it is empty), described by the model. */
    readonly stateAtDeadEnd: State;
    readonly stateAtDeadEndDescription: string;
}
export type PartitionVerdict<State, Input, Output> = {
    readonly verdict: 'ok';
    readonly partition: string;
    readonly operations: number;
    readonly stepsUsed: number;
    /** History indices in linearization order. Unknown-outcome operations not listed never took effect. */
    readonly linearization: readonly number[];
} | {
    readonly verdict: 'violation';
    readonly partition: string;
    readonly operations: number;
    readonly stepsUsed: number;
    /** History index of the operation no linearization got past. */
    readonly stuckIndex: number;
    /** Null when the check ran with explain: false. */
    readonly explanation: ViolationExplanation<State, Input, Output> | null;
} | {
    readonly verdict: 'unknown';
    readonly partition: string;
    readonly operations: number;
    /** 'budget': the search used its whole budget (stepsUsed) without finding a linearization or ruling one
     *  out; 'stopped': the check stopped at another partition's violation (stopAtFirstViolation). */
    readonly reason: 'budget' | 'stopped';
    readonly stepsUsed: number;
};
export type PartitionViolation<State, Input, Output> = Extract<PartitionVerdict<State, Input, Output>, {
    verdict: 'violation';
}>;
export type PartitionUnknown<State, Input, Output> = Extract<PartitionVerdict<State, Input, Output>, {
    verdict: 'unknown';
}>;
interface CheckTotals<State, Input, Output> {
    /** Every partition's verdict, in the model's partition order. */
    readonly partitions: readonly PartitionVerdict<State, Input, Output>[];
    /** History indices of 'fail' operations, which did not take effect and were not checked. */
    readonly excluded: readonly number[];
    readonly totalStepsUsed: number;
}
/**
 * Overall: a violation in any partition makes the history non-linearizable (even if another ran out of
 * budget); otherwise any unknown partition makes it unknown; otherwise it is linearizable.
 */
export type CheckResult<State, Input, Output> = ({
    readonly verdict: 'ok';
} & CheckTotals<State, Input, Output>) | ({
    readonly verdict: 'violation';
    /** The first violating partition (all of them are in `violations`). */
    readonly partition: string;
    readonly violation: PartitionViolation<State, Input, Output>;
    readonly violations: readonly PartitionViolation<State, Input, Output>[];
} & CheckTotals<State, Input, Output>) | ({
    readonly verdict: 'unknown';
    /** The first partition whose search ran out of budget, its size and the steps it used. */
    readonly partition: string;
    readonly operations: number;
    readonly stepsUsed: number;
    readonly unknowns: readonly PartitionUnknown<State, Input, Output>[];
} & CheckTotals<State, Input, Output>);
export {};
