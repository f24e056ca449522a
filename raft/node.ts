// A Raft node as a pure, synchronous state machine (etcd-io/raft raft.go + rawnode.go are the model).
//
// Contract with the caller (the simulator, or any host):
//   1. Feed input: tick(localNowUs), step(message, localNowUs), propose(...), read(...), transferLeadership(...).
//      Times are the node's MONOTONIC clock in microseconds (raft/contract.ts); the node never reads a clock itself.
//   2. When hasReady(), take ready() and:
//        a. persist ready.snapshot, ready.hardState and ready.entries (truncating the stored log where the first
//           entry overwrites it) and fsync when ready.mustSync;
//        b. only then send ready.messages (a vote or acknowledgement must never precede its durable record);
//        c. apply ready.committedEntries in order (they are durable here), reporting progress with appliedTo();
//        d. call advance(ready). No new Ready is handed out until then.
//   3. Call nextDeadlineUs() and tick the node when its monotonic clock reaches that time.
// After a crash, build a new node from what was durable (RaftNode.restart).
import { defaultRaftConfig, validateRaftConfig, type RaftConfig } from './config.js';
import type { DurableState, RaftNodeOptions, RaftUnderTest } from './contract.js';
import { RaftLog } from './log.js';
import { MembershipHistory } from './membership-history.js';
import {
  allMembers,
  allVoters,
  applyConfChange,
  type ChangeRules,
  type ConfChangeRequest,
  confChangeBytes,
  isJoint,
  isLearner,
  isVoter,
  type Membership,
  sameMembership,
  simpleMembership,
} from './membership.js';
import { Progress } from './progress.js';
import { VersionNegotiation } from './versions.js';
import { committedIndex, jointCommittedIndex, jointHasQuorum, jointQuorumTime, jointVoteOutcome, quorumSize } from './quorum.js';
import type {
  AppendEntriesMessage,
  ConfChangeResult,
  AppendEntriesResponseMessage,
  Entry,
  HardState,
  HeartbeatMessage,
  HeartbeatResponseMessage,
  InstallSnapshotMessage,
  InstallSnapshotResponseMessage,
  UnsupportedResponseMessage,
  Message,
  NodeId,
  ProposeResult,
  RaftEvent,
  ReadResult,
  ReadState,
  Ready,
  Role,
  Snapshot,
} from './types.js';

/** Fixed per-message overhead in bytes (headers), added to entry and chunk sizes. */
export const messageHeaderBytes = 64;
/** Bound on committed entry bytes handed out per Ready. */
const maxCommittedBytesPerReady = 1024 * 1024;

export function messageBytes(message: Message): number {
  switch (message.type) {
    case 'AppendEntries': {
      let bytes = messageHeaderBytes;
      for (const entry of message.entries) bytes += entry.bytes + 16;
      return bytes;
    }
    case 'InstallSnapshot':
      return messageHeaderBytes + message.chunkBytes;
    default:
      return messageHeaderBytes;
  }
}

interface PendingRead {
  readonly requestId: number;
  readonly index: number;
  readonly context: number;
}

type RoleState =
  | { readonly kind: 'follower'; readonly leader: NodeId | null }
  | { readonly kind: 'precandidate'; readonly votes: Map<NodeId, boolean>; grantsReceived: number }
  | { readonly kind: 'candidate'; readonly votes: Map<NodeId, boolean>; grantsReceived: number; readonly transfer: boolean }
  | {
      readonly kind: 'leader';
      readonly progress: Map<NodeId, Progress>;
      transferee: NodeId | null;
      transferDeadlineUs: number;
      heartbeatDeadlineUs: number;
      checkQuorumDeadlineUs: number;
      /** Proposals appended since the last broadcast; sent as one AppendEntries per follower at ready(). */
      broadcastPending: boolean;
      uncommittedBytes: number;
      /** ReadIndex (thesis 6.4): reads waiting for a quorum to confirm leadership. */
      pendingReads: PendingRead[];
      /** Reads that arrived before this term's first commit; they get an index once it commits. */
      readsAwaitingCommit: number[];
      readContext: number;
      readRoundPending: boolean;
      readAcks: Map<NodeId, number>;
      /** Index of the last configuration entry this leader may not yet have applied: at most one pending change
       *  (dissertation 4.1; etcd pendingConfIndex, set to the last index on taking office). */
      pendingConfIndex: number;
    };

interface IncomingSnapshot {
  readonly index: number;
  readonly term: number;
  receivedBytes: number;
}

export type { DurableState, RaftNodeOptions } from './contract.js';

/** The reference implementation of the host contract (contract.ts). */
/** Messages one Ready may carry, at most (see send()). */
const MAX_MESSAGES_PER_READY = 100_000;

export class RaftNode implements RaftUnderTest {
  readonly id: NodeId;
  readonly config: RaftConfig;
  private readonly random: () => number;
  /** The configuration in force (raft/membership.ts): a value replaced whole on each change. */
  private inForce: Membership;
  /** The configuration at every index of the log (membership-history.ts). */
  private readonly history: MembershipHistory;
  /** How many of `count` voters make a quorum, per half of a configuration, and the commit rule's version. */
  private readonly quorumRule: (count: number) => number;
  private readonly commitQuorumRule: (count: number) => number;
  private readonly changeRules: ChangeRules;
  /** Versions and capabilities (raft/versions.ts); null for an unversioned node. */
  private readonly versions: VersionNegotiation | null;

  private term = 0;
  private vote: NodeId | null = null;
  private state: RoleState = { kind: 'follower', leader: null };
  readonly log: RaftLog;

  private nowUs: number;
  private electionDeadlineUs = 0;
  /** Last local time this node heard from (or, as leader, confirmed) a live leader: leader stickiness. */
  private lastLeaderContactUs = Number.NEGATIVE_INFINITY;
  private incomingSnapshot: IncomingSnapshot | null = null;

  private messages: Message[] = [];
  private readStates: ReadState[] = [];
  private events: RaftEvent[] = [];
  private persistedHardState: HardState;
  private outstandingReady: Ready | null = null;

  private constructor(options: RaftNodeOptions, log: RaftLog, hardState: HardState) {
    validateRaftConfig(options.config);
    this.id = options.config.id;
    this.config = options.config;
    this.random = options.random;
    this.nowUs = options.nowUs;
    this.log = log;
    this.term = hardState.term;
    this.vote = hardState.vote;
    this.persistedHardState = hardState;
    this.versions = options.config.versioning === undefined ? null : new VersionNegotiation(options.config.versioning);
    const unsafe = options.config.unsafe;
    // The broken variant (unsafe.quorumCeilHalf) says ceil(n/2), a majority only for odd n; commitWithMinority
    // counts one replica short of a majority when committing.
    this.quorumRule = unsafe.quorumCeilHalf ? (count) => Math.ceil(count / 2) : quorumSize;
    this.commitQuorumRule = unsafe.commitWithMinority ? (count) => this.quorumRule(count) - 1 : this.quorumRule;
    // The configuration: the snapshot's (or the bootstrap voters'), then every configuration entry of the log.
    const snapshot = log.snapshot();
    this.changeRules = { allowManyVotersInSimpleChange: unsafe.manyVotersInSimpleChange };
    this.history = new MembershipHistory(snapshot?.meta.index ?? 0, snapshot?.meta.membership ?? simpleMembership(options.config.voters), this.changeRules, options.config.id);
    if (log.lastIndex() >= log.firstIndex()) this.history.onEntries(log.slice(log.firstIndex(), log.lastIndex(), Number.POSITIVE_INFINITY), log.lastIndex());
    this.inForce = this.membershipInForce();
    this.resetElectionDeadline();
  }

  /** A brand-new node with an empty log. */
  static create(options: RaftNodeOptions): RaftNode {
    return new RaftNode(options, new RaftLog(), { term: 0, vote: null, commit: 0 });
  }

  /** A node recovering after a crash from what its disk kept. Volatile state (role, leader, progress) starts over. */
  static restart(options: RaftNodeOptions, durable: DurableState): RaftNode {
    const log = RaftLog.restore(durable.snapshot, durable.entries, durable.hardState.commit);
    return new RaftNode(options, log, { ...durable.hardState, commit: log.committed });
  }

  static defaultConfig = defaultRaftConfig;

  // ---------------------------------------------------------------- observers

