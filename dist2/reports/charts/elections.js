import { formatCount, formatDurationUs, formatTimeUs } from '../format.js';
import { appendRect } from '../svg.js';
import { bucketCount, chartHeight, frame, hoverColumns, noData, timeBuckets, timeDecorations, yAxis } from './frame.js';
export function electionBuckets(ctx) {
    const { elections, leaderChanges } = ctx.model;
    const buckets = timeBuckets(ctx, bucketCount(ctx, 10, 120));
    const preVotes = new Array(buckets.count).fill(0);
    const real = new Array(buckets.count).fill(0);
    const leaders = Array.from({ length: buckets.count }, () => []);
    for (const e of elections) {
        const b = buckets.index(e.tUs);
        if (b < 0)
            continue;
        if (e.preVote)
            preVotes[b]++;
        else
            real[b]++;
    }
    for (const change of leaderChanges) {
        const b = buckets.index(change.tUs);
        if (b >= 0)
            leaders[b].push(`${change.node} (term ${change.term}) at ${formatTimeUs(change.tUs)}`);
    }
    let max = 1;
    for (let b = 0; b < buckets.count; b++)
        max = Math.max(max, preVotes[b] + real[b], leaders[b].length);
    return { buckets, preVotes, real, leaders, max };
}
/** Elections per bucket (pre-vote rounds and real elections stacked) and leader changes (green). */
export function drawElectionChart(ctx, parent, topPx, options = {}) {
    const { elections, leaderChanges } = ctx.model;
    if (elections.length === 0 && leaderChanges.length === 0)
        return noData(ctx, parent, topPx, 'Elections', options);
    const { buckets, preVotes, real, leaders, max: ownMax } = electionBuckets(ctx);
    const max = options.shared?.elections ?? ownMax;
    const preVoteTotal = preVotes.reduce((a, b) => a + b, 0);
    const realTotal = real.reduce((a, b) => a + b, 0);
    const f = frame(ctx, parent, topPx, 'Elections', `per ${formatDurationUs(buckets.widthUs)}: pre-vote rounds (light, ${formatCount(preVoteTotal)}), elections (orange, ${formatCount(realTotal)}), new leaders (green, ${formatCount(leaderChanges.length)})`, [], options);
    const y = ctx.d3.scaleLinear().domain([0, max]).nice(4).range([f.bottomPx, f.topPx + 4]);
    yAxis(ctx, f, y, y.ticks(Math.min(4, max)).filter((tick) => Number.isInteger(tick)), (value) => String(value));
    timeDecorations(ctx, f, options);
    for (let b = 0; b < buckets.count; b++) {
        const x0 = ctx.x(buckets.startUs(b));
        const width = Math.max(1, ctx.x(buckets.endUs(b)) - x0);
        const barWidth = width * 0.45;
        const base = y(0);
        if (preVotes[b] > 0)
            appendRect(f.g, x0 + 0.5, y(preVotes[b]), barWidth, base - y(preVotes[b]), 'bar-prevote');
        if (real[b] > 0)
            appendRect(f.g, x0 + 0.5, y(preVotes[b] + real[b]), barWidth, y(preVotes[b]) - y(preVotes[b] + real[b]), 'bar-election');
        if (leaders[b].length > 0)
            appendRect(f.g, x0 + 0.5 + barWidth, y(leaders[b].length), barWidth, base - y(leaders[b].length), 'bar-leader');
    }
    hoverColumns(ctx, f, buckets, (b) => {
        if (preVotes[b] === 0 && real[b] === 0 && leaders[b].length === 0)
            return null;
        const shown = leaders[b].slice(0, 4).join(', ');
        const more = leaders[b].length > 4 ? ` and ${leaders[b].length - 4} more` : '';
        return `${preVotes[b]} pre-vote rounds, ${real[b]} elections${leaders[b].length > 0 ? `; new leaders: ${shown}${more}` : ''}`;
    });
    return chartHeight(options);
}
//# sourceMappingURL=elections.js.map