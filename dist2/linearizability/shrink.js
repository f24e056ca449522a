// The smallest failing sub-history of a non-linearizable partition: remove operations while what is left stays
// non-linearizable (Zeller & Hildebrandt 2002, "Simplifying and isolating failure-inducing input": ddmin's
// complement steps — drop a chunk, halve the chunk size, down to single operations). Any subset of a
// history's operations is itself a history, so every candidate is checked by the same search.
//
// Bounded by a step budget shared by all candidate checks. A candidate whose check runs out of budget counts as
// not failing (the operations stay), so the result is always a sub-history shown to be non-linearizable.
//
// Focused on an operation, a candidate must also keep it and reach some state in which its output is possible:
// a read of 'v7' that fails alone (the register starts absent) does not shrink to that read alone, but keeps
// the write of 'v7' and the write that overwrote it — the failure the full history shows, in miniature.
import { STATUS_OK } from './history.js';
import { callOrder, preparePartition } from './events.js';
import { UNKNOWN } from './model.js';
import { searchPartition } from './search.js';
class Shrinker {
    label;
    columns;
    model;
    maxSteps;
    focus;
    stepsUsed = 0;
    candidatesChecked = 0;
    constructor(label, columns, model, maxSteps, focus) {
        this.label = label;
        this.columns = columns;
        this.model = model;
        this.maxSteps = maxSteps;
        this.focus = focus;
    }
    get exhausted() {
        return this.stepsUsed >= this.maxSteps;
    }
    /** True when the candidate was shown non-linearizable within the remaining budget. */
    fails(indices) {
        const focus = this.focus;
        if (focus !== null && !indices.includes(focus))
            return false;
        this.candidatesChecked++;
        const prepared = preparePartition(this.label, this.columns, indices);
        const maxSteps = this.maxSteps - this.stepsUsed;
        const outcome = searchPartition(prepared, this.model, { maxSteps, watchOperation: -1, recordPrefix: false, probe: this.probe() });
        this.stepsUsed += outcome.steps;
        return outcome.kind === 'violation' && (focus === null || outcome.probeAccepted);
    }
    probe() {
        if (this.focus === null)
            return null;
        const { status, inputs, outputs } = this.columns;
        return { input: inputs[this.focus], output: status[this.focus] === STATUS_OK ? outputs[this.focus] : UNKNOWN };
    }
    /** One pass at chunk size `chunk`: drops every chunk whose removal keeps the failure. Returns what is left
     *  and whether anything was dropped. */
    pass(current, chunk) {
        let kept = current;
        let dropped = false;
        let start = 0;
        while (start < kept.length && !this.exhausted) {
            const candidate = kept.slice(0, start).concat(kept.slice(start + chunk));
            if (candidate.length > 0 && this.fails(candidate)) {
                kept = candidate;
                dropped = true;
            }
            else {
                start += chunk;
            }
        }
        return { kept, dropped };
    }
}
/** `indices` (history indices of one partition's checked operations) must be non-linearizable, and with a
 *  focus, reach a state that accepts the focused operation. */
export function shrinkFailingHistory(label, columns, indices, model, maxSteps, focus = null) {
    const shrinker = new Shrinker(label, columns, model, maxSteps, focus);
    let current = callOrder(columns, indices);
    let chunk = Math.max(1, current.length >> 1);
    let oneMinimal = false;
    while (!shrinker.exhausted) {
        const { kept, dropped } = shrinker.pass(current, chunk);
        current = kept;
        if (shrinker.exhausted)
            break;
        if (chunk > 1) {
            chunk = Math.max(1, Math.min(chunk >> 1, current.length >> 1));
        }
        else if (!dropped) {
            // A whole pass at single operations removed nothing, within budget: 1-minimal.
            oneMinimal = true;
            break;
        }
    }
    return { indices: current, oneMinimal, stepsUsed: shrinker.stepsUsed, candidatesChecked: shrinker.candidatesChecked };
}
//# sourceMappingURL=shrink.js.map