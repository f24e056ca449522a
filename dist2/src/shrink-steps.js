// The reductions of `raftsim shrink` (shrink.ts): each proposes smaller candidates of the current spec and keeps
// one only when its run still fails the same way. Greedy, in the order of Reducer.reduce().
import { simulate } from '../sim/simulate.js';
import { Trace } from '../sim/trace.js';
import { UsageError } from './errors.js';
import { checkExpectations, outcomeOf } from './run-scenario.js';
import { compileScenario } from './scenario/compile.js';
import { SpecError } from './scenario/errors.js';
import { faultKey, ownDuration, withOwnDuration } from './scenario/faults/index.js';
import { formatDuration } from './scenario/units.js';
import { deletePath, settingPaths, specNodeIds, withNodes } from './spec-edit.js';
export function signatureOf(outcome, result, failed) {
    return { outcome, invariant: result.violation?.invariant ?? null, expectation: outcome === 'expectations' ? (failed[0] ?? null) : null };
}
function sameFailure(target, candidate) {
    if (target.outcome !== candidate.outcome)
        return false;
    if (target.outcome === 'safety')
        return target.invariant === candidate.invariant;
    if (target.outcome === 'expectations')
        return candidate.expectation === target.expectation;
    return true;
}
/** True when `result` fails no later and with no more events than the original. */
export function withinBounds(bounds, result) {
    if (result.events > bounds.events)
        return false;
    if (bounds.timeUs === null)
        return true;
    return result.violation !== null && result.violation.timeUs <= bounds.timeUs;
}
/** Runs candidates for one seed within the budgets, and tells whether each fails like the target: the same
 *  failure (outcome, invariant or expectation), no later and with no more events than the original run. */
