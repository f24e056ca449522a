// The election latency histogram (its own x axis: latency, not run time) with p50/p90/p99 lines.
import type { Selection } from 'd3-node';
import { quantileSorted } from '../aggregate.js';
import { formatCount, formatDurationUs, textWidthPx } from '../format.js';
import { addTitle, appendLine, appendRect, appendText, type ReportContext } from '../svg.js';
import { CHART_HEIGHT_PX, frame, yAxis } from './frame.js';

/** Election latency histogram (its own x axis, in ms) with p50/p90/p99 lines. */
export function drawElectionLatencyChart(ctx: ReportContext, parent: Selection, topPx: number): number {
  const samples = ctx.model.electionLatencies.map((e) => e.latencyUs).sort((a, b) => a - b);
  if (samples.length === 0) return 0;
  const q = { p50: quantileSorted(samples, 0.5), p90: quantileSorted(samples, 0.9), p99: quantileSorted(samples, 0.99) };
  const f = frame(
    ctx,
    parent,
    topPx,
    'Election latency',
    `${formatCount(samples.length)} elections, leaderless time until a new leader: p50 ${formatDurationUs(q.p50)}, p90 ${formatDurationUs(q.p90)}, p99 ${formatDurationUs(q.p99)}`,
    [],
  );
  const maxUs = samples[samples.length - 1]!;
  const x = ctx.d3.scaleLinear().domain([0, Math.max(1, maxUs)]).nice(10).range([ctx.plotLeftPx, ctx.plotRightPx]);
  const [, domainMaxUs] = x.domain() as [number, number];
  const bins = 40;
  const binUs = domainMaxUs / bins;
  const counts = new Array<number>(bins).fill(0);
  for (const value of samples) counts[Math.min(bins - 1, Math.floor(value / binUs))]!++;
  const y = ctx.d3.scaleLinear().domain([0, Math.max(1, ...counts)]).nice(4).range([f.bottomPx, f.topPx + 4]);
  yAxis(ctx, f, y, y.ticks(4).filter((tick) => Number.isInteger(tick)), (value) => String(value));
  for (let b = 0; b < bins; b++) {
    if (counts[b] === 0) continue;
    const x0 = x(b * binUs);
    const x1 = x((b + 1) * binUs);
    const bar = appendRect(f.g, x0 + 0.5, y(counts[b]!), Math.max(1, x1 - x0 - 1), y(0) - y(counts[b]!), 'bar-hist');
    addTitle(bar, `${counts[b]} elections took ${formatDurationUs(b * binUs)} – ${formatDurationUs((b + 1) * binUs)}`);
  }
  Object.entries(q).forEach(([name, value], row) => {
    const lx = x(value);
    const line = appendLine(f.g, lx, f.topPx, lx, f.bottomPx, `q${name.slice(1)}`);
    addTitle(line, `${name}: ${formatDurationUs(value)}`);
    // One label row per quantile: p90 and p99 are often a few pixels apart.
    const text = `${name} ${formatDurationUs(value)}`;
    const anchorEnd = lx + textWidthPx(text, 9) + 4 > ctx.plotRightPx;
    appendText(f.g, anchorEnd ? lx - 3 : lx + 3, f.topPx + 11 + row * 11, text, `tiny halo${anchorEnd ? ' end' : ''}`);
  });
  // Its own axis: latency, not run time.
  const ticks = x.ticks(Math.max(2, Math.round((ctx.plotRightPx - ctx.plotLeftPx) / 110)));
  appendLine(f.g, ctx.plotLeftPx, f.bottomPx, ctx.plotRightPx, f.bottomPx, 'axis');
  for (const tick of ticks) {
    appendLine(f.g, x(tick), f.bottomPx, x(tick), f.bottomPx + 4, 'axis');
    appendText(f.g, x(tick), f.bottomPx + 14, formatDurationUs(tick), 'note mid');
  }
  return CHART_HEIGHT_PX;
}
