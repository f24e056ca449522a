// The command line's side of the SVG reports (docs/reports.md): reading a trace file line by line into the
// report model (bounded memory: the file is never held whole), turning a malformed trace into a usage error
// that names the file and the line, adapting sweep.json to the sweep report's input, and telling traces
// from sweep.json files for `raftsim compare`.
import { situations } from '../sim/coverage.js';
import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import type { MembershipMetrics } from '../sim/membership-metrics.js';
import { formatUs } from '../sim/random.js';
import {
  parseTrace,
  perfettoTrace,
  renderComparisonModels,
  renderModel,
  renderSweepComparison,
  renderSweepReport,
  TraceFormatError,
  withRunResult,
  type ReportExpectation,
  type ReportMembershipFigures,
  type RunModel,
  type RunResultInfo,
  type SweepReportInput,
  type SweepSeed,
  type SweepVerdict,
} from '../reports/index.js';
import { UsageError } from './errors.js';
import { checkSweepJson, type SweepFileData } from './merge.js';
import { overridesFromFlags } from './replay.js';
import { replayCommand, type SeedSummary } from './result.js';
import type { ResultJson } from './result.js';
import { reopenScenario, type Outcome } from './run-scenario.js';
import { parseExpectation } from './scenario/expectations.js';
import type { ScenarioSource } from './scenario/load.js';
import { applyOverrides } from './scenario/overrides.js';
import { specToDocument } from './scenario/serialize.js';
import { parseDuration } from './scenario/units.js';

const expectedTrace = 'expected a trace.jsonl written by `raftsim run --out DIR --trace` (or --report)';
const CHUNK_BYTES = 1 << 20;
/** A longer line is not a trace record (the meta record of a 51-node run is a few KiB). */
const MAX_LINE_CHARS = 64 << 20;

// ------------------------------------------------------------------------------------------ the detail window

export interface DetailWindowFlags {
  readonly fromUs?: number;
  readonly toUs?: number;
  /** --from as given, for messages. */
  readonly fromText?: string;
}

function durationFlag(value: unknown, flag: string): number | undefined {
  if (value === undefined) return undefined;
  if (Array.isArray(value)) throw new UsageError(`${flag} was given ${value.length} times: expected it once.`);
  try {
    return parseDuration(String(value).trim());
  } catch {
    throw new UsageError(`${flag} ${String(value)}: expected a time into the run such as 12.5s, 800ms or 2min.`);
  }
}

/** --from/--to as microseconds of simulated time; --from must come before --to. */
export function parseWindowFlags(from: unknown, to: unknown): DetailWindowFlags {
  const fromUs = durationFlag(from, '--from');
  const toUs = durationFlag(to, '--to');
  if (toUs === 0) throw new UsageError(`--to ${String(to)}: expected a time after the start of the run, such as 14s.`);
  if (fromUs !== undefined && toUs !== undefined && toUs <= fromUs) {
    throw new UsageError(`--from ${String(from)} --to ${String(to)}: expected --from before --to.`);
  }
  return { ...(fromUs !== undefined ? { fromUs, fromText: String(from) } : {}), ...(toUs !== undefined ? { toUs } : {}) };
}

/** The window inside the run: --to past the end is cut at the end; --from past the end is an error. */
function windowFor(model: RunModel, window: DetailWindowFlags, file: string): DetailWindowFlags {
  if (window.fromUs === undefined && window.toUs === undefined) return {};
  const endUs = Math.max(1, model.endUs);
  const fromUs = window.fromUs ?? 0;
  if (fromUs >= endUs) throw new UsageError(`--from ${window.fromText ?? formatUs(fromUs)}: the run in ${file} ends at ${formatUs(model.endUs)}; expected a time inside the run.`);
  return { fromUs, toUs: Math.min(window.toUs ?? endUs, endUs) };
}

// ------------------------------------------------------------------------------------------ reading traces

/** The lines of an open file, as `text.split('\n')` would give them, read 1 MiB at a time. */
function* fileLines(fd: number, file: string): Generator<string> {
  const decoder = new StringDecoder('utf8');
  const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
  let pending = '';
  let lineNo = 0;
  for (;;) {
    let bytes: number;
    try {
      bytes = readSync(fd, buffer, 0, CHUNK_BYTES, null);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new UsageError(`${file}: cannot be read (${code === 'EISDIR' ? 'it is a directory' : (code ?? String(error))}); ${expectedTrace}.`);
    }
    if (bytes === 0) break;
    pending += decoder.write(buffer.subarray(0, bytes));
    let start = 0;
    for (let newline = pending.indexOf('\n'); newline !== -1; newline = pending.indexOf('\n', start)) {
      lineNo++;
      yield pending.slice(start, newline);
      start = newline + 1;
    }
    pending = pending.slice(start);
    if (pending.length > MAX_LINE_CHARS) throw new TraceFormatError(`a line longer than ${MAX_LINE_CHARS >> 20} Mi characters`, lineNo + 1);
  }
  yield pending + decoder.end();
}

