import { roundSpreads } from '../../contract/compaction-rounds.js';
import { formatCount, formatDurationUs, formatExactDurationUs, formatTimeUs, px } from '../format.js';
import { addTitle, appendLine, appendText } from '../svg.js';
import { CHART_HEIGHT_PX, frame, timeDecorations, yAxis } from './frame.js';
const INDEX_COLOR = '#e07b00';
const TIME_COLOR = '#1f5fa8';
export function drawCompactionDriftChart(ctx, parent, topPx) {
    const rounds = roundSpreads(ctx.model.compactionRounds);
    if (rounds.length === 0)
        return 0;
    let maxTimeUs = 0;
    let maxIndex = 0;
    for (const r of rounds) {
        maxTimeUs = Math.max(maxTimeUs, r.timeSpreadUs);
        maxIndex = Math.max(maxIndex, r.indexSpread);
    }
    const f = frame(ctx, parent, topPx, 'Compaction drift', `${formatCount(rounds.length)} rounds completed by two or more nodes · time spread (bars, left) max ${formatExactDurationUs(maxTimeUs)} · index spread (◆, right) max ${formatCount(maxIndex)} · at the round's last snapshot`, []);
    f.g.attr('data-rounds', String(rounds.length)).attr('data-max-time-spread-us', String(maxTimeUs)).attr('data-max-index-spread', String(maxIndex));
    const y = ctx.d3.scaleLinear().domain([0, Math.max(1, maxTimeUs)]).nice(4).range([f.bottomPx, f.topPx + 4]);
    const yIndex = ctx.d3.scaleLinear().domain([0, Math.max(1, maxIndex)]).nice(4).range([f.bottomPx, f.topPx + 4]);
    yAxis(ctx, f, y, y.ticks(4), (value) => formatDurationUs(value));
    for (const tick of yIndex.ticks(4))
        appendText(f.g, ctx.plotRightPx - 3, yIndex(tick) + 3.5, formatCount(tick), 'tiny end halo').attr('style', `fill: ${INDEX_COLOR}`);
    timeDecorations(ctx, f);
    const bars = f.g.append('g').attr('class', 'drift-rounds');
    for (const r of rounds) {
        const x = ctx.x(r.lastUs);
        const round = bars.append('g');
        appendLine(round, x, y(0), x, y(r.timeSpreadUs), '').attr('stroke', TIME_COLOR).attr('stroke-width', 2);
        round.append('path').attr('d', `M${px(x)},${px(yIndex(r.indexSpread) - 3.5)}l3.5,3.5l-3.5,3.5l-3.5,-3.5z`).attr('fill', INDEX_COLOR);
        addTitle(round, `round ${r.round}: ${r.members} nodes, completed by ${formatTimeUs(r.lastUs)}; time spread ${formatExactDurationUs(r.timeSpreadUs)}, index spread ${formatCount(r.indexSpread)}`);
    }
    return CHART_HEIGHT_PX;
}
//# sourceMappingURL=compaction-drift.js.map