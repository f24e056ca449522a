// Snapshots and log compaction: both triggers, catch-up entries, InstallSnapshot in chunks, crashes at every
// step of snapshotting, the mistake switches, and the metrics they feed.
import { fc } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { Cluster, defaultClusterOptions, type ClusterOptions } from '../sim/cluster/cluster.js';
import { defaultCompactionOptions, type CompactionOptions } from '../sim/compaction-options.js';
import { allChaosKinds } from '../sim/nemesis.js';
import { Random } from '../sim/random.js';
import { Scheduler } from '../sim/scheduler.js';
import { defaultChaosOptions, defaultSimulationOptions, nodeIdsFor, simulate, type SimulationOptions } from '../sim/simulate.js';
import { MemorySink, Trace } from '../sim/trace.js';
import { defaultWorkloadOptions, Workload, type WorkloadOptions } from '../sim/workload.js';

function clusterWith(nodes: number, compaction: Partial<CompactionOptions>, patch: Partial<ClusterOptions> = {}): ClusterOptions {
  const base = defaultClusterOptions(nodeIdsFor(nodes));
  return { ...base, ...patch, compaction: { ...defaultCompactionOptions, ...compaction } };
}

function traced(options: SimulationOptions): { result: ReturnType<typeof simulate>; records: Record<string, any>[] } {
  const sink = new MemorySink();
  const result = simulate(options, new Trace({ sink }));
  return { result, records: sink.lines.map((line) => JSON.parse(line)) };
}

describe('triggers', () => {
  it('count trigger: every node snapshots each snapshotCount applied entries and keeps catchUpEntries behind', () => {
    const { result, records } = traced(
      defaultSimulationOptions({ seed: 1, cluster: clusterWith(3, { snapshotCount: 100, catchUpEntries: 20 }), durationUs: 5_000_000 }),
    );
    expect(result.verdict).toBe('ok');
    const snapshots = records.filter((r) => r.type === 'snapshot');
    for (const node of ['n1', 'n2', 'n3']) {
      const mine = snapshots.filter((r) => r.node === node);
      expect(mine.length).toBeGreaterThanOrEqual(5);
      for (let k = 1; k < mine.length; k++) expect(mine[k].index - mine[k - 1].index).toBeGreaterThanOrEqual(100);
      expect(mine.every((r) => r.trigger === 'count')).toBe(true);
    }
    // After each compaction the log starts catchUpEntries behind the snapshot.
    for (const compact of records.filter((r) => r.type === 'compact')) {
      const snapshot = snapshots.find((s) => s.node === compact.node && s.t === compact.t)!;
      expect(compact.index).toBe(snapshot.index - 20);
    }
    expect(result.metrics.logGrowth.peakEntries).toBeLessThan(100 + 20 + 60);
    expect(result.metrics.compaction.maxSnapshotLag).toBeLessThan(160);
  });

  it('time trigger fires when each LOCAL clock crosses a window: clock offsets move it by exactly the offset', () => {
    const base = clusterWith(3, { snapshotCount: null, snapshotIntervalUs: 1_000_000 });
    const clocks = { n1: { offsetUs: 80_000, driftPpm: 0 }, n2: { offsetUs: -50_000, driftPpm: 0 }, n3: { offsetUs: 0, driftPpm: 0 } };
    const { result, records } = traced(defaultSimulationOptions({ seed: 2, cluster: { ...base, clocks }, durationUs: 4_500_000 }));
    expect(result.verdict).toBe('ok');
    const starts = records.filter((r) => r.type === 'snapshot-start' && r.round === 'time:3');
    const at = Object.fromEntries(starts.map((r) => [r.node, r.t]));
    // Window 3 is local time 3 s: a clock 80 ms ahead gets there 80 ms early in true time.
    expect(at).toEqual({ n1: 2_920_000, n2: 3_050_000, n3: 3_000_000 });
    const drift = result.metrics.compaction.drift;
    expect(drift.timeTrigger.samples).toBeGreaterThanOrEqual(9);
    // The spread of a round across nodes is at least the clock spread (130 ms).
    expect(drift.maxTimeSpreadUs!).toBeGreaterThanOrEqual(130_000);
    expect(drift.timeTrigger.meanDeviationUs!).toBeGreaterThan(40_000);
  });

  it('clock drift makes the time trigger deviate more with every window', () => {
    const base = clusterWith(3, { snapshotCount: null, snapshotIntervalUs: 1_000_000 });
    const clocks = { n1: { offsetUs: 0, driftPpm: 50_000 }, n2: { offsetUs: 0, driftPpm: 0 }, n3: { offsetUs: 0, driftPpm: 0 } };
    const { records } = traced(defaultSimulationOptions({ seed: 3, cluster: { ...base, clocks }, durationUs: 6_500_000 }));
    const n1 = records.filter((r) => r.type === 'snapshot-start' && r.node === 'n1' && r.round.startsWith('time:'));
    const early = n1.map((r) => Number(r.round.slice(5)) * 1_000_000 - r.t);
    // A clock 5% fast reaches local k seconds 5% early: k x 47.6 ms ahead.
    expect(early[0]).toBeGreaterThan(40_000);
    expect(early[early.length - 1]).toBeGreaterThan(early[0] * 4);
  });
});