export class CandidateRuns {
    seed;
    target;
    limits;
    bounds;
    runs = 1;
    budgetExhausted = false;
    constructor(seed, target, limits, bounds) {
        this.seed = seed;
        this.target = target;
        this.limits = limits;
        this.bounds = bounds;
    }
    attempt(spec) {
        if (this.runs >= this.limits.maxRuns || performance.now() - this.limits.startedMs > this.limits.budgetMs) {
            this.budgetExhausted = true;
            return { matches: false, result: null, expectations: [] };
        }
        let candidate;
        try {
            candidate = compileScenario(spec, this.seed);
        }
        catch (error) {
            if (error instanceof SpecError || error instanceof UsageError)
                return { matches: false, result: null, expectations: [] };
            throw error;
        }
        this.runs++;
        const result = simulate(candidate.options, new Trace({ hash: false }));
        const expectations = checkExpectations(candidate, result);
        const outcome = outcomeOf(result.verdict, expectations);
        const failed = expectations.filter((e) => !e.passed).map((e) => e.expression);
        return { matches: sameFailure(this.target, signatureOf(outcome, result, failed)) && withinBounds(this.bounds, result), result, expectations };
    }
}
/** The current smallest spec that still fails, and the reductions tried on it. */
export class Reducer {
    candidates;
    seed;
    target;
    progress;
    spec;
    best;
    bestExpectations;
    constructor(candidates, seed, target, progress, spec, best, bestExpectations) {
        this.candidates = candidates;
        this.seed = seed;
        this.target = target;
        this.progress = progress;
        this.spec = spec;
        this.best = best;
        this.bestExpectations = bestExpectations;
    }
    get exhausted() {
        return this.candidates.budgetExhausted;
    }
    /** Keeps the candidate when it still fails the same way. */
    accept(candidate, what) {
        const result = this.candidates.attempt(candidate);
        if (!result.matches)
            return false;
        this.spec = candidate;
        this.best = result.result;
        this.bestExpectations = result.expectations;
        this.progress(what);
        return true;
    }
    /** Reduces until nothing changes (at most 4 rounds), or a budget runs out. */
    reduce() {
        for (let round = 0; round < 4 && !this.exhausted; round++) {
            const startSpec = JSON.stringify(this.spec);
            this.cutAfterViolation();
            this.removeFaults();
            this.fewerNodes();
            this.shorterFaults();
            this.shorterRun();
            this.cutAfterViolation();
            this.lighterWorkload();
            this.fewerSettings();
            if (JSON.stringify(this.spec) === startSpec)
                break;
        }
    }
    durationUs() {
        return compileScenario(this.spec, this.seed).options.durationUs;
    }
    /** A safety violation ends the run: the fault phase can end just after it. */
    cutAfterViolation() {
        const violation = this.best.violation;
        if (this.target.outcome !== 'safety' || violation === null)
            return;
        const durationUs = this.durationUs();
        const cut = Math.min(durationUs, Math.ceil((violation.timeUs + 1) / 10_000) * 10_000);
        if (cut < durationUs) {
            const faults = (this.spec.faults ?? []).filter((item) => item.when.kind !== 'at' || item.when.atUs < cut);
            this.accept({ ...this.spec, duration: cut, faults }, `fault phase cut to ${formatDuration(cut)}, just after the violation`);
        }
    }
    /** Delta debugging over the fault items: all, then halves, quarters, ... single items. */
    removeFaults() {
        let items = [...(this.spec.faults ?? [])];
        if (items.length === 0)
            return;
        if (this.accept({ ...this.spec, faults: [] }, 'all faults removed'))
            return;
        let chunks = 2;
        while (items.length >= 1 && !this.exhausted) {
            const size = Math.ceil(items.length / chunks);
            let reduced = false;
            for (let start = 0; start < items.length; start += size) {
                const remaining = [...items.slice(0, start), ...items.slice(start + size)];
                if (remaining.length === items.length)
                    continue;
                if (this.accept({ ...this.spec, faults: remaining }, `${items.length - remaining.length} fault(s) removed, ${remaining.length} left`)) {
                    items = remaining;
                    chunks = Math.max(chunks - 1, 2);
                    reduced = true;
                    break;
                }
            }
            if (!reduced) {
                if (size <= 1)
                    break;
                chunks = Math.min(items.length, chunks * 2);
            }
        }
    }
    fewerNodes() {
        const count = specNodeIds(this.spec).length;
        for (let nodes = 1; nodes < count && !this.exhausted; nodes++) {
            if (this.accept(withNodes(this.spec, nodes), `${nodes} node(s)`))
                return;
        }
    }
    /** Replaces fault item `index` by a smaller one. */
    replaceFault(index, next, what) {
        const faults = [...(this.spec.faults ?? [])];
        faults[index] = next;
        return this.accept({ ...this.spec, faults }, what);
    }
    /** Halves trigger counts, `for` durations and the faults' own lengths (a pause) while the run still fails. */
    shorterFaults() {
        const count = (this.spec.faults ?? []).length;
        for (let index = 0; index < count && !this.exhausted; index++) {
            const current = () => this.spec.faults[index];
            for (;;) {
                const item = current();
                const when = item.when;
                if (when.kind !== 'after' || when.times <= 1)
                    break;
                const times = Math.floor(when.times / 2);
                if (!this.replaceFault(index, { ...item, when: { ...when, times } }, `trigger ${index} fires at most ${times} time(s)`))
                    break;
            }
            for (;;) {
                const item = current();
                if (item.forUs === undefined || item.forUs <= 10_000)
                    break;
                const forUs = Math.floor(item.forUs / 2);
                if (!this.replaceFault(index, { ...item, forUs }, `fault ${index} lasts ${formatDuration(forUs)}`))
                    break;
            }
            for (;;) {
                const item = current();
                const own = ownDuration(item.fault)?.durationUs;
                if (own === undefined || own <= 10_000)
                    break;
                const durationUs = Math.floor(own / 2);
                if (!this.replaceFault(index, { ...item, fault: withOwnDuration(item.fault, durationUs) }, `${faultKey(item.fault)} ${index} lasts ${formatDuration(durationUs)}`))
                    break;
            }
        }
    }
    shorterRun() {
        let durationUs = this.durationUs();
        while (durationUs > 200_000 && !this.exhausted) {
            const next = Math.max(100_000, Math.round(durationUs / 2 / 10_000) * 10_000);
            const faults = (this.spec.faults ?? []).filter((item) => item.when.kind !== 'at' || item.when.atUs < next);
            if (!this.accept({ ...this.spec, duration: next, faults }, `fault phase ${formatDuration(next)}`))
                break;
            durationUs = next;
        }
    }
    lighterWorkload() {
        const workload = compileScenario(this.spec, this.seed).options.workload;
        let rate = workload.ratePerSecond;
        while (rate > 5 && this.accept({ ...this.spec, workload: { ...(this.spec.workload ?? {}), rate: Math.floor(rate / 2) } }, `workload ${Math.floor(rate / 2)}/s`))
            rate = Math.floor(rate / 2);
        let clients = workload.clients;
        while (clients > 1 && this.accept({ ...this.spec, workload: { ...(this.spec.workload ?? {}), clients: Math.floor(clients / 2) } }, `${Math.floor(clients / 2)} client(s)`))
            clients = Math.floor(clients / 2);
    }
    /** Every remaining setting back to its default, one by one. */
    fewerSettings() {
        for (const path of settingPaths(this.spec)) {
            if (this.exhausted)
                return;
            this.accept(deletePath(this.spec, path), `${path} back to its default`);
        }
    }
}
//# sourceMappingURL=shrink-steps.js.map