function openForReading(file: string, expected: string): number {
  try {
    if (statSync(file).isDirectory()) throw new UsageError(`${file}: is a directory; ${expected}.`);
    return openSync(file, 'r');
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(`${file}: ${code === 'ENOENT' ? 'no such file' : `cannot be read (${code ?? String(error)})`}; ${expected}.`);
  }
}

/** A malformed trace as a usage error: the file, the line, what was wrong, what was expected. */
export function traceFileError(file: string, error: TraceFormatError): UsageError {
  const what = error.message.replace(/^trace line \d+: /, '');
  return new UsageError(`${file}: line ${error.line}: ${what}; ${expectedTrace}, complete and unchanged.`);
}

/** Parses a trace file into the report model, streaming it; a malformed trace is a usage error naming the line. */
export function readTraceModel(file: string): RunModel {
  const fd = openForReading(file, expectedTrace);
  let first: string | null = null;
  try {
    const lines = fileLines(fd, file);
    return parseTrace(
      (function* (): Generator<string> {
        for (const line of lines) {
          first ??= line;
          yield line;
        }
      })(),
    );
  } catch (error) {
    if (error instanceof TraceFormatError) {
      // A pretty-printed JSON document (result.json, sweep.json) fails on its first line, "{".
      if (error.line === 1 && first !== null && (first as string).trim() === '{') {
        throw new UsageError(`${file}: line 1: found a JSON document spread over many lines (a result.json or sweep.json?), not a trace, which has one JSON record per line, a "meta" record first; ${expectedTrace}.`);
      }
      throw traceFileError(file, error);
    }
    throw error;
  } finally {
    closeSync(fd);
  }
}

// ------------------------------------------------------------------------------------------ the run's result

/** An expectation as the report shows it: with its quantity, so the measured value gets its unit. */
function reportExpectation(result: ResultJson['expectations'][number]): ReportExpectation {
  let quantity: ReportExpectation['quantity'] = 'number';
  try {
    quantity = parseExpectation(result.expression).quantity;
  } catch {
    // an expression this raftsim no longer reads: the value is shown as a plain number
  }
  return { expression: result.expression, passed: result.passed, actual: result.actual, quantity, ...(result.note !== undefined ? { note: result.note } : {}) };
}

/** The report's part of a result.json: outcome, exit code, expectations and the summary's figures. */
export function runResultInfo(result: ResultJson): RunResultInfo {
  const latency = result.metrics?.electionLatency;
  const membership = result.metrics?.membership;
  return {
    outcome: result.outcome,
    exitCode: result.exitCode,
    expectations: result.expectations.map(reportExpectation),
    figures: {
      ...(latency !== undefined ? { electionLatency: { count: latency.count, p50: latency.p50, p90: latency.p90, p99: latency.p99, max: latency.max } } : {}),
      dropped: Object.values(result.network.dropped).reduce((a, b) => a + b, 0),
      sent: result.network.sent,
      ...(membership !== undefined ? { membership: membershipFigures(membership) } : {}),
    },
  };
}

function membershipFigures(m: MembershipMetrics): ReportMembershipFigures {
  return {
    changes: m.changes,
    jointPeriods: m.jointPeriods,
    timeJointUs: m.timeJointUs,
    removedStepDowns: m.removedStepDowns,
    finalConfig: m.finalConfig,
    catchUp: Object.entries(m.catchUp).map(([node, c]) => ({ node, catchUpUs: c.catchUpUs, bySnapshot: c.bySnapshot })),
  };
}

/**
 * The result.json beside a trace, when it is the result of that very run (same scenario, seed and trace
 * hash); null otherwise (a trace copied alone, or a result.json of another run).
 */
