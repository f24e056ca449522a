/**
 * The trace contract: every record of a raftsim trace (JSON Lines, docs/trace-format.md) as one member of a
 * discriminated union on `type`, with its exact fields and their types.
 *
 * This module is the ground floor: the simulator writes these records (sim/trace.ts `emit` takes a
 * TraceRecord) and the report renderer reads them (reports/trace/ validates every line against
 * TRACE_RECORD_SCHEMA, then dispatches on `type`). It imports nothing. docs/trace-format.md describes the same
 * records in words; test/trace-contract.test.ts fails when the two disagree.
 *
 * Closed sets of values are `as const` lists and their literal types are derived from the lists, so the run-time
 * list and the type cannot drift apart. Field order in the JSON lines is the order the simulator writes the keys
 * (the interfaces below list them in that order); the contract does not make the order part of the type.
 */

/** A node's Raft role (Raft dissertation §3.3; `precandidate` is the PreVote phase of §9.6). */
export const TRACE_ROLES = ['follower', 'precandidate', 'candidate', 'leader'] as const;
export type TraceRole = (typeof TRACE_ROLES)[number];

/** How a run ended: `ok`, a safety violation, or no convergence within the liveness bound. */
export const TRACE_VERDICTS = ['ok', 'safety', 'liveness'] as const;
export type TraceVerdict = (typeof TRACE_VERDICTS)[number];

/** The invariants the checker states (sim/checker.ts), plus `Assertion` for an internal assertion failure. */
export const TRACE_INVARIANTS = [
  'ElectionSafety',
  'LeaderAppendOnly',
  'LogMatching',
  'LeaderCompleteness',
  'StateMachineSafety',
  'Durability',
  'TermMonotonic',
  'CommitMonotonic',
  'AppliedMonotonic',
  'LinearizableRead',
  // The end-of-run check of the whole client history (sim/linearizable.ts).
  'Linearizable',
  // The host contract and durability (sim/contract-checker.ts).
  'DurableBeforeSend',
  'VoteOnce',
  'ElectedByQuorum',
  'RestartFromDurable',
  'AppliedBeyondCommit',
  'CommitDurable',
  'CommitIrrevocable',
  'CommittedTruncated',
  'AckedRetained',
  // Membership changes (sim/membership-checker.ts).
  'ConfigQuorumOverlap',
  'OnePendingConfig',
  'ConfigAfterTermCommit',
  'ConfigInForce',
  'SnapshotConfig',
  'Assertion',
] as const;
export type TraceInvariant = (typeof TRACE_INVARIANTS)[number];

/** Raft message types (raft/types.ts). Their order is the report's message kind code order. */
export const TRACE_MESSAGE_TYPES = [
  'PreVote',
  'PreVoteResponse',
  'RequestVote',
  'RequestVoteResponse',
  'AppendEntries',
  'AppendEntriesResponse',
  'Heartbeat',
  'HeartbeatResponse',
  'TimeoutNow',
  'InstallSnapshot',
  'InstallSnapshotResponse',
  // A receiver could not decode a request (raft/versions.ts); only versioned runs send it.
  'UnsupportedResponse',
] as const;
export type TraceMessageType = (typeof TRACE_MESSAGE_TYPES)[number];

/** The requests a receiver may reject as undecodable (raft/versions.ts). */
export const TRACE_REJECTED_REQUESTS = ['AppendEntries', 'InstallSnapshot'] as const;
export type TraceRejectedRequest = (typeof TRACE_REJECTED_REQUESTS)[number];

/** Why the network lost a message (sim/network.ts). */
export const TRACE_DROP_REASONS = ['random', 'partition', 'oversize', 'node-down', 'clog-overflow', 'filter'] as const;
export type TraceDropReason = (typeof TRACE_DROP_REASONS)[number];

