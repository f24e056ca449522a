// The host contract of raft/: what any Raft under raftsim's harness implements. raftsim drives the node it is
// given only through these two interfaces, so a team writing its own Raft in TypeScript can run it under the
// full harness (`raftsim run|sweep SCENARIO --raft ./my-raft.js`, or `raft:` in the API) and get the faults,
// checks, coverage and reports for it. RaftNode (node.ts) is the reference implementation. docs/raft.md has the
// contract in prose and a minimal example.
//
// The rules (etcd-io/raft's rawnode.go is the model):
//   1. Feed input: tick(nowUs) when the monotonic clock reaches nextDeadlineUs(), step(message, nowUs), propose,
//      read, transferLeadership. Times are the node's MONOTONIC clock in microseconds (drift reaches it, wall-clock
//      steps must not: a stepped-back clock would stretch a lease); the node never reads a clock.
//   2. While hasReady(), take ready() and: persist its snapshot, hard state and entries (fsync when mustSync),
//      only then send its messages, install its snapshot in the state machine, apply committedEntries in order
//      (reporting appliedTo), serve readStates once applied, then advance(ready). No second Ready before advance.
//   3. After a crash, the host builds a new node with restart() from exactly what was durable.
//   4. takeEvents() reports role changes, elections, commits (RaftEvent): the harness's metrics, trace and checks
//      read them, so an implementation must report at least `role` and `commit` events.
import type { RaftConfig } from './config.js';
import type { ConfChangeRequest, Membership } from './membership.js';
import type { ConfChangeResult, Entry, HardState, Message, NodeId, ProposeResult, RaftEvent, ReadResult, Ready, Role, Snapshot } from './types.js';

/** What the harness reads of a node's log (RaftLog implements it). Indexes are 1-based; index 0 has term 0. */
export interface RaftLogView {
  firstIndex(): number;
  lastIndex(): number;
  /** The term at `index`, undefined when compacted away (except the compacted index itself) or not yet there. */
  term(index: number): number | undefined;
  entry(index: number): Entry | undefined;
  /** The highest index known committed. */
  readonly committed: number;
  /** The highest index the host reported applied (appliedTo). */
  readonly applied: number;
  /** The last index the host has persisted (advance acknowledged). */
  persistedLastIndex(): number;
  /** The last index dropped by compaction or covered by an installed snapshot, and its term. */
  readonly compacted: { readonly index: number; readonly term: number };
  /** The latest durable snapshot, or null. */
  snapshot(): Snapshot | null;
}

/** One Raft node as the harness drives it. */
export interface RaftUnderTest {
  readonly id: NodeId;
  readonly config: RaftConfig;
  readonly currentTerm: number;
  readonly votedFor: NodeId | null;
  readonly role: Role;
  /** The leader this node knows of (itself when leading), or null. */
  readonly leader: NodeId | null;
  readonly log: RaftLogView;

  tick(nowUs: number): void;
  step(message: Message, nowUs: number): void;
  propose(data: unknown, bytes: number, nowUs: number): ProposeResult;
  read(requestId: number, nowUs: number): ReadResult;
  transferLeadership(target: NodeId, nowUs: number): boolean;
  /** Monotonic time at which tick() must be called next. */
  nextDeadlineUs(): number;

  hasReady(): boolean;
  ready(): Ready;
  advance(ready: Ready): void;
  appliedTo(index: number): void;
  /** The host took (and made durable) a snapshot; entries up to compactIndex may be dropped. */
  compact(snapshot: Snapshot, compactIndex: number): void;
  /** Drains the events reported since the last call. */
  takeEvents(): readonly RaftEvent[];

  // Membership (dissertation 4; raft/membership.ts). Optional: a Raft without them runs every scenario that
  // does not change membership, and the harness refuses the others by name.
  /** Proposes a membership change (a request with no changes leaves a joint configuration). */
  proposeConfChange?(request: ConfChangeRequest, nowUs: number): ConfChangeResult;
  /** The configuration in force at this node. */
  readonly membership?: Membership;
  /** The configuration as of log index `index` (every configuration entry up to it), for the snapshot the host
   *  takes there. Defined from the last snapshot's index to the last index. */
  membershipAt?(index: number): Membership;
}

export interface RaftNodeOptions {
  readonly config: RaftConfig;
  /** Uniform [0,1) source for election timeouts; the harness hands each node its own seeded stream. Use it,
   *  and nothing else, for randomness: the run must replay bit for bit from its seed. */
  readonly random: () => number;
  readonly nowUs: number;
}

/** What a node's disk kept, for restart(). */
export interface DurableState {
  readonly hardState: HardState;
  readonly snapshot: Snapshot | null;
  readonly entries: readonly Entry[];
}

/** How the harness builds nodes: a module given to `--raft` exports these two functions (or a default object
 *  with them). */
export interface RaftFactory {
  /** A brand-new node with an empty log. */
  create(options: RaftNodeOptions): RaftUnderTest;
  /** A node recovering after a crash from what its disk kept. */
  restart(options: RaftNodeOptions, durable: DurableState): RaftUnderTest;
}
