// The entry point: is this client history linearizable with respect to this model? Each partition (for the
// key-value model: each key) is checked alone — P-compositionality (Herlihy & Wing 1990, theorem 1), which is
// what makes a 10-client key-value history tractable — under its own step budget.
import { HistoryError, readHistory, STATUS_FAIL, type History, type HistoryColumns } from './history.js';
import { callOrder, prepareInCallOrder, type PreparedPartition } from './events.js';
import { explainViolation } from './explain.js';
import type { Model, Partition } from './model.js';
import type { CheckResult, PartitionUnknown, PartitionVerdict, PartitionViolation } from './result.js';
import { PartitionSearch, PLAIN_SEARCH, type FinishedOutcome } from './search.js';
import { replayInCallOrder } from './replay.js';

export interface CheckOptions {
  /** Search steps (loop iterations) per partition before it answers 'unknown'. Deterministic: no clock. */
  readonly maxStepsPerPartition?: number;
  /** Explain violations: re-run the search to record the longest prefix, and shrink. Off for a bare verdict. */
  readonly explain?: boolean;
  /** Steps the shrinker may spend per violating partition, over all its candidate checks. */
  readonly shrinkMaxSteps?: number;
  /**
   * Stop at the first partition found non-linearizable, as Porcupine does without verbose output. The
   * partitions then take turns of TURN_STEPS steps (in partition order, deterministically, where Porcupine runs
   * goroutines), so a quick violation is not held up behind a slow partition; partitions left unfinished are
   * 'unknown' with reason 'stopped'.
   */
  readonly stopAtFirstViolation?: boolean;
}

/** Steps each partition searches per turn when they take turns (stopAtFirstViolation). */
export const TURN_STEPS = 1 << 14;

export const defaultCheckOptions: Required<CheckOptions> = {
  maxStepsPerPartition: 10_000_000,
  explain: true,
  shrinkMaxSteps: 2_000_000,
  stopAtFirstViolation: false,
};

function validateOptions(options: CheckOptions): Required<CheckOptions> {
  const merged = { ...defaultCheckOptions, ...options };
  for (const name of ['maxStepsPerPartition', 'shrinkMaxSteps'] as const) {
    if (!Number.isSafeInteger(merged[name]) || merged[name] < 0) {
      throw new RangeError(`linearizability: options.${name} is ${String(merged[name])}; expected a non-negative integer`);
    }
  }
  for (const name of ['explain', 'stopAtFirstViolation'] as const) {
    if (typeof merged[name] !== 'boolean') throw new TypeError(`linearizability: options.${name} must be true or false`);
  }
  return merged;
}

/** The model's partitions, checked to cover every operation exactly once. */
function partitionsOf<State, Input, Output>(history: History<Input, Output>, model: Model<State, Input, Output>): readonly Partition[] {
  if (model.partition === undefined) return [{ label: 'all', indices: history.map((_, index) => index) }];
  const partitions = model.partition(history);
  const seen = new Uint8Array(history.length);
  for (const { label, indices } of partitions) {
    for (const index of indices) {
      if (!Number.isInteger(index) || index < 0 || index >= history.length) {
        throw new Error(`linearizability: the model's partition '${label}' lists ${index}, not an index of the history`);
      }
      if (seen[index] === 1) throw new Error(`linearizability: the model's partitions list operation ${index} twice`);
      seen[index] = 1;
    }
  }
  const missing = seen.indexOf(0);
  if (missing >= 0) throw new Error(`linearizability: the model's partitions leave out operation ${missing}`);
  return partitions;
}

/** Reads the history into columns, validating it and (if the model can) each operation. */
function readOperations<State, Input, Output>(history: History<Input, Output>, model: Model<State, Input, Output>): HistoryColumns<Input, Output> {
  const columns = readHistory(history);
  if (model.validate === undefined) return columns;
  for (let index = 0; index < columns.length; index++) {
    const problem = model.validate(columns.inputs[index]!, columns.outputs[index]!);
    if (problem !== null) throw new HistoryError(index, `linearizability: operation ${index} of the history is malformed: ${problem}`);
  }
  return columns;
}

/** One partition's check: a replay of its operations in call order when the model accepts them all (replay.ts:
 *  the search's own first path), else the search. The event list is laid out and the search (its cache is the
 *  bulk of the memory) exists only when it runs. */
class PartitionRun<State, Input, Output> {
  private search: PartitionSearch<State, Input, Output> | null = null;
  private laidOut: PreparedPartition<Input, Output> | null = null;
  outcome: FinishedOutcome<State> | null = null;
  steps = 0;

  constructor(
    readonly label: string,
    private readonly columns: HistoryColumns<Input, Output>,
    /** The partition's history indices in call order: its operations' positions. */
    readonly order: readonly number[],
    private readonly model: Model<State, Input, Output>,
  ) {}

  get prepared(): PreparedPartition<Input, Output> {
    return (this.laidOut ??= prepareInCallOrder(this.label, this.columns, this.order));
  }

