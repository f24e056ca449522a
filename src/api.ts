// The scenario API for TypeScript users: load a scenario (built-in name, file or inline object), run it for a
// seed, and look at the verdict, the expectations and the metrics — e.g. inside a vitest suite.
import type { RaftFactory } from '../raft/contract.js';
import type { SimulationResult } from '../sim/simulate.js';
import type { Trace } from '../sim/trace.js';
import { UsageError } from './errors.js';
import { toResultJson, type ResultJson } from './result.js';
import { loadScenario as load, runLoadedScenario, type Outcome, type ScenarioRun } from './run-scenario.js';
import type { CompiledScenario } from './scenario/compile.js';
import type { ExpectationResult } from './scenario/expectations.js';
import type { LoadedScenario } from './scenario/load.js';
import { overrideFlags, parseOverrides, type Overrides } from './scenario/overrides.js';

export type OverrideKey = (typeof overrideFlags)[number]['key'];

export interface ScenarioRunOptions {
  /** Default 1. */
  readonly seed?: number;
  /** As on the command line, in human units: { duration: '8s', nodes: 3, drop: '5%', preVote: false }. */
  readonly overrides?: Partial<Record<OverrideKey, string | number | boolean | readonly string[]>>;
  /** A trace to write or hash (default: hashed, not kept). */
  readonly trace?: Trace;
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
  /** The result.json document (docs/results.md). */
  json(): ResultJson;
}

function toOverrides(input: ScenarioRunOptions['overrides']): Overrides {
  if (input === undefined) return {};
  const values: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    const flag = overrideFlags.find((candidate) => candidate.key === key || candidate.flag === key);
    if (flag === undefined) throw new UsageError(`overrides.${key}: found an unknown override, expected one of ${overrideFlags.map((candidate) => candidate.key).join(', ')}.`);
    values[flag.flag] = typeof value === 'number' && !['nodes', 'snapshot-count'].includes(flag.flag) ? String(value) : value;
  }
  return parseOverrides(values, (flag) => `overrides.${overrideFlags.find((candidate) => candidate.flag === flag)!.key}`);
}

/** A scenario from a built-in name, a .yaml/.json path, or an inline object in the file's form. */
export function loadScenario(source: string | Record<string, unknown> | LoadedScenario): LoadedScenario {
  return load(source);
}

export function runScenario(source: string | Record<string, unknown> | LoadedScenario, options: ScenarioRunOptions = {}): ScenarioRunResult {
  const scenario = load(source);
  const seed = options.seed ?? 1;
  const run = runLoadedScenario(scenario, seed, {
    overrides: toOverrides(options.overrides),
    ...(options.trace !== undefined ? { trace: options.trace } : {}),
    ...(options.raft !== undefined ? { raft: { name: 'custom (API)', factory: options.raft } } : {}),
  });
  return {
    verdict: run.result.verdict,
    outcome: run.outcome,
    passed: run.outcome === 'passed',
    exitCode: run.exitCode,
    expectations: run.expectations,
    failedExpectations: run.expectations.filter((expectation) => !expectation.passed),
    result: run.result,
    metrics: run.result.metrics,
    compiled: run.compiled,
    drawn: run.compiled.drawn,
    run,
    json: () => toResultJson(run),
  };
}

/** Runs a scenario file (or a built-in scenario by name) for one seed. */
export function runScenarioFile(path: string, options: ScenarioRunOptions = {}): ScenarioRunResult {
  return runScenario(path, options);
}

/** Runs a scenario written inline as an object (same fields and units as a file). */
export function runScenarioSpec(spec: Record<string, unknown>, options: ScenarioRunOptions = {}): ScenarioRunResult {
  return runScenario(spec, options);
}
