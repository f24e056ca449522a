/**
 * The run model: what the run report draws, built from a trace by parseTrace (trace/parse.ts) and read by the
 * renderer (run-report.ts and friends): role intervals, fault intervals, marks, numeric series and a
 * struct-of-arrays message table. Every list has a bound; records beyond it are counted in `omitted` (and the
 * report says so) instead of growing memory without limit.
 */
import type { ElectionTermCounts } from '../contract/election-terms.js';
import type { TraceClientOp, TraceClientValue, TraceLinearizabilityVerdict, TraceRole, TraceRunParams, TraceVerdict } from '../contract/trace.js';
import type { RoundMember } from '../contract/compaction-rounds.js';
import type { MessageTable } from './message-table.js';
import type { RunResultInfo } from './run-result.js';

export type Role = TraceRole;

export type Verdict = TraceVerdict;

/** A node held one role in one term over [fromUs, toUs). */
export interface RoleSpan {
  readonly node: string;
  readonly role: Role;
  readonly term: number;
  readonly leader: string | null;
  readonly fromUs: number;
  readonly toUs: number;
}

/** A per-node condition over [fromUs, toUs): down (crash..restart), paused, slow. */
export interface NodeSpan {
  readonly node: string;
  readonly fromUs: number;
  readonly toUs: number;
  /** Human-readable details for the hover title. */
  readonly detail: string;
  /** True when the trace ended before the condition did. */
  readonly open: boolean;
}

export type NetworkFaultKind = 'partition' | 'clog' | 'link';

/** A network fault over [fromUs, toUs), drawn across the lanes of `nodes`. */
export interface NetworkFault {
  readonly kind: NetworkFaultKind;
  /** Short label drawn on the region, e.g. "isolate n3". */
  readonly label: string;
  readonly nodes: readonly string[];
  readonly fromUs: number;
  readonly toUs: number;
  readonly open: boolean;
}

export type MarkKind =
  | 'clock'
  | 'snapshot-install'
  | 'snapshot'
  | 'step-down'
  | 'transfer'
  /** The established leader was lost (`leader-lost`). */
  | 'leader-lost'
  /** A time window fired with nothing applied (`snapshot-skip`). */
  | 'snapshot-skip'
  /** A `snapshot-start` whose snapshot never became durable (a crash, or the trace ended). */
  | 'snapshot-incomplete'
  /** A leader no longer a voter of the configuration in force stepped down (`removed-step-down`). */
  | 'removed-step-down'
  /** The node moved to another version (`upgrade`; docs/versions.md); labelled with the new version. */
  | 'upgrade'
  /** The node rejected a request it could not decode (`unsupported`). */
  | 'unsupported';

/** A point event on one node's lane. */
export interface NodeMark {
  readonly node: string;
  readonly tUs: number;
  readonly kind: MarkKind;
  /** Short text drawn next to the mark ('' for none). */
  readonly label: string;
  /** Hover text. */
  readonly detail: string;
}

export interface ElectionEvent {
  readonly node: string;
  readonly tUs: number;
  readonly preVote: boolean;
  readonly term: number;
  readonly transfer: boolean;
}

/** A node became leader of `term` at tUs. */
export interface LeaderChange {
  readonly node: string;
  readonly term: number;
  readonly tUs: number;
}

/** A time series of (tUs, value) samples in time order. */
export interface Series {
  readonly tUs: number[];
  readonly value: number[];
}

export type Outcome = 'ok' | 'fail' | 'timeout';

export interface ClientOps {
  readonly tUs: number[];
  readonly latencyUs: number[];
  readonly outcome: Outcome[];
}

/** One client operation from its invoke record to its outcome (ok, fail, timeout), or open at the end. */
export interface ClientOperation {
  /** `client#id`, as the linearizability record names it. */
  readonly ref: string;
  readonly client: string;
  readonly id: number;
  readonly op: TraceClientOp;
  readonly key: string;
  readonly value: string | null;
  readonly expected: string | null | undefined;
  readonly callUs: number;
  returnUs: number | null;
  outcome: Outcome | 'open';
  result: TraceClientValue;
}

