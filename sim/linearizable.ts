// The end-of-run linearizability check (invariant 'Linearizable'): the run's whole client history, checked per
// key against the key-value model with linearizability/'s checker (docs/linearizability.md, "In every run").
// The per-read check of sim/workload.ts (LinearizableRead) stays as the fast first pass: it stops the run at
// the stale read itself; this check catches what it cannot (a stale read of a write not yet acknowledged, cas
// and unknown-outcome orders) and draws the picture either way.
import { checkLinearizable, kvModel, UNKNOWN, type History, type IndexedOperation, type KvInput, type KvOutput, type KvState, type Model, type Operation, type Partition } from '../linearizability/index.js';
import type { ClientHistory, RecordedOperation } from './client-history.js';
import { formatUs } from './random.js';

/** Search steps per key before the verdict is Unknown (deterministic: no clock). A 10 s chaos run's keys need a
 *  few hundred each; Porcupine's hardest Jepsen history 1.4 million. */
export const DEFAULT_MAX_STEPS_PER_KEY = 2_000_000;
/** Steps the shrinker may spend on the violating key. */
export const DEFAULT_SHRINK_STEPS = 1_000_000;

export interface LinearizabilityOptions {
  readonly maxStepsPerKey?: number;
  readonly shrinkMaxSteps?: number;
}

/** One operation of the client history, as result.json and the trace refer to it. */
export interface HistoryOperationSummary {
  /** `client#id`, the trace's invoke/ok/timeout `client` and `id`. */
  readonly ref: string;
  readonly client: string;
  readonly id: number;
  readonly key: string;
  readonly op: KvInput['op'];
  readonly status: Operation<unknown, unknown>['status'];
  readonly callUs: number;
  /** Null: the run ended before the client learned the outcome. */
  readonly returnUs: number | null;
  /** E.g. "get(k3) -> 'c2-5…(16 chars)'" (values abbreviated). */
  readonly description: string;
}

export interface LinearizabilityVerdict {
  /** 'unknown': not decided — a key used its whole search budget, or the history cap cut the history short. */
  readonly verdict: 'ok' | 'violation' | 'unknown';
  /** Operations recorded (and checked, failed ones excluded), keys, and operations with an unknown outcome. */
  readonly operations: number;
  readonly keys: number;
  readonly unknownOutcomes: number;
  /** Operations not recorded because of the history cap (then a pass is 'unknown'). */
  readonly notRecorded: number;
  /** Unknown-outcome operations left out of the search: no other operation could have observed them. */
  readonly unobservedDropped: number;
  readonly stepsUsed: number;
  /** The violating key, or the first undecided one. */
  readonly key: string | null;
  /** Why the verdict is what it is, in one sentence. */
  readonly reason: string;
  /** The operation no linearization of the key gets past. */
  readonly stuck: HistoryOperationSummary | null;
  /** The smallest failing sub-history of the key (the focused one: the stuck operation and what explains it). */
  readonly subHistory: readonly HistoryOperationSummary[];
  /** For the picture: the writes of values subHistory's operations read, when the shrink left them out (a read
   *  of a value with its write removed fails alone). Not part of the failing sub-history. */
  readonly context: readonly HistoryOperationSummary[];
  /** No operation of subHistory can be removed (false: the shrink budget ran out first). */
  readonly oneMinimal: boolean | null;
}

function summarize(recorded: RecordedOperation, description: string): HistoryOperationSummary {
  const { client, id, operation } = recorded;
  return {
    ref: `${client}#${id}`,
    client,
    id,
    key: operation.input.key,
    op: operation.input.op,
    status: operation.status,
    callUs: operation.callUs,
    returnUs: operation.returnUs,
    description,
  };
}

/** Under a cap, operations still open at the first one not recorded become unknown: then a violation of the
 *  recorded part is one of the whole history (no later operation can be linearized before the cut). */
function weakenAtCut(operations: History<KvInput, KvOutput>, cutUs: number): History<KvInput, KvOutput> {
  return operations.map((operation) =>
    operation.status === 'unknown' || (operation.returnUs !== null && operation.returnUs < cutUs)
      ? operation
      : { status: 'unknown', clientId: operation.clientId, callUs: operation.callUs, returnUs: operation.returnUs, input: operation.input, output: null },
  );
}

/**
 * The operations worth checking: every one but those with an unknown outcome whose effect no other operation
 * could have observed — an unknown get, or an unknown put or cas whose value no get returned, no cas expected or
 * found (on a key where every cas that did not swap says what it found). Each may be taken never to have
 * happened (an unknown outcome allows it), and taking it to have happened explains nothing more, since no
 * operation saw the state it leaves: dropping it keeps the verdict (test/linearizability-runs.test.ts checks
 * this against the whole history on small random ones) and spares the search from trying
 * each one at every point after its call (a run's timed-out writes are mostly to a deposed leader, never
 * committed, and made 600-operation histories undecidable within the budget).
 */