/** The classes of Raft messages a filter picks, and what it does to them. */
export const TRACE_MESSAGE_CLASSES = ['append', 'append-responses', 'heartbeat', 'vote', 'pre-vote', 'snapshot', 'responses', 'requests'] as const;
export type TraceMessageClass = (typeof TRACE_MESSAGE_CLASSES)[number];
export const TRACE_FILTER_ACTIONS = ['drop', 'delay', 'hold'] as const;
export type TraceFilterAction = (typeof TRACE_FILTER_ACTIONS)[number];

/** The leader's view of a follower (etcd-io/raft tracker: probe, replicate, snapshot). */
export const TRACE_PROGRESS_STATES = ['probe', 'replicate', 'snapshot'] as const;
export type TraceProgressState = (typeof TRACE_PROGRESS_STATES)[number];

/** Why a leader stepped down on its own: CheckQuorum (dissertation §6.2). */
export const TRACE_STEP_DOWN_REASONS = ['check-quorum'] as const;
export type TraceStepDownReason = (typeof TRACE_STEP_DOWN_REASONS)[number];

/** Why a membership change was not appended (raft/types.ts ConfChangeResult), `no-leader` when no running
 *  leader could be asked, `no-target` when a target named nobody when the fault fired (no follower running, no
 *  spare left for a replace). */
export const TRACE_CONF_CHANGE_REFUSALS = ['no-target', 'no-leader', 'not-leader', 'transferring', 'not-committed-in-term', 'pending-change', 'invalid'] as const;
export type TraceConfChangeRefusal = (typeof TRACE_CONF_CHANGE_REFUSALS)[number];

/** What fired a local snapshot: the applied-entry count or the time window. */
export const TRACE_SNAPSHOT_TRIGGERS = ['count', 'time'] as const;
export type TraceSnapshotTrigger = (typeof TRACE_SNAPSHOT_TRIGGERS)[number];

/** How the established leader was lost (the start of an election-latency sample, docs/metrics.md). */
export const TRACE_LEADER_LOSS_REASONS = ['crash', 'pause', 'step-down', 'partition'] as const;
export type TraceLeaderLossReason = (typeof TRACE_LEADER_LOSS_REASONS)[number];

/** The fault that changed a node's clock. */
export const TRACE_CLOCK_CHANGES = ['clock-offset', 'clock-drift', 'clock-step'] as const;
export type TraceClockChange = (typeof TRACE_CLOCK_CHANGES)[number];

/** A client operation on the key-value store. */
export const TRACE_CLIENT_OPS = ['put', 'get', 'cas'] as const;
export type TraceClientOp = (typeof TRACE_CLIENT_OPS)[number];

/** The end-of-run linearizability verdict of the client history ('unknown': undecided within the budget or cap). */
export const TRACE_LINEARIZABILITY_VERDICTS = ['ok', 'violation', 'unknown'] as const;
export type TraceLinearizabilityVerdict = (typeof TRACE_LINEARIZABILITY_VERDICTS)[number];

/** meta.params: every parameter of the run, given or drawn from the seed (sim/simulate.ts serializableParams).
 *  Only the node ids are part of the contract; the rest mirrors the simulator's option types, and readers show
 *  it as it is (the report flattens it to dotted keys). */
export interface TraceRunParams {
  readonly nodes: readonly string[];
  readonly [parameter: string]: unknown;
}

/** A latency distribution as the simulator configures it (sim/random.ts Distribution); `floorUs`, when present,
 *  is the least value a draw takes (constant, uniform, normal and exponential only). */
export type TraceDistribution =
  | { readonly kind: 'constant'; readonly valueUs: number; readonly floorUs?: number }
  | { readonly kind: 'uniform'; readonly minUs: number; readonly maxUs: number; readonly floorUs?: number }
  | { readonly kind: 'normal'; readonly meanUs: number; readonly stddevUs: number; readonly floorUs?: number }
  | { readonly kind: 'lognormal'; readonly medianUs: number; readonly sigma: number }
  | { readonly kind: 'exponential'; readonly meanUs: number; readonly floorUs?: number }
  | { readonly kind: 'tail'; readonly baseUs: number; readonly jitterUs: number; readonly tailChance: number; readonly tailMeanUs: number };
export type TraceDistributionKind = TraceDistribution['kind'];