  get currentTerm(): number {
    return this.term;
  }
  get votedFor(): NodeId | null {
    return this.vote;
  }
  get role(): Role {
    return this.state.kind;
  }
  get leader(): NodeId | null {
    switch (this.state.kind) {
      case 'follower':
        return this.state.leader;
      case 'leader':
        return this.id;
      case 'precandidate':
      case 'candidate':
        return null;
      default:
        return unreachable(this.state);
    }
  }
  /** Voters of the configuration in force (both halves while joint). */
  get voterIds(): readonly NodeId[] {
    return allVoters(this.inForce);
  }
  /** The configuration in force here (on apply, or on append with membershipActivation 'append'). */
  get membership(): Membership {
    return this.inForce;
  }
  /** The configuration as of `index`, for a snapshot taken there. The broken variant (unsafe.snapshotWithoutConfig)
   *  treats configuration entries as normal entries on the compaction path: the configuration it hands out is
   *  the previous snapshot's (or the bootstrap one). */
  membershipAt(index: number): Membership {
    if (this.config.unsafe.snapshotWithoutConfig) return this.log.snapshot()?.meta.membership ?? simpleMembership(this.config.voters);
    return this.history.at(index);
  }
  get transferee(): NodeId | null {
    return this.state.kind === 'leader' ? this.state.transferee : null;
  }
  progressOf(peer: NodeId): Progress | undefined {
    return this.state.kind === 'leader' ? this.state.progress.get(peer) : undefined;
  }
  /** Drains the events reported since the last call (an empty, shared array when there are none: this is
   *  called after every input, and allocating there showed up in profiles). */
  takeEvents(): readonly RaftEvent[] {
    if (this.events.length === 0) return noEvents;
    const events = this.events;
    this.events = [];
    return events;
  }

  /** Monotonic time at which tick() must be called next. */
  nextDeadlineUs(): number {
    switch (this.state.kind) {
      case 'leader': {
        let deadline = this.state.heartbeatDeadlineUs;
        if (this.config.checkQuorum) deadline = Math.min(deadline, this.state.checkQuorumDeadlineUs);
        if (this.state.transferee !== null) deadline = Math.min(deadline, this.state.transferDeadlineUs);
        return deadline;
      }
      case 'follower':
      case 'precandidate':
      case 'candidate':
        return this.electionDeadlineUs;
      default:
        return unreachable(this.state);
    }
  }

  // ---------------------------------------------------------------- input

  tick(nowUs: number): void {
    this.nowUs = nowUs;
    const state = this.state;
    switch (state.kind) {
      case 'leader':
        this.tickLeader(state);
        return;
      case 'follower':
      case 'precandidate':
      case 'candidate':
        if (nowUs >= this.electionDeadlineUs) this.startElection(false);
        return;
      default:
        unreachable(state);
    }
  }

  /** Proposes a command. Only a leader accepts; others report the leader they know of (for redirects). */
  propose(data: unknown, bytes: number, nowUs: number): ProposeResult {
    this.nowUs = nowUs;
    const state = this.state;
    if (state.kind !== 'leader') return { ok: false, reason: 'not-leader', leader: this.leader };
    // Thesis 3.10: stop accepting proposals while leadership moves, or they may be lost to the new term.
    if (state.transferee !== null) return { ok: false, reason: 'transferring', leader: this.id };
    if (state.uncommittedBytes + bytes > this.config.maxUncommittedBytes && state.uncommittedBytes > 0) {
      return { ok: false, reason: 'uncommitted-limit', leader: this.id };
    }
    const index = this.log.lastIndex() + 1;
    this.log.append([this.withFormat({ index, term: this.term, kind: 'normal', data, bytes })]);
    state.uncommittedBytes += bytes;
    state.broadcastPending = true;
    if (this.isSoleVoter()) this.maybeCommit(state);
    return { ok: true, index, term: this.term };
  }

  /** Proposes a membership change (raft/membership.ts; dissertation 4). Refused, with the reason, unless this
   *  node leads, has committed an entry of its own term (the fix to single-server changes: raft-dev, "bug in
   *  single-server membership changes", 2015), has applied every earlier configuration entry (at most one
   *  pending change), and the change applies to the latest configuration. */
  proposeConfChange(request: ConfChangeRequest, nowUs: number): ConfChangeResult {
    this.nowUs = nowUs;
    const state = this.state;
    if (state.kind !== 'leader') return { ok: false, reason: 'not-leader', detail: `${this.id} is not the leader`, leader: this.leader };
    return this.appendConfChange(state, request, false);
  }

  /** Starts a linearizable read. The result arrives later in Ready.readStates (ReadIndex, thesis 6.4),
   *  or at once when a valid lease allows it (thesis 6.4.1). */
  read(requestId: number, nowUs: number): ReadResult {
    this.nowUs = nowUs;
    const state = this.state;
    if (state.kind !== 'leader') return { ok: false, reason: 'not-leader', leader: this.leader };
    if (state.pendingReads.length + state.readsAwaitingCommit.length >= this.config.maxPendingReads) {
      return { ok: false, reason: 'too-many-reads', leader: this.id };
    }
    // Thesis 6.4 step 1: until an entry of this term commits, our commit index may lag the cluster's. The broken
    // variant (unsafe.readBeforeCurrentTermCommit) skips the wait and reads at whatever it has.
    if (!this.committedInCurrentTerm() && !this.config.unsafe.readBeforeCurrentTermCommit) {
      state.readsAwaitingCommit.push(requestId);
      return { ok: true, mode: 'read-index' };
    }
    if (this.config.leaseReads && this.leaseValid(state)) {
      this.readStates.push({ requestId, index: this.log.committed });
      return { ok: true, mode: 'lease' };
    }
    this.queueReadIndex(state, requestId);
    return { ok: true, mode: 'read-index' };
  }

  /** Leadership transfer (thesis 3.10): bring the target up to date, then tell it to campaign at once. */
  transferLeadership(target: NodeId, nowUs: number): boolean {
    this.nowUs = nowUs;
    const state = this.state;
    if (state.kind !== 'leader' || target === this.id || !isVoter(this.inForce, target) || !state.progress.has(target)) return false;
    if (state.transferee === target) return true;
    state.transferee = target;
    state.transferDeadlineUs = nowUs + this.config.electionTimeoutMinUs;
    this.events.push({ kind: 'transfer-start', to: target, term: this.term });
    const progress = state.progress.get(target)!;
    if (progress.match === this.log.lastIndex()) this.send({ type: 'TimeoutNow', from: this.id, to: target, term: this.term });
    else this.sendAppend(state, target, true);
    return true;
  }

  step(message: Message, nowUs: number): void {
    this.nowUs = nowUs;
    if (message.to !== this.id) throw new Error(`${this.id}: message for ${message.to} stepped into ${this.id}`);
    this.versions?.observe(message);
    if (!this.stepTerm(message)) return;
    switch (message.type) {
      case 'PreVote':
      case 'RequestVote':
        this.handleVoteRequest(message);
        return;
      default:
        break;
    }
    const state = this.state;
    switch (state.kind) {
      case 'leader':
        this.stepLeader(state, message);
        return;
      case 'precandidate':
      case 'candidate':
        this.stepCandidate(state, message);
        return;
      case 'follower':
        this.stepFollower(message);
        return;
      default:
        unreachable(state);
    }
  }

  // ---------------------------------------------------------------- Ready / advance

  hasReady(): boolean {
    if (this.outstandingReady !== null) return false;
    if (this.state.kind === 'leader' && (this.state.broadcastPending || this.state.readRoundPending)) return true;
    return (
      this.messages.length > 0 ||
      this.readStates.length > 0 ||
      this.log.unstableEntries().length > 0 ||
      this.log.pendingSnapshotToPersist() !== null ||
      this.hardStateChanged() ||
      this.log.hasNextCommittedEntries()
    );
  }