/** The `linearizability` record: the end-of-run check of the client history. */
export interface LinearizabilityRecord {
  readonly tUs: number;
  readonly verdict: TraceLinearizabilityVerdict;
  readonly operations: number;
  readonly keys: number;
  readonly unknownOutcomes: number;
  readonly notRecorded: number;
  readonly stepsUsed: number;
  readonly reason: string;
  readonly key: string | null;
  readonly stuck: string | null;
  readonly subHistory: readonly string[];
  /** The writes of values the sub-history read, drawn for context. */
  readonly context: readonly string[];
}

export interface ElectionLatency {
  readonly tUs: number;
  readonly latencyUs: number;
  readonly fromUs: number;
  readonly toUs: number;
}

/** A `leader-lost` record: the established leader `node` of `term` was lost at tUs. */
export interface LeaderLoss {
  readonly node: string;
  readonly term: number;
  readonly why: string;
  readonly tUs: number;
}

/** An interval without an established leader: from a `leader-lost` to the next `election-latency` record. */
export interface LeaderlessSpan {
  readonly fromUs: number;
  readonly toUs: number;
  /** True when the trace ended before a new leader was established. */
  readonly open: boolean;
  readonly detail: string;
}

/** How many records of the compaction and measurement types the trace has (unbounded counters). */
export interface RecordCounts {
  readonly snapshots: number;
  readonly snapshotStarts: number;
  readonly snapshotSkips: number;
  readonly snapshotInstalls: number;
  readonly compactions: number;
  readonly stalls: number;
  readonly leaderLost: number;
  /** `send` records: messages sent, as the summary's "sent". */
  readonly sends: number;
  /** `drop` records: every dropped copy (a duplicate dropped counts again), as the summary's "dropped". */
  readonly drops: number;
}

/** A configuration came into force in the cluster: the first `membership` record of an index above every one before. */
export interface ConfigChange {
  readonly tUs: number;
  readonly index: number;
  readonly term: number;
  /** The node where it was first in force. */
  readonly node: string;
  readonly config: string;
  readonly joint: boolean;
  /** "joint +n4 -n1 @183", "left joint @185", "+n4 learner @244" (membership-config.ts changeLabel). */
  readonly label: string;
  /** The `conf-change` record that appended it (same index), when the trace has it. */
  readonly proposal: ConfChangeProposal | null;
}

/** A `conf-change` record: a leader appended a configuration entry. */
export interface ConfChangeProposal {
  readonly tUs: number;
  readonly node: string;
  readonly index: number;
  readonly term: number;
  readonly request: string;
  readonly auto: boolean;
}

/** A `conf-change-refused` record. */
export interface RefusedChange {
  readonly tUs: number;
  readonly node: string | null;
  readonly request: string;
  readonly reason: string;
  readonly detail: string;
  readonly attempt: number;
  readonly final: boolean;
}

/**
 * A lane's membership status over [fromUs, toUs): a spare not started yet, a learner, or running but not a
 * member of the configuration in force in the cluster (not yet added, or removed).
 */
export type MemberSpanKind = 'spare' | 'learner' | 'not-member' | 'removed';

export interface MemberSpan {
  readonly node: string;
  readonly kind: MemberSpanKind;
  readonly fromUs: number;
  readonly toUs: number;
  /** The configuration change that began it (null: the bootstrap configuration). */
  readonly index: number | null;
}

/** A joint configuration in force in the cluster over [fromUs, toUs). */
export interface JointSpan {
  readonly fromUs: number;
  readonly toUs: number;
  readonly config: string;
  readonly index: number;
  /** True when the trace ended in it. */
  readonly open: boolean;
}

