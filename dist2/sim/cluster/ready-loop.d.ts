import type { Message } from '../../raft/types.js';
import type { NodeId } from '../network.js';
import type { ApplyPipeline } from './apply.js';
import type { Compaction } from './compaction.js';
import type { ClusterContext } from './context.js';
import type { ProposalLatency } from './latency.js';
import type { SimNode } from './node.js';
import type { Observers } from './observers.js';
/** The layers the Ready loop hands work to. */
export interface ReadyLoopLayers {
    readonly observers: Observers;
    readonly latency: ProposalLatency;
    readonly apply: ApplyPipeline;
    readonly compaction: Compaction;
}
export declare class ReadyLoop {
    private readonly scheduler;
    private readonly options;
    private readonly trace;
    private readonly checker;
    private readonly contract;
    private readonly metrics;
    private readonly coverage;
    private readonly network;
    private readonly nodes;
    private readonly event;
    private readonly observers;
    private readonly latency;
    private readonly apply;
    private readonly compaction;
    private readonly context;
    private readonly buggify;
    constructor(context: ClusterContext, layers: ReadyLoopLayers);
    /** Arms the node's wake-up at the true time its local clock reaches the Raft deadline. One pending wake per
     *  node; a later deadline lets the armed wake fire early and re-arm. */
    armWake(node: SimNode): void;
    /** Only the latest armed wake counts; it is disarmed when it fires, paused or not. */
    private readonly wakeCurrent;
    private readonly wakeResumed;
    private readonly onWake;
    /** The network delivered a Raft message to `to`. */
    onDeliver(from: NodeId, to: NodeId, message: Message, id: number): void;
    private handleMessage;
    /** A delivery parked while paused is handled afresh on resume (the node may have turned slow meanwhile). */
    private readonly messageResumed;
    private readonly stepSlowMessage;
    private readonly onSlowMessage;
    private stepMessage;
    /** After any input: report events, check invariants, process Ready, re-arm the timer. */
    afterInput(node: SimNode): void;
    private readonly walScratch;
    private processReady;
    /** Fills walScratch with the WAL records of a Ready and returns their count. One scratch array for every
     *  Ready: Disk.append copies the records out and keeps no reference to it. Its length is set only when the
     *  record count differs from the last Ready's (setting an array's length is a runtime call, and showed up in
     *  profiles when done on every Ready). */
    private walRecords;
    /** The disk synced the Ready even if the node is paused now: only completing it waits for resume. */
    private readonly readySynced;
    private readonly finishReady;
    private readonly onReadyDurable;
    private completeReady;
    /** Hands a Ready's messages to the network (after its fsync, unless the host bug send-before-fsync is on).
     *  Indexed loops in the Ready loop: for-of over the shared, frozen empty arrays of a Ready allocated an
     *  iterator result per loop (seen in allocation profiles). */
    private sendMessages;
    /** BUGGIFY at a send: a response may go out twice, any message may sit in a buffer first (and arrive in a
     *  later term). True when the message was taken over (it leaves later). */
    private buggified;
    /** A message out of a buffer: it was written before the sender crashed, if it did, so it still leaves. */
    private readonly sendLate;
    /** The protocol events a Ready's messages show: a vote granted, entries acknowledged, a snapshot sent. */
    private notifySent;
}
