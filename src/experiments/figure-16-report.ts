// Figure 16's results for people and files: the table printed beside the paper's numbers, the JSON of every
// sample, and the CDF figure (reports/experiment-cdf.ts) drawn like the paper's two graphs.
import { CDF_COLORS, renderCdfFigure, type CdfFigure, type CdfMark, type CdfPanel } from '../../reports/experiment-cdf.js';
import type { RaftProfile } from '../scenario/profile-names.js';
import { figure16Setup } from './figure-16.js';
import type { RangeResult } from './results.js';

export interface Figure16Result {
  readonly experiment: 'figure-16';
  readonly profile: RaftProfile;
  readonly trialsPerRange: number;
  readonly setup: {
    readonly nodes: number;
    readonly lagging: readonly string[];
    readonly networkLatency: string;
    readonly fsyncLatency: string;
    readonly heartbeat: 'half the minimum election timeout';
    readonly crash: string;
    readonly sample: string;
  };
  readonly ranges: readonly RangeResult[];
  readonly wallSeconds: number;
}

export function figure16Result(profile: RaftProfile, trialsPerRange: number, ranges: readonly RangeResult[], wallSeconds: number): Figure16Result {
  return {
    experiment: 'figure-16',
    profile,
    trialsPerRange,
    setup: {
      nodes: figure16Setup.nodes,
      lagging: figure16Setup.lagging,
      networkLatency: figure16Setup.networkLatency,
      fsyncLatency: figure16Setup.fsyncLatency,
      heartbeat: 'half the minimum election timeout',
      crash: `the leader (n1, pinned with campaign) crashes uniformly within a heartbeat interval after its first heartbeat broadcast from ${figure16Setup.crashAfterMs} ms on`,
      sample: 'time from the crash until a new leader is elected; censored when none is elected within boundMs',
    },
    ranges,
    wallSeconds,
  };
}

const ms = (value: number | null): string => (value === null ? '-' : value >= 10_000 ? `${(value / 1_000).toFixed(1)} s` : `${Math.round(value)} ms`);

/** The table: one line per range, then one per statement of the paper with ours and the ratio. */
export function figure16Table(result: Figure16Result): string {
  const s = result.setup;
  const lines = [
    `Raft paper Figure 16 under the ${result.profile} profile: time without a leader after the leader crashes (${result.wallSeconds.toFixed(0)} s)`,
    `setup: ${s.nodes} nodes, ${s.lagging.join(' and ')} cut off from AppendEntries, heartbeat ${s.heartbeat}, network ${s.networkLatency} one way, fsync ${s.fsyncLatency};`,
    `       ${s.crash}`,
    '',
  ];
  const head = ['range', 'trials', 'censored', 'median', 'p99', 'max', 'mean'];
  const rows = result.ranges.map((r) => [r.label, String(r.trials), `${r.stats.censored} (>${ms(r.boundMs)})`, ms(r.stats.medianMs), ms(r.stats.p99Ms), ms(r.stats.maxMs), ms(r.stats.meanMs)]);
  const widths = head.map((h, k) => Math.max(h.length, ...rows.map((row) => row[k]!.length)));
  const line = (cells: readonly string[]): string => cells.map((cell, k) => (k === 0 ? cell.padEnd(widths[k]!) : cell.padStart(widths[k]!))).join('  ');
  lines.push(line(head), ...rows.map(line), '');
  const claims = result.ranges.flatMap((r) =>
    r.claims.map((claim) => [
      claim.text,
      claim.statistic === 'above' ? `${r.stats.censored + r.samples.filter((s) => 'ms' in s && s.ms > claim.paperMs).length}/${r.trials} > ${ms(claim.paperMs)}` : ms(claim.oursMs),
      claim.ratio === null ? '-' : `${claim.ratio.toFixed(2)}x`,
      claim.matches ? 'yes' : 'no',
    ]),
  );
  const claimHead = ['the paper says', 'ours', 'ratio', 'within 15%'];
  const claimWidths = claimHead.map((h, k) => Math.max(h.length, ...claims.map((row) => row[k]!.length)));
  for (const row of [claimHead, ...claims]) lines.push(row.map((cell, k) => cell.padEnd(claimWidths[k]!)).join('  ').trimEnd());
  return `${lines.join('\n')}\n`;
}

function marksOf(ranges: readonly RangeResult[]): CdfMark[] {
  const marks: CdfMark[] = [];
  for (const r of ranges) {
    for (const claim of r.claims) {
      if (claim.statistic === 'median') marks.push({ series: r.label, xMs: claim.paperMs, fraction: 0.5, label: `${r.label} median ${claim.paperMs} ms` });
      else if (claim.statistic === 'max') marks.push({ series: r.label, xMs: claim.paperMs, fraction: 1, label: `${r.label} max ${claim.paperMs} ms` });
      else if (claim.statistic === 'above') marks.push({ series: r.label, xMs: claim.paperMs, fraction: null, label: `${r.label} always > ${ms(claim.paperMs)}` });
    }
  }
  return marks;
}

export function figure16Svg(result: Figure16Result): string {
  const panel = (title: string, logX: boolean, ranges: readonly RangeResult[]): CdfPanel => ({
    title,
    logX,
    series: ranges.map((r) => ({
      label: r.label,
      valuesMs: r.samples.flatMap((s) => ('ms' in s ? [s.ms] : [])),
      trials: r.trials,
      censored: r.stats.censored,
      color: CDF_COLORS[result.ranges.indexOf(r) % CDF_COLORS.length]!,
    })),
    marks: marksOf(ranges),
  });
  const scale = result.ranges.filter((r) => r.graph === 'scale' || (r.minMs === 150 && r.maxMs === 300));
  const figure: CdfFigure = {
    title: `Raft paper Figure 16 reproduced by raftsim (${result.profile} profile)`,
    subtitle: `5 servers, n4 and n5 behind; heartbeat = half the minimum timeout; leader crashed uniformly within a heartbeat interval; network ${result.setup.networkLatency} one way, fsync ${result.setup.fsyncLatency}`,
    xLabel: 'time without leader',
    panels: [panel('Randomness in the election timeout varied', true, result.ranges.filter((r) => r.graph === 'randomness')), panel('Minimum election timeout scaled', false, scale)],
    notes: [
      'Curves count every trial: one that stays below 100% had censored trials (no leader within the bound). Diamonds and dashed lines are the numbers the paper states in its text.',
      ...result.ranges.flatMap((r) => r.claims.filter((c) => c.statistic === 'mean').map((c) => `${c.text}; ours: mean ${ms(c.oursMs)} (${c.ratio === null ? '-' : `${c.ratio.toFixed(2)}x`}).`)),
    ],
  };
  return renderCdfFigure(figure);
}
