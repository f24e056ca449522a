// Runs a scenario (built-in or file) for one seed: compile, simulate, check expectations. Shared by the CLI, the
// sweep workers and the public API.
import { existsSync } from 'node:fs';
import { builtinScenarios, findScenario } from './scenario/builtin.js';
import { simulate, type RaftImplementation, type SimulationResult } from '../sim/simulate.js';
import { UnsupportedByRaftError } from '../sim/cluster/cluster.js';
import { loadedRaftModule } from './raft-module.js';
import { Trace } from '../sim/trace.js';
import { UsageError, exitCodes } from './errors.js';
import type { CompiledScenario } from './scenario/compile.js';
import { suggest } from './scenario/errors.js';
import { evaluateExpectations, expectationContext, type ExpectationResult } from './scenario/expectations.js';
import { loadScenarioFile, parseScenarioText, scenarioFromObject, type LoadedScenario, type ScenarioSource } from './scenario/load.js';
import type { Overrides } from './scenario/overrides.js';

/** Whether a scenario reference names a file rather than a built-in scenario. */
export function looksLikePath(ref: string): boolean {
  return /[\\/]/.test(ref) || /\.(ya?ml|json)$/i.test(ref) || (existsSync(ref) && findScenario(ref) === undefined);
}

/** A built-in scenario by name, or a scenario file by path. Unknown names are usage errors. */
export function openScenario(ref: string): LoadedScenario {
  if (looksLikePath(ref)) return loadScenarioFile(ref);
  const builtin = findScenario(ref);
  if (builtin !== undefined) return builtin.scenario;
  const hint = suggest(ref, builtinScenarios.map((scenario) => scenario.name));
  throw new UsageError(
    `unknown scenario "${ref}": ${hint !== null ? `did you mean "${hint}"? ` : ''}the built-in scenarios are ${builtinScenarios.map((scenario) => scenario.name).join(', ')} (see \`raftsim list\`), or give the path of a .yaml or .json scenario file.`,
  );
}

/** Opens a reference, a file path, or takes a plain object (a scenario written inline). */
export function loadScenario(source: string | Record<string, unknown> | LoadedScenario): LoadedScenario {
  if (source instanceof Object && 'compile' in source && typeof (source as LoadedScenario).compile === 'function') return source as LoadedScenario;
  if (typeof source === 'string') return openScenario(source);
  return scenarioFromObject(source);
}

/** Rebuilds a loaded scenario from a recorded source (the exact text the run used, even if the file changed). */
export function reopenScenario(source: ScenarioSource, name?: string): LoadedScenario {
  if (source.kind === 'inline') return scenarioFromObject(JSON.parse(source.text) as unknown, source.ref);
  const fallback = name ?? source.ref.replace(/^.*[\\/]/, '').replace(/\.(ya?ml|json)$/i, '');
  return parseScenarioText(source.text, { kind: source.kind, ref: source.ref, path: source.path }, fallback);
}

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

export function outcomeOf(verdict: SimulationResult['verdict'], expectations: readonly ExpectationResult[]): Outcome {
  if (verdict === 'safety') return 'safety';
  if (verdict === 'liveness') return 'liveness';
  return expectations.every((expectation) => expectation.passed) ? 'passed' : 'expectations';
}

export function exitCodeOf(outcome: Outcome): number {
  switch (outcome) {
    case 'passed':
      return exitCodes.ok;
    case 'safety':
      return exitCodes.safety;
    case 'liveness':
    case 'expectations':
      return exitCodes.liveness;
    default: {
      const unreachable: never = outcome;
      throw new Error(`unknown outcome ${String(unreachable)}`);
    }
  }
}

export function checkExpectations(compiled: CompiledScenario, result: SimulationResult): ExpectationResult[] {
  return evaluateExpectations(compiled.expectations, expectationContext(result));
}

/** Compiles and runs one seed. Bad scenarios or overrides throw a usage error (ScenarioError). */
export function runLoadedScenario(scenario: LoadedScenario, seed: number, options: { overrides?: Overrides; trace?: Trace; raft?: RaftImplementation } = {}): ScenarioRun {
  const overrides = options.overrides ?? {};
  const compiled = scenario.compile(seed, overrides);
  const implementation = options.raft ?? (overrides.raft !== undefined ? loadedRaftModule(overrides.raft) : null);
  const simulation = implementation === null ? compiled.options : { ...compiled.options, raftImplementation: implementation };
  const started = performance.now();
  const result = simulateSupported(simulation, options.trace ?? new Trace());
  const wallMs = performance.now() - started;
  const expectations = checkExpectations(compiled, result);
  const outcome = outcomeOf(result.verdict, expectations);
  return { scenario, seed, overrides, compiled, result, expectations, outcome, exitCode: exitCodeOf(outcome), wallMs };
}

/** Runs the simulation; a fault the Raft under test cannot carry out (a membership change on a --raft module
 *  without proposeConfChange) is a usage error naming it. */
function simulateSupported(simulation: Parameters<typeof simulate>[0], trace: Trace): SimulationResult {
  try {
    return simulate(simulation, trace);
  } catch (error) {
    if (error instanceof UnsupportedByRaftError) throw new UsageError(`${simulation.scenario}: ${error.message}`);
    throw error;
  }
}

/** Runs a scenario by name or path (kept for callers of the first API). */
export function runScenario(ref: string, seed: number, trace: Trace = new Trace(), overrides: Overrides = {}): ScenarioRun {
  return runLoadedScenario(openScenario(ref), seed, { trace, overrides });
}
