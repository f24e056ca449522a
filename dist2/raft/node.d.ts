import { defaultRaftConfig, type RaftConfig } from './config.js';
import type { DurableState, RaftNodeOptions, RaftUnderTest } from './contract.js';
import { RaftLog } from './log.js';
import { Progress } from './progress.js';
import type { Message, NodeId, ProposeResult, RaftEvent, ReadResult, Ready, Role, Snapshot } from './types.js';
/** Fixed per-message overhead in bytes (headers), added to entry and chunk sizes. */
export declare const messageHeaderBytes = 64;
export declare function messageBytes(message: Message): number;
export type { DurableState, RaftNodeOptions } from './contract.js';
/** The reference implementation of the host contract (contract.ts). */
export declare class RaftNode implements RaftUnderTest {
    readonly id: NodeId;
    readonly config: RaftConfig;
    private readonly random;
    /** Voters in force: a value replaced whole on membership change. */
    private voters;
    private term;
    private vote;
    private state;
    readonly log: RaftLog;
    private nowUs;
    private electionDeadlineUs;
    /** Last local time this node heard from (or, as leader, confirmed) a live leader: leader stickiness. */
    private lastLeaderContactUs;
    private incomingSnapshot;
    private messages;
    private readStates;
    private events;
    private persistedHardState;
    private outstandingReady;
    private constructor();
    /** A brand-new node with an empty log. */
    static create(options: RaftNodeOptions): RaftNode;
    /** A node recovering after a crash from what its disk kept. Volatile state (role, leader, progress) starts over. */
    static restart(options: RaftNodeOptions, durable: DurableState): RaftNode;
    static defaultConfig: typeof defaultRaftConfig;
    get currentTerm(): number;
    get votedFor(): NodeId | null;
    get role(): Role;
    get leader(): NodeId | null;
    get voterIds(): readonly NodeId[];
    get transferee(): NodeId | null;
    progressOf(peer: NodeId): Progress | undefined;
    /** Drains the events reported since the last call (an empty, shared array when there are none: this is
     *  called after every input, and allocating there showed up in profiles). */
    takeEvents(): readonly RaftEvent[];
    /** Local time at which tick() must be called next. */
    nextDeadlineUs(): number;
    tick(nowUs: number): void;
    /** Proposes a command. Only a leader accepts; others report the leader they know of (for redirects). */
    propose(data: unknown, bytes: number, nowUs: number): ProposeResult;
    /** Starts a linearizable read. The result arrives later in Ready.readStates (ReadIndex, thesis 6.4),
     *  or at once when a valid lease allows it (thesis 6.4.1). */
    read(requestId: number, nowUs: number): ReadResult;
    /** Leadership transfer (thesis 3.10): bring the target up to date, then tell it to campaign at once. */
    transferLeadership(target: NodeId, nowUs: number): boolean;
    step(message: Message, nowUs: number): void;
    hasReady(): boolean;
    ready(): Ready;
    /** The caller has persisted and sent everything in `ready`. */
    advance(ready: Ready): void;
    /** The caller applied committed entries up to `index`. */
    appliedTo(index: number): void;
    /** The caller took a snapshot of its state machine at `snapshot.meta.index` (<= applied) and made it durable;
     *  log entries up to `compactIndex` may now be dropped (compactIndex <= snapshot index; the gap is the
     *  catch-up entries kept for slightly-behind followers). */
    compact(snapshot: Snapshot, compactIndex: number): void;
    /** Returns false when the message must be dropped. Raft paper 5.1: a higher term makes us a follower,
     *  a lower-term message is stale. */
    private stepTerm;
    private inLease;
    /** Paper 5.2 and 5.4.1: grant at most one vote per term, only to a candidate whose log is at least as up-to-date. */
    private handleVoteRequest;
    private becomeFollower;
    private becomePreCandidate;
    private becomeCandidate;
    private becomeLeader;
    private startElection;
    private requestVotes;
    private winElection;
    private stepCandidate;
    private stepFollower;
    private noteLeader;
    /** Paper Figure 2, AppendEntries receiver rules 2-5. */
    private handleAppendEntries;
    /** A method rather than a closure in handleAppendEntries: this runs for every AppendEntries received. */
    private respondToAppend;
    private handleHeartbeat;
    /** Paper 7: InstallSnapshot, received in chunks of at most snapshotChunkBytes. */
    private handleInstallSnapshot;
    /** Paper Figure 13, InstallSnapshot receiver rule 6: "If existing log entry has same index and term as snapshot's
     *  last included entry, retain log entries following it". Two broken variants: keep the log whenever there is an
     *  entry at that index (unsafe.installSnapshotKeepsConflictingLog), or never keep it
     *  (unsafe.installSnapshotDiscardsMatchingSuffix). */
    private keepsLogAfterSnapshot;
    private commitTo;
    private tickLeader;
    private stepLeader;
    private handleAppendResponse;
    private handleHeartbeatResponse;
    private handleSnapshotResponse;
    /** Paper 5.3 and 5.4.2: commit the highest index a majority holds, but only by counting replicas of an entry
     *  from the leader's own term (Figure 8); earlier entries become committed with it. */
    private maybeCommit;
    private committedInCurrentTerm;
    private leaseValid;
    /** Lease bookkeeping (thesis 6.4.1): a follower's reply to a message sent at `sentAtUs` proves we were leader
     *  then, not when the reply arrived. The broken variant (unsafe.leaseFromReceiveTime) times it from arrival. */
    private noteAcknowledged;
    private queueReadIndex;
    private releaseReads;
    private broadcastAppend;
    private broadcastHeartbeat;
    /** Sends AppendEntries to one follower if its progress allows (etcd maybeSendAppend). Returns whether it sent. */
    private sendAppend;
    /** The broken variant: replicate from the first retained index as if the follower had the compacted prefix. */
    private sendFromFirstIndex;
    private startSnapshot;
    /** One chunk at a time from the last acknowledged byte: a lost chunk is resent on the next heartbeat reply. */
    private sendSnapshotChunk;
    private send;
    /** How many voters make a quorum: every vote count, commit, CheckQuorum round, read confirmation and lease asks
     *  this. The broken variant (unsafe.quorumCeilHalf) says ceil(n/2), a majority only for odd n. */
    private quorum;
    private resetElectionDeadline;
    private currentHardState;
    private hardStateChanged;
}