export function resultBeside(traceFile: string, model: RunModel): RunResultInfo | null {
  let json: ResultJson;
  try {
    json = JSON.parse(readFileSync(join(dirname(traceFile), 'result.json'), 'utf8')) as ResultJson;
  } catch {
    return null;
  }
  if (json === null || typeof json !== 'object' || typeof json.raftsim !== 'object' || json.raftsim === null || !('resultVersion' in json.raftsim)) return null;
  if (model.end === null || json.traceHash !== model.end.hash || json.seed !== model.seed || json.scenario !== model.scenario) return null;
  if (!Array.isArray(json.expectations) || typeof json.outcome !== 'string' || typeof json.network !== 'object') return null;
  try {
    return runResultInfo(json);
  } catch {
    return null;
  }
}

/** The report model of a trace file with the run's result (result.json beside it) attached when there is one. */
export function readRunModel(file: string): RunModel {
  const model = readTraceModel(file);
  return withRunResult(model, resultBeside(file, model));
}

export interface RenderedReport {
  readonly svg: string;
  /** Remarks for stderr, e.g. a trace without its end record. */
  readonly notes: readonly string[];
  /** What the report shows, for the summary line. */
  readonly description: string;
}

function traceNotes(model: RunModel, file: string): string[] {
  return model.end === null ? [`${file} has no end record (the run was cut short); the report shows its verdict as unknown.`] : [];
}

/** The run report of a trace file (the same bytes as renderRunReport of its lines). */
export function renderTraceFile(file: string, options: DetailWindowFlags & { readonly title?: string } = {}): RenderedReport {
  const model = readRunModel(file);
  const window = windowFor(model, options, file);
  const svg = renderModel(model, { ...(window.fromUs !== undefined ? { fromUs: window.fromUs, toUs: window.toUs! } : {}), ...(options.title !== undefined ? { title: options.title } : {}) });
  const detail = window.fromUs !== undefined ? `, detail ${formatUs(window.fromUs)}..${formatUs(window.toUs!)}` : '';
  return { svg, notes: traceNotes(model, file), description: `run report of ${model.scenario} seed ${String(model.seed)}, ${model.nodes.length} nodes${detail}` };
}

// ------------------------------------------------------------------------------------------ export

/**
 * The trace as Chrome trace-event JSON for Perfetto (reports/perfetto.ts): the trace is read twice, streamed —
 * once into the report model (which validates it and gives the role spans), once record by record.
 */
export function renderPerfettoFile(file: string): RenderedReport {
  const model = readTraceModel(file);
  const fd = openForReading(file, expectedTrace);
  let json: string;
  try {
    const records = (function* (): Generator<unknown> {
      for (const line of fileLines(fd, file)) if (line.trim() !== '') yield JSON.parse(line) as unknown;
    })();
    const trace = perfettoTrace(model, records);
    json = JSON.stringify(trace) + '\n';
    return { svg: json, notes: traceNotes(model, file), description: `Perfetto trace of ${model.scenario} seed ${String(model.seed)}: ${model.nodes.length} node processes, ${trace.traceEvents.length} events` };
  } finally {
    closeSync(fd);
  }
}

// ------------------------------------------------------------------------------------------ sweeps

/** What the sweep report needs from a sweep.json (or from a sweep that just ran). */
export interface SweepLike {
  readonly sweep: {
    readonly scenario: string;
    readonly ref: string;
    readonly overrides: readonly string[];
    readonly source: ScenarioSource;
    readonly seeds: string;
    readonly shard: { readonly index: number; readonly count: number } | null;
  };
  readonly runs: readonly (Pick<SeedSummary, 'seed' | 'outcome' | 'invariant' | 'message' | 'failedExpectations' | 'leaderChanges' | 'elections' | 'clientOk' | 'metrics'> & { readonly reached?: readonly string[] })[];
}

const verdictOf: Readonly<Record<Outcome, SweepVerdict>> = { passed: 'ok', safety: 'safety', liveness: 'liveness', expectations: 'expectation' };

/** The sweep's parameters for the report header: seeds, override flags, and the scenario as given (overrides applied). */
function sweepParameters(sweep: SweepLike['sweep']): Record<string, unknown> {
  const parameters: Record<string, unknown> = { seeds: sweep.seeds };
  if (sweep.shard !== null) parameters.shard = `${sweep.shard.index}/${sweep.shard.count}`;
  parameters.overrides = sweep.overrides.length > 0 ? sweep.overrides.join(' ') : 'none';
  try {
    const scenario = reopenScenario(sweep.source, sweep.scenario);
    const spec = applyOverrides(scenario.spec, overridesFromFlags(sweep.overrides, 'sweep.json'));
    const document = JSON.parse(JSON.stringify(specToDocument(spec))) as Record<string, unknown>;
    delete document.name;
    delete document.question;
    Object.assign(parameters, document);
  } catch {
    // A scenario text this raftsim no longer reads: the header shows the seeds and flags only.
  }
  return parameters;
}

