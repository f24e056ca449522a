// Types shared by the Raft state machine. raft/ is pure: no I/O, no clock, no imports from sim/.
import type { EntryFormat, NodeVersion, SnapshotEncoding, Undecodable } from './version-types.js';

export type NodeId = string;

// ---------------------------------------------------------------- membership (raft/membership.ts has the rules)
// Cluster membership as values (etcd's ConfState and ConfChangeV2). A Membership is: voters, learners and, while
// joint, the outgoing voters and the learners-to-be (voters being demoted keep voting in the outgoing half until
// the joint configuration is left).

export interface Membership {
  /** Voters of the (incoming) configuration: in a simple configuration, the only voters. */
  readonly voters: readonly NodeId[];
  /** Voters of the outgoing configuration while joint (dissertation 4.3, C_old); empty otherwise. */
  readonly outgoing: readonly NodeId[];
  /** Non-voting members: they replicate the log (also by snapshot) but never vote or count. */
  readonly learners: readonly NodeId[];
  /** Voters of the outgoing half being demoted: they become learners when the joint configuration is left. */
  readonly learnersNext: readonly NodeId[];
  /** Joint configurations entered with autoLeave are left by the leader on its own once applied (etcd). */
  readonly autoLeave: boolean;
}

/** One change to one node. `add-voter` of a learner promotes it; `add-learner` of a voter demotes it. */
export interface MembershipChange {
  readonly op: 'add-voter' | 'add-learner' | 'remove';
  readonly node: NodeId;
}

/** etcd's ConfChangeTransition: `auto` makes a single change simple and several changes a joint configuration
 *  left automatically; `joint-implicit` always enters joint and leaves automatically; `joint-explicit` enters
 *  joint and waits for an explicit leave (a request with no changes). */
export type ConfChangeTransition = 'auto' | 'joint-implicit' | 'joint-explicit';

/** What a configuration entry carries (Entry.kind 'config', Entry.data). No changes means: leave joint. */
export interface ConfChangeRequest {
  readonly changes: readonly MembershipChange[];
  readonly transition: ConfChangeTransition;
}


/** Kinds of log entry. `noop` is the entry a new leader appends on taking office (Raft paper 8, 5.4.2); `config`
 *  carries a membership change (its data is a ConfChangeRequest, raft/membership.ts; dissertation 4). */
export type EntryKind = 'normal' | 'noop' | 'config';

export interface Entry {
  readonly index: number;
  readonly term: number;
  readonly kind: EntryKind;
  /** Opaque command for the replicated state machine; null for a noop; a ConfChangeRequest for a config entry. */
  readonly data: unknown;
  /** Encoded size, used for message-size limits, inflight byte limits and disk accounting. */
  readonly bytes: number;
  /** The entry format (raft/versions.ts), set only when a versioned leader wrote a format newer than 1. */
  readonly format?: EntryFormat;
}

/** What must be durable before the node may send anything that depends on it (Raft paper Figure 2, "Persistent state"). */
export interface HardState {
  readonly term: number;
  readonly vote: NodeId | null;
  readonly commit: number;
}

export interface SnapshotMeta {
  readonly index: number;
  readonly term: number;
  /** The configuration at that index (every configuration entry up to it applied): configurations are values,
   *  so a snapshot carries its own, and the configuration entries it covers are never needed again. */
  readonly membership: Membership;
}

export interface Snapshot {
  readonly meta: SnapshotMeta;
  /** Opaque state-machine image. */
  readonly data: unknown;
  readonly bytes: number;
}

export type Role = 'follower' | 'precandidate' | 'candidate' | 'leader';

interface MessageBase {
  readonly from: NodeId;
  readonly to: NodeId;
  readonly term: number;
  /** The sender's version (raft/versions.ts), on every message of a versioned node; absent otherwise. */
  readonly version?: NodeVersion;
}

