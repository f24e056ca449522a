import { type SimulationResult } from '../sim/simulate.js';
import type { LoadedScenario } from './scenario/load.js';
import { type Overrides } from './scenario/overrides.js';
import type { ScenarioSpec } from './scenario/spec.js';
import { type FailureSignature } from './shrink-steps.js';
export type { FailureSignature } from './shrink-steps.js';
export interface ScenarioSize {
    /** Scheduled faults (after expanding every/between/for and drawing chaos) plus trigger items. */
    readonly faults: number;
    readonly nodes: number;
    readonly durationUs: number;
    readonly ratePerSecond: number;
    readonly clients: number;
    /** Events the run processed. */
    readonly events: number;
    /** Settings written in the scenario (leaves of the file). */
    readonly settings: number;
}
export interface ShrinkReport {
    readonly signature: FailureSignature;
    /** When the run did not fail, there is nothing to shrink. */
    readonly failed: boolean;
    readonly before: ScenarioSize;
    readonly after: ScenarioSize;
    readonly spec: ScenarioSpec;
    readonly yaml: string;
    /** Candidate runs made. */
    readonly runs: number;
    readonly wallMs: number;
    /** The minimal scenario's run: its violation time and message, for the summary. */
    readonly final: FailureOfRun;
    /** The original run's failure, to compare with `final`: the same invariant, no later, no more events. */
    readonly original: FailureOfRun;
    /** True when a budget ran out before no reduction was left to try. */
    readonly budgetExhausted: boolean;
}
export interface FailureOfRun {
    readonly verdict: SimulationResult['verdict'];
    readonly invariant: string | null;
    readonly message: string | null;
    readonly timeUs: number | null;
    readonly events: number;
    readonly faults: number;
}
export interface ShrinkOptions {
    readonly overrides?: Overrides;
    /** Bound on candidate runs (default 400). */
    readonly maxRuns?: number;
    /** Bound on wall time in milliseconds (default 300 s). */
    readonly budgetMs?: number;
    /** Where the minimal scenario will be written, for its header's replay line. */
    readonly outFile?: string;
    readonly onProgress?: (message: string) => void;
}
export declare function describeSize(size: ScenarioSize): string;
export declare function describeSignature(signature: FailureSignature): string;
export declare function shrinkScenario(scenario: LoadedScenario, seed: number, options?: ShrinkOptions): ShrinkReport;
