// The scenario API for TypeScript users: load a scenario (built-in name, file or inline object), run it for a
// seed, and look at the verdict, the expectations and the metrics — e.g. inside a vitest suite.
import type { RaftFactory } from '../raft/contract.js';
import type { SimulationResult } from '../sim/simulate.js';
import { FileSink, Trace } from '../sim/trace.js';
import { UsageError } from './errors.js';
import { replayCommand, toResultJson, type ResultJson } from './result.js';
import { loadScenario as load, runLoadedScenario, type Outcome, type ScenarioRun } from './run-scenario.js';
import type { CompiledScenario } from './scenario/compile.js';
import type { ExpectationResult } from './scenario/expectations.js';
import type { ScenarioInput } from './scenario/input.js';
import type { LoadedScenario } from './scenario/load.js';
import { overrideFlags, overridesToFlags, parseOverrides, type Overrides } from './scenario/overrides.js';

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
export function loadScenario(source: ScenarioSourceInput): LoadedScenario {
  return load(source as string | Record<string, unknown> | LoadedScenario);
}

/** The command line's reference to a scenario: its name or path, or NAME.json for an inline one. */
function commandRef(scenario: LoadedScenario): string {
  return scenario.source.kind === 'inline' ? `${scenario.name}.json` : scenario.source.ref;
}

export function runScenario(source: ScenarioSourceInput, options: ScenarioRunOptions = {}): ScenarioRunResult {
  const scenario = loadScenario(source);
  const seed = options.seed ?? 1;
  const overrides = toOverrides(options.overrides);
  if (options.trace !== undefined && options.tracePath !== undefined) throw new UsageError('runScenario: give trace or tracePath, not both.');
  const sink = options.tracePath !== undefined ? new FileSink(options.tracePath) : null;
  let run: ScenarioRun;
  try {
    run = runLoadedScenario(scenario, seed, {
      overrides,
      ...(sink !== null ? { trace: new Trace({ sink }) } : options.trace !== undefined ? { trace: options.trace } : {}),
      ...(options.raft !== undefined ? { raft: { name: 'custom (API)', factory: options.raft } } : {}),
    });
  } finally {
    sink?.close();
  }
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
    replay: replayCommand(commandRef(scenario), seed, overridesToFlags(overrides)),
    scenarioText: scenario.source.text,
    tracePath: options.tracePath ?? null,
    json: () => toResultJson(run),
  };
}

/** Runs a scenario file (or a built-in scenario by name) for one seed. */
export function runScenarioFile(path: string, options: ScenarioRunOptions = {}): ScenarioRunResult {
  return runScenario(path, options);
}

/** Runs a scenario written inline as an object (same fields and units as a file). */
export function runScenarioSpec(spec: ScenarioInput, options: ScenarioRunOptions = {}): ScenarioRunResult {
  return runScenario(spec, options);
}