describe('catch-up entries and InstallSnapshot', () => {
  function followerDownFor(downUs: number, catchUpEntries: number, chunkBytes = 256 * 1024): ReturnType<typeof traced> {
    const base = clusterWith(3, { snapshotCount: 200, catchUpEntries });
    return traced(
      defaultSimulationOptions({
        seed: 4,
        cluster: { ...base, raft: { ...base.raft, snapshotChunkBytes: chunkBytes } },
        workload: { ...defaultWorkloadOptions, ratePerSecond: 400, keys: 200, valueBytes: 64 },
        faults: [
          { atUs: 1_000_000, fault: { kind: 'crash', node: 'n3' } },
          { atUs: 1_000_000 + downUs, fault: { kind: 'restart', node: 'n3' } },
        ],
        durationUs: 1_000_000 + downUs + 2_000_000,
      }),
    );
  }

  it('a follower slightly behind catches up from the retained catch-up entries, without a snapshot', () => {
    const { result, records } = followerDownFor(300_000, 2_000);
    expect(result.verdict).toBe('ok');
    expect(records.filter((r) => r.type === 'snapshot-install')).toHaveLength(0);
    expect(records.some((r) => r.type === 'progress' && r.peer === 'n3' && r.state === 'snapshot')).toBe(false);
  });

  it('a follower behind the first retained index gets InstallSnapshot in chunks, then catches up', () => {
    const { result, records } = followerDownFor(3_000_000, 0, 512);
    expect(result.verdict).toBe('ok');
    const installs = records.filter((r) => r.type === 'snapshot-install' && r.node === 'n3');
    expect(installs.length).toBeGreaterThanOrEqual(1);
    const chunks = records.filter((r) => r.type === 'send' && r.msg === 'InstallSnapshot' && r.to === 'n3');
    expect(chunks.length).toBeGreaterThan(3);
    expect(records.some((r) => r.type === 'progress' && r.peer === 'n3' && r.state === 'snapshot')).toBe(true);
    expect(result.metrics.compaction.snapshotsInstalled).toBeGreaterThanOrEqual(1);
  });

  it('mistake switch: compaction without InstallSnapshot fallback leaves the follower behind for good (liveness failure)', () => {
    const base = clusterWith(3, { snapshotCount: 200, catchUpEntries: 0, mistakes: { ...defaultCompactionOptions.mistakes, noSnapshotFallback: true } });
    const result = simulate(
      defaultSimulationOptions({
        seed: 4,
        cluster: base,
        workload: { ...defaultWorkloadOptions, ratePerSecond: 400 },
        faults: [
          { atUs: 1_000_000, fault: { kind: 'crash', node: 'n3' } },
          { atUs: 4_000_000, fault: { kind: 'restart', node: 'n3' } },
        ],
        durationUs: 5_000_000,
        livenessBoundUs: 3_000_000,
      }),
      new Trace({ hash: false }),
    );
    expect(result.verdict).toBe('liveness');
    expect(result.liveness!.reason).toMatch(/^n3 commit \d+ != leader last index/);
  });
});

/** Runs a cluster by hand so a test can crash a node at an exact moment of its snapshot. */
function manualCluster(seed: number, cluster: ClusterOptions, workload: WorkloadOptions): { scheduler: Scheduler; cluster: Cluster; workload: Workload } {
  const scheduler = new Scheduler();
  const root = Random.fromSeed(seed);
  const trace = new Trace({ hash: false });
  const clients = new Workload(scheduler, root.child('workload'), workload, trace, cluster.nodeIds);
  const built = new Cluster(scheduler, root, cluster, trace, seed, true, { clientMessage: (to, message, from) => clients.receive(to, message, from) }, Workload.clientIds(workload));
  clients.attach(built);
  built.start();
  clients.start();
  return { scheduler, cluster: built, workload: clients };
}