  ready(): Ready {
    if (this.outstandingReady !== null) throw new Error(`${this.id}: ready() called before advance() of the previous Ready`);
    const state = this.state;
    if (state.kind === 'leader') {
      // Batching: every proposal since the last Ready goes out in one AppendEntries per follower.
      if (state.broadcastPending) this.broadcastAppend(state);
      if (state.readRoundPending) this.broadcastHeartbeat(state, state.readContext);
    }
    const hardState = this.hardStateChanged() ? this.currentHardState() : null;
    // Most Readies carry nothing in some of these fields: hand out shared empty arrays then instead of
    // allocating fresh ones (a Ready is built after nearly every input, and the garbage showed up in profiles).
    const unstable = this.log.unstableEntries();
    const entries = unstable.length === 0 ? noEntries : unstable.slice();
    const snapshot = this.log.pendingSnapshotToPersist();
    const committedEntries = this.log.hasNextCommittedEntries() ? this.log.nextCommittedEntries(maxCommittedBytesPerReady) : noEntries;
    if (committedEntries.length > 0) this.log.markApplying(committedEntries[committedEntries.length - 1]!.index);
    // etcd's MustSync: a changed term or vote must be on disk before the vote (or anything after it) is sent. The
    // broken variant (unsafe.noSyncOnVoteChange) leaves them to the page cache, so a crash can forget a vote.
    const mustSync =
      entries.length > 0 ||
      snapshot !== null ||
      (hardState !== null &&
        !this.config.unsafe.noSyncOnVoteChange &&
        (hardState.term !== this.persistedHardState.term || hardState.vote !== this.persistedHardState.vote));
    const ready: Ready = {
      hardState,
      entries,
      snapshot,
      messages: this.messages.length === 0 ? noMessages : this.messages,
      committedEntries,
      readStates: this.readStates.length === 0 ? noReadStates : this.readStates,
      mustSync,
    };
    if (this.messages.length > 0) this.messages = [];
    if (this.readStates.length > 0) this.readStates = [];
    this.outstandingReady = ready;
    return ready;
  }

  /** The caller has persisted and sent everything in `ready`. */
  advance(ready: Ready): void {
    if (ready !== this.outstandingReady) throw new Error(`${this.id}: advance() with a Ready that is not the outstanding one`);
    this.outstandingReady = null;
    if (ready.hardState !== null) this.persistedHardState = ready.hardState;
    if (ready.snapshot !== null) this.log.stableSnapshotTo(ready.snapshot.meta.index);
    if (ready.entries.length > 0) {
      const last = ready.entries[ready.entries.length - 1]!;
      this.log.stableTo(last.index, last.term);
    }
    // The leader counts itself toward a quorum only for entries on its own disk.
    const state = this.state;
    if (state.kind === 'leader' && this.maybeCommit(state)) this.broadcastAppend(state);
  }

  /** The caller applied committed entries up to `index`: configuration entries among them take effect. */
  appliedTo(index: number): void {
    const before = this.log.applied;
    this.log.appliedTo(index);
    this.refreshMembership();
    const state = this.state;
    if (state.kind === 'leader') this.maybeAutoLeave(state, before);
  }

  /** The caller took a snapshot of its state machine at `snapshot.meta.index` (<= applied) and made it durable;
   *  log entries up to `compactIndex` may now be dropped (compactIndex <= snapshot index; the gap is the
   *  catch-up entries kept for slightly-behind followers). */
  compact(snapshot: Snapshot, compactIndex: number): void {
    this.log.setLatestSnapshot(snapshot);
    this.log.compactTo(compactIndex);
    this.history.compactTo(this.log.compacted.index);
  }

  // ---------------------------------------------------------------- term handling common to all roles

  /** Returns false when the message must be dropped. Raft paper 5.1: a higher term makes us a follower,
   *  a lower-term message is stale. */
  private stepTerm(message: Message): boolean {
    if (message.term > this.term) {
      // A server outside our configuration (removed, or not yet added here) cannot be elected by us: drop its
      // vote requests before they raise our term, so a removed server that keeps running does not disrupt the
      // cluster (hashicorp/raft#524; dissertation 4.2.3). A learner's are not dropped: a voter demoted before it
      // learnt of it may have run its term ahead, and (with PreVote and CheckQuorum off) it hears no leader of a
      // lower term; only its higher term reaching us lets the cluster catch up with it (random-chaos seed 740).
      if ((message.type === 'PreVote' || message.type === 'RequestVote') && !isVoter(this.inForce, message.from) && !isLearner(this.inForce, message.from)) return false;
      if (message.type === 'PreVote' || (message.type === 'RequestVote' && !message.transfer)) {
        if (this.inLease()) return false; // Leader stickiness (thesis 4.2.3): ignore, do not even answer.
      }
      if (message.type === 'PreVote') return true; // Never change our term for a PreVote (thesis 9.6).
      if (message.type === 'PreVoteResponse' && !message.reject) return true; // Its term is our own future term.
      const fromLeader = message.type === 'AppendEntries' || message.type === 'Heartbeat' || message.type === 'InstallSnapshot';
      this.becomeFollower(message.term, fromLeader ? message.from : null);
      return true;
    }
    if (message.term < this.term) {
      const unsafe = this.config.unsafe;
      // Broken variants that skip Figure 2's "reply false if term < currentTerm" (receiver rule 1), or the
      // 6.5840 guide's "term confusion" check on replies: the stale message is handled as if it were current.
      if (unsafe.acceptStaleTermAppend && (message.type === 'AppendEntries' || message.type === 'Heartbeat')) return true;
      if (unsafe.acceptStaleResponses && message.type === 'AppendEntriesResponse') return true;
      // A stale leader (e.g. after a partition heals) learns our term and steps down (paper Figure 2: "reply
      // false if term < currentTerm", with our term). etcd answers only with PreVote or CheckQuorum on, relying
      // otherwise on the node with the higher term campaigning (raft.go Step) — so do we, except when we cannot
      // campaign (our own configuration, maybe stale, has us as no voter): then nothing would ever tell the
      // leader, and random-chaos seed 1241 ended with n1, a voter of the leader's configuration, its term raised
      // by a removed server's vote requests, ignoring the leader's lower-term heartbeats for good.
      const answersStale = this.config.checkQuorum || this.config.preVote || !isVoter(this.inForce, this.id);
      if (answersStale && (message.type === 'AppendEntries' || message.type === 'Heartbeat')) {
        this.send({ type: 'AppendEntriesResponse', from: this.id, to: message.from, term: this.term, reject: true, index: 0, hintIndex: 0, hintTerm: 0, sentAtUs: 0 });
      } else if (message.type === 'PreVote') {
        this.send({ type: 'PreVoteResponse', from: this.id, to: message.from, term: this.term, reject: true });
      }
      return false;
    }
    return true;
  }

  private inLease(): boolean {
    if (!this.config.leaderStickiness) return false;
    if (this.leader === null) return false;
    return this.nowUs - this.lastLeaderContactUs < this.config.electionTimeoutMinUs;
  }

  /** Paper 5.2 and 5.4.1: grant at most one vote per term, only to a candidate whose log is at least as up-to-date. */
  private handleVoteRequest(message: Message & { type: 'PreVote' | 'RequestVote' }): void {
    const isPreVote = message.type === 'PreVote';
    // Whether the candidate is a voter of *our* configuration does not matter: it counts votes by its own, and
    // ours may be behind it (a learner promoted, a server added by entries we have not yet received or applied).
    // Refusing it deadlocks exactly then: random-chaos seed 1241 ended with voters (n4 n5), where n4 still saw
    // n5 as a learner and refused it forever, and only n5 could bring n4 up to date. etcd grants regardless
    // (raft.go Step, MsgVote: "learners must be allowed to cast votes"); safety rests on the up-to-date check.
    const canVote = this.vote === message.from || (this.vote === null && this.leader === null) || (isPreVote && message.term > this.term);
    const unsafe = this.config.unsafe;
    const upToDate = unsafe.skipUpToDateCheck || this.log.isUpToDate(message.lastLogIndex, message.lastLogTerm, unsafe.upToDateByIndexOnly);
    const responseType = isPreVote ? 'PreVoteResponse' : 'RequestVoteResponse';
    if (canVote && upToDate) {
      // A granted response carries the request's term, so a pre-candidate can count it for its future term.
      this.send({ type: responseType, from: this.id, to: message.from, term: message.term, reject: false });
      if (!isPreVote) {
        this.vote = message.from;
        this.resetElectionDeadline();
      }
    } else {
      this.send({ type: responseType, from: this.id, to: message.from, term: this.term, reject: true });
    }
  }

  // ---------------------------------------------------------------- roles

