// The end-of-run linearizability check (invariant 'Linearizable'): the run's whole client history, checked per
// key against the key-value model with linearizability/'s checker (docs/linearizability.md, "In every run").
// The per-read check of sim/workload.ts (LinearizableRead) stays as the fast first pass: it stops the run at
// the stale read itself; this check catches what it cannot (a stale read of a write not yet acknowledged, cas
// and unknown-outcome orders) and draws the picture either way.
import { checkLinearizable, kvModel, UNKNOWN } from '../linearizability/index.js';
import { formatUs } from './random.js';
/** Search steps per key before the verdict is Unknown (deterministic: no clock). A 10 s chaos run's keys need a
 *  few hundred each; Porcupine's hardest Jepsen history 1.4 million. */
export const DEFAULT_MAX_STEPS_PER_KEY = 2_000_000;
/** Steps the shrinker may spend on the violating key. */
export const DEFAULT_SHRINK_STEPS = 1_000_000;
function summarize(recorded, description) {
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
function weakenAtCut(entries, cutUs) {
    return entries.map(({ operation }) => operation.status === 'unknown' || (operation.returnUs !== null && operation.returnUs < cutUs)
        ? operation
        : { status: 'unknown', clientId: operation.clientId, callUs: operation.callUs, returnUs: operation.returnUs, input: operation.input, output: null });
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
export function observableOperations(history) {
    const seen = new Set();
    // A cas that found another value without saying which observes every value but one: its key keeps all.
    const keepAll = new Set();
    for (const operation of history) {
        const key = operation.input.key;
        if (operation.input.op === 'cas' && operation.input.expected !== null)
            seen.add(`${key}\u0000${operation.input.expected}`);
        if (operation.status !== 'ok')
            continue;
        const output = operation.output;
        if (output.kind === 'cas' && output.value === undefined)
            keepAll.add(key);
        const value = output.kind === 'get' ? output.value : output.kind === 'cas' ? (output.value ?? null) : null;
        if (value !== null)
            seen.add(`${key}\u0000${value}`);
    }
    const kept = [];
    history.forEach((operation, index) => {
        const { input } = operation;
        if (operation.status !== 'unknown' || keepAll.has(input.key))
            kept.push(index);
        else if (input.op !== 'get' && seen.has(`${input.key}\u0000${input.value}`))
            kept.push(index);
    });
    return kept;
}
/** The model's text of one operation. */
function describeKv(operation) {
    return kvModel.describeOperation(operation.input, operation.status === 'ok' ? operation.output : UNKNOWN);
}
/** Entries (indices, in call order) that wrote a value one of `shown` read, and are not among them. */
function writesRead(entries, shown) {
    const wanted = new Set();
    for (const index of shown) {
        const operation = entries[index].operation;
        if (operation.status !== 'ok')
            continue;
        const output = operation.output;
        const value = output.kind === 'get' ? output.value : output.kind === 'cas' && !output.ok ? (output.value ?? null) : null;
        if (value !== null)
            wanted.add(value);
    }
    const inShown = new Set(shown);
    const found = [];
    entries.forEach((entry, index) => {
        const input = entry.operation.input;
        if (input.op !== 'get' && !inShown.has(index) && wanted.has(input.value) && input.key === entries[shown[0]].operation.input.key)
            found.push(index);
    });
    return found;
}
/** Bytes the search may hold per key: its cache keeps a record of (3 + n/32) words and 16 bytes of slots per
 *  step for a key of n operations (docs/linearizability.md), so a key's step budget shrinks as it grows. */
export const MAX_SEARCH_BYTES_PER_KEY = 512 * 1024 * 1024;
/** The step budget of a key of `operations` operations: the configured one, or less to stay in memory. */
export function stepBudget(operations, maxSteps) {
    const bytesPerStep = (3 + Math.ceil(operations / 32)) * 4 + 16;
    return Math.min(maxSteps, Math.floor(MAX_SEARCH_BYTES_PER_KEY / bytesPerStep));
}
/**
 * Each key under its own budget, up to the first violation: the keys small enough for the full budget in one
 * check (the checker partitions per key itself, and one call per key costs ~0.1 ms of set-up, which a run of
 * 250 keys noticed), each larger key alone under its smaller budget.
 */
function checkKeys(checked, options) {
    const maxSteps = options.maxStepsPerKey ?? DEFAULT_MAX_STEPS_PER_KEY;
    const byKey = new Map();
    checked.forEach((operation, index) => {
        const indices = byKey.get(operation.input.key);
        if (indices === undefined)
            byKey.set(operation.input.key, [index]);
        else
            indices.push(index);
    });
    const small = [];
    const groups = [];
    for (const indices of byKey.values()) {
        const budget = stepBudget(indices.length, maxSteps);
        if (budget === maxSteps)
            small.push(...indices);
        else
            groups.push({ indices, budget });
    }
    small.sort((a, b) => a - b);
    if (small.length > 0)
        groups.unshift({ indices: small, budget: maxSteps });
    let stepsUsed = 0;
    let unknown = null;
    for (const { indices, budget } of groups) {
        const result = checkLinearizable(indices.map((index) => checked[index]), kvModel, {
            maxStepsPerPartition: budget,
            shrinkMaxSteps: Math.min(budget, options.shrinkMaxSteps ?? DEFAULT_SHRINK_STEPS),
        });
        stepsUsed += result.totalStepsUsed;
        if (result.verdict === 'violation')
            return { keys: byKey.size, stepsUsed, violation: { key: result.partition, indices, result }, unknown };
        if (result.verdict === 'unknown')
            unknown ??= { key: result.partition, indices, result };
    }
    return { keys: byKey.size, stepsUsed, violation: null, unknown };
}
/** Checks the run's client history per key. `seed` is named in the reason of a violation. */
export function checkClientHistory(history, seed, options = {}) {
    const entries = history.entries();
    const cutUs = history.truncated ? history.firstDroppedUs : Infinity;
    const all = history.truncated ? weakenAtCut(entries, cutUs) : entries.map((entry) => entry.operation);
    // Checked: the observable operations; `position` maps the checked history's indices back to `entries`.
    const position = observableOperations(all);
    const checked = position.map((index) => all[index]);
    const outcome = checkKeys(checked, options);
    const base = {
        operations: entries.length,
        keys: outcome.keys,
        unknownOutcomes: entries.filter((entry) => entry.operation.status === 'unknown').length,
        notRecorded: history.dropped,
        stepsUsed: outcome.stepsUsed,
        unobservedDropped: entries.length - checked.length,
    };
    const none = { stuck: null, subHistory: [], context: [], oneMinimal: null };
    const cap = `the history cap of ${history.maxOperations} operations left ${history.dropped} unrecorded (from t=${formatUs(cutUs)})`;
    if (outcome.violation !== null)
        return violationVerdict(entries, position, outcome.violation, base, seed);
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
    if (history.truncated)
        return { verdict: 'unknown', ...base, key: null, reason: `${cap}; the recorded part is linearizable`, ...none };
    return { verdict: 'ok', ...base, key: null, reason: `linearizable: ${entries.length} operations on ${base.keys} keys`, ...none };
}
/** The verdict of a violating key: the stuck operation and the sub-history to draw, as `client#id`. */
function violationVerdict(entries, position, check, base, seed) {
    const result = check.result;
    if (result.verdict !== 'violation')
        throw new Error(`linearizability: key ${check.key} is not a violation`);
    const violation = result.violation;
    const explanation = violation.explanation;
    const shown = explanation.focused ?? explanation.minimal;
    // Indices of the key's history, to the checked history's, to the entries'.
    const entryOf = (index) => position[check.indices[index]];
    const describe = (entry) => summarize(entries[entryOf(entry.index)], entry.description);
    const stuck = describe(explanation.stuck);
    const subHistory = shown.operations.map(describe);
    const reason = `key ${check.key}: ${stuck.ref} ${explanation.stuck.explanation}; ` +
        `smallest failing sub-history: ${subHistory.length} operation${subHistory.length === 1 ? '' : 's'} (${subHistory.map((op) => op.ref).join(', ')}), seed ${seed}`;
    const context = writesRead(entries, shown.operations.map((entry) => entryOf(entry.index))).map((index) => summarize(entries[index], describeKv(entries[index].operation)));
    return { verdict: 'violation', ...base, key: check.key, reason, stuck, subHistory, context, oneMinimal: shown.oneMinimal };
}
//# sourceMappingURL=linearizable.js.map