/** The parameters of each distribution kind, for validation (the optional floorUs apart). */
export const TRACE_DISTRIBUTION_PARAMS: { readonly [K in TraceDistributionKind]: readonly Exclude<keyof Extract<TraceDistribution, { kind: K }>, 'kind' | 'floorUs'>[] } = {
  constant: ['valueUs'],
  uniform: ['minUs', 'maxUs'],
  normal: ['meanUs', 'stddevUs'],
  lognormal: ['medianUs', 'sigma'],
  exponential: ['meanUs'],
  tail: ['baseUs', 'jitterUs', 'tailChance', 'tailMeanUs'],
};

/** The link settings a `link` fault changed (a partial sim/network.ts LinkConfig). */
export interface TraceLinkPatch {
  readonly latency?: TraceDistribution;
  readonly dropChance?: number;
  readonly duplicateChance?: number;
  readonly reorderChance?: number;
  readonly reorderDelay?: TraceDistribution;
}
export const TRACE_LINK_PATCH_FIELDS = ['latency', 'dropChance', 'duplicateChance', 'reorderChance', 'reorderDelay'] as const satisfies readonly (keyof TraceLinkPatch)[];

/** A client outcome's value: the value read (null: absent), "ok" for a put, `{ ok, value }` for a cas; null
 *  for a timeout. */
export type TraceClientValue = string | null | { readonly ok: boolean; readonly value: string | null };

/** `partition` records, one shape per kind of cut (sim/nemesis.ts faults partition, isolate, cut-one-way, bridge). */
export type TracePartitionFields =
  | { readonly shape: 'groups'; readonly groups: readonly (readonly string[])[] }
  | { readonly shape: 'isolate'; readonly node: string }
  | { readonly shape: 'one-way'; readonly from: readonly string[]; readonly to: readonly string[] }
  | { readonly shape: 'bridge'; readonly sideA: readonly string[]; readonly sideB: readonly string[]; readonly bridge: string };
export type TracePartitionShape = TracePartitionFields['shape'];

