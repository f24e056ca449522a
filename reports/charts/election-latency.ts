// The election latency histogram (its own x axis: latency, not run time) with p50/p90/p99 lines. The
// percentiles are nearest rank (contract/percentile.ts), the function the command-line summary uses, so the
// report's p50 is the summary's p50. The axis spans the data (it starts at 0 only when the data comes near 0),
// and the labels never overlap each other nor cross another percentile's line.
import { isCensored } from '../../contract/election-terms.js';
import type { Selection } from 'd3-node';
import { nearestRank } from '../aggregate.js';
import { formatCount, formatDurationUs, formatExactDurationUs, textWidthPx } from '../format.js';
import { overlaps, type Interval } from '../label-rows.js';
import { addTitle, appendLine, appendRect, appendText, type ReportContext } from '../svg.js';
import { CHART_HEIGHT_PX, frame, yAxis } from './frame.js';

const LABEL_FONT_PX = 9;
const LABEL_ROW_PX = 11;

/** The latency axis: from 0 when the smallest value is within a quarter of the range from 0, else around the data. */
export function latencyDomain(minUs: number, maxUs: number): [number, number] {
  const span = Math.max(maxUs - minUs, maxUs * 0.02, 1_000);
  const lo = minUs - span * 0.1 <= span * 0.25 ? 0 : minUs - span * 0.1;
  return [Math.max(0, lo), maxUs + span * 0.1];
}

export interface PlacedLabel {
  readonly text: string;
  readonly row: number;
  /** Left edge and right edge, px. */
  readonly box: Interval;
  readonly anchorEnd: boolean;
  /** Indexes of the lines this label names. */
  readonly lines: readonly number[];
}

interface QuantileLine {
  readonly names: string;
  readonly x: number;
  readonly value: string;
}

/**
 * Labels for the percentile lines. Lines closer together than a label is wide share one label ("p90 180.9 ms ·
 * p99 181 ms"), put beside the group — right of its last line, or left of its first — so no label crosses a
 * line; groups whose labels would still overlap go to separate rows.
 */
export function placeQuantileLabels(lines: readonly QuantileLine[], leftPx: number, rightPx: number): PlacedLabel[] {
  const order = lines.map((_, k) => k).sort((a, b) => lines[a]!.x - lines[b]!.x);
  const groups: number[][] = [];
  for (const k of order) {
    const group = groups[groups.length - 1];
    const last = group === undefined ? undefined : lines[group[group.length - 1]!]!;
    const gap = textWidthPx(`${lines[k]!.names} ${lines[k]!.value}`, LABEL_FONT_PX) + 8;
    if (group !== undefined && last !== undefined && lines[k]!.x - last.x < gap) group.push(k);
    else groups.push([k]);
  }
  const placed: PlacedLabel[] = [];
  for (const group of groups) {
    const text = group.map((k) => `${lines[k]!.names} ${lines[k]!.value}`).join(' · ');
    const width = textWidthPx(text, LABEL_FONT_PX);
    const first = lines[group[0]!]!.x;
    const last = lines[group[group.length - 1]!]!.x;
    const candidates = [
      { box: { left: last + 3, right: last + 3 + width }, anchorEnd: false },
      { box: { left: first - 3 - width, right: first - 3 }, anchorEnd: true },
    ].filter((c) => c.box.left >= leftPx && c.box.right <= rightPx);
    const clear = (box: Interval): boolean => lines.every((line) => line.x < box.left - 1 || line.x > box.right + 1);
    const free = (box: Interval, row: number): boolean => placed.every((p) => p.row !== row || !overlaps({ left: p.box.left - 3, right: p.box.right + 3 }, box));
    let chosen: PlacedLabel | null = null;
    const usable = candidates.filter((c) => clear(c.box));
    for (let row = 0; chosen === null && row <= placed.length; row++) {
      const c = usable.find((candidate) => free(candidate.box, row));
      if (c !== undefined) chosen = { text, row, box: c.box, anchorEnd: c.anchorEnd, lines: group };
    }
    if (chosen === null) {
      // No side is clear of the other lines (a plot too narrow for the label): a row of its own.
      const c = candidates[0] ?? { box: { left: Math.max(leftPx, first - 3 - width), right: Math.max(leftPx, first - 3 - width) + width }, anchorEnd: false };
      chosen = { text, row: placed.length, box: c.box, anchorEnd: c.anchorEnd, lines: group };
    }
    placed.push(chosen);
  }
  return placed;
}

