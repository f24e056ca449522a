import { type SimulationResult } from '../sim/simulate.js';
import { type Outcome } from './run-scenario.js';
import type { ExpectationResult } from './scenario/expectations.js';
import type { ScenarioSpec } from './scenario/spec.js';
export interface FailureSignature {
    readonly outcome: Outcome;
    readonly invariant: string | null;
    /** For failed expectations: the first one that failed. */
    readonly expectation: string | null;
}
export declare function signatureOf(outcome: Outcome, result: SimulationResult, failed: readonly string[]): FailureSignature;
export interface Attempt {
    readonly matches: boolean;
    readonly result: SimulationResult | null;
    readonly expectations: readonly ExpectationResult[];
}
/** What a candidate may not exceed: the original run's events and, for a safety violation, its time. */
export interface FailureBounds {
    readonly events: number;
    readonly timeUs: number | null;
}
/** True when `result` fails no later and with no more events than the original. */
export declare function withinBounds(bounds: FailureBounds, result: SimulationResult): boolean;
/** Runs candidates for one seed within the budgets, and tells whether each fails like the target: the same
 *  failure (outcome, invariant or expectation), no later and with no more events than the original run. */
export declare class CandidateRuns {
    private readonly seed;
    private readonly target;
    private readonly limits;
    private readonly bounds;
    runs: number;
    budgetExhausted: boolean;
    constructor(seed: number, target: FailureSignature, limits: {
        readonly maxRuns: number;
        readonly budgetMs: number;
        readonly startedMs: number;
    }, bounds: FailureBounds);
    attempt(spec: ScenarioSpec): Attempt;
}
/** The current smallest spec that still fails, and the reductions tried on it. */
export declare class Reducer {
    private readonly candidates;
    private readonly seed;
    private readonly target;
    private readonly progress;
    spec: ScenarioSpec;
    best: SimulationResult;
    bestExpectations: readonly ExpectationResult[];
    constructor(candidates: CandidateRuns, seed: number, target: FailureSignature, progress: (message: string) => void, spec: ScenarioSpec, best: SimulationResult, bestExpectations: readonly ExpectationResult[]);
    private get exhausted();
    /** Keeps the candidate when it still fails the same way. */
    accept(candidate: ScenarioSpec, what: string): boolean;
    /** Reduces until nothing changes (at most 4 rounds), or a budget runs out. */
    reduce(): void;
    private durationUs;
    /** A safety violation ends the run: the fault phase can end just after it. */
    private cutAfterViolation;
    /** Delta debugging over the fault items: all, then halves, quarters, ... single items. */
    private removeFaults;
    private fewerNodes;
    /** Replaces fault item `index` by a smaller one. */
    private replaceFault;
    /** Halves trigger counts, `for` durations and the faults' own lengths (a pause) while the run still fails. */
    private shorterFaults;
    private shorterRun;
    private lighterWorkload;
    /** Every remaining setting back to its default, one by one. */
    private fewerSettings;
}