/**
 * A sweep's per-seed rows as the sweep report's input: each seed's metrics (already flat dotted paths,
 * `sweep.metricPaths`) plus the run statistics the sweep summary prints, and the command that replays it.
 */
export function sweepReportInput(file: SweepLike): SweepReportInput {
  const { sweep } = file;
  const seeds: SweepSeed[] = file.runs.map((run) => {
    const verdict = verdictOf[run.outcome];
    return {
      seed: run.seed,
      verdict,
      invariant: verdict === 'expectation' ? run.failedExpectations.join('; ') : run.invariant,
      message: verdict === 'expectation' ? null : run.message,
      replay: replayCommand(sweep.ref, run.seed, sweep.overrides),
      metrics: { ...run.metrics, leaderChanges: run.leaderChanges, elections: run.elections, clientOk: run.clientOk },
    };
  });
  // Sweep files written before coverage existed have no `reached`: no panel rather than a wall of "never".
  const hasCoverage = file.runs.some((run) => run.reached !== undefined);
  const coverage = hasCoverage ? situations.map((situation) => ({ name: situation.name, seeds: file.runs.filter((run) => run.reached?.includes(situation.name) === true).length })) : [];
  return { scenario: sweep.scenario, seeds, parameters: sweepParameters(sweep), coverage };
}

export function renderSweepFile(file: SweepLike): RenderedReport {
  const svg = renderSweepReport(sweepReportInput(file));
  return { svg, notes: [], description: `sweep report of ${file.sweep.scenario}, ${file.runs.length} seeds` };
}

// ------------------------------------------------------------------------------------------ compare

export type CompareInput = { readonly kind: 'trace'; readonly file: string } | { readonly kind: 'sweep'; readonly file: string; readonly data: SweepFileData };

const expectedEither = 'expected a trace.jsonl (`raftsim run --out DIR --trace`) or a sweep.json (`raftsim sweep --out DIR`)';

/** Reads the start of a file: up to the first newline, at most 4 MiB. */
function firstLine(fd: number): string {
  const buffer = Buffer.allocUnsafe(4 << 20);
  let length = 0;
  for (;;) {
    const bytes = readSync(fd, buffer, length, buffer.length - length, null);
    if (bytes === 0) break;
    const newline = buffer.subarray(length, length + bytes).indexOf(10);
    length += bytes;
    if (newline !== -1 || length === buffer.length) break;
  }
  const text = buffer.subarray(0, length).toString('utf8');
  const newline = text.indexOf('\n');
  return newline === -1 ? text : text.slice(0, newline);
}

/**
 * Tells a trace from a sweep.json by content: a trace's first line is a JSON record with `t` and `type`
 * (the `meta` record); a sweep.json is one JSON document with `raftsim.sweepVersion`. A directory stands for
 * the trace.jsonl or the sweep.json in it.
 */
export function detectCompareInput(given: string): CompareInput {
  let file = given;
  try {
    if (statSync(given).isDirectory()) {
      const candidates = ['trace.jsonl', 'sweep.json'].filter((name) => {
        try {
          return statSync(join(given, name)).isFile();
        } catch {
          return false;
        }
      });
      if (candidates.length !== 1) {
        throw new UsageError(`${given}: is a directory with ${candidates.length === 0 ? 'neither a trace.jsonl nor a sweep.json' : 'both a trace.jsonl and a sweep.json'}; ${expectedEither}, named as a file.`);
      }
      file = join(given, candidates[0]!);
    }
  } catch (error) {
    if (error instanceof UsageError) throw error;
    // a missing file is reported below
  }
  const fd = openForReading(file, expectedEither);
  let head: string;
  try {
    head = firstLine(fd);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(`${file}: cannot be read (${code ?? String(error)}); ${expectedEither}.`);
  } finally {
    closeSync(fd);
  }
  let record: unknown = undefined;
  try {
    record = JSON.parse(head);
  } catch {
    // not one JSON record per line
  }
  if (record !== null && typeof record === 'object' && !Array.isArray(record) && 't' in record && 'type' in record) return { kind: 'trace', file };
  if (!head.trimStart().startsWith('{')) throw new UsageError(`${file}: found neither a trace nor a sweep.json (the file does not start with a JSON object); ${expectedEither}.`);
  let json: unknown;
  try {
    json = JSON.parse(readWhole(file));
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`${file}: found neither a trace nor a sweep.json (${error instanceof Error ? error.message : String(error)}); ${expectedEither}.`);
  }
  const raftsim = json !== null && typeof json === 'object' ? (json as { raftsim?: Record<string, unknown> }).raftsim : undefined;
  if (raftsim !== undefined && raftsim !== null && typeof raftsim === 'object' && 'sweepVersion' in raftsim) return { kind: 'sweep', file, data: checkSweepJson(file, json) };
  if (raftsim !== undefined && raftsim !== null && typeof raftsim === 'object' && 'resultVersion' in raftsim) {
    throw new UsageError(`${file}: is a result.json, which holds a run's figures but not its events; compare the runs' trace.jsonl files instead (\`raftsim run ... --out DIR --trace\` writes DIR/trace.jsonl).`);
  }
  throw new UsageError(`${file}: found a JSON document that is neither a trace nor a sweep.json (no raftsim.sweepVersion); ${expectedEither}.`);
}

