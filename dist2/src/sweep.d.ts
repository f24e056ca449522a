import { linearizabilityCounts, type SeedSummary } from './result.js';
import { type Outcome } from './run-scenario.js';
import type { LoadedScenario, ScenarioSource } from './scenario/load.js';
import { type Overrides } from './scenario/overrides.js';
import { type Distribution } from './stats.js';
/** Bound on the seeds of one sweep. */
export declare const maxSweepSeeds = 10000000;
/** Parses "1..1000", "5", or "1,2,9" into a list of seeds. */
export declare function parseSeeds(text: string): number[];
/** Parses "i/n" (1 <= i <= n). */
export declare function parseShard(text: string): {
    index: number;
    count: number;
};
/** The deterministic slice of seeds a shard runs: every n-th seed, starting at the i-th. */
export declare function shardSeeds(seeds: readonly number[], shard: {
    index: number;
    count: number;
}): number[];
export interface SweepIdentity {
    /** The scenario's name. */
    readonly scenario: string;
    /** How it was named on the command line (built-in name or path). */
    readonly ref: string;
    readonly overrides: readonly string[];
}
export interface SweepSummary extends SweepIdentity {
    readonly seeds: number;
    /** Simulation verdicts. */
    readonly verdicts: {
        ok: number;
        safety: number;
        liveness: number;
    };
    /** Outcomes including expectations: a run with verdict ok can still fail an expectation. */
    readonly outcomes: Record<Outcome, number>;
    /** Every seed whose outcome is not `passed`, by seed, each with its replay command. */
    readonly failing: readonly (SeedSummary & {
        readonly replay: string;
    })[];
    /** Per expectation of the scenario: on how many seeds it failed. */
    readonly expectations: readonly {
        readonly expression: string;
        readonly failedSeeds: number;
    }[];
    /** Distributions across seeds of per-run figures: run statistics and result.metrics paths. */
    readonly metrics: Readonly<Record<string, Distribution>>;
    /** Per situation worth reaching (sim/coverage.ts): in how many seeds it was reached; 0 is flagged. */
    readonly coverage: Readonly<Record<string, number>>;
    /** Seeds whose client history was linearizable, not, undecided (Unknown), unchecked; null in older files. */
    readonly linearizability?: ReturnType<typeof linearizabilityCounts>;
    readonly simulatedUs: number;
    /** Sum of the per-seed wall times (CPU time spent simulating, across workers). */
    readonly cpuMs: number;
}
export declare function summarizeSweep(identity: SweepIdentity, runs: readonly SeedSummary[], expectations?: readonly string[]): SweepSummary;
/** The file `sweep --out DIR` writes: enough to merge shards and to replay any seed. */
export interface SweepFile {
    readonly raftsim: {
        readonly sweepVersion: 1;
        readonly version: string;
    };
    readonly sweep: SweepIdentity & {
        readonly source: ScenarioSource;
        /** Digest of the scenario text: shards of one sweep must have run the same scenario. */
        readonly sourceDigest: string;
        readonly seeds: string;
        readonly shard: {
            readonly index: number;
            readonly count: number;
        } | null;
        readonly expectations: readonly string[];
        readonly metricPaths: readonly string[];
    };
    /** True while seeds are missing (an interrupted or still running sweep; `sweep --resume DIR` completes it). */
    readonly partial: boolean;
    /** Seeds finished, of the seeds this sweep (or shard) runs. */
    readonly done: number;
    readonly total: number;
    readonly summary: SweepSummary;
    readonly runs: readonly SeedSummary[];
}
/** The text of sweep.json: deterministic, without wall-clock fields. */
export declare function sweepJsonText(file: SweepFile): string;
export interface SweepOptions {
    readonly scenario: LoadedScenario;
    readonly overrides: Overrides;
    readonly seeds: readonly number[];
    readonly workers: number;
    readonly onResult?: (summary: SeedSummary, done: number, total: number) => void;
    /** Stops the sweep: no new seed starts; runSweep returns the seeds finished so far. */
    readonly signal?: AbortSignal;
}
export declare function defaultWorkerCount(): number;
/** What a worker needs to rebuild the scenario: the exact text the main thread read. */
export interface WorkerSetup {
    readonly source: ScenarioSource;
    readonly name: string;
    readonly overrides: Overrides;
    readonly metricPaths: readonly string[];
}
export declare function metricPathsFor(scenario: LoadedScenario): string[];
export declare function runSeed(setup: WorkerSetup, scenario: LoadedScenario, seed: number): SeedSummary;
/** Runs the seeds; with workers <= 1 in this thread (no worker startup cost), else over worker threads that
 *  pull seeds one at a time so that slow seeds do not hold up a fixed share. When `signal` aborts, no new seed
 *  starts, seeds in flight are abandoned and the seeds finished so far are returned. A worker that dies while
 *  running a seed fails the sweep (the seeds finished before were already handed to onResult). */
export declare function runSweep(options: SweepOptions): Promise<SeedSummary[]>;
export declare function sweepFileOf(scenario: LoadedScenario, overrides: Overrides, seedsText: string, shard: {
    index: number;
    count: number;
} | null, runs: readonly SeedSummary[], total?: number): SweepFile;
/** The worker side: rebuilds the scenario from the setup once, then runs the seeds it is sent. */
export declare function workerScenario(setup: WorkerSetup): LoadedScenario;
