// The incident's results for people and files: the table printed beside the incident's stated numbers, the JSON
// of every trial, and the figure (reports/experiment-timeline.ts): the remote follower's sync latency over time.
import { renderTimelineFigure, type TimelinePanel } from '../../reports/experiment-timeline.js';
import { incidentPublished, incidentSetup, runIncidentTrial, type IncidentTrial, type IncidentVariant } from './two-dc-incident.js';

export interface IncidentVariantResult {
  readonly variant: IncidentVariant;
  readonly trials: readonly IncidentTrial[];
  /** Medians over the trials. */
  readonly beforeMeanMs: number;
  readonly afterMeanMs: number;
  readonly afterMaxMs: number;
  /** Median catch-up; null when half or more of the trials never recovered. */
  readonly catchUpMs: number | null;
  readonly ratioBefore: number;
  readonly ratioAfter: number;
}

export interface IncidentResult {
  readonly experiment: 'two-dc-incident';
  readonly trialsPerVariant: number;
  readonly published: typeof incidentPublished;
  readonly setup: typeof incidentSetup & { readonly syncLatency: string; readonly before: string; readonly after: string; readonly catchUp: string };
  readonly variants: readonly IncidentVariantResult[];
  readonly wallSeconds: number;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? Number.NaN : sorted[Math.floor((sorted.length - 1) / 2)]!;
}

const ratio = (ours: number, published: number): number => Math.round((ours / published) * 100) / 100;

export function runIncidentVariant(variant: IncidentVariant, trials: number): IncidentVariantResult {
  const results: IncidentTrial[] = [];
  for (let seed = 1; seed <= trials; seed++) results.push(runIncidentTrial(variant, seed));
  const beforeMeanMs = median(results.map((trial) => trial.beforeMeanMs));
  const afterMeanMs = median(results.map((trial) => trial.afterMeanMs));
  const recovered = results.flatMap((trial) => (trial.catchUpMs === null ? [] : [trial.catchUpMs]));
  return {
    variant,
    trials: results,
    beforeMeanMs,
    afterMeanMs,
    afterMaxMs: median(results.map((trial) => trial.afterMaxMs)),
    catchUpMs: recovered.length * 2 > results.length ? median([...recovered, ...results.filter((trial) => trial.catchUpMs === null).map(() => Number.POSITIVE_INFINITY)]) : null,
    ratioBefore: ratio(beforeMeanMs, incidentPublished.beforeMs),
    ratioAfter: ratio(afterMeanMs, incidentPublished.afterMs),
  };
}

export function incidentResult(trials: number, variants: readonly IncidentVariantResult[], wallSeconds: number): IncidentResult {
  const s = incidentSetup;
  return {
    experiment: 'two-dc-incident',
    trialsPerVariant: trials,
    published: incidentPublished,
    setup: {
      ...s,
      syncLatency: `per write, from the leader proposing it to ${s.remoteFollower}'s durable acknowledgement reaching the leader (metrics.replicationLatency)`,
      before: `writes proposed from ${s.beforeFromMs} ms to ${s.beforeToMs} ms (${s.remoteFollower} is cut off at ${s.isolateAtMs} ms)`,
      after: `writes proposed in the first ${s.afterWindowMs} ms after ${s.remoteFollower} is back at ${s.isolateAtMs + s.isolateMs} ms`,
      catchUp: 'from the heal to the first 100 ms bucket of writes whose mean sync latency is within 1.5x the before mean',
    },
    variants,
    wallSeconds,
  };
}

const msText = (value: number | null): string => (value === null ? 'never' : !Number.isFinite(value) ? '-' : value >= 1_000 ? `${(value / 1_000).toFixed(2)} s` : `${Math.round(value)} ms`);

