// The headline metrics of both runs with paired bars, and the parameters in which the runs differ.
import type { Selection } from 'd3-node';
import { cleanText, formatCount, formatDurationUs, textWidthPx } from '../format.js';
import { parameterDiff } from '../params.js';
import { addTitle, appendRect, appendText, drawRunTag, translate } from '../svg.js';
import { RUN_COLORS, RUN_FILLS } from '../theme.js';
import { compareText, type HeadlineMetrics } from './headline-metrics.js';
import type { Run } from './run.js';

interface Row {
  readonly label: string;
  readonly value: (h: HeadlineMetrics) => number | null;
  readonly format: (value: number) => string;
  readonly hint: string;
}

const durationOrDash = (value: number): string => formatDurationUs(value);

const HEADLINE_ROWS: readonly Row[] = [
  { label: 'elections (real)', value: (h) => h.elections, format: formatCount, hint: 'election records with preVote false: a node became candidate and incremented its term' },
  { label: 'pre-vote rounds', value: (h) => h.preVoteRounds, format: formatCount, hint: 'election records with preVote true' },
  { label: 'split votes', value: (h) => h.splitVotes, format: formatCount, hint: 'terms two or more candidates split, none winning' },
  { label: 'lost to stale log', value: (h) => h.lostToStaleLog, format: formatCount, hint: 'terms a lone candidate lost: a majority replied and it did not win, so a voter refused its log as behind' },
  { label: 'leader changes', value: (h) => h.leaderChanges, format: formatCount, hint: 'role records: a node became leader of a new term' },
  { label: 'election latency p50', value: (h) => h.electionLatencyP50Us, format: durationOrDash, hint: 'nearest-rank p50 of election-latency records: leader lost → new leader accepted by a majority' },
  { label: 'election latency p99', value: (h) => h.electionLatencyP99Us, format: durationOrDash, hint: 'nearest-rank p99 of election-latency records' },
  { label: 'time without leader', value: (h) => h.timeWithoutLeaderUs, format: durationOrDash, hint: 'sum of leaderless periods (leader-lost → election-latency, or → end of trace)' },
  { label: 'peak retained log', value: (h) => h.peakLogEntries, format: (v) => `${formatCount(v)} entries`, hint: 'largest entries value of the log samples, over nodes' },
  { label: 'snapshots taken', value: (h) => h.snapshots, format: formatCount, hint: 'snapshot records (all nodes); installs from the leader not counted' },
  { label: 'compaction stalls', value: (h) => h.stalls, format: formatCount, hint: 'stall records' },
  { label: 'client ops ok / timed out', value: (h) => h.clientOk, format: formatCount, hint: 'ok records (the bar); timeouts after the slash' },
  { label: 'client latency p99', value: (h) => h.clientLatencyP99Us, format: durationOrDash, hint: 'nearest-rank p99 of completed operations' },
  { label: 'messages / dropped', value: (h) => h.messages, format: formatCount, hint: 'send records (the bar); drop records after the slash — every dropped copy, as the command-line summary counts them' },
];