/** The fields of every record type besides `t` and `type`, in the order the simulator writes them. */
export interface TraceRecordFields {
  // Run framing
  meta: { readonly seed: number; readonly scenario: string; readonly params: TraceRunParams };
  /** `hash` is null when the run did not hash its trace; invariant and message only on a violation. */
  end: { readonly hash: string | null; readonly verdict: TraceVerdict; readonly invariant?: TraceInvariant; readonly message?: string };
  // Raft roles and elections
  role: { readonly node: string; readonly role: TraceRole; readonly term: number; readonly leader: string | null };
  election: { readonly node: string; readonly preVote: boolean; readonly term: number; readonly transfer: boolean };
  'election-lost': { readonly node: string; readonly preVote: boolean; readonly term: number; readonly votesFor: number; readonly votesAgainst: number };
  'step-down': { readonly node: string; readonly term: number; readonly reason: TraceStepDownReason };
  'transfer-start': { readonly node: string; readonly to: string; readonly term: number };
  'transfer-abort': { readonly node: string; readonly to: string; readonly term: number };
  progress: { readonly node: string; readonly peer: string; readonly state: TraceProgressState };
  // Membership (Raft dissertation ch. 4)
  /** The configuration in force at `node` changed: the configuration entry's (or snapshot's) index, in etcd's
   *  notation (`voters=(n1 n2 n3)&&(n1 n2) learners=(n4)`). */
  membership: { readonly node: string; readonly index: number; readonly term: number; readonly config: string; readonly joint: boolean };
  /** A leader appended a configuration entry; `auto` when it left a joint configuration on its own. */
  'conf-change': { readonly node: string; readonly index: number; readonly term: number; readonly request: string; readonly auto: boolean };
  /** A membership change the harness proposed was not appended; `node` is the leader asked (null: none was
   *  running). `final`: no further attempt follows. */
  'conf-change-refused': {
    readonly node: string | null;
    readonly request: string;
    readonly reason: TraceConfChangeRefusal;
    readonly detail: string;
    readonly attempt: number;
    readonly final: boolean;
  };
  /** A leader no longer a voter of the configuration in force stepped down. */
  'removed-step-down': { readonly node: string; readonly term: number };
  /** A spare server (not in the bootstrap configuration) started for the first time, with an empty log. */
  boot: { readonly node: string };
  // Replication, commit, apply
  commit: { readonly node: string; readonly index: number; readonly term: number };
  apply: { readonly node: string; readonly index: number; readonly term: number; readonly digest: string };
  'snapshot-install': { readonly node: string; readonly index: number; readonly term: number };
  // Compaction and measurements
  'snapshot-start': { readonly node: string; readonly index: number; readonly trigger: TraceSnapshotTrigger; readonly round: string };
  /** `intendedUs` only for the time trigger. */
  snapshot: {
    readonly node: string;
    readonly index: number;
    readonly term: number;
    readonly trigger: TraceSnapshotTrigger;
    readonly round: string;
    readonly bytes: number;
    readonly startedUs: number;
    readonly intendedUs?: number;
  };
  'snapshot-skip': { readonly node: string; readonly index: number; readonly round: string; readonly intendedUs?: number };
  compact: { readonly node: string; readonly index: number; readonly retained: number; readonly diskBytes: number };
  log: {
    readonly node: string;
    readonly entries: number;
    readonly bytes: number;
    readonly firstIndex: number;
    readonly lastIndex: number;
    readonly snapshotIndex: number;
    readonly applied: number;
    readonly commit: number;
  };
  stall: { readonly node: string; readonly beganAtUs: number; readonly reason: string };
  'leader-lost': { readonly node: string; readonly term: number; readonly why: TraceLeaderLossReason };
  'election-latency': { readonly latencyUs: number; readonly fromUs: number; readonly toUs: number; readonly leader: string; readonly term: number };
  // Messages
  send: { readonly from: string; readonly to: string; readonly msg: TraceMessageType; readonly id: number };
  deliver: { readonly from: string; readonly to: string; readonly msg: TraceMessageType; readonly id: number };
  drop: { readonly from: string; readonly to: string; readonly msg: TraceMessageType; readonly id: number; readonly reason: TraceDropReason };
  // Process faults
  crash: { readonly node: string; readonly lostRecords: number; readonly tornRecords: number };
  restart: { readonly node: string; readonly term: number; readonly commit: number; readonly lastIndex: number };
  pause: { readonly node: string; readonly durationUs: number };
  resume: { readonly node: string };
  slow: { readonly node: string; readonly delayUs: number };
  // Versions (raft/versions.ts, docs/versions.md)
  /** `node` restarted onto another version (an upgrade, or a downgrade when `to` < `from`) with the same disk. */
  upgrade: { readonly node: string; readonly from: number; readonly to: number };
  /** `node` (of `version`) could not decode a request from `from` and answered with an UnsupportedResponse;
   *  `what` says what: `snapshot-encoding compressed`, `entry-format 2`. */
  unsupported: { readonly node: string; readonly from: string; readonly rejected: TraceRejectedRequest; readonly what: string; readonly version: number };
  /** The node's state machine applies nothing for durationUs (Raft goes on committing). */
  'apply-stall': { readonly node: string; readonly durationUs: number };
  // Network faults
  partition: TracePartitionFields;
  /** `all: true` is the liveness phase's full heal (also unclogs, resets links, clears slow handlers). */
  heal: { readonly all?: true };
  /** One node's isolation ended (an armed isolation undone): its links uncut, except to nodes still isolated. */
  rejoin: { readonly node: string };
  link: { readonly from: string; readonly to: string; readonly bothWays: boolean; readonly patch: TraceLinkPatch };
  'link-reset': Record<never, never>;
  clog: { readonly from: string; readonly to: string };
  unclog: { readonly from: string; readonly to: string };
  /** A filter on one class of messages (sim/nemesis.ts MessageClass) from -> to; in force until filters-cleared
   *  or the liveness phase's heal. */
  filter: { readonly from: readonly string[]; readonly to: readonly string[]; readonly messages: TraceMessageClass; readonly action: TraceFilterAction; readonly delayUs: number };
  'filters-cleared': Record<never, never>;
  // Clocks
  clock: { readonly node: string; readonly change: TraceClockChange; readonly offsetUs: number; readonly driftPpm: number };
  // Client history
  /** `value` is null for a get; `expected` only for a cas. */
  invoke: { readonly client: string; readonly id: number; readonly op: TraceClientOp; readonly key: string; readonly value: string | null; readonly expected?: string | null };
  ok: { readonly client: string; readonly id: number; readonly value: TraceClientValue; readonly latencyUs: number };
  fail: { readonly client: string; readonly id: number; readonly value: TraceClientValue; readonly latencyUs: number };
  timeout: { readonly client: string; readonly id: number; readonly value: TraceClientValue; readonly latencyUs: number };
  /** The check of the whole client history, just before `end`. `key`: the violating or undecided key; on a
   *  violation `stuck`, `subHistory` and `context` (the writes of values it read, for the picture) name
   *  operations as `client#id` (their invoke/ok/timeout records). */
  linearizability: {
    readonly verdict: TraceLinearizabilityVerdict;
    readonly operations: number;
    readonly keys: number;
    readonly unknownOutcomes: number;
    readonly notRecorded: number;
    readonly stepsUsed: number;
    readonly reason: string;
    readonly key?: string;
    readonly stuck?: string;
    readonly subHistory?: readonly string[];
    readonly context?: readonly string[];
  };
}

