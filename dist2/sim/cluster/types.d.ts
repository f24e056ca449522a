import type { KvCommand, KvResult } from '../kv.js';
import type { NodeId } from '../network.js';
import type { Fault } from '../nemesis.js';
import type { ProtocolEventKind } from '../protocol-events.js';
export type NodeStatus = 'up' | 'down' | 'paused';
/** Messages between clients and nodes travel on their own network (never partitioned: the faults under study
 *  are between replicas). */
export type ClientMessage = {
    readonly type: 'request';
    readonly client: string;
    readonly command: KvCommand;
} | {
    readonly type: 'reply';
    readonly client: string;
    readonly seq: number;
    readonly result: KvResult;
    readonly index: number;
} | {
    readonly type: 'redirect';
    readonly client: string;
    readonly seq: number;
    readonly leader: NodeId | null;
} | {
    readonly type: 'busy';
    readonly client: string;
    readonly seq: number;
};
export { protocolEventKinds, type ProtocolEventKind } from '../protocol-events.js';
/** Cluster-level events for observers (metrics, event-triggered faults). */
export type ClusterEvent = 
/** A node started a real election (not a pre-vote); granted a vote (not a pre-vote) and sent it; wrote
 *  entries to its WAL and began the fsync; acknowledged entries to a leader; committed as leader; sent a
 *  snapshot; installed one; received a client read. */
{
    readonly kind: ProtocolEventKind;
    readonly node: NodeId;
} | {
    readonly kind: 'leader-elected';
    readonly node: NodeId;
    readonly term: number;
} | {
    readonly kind: 'leader-lost';
    readonly node: NodeId;
    readonly term: number;
    readonly why: 'crash' | 'pause' | 'step-down';
} | {
    readonly kind: 'crash';
    readonly node: NodeId;
} | {
    readonly kind: 'restart';
    readonly node: NodeId;
} | {
    readonly kind: 'fault';
    readonly fault: Fault;
} | {
    readonly kind: 'snapshot';
    readonly node: NodeId;
    readonly index: number;
};
export type ClusterEventKind = ClusterEvent['kind'];
export interface ClusterHooks {
    /** A client-facing message arrived at a client. */
    clientMessage(to: string, message: ClientMessage, from: NodeId): void;
}
export interface MessageCounts {
    sent: number;
    delivered: number;
    dropped: number;
}
export interface ClusterStats {
    readonly messagesByType: Record<string, MessageCounts>;
    readonly droppedByReason: Record<string, number>;
    crashes: number;
    restarts: number;
    pauses: number;
    elections: number;
    preVoteRounds: number;
    electionsLost: number;
    leaderChanges: number;
    checkQuorumStepDowns: number;
    snapshotsInstalled: number;
    tornRecordsDiscarded: number;
}
export declare function newClusterStats(): ClusterStats;
