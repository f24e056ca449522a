// SimNode.admit, the one gate of a node's own events (sim/cluster/node.ts): what an event does while its node is
// paused, and what waits for resume. Each order of effects here is one a real host has (a disk finishes a sync
// whether or not the process is scheduled); the golden runs seldom pause a node at these exact moments.
import { describe, expect, it } from 'vitest';
import { Cluster, defaultClusterOptions, type ClusterOptions, type SimNode } from '../sim/cluster/cluster.js';
import { defaultCompactionOptions, type CompactionOptions } from '../sim/compaction-options.js';
import { Random } from '../sim/random.js';
import { Scheduler } from '../sim/scheduler.js';
import { nodeIdsFor } from '../sim/simulate.js';
import { MemorySink, Trace } from '../sim/trace.js';
import { defaultWorkloadOptions, Workload } from '../sim/workload.js';

interface Harness {
  readonly scheduler: Scheduler;
  readonly cluster: Cluster;
  readonly sink: MemorySink;
}

function harness(compaction: Partial<CompactionOptions> = {}): Harness {
  const options: ClusterOptions = { ...defaultClusterOptions(nodeIdsFor(3)), compaction: { ...defaultCompactionOptions, ...compaction } };
  const scheduler = new Scheduler();
  const root = Random.fromSeed(5);
  const sink = new MemorySink();
  const trace = new Trace({ sink });
  const workload = { ...defaultWorkloadOptions, ratePerSecond: 400 };
  const clients = new Workload(scheduler, root.child('workload'), workload, trace, options.nodeIds);
  const cluster = new Cluster(scheduler, root, options, trace, 5, true, { clientMessage: (to, message, from) => clients.receive(to, message, from) }, Workload.clientIds(workload));
  clients.attach(cluster);
  cluster.start();
  clients.start();
  scheduler.runUntil(1_000_000);
  return { scheduler, cluster, sink };
}

/** Runs one event at a time until `until` holds for some node, and returns that node. */
function stepUntil(h: Harness, until: (node: SimNode) => boolean): SimNode {
  for (let events = 0; events < 1_000_000; events++) {
    for (const node of h.cluster.nodes.values()) if (node.process.status === 'up' && until(node)) return node;
    h.scheduler.runUntil(h.scheduler.nowUs + 1_000_000, 1);
  }
  throw new Error('condition never held');
}

function crashRecord(h: Harness, node: SimNode): { lostRecords: number; tornRecords: number } {
  const crashes = h.sink.lines.map((line) => JSON.parse(line)).filter((record) => record.type === 'crash' && record.node === node.id);
  return crashes[crashes.length - 1];
}

describe('the gate of a paused node', () => {
  it("a Ready's fsync that completes during a pause is durable: a crash before resume loses none of it", () => {
    const h = harness();
    const node = stepUntil(h, (candidate) => candidate.ready.inFlight);
    h.cluster.pause(node, 1_000_000);
    h.scheduler.runUntil(h.scheduler.nowUs + 50_000); // the fsync (at most 1.5 ms) completes meanwhile
    expect(node.process.status).toBe('paused');
    expect(node.ready.inFlight).toBe(true); // completing the Ready waits for resume
    h.cluster.crash(node);
    expect(crashRecord(h, node)).toMatchObject({ lostRecords: 0, tornRecords: 0 });
  });

  it('a snapshot that becomes durable during a pause counts at once; dropping the log prefix waits for resume', () => {
    const h = harness({ snapshotCount: null, snapshotBytesPerSecond: 1_000_000, catchUpEntries: 10 });
    const node = stepUntil(h, (candidate) => !candidate.ready.inFlight && candidate.raft.log.applied > candidate.compaction.lastSnapshotIndex);
    const index = node.raft.log.applied;
    const compactedBefore = node.raft.log.compacted.index;
    h.cluster.startSnapshot(node, 'count', 'test', null);
    h.cluster.pause(node, 2_000_000);
    h.scheduler.runUntil(h.scheduler.nowUs + 1_000_000);
    expect(node.process.status).toBe('paused');
    expect(node.compaction.lastSnapshotIndex).toBe(index);
    expect(node.compaction.pending?.snapshot.meta.index).toBe(index);
    expect(node.raft.log.compacted.index).toBe(compactedBefore);
    h.cluster.resume(node);
    expect(node.compaction.pending).toBeNull();
    expect(node.raft.log.compacted.index).toBeGreaterThan(compactedBefore);
  });

  it('a wake-up that fires during a pause is disarmed, and resuming arms a new one', () => {
    const h = harness();
    const node = h.cluster.nodes.get('n2')!;
    const armedUs = node.ready.armedWakeUs;
    expect(armedUs).toBeLessThan(Number.POSITIVE_INFINITY);
    h.cluster.pause(node, 5_000_000);
    h.scheduler.runUntil(armedUs);
    expect(node.ready.armedWakeUs).toBe(Number.POSITIVE_INFINITY);
    h.cluster.resume(node);
    expect(node.ready.armedWakeUs).toBeGreaterThanOrEqual(h.scheduler.nowUs);
    expect(node.ready.armedWakeUs).toBeLessThan(Number.POSITIVE_INFINITY);
  });

  it('an apply tick that fires during a pause is spent; resuming schedules the next one', () => {
    const h = harness({ applyCostUs: 2_000 });
    const node = stepUntil(h, (candidate) => candidate.apply.scheduled && candidate.apply.queue.length > 1);
    const queued = node.apply.queue.length;
    h.cluster.pause(node, 1_000_000);
    h.scheduler.runUntil(h.scheduler.nowUs + 10_000);
    expect(node.apply.scheduled).toBe(false);
    expect(node.apply.queue.length).toBe(queued); // nothing applied while paused
    h.cluster.resume(node);
    expect(node.apply.scheduled).toBe(true);
  });

  it('events of an earlier incarnation are ignored: the end of a pause from before a crash does not end a later pause', () => {
    const h = harness();
    const node = h.cluster.nodes.get('n3')!;
    h.cluster.pause(node, 100_000);
    h.cluster.crash(node);
    h.cluster.restart(node);
    h.cluster.pause(node, 1_000_000);
    h.scheduler.runUntil(h.scheduler.nowUs + 500_000);
    expect(node.process.status).toBe('paused');
    h.scheduler.runUntil(h.scheduler.nowUs + 600_000);
    expect(node.process.status).toBe('up');
  });
});