export type TraceRecordType = keyof TraceRecordFields;

/** One record of the trace. `t` is the true (virtual) time in microseconds. */
export type TraceRecord = { [K in TraceRecordType]: { readonly t: number; readonly type: K } & TraceRecordFields[K] }[TraceRecordType];

/** The record of one type, e.g. TraceRecordOf<'role'>. */
export type TraceRecordOf<K extends TraceRecordType> = Extract<TraceRecord, { readonly type: K }>;

// ------------------------------------------------------------------ the run-time schema

/** How a field is checked at run time. */
export type FieldKind =
  | 'string'
  | 'int'
  | 'number'
  | 'boolean'
  | 'true'
  | 'string-or-null'
  | 'string-list'
  | 'string-groups'
  | 'one-of'
  | 'run-params'
  | 'link-patch'
  | 'client-value';

export interface FieldSpec {
  readonly kind: FieldKind;
  /** For 'one-of': the allowed values. */
  readonly values?: readonly string[];
  /** The field may be absent. */
  readonly optional?: true;
}

/** The spec a field of type V must have (never when the contract uses a type the schema cannot check). */
type SpecFor<V> = [V] extends [true]
  ? { readonly kind: 'true' }
  : [V] extends [boolean]
    ? { readonly kind: 'boolean' }
    : [V] extends [number]
      ? { readonly kind: 'int' | 'number' }
      : [V] extends [string]
        ? string extends V
          ? { readonly kind: 'string' }
          : { readonly kind: 'one-of'; readonly values: readonly V[] }
        : [V] extends [string | null]
          ? { readonly kind: 'string-or-null' }
          : [V] extends [readonly string[]]
            ? { readonly kind: 'string-list' }
            : [V] extends [readonly (readonly string[])[]]
              ? { readonly kind: 'string-groups' }
              : [V] extends [TraceRunParams]
                ? { readonly kind: 'run-params' }
                : [V] extends [TraceClientValue]
                  ? { readonly kind: 'client-value' }
                  : [V] extends [TraceLinkPatch]
                    ? { readonly kind: 'link-patch' }
                    : never;

/** One spec per field, no more and no fewer; optional fields (and only they) say `optional: true`. */
type FieldsSchema<T> = {
  readonly [F in keyof T]-?: undefined extends T[F] ? SpecFor<Exclude<T[F], undefined>> & { readonly optional: true } : SpecFor<T[F]> & { readonly optional?: never };
};

