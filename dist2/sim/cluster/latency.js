/** How far back one acknowledgement or commit reads proposal times. */
const maxIndexesPerMeasurement = 10_000;
export class ProposalLatency {
    scheduler;
    options;
    metrics;
    /** Datacenter of the follower whose acknowledgement onReplicated is measuring. */
    replicationDatacenter = 'all';
    constructor(context) {
        this.scheduler = context.scheduler;
        this.options = context.options;
        this.metrics = context.metrics;
    }
    /** Created once and handed to ProposalTimes.forEachIn, so measuring allocates no closure. */
    onReplicated = (proposedUs) => {
        this.metrics.onReplicationLatency(this.replicationDatacenter, this.scheduler.nowUs - proposedUs);
    };
    onCommitted = (proposedUs) => {
        this.metrics.onCommitLatency(this.scheduler.nowUs - proposedUs);
    };
    /** A client command was proposed at `index` by this leader. */
    onProposed(leader, index) {
        leader.measurement.proposedAtUs.add(index, this.scheduler.nowUs);
    }
    /** A new leadership starts measuring afresh. */
    onLeadership(leader) {
        leader.measurement.proposedAtUs.clear();
        leader.measurement.replicationAcked.clear();
    }
    /** Replication ("sync") latency: from the leader proposing an index to a follower acknowledging it durable. */
    onAcknowledged(leader, follower, index) {
        const measurement = leader.measurement;
        const previous = measurement.replicationAcked.get(follower) ?? 0;
        if (index <= previous)
            return;
        measurement.replicationAcked.set(follower, index);
        if (measurement.proposedAtUs.size === 0)
            return;
        this.replicationDatacenter = this.options.topology?.datacenterOf[follower] ?? 'all';
        measurement.proposedAtUs.forEachIn(Math.max(previous + 1, index - maxIndexesPerMeasurement), index, this.onReplicated);
        this.forgetProposalTimes(leader);
    }
    /** Commit latency, measured on the leader; every node remembers the commit index it last saw. */
    onCommit(node, index) {
        const measurement = node.measurement;
        const leading = node.raft.role === 'leader';
        if (leading && measurement.proposedAtUs.size > 0) {
            measurement.proposedAtUs.forEachIn(Math.max(measurement.lastCommitSeen + 1, index - maxIndexesPerMeasurement), index, this.onCommitted);
        }
        measurement.lastCommitSeen = index;
        if (leading)
            this.forgetProposalTimes(node);
    }
    /** Drops the proposal times no measurement can read any more: commit latency reads only indexes above
     *  lastCommitSeen, replication latency only those above each follower's last acknowledgement, and both only
     *  grow during a leadership. Without this a healthy leader kept maxProposalTimes (100,000) entries, about 9 MiB
     *  of live heap. The times are kept in index order, so the forgotten ones are a prefix, exactly the entries the
     *  size bound would evict first: the measurements are unchanged. */
    forgetProposalTimes(leader) {
        const measurement = leader.measurement;
        const times = measurement.proposedAtUs;
        if (times.size === 0)
            return;
        let floor = measurement.lastCommitSeen;
        for (const id of this.options.nodeIds) {
            if (id !== leader.id)
                floor = Math.min(floor, measurement.replicationAcked.get(id) ?? 0);
        }
        times.forgetThrough(floor);
    }
}
//# sourceMappingURL=latency.js.map