export interface PreVoteMessage extends MessageBase {
  readonly type: 'PreVote';
  readonly lastLogIndex: number;
  readonly lastLogTerm: number;
}
export interface PreVoteResponseMessage extends MessageBase {
  readonly type: 'PreVoteResponse';
  readonly reject: boolean;
}
export interface RequestVoteMessage extends MessageBase {
  readonly type: 'RequestVote';
  readonly lastLogIndex: number;
  readonly lastLogTerm: number;
  /** Set when the campaign was started by TimeoutNow: voters skip the leader-stickiness check (Raft thesis 3.10). */
  readonly transfer: boolean;
}
export interface RequestVoteResponseMessage extends MessageBase {
  readonly type: 'RequestVoteResponse';
  readonly reject: boolean;
}
export interface AppendEntriesMessage extends MessageBase {
  readonly type: 'AppendEntries';
  readonly prevLogIndex: number;
  readonly prevLogTerm: number;
  readonly entries: readonly Entry[];
  readonly commit: number;
  /** Leader's local time when sent; echoed back so the leader can time its lease. */
  readonly sentAtUs: number;
}
export interface AppendEntriesResponseMessage extends MessageBase {
  readonly type: 'AppendEntriesResponse';
  readonly reject: boolean;
  /** On success: the index the follower now matches up to. On reject: the prevLogIndex that was rejected. */
  readonly index: number;
  /** On reject: the follower's hint (index, term) for the leader to skip a whole term (Raft paper 5.3, last paragraphs). */
  readonly hintIndex: number;
  readonly hintTerm: number;
  readonly sentAtUs: number;
}
export interface HeartbeatMessage extends MessageBase {
  readonly type: 'Heartbeat';
  /** min(leader commit, follower match): a follower may only commit what it is known to hold. */
  readonly commit: number;
  /** ReadIndex round this heartbeat confirms leadership for, 0 for none. */
  readonly readContext: number;
  readonly sentAtUs: number;
}
export interface HeartbeatResponseMessage extends MessageBase {
  readonly type: 'HeartbeatResponse';
  readonly readContext: number;
  readonly sentAtUs: number;
}
export interface TimeoutNowMessage extends MessageBase {
  readonly type: 'TimeoutNow';
}
export interface InstallSnapshotMessage extends MessageBase {
  readonly type: 'InstallSnapshot';
  readonly meta: SnapshotMeta;
  /** Chunking: byte offset of this chunk, its size, and whether it is the last one. */
  readonly offsetBytes: number;
  readonly chunkBytes: number;
  readonly totalBytes: number;
  readonly done: boolean;
  /** The state-machine image, carried on the final chunk only. */
  readonly data: unknown;
  /** How the image is encoded (raft/versions.ts); absent means plain. */
  readonly encoding?: SnapshotEncoding;
}
export interface InstallSnapshotResponseMessage extends MessageBase {
  readonly type: 'InstallSnapshotResponse';
  readonly snapshotIndex: number;
  /** Bytes received so far in order; the leader sends the next chunk from here. */
  readonly receivedBytes: number;
  /** The offset of the chunk this answers: lets the leader tell a follower that lost what it had received (a
   *  restart: a partial snapshot is volatile) from a duplicated old answer (both report fewer bytes). */
  readonly answeredOffsetBytes: number;
  readonly done: boolean;
}

/** A receiver could not decode a request (raft/versions.ts): it says what, instead of dropping it silently. */
export interface UnsupportedResponseMessage extends MessageBase {
  readonly type: 'UnsupportedResponse';
  readonly rejected: 'AppendEntries' | 'InstallSnapshot';
  readonly what: Undecodable;
}

export type Message =
  | PreVoteMessage
  | PreVoteResponseMessage
  | RequestVoteMessage
  | RequestVoteResponseMessage
  | AppendEntriesMessage
  | AppendEntriesResponseMessage
  | HeartbeatMessage
  | HeartbeatResponseMessage
  | TimeoutNowMessage
  | InstallSnapshotMessage
  | InstallSnapshotResponseMessage
  | UnsupportedResponseMessage;

export type MessageType = Message['type'];

export const requestMessageTypes: readonly MessageType[] = [
  'PreVote',
  'RequestVote',
  'AppendEntries',
  'Heartbeat',
  'TimeoutNow',
  'InstallSnapshot',
];

/** A linearizable read that may be served once the state machine has applied `index`. */
export interface ReadState {
  readonly requestId: number;
  readonly index: number;
}