/** A record type whose fields depend on a `shape` (partition): the fields of each shape besides `shape`. */
interface VariantSchema<T extends { readonly shape: string }> {
  readonly variantsBy: 'shape';
  readonly variants: { readonly [S in T['shape']]: FieldsSchema<Omit<Extract<T, { readonly shape: S }>, 'shape'>> };
}

type RecordSchema<T> = [T] extends [{ readonly shape: string }] ? VariantSchema<T> : FieldsSchema<T>;

/** The schema type: one entry per record type (the compiler rejects a missing or an extra type, field or shape). */
export type TraceSchema = { readonly [K in TraceRecordType]: RecordSchema<TraceRecordFields[K]> };

const str = { kind: 'string' } as const;
const int = { kind: 'int' } as const;
const num = { kind: 'number' } as const;
const bool = { kind: 'boolean' } as const;
const stringOrNull = { kind: 'string-or-null' } as const;
const stringList = { kind: 'string-list' } as const;
const clientValue = { kind: 'client-value' } as const;
function oneOf<V extends string>(values: readonly V[]): { readonly kind: 'one-of'; readonly values: readonly V[] } {
  return { kind: 'one-of', values };
}
function optional<S extends { readonly kind: FieldKind }>(spec: S): S & { readonly optional: true } {
  return { ...spec, optional: true };
}

/** Every record type with its fields, checked against TraceRecordFields by the compiler. */
export const TRACE_RECORD_SCHEMA = {
  meta: { seed: int, scenario: str, params: { kind: 'run-params' } },
  end: { hash: stringOrNull, verdict: oneOf(TRACE_VERDICTS), invariant: optional(oneOf(TRACE_INVARIANTS)), message: optional(str) },
  role: { node: str, role: oneOf(TRACE_ROLES), term: int, leader: stringOrNull },
  election: { node: str, preVote: bool, term: int, transfer: bool },
  'election-lost': { node: str, preVote: bool, term: int, votesFor: int, votesAgainst: int },
  'step-down': { node: str, term: int, reason: oneOf(TRACE_STEP_DOWN_REASONS) },
  'transfer-start': { node: str, to: str, term: int },
  'transfer-abort': { node: str, to: str, term: int },
  progress: { node: str, peer: str, state: oneOf(TRACE_PROGRESS_STATES) },
  membership: { node: str, index: int, term: int, config: str, joint: bool },
  'conf-change': { node: str, index: int, term: int, request: str, auto: bool },
  'conf-change-refused': { node: stringOrNull, request: str, reason: oneOf(TRACE_CONF_CHANGE_REFUSALS), detail: str, attempt: int, final: bool },
  'removed-step-down': { node: str, term: int },
  boot: { node: str },
  commit: { node: str, index: int, term: int },
  apply: { node: str, index: int, term: int, digest: str },
  'snapshot-install': { node: str, index: int, term: int },
  'snapshot-start': { node: str, index: int, trigger: oneOf(TRACE_SNAPSHOT_TRIGGERS), round: str },
  snapshot: { node: str, index: int, term: int, trigger: oneOf(TRACE_SNAPSHOT_TRIGGERS), round: str, bytes: int, startedUs: int, intendedUs: optional(int) },
  'snapshot-skip': { node: str, index: int, round: str, intendedUs: optional(int) },
  compact: { node: str, index: int, retained: int, diskBytes: int },
  log: { node: str, entries: int, bytes: int, firstIndex: int, lastIndex: int, snapshotIndex: int, applied: int, commit: int },
  stall: { node: str, beganAtUs: int, reason: str },
  'leader-lost': { node: str, term: int, why: oneOf(TRACE_LEADER_LOSS_REASONS) },
  'election-latency': { latencyUs: int, fromUs: int, toUs: int, leader: str, term: int },
  send: { from: str, to: str, msg: oneOf(TRACE_MESSAGE_TYPES), id: int },
  deliver: { from: str, to: str, msg: oneOf(TRACE_MESSAGE_TYPES), id: int },
  drop: { from: str, to: str, msg: oneOf(TRACE_MESSAGE_TYPES), id: int, reason: oneOf(TRACE_DROP_REASONS) },
  crash: { node: str, lostRecords: int, tornRecords: int },
  restart: { node: str, term: int, commit: int, lastIndex: int },
  pause: { node: str, durationUs: num },
  resume: { node: str },
  slow: { node: str, delayUs: num },
  upgrade: { node: str, from: int, to: int },
  unsupported: { node: str, from: str, rejected: oneOf(TRACE_REJECTED_REQUESTS), what: str, version: int },
  'apply-stall': { node: str, durationUs: num },
  partition: {
    variantsBy: 'shape',
    variants: {
      groups: { groups: { kind: 'string-groups' } },
      isolate: { node: str },
      'one-way': { from: stringList, to: stringList },
      bridge: { sideA: stringList, sideB: stringList, bridge: str },
    },
  },
  heal: { all: optional({ kind: 'true' } as const) },
  rejoin: { node: str },
  link: { from: str, to: str, bothWays: bool, patch: { kind: 'link-patch' } },
  'link-reset': {},
  clog: { from: str, to: str },
  unclog: { from: str, to: str },
  filter: { from: stringList, to: stringList, messages: oneOf(TRACE_MESSAGE_CLASSES), action: oneOf(TRACE_FILTER_ACTIONS), delayUs: int },
  'filters-cleared': {},
  clock: { node: str, change: oneOf(TRACE_CLOCK_CHANGES), offsetUs: num, driftPpm: num },
  invoke: { client: str, id: int, op: oneOf(TRACE_CLIENT_OPS), key: str, value: stringOrNull, expected: optional(stringOrNull) },
  ok: { client: str, id: int, value: clientValue, latencyUs: int },
  fail: { client: str, id: int, value: clientValue, latencyUs: int },
  timeout: { client: str, id: int, value: clientValue, latencyUs: int },
  linearizability: {
    verdict: oneOf(TRACE_LINEARIZABILITY_VERDICTS),
    operations: int,
    keys: int,
    unknownOutcomes: int,
    notRecorded: int,
    stepsUsed: int,
    reason: str,
    key: optional(str),
    stuck: optional(str),
    subHistory: optional(stringList),
    context: optional(stringList),
  },
} as const satisfies TraceSchema;