/** The table: one line per variant, the incident's numbers beside ours, and the setup. */
export function incidentTable(result: IncidentResult): string {
  const s = result.setup;
  const lines = [
    `The two-datacenter incident: sync latency to a follower in the other datacenter, before it falls behind and after it is back (${result.trialsPerVariant} trials per variant, ${result.wallSeconds.toFixed(0)} s)`,
    `setup: 4 nodes, dc-a [n1 (leader), n2] and dc-b [n3, n4], one way ${s.interLatency} between them and ${s.intraLatency} inside; ${s.writesPerSecond} writes/s of ${s.valueBytes};`,
    `       snapshot every ${s.snapshotCount} entries keeping ${s.catchUpEntries} behind it; ${s.remoteFollower} cut off at ${s.isolateAtMs / 1_000} s for ${s.isolateMs / 1_000} s`,
    `sync latency: ${s.syncLatency}`,
    '',
  ];
  const head = ['variant', 'before (mean)', 'after (mean)', 'after (max)', 'catch-up', 'snapshots', 'leader log peak', 'incident', 'ratio before', 'ratio after'];
  const rows = result.variants.map((v) => [
    v.variant,
    msText(v.beforeMeanMs),
    msText(v.afterMeanMs),
    msText(v.afterMaxMs),
    msText(v.catchUpMs),
    String(median(v.trials.map((trial) => trial.snapshots))),
    `${median(v.trials.map((trial) => trial.leaderPeakLogEntries ?? 0))} entries`,
    v.variant === 'trigger-on-apply-lag' ? `${msText(result.published.beforeMs)} -> ${msText(result.published.afterMs)}` : '(no incident)',
    `${v.ratioBefore.toFixed(2)}x`,
    v.variant === 'trigger-on-apply-lag' ? `${v.ratioAfter.toFixed(2)}x` : '-',
  ]);
  const widths = head.map((h, k) => Math.max(h.length, ...rows.map((row) => row[k]!.length)));
  const line = (cells: readonly string[]): string => cells.map((cell, k) => cell.padEnd(widths[k]!)).join('  ').trimEnd();
  lines.push(line(head), ...rows.map(line), '', `medians over the trials; before: ${s.before}; after: ${s.after}; catch-up: ${s.catchUp}`);
  return `${lines.join('\n')}\n`;
}

const COLORS = ['#4e79a7', '#e15759', '#59a14f', '#f28e2b', '#af7aa1'];

export function incidentSvg(result: IncidentResult): string {
  const s = incidentSetup;
  const healS = (s.isolateAtMs + s.isolateMs) / 1_000;
  const panels: TimelinePanel[] = result.variants.map((v) => ({
    title: v.variant === 'correct-trigger' ? 'Correct snapshot trigger: the follower is caught up by a snapshot' : 'Trigger keyed on apply lag (the incident): caught up from the long log',
    lines: v.trials.flatMap((trial, k) => [
      { label: `seed ${trial.seed}: mean per 100 ms`, points: trial.timeline.map(([t, mean]) => [t / 1_000, mean] as const), color: COLORS[k % COLORS.length]!, maxStepS: (1.5 * s.bucketMs) / 1_000 },
    ]),
    moments: [
      { atS: s.isolateAtMs / 1_000, label: `${s.remoteFollower} cut off` },
      { atS: healS, label: `${s.remoteFollower} back` },
    ],
    references: [
      { valueMs: result.published.beforeMs, label: `incident before: ${result.published.beforeMs} ms` },
      { valueMs: result.published.afterMs, label: `incident after: ${result.published.afterMs / 1_000} s` },
    ],
  }));
  return renderTimelineFigure({
    title: 'The two-datacenter incident reproduced by raftsim: sync latency to the remote follower',
    subtitle: `4 nodes in 2 datacenters (${s.interLatency} one way between them), ${s.writesPerSecond} writes/s of ${s.valueBytes}; ${s.remoteFollower} cut off at ${s.isolateAtMs / 1_000} s for ${s.isolateMs / 1_000} s`,
    yLabel: 'sync latency of writes proposed then',
    xLabel: 'time of the write (s of simulated time)',
    xDomainS: [(s.isolateAtMs - 1_000) / 1_000, s.durationMs / 1_000],
    yDomainMs: [10, 100_000],
    panels,
    notes: [
      `Sync latency: ${result.setup.syncLatency}.`,
      `A write proposed while ${s.remoteFollower} is cut off waits for the heal (the falling line inside the cut); what the incident is about is the writes proposed after it.`,
      'With the correct trigger most writes of the cut are covered by the snapshot, whose one acknowledgement is measured for its last 10,000 indexes only: hence the gap.',
      ...result.variants.map((v) => `${v.variant}: before ${msText(v.beforeMeanMs)}, after ${msText(v.afterMeanMs)} (max ${msText(v.afterMaxMs)}), caught up in ${msText(v.catchUpMs)} (medians over ${v.trials.length} trials).`),
    ],
  });
}