export type ProposeResult =
  | { readonly ok: true; readonly index: number; readonly term: number }
  | { readonly ok: false; readonly reason: 'not-leader' | 'transferring' | 'uncommitted-limit'; readonly leader: NodeId | null };

/** Why a membership change was not appended. `not-committed-in-term`: the dissertation's fix to single-server
 *  changes (a leader first commits an entry of its own term, raft-dev 2015 "bug in single-server membership
 *  changes"); `pending-change`: at most one configuration entry may be unapplied; `invalid`: the change cannot
 *  be applied to the configuration (the detail says why: etcd-io/raft#354 turns these into silent no-ops). */
export type ConfChangeResult =
  | { readonly ok: true; readonly index: number; readonly term: number }
  | {
      readonly ok: false;
      readonly reason: 'not-leader' | 'transferring' | 'not-committed-in-term' | 'pending-change' | 'invalid';
      readonly detail: string;
      readonly leader: NodeId | null;
    };

export type ReadResult =
  | { readonly ok: true; readonly mode: 'read-index' | 'lease' }
  | { readonly ok: false; readonly reason: 'not-leader' | 'too-many-reads'; readonly leader: NodeId | null };

/** Everything the caller must do after feeding the node input. See raft/README-contract in docs/raft.md. */
export interface Ready {
  /** Non-null when term, vote or commit changed: persist it (fsync) before sending `messages`. */
  readonly hardState: HardState | null;
  /** Entries to append to stable storage before sending `messages`. If the first one's index is at or below
   *  the last persisted index, the stored log is truncated there first (a conflict was resolved). */
  readonly entries: readonly Entry[];
  /** A snapshot received from the leader to persist before anything else in this Ready. */
  readonly snapshot: Snapshot | null;
  /** Send only after hardState, entries and snapshot are durable. */
  readonly messages: readonly Message[];
  /** Committed entries that are durable here and may be applied, in order. */
  readonly committedEntries: readonly Entry[];
  /** ReadIndex results: serve each once the state machine has applied its index. */
  readonly readStates: readonly ReadState[];
  /** True when hardState, entries or snapshot must be fsynced. */
  readonly mustSync: boolean;
}

/** Events the node reports for tracing and metrics; they carry no obligations. */
export type RaftEvent =
  | { readonly kind: 'role'; readonly role: Role; readonly term: number; readonly leader: NodeId | null }
  | { readonly kind: 'election-start'; readonly preVote: boolean; readonly term: number; readonly transfer: boolean }
  | { readonly kind: 'election-lost'; readonly preVote: boolean; readonly term: number; readonly votesFor: number; readonly votesAgainst: number }
  | { readonly kind: 'commit'; readonly index: number; readonly term: number }
  | { readonly kind: 'check-quorum-step-down'; readonly term: number }
  | { readonly kind: 'transfer-start'; readonly to: NodeId; readonly term: number }
  | { readonly kind: 'transfer-abort'; readonly to: NodeId; readonly term: number }
  | { readonly kind: 'progress'; readonly peer: NodeId; readonly state: 'probe' | 'replicate' | 'snapshot' }
  | { readonly kind: 'snapshot-installed'; readonly index: number; readonly term: number }
  /** The configuration in force here changed (on apply, or on append in the append-time variant); `index` is
   *  the configuration entry's (or the snapshot's) index. */
  | { readonly kind: 'membership'; readonly index: number; readonly membership: Membership; readonly term: number }
  /** A leader appended a configuration entry: `auto` when it left a joint configuration on its own. */
  | { readonly kind: 'conf-change-proposed'; readonly index: number; readonly term: number; readonly request: ConfChangeRequest; readonly auto: boolean }
  /** A leader no longer a voter of the configuration in force stepped down (etcd StepDownOnRemoval). */
  | { readonly kind: 'removed-step-down'; readonly term: number }
  /** This node could not decode a request from `from` and answered with an UnsupportedResponse. */
  | { readonly kind: 'unsupported'; readonly from: NodeId; readonly rejected: 'AppendEntries' | 'InstallSnapshot'; readonly what: Undecodable; readonly term: number };
