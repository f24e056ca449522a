import { UNKNOWN } from './model.js';
import { searchPartition } from './search.js';
import { shrinkFailingHistory } from './shrink.js';
export function indexedOperation(history, model, index) {
    const operation = history[index];
    const output = operation.status === 'ok' ? operation.output : UNKNOWN;
    return { index, operation, description: model.describeOperation(operation.input, output) };
}
export function explainViolation(input) {
    const { history, model, prepared } = input;
    const label = prepared.label;
    const stuckIndex = prepared.historyIndex[input.stuckOperation];
    const probe = { input: prepared.inputs[input.stuckOperation], output: prepared.outputs[input.stuckOperation] };
    const limits = { maxSteps: input.maxSteps, watchOperation: input.stuckOperation, recordPrefix: true, probe };
    const rerun = searchPartition(prepared, model, limits);
    if (rerun.kind !== 'violation' || rerun.stuckOperation !== input.stuckOperation || rerun.prefix === null || rerun.prefixStates === null) {
        throw new Error(`linearizability: the explanation pass over partition '${label}' did not repeat the first search`);
    }
    const prefix = rerun.prefix;
    const prefixStates = rerun.prefixStates;
    const longestPrefix = [];
    for (let k = 0; k < prefix.length; k++) {
        const stateAfter = prefixStates[k];
        const placed = indexedOperation(history, model, prepared.historyIndex[prefix[k]]);
        longestPrefix.push({ ...placed, stateAfter, stateAfterDescription: model.describeState(stateAfter, label) });
    }
    const stateAtDeadEnd = prefix.length > 0 ? prefixStates[prefix.length - 1] : model.init();
    const stuck = stuckOperation(input, rerun.watch ?? { accepted: false, rejectedStates: [], rejectedStateCount: 0 }, prefix.length, stateAtDeadEnd);
    const all = Array.from(prepared.historyIndex);
    const minimal = shrinkFailingHistory(label, input.columns, all, model, input.shrinkMaxSteps);
    // Focused only when the stuck operation's output is possible somewhere in the partition: otherwise no
    // operation explains it, and the minimal sub-history already says all there is.
    const focused = rerun.probeAccepted ? shrinkFailingHistory(label, input.columns, all, model, input.shrinkMaxSteps, stuckIndex) : null;
    return {
        minimal: minimalHistory(history, model, minimal),
        focused: focused === null ? null : minimalHistory(history, model, focused),
        longestPrefix,
        stuck,
        stateAtDeadEnd,
        stateAtDeadEndDescription: model.describeState(stateAtDeadEnd, label),
    };
}
function minimalHistory(history, model, shrunk) {
    return {
        operations: shrunk.indices.map((index) => indexedOperation(history, model, index)),
        oneMinimal: shrunk.oneMinimal,
        stepsUsed: shrunk.stepsUsed,
    };
}
function stuckOperation(input, watch, deepest, stateAtDeadEnd) {
    const { history, columns, model, prepared } = input;
    const stuckIndex = prepared.historyIndex[input.stuckOperation];
    const stuck = indexedOperation(history, model, stuckIndex);
    let precedingOperations = 0;
    let concurrentOperations = 0;
    // Real-time order on the columns: A precedes B iff A.returnUs < B.callUs (+Infinity for unknown outcomes).
    for (const index of prepared.historyIndex) {
        if (columns.returnUs[index] < columns.callUs[stuckIndex])
            precedingOperations++;
        else if (index !== stuckIndex && !(columns.returnUs[stuckIndex] < columns.callUs[index]))
            concurrentOperations++;
    }
    const states = watch.rejectedStates.map((state) => model.describeState(state, prepared.label));
    const more = watch.rejectedStateCount - states.length;
    const statesText = states.join(' or ') + (more > 0 ? ` (or ${more} other states)` : '');
    const before = `${precedingOperations} operation${precedingOperations === 1 ? '' : 's'} before it` +
        (concurrentOperations > 0 ? `, with any of the ${concurrentOperations} concurrent with it placed first` : '');
    const explanation = watch.accepted
        ? `${stuck.description} cannot be placed: it fits only in orders that leave another operation no place; ` +
            `after the longest linearizable prefix (${deepest} operations) it meets ${model.describeState(stateAtDeadEnd, prepared.label)}`
        : `${stuck.description} cannot be placed: every linearization of the ${before}${concurrentOperations > 0 ? ',' : ''} leaves ${statesText}`;
    return {
        ...stuck,
        precedingOperations,
        rejectedStates: watch.rejectedStates,
        rejectedStateCount: watch.rejectedStateCount,
        acceptedSomewhere: watch.accepted,
        explanation,
    };
}
//# sourceMappingURL=explain.js.map