describe('crash consistency of snapshotting', () => {
  // Snapshots are written at 20 KB/s so the write takes tens of milliseconds: crashes land before the write,
  // during it (unsynced: lost), after it is durable but before the WAL rewrite, and after the rewrite.
  const offsetsUs = [0, 1, 500, 5_000, 20_000, 40_000, 60_000, 80_000, 120_000, 200_000];

  it.each(offsetsUs)('a node crashed %i us into a snapshot recovers a consistent state and the cluster converges', (offsetUs) => {
    const options = clusterWith(3, { snapshotCount: null, catchUpEntries: 10, snapshotBytesPerSecond: 20_000 });
    const { scheduler, cluster, workload } = manualCluster(9, options, { ...defaultWorkloadOptions, keys: 100, valueBytes: 32 });
    scheduler.runUntil(2_000_000);
    const node = cluster.nodes.get('n2')!;
    const before = node.raft.log.applied;
    cluster.startSnapshot(node, 'count', 'manual', null);
    expect(node.compaction.inProgress).toBe(true);
    scheduler.runUntil(scheduler.nowUs + offsetUs);
    cluster.crash(node);
    scheduler.runUntil(scheduler.nowUs + 100_000);
    cluster.restart(node);
    // Recovery: either the old state (snapshot lost) or the new snapshot, and a contiguous log after it.
    const log = node.raft.log;
    expect([0, before]).toContain(node.compaction.lastSnapshotIndex);
    expect(log.firstIndex()).toBeLessThanOrEqual(node.compaction.lastSnapshotIndex + 1);
    for (let index = log.firstIndex(); index <= log.lastIndex(); index++) expect(log.entry(index)?.index).toBe(index);
    expect(node.kv.appliedIndex).toBe(log.applied);
    workload.stop();
    scheduler.runUntil(scheduler.nowUs + 3_000_000);
    expect(cluster.converged()).toEqual({ ok: true, reason: 'converged' });
  });

  it('random faults with crashes during snapshots, both triggers and slow apply give no violation', () => {
    fc.assert(
      fc.property(
        fc.record({
          seed: fc.integer({ min: 1, max: 1_000_000 }),
          snapshotCount: fc.option(fc.integer({ min: 20, max: 400 }), { nil: null }),
          intervalMs: fc.option(fc.integer({ min: 200, max: 3_000 }), { nil: null }),
          catchUpEntries: fc.integer({ min: 0, max: 100 }),
          applyCostUs: fc.constantFrom(0, 0, 500, 3_000),
          bytesPerSecond: fc.constantFrom(20_000, 1_000_000, 200_000_000),
        }),
        (c) => {
          const cluster = clusterWith(5, {
            snapshotCount: c.snapshotCount,
            snapshotIntervalUs: c.intervalMs === null ? null : c.intervalMs * 1000,
            catchUpEntries: c.catchUpEntries,
            applyCostUs: c.applyCostUs,
            snapshotBytesPerSecond: c.bytesPerSecond,
          });
          const result = simulate(
            defaultSimulationOptions({
              seed: c.seed,
              cluster: { ...cluster, link: { ...cluster.link, dropChance: 0.03, reorderChance: 0.05 } },
              chaos: { ...defaultChaosOptions, kinds: allChaosKinds, meanGapUs: 300_000 },
              durationUs: 8_000_000,
              livenessBoundUs: 15_000_000,
            }),
            new Trace({ hash: false }),
          );
          if (result.verdict !== 'ok') throw new Error(`${result.verdict}: ${JSON.stringify(result.violation ?? result.liveness)}`);
        },
      ),
      { numRuns: 20, seed: 4242 },
    );
  });
});