/** The membership records of a run; null in the model for runs without any. */
export interface MembershipModel {
  /** The bootstrap configuration (meta.params.initialMembers, else every node, as voters). */
  readonly initialConfig: string;
  readonly changes: readonly ConfigChange[];
  readonly proposals: readonly ConfChangeProposal[];
  readonly refused: readonly RefusedChange[];
  readonly memberSpans: readonly MemberSpan[];
  readonly jointSpans: readonly JointSpan[];
  /** `boot` records: a spare server's first start, by node. */
  readonly boots: ReadonlyMap<string, number>;
}

export interface EndRecord {
  readonly tUs: number;
  readonly hash: string | null;
  readonly verdict: Verdict;
  readonly invariant: string | null;
  readonly message: string | null;
}

/** Bounds. They are far above what a 20 s chaos run produces (~40k messages, <100 roles changes). */
export const MAX_NODES = 64;
export const MAX_LIST_ITEMS = 200_000;
export const MAX_SERIES_POINTS = 2_000_000;

export interface RunModel {
  readonly seed: number;
  readonly scenario: string;
  /** meta.params as written. */
  readonly params: TraceRunParams;
  /** Lane order: meta.params.nodes, then any other node id in order of first appearance. */
  readonly nodes: readonly string[];
  /** Number of records (non-blank lines). */
  readonly records: number;
  /** Time of the last record: the run's simulated length. */
  readonly endUs: number;
  /** The end record, or null when the trace was cut short. */
  readonly end: EndRecord | null;
  /** Time of the liveness phase's full heal (`heal` with `all: true`), or null. */
  readonly livenessStartUs: number | null;
  readonly roleSpans: readonly RoleSpan[];
  readonly leaderChanges: readonly LeaderChange[];
  readonly elections: readonly ElectionEvent[];
  readonly downSpans: readonly NodeSpan[];
  readonly pauseSpans: readonly NodeSpan[];
  readonly slowSpans: readonly NodeSpan[];
  readonly networkFaults: readonly NetworkFault[];
  readonly marks: readonly NodeMark[];
  /** Commit index per node, from commit and restart records. */
  readonly commit: ReadonlyMap<string, Series>;
  /** Commit index minus last applied index per node, sampled at every commit and apply record. */
  readonly applyLag: ReadonlyMap<string, Series>;
  readonly clientOps: ClientOps;
  /** Every client operation in invoke order (bounded by MAX_LIST_ITEMS), and the clients in order of first call. */
  readonly clientHistory: readonly ClientOperation[];
  readonly clients: readonly string[];
  /** The linearizability verdict, or null for traces without one (unchecked runs, older traces). */
  readonly linearizability: LinearizabilityRecord | null;
  readonly messages: MessageTable;
  /** From periodic `log` records (a later trace version): retained entries and applied − snapshotIndex. */
  readonly logEntries: ReadonlyMap<string, Series>;
  readonly snapshotLag: ReadonlyMap<string, Series>;
  readonly electionLatencies: readonly ElectionLatency[];
  /** Terms with a candidate and no leader, split votes and terms lost to a stale log (contract/election-terms.ts). */
  readonly electionTerms: ElectionTermCounts;
  /** Compaction stalls (`stall` records): from `beganAtUs` to the node's next snapshot, or the end of the trace. */
  readonly stallSpans: readonly NodeSpan[];
  readonly leaderLosses: readonly LeaderLoss[];
  readonly leaderless: readonly LeaderlessSpan[];
  readonly counts: RecordCounts;
  /** Time of every `drop` record, in time order (bounded). */
  readonly dropTimesUs: readonly number[];
  /** Every `snapshot` record with a round and every `snapshot-skip`, in time order (bounded): the drift chart's input. */
  readonly compactionRounds: readonly RoundMember[];
  /** Configuration changes, refusals and lane membership; null when the trace has no membership records. */
  readonly membership: MembershipModel | null;
  /** Items dropped because a bound was reached, by list name. */
  readonly omitted: Readonly<Record<string, number>>;
  /**
   * The run's result beyond the trace (outcome, expectations, the summary's figures), from result.json; absent
   * or null for a trace alone. Attach it with withRunResult.
   */
  readonly result?: RunResultInfo | null;
}
