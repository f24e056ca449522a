import type { Message } from '../../raft/types.js';
import type { DropReason, NodeId } from '../network.js';
import type { ClusterContext } from './context.js';
import type { ProposalLatency } from './latency.js';
import type { SimNode } from './node.js';
export declare class Observers {
    private readonly latency;
    private readonly scheduler;
    private readonly trace;
    private readonly checker;
    private readonly contract;
    private readonly metrics;
    private readonly coverage;
    private readonly nodes;
    private readonly stats;
    private readonly notify;
    private readonly protocolTap;
    constructor(context: ClusterContext, latency: ProposalLatency);
    /** Reports Raft events to trace and stats, and runs the per-event invariant checks for this node. */
    observe(node: SimNode): void;
    private onRaftEvent;
    /** A leader committing past entries of earlier terms commits them through one of its own (paper 5.4.2). */
    private noteCommitCoverage;
    private noteRoleCoverage;
    private onRole;
    /** A message left the network undelivered (or a paused node's backlog was full). */
    onDropped(from: NodeId, to: NodeId, message: Message, id: number, reason: DropReason): void;
    countMessage(type: string, what: 'sent' | 'delivered' | 'dropped'): void;
}