  private becomeFollower(term: number, leader: NodeId | null): void {
    if (term < this.term) throw new Error(`${this.id}: becomeFollower to term ${term} below current ${this.term}`);
    if (term > this.term) {
      this.term = term;
      this.vote = null;
    }
    const wasLeader = this.state.kind === 'leader';
    this.state = { kind: 'follower', leader };
    if (leader !== null) this.lastLeaderContactUs = this.nowUs;
    // etcd (raft.go becomeFollower -> reset) restarts the timer on every step down. LogCabin (RaftConsensus.cc
    // stepDown: `if (startElectionAt == TimePoint::max()) // was leader` setElectionTimer()) only when it was
    // leader; hearing a leader restarts it in handleAppendEntries / handleInstallSnapshot, here `leader !== null`.
    if (this.config.electionTimerRestart !== 'logcabin' || wasLeader || leader !== null) this.resetElectionDeadline();
    this.events.push({ kind: 'role', role: 'follower', term: this.term, leader });
  }

  private becomePreCandidate(): void {
    if (this.state.kind === 'leader') throw new Error(`${this.id}: illegal transition leader -> precandidate`);
    // PreVote does not touch term or vote: a node that cannot win must not disrupt the cluster (thesis 9.6).
    this.state = { kind: 'precandidate', votes: new Map([[this.id, true]]), grantsReceived: 1 };
    this.resetElectionDeadline();
    this.events.push({ kind: 'role', role: 'precandidate', term: this.term, leader: null });
  }

  private becomeCandidate(transfer: boolean): void {
    if (this.state.kind === 'leader') throw new Error(`${this.id}: illegal transition leader -> candidate`);
    this.term += 1;
    this.vote = this.id;
    this.state = { kind: 'candidate', votes: new Map([[this.id, true]]), grantsReceived: 1, transfer };
    this.resetElectionDeadline();
    this.events.push({ kind: 'role', role: 'candidate', term: this.term, leader: null });
  }

  private becomeLeader(): void {
    if (this.state.kind !== 'candidate') throw new Error(`${this.id}: illegal transition ${this.state.kind} -> leader`);
    const progress = new Map<NodeId, Progress>();
    const next = this.log.lastIndex() + 1;
    for (const peer of allMembers(this.inForce)) {
      if (peer === this.id) continue;
      progress.set(peer, new Progress(next, this.config.maxInflightMessages, this.config.maxInflightBytes));
    }
    const leaderState: RoleState & { kind: 'leader' } = {
      kind: 'leader',
      progress,
      transferee: null,
      transferDeadlineUs: 0,
      heartbeatDeadlineUs: this.nowUs + this.config.heartbeatIntervalUs,
      checkQuorumDeadlineUs: this.nowUs + this.config.electionTimeoutMinUs,
      broadcastPending: true,
      uncommittedBytes: 0,
      pendingReads: [],
      readsAwaitingCommit: [],
      readContext: 0,
      readRoundPending: false,
      readAcks: new Map(),
      // The broken variant (unsafe.confChangeBeforeTermCommit) counts as pending only the changes this leader
      // proposes itself, not an uncommitted one it inherited.
      pendingConfIndex: this.config.unsafe.confChangeBeforeTermCommit ? 0 : next - 1,
    };
    this.state = leaderState;
    this.lastLeaderContactUs = this.nowUs;
    this.events.push({ kind: 'role', role: 'leader', term: this.term, leader: this.id });
    // Paper 8 / 5.4.2: a new leader commits an entry of its own term so that earlier entries become committed.
    this.log.append([this.withFormat({ index: next, term: this.term, kind: 'noop', data: null, bytes: 0 })]);
    if (this.isSoleVoter()) this.maybeCommit(leaderState);
  }

  private startElection(transfer: boolean): void {
    if (this.state.kind === 'leader') return;
    if (!this.mayCampaign()) {
      this.resetElectionDeadline();
      return;
    }
    if (this.config.preVote && !transfer) {
      this.becomePreCandidate();
      this.events.push({ kind: 'election-start', preVote: true, term: this.term + 1, transfer: false });
      this.requestVotes('PreVote', this.term + 1, false);
    } else {
      this.becomeCandidate(transfer);
      this.events.push({ kind: 'election-start', preVote: false, term: this.term, transfer });
      this.requestVotes('RequestVote', this.term, transfer);
    }
  }

  private requestVotes(type: 'PreVote' | 'RequestVote', term: number, transfer: boolean): void {
    const state = this.state;
    if (state.kind !== 'precandidate' && state.kind !== 'candidate') throw new Error(`${this.id}: requestVotes as ${state.kind}`);
    if (jointVoteOutcome(this.inForce, state.votes, this.quorumRule) === 'won') {
      this.winElection(state);
      return;
    }
    const lastLogIndex = this.log.lastIndex();
    const lastLogTerm = this.log.lastTerm();
    for (const peer of allVoters(this.inForce)) {
      if (peer === this.id) continue;
      if (type === 'PreVote') this.send({ type, from: this.id, to: peer, term, lastLogIndex, lastLogTerm });
      else this.send({ type, from: this.id, to: peer, term, lastLogIndex, lastLogTerm, transfer });
    }
  }

  private winElection(state: RoleState & { kind: 'precandidate' | 'candidate' }): void {
    if (state.kind === 'precandidate') {
      this.becomeCandidate(false);
      this.events.push({ kind: 'election-start', preVote: false, term: this.term, transfer: false });
      this.requestVotes('RequestVote', this.term, false);
    } else {
      this.becomeLeader();
    }
  }

  private stepCandidate(state: RoleState & { kind: 'precandidate' | 'candidate' }, message: Message): void {
    switch (message.type) {
      case 'AppendEntries':
      case 'Heartbeat':
      case 'InstallSnapshot':
        // Paper 5.2: a candidate that hears from a leader of its term returns to follower (a later term has already
        // made it one in stepTerm; an earlier one reaches here only with unsafe.acceptStaleTermAppend).
        this.becomeFollower(this.term, message.from);
        this.stepFollower(message);
        return;
      case 'PreVoteResponse':
      case 'RequestVoteResponse': {
        const wanted = state.kind === 'precandidate' ? 'PreVoteResponse' : 'RequestVoteResponse';
        // A granted PreVoteResponse carries the term the candidate now has, so only its type tells it apart; the
        // broken variant (unsafe.stalePreVoteCountedAsVote) lets a late one count as a vote (canonical/raft#196).
        if (message.type !== wanted && !(state.kind === 'candidate' && this.config.unsafe.stalePreVoteCountedAsVote)) return;
        state.votes.set(message.from, !message.reject);
        if (!message.reject) state.grantsReceived++;
        // Votes are recorded per voter, so a duplicated grant counts once; the broken variant
        // (unsafe.countDuplicateVotes) wins on a running count of grants instead (xnnyygn/xraft#27).
        const counted = this.config.unsafe.countDuplicateVotes && state.grantsReceived >= this.quorumRule(this.inForce.voters.length);
        const outcome = counted ? 'won' : jointVoteOutcome(this.inForce, state.votes, this.quorumRule);
        if (outcome === 'won') this.winElection(state);
        else if (outcome === 'lost') {
          let votesFor = 0;
          for (const granted of state.votes.values()) if (granted) votesFor++;
          this.events.push({ kind: 'election-lost', preVote: state.kind === 'precandidate', term: this.term, votesFor, votesAgainst: state.votes.size - votesFor });
          this.becomeFollower(this.term, null);
        }
        return;
      }
      case 'TimeoutNow':
      case 'AppendEntriesResponse':
      case 'HeartbeatResponse':
      case 'InstallSnapshotResponse':
      case 'UnsupportedResponse':
      case 'PreVote':
      case 'RequestVote':
        return;
      default:
        unreachable(message);
    }
  }

  private stepFollower(message: Message): void {
    switch (message.type) {
      case 'AppendEntries':
        this.noteLeader(message.from);
        if (!this.refuseUndecodable(message)) this.handleAppendEntries(message);
        return;
      case 'Heartbeat':
        this.noteLeader(message.from);
        this.handleHeartbeat(message);
        return;
      case 'InstallSnapshot':
        this.noteLeader(message.from);
        if (!this.refuseUndecodable(message)) this.handleInstallSnapshot(message);
        return;
      case 'TimeoutNow':
        // Thesis 3.10: campaign at once, skipping PreVote, with a flag that lets voters bypass stickiness.
        this.startElection(true);
        return;
      case 'PreVote':
      case 'RequestVote':
      case 'PreVoteResponse':
      case 'RequestVoteResponse':
      case 'AppendEntriesResponse':
      case 'HeartbeatResponse':
      case 'InstallSnapshotResponse':
      case 'UnsupportedResponse':
        return;
      default:
        unreachable(message);
    }
  }

