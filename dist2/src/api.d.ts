import type { RaftFactory } from '../raft/contract.js';
import type { SimulationResult } from '../sim/simulate.js';
import { Trace } from '../sim/trace.js';
import { type ResultJson } from './result.js';
import { type Outcome, type ScenarioRun } from './run-scenario.js';
import type { CompiledScenario } from './scenario/compile.js';
import type { ExpectationResult } from './scenario/expectations.js';
import type { ScenarioInput } from './scenario/input.js';
import type { LoadedScenario } from './scenario/load.js';
import { overrideFlags } from './scenario/overrides.js';
/** What the scenario functions take: a built-in name or a file path, a scenario object in the file's form
 *  (ScenarioSpec: the keys and human units of a file), or a scenario already loaded. */
export type ScenarioSourceInput = string | ScenarioInput | LoadedScenario;
export type OverrideKey = (typeof overrideFlags)[number]['key'];
export interface ScenarioRunOptions {
    /** Default 1. */
    readonly seed?: number;
    /** As on the command line, in human units: { duration: '8s', nodes: 3, drop: '5%', preVote: false }. */
    readonly overrides?: Partial<Record<OverrideKey, string | number | boolean | readonly string[]>>;
    /** A trace to write or hash (default: hashed, not kept). */
    readonly trace?: Trace;
    /** Write the trace (trace.jsonl, docs/trace-format.md) to this file; the result's tracePath names it. */
    readonly tracePath?: string;
    /** Your own Raft (raft/contract.ts) to run under the harness instead of raftsim's RaftNode. */
    readonly raft?: RaftFactory;
}
export interface ScenarioRunResult {
    /** The simulator's verdict: ok, safety or liveness. */
    readonly verdict: SimulationResult['verdict'];
    /** passed, safety, liveness or expectations (a failed expectation). */
    readonly outcome: Outcome;
    readonly passed: boolean;
    /** What `raftsim run` would exit with. */
    readonly exitCode: number;
    readonly expectations: readonly ExpectationResult[];
    readonly failedExpectations: readonly ExpectationResult[];
    /** The full simulation result, including `metrics` (docs/metrics.md). */
    readonly result: SimulationResult;
    readonly metrics: SimulationResult['metrics'];
    readonly compiled: CompiledScenario;
    readonly drawn: Readonly<Record<string, unknown>>;
    readonly run: ScenarioRun;
    /** The exact command that runs this seed again from the command line (`npx raftsim run REF --seed N ...`).
     *  For an inline scenario REF is NAME.json: save `scenarioText` there (assertSeedPasses does it for you). */
    readonly replay: string;
    /** The scenario's text as the run read it (YAML or JSON; for an inline scenario, its JSON). */
    readonly scenarioText: string;
    /** The trace file written (options.tracePath), else null. */
    readonly tracePath: string | null;
    /** The result.json document (docs/results.md). */
    json(): ResultJson;
}
/** A scenario from a built-in name, a .yaml/.json path, or an inline object in the file's form. */
export declare function loadScenario(source: ScenarioSourceInput): LoadedScenario;
export declare function runScenario(source: ScenarioSourceInput, options?: ScenarioRunOptions): ScenarioRunResult;
/** Runs a scenario file (or a built-in scenario by name) for one seed. */
export declare function runScenarioFile(path: string, options?: ScenarioRunOptions): ScenarioRunResult;
/** Runs a scenario written inline as an object (same fields and units as a file). */
export declare function runScenarioSpec(spec: ScenarioInput, options?: ScenarioRunOptions): ScenarioRunResult;
