// Which part of the run gets the detailed (per-message) view. See docs/reports.md, "The detail window".
import { lowerBound, messagesInWindow, upperBound } from './aggregate.js';
/** Width of the automatic detail windows: about 1 s of a 5-node run is ~1-2k messages, readable as arrows. */
export const DETAIL_WINDOW_US = 1_000_000;
/** Narrowing never goes below this width. */
const MIN_WINDOW_US = 1_000;
/** Clamps [fromUs, fromUs + width) into [0, endUs], keeping the width when the run is long enough. */
function fit(fromUs, widthUs, endUs) {
    const from = Math.max(0, Math.min(fromUs, endUs - widthUs));
    return [from, Math.min(endUs, from + widthUs)];
}
/**
 * Picks the detail window:
 *  (a) options.fromUs..toUs when either is given;
 *  (b) a failed run: 1 s centred on the safety violation (the end record), or the last 1 s of a liveness failure;
 *  (c) the whole run when it has at most maxArrows messages;
 *  (d) else, when the run has faults, the first fault and the leader change it caused (see faultWindow);
 *  (e) else 1 s from the start of the first successful election (its pre-vote round).
 * The automatic windows (b)-(d) are narrowed, keeping their anchor, until they hold at most maxArrows
 * messages; a window given in options is kept as is and only its first maxArrows messages are drawn.
 */
export function chooseDetailWindow(model, options) {
    const endUs = model.endUs;
    const make = (fromUs, toUs, rule, reason) => ({
        fromUs,
        toUs,
        rule,
        reason,
        messages: messagesInWindow(model.messages, fromUs, toUs),
    });
    if (options.fromUs !== undefined || options.toUs !== undefined) {
        const fromUs = options.fromUs ?? 0;
        const toUs = options.toUs ?? endUs;
        if (!Number.isFinite(fromUs) || !Number.isFinite(toUs) || fromUs < 0 || toUs <= fromUs) {
            throw new RangeError(`renderRunReport: the detail window needs 0 <= fromUs < toUs, got fromUs=${fromUs}, toUs=${toUs}`);
        }
        return make(fromUs, toUs, 'options', 'chosen window');
    }
    const starts = startTimes(model);
    const verdict = model.end?.verdict;
    if (verdict === 'safety') {
        const [fromUs, toUs] = fit(model.end.tUs - DETAIL_WINDOW_US / 2, DETAIL_WINDOW_US, endUs);
        const [from, to] = narrowAround(starts, fromUs, toUs, model.end.tUs, options.maxArrows);
        return make(from, to, 'violation', 'around the safety violation');
    }
    if (verdict === 'liveness') {
        const [fromUs, toUs] = fit(endUs - DETAIL_WINDOW_US, DETAIL_WINDOW_US, endUs);
        const [from, to] = narrowAround(starts, fromUs, toUs, toUs, options.maxArrows);
        return make(from, to, 'liveness', 'the end of the liveness phase (the deadline)');
    }
    if (model.messages.count <= options.maxArrows) {
        return make(0, Math.max(endUs, 1), 'whole-run', 'the whole run');
    }
    const fault = faultWindow(model);
    if (fault !== null) {
        return make(fault.fromUs, narrowEnd(starts, fault.fromUs, fault.toUs, options.maxArrows), 'first-fault', fault.reason);
    }
    const first = model.leaderChanges[0];
    if (first === undefined) {
        const [fromUs, toUs] = fit(0, DETAIL_WINDOW_US, endUs);
        return make(fromUs, narrowEnd(starts, fromUs, toUs, options.maxArrows), 'start', 'the start of the run (no leader was elected)');
    }
    // Start at the winner's last pre-vote/election round before it won, so the vote exchange is in view.
    let roundUs = first.tUs;
    for (const election of model.elections) {
        if (election.tUs > first.tUs)
            break;
        if (election.node === first.node)
            roundUs = election.tUs;
    }
    const preVote = model.elections.find((e) => e.node === first.node && e.preVote && e.term === first.term && e.tUs <= first.tUs);
    if (preVote !== undefined)
        roundUs = Math.min(roundUs, preVote.tUs);
    // A little lead-in so the first arrows do not touch the panel's left edge.
    const leadInUs = Math.min(10_000, roundUs);
    const [fromUs, toUs] = fit(roundUs - leadInUs, DETAIL_WINDOW_US, endUs);
    return make(fromUs, narrowEnd(starts, fromUs, toUs, options.maxArrows), 'first-leader', 'from the first successful election on');
}
/** A leader change later than this after the first fault is not taken as caused by it. */
const CAUSED_WITHIN_US = 5_000_000;
/**
 * The earliest fault once the cluster had its first leader (a fault before it cannot cause a leader change):
 * a crash, pause, slow node, network fault or clock change.
 */
