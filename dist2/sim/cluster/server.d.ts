import type { NodeId } from '../../raft/types.js';
import { type KvCommand } from '../kv.js';
import type { ApplyPipeline } from './apply.js';
import type { ClusterContext } from './context.js';
import type { ProposalLatency } from './latency.js';
import type { SimNode } from './node.js';
import type { ReadyLoop } from './ready-loop.js';
import type { ClientMessage } from './types.js';
export declare class KvServer {
    private readonly readyLoop;
    private readonly apply;
    private readonly latency;
    private readonly scheduler;
    private readonly clientNetwork;
    private readonly event;
    private readonly coverage;
    /** Half the configured lease drift bound: a lease read on a clock drifting at least this much is "near" it. */
    private readonly nearDriftPpm;
    private nextReadId;
    private readonly context;
    constructor(context: ClusterContext, readyLoop: ReadyLoop, apply: ApplyPipeline, latency: ProposalLatency);
    /** A client sends a request to the node it believes leads. */
    sendClientRequest(client: string, to: NodeId, command: KvCommand): void;
    /** The client network delivered a message to a node. */
    onClientRequest(node: SimNode, message: ClientMessage): void;
    private readonly requestResumed;
    /** A linearizable read (ReadIndex, Raft dissertation 6.4): answered once the node applied its read index. */
    private read;
    /** A write: proposed here, answered once its entry is applied. */
    private write;
    /** Not the leader: redirect the client to the leader it knows of; otherwise too busy: the client retries. */
    private reject;
}
