// The entry point: is this client history linearizable with respect to this model? Each partition (for the
// key-value model: each key) is checked alone — P-compositionality (Herlihy & Wing 1990, theorem 1), which is
// what makes a 10-client key-value history tractable — under its own step budget.
import { HistoryError, readHistory, STATUS_FAIL } from './history.js';
import { preparePartition } from './events.js';
import { explainViolation } from './explain.js';
import { PartitionSearch, PLAIN_SEARCH } from './search.js';
/** Steps each partition searches per turn when they take turns (stopAtFirstViolation). */
export const TURN_STEPS = 1 << 14;
export const defaultCheckOptions = {
    maxStepsPerPartition: 10_000_000,
    explain: true,
    shrinkMaxSteps: 2_000_000,
    stopAtFirstViolation: false,
};
function validateOptions(options) {
    const merged = { ...defaultCheckOptions, ...options };
    for (const name of ['maxStepsPerPartition', 'shrinkMaxSteps']) {
        if (!Number.isSafeInteger(merged[name]) || merged[name] < 0) {
            throw new RangeError(`linearizability: options.${name} is ${String(merged[name])}; expected a non-negative integer`);
        }
    }
    for (const name of ['explain', 'stopAtFirstViolation']) {
        if (typeof merged[name] !== 'boolean')
            throw new TypeError(`linearizability: options.${name} must be true or false`);
    }
    return merged;
}
/** The model's partitions, checked to cover every operation exactly once. */
function partitionsOf(history, model) {
    if (model.partition === undefined)
        return [{ label: 'all', indices: history.map((_, index) => index) }];
    const partitions = model.partition(history);
    const seen = new Uint8Array(history.length);
    for (const { label, indices } of partitions) {
        for (const index of indices) {
            if (!Number.isInteger(index) || index < 0 || index >= history.length) {
                throw new Error(`linearizability: the model's partition '${label}' lists ${index}, not an index of the history`);
            }
            if (seen[index] === 1)
                throw new Error(`linearizability: the model's partitions list operation ${index} twice`);
            seen[index] = 1;
        }
    }
    const missing = seen.indexOf(0);
    if (missing >= 0)
        throw new Error(`linearizability: the model's partitions leave out operation ${missing}`);
    return partitions;
}
/** Reads the history into columns, validating it and (if the model can) each operation. */
function readOperations(history, model) {
    const columns = readHistory(history);
    if (model.validate === undefined)
        return columns;
    for (let index = 0; index < columns.length; index++) {
        const problem = model.validate(columns.inputs[index], columns.outputs[index]);
        if (problem !== null)
            throw new HistoryError(index, `linearizability: operation ${index} of the history is malformed: ${problem}`);
    }
    return columns;
}
/** One partition's check. The search (and its cache, the bulk of the memory) exists only while it runs. */
class PartitionRun {
    prepared;
    model;
    search = null;
    outcome = null;
    steps = 0;
    constructor(prepared, model) {
        this.prepared = prepared;
        this.model = model;
    }
    /** Searches on until a verdict or `stepLimit` steps in all. */
    advance(stepLimit) {
        if (this.outcome !== null)
            return this.outcome;
        this.search ??= new PartitionSearch(this.prepared, this.model, PLAIN_SEARCH);
        this.outcome = this.search.run(stepLimit);
        this.steps = this.search.steps;
        if (this.outcome !== null)
            this.search = null;
        return this.outcome;
    }
}
function startPartition(columns, model, partition) {
    const checked = partition.indices.filter((index) => columns.status[index] !== STATUS_FAIL);
    return new PartitionRun(preparePartition(partition.label, columns, checked), model);
}
/** Runs every partition to a verdict or its budget, one after another; or, stopping at the first violation,
 *  in turns. Returns whether it stopped early. */
function runPartitions(runs, options) {
    const maxSteps = options.maxStepsPerPartition;
    if (!options.stopAtFirstViolation) {
        for (const run of runs)
            run.advance(maxSteps);
        return false;
    }
    let active = runs;
    while (active.length > 0) {
        for (const run of active)
            if (run.advance(Math.min(maxSteps, run.steps + TURN_STEPS))?.kind === 'violation')
                return true;
        active = active.filter((run) => run.outcome === null && run.steps < maxSteps);
    }
    return false;
}
function verdictOf(history, columns, model, run, stopped, options) {
    const { prepared, outcome } = run;
    const base = { partition: prepared.label, operations: prepared.inputs.length, stepsUsed: run.steps };
    if (outcome === null) {
        // Unfinished under budget only when the turns stopped at another partition's violation.
        if (run.steps < options.maxStepsPerPartition && !stopped)
            throw new Error('linearizability: a partition search paused early');
        return { verdict: 'unknown', ...base, reason: run.steps < options.maxStepsPerPartition ? 'stopped' : 'budget' };
    }
    switch (outcome.kind) {
        case 'ok':
            return { verdict: 'ok', ...base, linearization: Array.from(outcome.linearization, (position) => prepared.historyIndex[position]) };
        case 'violation': {
            const { stuckOperation } = outcome;
            const explanation = options.explain
                ? explainViolation({ history, columns, model, prepared, stuckOperation, maxSteps: options.maxStepsPerPartition, shrinkMaxSteps: options.shrinkMaxSteps })
                : null;
            return { verdict: 'violation', ...base, stuckIndex: prepared.historyIndex[stuckOperation], explanation };
        }
        default: {
            const unreachable = outcome;
            throw new Error(`linearizability: unknown search outcome ${JSON.stringify(unreachable)}`);
        }
    }
}
/**
 * Checks `history` against `model`. Throws HistoryError on a malformed history (naming the operation), and
 * otherwise answers 'ok', 'violation' (with the failing partitions explained) or 'unknown' (a partition ran
 * out of budget), per partition and overall.
 */
export function checkLinearizable(history, model, options = {}) {
    const settings = validateOptions(options);
    const columns = readOperations(history, model);
    const runs = partitionsOf(history, model).map((partition) => startPartition(columns, model, partition));
    const stopped = runPartitions(runs, settings);
    const partitions = runs.map((run) => verdictOf(history, columns, model, run, stopped, settings));
    const excluded = [];
    for (let index = 0; index < columns.length; index++)
        if (columns.status[index] === STATUS_FAIL)
            excluded.push(index);
    let totalStepsUsed = 0;
    for (const partition of partitions)
        totalStepsUsed += partition.stepsUsed;
    const totals = { partitions, excluded, totalStepsUsed };
    const violations = partitions.filter((p) => p.verdict === 'violation');
    if (violations.length > 0)
        return { verdict: 'violation', partition: violations[0].partition, violation: violations[0], violations, ...totals };
    const unknowns = partitions.filter((p) => p.verdict === 'unknown');
    if (unknowns.length > 0) {
        const first = unknowns[0];
        return { verdict: 'unknown', partition: first.partition, operations: first.operations, stepsUsed: first.stepsUsed, unknowns, ...totals };
    }
    return { verdict: 'ok', ...totals };
}
//# sourceMappingURL=check.js.map