  /** A request this node's version cannot decode is answered with what it could not decode (raft/versions.ts):
   *  the leader learns from it, and the host traces it. Its header (term, sender) was readable: the leader is
   *  heard, as etcd's transport decodes the header before the body. */
  private refuseUndecodable(message: AppendEntriesMessage | InstallSnapshotMessage): boolean {
    const what = this.versions?.undecodable(message) ?? null;
    if (what === null) return false;
    this.send({ type: 'UnsupportedResponse', from: this.id, to: message.from, term: this.term, rejected: message.type, what });
    this.events.push({ kind: 'unsupported', from: message.from, rejected: message.type, what, term: this.term });
    return true;
  }

  /** An entry this leader writes, in the format the cluster may use (raft/versions.ts); format 1 carries no field. */
  private withFormat(entry: Entry): Entry {
    if (this.versions === null) return entry;
    const format = this.versions.entryFormat(this.id, allMembers(this.inForce));
    return format === 1 ? entry : { ...entry, format };
  }

  private noteLeader(leader: NodeId): void {
    if (this.state.kind === 'follower' && this.state.leader !== leader) {
      this.state = { kind: 'follower', leader };
      this.events.push({ kind: 'role', role: 'follower', term: this.term, leader });
    }
    this.lastLeaderContactUs = this.nowUs;
    this.resetElectionDeadline();
  }

  // ---------------------------------------------------------------- follower: replication

  /** Paper Figure 2, AppendEntries receiver rules 2-5. */
  private handleAppendEntries(message: AppendEntriesMessage): void {
    if (message.prevLogIndex < this.log.committed) {
      // Everything up to commit already matches the leader (Log Matching); acknowledge what we have.
      this.respondToAppend(message, false, this.log.committed, 0, 0);
      return;
    }
    const unsafe = this.config.unsafe;
    // Rule 2. The broken variant (unsafe.prevLogIndexOnly) asks only for an entry at prevLogIndex, of any term.
    const prevMatches = unsafe.prevLogIndexOnly ? this.log.term(message.prevLogIndex) !== undefined : this.log.matchTerm(message.prevLogIndex, message.prevLogTerm);
    if (prevMatches) {
      const lastNewIndex = this.log.appendFromLeader(message.prevLogIndex, message.entries, unsafe.truncateOnEveryAppend);
      if (this.history.onEntries(message.entries, this.log.lastIndex())) this.refreshMembership();
      // Rule 5: commit no further than the last entry this message proved we share with the leader.
      this.commitTo(Math.min(message.commit, lastNewIndex));
      this.respondToAppend(message, false, lastNewIndex, 0, 0);
      return;
    }
    // Rule 2: reject, with a hint that lets the leader skip a whole term (paper 5.3).
    const hint = this.log.findConflictByTerm(Math.min(message.prevLogIndex, this.log.lastIndex()), message.prevLogTerm);
    this.respondToAppend(message, true, message.prevLogIndex, hint.index, hint.term);
  }

  /** A method rather than a closure in handleAppendEntries: this runs for every AppendEntries received. */
  private respondToAppend(message: AppendEntriesMessage, reject: boolean, index: number, hintIndex: number, hintTerm: number): void {
    this.send({ type: 'AppendEntriesResponse', from: this.id, to: message.from, term: this.term, reject, index, hintIndex, hintTerm, sentAtUs: message.sentAtUs });
  }

  private handleHeartbeat(message: HeartbeatMessage): void {
    // The leader sends min(commit, our match), so every index up to it is known to match.
    if (message.commit <= this.log.lastIndex()) this.commitTo(message.commit);
    this.send({ type: 'HeartbeatResponse', from: this.id, to: message.from, term: this.term, readContext: message.readContext, sentAtUs: message.sentAtUs });
  }

  /** Paper 7: InstallSnapshot, received in chunks of at most snapshotChunkBytes. */
  private handleInstallSnapshot(message: InstallSnapshotMessage): void {
    const meta = message.meta;
    const respond = (receivedBytes: number, done: boolean, snapshotIndex: number): void =>
      this.send({ type: 'InstallSnapshotResponse', from: this.id, to: message.from, term: this.term, snapshotIndex, receivedBytes, answeredOffsetBytes: message.offsetBytes, done });
    if (meta.index <= this.log.committed) {
      // We already hold (and committed) what the snapshot covers: tell the leader to replicate from our commit.
      this.incomingSnapshot = null;
      respond(message.totalBytes, true, this.log.committed);
      return;
    }
    let incoming = this.incomingSnapshot;
    if (incoming === null || incoming.index !== meta.index || incoming.term !== meta.term) {
      if (message.offsetBytes !== 0) {
        respond(0, false, meta.index);
        return;
      }
      incoming = { index: meta.index, term: meta.term, receivedBytes: 0 };
      this.incomingSnapshot = incoming;
    }
    if (message.offsetBytes === incoming.receivedBytes) incoming.receivedBytes += message.chunkBytes;
    if (!message.done || incoming.receivedBytes < message.totalBytes) {
      respond(incoming.receivedBytes, false, meta.index);
      return;
    }
    this.incomingSnapshot = null;
    if (this.keepsLogAfterSnapshot(meta.index, meta.term)) {
      // Receiver rule 6: our log already has the snapshot's last entry; keep the entries after it.
      this.commitTo(meta.index);
    } else {
      // The broken variant (unsafe.installSnapshotKeepsStaleConfig, openraft#1808) keeps the configuration of an
      // entry the snapshot discards (uncommitted here, from a deposed leader) instead of the snapshot's.
      const stale = this.config.unsafe.installSnapshotKeepsStaleConfig && this.history.lastChangeIndex() > this.log.committed;
      const membership = stale ? this.history.latest() : meta.membership;
      this.log.restoreSnapshot({ meta, data: message.data, bytes: message.totalBytes });
      this.history.reset(meta.index, membership);
      this.events.push({ kind: 'snapshot-installed', index: meta.index, term: meta.term });
      this.refreshMembership();
    }
    respond(incoming.receivedBytes, true, meta.index);
  }

  /** Paper Figure 13, InstallSnapshot receiver rule 6: "If existing log entry has same index and term as snapshot's
   *  last included entry, retain log entries following it". Two broken variants: keep the log whenever there is an
   *  entry at that index (unsafe.installSnapshotKeepsConflictingLog), or never keep it
   *  (unsafe.installSnapshotDiscardsMatchingSuffix). */
  private keepsLogAfterSnapshot(index: number, term: number): boolean {
    const unsafe = this.config.unsafe;
    if (unsafe.installSnapshotDiscardsMatchingSuffix) return false;
    if (unsafe.installSnapshotKeepsConflictingLog) return this.log.term(index) !== undefined;
    return this.log.matchTerm(index, term);
  }

  private commitTo(index: number): void {
    if (this.log.commitTo(index)) this.events.push({ kind: 'commit', index, term: this.log.term(index) ?? this.term });
  }

  // ---------------------------------------------------------------- leader

  private tickLeader(state: RoleState & { kind: 'leader' }): void {
    const now = this.nowUs;
    if (this.config.checkQuorum && now >= state.checkQuorumDeadlineUs) {
      state.checkQuorumDeadlineUs = now + this.config.electionTimeoutMinUs;
      const active = jointHasQuorum(this.inForce, (id) => id === this.id || state.progress.get(id)!.recentActive, this.quorumRule);
      for (const progress of state.progress.values()) progress.recentActive = false;
      if (!active) {
        // Thesis 6.2: a leader cut off from a quorum steps down, so clients go elsewhere.
        this.events.push({ kind: 'check-quorum-step-down', term: this.term });
        this.becomeFollower(this.term, null);
        return;
      }
      this.lastLeaderContactUs = now;
    }
    if (state.transferee !== null && now >= state.transferDeadlineUs) {
      this.events.push({ kind: 'transfer-abort', to: state.transferee, term: this.term });
      state.transferee = null;
    }
    if (now >= state.heartbeatDeadlineUs) {
      state.heartbeatDeadlineUs = now + this.config.heartbeatIntervalUs;
      this.broadcastHeartbeat(state, 0);
      // A refused or not-yet-possible auto-leave is retried every heartbeat (etcd #12136: it was not after a
      // leader change, and the cluster stayed joint).
      this.maybeAutoLeave(state, null);
    }
  }