export function observableOperations(history: History<KvInput, KvOutput>): number[] {
  // Only unknown outcomes can be left out: note their keys first, and look at the rest only on those keys.
  const candidateKeys = new Set<string>();
  for (let index = 0; index < history.length; index++) {
    const operation = history[index]!;
    if (operation.status === 'unknown') candidateKeys.add(operation.input.key);
  }
  const seen = new Map<string, Set<string>>();
  // A cas that found another value without saying which observes every value but one: its key keeps all.
  const keepAll = new Set<string>();
  if (candidateKeys.size > 0) {
    for (let index = 0; index < history.length; index++) {
      const operation = history[index]!;
      const input = operation.input;
      if (!candidateKeys.has(input.key)) continue;
      if (input.op === 'cas' && input.expected !== null) addSeen(seen, input.key, input.expected);
      if (operation.status !== 'ok') continue;
      const output = operation.output;
      if (output.kind === 'cas' && output.value === undefined) keepAll.add(input.key);
      const value = output.kind === 'get' ? output.value : output.kind === 'cas' ? (output.value ?? null) : null;
      if (value !== null) addSeen(seen, input.key, value);
    }
  }
  const kept: number[] = [];
  for (let index = 0; index < history.length; index++) {
    const operation = history[index]!;
    const input = operation.input;
    if (operation.status !== 'unknown' || keepAll.has(input.key)) kept.push(index);
    else if (input.op !== 'get' && seen.get(input.key)?.has(input.value) === true) kept.push(index);
  }
  return kept;
}

function addSeen(seen: Map<string, Set<string>>, key: string, value: string): void {
  const values = seen.get(key);
  if (values === undefined) seen.set(key, new Set([value]));
  else values.add(value);
}

/** The model's text of one operation. */
function describeKv(operation: Operation<KvInput, KvOutput>): string {
  return kvModel.describeOperation(operation.input, operation.status === 'ok' ? operation.output : UNKNOWN);
}

/** Entries (indices, in call order) that wrote a value one of `shown` read, and are not among them. */
function writesRead(entries: readonly RecordedOperation[], shown: readonly number[]): number[] {
  const wanted = new Set<string>();
  for (const index of shown) {
    const operation = entries[index]!.operation;
    if (operation.status !== 'ok') continue;
    const output = operation.output;
    const value = output.kind === 'get' ? output.value : output.kind === 'cas' && !output.ok ? (output.value ?? null) : null;
    if (value !== null) wanted.add(value);
  }
  const inShown = new Set(shown);
  const found: number[] = [];
  entries.forEach((entry, index) => {
    const input = entry.operation.input;
    if (input.op !== 'get' && !inShown.has(index) && wanted.has(input.value) && input.key === entries[shown[0]!]!.operation.input.key) found.push(index);
  });
  return found;
}

/** Bytes the search may hold per key: its cache keeps a record of (3 + n/32) words and 16 bytes of slots per
 *  step for a key of n operations (docs/linearizability.md), so a key's step budget shrinks as it grows. */
export const MAX_SEARCH_BYTES_PER_KEY = 512 * 1024 * 1024;

/** The step budget of a key of `operations` operations: the configured one, or less to stay in memory. */
export function stepBudget(operations: number, maxSteps: number): number {
  const bytesPerStep = (3 + Math.ceil(operations / 32)) * 4 + 16;
  return Math.min(maxSteps, Math.floor(MAX_SEARCH_BYTES_PER_KEY / bytesPerStep));
}

interface KeyCheck {
  readonly key: string;
  /** Indices into the checked history of the operations checked with the key (its own, or all the small keys'). */
  readonly indices: readonly number[];
  readonly result: ReturnType<typeof checkLinearizable<KvState, KvInput, KvOutput>>;
}

/**
 * Each key under its own budget, up to the first violation: the keys small enough for the full budget in one
 * check (the checker partitions per key itself, and one call per key costs ~0.1 ms of set-up, which a run of
 * 250 keys noticed), each larger key alone under its smaller budget.
 */
function checkKeys(checked: History<KvInput, KvOutput>, options: LinearizabilityOptions): { keys: number; stepsUsed: number; violation: KeyCheck | null; unknown: KeyCheck | null } {
  const maxSteps = options.maxStepsPerKey ?? DEFAULT_MAX_STEPS_PER_KEY;
  const byKey = new Map<string, number[]>();
  for (let index = 0; index < checked.length; index++) {
    const key = checked[index]!.input.key;
    const indices = byKey.get(key);
    if (indices === undefined) byKey.set(key, [index]);
    else indices.push(index);
  }
  const large = new Set<string>();
  const groups: { indices: readonly number[]; budget: number }[] = [];
  for (const [key, indices] of byKey) {
    const budget = stepBudget(indices.length, maxSteps);
    if (budget < maxSteps) {
      large.add(key);
      groups.push({ indices, budget });
    }
  }
  // The small keys' operations, in history order.
  const small: number[] = [];
  for (let index = 0; index < checked.length; index++) if (large.size === 0 || !large.has(checked[index]!.input.key)) small.push(index);
  if (small.length > 0) groups.unshift({ indices: small, budget: maxSteps });
  let stepsUsed = 0;
  let unknown: KeyCheck | null = null;
  for (const { indices, budget } of groups) {
    const whole = indices.length === checked.length;
    const history = whole ? checked : indices.map((index) => checked[index]!);
    // The whole history's partition is the one just made (kvModel's: each key's indices in order, the keys in
    // order of first appearance); a part of it is partitioned again.
    const model = whole ? keyedBy(byKey) : kvModel;
    const result = checkLinearizable(history, model, {
      maxStepsPerPartition: budget,
      shrinkMaxSteps: Math.min(budget, options.shrinkMaxSteps ?? DEFAULT_SHRINK_STEPS),
    });
    stepsUsed += result.totalStepsUsed;
    if (result.verdict === 'violation') return { keys: byKey.size, stepsUsed, violation: { key: result.partition, indices, result }, unknown };
    if (result.verdict === 'unknown') unknown ??= { key: result.partition, indices, result };
  }
  return { keys: byKey.size, stepsUsed, violation: null, unknown };
}