describe('compaction stall (the incident)', () => {
  function stallRun(triggerOnApplyLag: boolean): ReturnType<typeof simulate> {
    const cluster = clusterWith(3, {
      snapshotCount: 500,
      catchUpEntries: 100,
      applyCostUs: 900,
      mistakes: { ...defaultCompactionOptions.mistakes, triggerOnApplyLag, applyLagTolerance: 100 },
    }, {
      metrics: { sampleIntervalUs: 500_000, stallBoundUs: 4_000_000, stallEntries: 1_500 },
    });
    // 1,000 clients offering 2,000 writes/s against a state machine that applies about 1,100/s: hundreds of
    // committed entries wait to be applied at any moment.
    return simulate(
      defaultSimulationOptions({
        seed: 6,
        cluster,
        workload: { ...defaultWorkloadOptions, clients: 1_000, ratePerSecond: 2_000, mix: { put: 1, get: 0, cas: 0 }, requestTimeoutUs: 60_000_000 },
        durationUs: 15_000_000,
        livenessBoundUs: 60_000_000,
      }),
      new Trace({ hash: false }),
    );
  }

  it('with the trigger keyed on raft index - applied index, snapshots stop, the log grows and the stall is reported with its cause', () => {
    const result = stallRun(true);
    const compaction = result.metrics.compaction;
    expect(compaction.stallCount).toBeGreaterThanOrEqual(1);
    expect(compaction.stalls[0]!.reason).toMatch(/keyed on raft index - applied index/);
    expect(result.metrics.applyLag.max).toBeGreaterThan(300);
    expect(result.metrics.logGrowth.peakEntries).toBeGreaterThan(5_000);
    expect(result.metrics.logGrowth.growthEntriesPerSecond).toBeGreaterThan(200);
  });

  it('with the right trigger the same load keeps the log bounded and no stall is reported', () => {
    const result = stallRun(false);
    expect(result.metrics.compaction.stallCount).toBe(0);
    expect(result.metrics.compaction.snapshots).toBeGreaterThanOrEqual(9);
    expect(result.metrics.logGrowth.peakEntries).toBeLessThan(5_000);
  });
});

describe('metrics', () => {
  it('election latency: one sample per leader crash, within the election timeout range plus a few round trips', () => {
    const result = simulate(
      defaultSimulationOptions({
        seed: 8,
        cluster: clusterWith(5, {}),
        faults: [
          { atUs: 2_000_000, fault: { kind: 'crash', node: 'leader' } },
          { atUs: 5_000_000, fault: { kind: 'restart-all' } },
          { atUs: 7_000_000, fault: { kind: 'crash', node: 'leader' } },
        ],
        durationUs: 10_000_000,
      }),
      new Trace({ hash: false }),
    );
    const latency = result.metrics.electionLatency;
    expect(latency.count).toBe(2);
    // At least the minimum election timeout (150 ms) must pass before anyone campaigns.
    expect(latency.min!).toBeGreaterThanOrEqual(150_000);
    expect(latency.max!).toBeLessThan(1_000_000);
    expect(result.metrics.elections.timeWithoutLeaderUs).toBe(latency.min! + latency.max!);
    expect(result.metrics.elections.firstLeaderUs!).toBeGreaterThan(150_000);
    expect(result.metrics.commitLatency.count).toBeGreaterThan(500);
    expect(result.metrics.clientLatency.write.p50!).toBeGreaterThan(0);
  });

  it('replication latency is grouped by the follower datacenter and reflects the inter-datacenter round trip', () => {
    const nodeIds = nodeIdsFor(5);
    const base = clusterWith(5, {});
    const topology = {
      datacenterOf: { n1: 'dc1', n2: 'dc1', n3: 'dc1', n4: 'dc2', n5: 'dc2' },
      intraLatency: { kind: 'uniform' as const, minUs: 200, maxUs: 600 },
      interLatency: { 'dc1->dc2': { kind: 'uniform' as const, minUs: 35_000, maxUs: 45_000 } },
    };
    const result = simulate(defaultSimulationOptions({ seed: 10, cluster: { ...base, nodeIds, topology }, durationUs: 5_000_000 }), new Trace({ hash: false }));
    const byDc = result.metrics.replicationLatency.byDatacenter;
    expect(Object.keys(byDc).sort()).toEqual(['dc1', 'dc2']);
    // The leader is in dc1 or dc2; whichever is remote sees at least one 70 ms round trip.
    const p50s = [byDc['dc1']!.p50!, byDc['dc2']!.p50!].sort((a, b) => a - b);
    expect(p50s[1]!).toBeGreaterThan(70_000);
    expect(p50s[0]!).toBeLessThan(20_000);
  });
});