  private stepLeader(state: RoleState & { kind: 'leader' }, message: Message): void {
    switch (message.type) {
      case 'AppendEntriesResponse':
        this.handleAppendResponse(state, message);
        return;
      case 'HeartbeatResponse':
        this.handleHeartbeatResponse(state, message);
        return;
      case 'InstallSnapshotResponse':
        this.handleSnapshotResponse(state, message);
        return;
      case 'UnsupportedResponse':
        this.handleUnsupported(state, message);
        return;
      case 'AppendEntries':
      case 'Heartbeat':
      case 'InstallSnapshot':
      case 'TimeoutNow':
      case 'PreVote':
      case 'RequestVote':
      case 'PreVoteResponse':
      case 'RequestVoteResponse':
        // Another leader in our own term would break Election Safety; the simulator's checker reports it.
        return;
      default:
        unreachable(message);
    }
  }

  private handleAppendResponse(state: RoleState & { kind: 'leader' }, message: AppendEntriesResponseMessage): void {
    const progress = state.progress.get(message.from);
    if (progress === undefined) return;
    progress.recentActive = true;
    this.noteAcknowledged(progress, message.sentAtUs);
    if (message.reject) {
      let hintNext = message.index;
      if (this.config.fastBackoff && message.hintTerm > 0) {
        hintNext = this.log.findConflictByTerm(message.hintIndex, message.hintTerm).index + 1;
      } else if (this.config.fastBackoff) {
        hintNext = message.hintIndex + 1;
      }
      if (progress.maybeDecrease(message.index, hintNext)) {
        if (progress.state.kind === 'replicate') {
          progress.becomeProbe();
          this.events.push({ kind: 'progress', peer: message.from, state: 'probe' });
        }
        this.sendAppend(state, message.from, true);
      }
      return;
    }
    const wasPaused = progress.isPaused();
    const updated = progress.maybeUpdate(message.index);
    if (!updated && !(progress.state.kind === 'probe' && progress.match === message.index)) return;
    switch (progress.state.kind) {
      case 'probe':
        progress.becomeReplicate();
        this.events.push({ kind: 'progress', peer: message.from, state: 'replicate' });
        break;
      case 'snapshot':
        if (progress.match >= progress.state.pendingIndex) {
          progress.becomeProbe();
          progress.becomeReplicate();
          this.events.push({ kind: 'progress', peer: message.from, state: 'replicate' });
        }
        break;
      case 'replicate':
        progress.inflights.freeLE(message.index);
        break;
      default:
        unreachable(progress.state);
    }
    if (this.maybeCommit(state)) this.broadcastAppend(state);
    else if (wasPaused) this.sendAppend(state, message.from, false);
    // Pipelining: keep the window full.
    while (this.sendAppend(state, message.from, false)) {
      /* each call sends one more message until paused or caught up */
    }
    if (state.transferee === message.from && progress.match === this.log.lastIndex()) {
      this.send({ type: 'TimeoutNow', from: this.id, to: message.from, term: this.term });
    }
  }

  private handleHeartbeatResponse(state: RoleState & { kind: 'leader' }, message: HeartbeatResponseMessage): void {
    const progress = state.progress.get(message.from);
    if (progress === undefined) return;
    progress.recentActive = true;
    this.noteAcknowledged(progress, message.sentAtUs);
    if (progress.state.kind === 'probe') progress.state.probeSent = false;
    // A full window whose messages were lost would never drain: free one slot per heartbeat reply so the
    // next AppendEntries goes out, reveals the gap, and the follower's rejection moves it to probe (etcd does this).
    if (progress.state.kind === 'replicate' && progress.inflights.isFull()) progress.inflights.freeFirst();
    if (progress.state.kind === 'snapshot') this.sendSnapshotChunk(state, message.from, progress);
    else if (progress.match < this.log.lastIndex()) this.sendAppend(state, message.from, true);
    if (message.readContext > 0) {
      const acked = state.readAcks.get(message.from) ?? 0;
      if (message.readContext > acked) state.readAcks.set(message.from, message.readContext);
      this.releaseReads(state);
    }
  }

  private handleSnapshotResponse(state: RoleState & { kind: 'leader' }, message: InstallSnapshotResponseMessage): void {
    const progress = state.progress.get(message.from);
    if (progress === undefined) return;
    progress.recentActive = true;
    if (progress.state.kind !== 'snapshot') return;
    if (message.done) {
      progress.maybeUpdate(message.snapshotIndex);
      progress.becomeProbe();
      this.events.push({ kind: 'progress', peer: message.from, state: 'probe' });
      this.sendAppend(state, message.from, true);
      return;
    }
    if (message.snapshotIndex !== progress.state.pendingIndex) return;
    // Only a response that acknowledges more than before sends the next chunk. A duplicated or replayed one
    // would send the chunk again, each copy answered again, doubling the chunks in flight at every round
    // (found by random-chaos seed 4711: BUGGIFY duplicating responses, a million messages in flight); a lost
    // chunk is resent on the next heartbeat reply instead.
    // A follower that has fewer bytes than it acknowledged lost them (it restarted, or dropped the partial
    // snapshot for another one) and answers the outstanding chunk with what it has: start again from there, or
    // the transfer wedges, the leader resending a chunk the follower can never take (random-chaos seed 278: two
    // followers restarted mid-transfer and never caught up). Only the answer to the chunk outstanding now
    // rewinds, so duplicated old answers still send nothing.
    const rewound = message.receivedBytes < progress.state.ackedBytes && message.answeredOffsetBytes === progress.state.ackedBytes;
    if (message.receivedBytes <= progress.state.ackedBytes && !rewound) return;
    progress.state.ackedBytes = message.receivedBytes;
    this.sendSnapshotChunk(state, message.from, progress);
  }

  /** A follower could not decode what we sent. Negotiation (raft/versions.ts) remembers it; when that changes
   *  the snapshot encoding for this follower, the transfer starts over in the new one. Entries cannot be
   *  re-encoded (they are in the log as written): the follower is sent the snapshot when it covers them, and
   *  otherwise stays behind until it upgrades or a later snapshot does. */
  private handleUnsupported(state: RoleState & { kind: 'leader' }, message: UnsupportedResponseMessage): void {
    const progress = state.progress.get(message.from);
    const versions = this.versions;
    if (progress === undefined || versions === null) return;
    progress.recentActive = true;
    versions.onRejection(message.from, message.what);
    const what = message.what;
    if (what.kind === 'snapshot-encoding' && progress.state.kind === 'snapshot' && versions.snapshotEncodingFor(message.from) !== what.encoding) {
      this.startSnapshot(state, message.from, progress);
    }
    // A snapshot covering the entries it cannot read replaces them (any follower may be sent a snapshot).
    const snapshot = this.log.snapshot();
    if (what.kind === 'entry-format' && progress.state.kind !== 'snapshot' && snapshot !== null && snapshot.meta.index >= what.index) {
      this.startSnapshot(state, message.from, progress);
    }
  }

  /** Paper 5.3 and 5.4.2: commit the highest index a majority holds, but only by counting replicas of an entry
   *  from the leader's own term (Figure 8); earlier entries become committed with it. */
  private maybeCommit(state: RoleState & { kind: 'leader' }): boolean {
    const persisted = this.log.persistedLastIndex();
    const unsafe = this.config.unsafe;
    // matchIndex is what a follower acknowledged; nextIndex - 1 is only what was sent to it, optimistically in
    // replicate state. The broken variant (unsafe.commitByNextIndex) counts the latter (6.5840 guide).
    const byNext = unsafe.commitByNextIndex;
    const matchOf = (id: NodeId): number => (id === this.id ? persisted : byNext ? state.progress.get(id)!.next - 1 : state.progress.get(id)!.match);
    const index = this.quorumCommitIndex(matchOf);
    if (index <= this.log.committed) return false;
    if (this.log.term(index) !== this.term && !unsafe.commitOldTermByCounting) return false;
    for (let k = this.log.committed + 1; k <= index; k++) state.uncommittedBytes -= this.log.entry(k)?.bytes ?? 0;
    if (state.uncommittedBytes < 0) state.uncommittedBytes = 0;
    this.commitTo(index);
    if (state.readsAwaitingCommit.length > 0 && this.committedInCurrentTerm()) {
      const waiting = state.readsAwaitingCommit;
      state.readsAwaitingCommit = [];
      for (const requestId of waiting) this.queueReadIndex(state, requestId);
    }
    return true;
  }

