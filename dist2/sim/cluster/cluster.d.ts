import type { RaftFactory } from '../../raft/contract.js';
import type { Message } from '../../raft/types.js';
import { SafetyChecker } from '../checker.js';
import { ContractChecker } from '../contract-checker.js';
import { Coverage } from '../coverage.js';
import type { KvCommand } from '../kv.js';
import { MetricsCollector } from '../metrics.js';
import type { Fault } from '../nemesis.js';
import { Network, type NodeId } from '../network.js';
import type { Random } from '../random.js';
import type { Scheduler } from '../scheduler.js';
import type { Trace } from '../trace.js';
import { SimNode } from './node.js';
import { type ClusterOptions } from './options.js';
import { type ClientMessage, type ClusterEvent, type ClusterHooks, type ClusterStats } from './types.js';
export { entryDigest } from './apply.js';
export { SimNode } from './node.js';
export { defaultClusterOptions, type ClockSetting, type ClusterOptions } from './options.js';
export type { ClientMessage, ClusterEvent, ClusterEventKind, ClusterHooks, ClusterStats, NodeStatus, ProtocolEventKind } from './types.js';
export { protocolEventKinds } from './types.js';
export { recover, type Recovery, type WalRecord } from './wal.js';
export declare class Cluster {
    readonly scheduler: Scheduler;
    readonly random: Random;
    readonly options: ClusterOptions;
    readonly trace: Trace;
    readonly seed: number;
    private readonly hooks;
    /** Builds the nodes: raftsim's RaftNode, or the user's Raft (raft/contract.ts). */
    private readonly raftFactory;
    readonly nodes: Map<string, SimNode>;
    readonly network: Network<Message>;
    readonly clientNetwork: Network<ClientMessage>;
    readonly checker: SafetyChecker | null;
    readonly contract: ContractChecker | null;
    readonly metrics: MetricsCollector;
    readonly coverage: Coverage;
    readonly stats: ClusterStats;
    private readonly event;
    private readonly listeners;
    private readonly protocolTap;
    private readonly observers;
    private readonly compaction;
    private readonly readyLoop;
    private readonly server;
    private readonly faults;
    constructor(scheduler: Scheduler, random: Random, options: ClusterOptions, trace: Trace, seed: number, checkInvariants: boolean, hooks: ClusterHooks, clientIds: readonly string[], 
    /** Builds the nodes: raftsim's RaftNode, or the user's Raft (raft/contract.ts). */
    raftFactory?: RaftFactory);
    /** The host-contract checks read each node's durable shadow and, while it is up, its in-memory log. */
    private contractChecker;
    private raftNetwork;
    private clientFacingNetwork;
    private createNode;
    /** Describes the event being handled, for violation reports (built only when read: see current-event.ts). */
    get currentEvent(): string;
    set currentEvent(text: string);
    /** `protocol`: the observer also wants the protocol events (types.ts protocolEventKinds), which are built
     *  only while someone listens. */
    addObserver(observer: (event: ClusterEvent) => void, protocol?: boolean): void;
    notify(event: ClusterEvent): void;
    start(): void;
    sendClientRequest(client: string, to: NodeId, command: KvCommand): void;
    applyFault(fault: Fault, random: Random, eventNode?: NodeId | null): void;
    crash(node: SimNode): void;
    restart(node: SimNode): void;
    pause(node: SimNode, durationUs: number): void;
    resume(node: SimNode): void;
    /** Liveness phase: heal the network, restart and resume every node, clear slow handlers. */
    healAll(): void;
    /** Takes a snapshot now, as a trigger would (tests crash a node at exact moments of it). */
    startSnapshot(node: SimNode, trigger: 'count' | 'time', round: string, intendedUs: number | null): void;
    leader(): SimNode | null;
    /** Liveness: one leader of the highest term, every node up and holding the same committed, applied log. */
    converged(): {
        ok: boolean;
        reason: string;
    };
    describeNode(id: NodeId): unknown;
}
