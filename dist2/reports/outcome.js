// The run's outcome as the command line decides it: the trace's verdict (invariants, liveness) plus the
// scenario's expectations, which are evaluated after the run and are not in the trace. A report drawn from a
// run directory gets them from result.json (src/reports.ts attaches them to the model with withRunResult);
// a report of a trace alone says that its expectations are not known instead of calling the run OK.
import { formatBytes, formatCount, formatExactDurationUs, formatNumber, formatPercent } from './format.js';
import { VERDICT_COLORS } from './theme.js';
/** The model with the run's result attached (what `raftsim run --report` and `raftsim report DIR` draw). */
export function withRunResult(model, result) {
    return { ...model, result };
}
const FAILED_EXPECTATIONS_COLOR = '#ad1457';
/** Invariants and liveness held, expectations not known: not the green of a run known to pass. */
const UNKNOWN_EXPECTATIONS_COLOR = '#558b2f';
/** The verdict badge: the run's outcome (its exit code) when the result is known, else what the trace says. */
export function verdictBadge(model) {
    const verdict = model.end?.verdict ?? 'unknown';
    const invariant = model.end?.invariant ? ` (${model.end.invariant}${model.end.message ? `: ${model.end.message}` : ''})` : '';
    const result = model.result ?? null;
    if (result !== null) {
        const failed = result.expectations.filter((e) => !e.passed).length;
        const expectations = result.expectations.length === 0 ? 'no expectations' : failed === 0 ? `all ${result.expectations.length} expectations passed` : `${failed} of ${result.expectations.length} expectations failed`;
        const exit = `exit code ${result.exitCode}`;
        switch (result.outcome) {
            case 'passed':
                return { text: 'OK', color: VERDICT_COLORS.ok, title: `outcome: passed (${exit}): invariants held, converged, ${expectations}` };
            case 'expectations':
                return { text: 'FAILED EXPECTATIONS', color: FAILED_EXPECTATIONS_COLOR, title: `outcome: failed expectations (${exit}): invariants held, ${expectations}` };
            case 'safety':
                return { text: 'SAFETY VIOLATION', color: VERDICT_COLORS.safety, title: `outcome: safety violation (${exit})${invariant}` };
            case 'liveness':
                return { text: 'LIVENESS FAILURE', color: VERDICT_COLORS.liveness, title: `outcome: liveness failure (${exit})` };
        }
    }
    if (verdict === 'ok') {
        return { text: 'INVARIANTS OK', color: UNKNOWN_EXPECTATIONS_COLOR, title: 'verdict: ok — invariants held and the run converged; the expectations are not in the trace (no result.json beside it), so whether the run passed is not known' };
    }
    if (verdict === 'safety')
        return { text: 'SAFETY VIOLATION', color: VERDICT_COLORS.safety, title: `verdict: safety${invariant}` };
    if (verdict === 'liveness')
        return { text: 'LIVENESS FAILURE', color: VERDICT_COLORS.liveness, title: 'verdict: liveness' };
    return { text: `${verdict.toUpperCase()}${model.end === null ? ' (no end record)' : ''}`, color: '#757575', title: `verdict: ${verdict}` };
}
/** A measured value in its unit, formatted as everywhere in the reports. */
export function formatMeasured(expectation) {
    const { actual } = expectation;
    if (actual === null)
        return 'not measured';
    if (typeof actual === 'string')
        return actual;
    switch (expectation.quantity) {
        case 'duration':
            // To the µs, as the command-line summary prints it: the value the expectation was checked against.
            return formatExactDurationUs(actual);
        case 'bytes':
            return formatBytes(actual);
        case 'ratio':
            return formatPercent(actual);
        case 'count':
            return formatCount(actual);
        default:
            return formatNumber(actual, 3);
    }
}
/** One line per expectation: "✗ FAIL electionLatency.p99 < 100ms — measured 181 ms". */
export function expectationLines(model) {
    const result = model.result ?? null;
    if (result === null)
        return [];
    return result.expectations.map((e) => ({
        text: `${e.passed ? '✓ pass' : '✗ FAIL'}  ${e.expression}  — measured ${formatMeasured(e)}${e.note !== undefined ? ` (${e.note})` : ''}`,
        passed: e.passed,
    }));
}
//# sourceMappingURL=outcome.js.map