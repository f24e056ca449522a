import { type History } from './history.js';
import type { Model } from './model.js';
import type { CheckResult } from './result.js';
export interface CheckOptions {
    /** Search steps (loop iterations) per partition before it answers 'unknown'. Deterministic: no clock. */
    readonly maxStepsPerPartition?: number;
    /** Explain violations: re-run the search to record the longest prefix, and shrink. Off for a bare verdict. */
    readonly explain?: boolean;
    /** Steps the shrinker may spend per violating partition, over all its candidate checks. */
    readonly shrinkMaxSteps?: number;
    /**
     * Stop at the first partition found non-linearizable, as Porcupine does without verbose output. The
     * partitions then take turns of TURN_STEPS steps (in partition order, deterministically, where Porcupine runs
     * goroutines), so a quick violation is not held up behind a slow partition; partitions left unfinished are
     * 'unknown' with reason 'stopped'.
     */
    readonly stopAtFirstViolation?: boolean;
}
/** Steps each partition searches per turn when they take turns (stopAtFirstViolation). */
export declare const TURN_STEPS: number;
export declare const defaultCheckOptions: Required<CheckOptions>;
/**
 * Checks `history` against `model`. Throws HistoryError on a malformed history (naming the operation), and
 * otherwise answers 'ok', 'violation' (with the failing partitions explained) or 'unknown' (a partition ran
 * out of budget), per partition and overall.
 */
export declare function checkLinearizable<State, Input, Output>(history: History<Input, Output>, model: Model<State, Input, Output>, options?: CheckOptions): CheckResult<State, Input, Output>;
