import type { NodeId } from '../network.js';
import type { ClusterContext } from './context.js';
import type { SimNode } from './node.js';
export declare class ProposalLatency {
    private readonly scheduler;
    private readonly options;
    private readonly metrics;
    /** Datacenter of the follower whose acknowledgement onReplicated is measuring. */
    private replicationDatacenter;
    constructor(context: ClusterContext);
    /** Created once and handed to ProposalTimes.forEachIn, so measuring allocates no closure. */
    private readonly onReplicated;
    private readonly onCommitted;
    /** A client command was proposed at `index` by this leader. */
    onProposed(leader: SimNode, index: number): void;
    /** A new leadership starts measuring afresh. */
    onLeadership(leader: SimNode): void;
    /** Replication ("sync") latency: from the leader proposing an index to a follower acknowledging it durable. */
    onAcknowledged(leader: SimNode, follower: NodeId, index: number): void;
    /** Commit latency, measured on the leader; every node remembers the commit index it last saw. */
    onCommit(node: SimNode, index: number): void;
    /** Drops the proposal times no measurement can read any more: commit latency reads only indexes above
     *  lastCommitSeen, replication latency only those above each follower's last acknowledgement, and both only
     *  grow during a leadership. Without this a healthy leader kept maxProposalTimes (100,000) entries, about 9 MiB
     *  of live heap. The times are kept in index order, so the forgotten ones are a prefix, exactly the entries the
     *  size bound would evict first: the measurements are unchanged. */
    private forgetProposalTimes;
}