/** Headline metrics of both runs with paired bars, and the parameters that differ. Returns the height used. */
export function drawHeadlineTable(a: Run, b: Run, root: Selection, topPx: number, widthPx: number): number {
  const g = root.append('g').attr('class', 'headline').attr('transform', translate(0, topPx));
  appendText(g, 16, 12, 'Headline metrics', 'h2');
  appendText(g, 150, 12, 'computed from the trace records; bars scaled to the larger of the two', 'note');
  const rowPx = 17;
  const colA = 330;
  const colB = 440;
  const barLeft = 460;
  const barWidth = 190;
  drawRunTag(g, colA - 30, 30, { letter: 'A', label: '' }, 11);
  drawRunTag(g, colB - 30, 30, { letter: 'B', label: '' }, 11);
  let y = 48;
  const extra = (h: HeadlineMetrics, label: string): string =>
    label === 'client ops ok / timed out' ? ` / ${formatCount(h.clientTimeouts)}` : label === 'messages / dropped' ? ` / ${formatCount(h.dropped)}` : '';
  for (const row of HEADLINE_ROWS) {
    const va = row.value(a.headline);
    const vb = row.value(b.headline);
    if (va === null && vb === null) continue;
    const rowG = g.append('g');
    if (((y - 48) / rowPx) % 2 === 0) appendRect(rowG, 12, y - 12, barLeft + barWidth + 60 - 12, rowPx, 'lane-bg');
    appendText(rowG, 16, y, row.label, 'info');
    const textA = va === null ? '—' : row.format(va) + extra(a.headline, row.label);
    const textB = vb === null ? '—' : row.format(vb) + extra(b.headline, row.label);
    appendText(rowG, colA, y, textA, 'info end').attr('style', `fill: ${RUN_COLORS.A}`);
    appendText(rowG, colB, y, textB, 'info end').attr('style', `fill: ${RUN_COLORS.B}`);
    const max = Math.max(va ?? 0, vb ?? 0);
    (['A', 'B'] as const).forEach((letter, k) => {
      const value = k === 0 ? va : vb;
      if (value === null || max <= 0) return;
      const w = Math.max(value > 0 ? 1.5 : 0, (value / max) * barWidth);
      appendRect(rowG, barLeft, y - 10 + k * 6, w, 5, '').attr('fill', RUN_FILLS[letter]);
    });
    const change = compareText(va, vb, row.format);
    if (change !== '') appendText(rowG, barLeft + barWidth + 8, y, change, 'note delta');
    addTitle(rowG, `${row.label}: A ${textA} · B ${textB}${change !== '' ? ` (B ${change})` : ''} — ${row.hint}`);
    y += rowPx;
  }
  const tableBottom = y;
  return Math.max(tableBottom, drawParameterDiffs(a, b, g, barLeft + barWidth + 150, tableBottom, widthPx)) - 4;
}

/** The parameters that differ, right of the table at x = dx. Returns the y after them. */
function drawParameterDiffs(a: Run, b: Run, g: Selection, dx: number, tableBottom: number, widthPx: number): number {
  const diffs = parameterDiff(a.model.params, b.model.params);
  appendText(g, dx, 12, 'What differs', 'h2');
  appendText(g, dx + 100, 12, diffs.length === 0 ? 'meta.params are identical' : `${diffs.length} of the runs' parameters (meta.params)`, 'note');
  let dy = 34;
  const maxRows = Math.max(4, Math.floor((tableBottom - 34) / 15));
  const available = widthPx - dx - 16;
  const shown = diffs.slice(0, maxRows);
  const keyWidth = Math.min(available * 0.5, Math.max(0, ...shown.map((diff) => textWidthPx(diff.key, 11.5))) + 14);
  const valueWidth = Math.min((available - keyWidth) / 2, Math.max(0, ...shown.map((diff) => textWidthPx(`A ${diff.a}`, 11.5))) + 24);
  const room = Math.max(12, Math.floor(((available - keyWidth) / 2 - 10) / 6.9));
  for (const diff of shown) {
    const rowG = g.append('g');
    appendText(rowG, dx, dy, diff.key, 'info');
    appendText(rowG, dx + keyWidth, dy, `A ${cleanText(diff.a, room)}`, 'info').attr('style', `fill: ${RUN_COLORS.A}`);
    appendText(rowG, dx + keyWidth + valueWidth, dy, `B ${cleanText(diff.b, room)}`, 'info').attr('style', `fill: ${RUN_COLORS.B}`);
    addTitle(rowG, `${diff.key}: A ${diff.a} · B ${diff.b}`);
    dy += 15;
  }
  if (diffs.length > maxRows) {
    appendText(g, dx, dy, `and ${diffs.length - maxRows} more: ${diffs.slice(maxRows, maxRows + 8).map((d) => d.key).join(', ')}${diffs.length > maxRows + 8 ? ', …' : ''}`, 'note');
    dy += 15;
  }
  return dy;
}
