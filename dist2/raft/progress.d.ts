import { Inflights } from './inflights.js';
export type ProgressState = {
    readonly kind: 'probe';
    probeSent: boolean;
} | {
    readonly kind: 'replicate';
} | {
    readonly kind: 'snapshot';
    readonly pendingIndex: number;
    sentBytes: number;
    ackedBytes: number;
    readonly totalBytes: number;
};
export declare class Progress {
    /** Highest index known to be replicated on the follower. Invariant: match < next. */
    match: number;
    /** Next index to send. */
    next: number;
    state: ProgressState;
    /** Heard from since the last CheckQuorum round. */
    recentActive: boolean;
    /** Leader-local send time of the newest AppendEntries/Heartbeat the follower acknowledged (lease reads). */
    ackedSentAtUs: number;
    /** Leader-local time of the last message sent to this follower. */
    lastSendUs: number;
    readonly inflights: Inflights;
    constructor(next: number, maxInflightMessages: number, maxInflightBytes: number);
    becomeProbe(): void;
    becomeReplicate(): void;
    becomeSnapshot(pendingIndex: number, totalBytes: number): void;
    /** An AppendEntries was acknowledged up to `index`; returns whether match advanced. */
    maybeUpdate(index: number): boolean;
    /** A rejection of the AppendEntries at `rejected`; `hintNext` is where the leader wants to probe next.
     *  Returns false when the rejection is stale (an old message) and must be ignored. */
    maybeDecrease(rejected: number, hintNext: number): boolean;
    /** Whether sending AppendEntries must wait (heartbeats are always sent). */
    isPaused(): boolean;
    /** Bookkeeping after sending entries up to lastIndex. */
    sentEntries(lastIndex: number, entryCount: number, bytes: number): void;
    private assertInvariant;
}