  /** Searches on until a verdict or `stepLimit` steps in all. */
  advance(stepLimit: number): FinishedOutcome<State> | null {
    if (this.outcome !== null) return this.outcome;
    if (this.search === null && this.steps === 0) {
      this.outcome = replayInCallOrder(this.columns, this.order, this.model, stepLimit);
      if (this.outcome !== null) {
        this.steps = this.outcome.steps;
        return this.outcome;
      }
    }
    this.search ??= new PartitionSearch(this.prepared, this.model, PLAIN_SEARCH);
    this.outcome = this.search.run(stepLimit);
    this.steps = this.search.steps;
    if (this.outcome !== null) this.search = null;
    return this.outcome;
  }
}

function startPartition<State, Input, Output>(
  columns: HistoryColumns<Input, Output>,
  model: Model<State, Input, Output>,
  partition: Partition,
): PartitionRun<State, Input, Output> {
  const checked = partition.indices.filter((index) => columns.status[index] !== STATUS_FAIL);
  return new PartitionRun(partition.label, columns, callOrder(columns, checked), model);
}

/** Runs every partition to a verdict or its budget, one after another; or, stopping at the first violation,
 *  in turns. Returns whether it stopped early. */
function runPartitions(runs: PartitionRun<unknown, unknown, unknown>[], options: Required<CheckOptions>): boolean {
  const maxSteps = options.maxStepsPerPartition;
  if (!options.stopAtFirstViolation) {
    for (const run of runs) run.advance(maxSteps);
    return false;
  }
  let active = runs;
  while (active.length > 0) {
    for (const run of active) if (run.advance(Math.min(maxSteps, run.steps + TURN_STEPS))?.kind === 'violation') return true;
    active = active.filter((run) => run.outcome === null && run.steps < maxSteps);
  }
  return false;
}

function verdictOf<State, Input, Output>(
  history: History<Input, Output>,
  columns: HistoryColumns<Input, Output>,
  model: Model<State, Input, Output>,
  run: PartitionRun<State, Input, Output>,
  stopped: boolean,
  options: Required<CheckOptions>,
): PartitionVerdict<State, Input, Output> {
  const { order, outcome } = run;
  const base = { partition: run.label, operations: order.length, stepsUsed: run.steps };
  if (outcome === null) {
    // Unfinished under budget only when the turns stopped at another partition's violation.
    if (run.steps < options.maxStepsPerPartition && !stopped) throw new Error('linearizability: a partition search paused early');
    return { verdict: 'unknown', ...base, reason: run.steps < options.maxStepsPerPartition ? 'stopped' : 'budget' };
  }
  switch (outcome.kind) {
    case 'ok':
      return { verdict: 'ok', ...base, linearization: Array.from(outcome.linearization, (position) => order[position]!) };
    case 'violation': {
      const { stuckOperation } = outcome;
      const prepared = run.prepared;
      const explanation = options.explain
        ? explainViolation({ history, columns, model, prepared, stuckOperation, maxSteps: options.maxStepsPerPartition, shrinkMaxSteps: options.shrinkMaxSteps })
        : null;
      return { verdict: 'violation', ...base, stuckIndex: order[stuckOperation]!, explanation };
    }
    default: {
      const unreachable: never = outcome;
      throw new Error(`linearizability: unknown search outcome ${JSON.stringify(unreachable)}`);
    }
  }
}

/**
 * Checks `history` against `model`. Throws HistoryError on a malformed history (naming the operation), and
 * otherwise answers 'ok', 'violation' (with the failing partitions explained) or 'unknown' (a partition ran
 * out of budget), per partition and overall.
 */
export function checkLinearizable<State, Input, Output>(
  history: History<Input, Output>,
  model: Model<State, Input, Output>,
  options: CheckOptions = {},
): CheckResult<State, Input, Output> {
  const settings = validateOptions(options);
  const columns = readOperations(history, model);
  const runs = partitionsOf(history, model).map((partition) => startPartition(columns, model, partition));
  const stopped = runPartitions(runs as PartitionRun<unknown, unknown, unknown>[], settings);
  const partitions = runs.map((run) => verdictOf(history, columns, model, run, stopped, settings));
  const excluded: number[] = [];
  for (let index = 0; index < columns.length; index++) if (columns.status[index] === STATUS_FAIL) excluded.push(index);
  let totalStepsUsed = 0;
  for (const partition of partitions) totalStepsUsed += partition.stepsUsed;
  const totals = { partitions, excluded, totalStepsUsed };
  const violations = partitions.filter((p): p is PartitionViolation<State, Input, Output> => p.verdict === 'violation');
  if (violations.length > 0) return { verdict: 'violation', partition: violations[0]!.partition, violation: violations[0]!, violations, ...totals };
  const unknowns = partitions.filter((p): p is PartitionUnknown<State, Input, Output> => p.verdict === 'unknown');
  if (unknowns.length > 0) {
    const first = unknowns[0]!;
    return { verdict: 'unknown', partition: first.partition, operations: first.operations, stepsUsed: first.stepsUsed, unknowns, ...totals };
  }
  return { verdict: 'ok', ...totals };
}