/** kvModel with its partition of the history given: `byKey`, each key's indices in increasing order. */
function keyedBy(byKey: ReadonlyMap<string, readonly number[]>): Model<KvState, KvInput, KvOutput> {
  const partitions: Partition[] = [];
  for (const [label, indices] of byKey) partitions.push({ label, indices });
  return { ...kvModel, partition: () => partitions };
}

/** Checks the run's client history per key. `seed` is named in the reason of a violation. */
export function checkClientHistory(history: ClientHistory, seed: number, options: LinearizabilityOptions = {}): LinearizabilityVerdict {
  const recorded = history.recordedOperations();
  const cutUs = history.truncated ? history.firstDroppedUs : Infinity;
  const all: History<KvInput, KvOutput> = history.truncated ? weakenAtCut(recorded, cutUs) : recorded;
  // Checked: the observable operations; `position` maps the checked history's indices back to the entries'.
  const position = observableOperations(all);
  const checked = position.length === all.length ? all : position.map((index) => all[index]!);
  const outcome = checkKeys(checked, options);
  let unknownOutcomes = 0;
  for (const operation of recorded) if (operation.status === 'unknown') unknownOutcomes++;
  const base = {
    operations: recorded.length,
    keys: outcome.keys,
    unknownOutcomes,
    notRecorded: history.dropped,
    stepsUsed: outcome.stepsUsed,
    unobservedDropped: recorded.length - checked.length,
  };
  const none = { stuck: null, subHistory: [], context: [], oneMinimal: null };
  const cap = `the history cap of ${history.maxOperations} operations left ${history.dropped} unrecorded (from t=${formatUs(cutUs)})`;
  if (outcome.violation !== null) return violationVerdict(history.entries(), position, outcome.violation, base, seed);
  if (outcome.unknown !== null) {
    const { key, result } = outcome.unknown;
    const operations = result.verdict === 'unknown' ? result.operations : 0;
    const steps = result.verdict === 'unknown' ? result.stepsUsed : 0;
    return {
      verdict: 'unknown',
      ...base,
      key,
      reason: `key ${key} (${operations} operations) used its whole budget of ${steps} search steps undecided${history.truncated ? `; ${cap}` : ''}`,
      ...none,
    };
  }
  if (history.truncated) return { verdict: 'unknown', ...base, key: null, reason: `${cap}; the recorded part is linearizable`, ...none };
  return { verdict: 'ok', ...base, key: null, reason: `linearizable: ${recorded.length} operations on ${base.keys} keys`, ...none };
}

type VerdictBase = Pick<LinearizabilityVerdict, 'operations' | 'keys' | 'unknownOutcomes' | 'notRecorded' | 'stepsUsed' | 'unobservedDropped'>;

/** The verdict of a violating key: the stuck operation and the sub-history to draw, as `client#id`. */
function violationVerdict(entries: readonly RecordedOperation[], position: readonly number[], check: KeyCheck, base: VerdictBase, seed: number): LinearizabilityVerdict {
  const result = check.result;
  if (result.verdict !== 'violation') throw new Error(`linearizability: key ${check.key} is not a violation`);
  const violation = result.violation;
  const explanation = violation.explanation!;
  const shown = explanation.focused ?? explanation.minimal;
  // Indices of the key's history, to the checked history's, to the entries'.
  const entryOf = (index: number): number => position[check.indices[index]!]!;
  const describe = (entry: IndexedOperation<KvInput, KvOutput>): HistoryOperationSummary => summarize(entries[entryOf(entry.index)]!, entry.description);
  const stuck = describe(explanation.stuck);
  const subHistory = shown.operations.map(describe);
  const reason =
    `key ${check.key}: ${stuck.ref} ${explanation.stuck.explanation}; ` +
    `smallest failing sub-history: ${subHistory.length} operation${subHistory.length === 1 ? '' : 's'} (${subHistory.map((op) => op.ref).join(', ')}), seed ${seed}`;
  const context = writesRead(entries, shown.operations.map((entry) => entryOf(entry.index))).map((index) => summarize(entries[index]!, describeKv(entries[index]!.operation)));
  return { verdict: 'violation', ...base, key: check.key, reason, stuck, subHistory, context, oneMinimal: shown.oneMinimal };
}
