// The incident this project started from: in a two-datacenter cluster the cross-DC sync latency rose from ~80 ms
// to 2.3 s after snapshots had silently stopped (the snapshot trigger also required the apply backlog, raft index
// - applied index, to be small, which it never was under load: the catalogued bug trigger-on-apply-lag), and a
// follower in the other datacenter had to be caught up from the long log instead of from a snapshot.
//
// One trial is one seeded run of the same scenario twice, with the correct trigger and with the bug. The sync
// latency of a write to a follower is the time from the leader proposing it to the follower's durable
// acknowledgement reaching the leader (metrics.replicationLatency, docs/metrics.md); the run's timeline of it
// per follower, by proposal time (replicationLatency.timeline), gives it before the remote follower falls behind
// and after it is back. docs/fidelity.md records the numbers and explains the gaps.
import { runScenarioSpec } from '../api.js';
import type { ScenarioInput } from '../scenario/input.js';
import type { ReplicationBucket } from '../../sim/replication-timeline.js';

export type IncidentVariant = 'correct-trigger' | 'trigger-on-apply-lag';
export const incidentVariants: readonly IncidentVariant[] = ['correct-trigger', 'trigger-on-apply-lag'];

/** What the incident report states. */
export const incidentPublished = { beforeMs: 80, afterMs: 2_300 } as const;

/** The setup every trial shares (docs/fidelity.md says why each value). */
export const incidentSetup = {
  datacenters: { 'dc-a': ['n1', 'n2'], 'dc-b': ['n3', 'n4'] },
  leader: 'n1',
  /** The follower in the other datacenter that falls behind and is measured. */
  remoteFollower: 'n4',
  intraLatency: '500us..1ms',
  interLatency: '38ms..42ms',
  writesPerSecond: 3_000,
  clients: 1_000,
  valueBytes: '1KiB',
  snapshotCount: 1_000,
  catchUpEntries: 500,
  applyLagTolerance: 100,
  /** The remote follower is cut off at isolateAtMs for isolateMs (a WAN blip, a restart, a slow disk). */
  isolateAtMs: 10_000,
  isolateMs: 10_000,
  /** The writes proposed in [beforeFromMs, beforeToMs) are "before": from when the cluster has settled to half a
   *  second before the cut, so that no write still in flight when the follower is cut off counts. */
  beforeFromMs: 5_000,
  beforeToMs: 9_500,
  /** The writes proposed in the first afterWindowMs after the heal are "after". */
  afterWindowMs: 1_000,
  durationMs: 30_000,
  bucketMs: 100,
} as const;

export function incidentScenario(variant: IncidentVariant): ScenarioInput {
  const s = incidentSetup;
  return {
    name: `two-dc-incident-${variant}`,
    question: `Two datacenters, ${s.writesPerSecond} writes/s: how long does a write take to reach the remote follower before and after it falls behind, with ${variant === 'correct-trigger' ? 'a correct snapshot trigger' : 'the trigger keyed on apply lag'}?`,
    cluster: {
      nodes: 4,
      datacenters: s.datacenters,
      latency: { intra: s.intraLatency, inter: { 'dc-a<->dc-b': s.interLatency } },
    },
    raft: { electionTimeout: '1s..2s', heartbeat: '100ms' },
    workload: { clients: s.clients, rate: `${s.writesPerSecond}/s`, mix: { put: 1 }, valueBytes: s.valueBytes, timeout: '20s' },
    compaction: { snapshotCount: s.snapshotCount, catchUpEntries: s.catchUpEntries, mistakes: { applyLagTolerance: s.applyLagTolerance } },
    metrics: { sampleInterval: `${s.bucketMs}ms` },
    ...(variant === 'trigger-on-apply-lag' ? { bugs: ['trigger-on-apply-lag'] } : {}),
    faults: [
      { at: 0, campaign: s.leader },
      { at: `${s.isolateAtMs}ms`, isolate: s.remoteFollower, for: `${s.isolateMs}ms` },
    ],
    duration: `${s.durationMs}ms`,
    livenessBound: '30s',
    checkInvariants: false,
  } as ScenarioInput;
}

export interface IncidentTrial {
  readonly seed: number;
  readonly variant: IncidentVariant;
  /** Mean and max sync latency to the remote follower of the writes proposed before it fell behind. */
  readonly beforeMeanMs: number;
  readonly beforeMaxMs: number;
  /** The same for the writes proposed in the first afterWindowMs after the heal. */
  readonly afterMeanMs: number;
  readonly afterMaxMs: number;
  /** From the heal to the first bucket whose mean is within 1.5x the before mean (null: never in the run). */
  readonly catchUpMs: number | null;
  /** Snapshots taken (all nodes), snapshots installed from the leader, and the leader's largest retained log. */
  readonly snapshots: number;
  readonly installedSnapshots: number;
  readonly leaderPeakLogEntries: number | null;
  /** The remote follower's timeline: [bucket start ms, mean ms, max ms], from 1 s before the isolation. */
  readonly timeline: readonly (readonly [number, number, number])[];
}

const ms = (us: number): number => Math.round(us / 100) / 10;

function phase(buckets: readonly ReplicationBucket[], fromUs: number, toUs: number): { meanMs: number; maxMs: number } {
  let count = 0;
  let sumUs = 0;
  let maxUs = 0;
  for (const bucket of buckets) {
    if (bucket.fromUs < fromUs || bucket.fromUs >= toUs) continue;
    count += bucket.count;
    sumUs += bucket.meanUs * bucket.count;
    maxUs = Math.max(maxUs, bucket.maxUs);
  }
  return { meanMs: count === 0 ? Number.NaN : ms(sumUs / count), maxMs: ms(maxUs) };
}

export function runIncidentTrial(variant: IncidentVariant, seed: number): IncidentTrial {
  const s = incidentSetup;
  const run = runScenarioSpec(incidentScenario(variant), { seed });
  const metrics = run.metrics;
  const buckets = metrics.replicationLatency.timeline.byNode[s.remoteFollower] ?? [];
  const healUs = (s.isolateAtMs + s.isolateMs) * 1_000;
  const before = phase(buckets, s.beforeFromMs * 1_000, s.beforeToMs * 1_000);
  const after = phase(buckets, healUs, healUs + s.afterWindowMs * 1_000);
  const recovered = buckets.find((bucket) => bucket.fromUs >= healUs && bucket.meanUs <= 1.5 * before.meanMs * 1_000);
  const leaderLog = metrics.logGrowth.perNode[s.leader];
  return {
    seed,
    variant,
    beforeMeanMs: before.meanMs,
    beforeMaxMs: before.maxMs,
    afterMeanMs: after.meanMs,
    afterMaxMs: after.maxMs,
    catchUpMs: recovered === undefined ? null : ms(recovered.fromUs - healUs),
    snapshots: metrics.compaction.snapshots,
    installedSnapshots: metrics.compaction.snapshotsInstalled,
    leaderPeakLogEntries: leaderLog === undefined ? null : leaderLog.peakEntries,
    timeline: buckets.filter((bucket) => bucket.fromUs >= (s.isolateAtMs - 1_000) * 1_000).map((bucket) => [ms(bucket.fromUs), ms(bucket.meanUs), ms(bucket.maxUs)] as const),
  };
}