/** Election latency histogram (its own x axis) with p50/p90/p99 lines. */
export function drawElectionLatencyChart(ctx: ReportContext, parent: Selection, topPx: number): number {
  // As result.json and the summary: a sample censored by the heal measures the heal, not an election.
  const model = ctx.model;
  const samples = model.electionLatencies.filter((e) => !isCensored(e.fromUs, e.toUs, model.livenessStartUs)).map((e) => e.latencyUs).sort((a, b) => a - b);
  if (samples.length === 0) return 0;
  const q = { p50: nearestRank(samples, 50), p90: nearestRank(samples, 90), p99: nearestRank(samples, 99) };
  const minUs = samples[0]!;
  const maxUs = samples[samples.length - 1]!;
  const x = ctx.d3.scaleLinear().domain(latencyDomain(minUs, maxUs)).nice(10).range([ctx.plotLeftPx, ctx.plotRightPx]);
  const [domainMinUs, domainMaxUs] = x.domain() as [number, number];
  const f = frame(
    ctx,
    parent,
    topPx,
    'Election latency',
    `${formatCount(samples.length)} elections, leaderless time until a new leader: p50 ${formatExactDurationUs(q.p50)}, p90 ${formatExactDurationUs(q.p90)}, p99 ${formatExactDurationUs(q.p99)} (nearest rank) · min ${formatExactDurationUs(minUs)}, max ${formatExactDurationUs(maxUs)}${domainMinUs > 0 ? ` · axis from ${formatDurationUs(domainMinUs)}` : ''}`,
    [],
  );
  const bins = 40;
  const binUs = (domainMaxUs - domainMinUs) / bins;
  const counts = new Array<number>(bins).fill(0);
  for (const value of samples) counts[Math.max(0, Math.min(bins - 1, Math.floor((value - domainMinUs) / binUs)))]!++;
  const y = ctx.d3.scaleLinear().domain([0, Math.max(1, ...counts)]).nice(4).range([f.bottomPx, f.topPx + 4]);
  yAxis(ctx, f, y, y.ticks(4).filter((tick) => Number.isInteger(tick)), (value) => String(value));
  for (let b = 0; b < bins; b++) {
    if (counts[b] === 0) continue;
    const x0 = x(domainMinUs + b * binUs);
    const x1 = x(domainMinUs + (b + 1) * binUs);
    const bar = appendRect(f.g, x0 + 0.5, y(counts[b]!), Math.max(1, x1 - x0 - 1), y(0) - y(counts[b]!), 'bar-hist');
    addTitle(bar, `${counts[b]} elections took ${formatDurationUs(domainMinUs + b * binUs)} – ${formatDurationUs(domainMinUs + (b + 1) * binUs)}`);
  }
  // One line per distinct value; equal percentiles share a line and a label.
  const lines: { names: string; x: number; value: string; className: string; exact: number }[] = [];
  for (const [name, value] of Object.entries(q)) {
    const same = lines.find((line) => line.exact === value);
    if (same !== undefined) same.names += ` = ${name}`;
    else lines.push({ names: name, x: x(value), value: formatExactDurationUs(value), className: `q${name.slice(1)}`, exact: value });
  }
  const labels = placeQuantileLabels(lines, ctx.plotLeftPx, ctx.plotRightPx);
  for (const line of lines) {
    addTitle(appendLine(f.g, line.x, f.topPx, line.x, f.bottomPx, line.className), `${line.names}: ${formatExactDurationUs(line.exact)} (nearest rank of ${samples.length} samples)`);
  }
  for (const label of labels) {
    appendText(f.g, label.anchorEnd ? label.box.right : label.box.left, f.topPx + 11 + label.row * LABEL_ROW_PX, label.text, `tiny halo q-label${label.anchorEnd ? ' end' : ''}`);
  }
  // Its own axis: latency, not run time.
  const ticks = x.ticks(Math.max(2, Math.round((ctx.plotRightPx - ctx.plotLeftPx) / 110)));
  appendLine(f.g, ctx.plotLeftPx, f.bottomPx, ctx.plotRightPx, f.bottomPx, 'axis');
  for (const tick of ticks) {
    appendLine(f.g, x(tick), f.bottomPx, x(tick), f.bottomPx + 4, 'axis');
    appendText(f.g, x(tick), f.bottomPx + 14, formatDurationUs(tick), 'note mid');
  }
  return CHART_HEIGHT_PX;
}