function firstFault(model) {
    const afterUs = model.leaderChanges[0]?.tUs ?? 0;
    const candidates = [];
    const down = model.downSpans.find((s) => s.fromUs >= afterUs);
    if (down !== undefined)
        candidates.push({ tUs: down.fromUs, what: `crash of ${down.node}`, nodes: [down.node] });
    const pause = model.pauseSpans.find((s) => s.fromUs >= afterUs);
    if (pause !== undefined)
        candidates.push({ tUs: pause.fromUs, what: `pause of ${pause.node}`, nodes: [pause.node] });
    const slow = model.slowSpans.find((s) => s.fromUs >= afterUs);
    if (slow !== undefined)
        candidates.push({ tUs: slow.fromUs, what: `slow ${slow.node}`, nodes: [slow.node] });
    const network = model.networkFaults.find((f) => f.fromUs >= afterUs);
    if (network !== undefined)
        candidates.push({ tUs: network.fromUs, what: network.label, nodes: network.nodes });
    const clock = model.marks.find((mark) => mark.kind === 'clock' && mark.tUs >= afterUs);
    if (clock !== undefined)
        candidates.push({ tUs: clock.tUs, what: `clock change on ${clock.node}`, nodes: [clock.node] });
    // The liveness phase's heal is not a fault; anything from then on is recovery.
    const live = candidates.filter((c) => model.livenessStartUs === null || c.tUs < model.livenessStartUs);
    live.sort((a, b) => a.tUs - b.tUs);
    return live[0] ?? null;
}
/**
 * The window around the first fault and the leader change it caused: from a little before the fault to a
 * little after the next leader change (within 5 s; else the 1 s after the fault), at least 1 s wide.
 */
function faultWindow(model) {
    const fault = firstFault(model);
    if (fault === null)
        return null;
    const change = model.leaderChanges.find((c) => c.tUs > fault.tUs && c.tUs - fault.tUs <= CAUSED_WITHIN_US);
    const spanUs = change === undefined ? DETAIL_WINDOW_US : change.tUs - fault.tUs;
    const leadUs = Math.min(fault.tUs, Math.max(20_000, Math.min(200_000, spanUs * 0.15)));
    const fromUs = fault.tUs - leadUs;
    const toUs = Math.max(fromUs + DETAIL_WINDOW_US, change === undefined ? 0 : change.tUs + Math.max(50_000, spanUs * 0.25));
    const [from, to] = fit(fromUs, toUs - fromUs, model.endUs);
    const at = (us) => `${trimSeconds(us)} s`;
    const reason = change === undefined
        ? `around the first fault (${fault.what} at ${at(fault.tUs)}; no leader change followed within 5 s)`
        : `around the first fault (${fault.what} at ${at(fault.tUs)}) and the leader change it caused (${change.node} leader of term ${change.term} at ${at(change.tUs)})`;
    return { fromUs: from, toUs: to, reason };
}
/** Seconds with up to 3 decimals: 2000000 -> "2", 2171234 -> "2.171". */
function trimSeconds(us) {
    return (us / 1_000_000).toFixed(3).replace(/\.?0+$/, '');
}
/** Start times of all messages, ascending (the table is in time order). */
function startTimes(model) {
    const starts = new Float64Array(model.messages.count);
    let last = 0;
    for (let m = 0; m < model.messages.count; m++) {
        const startUs = model.messages.startUs(m);
        last = Number.isNaN(startUs) ? last : startUs;
        starts[m] = last;
    }
    return starts;
}
/** Messages starting in [fromUs, toUs]. */
function countIn(starts, fromUs, toUs) {
    return upperBound(starts, toUs) - lowerBound(starts, fromUs);
}
/**
 * Automatic windows are narrowed until every message in them gets an arrow: a panel whose right part is
 * empty because maxArrows ran out would look like the network went quiet. Keeps at least 1 ms.
 */
function narrowEnd(starts, fromUs, toUs, maxArrows) {
    if (countIn(starts, fromUs, toUs) <= maxArrows)
        return toUs;
    const first = lowerBound(starts, fromUs);
    // The message after the last one that fits starts at starts[first + maxArrows]; end just before it.
    const cutUs = starts[first + maxArrows] - 1;
    return Math.max(fromUs + MIN_WINDOW_US, Math.min(toUs, cutUs));
}
/** Narrows [fromUs, toUs] around centreUs, keeping the centre, until it holds at most maxArrows messages. */
function narrowAround(starts, fromUs, toUs, centreUs, maxArrows) {
    if (countIn(starts, fromUs, toUs) <= maxArrows)
        return [fromUs, toUs];
    let lo = MIN_WINDOW_US / 2; // half-widths
    let hi = Math.max(centreUs - fromUs, toUs - centreUs);
    for (let step = 0; step < 40 && hi - lo > 1; step++) {
        const mid = (lo + hi) / 2;
        if (countIn(starts, Math.max(fromUs, centreUs - mid), Math.min(toUs, centreUs + mid)) <= maxArrows)
            lo = mid;
        else
            hi = mid;
    }
    const half = Math.floor(lo);
    return [Math.max(fromUs, centreUs - half), Math.min(toUs, centreUs + half)];
}
//# sourceMappingURL=window.js.map