/** Every record type, in the order of TRACE_RECORD_SCHEMA (the order docs/trace-format.md presents them). */
export const TRACE_RECORD_TYPES = Object.keys(TRACE_RECORD_SCHEMA) as readonly TraceRecordType[];

const RECORD_TYPE_SET: ReadonlySet<string> = new Set(TRACE_RECORD_TYPES);

export function isTraceRecordType(type: string): type is TraceRecordType {
  return RECORD_TYPE_SET.has(type);
}

/** The fields of a plain record type, or of one shape of a shaped type. */
export type FieldSpecs = { readonly [field: string]: FieldSpec };

/** A record type's schema in a form code can walk: plain fields, or fields per shape. */
export type WalkableSchema = { readonly variantsBy?: undefined; readonly fields: FieldSpecs } | { readonly variantsBy: 'shape'; readonly variants: { readonly [shape: string]: FieldSpecs } };

export function recordSchema(type: TraceRecordType): WalkableSchema {
  const schema = TRACE_RECORD_SCHEMA[type] as FieldSpecs | { readonly variantsBy: 'shape'; readonly variants: { readonly [shape: string]: FieldSpecs } };
  if ('variantsBy' in schema && schema.variantsBy === 'shape') return schema as WalkableSchema;
  return { fields: schema as FieldSpecs };
}

/** The field names of a record type besides `t` and `type`; for a shaped type, `shape` then every shape's fields. */
export function traceRecordFieldNames(type: TraceRecordType): readonly string[] {
  const schema = recordSchema(type);
  if (schema.variantsBy === undefined) return Object.keys(schema.fields);
  const names = ['shape'];
  for (const fields of Object.values(schema.variants)) for (const name of Object.keys(fields)) if (!names.includes(name)) names.push(name);
  return names;
}
