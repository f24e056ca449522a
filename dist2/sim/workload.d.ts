import { ClientHistory } from './client-history.js';
import type { Cluster, ClientMessage } from './cluster/cluster.js';
import { type KvCommand } from './kv.js';
import type { NodeId } from './network.js';
import type { Random } from './random.js';
import type { Scheduler } from './scheduler.js';
import { BoundedSamples } from './samples.js';
import type { Trace } from './trace.js';
export interface WorkloadOptions {
    readonly clients: number;
    /** Operations started per second across all clients (each client waits for its previous one). */
    readonly ratePerSecond: number;
    readonly keys: number;
    /** Relative weights of the operation mix. */
    readonly mix: {
        readonly put: number;
        readonly get: number;
        readonly cas: number;
    };
    readonly valueBytes: number;
    readonly requestTimeoutUs: number;
    readonly backoffBaseUs: number;
    readonly backoffMaxUs: number;
    /** Attempts before the client gives up; the outcome is then unknown (a `timeout` in the history). */
    readonly maxAttempts: number;
    /** The first this-many clients only read, each pinned to one node (c1 to n1, c2 to n2, ...): they never follow
     *  a redirect or move on after a timeout, so they keep asking a node on the minority side or a deposed leader
     *  that still believes it leads — where stale reads are served — while the other clients write through the
     *  current leader. Absent: 0. */
    readonly pinnedReaders?: number;
    /** The chance that a get reads the key written most recently (by any client) rather than a random key: a read
     *  of a key just written is the one that can see a lost or stale write. Absent: 0. */
    readonly recentKeyReads?: number;
}
export declare const defaultWorkloadOptions: WorkloadOptions;
interface Inflight {
    readonly command: KvCommand;
    readonly startUs: number;
    attempt: number;
    /** Identifies the current attempt's timeout event. */
    attemptToken: number;
}
interface ClientState {
    readonly id: string;
    seq: number;
    leaderGuess: NodeId;
    inflight: Inflight | null;
    /** A pinned client's node (it never changes leaderGuess); null for a client that follows the leader. */
    readonly pinnedTo: NodeId | null;
}
export interface WorkloadStats {
    invoked: number;
    ok: number;
    failed: number;
    timedOut: number;
    retries: number;
    redirects: number;
    /** Completed-operation latencies, microseconds (writes and reads). */
    readonly writeLatenciesUs: BoundedSamples;
    readonly readLatenciesUs: BoundedSamples;
}
export declare class Workload {
    private readonly scheduler;
    private readonly random;
    private readonly options;
    private readonly trace;
    private readonly nodeIds;
    private cluster;
    readonly clients: ClientState[];
    readonly stats: WorkloadStats;
    private running;
    private nextToken;
    /** Per key, what the read check needs to know of its writes. */
    private readonly writesByKey;
    /** Key names k1..kN, made once rather than per operation (each operation's key lives as long as its log entry). */
    private readonly keyNames;
    /** The key of the last write invoked, for recentKeyReads. */
    private lastWrittenKey;
    /** Called when a read returns a value older than a write that completed before the read was invoked. */
    onStaleRead: ((client: string, key: string, message: string, servedBy: NodeId) => void) | null;
    /** Every operation with its call, return and outcome, for the linearizability check (sim/client-history.ts). */
    clientHistory: ClientHistory;
    constructor(scheduler: Scheduler, random: Random, options: WorkloadOptions, trace: Trace, nodeIds: readonly NodeId[], cluster?: Cluster | null);
    static clientIds(options: WorkloadOptions): string[];
    attach(cluster: Cluster): void;
    start(): void;
    /** Stops starting new operations; those in flight still finish or time out. */
    stop(): void;
    /** At the end of a run, operations still in flight have an unknown outcome. */
    finish(): void;
    private scheduleNext;
    private readonly onStart;
    private drawOperation;
    private noteWritten;
    private sendAttempt;
    private readonly onTimeout;
    private retry;
    private readonly onRetry;
    private nextNode;
    private history;
    private rememberWrite;
    private completeWrite;
    /**
     * Linearizable reads, checked per key as a register (thesis 6.4): a read must reflect every write that
     * completed before the read was invoked. Written values are unique, so a read's value names its write and,
     * once acknowledged, that write's log index.
     */
    private checkRead;
    /** A message from a node to a client. */
    receive(clientId: string, message: ClientMessage, from?: NodeId): void;
    private emitOutcome;
}
export {};
