// Commit and replication latency of a leader's proposals (docs/metrics.md): from the leader proposing an index
// to the index committing, and to each follower acknowledging it durable.
import type { MetricsCollector } from '../metrics.js';
import type { NodeId } from '../network.js';
import type { Scheduler } from '../scheduler.js';
import type { ClusterContext } from './context.js';
import type { SimNode } from './node.js';
import type { ClusterOptions } from './options.js';

/** How far back one acknowledgement or commit reads proposal times. */
const maxIndexesPerMeasurement = 10_000;

export class ProposalLatency {
  private readonly scheduler: Scheduler;
  private readonly options: ClusterOptions;
  private readonly metrics: MetricsCollector;
  /** Datacenter and id of the follower whose acknowledgement onReplicated is measuring. */
  private replicationDatacenter = 'all';
  private replicationFollower: NodeId = '';

  constructor(context: ClusterContext) {
    this.scheduler = context.scheduler;
    this.options = context.options;
    this.metrics = context.metrics;
  }

  /** Created once and handed to ProposalTimes.forEachIn, so measuring allocates no closure. */
  private readonly onReplicated = (proposedUs: number): void => {
    const latencyUs = this.scheduler.nowUs - proposedUs;
    this.metrics.onReplicationLatency(this.replicationDatacenter, latencyUs);
    this.metrics.onReplicated(this.replicationFollower, proposedUs, latencyUs);
  };
  private readonly onCommitted = (proposedUs: number): void => {
    this.metrics.onCommitLatency(this.scheduler.nowUs - proposedUs);
  };

  /** A client command was proposed at `index` by this leader. */
  onProposed(leader: SimNode, index: number): void {
    leader.measurement.proposedAtUs.add(index, this.scheduler.nowUs);
  }

  /** A new leadership starts measuring afresh. */
  onLeadership(leader: SimNode): void {
    leader.measurement.proposedAtUs.clear();
    leader.measurement.replicationAcked.clear();
  }

  /** Replication ("sync") latency: from the leader proposing an index to a follower acknowledging it durable. */
  onAcknowledged(leader: SimNode, follower: NodeId, index: number): void {
    const measurement = leader.measurement;
    const previous = measurement.replicationAcked.get(follower) ?? 0;
    if (index <= previous) return;
    measurement.replicationAcked.set(follower, index);
    if (measurement.proposedAtUs.size === 0) return;
    this.replicationDatacenter = this.options.topology?.datacenterOf[follower] ?? 'all';
    this.replicationFollower = follower;
    measurement.proposedAtUs.forEachIn(Math.max(previous + 1, index - maxIndexesPerMeasurement), index, this.onReplicated);
    this.forgetProposalTimes(leader);
  }

  /** Commit latency, measured on the leader; every node remembers the commit index it last saw. */
  onCommit(node: SimNode, index: number): void {
    const measurement = node.measurement;
    const leading = node.raft.role === 'leader';
    if (leading && measurement.proposedAtUs.size > 0) {
      measurement.proposedAtUs.forEachIn(Math.max(measurement.lastCommitSeen + 1, index - maxIndexesPerMeasurement), index, this.onCommitted);
    }
    measurement.lastCommitSeen = index;
    if (leading) this.forgetProposalTimes(node);
  }

  /** Drops the proposal times no measurement can read any more: commit latency reads only indexes above
   *  lastCommitSeen, replication latency only those above each follower's last acknowledgement, and both only
   *  grow during a leadership. Without this a healthy leader kept maxProposalTimes (100,000) entries, about 9 MiB
   *  of live heap. The times are kept in index order, so the forgotten ones are a prefix, exactly the entries the
   *  size bound would evict first: the measurements are unchanged. */
  private forgetProposalTimes(leader: SimNode): void {
    const measurement = leader.measurement;
    const times = measurement.proposedAtUs;
    if (times.size === 0) return;
    let floor = measurement.lastCommitSeen;
    for (const id of this.options.nodeIds) {
      if (id !== leader.id) floor = Math.min(floor, measurement.replicationAcked.get(id) ?? 0);
    }
    times.forgetThrough(floor);
  }
}