  private committedInCurrentTerm(): boolean {
    return this.log.term(this.log.committed) === this.term;
  }

  private leaseValid(state: RoleState & { kind: 'leader' }): boolean {
    const now = this.nowUs;
    const since = jointQuorumTime(this.inForce, (id) => (id === this.id ? now : state.progress.get(id)!.ackedSentAtUs), this.quorumRule);
    // Thesis 6.4.1: the lease must end before any follower's clock could let it elect a new leader, so it is
    // shortened by the drift bound. The broken variant (unsafe.leaseWithoutDriftMargin) uses the full timeout.
    const driftBoundPpm = this.config.unsafe.leaseWithoutDriftMargin ? 0 : this.config.leaseDriftBoundPpm;
    const leaseUs = Math.floor((this.config.electionTimeoutMinUs * (1_000_000 - driftBoundPpm)) / 1_000_000);
    return now < since + leaseUs;
  }

  /** Lease bookkeeping (thesis 6.4.1): a follower's reply to a message sent at `sentAtUs` proves we were leader
   *  then, not when the reply arrived. The broken variant (unsafe.leaseFromReceiveTime) times it from arrival. */
  private noteAcknowledged(progress: Progress, sentAtUs: number): void {
    const at = this.config.unsafe.leaseFromReceiveTime ? this.nowUs : sentAtUs;
    progress.ackedSentAtUs = Math.max(progress.ackedSentAtUs, at);
  }

  private queueReadIndex(state: RoleState & { kind: 'leader' }, requestId: number): void {
    // Thesis 6.4 step 3: the read index is answered once a heartbeat round confirms we are still leader. The
    // broken variant (unsafe.readIndexWithoutConfirmation) answers at once, as a deposed leader would.
    if (this.isSoleVoter() || this.config.unsafe.readIndexWithoutConfirmation) {
      this.readStates.push({ requestId, index: this.log.committed });
      return;
    }
    if (!state.readRoundPending) {
      state.readContext += 1;
      state.readRoundPending = true;
    }
    state.pendingReads.push({ requestId, index: this.log.committed, context: state.readContext });
  }

  private releaseReads(state: RoleState & { kind: 'leader' }): void {
    const confirmed = jointQuorumTime(this.inForce, (id) => (id === this.id ? Number.POSITIVE_INFINITY : state.readAcks.get(id) ?? 0), this.quorumRule);
    let released = 0;
    while (released < state.pendingReads.length && state.pendingReads[released]!.context <= confirmed) {
      const read = state.pendingReads[released]!;
      this.readStates.push({ requestId: read.requestId, index: read.index });
      released++;
    }
    if (released > 0) state.pendingReads = state.pendingReads.slice(released);
  }

  private broadcastAppend(state: RoleState & { kind: 'leader' }): void {
    state.broadcastPending = false;
    for (const [peer, progress] of state.progress) {
      this.sendAppend(state, peer, true);
      // Pipelining: a follower in replicate state gets as many messages as its inflight window allows.
      if (progress.state.kind === 'replicate') while (this.sendAppend(state, peer, false)) continue;
    }
  }

  private broadcastHeartbeat(state: RoleState & { kind: 'leader' }, readContext: number): void {
    if (readContext > 0) state.readRoundPending = false;
    // etcd raft.go sendHeartbeat: a follower may lack our committed entries or hold others in their place, so a
    // heartbeat forwards the commit index no further than the follower is known to match (the AppendEntries
    // rule 5 bound, for a message without entries). The broken variant (unsafe.heartbeatCommitBeyondMatch)
    // sends our whole commit index.
    const unbounded = this.config.unsafe.heartbeatCommitBeyondMatch;
    for (const [peer, progress] of state.progress) {
      const commit = unbounded ? this.log.committed : Math.min(progress.match, this.log.committed);
      progress.lastSendUs = this.nowUs;
      this.send({ type: 'Heartbeat', from: this.id, to: peer, term: this.term, commit, readContext, sentAtUs: this.nowUs });
    }
  }

  /** Sends AppendEntries to one follower if its progress allows (etcd maybeSendAppend). Returns whether it sent. */
  private sendAppend(state: RoleState & { kind: 'leader' }, peer: NodeId, sendIfEmpty: boolean): boolean {
    const progress = state.progress.get(peer)!;
    if (progress.isPaused()) return false;
    const prevLogIndex = progress.next - 1;
    const prevLogTerm = this.log.term(prevLogIndex);
    if (prevLogTerm === undefined || progress.next < this.log.firstIndex()) {
      if (this.config.unsafe.noSnapshotFallback) return this.sendFromFirstIndex(progress, peer, sendIfEmpty);
      this.startSnapshot(state, peer, progress);
      return false;
    }
    const lastIndex = this.log.lastIndex();
    const entries = progress.next <= lastIndex ? this.log.slice(progress.next, lastIndex, this.config.maxEntriesBytesPerMessage) : [];
    if (entries.length === 0 && !sendIfEmpty) return false;
    let bytes = 0;
    for (const entry of entries) bytes += entry.bytes;
    const last = entries.length > 0 ? entries[entries.length - 1]!.index : prevLogIndex;
    progress.sentEntries(last, entries.length, bytes);
    progress.lastSendUs = this.nowUs;
    this.send({ type: 'AppendEntries', from: this.id, to: peer, term: this.term, prevLogIndex, prevLogTerm, entries, commit: this.log.committed, sentAtUs: this.nowUs });
    return true;
  }

  /** The broken variant: replicate from the first retained index as if the follower had the compacted prefix. */
  private sendFromFirstIndex(progress: Progress, peer: NodeId, sendIfEmpty: boolean): boolean {
    const compacted = this.log.compacted;
    const entries = this.log.lastIndex() > compacted.index ? this.log.slice(compacted.index + 1, this.log.lastIndex(), this.config.maxEntriesBytesPerMessage) : [];
    // Like sendAppend, nothing to send is not a send (the replicate loop would spin on empty messages forever).
    if (entries.length === 0 && !sendIfEmpty) return false;
    let bytes = 0;
    for (const entry of entries) bytes += entry.bytes;
    progress.sentEntries(entries.length > 0 ? entries[entries.length - 1]!.index : compacted.index, entries.length, bytes);
    progress.lastSendUs = this.nowUs;
    this.send({ type: 'AppendEntries', from: this.id, to: peer, term: this.term, prevLogIndex: compacted.index, prevLogTerm: compacted.term, entries, commit: this.log.committed, sentAtUs: this.nowUs });
    return true;
  }

  private startSnapshot(state: RoleState & { kind: 'leader' }, peer: NodeId, progress: Progress): void {
    const snapshot = this.log.snapshot();
    if (snapshot === null) throw new Error(`${this.id}: follower ${peer} needs index ${progress.next} but the log is compacted and no snapshot exists`);
    progress.becomeSnapshot(snapshot.meta.index, snapshot.bytes);
    this.events.push({ kind: 'progress', peer, state: 'snapshot' });
    this.sendSnapshotChunk(state, peer, progress);
  }

  /** One chunk at a time from the last acknowledged byte: a lost chunk is resent on the next heartbeat reply. */
  private sendSnapshotChunk(state: RoleState & { kind: 'leader' }, peer: NodeId, progress: Progress): void {
    if (progress.state.kind !== 'snapshot') return;
    const snapshot = this.log.snapshot();
    if (snapshot === null || snapshot.meta.index !== progress.state.pendingIndex) {
      // The snapshot was replaced by a newer one: start over with it.
      progress.becomeProbe();
      this.sendAppend(state, peer, true);
      return;
    }
    const offsetBytes = progress.state.ackedBytes;
    const chunkBytes = Math.min(this.config.snapshotChunkBytes, snapshot.bytes - offsetBytes);
    const done = offsetBytes + chunkBytes >= snapshot.bytes;
    progress.state.sentBytes = offsetBytes + chunkBytes;
    progress.lastSendUs = this.nowUs;
    this.send({
      type: 'InstallSnapshot',
      from: this.id,
      to: peer,
      term: this.term,
      meta: snapshot.meta,
      offsetBytes,
      chunkBytes,
      totalBytes: snapshot.bytes,
      done,
      data: done ? snapshot.data : null,
      ...(this.versions !== null ? { encoding: this.versions.snapshotEncodingFor(peer) } : {}),
    });
  }

  // ---------------------------------------------------------------- membership (dissertation 4)

