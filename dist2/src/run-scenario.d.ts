import { type RaftImplementation, type SimulationResult } from '../sim/simulate.js';
import { Trace } from '../sim/trace.js';
import type { CompiledScenario } from './scenario/compile.js';
import { type ExpectationResult } from './scenario/expectations.js';
import { type LoadedScenario, type ScenarioSource } from './scenario/load.js';
import type { Overrides } from './scenario/overrides.js';
/** Whether a scenario reference names a file rather than a built-in scenario. */
export declare function looksLikePath(ref: string): boolean;
/** A built-in scenario by name, or a scenario file by path. Unknown names are usage errors. */
export declare function openScenario(ref: string): LoadedScenario;
/** Opens a reference, a file path, or takes a plain object (a scenario written inline). */
export declare function loadScenario(source: string | Record<string, unknown> | LoadedScenario): LoadedScenario;
/** Rebuilds a loaded scenario from a recorded source (the exact text the run used, even if the file changed). */
export declare function reopenScenario(source: ScenarioSource, name?: string): LoadedScenario;
export type Outcome = 'passed' | 'safety' | 'liveness' | 'expectations';
export interface ScenarioRun {
    readonly scenario: LoadedScenario;
    readonly seed: number;
    readonly overrides: Overrides;
    readonly compiled: CompiledScenario;
    readonly result: SimulationResult;
    readonly expectations: readonly ExpectationResult[];
    /** passed; safety (a violated invariant, exit 1); liveness (no convergence, exit 3); expectations (exit 3). */
    readonly outcome: Outcome;
    readonly exitCode: number;
    readonly wallMs: number;
}
export declare function outcomeOf(verdict: SimulationResult['verdict'], expectations: readonly ExpectationResult[]): Outcome;
export declare function exitCodeOf(outcome: Outcome): number;
export declare function checkExpectations(compiled: CompiledScenario, result: SimulationResult): ExpectationResult[];
/** Compiles and runs one seed. Bad scenarios or overrides throw a usage error (ScenarioError). */
export declare function runLoadedScenario(scenario: LoadedScenario, seed: number, options?: {
    overrides?: Overrides;
    trace?: Trace;
    raft?: RaftImplementation;
}): ScenarioRun;
/** Runs a scenario by name or path (kept for callers of the first API). */
export declare function runScenario(ref: string, seed: number, trace?: Trace, overrides?: Overrides): ScenarioRun;
