import type { SimulationOptions, SimulationResult } from '../sim/simulate.js';
import type { Checkpoints } from './checkpoints.js';
import type { Outcome, ScenarioRun } from './run-scenario.js';
import type { ExpectationResult } from './scenario/expectations.js';
import type { ScenarioSource } from './scenario/load.js';
export declare const resultVersion = 2;
export interface ResultJson {
    readonly raftsim: {
        readonly resultVersion: number;
        readonly version: string;
    };
    readonly scenario: string;
    readonly question: string;
    readonly source: ScenarioSource;
    readonly seed: number;
    /** The override flags of the run, in canonical form (they are repeated in `replay`). */
    readonly overrides: readonly string[];
    readonly swarm: boolean;
    /** Every value drawn from the seed: swarm parameters by path, `between` fault times as faults[i].at. */
    readonly drawn: Readonly<Record<string, unknown>>;
    /** Scenario paths filled from defaults. */
    readonly defaults: readonly string[];
    /** The complete scenario of the run (after overrides, defaults and draws) in the file's own form. */
    readonly parameters: Record<string, unknown>;
    /** The compiled simulator options: everything needed to rerun, bit for bit. */
    readonly options: SimulationOptions;
    readonly notes: readonly string[];
    readonly outcome: Outcome;
    readonly exitCode: number;
    readonly verdict: SimulationResult['verdict'];
    readonly violation: SimulationResult['violation'];
    readonly liveness: SimulationResult['liveness'];
    readonly expectations: readonly ExpectationResult[];
    readonly traceHash: SimulationResult['traceHash'];
    readonly traceLines: number;
    readonly traceCheckpoints: Checkpoints | null;
    /** The trace file written next to result.json (`--trace`), or null. */
    readonly traceFile: string | null;
    readonly simulatedUs: number;
    readonly wallMs: number;
    readonly events: number;
    readonly invariantChecks: number;
    readonly metrics: SimulationResult['metrics'] | null;
    /** Situations worth reaching, and how often this run reached each (docs/results.md). */
    readonly coverage: SimulationResult['coverage'] | null;
    /** The end-of-run linearizability check of the client history (docs/results.md); null when invariants were
     *  off, or in files written before it existed. */
    readonly linearizability: SimulationResult['linearizability'];
    readonly cluster: SimulationResult['cluster'];
    readonly network: SimulationResult['network'];
    readonly workload: SimulationResult['workload'];
    /** The complete fault schedule: scripted faults and those drawn by the nemesis, in time order. */
    readonly faults: SimulationResult['faults'];
    readonly finalState: SimulationResult['finalState'];
}
/** The command that runs a seed again, as typed after `npm ci` (`npx raftsim run REF --seed N FLAGS`). */
export declare function replayCommand(ref: string, seed: number, flags: readonly string[]): string;
export declare function toResultJson(run: ScenarioRun, checkpoints?: Checkpoints | null, traceFile?: string | null): ResultJson;
/** Metrics a sweep aggregates across seeds (plus every path the scenario's expectations name). */
export declare const sweepMetricPaths: readonly string[];
/** How many seeds' client histories were linearizable, not, undecided, or unchecked; null when no seed says
 *  (sweep files written before the check existed). */
export declare function linearizabilityCounts(runs: readonly Pick<SeedSummary, 'linearizability'>[]): Record<'ok' | 'violation' | 'unknown' | 'off', number> | null;
/** The few numbers a sweep keeps per seed. */
export interface SeedSummary {
    readonly seed: number;
    readonly verdict: SimulationResult['verdict'];
    readonly outcome: Outcome;
    readonly invariant: string | null;
    readonly message: string | null;
    readonly failedExpectations: readonly string[];
    readonly traceHash: string | null;
    readonly events: number;
    readonly simulatedUs: number;
    readonly wallMs: number;
    readonly leaderChanges: number;
    readonly elections: number;
    readonly convergedAfterUs: number | null;
    readonly clientOk: number;
    /** Metric path -> value (null when not measured), for the sweep's distributions across seeds. */
    readonly metrics: Readonly<Record<string, number | null>>;
    /** The situations this seed reached (sim/coverage.ts), by name. */
    readonly reached: readonly string[];
    /** The linearizability verdict of the seed's client history; 'off' when invariants were off. Absent in sweep
     *  files written before it existed. */
    readonly linearizability?: 'ok' | 'violation' | 'unknown' | 'off';
}
export declare function summarizeSeed(run: ScenarioRun, metricPaths?: readonly string[]): SeedSummary;