  private membershipInForce(): Membership {
    return this.config.membershipActivation === 'append' ? this.history.latest() : this.history.at(this.log.applied);
  }

  /** Brings the configuration in force up to date after the log or the applied index moved. A leader checks its
   *  removal every time: with append-time activation the configuration without it is in force from the append,
   *  and only the later apply (which changes nothing in force) tells it to step down. */
  private refreshMembership(): void {
    const next = this.membershipInForce();
    const changed = next !== this.inForce && !sameMembership(next, this.inForce);
    this.inForce = next;
    if (changed) {
      const at = this.config.membershipActivation === 'append' ? this.log.lastIndex() : this.log.applied;
      this.events.push({ kind: 'membership', index: this.history.sourceIndex(at), membership: next, term: this.term });
    }
    const state = this.state;
    if (state.kind !== 'leader') return;
    if (changed) this.trackMembers(state);
    this.maybeStepDownRemoved(state);
  }

  /** A leader replicates to every member of the configuration in force, and to nobody else. */
  private trackMembers(state: RoleState & { kind: 'leader' }): void {
    const members = allMembers(this.inForce);
    const next = this.log.lastIndex() + 1;
    for (const peer of members) {
      if (peer === this.id || state.progress.has(peer)) continue;
      const progress = new Progress(next, this.config.maxInflightMessages, this.config.maxInflightBytes);
      // As etcd: a new member counts as recently active, so CheckQuorum does not depose the leader before the
      // newcomer could answer.
      progress.recentActive = true;
      state.progress.set(peer, progress);
      state.broadcastPending = true;
    }
    for (const peer of [...state.progress.keys()]) {
      if (members.includes(peer)) continue;
      state.progress.delete(peer);
      state.readAcks.delete(peer);
    }
    if (state.transferee !== null && !state.progress.has(state.transferee)) {
      this.events.push({ kind: 'transfer-abort', to: state.transferee, term: this.term });
      state.transferee = null;
    }
    // A smaller quorum may commit what was waiting.
    if (this.maybeCommit(state)) this.broadcastAppend(state);
  }

  /** etcd StepDownOnRemoval: a leader that applied a configuration where it is no longer a voter steps down
   *  (dissertation 4.2.2: it may lead until then, not counting itself). */
  private maybeStepDownRemoved(state: RoleState & { kind: 'leader' }): void {
    if (this.config.unsafe.removedLeaderCountsItself) return;
    if (isVoter(this.history.at(this.log.applied), this.id)) return;
    this.events.push({ kind: 'removed-step-down', term: this.term });
    this.becomeFollower(this.term, null);
    state.progress.clear();
  }

  /** The highest index a quorum of the configuration in force holds. The broken variant
   *  (unsafe.removedLeaderCountsItself, etcd-io/raft testdata confchange_v1_remove_leader) has a leader that is no
   *  longer a voter count its own log as one more voter against the new configuration's majority. */
  private quorumCommitIndex(matchOf: (id: NodeId) => number): number {
    const membership = this.inForce;
    if (this.config.unsafe.removedLeaderCountsItself && !isVoter(membership, this.id)) {
      return committedIndex([...membership.voters, this.id], matchOf, this.commitQuorumRule(membership.voters.length));
    }
    return jointCommittedIndex(membership, matchOf, this.commitQuorumRule);
  }

  /** Whether this node may start an election: it must be a voter, and (etcd raft.go hup) have applied every
   *  committed configuration entry, since one of them may remove it or change whose votes count. The broken
   *  variant (unsafe.campaignWithUnappliedConfig) campaigns anyway. */
  private mayCampaign(): boolean {
    if (!isVoter(this.inForce, this.id)) return false;
    if (this.config.membershipActivation === 'append' || this.config.unsafe.campaignWithUnappliedConfig) return true;
    return !this.history.hasChangeIn(this.log.applied, this.log.committed);
  }

  private appendConfChange(state: RoleState & { kind: 'leader' }, request: ConfChangeRequest, auto: boolean): ConfChangeResult {
    const unsafe = this.config.unsafe;
    const refuse = (reason: 'transferring' | 'not-committed-in-term' | 'pending-change' | 'invalid', detail: string): ConfChangeResult => ({ ok: false, reason, detail, leader: this.id });
    if (state.transferee !== null) return refuse('transferring', `leadership is moving to ${state.transferee}`);
    // The broken variants skip the dissertation's fix (unsafe.confChangeBeforeTermCommit) or the one-at-a-time
    // rule (unsafe.noPendingConfCheck).
    if (!this.committedInCurrentTerm() && !unsafe.confChangeBeforeTermCommit) return refuse('not-committed-in-term', `${this.id} has not yet committed an entry of its term ${this.term}`);
    if (state.pendingConfIndex > this.log.applied && !unsafe.noPendingConfCheck) {
      return refuse('pending-change', `configuration entry ${state.pendingConfIndex} is not applied yet (applied ${this.log.applied})`);
    }
    const copy: ConfChangeRequest = { changes: request.changes.map((change) => ({ op: change.op, node: change.node })), transition: request.transition };
    const outcome = applyConfChange(this.history.latest(), copy, this.changeRules);
    if (!outcome.ok) return refuse('invalid', outcome.reason);
    const index = this.log.lastIndex() + 1;
    const bytes = confChangeBytes(copy);
    const entry: Entry = { index, term: this.term, kind: 'config', data: copy, bytes };
    this.log.append([entry]);
    this.history.onEntries([entry], index);
    state.pendingConfIndex = index;
    state.uncommittedBytes += bytes;
    state.broadcastPending = true;
    this.events.push({ kind: 'conf-change-proposed', index, term: this.term, request: copy, auto });
    this.refreshMembership();
    if (this.isSoleVoter()) this.maybeCommit(state);
    return { ok: true, index, term: this.term };
  }

  /** etcd's auto-leave: once a joint configuration entered with autoLeave is applied, the leader proposes leaving
   *  it; retried on every heartbeat until it is appended. The broken variant (unsafe.autoLeaveOnlyOnce,
   *  etcd #12136) proposes it only from the apply that crosses the joint entry, so a leader that had applied it
   *  as a follower never does, and the cluster stays joint. */
  private maybeAutoLeave(state: RoleState & { kind: 'leader' }, appliedBefore: number | null): void {
    const applied = this.history.at(this.log.applied);
    if (!isJoint(applied) || !applied.autoLeave) return;
    if (state.pendingConfIndex > this.log.applied) return;
    if (this.config.unsafe.autoLeaveOnlyOnce && (appliedBefore === null || this.history.sourceIndex(this.log.applied) <= appliedBefore)) return;
    this.appendConfChange(state, { changes: [], transition: 'auto' }, true);
  }

  // ---------------------------------------------------------------- helpers

  private send(message: Message): void {
    // Bounded: a step that keeps sending (a replicate loop that never pauses) fails here, naming itself, rather
    // than filling the heap. A correct step sends at most the inflight window to each peer.
    if (this.messages.length >= MAX_MESSAGES_PER_READY) throw new Error(`${this.id}: more than ${MAX_MESSAGES_PER_READY} messages in one Ready (a send loop that never stops)`);
    this.messages.push(this.versions === null ? message : this.versions.stamp(message));
  }

  /** Whether this node is the only voter (it then commits and confirms reads on its own). */
  private isSoleVoter(): boolean {
    const voters = this.inForce.voters;
    return voters.length === 1 && voters[0] === this.id && this.inForce.outgoing.length === 0;
  }

  private resetElectionDeadline(): void {
    const min = this.config.electionTimeoutMinUs;
    const span = this.config.electionTimeoutMaxUs - min;
    this.electionDeadlineUs = this.nowUs + min + Math.floor(this.random() * (span + 1));
  }

  private currentHardState(): HardState {
    return { term: this.term, vote: this.vote, commit: this.log.committed };
  }

  private hardStateChanged(): boolean {
    const persisted = this.persistedHardState;
    return persisted.term !== this.term || persisted.vote !== this.vote || persisted.commit !== this.log.committed;
  }
}

const noEvents: readonly RaftEvent[] = Object.freeze([]);
const noEntries: readonly Entry[] = Object.freeze([]);
const noMessages: readonly Message[] = Object.freeze([]);
const noReadStates: readonly ReadState[] = Object.freeze([]);

function unreachable(value: never): never {
  throw new Error(`unreachable: ${JSON.stringify(value)}`);
}