function readWhole(file: string): string {
  const fd = openForReading(file, expectedEither);
  try {
    const chunks: Buffer[] = [];
    const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
    for (let bytes = readSync(fd, buffer, 0, CHUNK_BYTES, null); bytes > 0; bytes = readSync(fd, buffer, 0, CHUNK_BYTES, null)) chunks.push(Buffer.from(buffer.subarray(0, bytes)));
    return Buffer.concat(chunks).toString('utf8');
  } finally {
    closeSync(fd);
  }
}

/** Distinct default labels: each run's own name, or with its file when both would read the same. */
function distinct(a: string, b: string, fileA: string, fileB: string): [string, string] {
  return a === b ? [`${a} (${fileA})`, `${b} (${fileB})`] : [a, b];
}

function sweepLabel(data: SweepFileData): string {
  const flags = data.sweep.overrides.length > 0 ? ` ${data.sweep.overrides.join(' ')}` : '';
  const shard = data.sweep.shard !== null ? ` shard ${data.sweep.shard.index}/${data.sweep.shard.count}` : '';
  return `${data.sweep.scenario}${flags} seeds ${data.sweep.seeds}${shard}`;
}

export interface CompareOptions {
  readonly labelA?: string;
  readonly labelB?: string;
  readonly title?: string;
}

/** Two traces → the comparison report; two sweep.json files → the sweep comparison; anything else is bad input. */
export function renderComparisonFiles(givenA: string, givenB: string, options: CompareOptions = {}): RenderedReport {
  const a = detectCompareInput(givenA);
  const b = detectCompareInput(givenB);
  const kindName = (input: CompareInput): string => (input.kind === 'trace' ? 'a trace' : 'a sweep.json');
  if (a.kind !== b.kind) {
    throw new UsageError(`compare: A (${a.file}) is ${kindName(a)} but B (${b.file}) is ${kindName(b)}; expected two traces (a comparison of two runs) or two sweep.json files (a comparison of two sweeps).`);
  }
  const title = options.title !== undefined ? { title: options.title } : {};
  if (a.kind === 'trace') {
    const modelA = readRunModel(a.file);
    const modelB = readRunModel(b.file);
    const [labelA, labelB] = distinct(`${modelA.scenario} seed ${String(modelA.seed)}`, `${modelB.scenario} seed ${String(modelB.seed)}`, a.file, b.file);
    const svg = renderComparisonModels({ label: options.labelA ?? labelA, model: modelA }, { label: options.labelB ?? labelB, model: modelB }, title);
    return { svg, notes: [...traceNotes(modelA, a.file), ...traceNotes(modelB, b.file)], description: `comparison of two runs: A ${options.labelA ?? labelA}, B ${options.labelB ?? labelB}` };
  }
  const dataA = a.data;
  const dataB = (b as Extract<CompareInput, { kind: 'sweep' }>).data;
  const [labelA, labelB] = distinct(sweepLabel(dataA), sweepLabel(dataB), a.file, b.file);
  const svg = renderSweepComparison(
    { ...sweepReportInput(dataA), label: options.labelA ?? labelA },
    { ...sweepReportInput(dataB), label: options.labelB ?? labelB },
    title,
  );
  return { svg, notes: [], description: `comparison of two sweeps: A ${options.labelA ?? labelA} (${dataA.runs.length} seeds), B ${options.labelB ?? labelB} (${dataB.runs.length} seeds)` };
}
