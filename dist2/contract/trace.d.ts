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
export declare const TRACE_ROLES: readonly ["follower", "precandidate", "candidate", "leader"];
export type TraceRole = (typeof TRACE_ROLES)[number];
/** How a run ended: `ok`, a safety violation, or no convergence within the liveness bound. */
export declare const TRACE_VERDICTS: readonly ["ok", "safety", "liveness"];
export type TraceVerdict = (typeof TRACE_VERDICTS)[number];
/** The invariants the checker states (sim/checker.ts), plus `Assertion` for an internal assertion failure. */
export declare const TRACE_INVARIANTS: readonly ["ElectionSafety", "LeaderAppendOnly", "LogMatching", "LeaderCompleteness", "StateMachineSafety", "Durability", "TermMonotonic", "CommitMonotonic", "AppliedMonotonic", "LinearizableRead", "Linearizable", "DurableBeforeSend", "VoteOnce", "ElectedByQuorum", "RestartFromDurable", "AppliedBeyondCommit", "CommitDurable", "CommitIrrevocable", "CommittedTruncated", "Assertion"];
export type TraceInvariant = (typeof TRACE_INVARIANTS)[number];
/** Raft message types (raft/types.ts). Their order is the report's message kind code order. */
export declare const TRACE_MESSAGE_TYPES: readonly ["PreVote", "PreVoteResponse", "RequestVote", "RequestVoteResponse", "AppendEntries", "AppendEntriesResponse", "Heartbeat", "HeartbeatResponse", "TimeoutNow", "InstallSnapshot", "InstallSnapshotResponse"];
export type TraceMessageType = (typeof TRACE_MESSAGE_TYPES)[number];
/** Why the network lost a message (sim/network.ts). */
export declare const TRACE_DROP_REASONS: readonly ["random", "partition", "oversize", "node-down", "clog-overflow", "filter"];
export type TraceDropReason = (typeof TRACE_DROP_REASONS)[number];
/** The classes of Raft messages a filter picks, and what it does to them. */
export declare const TRACE_MESSAGE_CLASSES: readonly ["append", "append-responses", "heartbeat", "vote", "pre-vote", "snapshot", "responses", "requests"];
export type TraceMessageClass = (typeof TRACE_MESSAGE_CLASSES)[number];
export declare const TRACE_FILTER_ACTIONS: readonly ["drop", "delay", "hold"];
export type TraceFilterAction = (typeof TRACE_FILTER_ACTIONS)[number];
/** The leader's view of a follower (etcd-io/raft tracker: probe, replicate, snapshot). */
export declare const TRACE_PROGRESS_STATES: readonly ["probe", "replicate", "snapshot"];
export type TraceProgressState = (typeof TRACE_PROGRESS_STATES)[number];
/** Why a leader stepped down on its own: CheckQuorum (dissertation §6.2). */
export declare const TRACE_STEP_DOWN_REASONS: readonly ["check-quorum"];
export type TraceStepDownReason = (typeof TRACE_STEP_DOWN_REASONS)[number];
/** What fired a local snapshot: the applied-entry count or the time window. */
export declare const TRACE_SNAPSHOT_TRIGGERS: readonly ["count", "time"];
export type TraceSnapshotTrigger = (typeof TRACE_SNAPSHOT_TRIGGERS)[number];
/** How the established leader was lost (the start of an election-latency sample, docs/metrics.md). */
export declare const TRACE_LEADER_LOSS_REASONS: readonly ["crash", "pause", "step-down", "partition"];
export type TraceLeaderLossReason = (typeof TRACE_LEADER_LOSS_REASONS)[number];
/** The fault that changed a node's clock. */
export declare const TRACE_CLOCK_CHANGES: readonly ["clock-offset", "clock-drift", "clock-step"];
export type TraceClockChange = (typeof TRACE_CLOCK_CHANGES)[number];
/** A client operation on the key-value store. */
export declare const TRACE_CLIENT_OPS: readonly ["put", "get", "cas"];
export type TraceClientOp = (typeof TRACE_CLIENT_OPS)[number];
/** The end-of-run linearizability verdict of the client history ('unknown': undecided within the budget or cap). */
export declare const TRACE_LINEARIZABILITY_VERDICTS: readonly ["ok", "violation", "unknown"];
export type TraceLinearizabilityVerdict = (typeof TRACE_LINEARIZABILITY_VERDICTS)[number];
/** meta.params: every parameter of the run, given or drawn from the seed (sim/simulate.ts serializableParams).
 *  Only the node ids are part of the contract; the rest mirrors the simulator's option types, and readers show
 *  it as it is (the report flattens it to dotted keys). */
export interface TraceRunParams {
    readonly nodes: readonly string[];
    readonly [parameter: string]: unknown;
}
/** A latency distribution as the simulator configures it (sim/random.ts Distribution). */
export type TraceDistribution = {
    readonly kind: 'constant';
    readonly valueUs: number;
} | {
    readonly kind: 'uniform';
    readonly minUs: number;
    readonly maxUs: number;
} | {
    readonly kind: 'normal';
    readonly meanUs: number;
    readonly stddevUs: number;
} | {
    readonly kind: 'lognormal';
    readonly medianUs: number;
    readonly sigma: number;
} | {
    readonly kind: 'exponential';
    readonly meanUs: number;
} | {
    readonly kind: 'tail';
    readonly baseUs: number;
    readonly jitterUs: number;
    readonly tailChance: number;
    readonly tailMeanUs: number;
};
export type TraceDistributionKind = TraceDistribution['kind'];
/** The parameters of each distribution kind, for validation. */
export declare const TRACE_DISTRIBUTION_PARAMS: {
    readonly [K in TraceDistributionKind]: readonly Exclude<keyof Extract<TraceDistribution, {
        kind: K;
    }>, 'kind'>[];
};
/** The link settings a `link` fault changed (a partial sim/network.ts LinkConfig). */
export interface TraceLinkPatch {
    readonly latency?: TraceDistribution;
    readonly dropChance?: number;
    readonly duplicateChance?: number;
    readonly reorderChance?: number;
    readonly reorderDelay?: TraceDistribution;
}
export declare const TRACE_LINK_PATCH_FIELDS: readonly ["latency", "dropChance", "duplicateChance", "reorderChance", "reorderDelay"];
/** A client outcome's value: the value read (null: absent), "ok" for a put, `{ ok, value }` for a cas; null
 *  for a timeout. */
export type TraceClientValue = string | null | {
    readonly ok: boolean;
    readonly value: string | null;
};
/** `partition` records, one shape per kind of cut (sim/nemesis.ts faults partition, isolate, cut-one-way, bridge). */
export type TracePartitionFields = {
    readonly shape: 'groups';
    readonly groups: readonly (readonly string[])[];
} | {
    readonly shape: 'isolate';
    readonly node: string;
} | {
    readonly shape: 'one-way';
    readonly from: readonly string[];
    readonly to: readonly string[];
} | {
    readonly shape: 'bridge';
    readonly sideA: readonly string[];
    readonly sideB: readonly string[];
    readonly bridge: string;
};
export type TracePartitionShape = TracePartitionFields['shape'];
/** The fields of every record type besides `t` and `type`, in the order the simulator writes them. */
export interface TraceRecordFields {
    meta: {
        readonly seed: number;
        readonly scenario: string;
        readonly params: TraceRunParams;
    };
    /** `hash` is null when the run did not hash its trace; invariant and message only on a violation. */
    end: {
        readonly hash: string | null;
        readonly verdict: TraceVerdict;
        readonly invariant?: TraceInvariant;
        readonly message?: string;
    };
    role: {
        readonly node: string;
        readonly role: TraceRole;
        readonly term: number;
        readonly leader: string | null;
    };
    election: {
        readonly node: string;
        readonly preVote: boolean;
        readonly term: number;
        readonly transfer: boolean;
    };
    'election-lost': {
        readonly node: string;
        readonly preVote: boolean;
        readonly term: number;
        readonly votesFor: number;
        readonly votesAgainst: number;
    };
    'step-down': {
        readonly node: string;
        readonly term: number;
        readonly reason: TraceStepDownReason;
    };
    'transfer-start': {
        readonly node: string;
        readonly to: string;
        readonly term: number;
    };
    'transfer-abort': {
        readonly node: string;
        readonly to: string;
        readonly term: number;
    };
    progress: {
        readonly node: string;
        readonly peer: string;
        readonly state: TraceProgressState;
    };
    commit: {
        readonly node: string;
        readonly index: number;
        readonly term: number;
    };
    apply: {
        readonly node: string;
        readonly index: number;
        readonly term: number;
        readonly digest: string;
    };
    'snapshot-install': {
        readonly node: string;
        readonly index: number;
        readonly term: number;
    };
    'snapshot-start': {
        readonly node: string;
        readonly index: number;
        readonly trigger: TraceSnapshotTrigger;
        readonly round: string;
    };
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
    'snapshot-skip': {
        readonly node: string;
        readonly index: number;
        readonly round: string;
        readonly intendedUs?: number;
    };
    compact: {
        readonly node: string;
        readonly index: number;
        readonly retained: number;
        readonly diskBytes: number;
    };
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
    stall: {
        readonly node: string;
        readonly beganAtUs: number;
        readonly reason: string;
    };
    'leader-lost': {
        readonly node: string;
        readonly term: number;
        readonly why: TraceLeaderLossReason;
    };
    'election-latency': {
        readonly latencyUs: number;
        readonly fromUs: number;
        readonly toUs: number;
        readonly leader: string;
        readonly term: number;
    };
    send: {
        readonly from: string;
        readonly to: string;
        readonly msg: TraceMessageType;
        readonly id: number;
    };
    deliver: {
        readonly from: string;
        readonly to: string;
        readonly msg: TraceMessageType;
        readonly id: number;
    };
    drop: {
        readonly from: string;
        readonly to: string;
        readonly msg: TraceMessageType;
        readonly id: number;
        readonly reason: TraceDropReason;
    };
    crash: {
        readonly node: string;
        readonly lostRecords: number;
        readonly tornRecords: number;
    };
    restart: {
        readonly node: string;
        readonly term: number;
        readonly commit: number;
        readonly lastIndex: number;
    };
    pause: {
        readonly node: string;
        readonly durationUs: number;
    };
    resume: {
        readonly node: string;
    };
    slow: {
        readonly node: string;
        readonly delayUs: number;
    };
    partition: TracePartitionFields;
    /** `all: true` is the liveness phase's full heal (also unclogs, resets links, clears slow handlers). */
    heal: {
        readonly all?: true;
    };
    link: {
        readonly from: string;
        readonly to: string;
        readonly bothWays: boolean;
        readonly patch: TraceLinkPatch;
    };
    'link-reset': Record<never, never>;
    clog: {
        readonly from: string;
        readonly to: string;
    };
    unclog: {
        readonly from: string;
        readonly to: string;
    };
    /** A filter on one class of messages (sim/nemesis.ts MessageClass) from -> to; in force until filters-cleared
     *  or the liveness phase's heal. */
    filter: {
        readonly from: readonly string[];
        readonly to: readonly string[];
        readonly messages: TraceMessageClass;
        readonly action: TraceFilterAction;
        readonly delayUs: number;
    };
    'filters-cleared': Record<never, never>;
    clock: {
        readonly node: string;
        readonly change: TraceClockChange;
        readonly offsetUs: number;
        readonly driftPpm: number;
    };
    /** `value` is null for a get; `expected` only for a cas. */
    invoke: {
        readonly client: string;
        readonly id: number;
        readonly op: TraceClientOp;
        readonly key: string;
        readonly value: string | null;
        readonly expected?: string | null;
    };
    ok: {
        readonly client: string;
        readonly id: number;
        readonly value: TraceClientValue;
        readonly latencyUs: number;
    };
    fail: {
        readonly client: string;
        readonly id: number;
        readonly value: TraceClientValue;
        readonly latencyUs: number;
    };
    timeout: {
        readonly client: string;
        readonly id: number;
        readonly value: TraceClientValue;
        readonly latencyUs: number;
    };
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
export type TraceRecord = {
    [K in TraceRecordType]: {
        readonly t: number;
        readonly type: K;
    } & TraceRecordFields[K];
}[TraceRecordType];
/** The record of one type, e.g. TraceRecordOf<'role'>. */
export type TraceRecordOf<K extends TraceRecordType> = Extract<TraceRecord, {
    readonly type: K;
}>;
/** How a field is checked at run time. */
export type FieldKind = 'string' | 'int' | 'number' | 'boolean' | 'true' | 'string-or-null' | 'string-list' | 'string-groups' | 'one-of' | 'run-params' | 'link-patch' | 'client-value';
export interface FieldSpec {
    readonly kind: FieldKind;
    /** For 'one-of': the allowed values. */
    readonly values?: readonly string[];
    /** The field may be absent. */
    readonly optional?: true;
}
/** The spec a field of type V must have (never when the contract uses a type the schema cannot check). */
type SpecFor<V> = [V] extends [true] ? {
    readonly kind: 'true';
} : [V] extends [boolean] ? {
    readonly kind: 'boolean';
} : [V] extends [number] ? {
    readonly kind: 'int' | 'number';
} : [V] extends [string] ? string extends V ? {
    readonly kind: 'string';
} : {
    readonly kind: 'one-of';
    readonly values: readonly V[];
} : [V] extends [string | null] ? {
    readonly kind: 'string-or-null';
} : [V] extends [readonly string[]] ? {
    readonly kind: 'string-list';
} : [V] extends [readonly (readonly string[])[]] ? {
    readonly kind: 'string-groups';
} : [V] extends [TraceRunParams] ? {
    readonly kind: 'run-params';
} : [V] extends [TraceClientValue] ? {
    readonly kind: 'client-value';
} : [V] extends [TraceLinkPatch] ? {
    readonly kind: 'link-patch';
} : never;
/** One spec per field, no more and no fewer; optional fields (and only they) say `optional: true`. */
type FieldsSchema<T> = {
    readonly [F in keyof T]-?: undefined extends T[F] ? SpecFor<Exclude<T[F], undefined>> & {
        readonly optional: true;
    } : SpecFor<T[F]> & {
        readonly optional?: never;
    };
};
/** A record type whose fields depend on a `shape` (partition): the fields of each shape besides `shape`. */
interface VariantSchema<T extends {
    readonly shape: string;
}> {
    readonly variantsBy: 'shape';
    readonly variants: {
        readonly [S in T['shape']]: FieldsSchema<Omit<Extract<T, {
            readonly shape: S;
        }>, 'shape'>>;
    };
}
type RecordSchema<T> = [T] extends [{
    readonly shape: string;
}] ? VariantSchema<T> : FieldsSchema<T>;
/** The schema type: one entry per record type (the compiler rejects a missing or an extra type, field or shape). */
export type TraceSchema = {
    readonly [K in TraceRecordType]: RecordSchema<TraceRecordFields[K]>;
};
/** Every record type with its fields, checked against TraceRecordFields by the compiler. */
export declare const TRACE_RECORD_SCHEMA: {
    readonly meta: {
        readonly seed: {
            readonly kind: "int";
        };
        readonly scenario: {
            readonly kind: "string";
        };
        readonly params: {
            readonly kind: "run-params";
        };
    };
    readonly end: {
        readonly hash: {
            readonly kind: "string-or-null";
        };
        readonly verdict: {
            readonly kind: "one-of";
            readonly values: readonly ("ok" | "safety" | "liveness")[];
        };
        readonly invariant: {
            readonly kind: "one-of";
            readonly values: readonly ("ElectionSafety" | "LeaderAppendOnly" | "LogMatching" | "LeaderCompleteness" | "StateMachineSafety" | "Durability" | "TermMonotonic" | "CommitMonotonic" | "AppliedMonotonic" | "LinearizableRead" | "Linearizable" | "DurableBeforeSend" | "VoteOnce" | "ElectedByQuorum" | "RestartFromDurable" | "AppliedBeyondCommit" | "CommitDurable" | "CommitIrrevocable" | "CommittedTruncated" | "Assertion")[];
        } & {
            readonly optional: true;
        };
        readonly message: {
            readonly kind: "string";
        } & {
            readonly optional: true;
        };
    };
    readonly role: {
        readonly node: {
            readonly kind: "string";
        };
        readonly role: {
            readonly kind: "one-of";
            readonly values: readonly ("follower" | "precandidate" | "candidate" | "leader")[];
        };
        readonly term: {
            readonly kind: "int";
        };
        readonly leader: {
            readonly kind: "string-or-null";
        };
    };
    readonly election: {
        readonly node: {
            readonly kind: "string";
        };
        readonly preVote: {
            readonly kind: "boolean";
        };
        readonly term: {
            readonly kind: "int";
        };
        readonly transfer: {
            readonly kind: "boolean";
        };
    };
    readonly 'election-lost': {
        readonly node: {
            readonly kind: "string";
        };
        readonly preVote: {
            readonly kind: "boolean";
        };
        readonly term: {
            readonly kind: "int";
        };
        readonly votesFor: {
            readonly kind: "int";
        };
        readonly votesAgainst: {
            readonly kind: "int";
        };
    };
    readonly 'step-down': {
        readonly node: {
            readonly kind: "string";
        };
        readonly term: {
            readonly kind: "int";
        };
        readonly reason: {
            readonly kind: "one-of";
            readonly values: readonly "check-quorum"[];
        };
    };
    readonly 'transfer-start': {
        readonly node: {
            readonly kind: "string";
        };
        readonly to: {
            readonly kind: "string";
        };
        readonly term: {
            readonly kind: "int";
        };
    };
    readonly 'transfer-abort': {
        readonly node: {
            readonly kind: "string";
        };
        readonly to: {
            readonly kind: "string";
        };
        readonly term: {
            readonly kind: "int";
        };
    };
    readonly progress: {
        readonly node: {
            readonly kind: "string";
        };
        readonly peer: {
            readonly kind: "string";
        };
        readonly state: {
            readonly kind: "one-of";
            readonly values: readonly ("snapshot" | "probe" | "replicate")[];
        };
    };
    readonly commit: {
        readonly node: {
            readonly kind: "string";
        };
        readonly index: {
            readonly kind: "int";
        };
        readonly term: {
            readonly kind: "int";
        };
    };
    readonly apply: {
        readonly node: {
            readonly kind: "string";
        };
        readonly index: {
            readonly kind: "int";
        };
        readonly term: {
            readonly kind: "int";
        };
        readonly digest: {
            readonly kind: "string";
        };
    };
    readonly 'snapshot-install': {
        readonly node: {
            readonly kind: "string";
        };
        readonly index: {
            readonly kind: "int";
        };
        readonly term: {
            readonly kind: "int";
        };
    };
    readonly 'snapshot-start': {
        readonly node: {
            readonly kind: "string";
        };
        readonly index: {
            readonly kind: "int";
        };
        readonly trigger: {
            readonly kind: "one-of";
            readonly values: readonly ("count" | "time")[];
        };
        readonly round: {
            readonly kind: "string";
        };
    };
    readonly snapshot: {
        readonly node: {
            readonly kind: "string";
        };
        readonly index: {
            readonly kind: "int";
        };
        readonly term: {
            readonly kind: "int";
        };
        readonly trigger: {
            readonly kind: "one-of";
            readonly values: readonly ("count" | "time")[];
        };
        readonly round: {
            readonly kind: "string";
        };
        readonly bytes: {
            readonly kind: "int";
        };
        readonly startedUs: {
            readonly kind: "int";
        };
        readonly intendedUs: {
            readonly kind: "int";
        } & {
            readonly optional: true;
        };
    };
    readonly 'snapshot-skip': {
        readonly node: {
            readonly kind: "string";
        };
        readonly index: {
            readonly kind: "int";
        };
        readonly round: {
            readonly kind: "string";
        };
        readonly intendedUs: {
            readonly kind: "int";
        } & {
            readonly optional: true;
        };
    };
    readonly compact: {
        readonly node: {
            readonly kind: "string";
        };
        readonly index: {
            readonly kind: "int";
        };
        readonly retained: {
            readonly kind: "int";
        };
        readonly diskBytes: {
            readonly kind: "int";
        };
    };
    readonly log: {
        readonly node: {
            readonly kind: "string";
        };
        readonly entries: {
            readonly kind: "int";
        };
        readonly bytes: {
            readonly kind: "int";
        };
        readonly firstIndex: {
            readonly kind: "int";
        };
        readonly lastIndex: {
            readonly kind: "int";
        };
        readonly snapshotIndex: {
            readonly kind: "int";
        };
        readonly applied: {
            readonly kind: "int";
        };
        readonly commit: {
            readonly kind: "int";
        };
    };
    readonly stall: {
        readonly node: {
            readonly kind: "string";
        };
        readonly beganAtUs: {
            readonly kind: "int";
        };
        readonly reason: {
            readonly kind: "string";
        };
    };
    readonly 'leader-lost': {
        readonly node: {
            readonly kind: "string";
        };
        readonly term: {
            readonly kind: "int";
        };
        readonly why: {
            readonly kind: "one-of";
            readonly values: readonly ("partition" | "crash" | "pause" | "step-down")[];
        };
    };
    readonly 'election-latency': {
        readonly latencyUs: {
            readonly kind: "int";
        };
        readonly fromUs: {
            readonly kind: "int";
        };
        readonly toUs: {
            readonly kind: "int";
        };
        readonly leader: {
            readonly kind: "string";
        };
        readonly term: {
            readonly kind: "int";
        };
    };
    readonly send: {
        readonly from: {
            readonly kind: "string";
        };
        readonly to: {
            readonly kind: "string";
        };
        readonly msg: {
            readonly kind: "one-of";
            readonly values: readonly ("PreVote" | "PreVoteResponse" | "RequestVote" | "RequestVoteResponse" | "AppendEntries" | "AppendEntriesResponse" | "Heartbeat" | "HeartbeatResponse" | "TimeoutNow" | "InstallSnapshot" | "InstallSnapshotResponse")[];
        };
        readonly id: {
            readonly kind: "int";
        };
    };
    readonly deliver: {
        readonly from: {
            readonly kind: "string";
        };
        readonly to: {
            readonly kind: "string";
        };
        readonly msg: {
            readonly kind: "one-of";
            readonly values: readonly ("PreVote" | "PreVoteResponse" | "RequestVote" | "RequestVoteResponse" | "AppendEntries" | "AppendEntriesResponse" | "Heartbeat" | "HeartbeatResponse" | "TimeoutNow" | "InstallSnapshot" | "InstallSnapshotResponse")[];
        };
        readonly id: {
            readonly kind: "int";
        };
    };
    readonly drop: {
        readonly from: {
            readonly kind: "string";
        };
        readonly to: {
            readonly kind: "string";
        };
        readonly msg: {
            readonly kind: "one-of";
            readonly values: readonly ("PreVote" | "PreVoteResponse" | "RequestVote" | "RequestVoteResponse" | "AppendEntries" | "AppendEntriesResponse" | "Heartbeat" | "HeartbeatResponse" | "TimeoutNow" | "InstallSnapshot" | "InstallSnapshotResponse")[];
        };
        readonly id: {
            readonly kind: "int";
        };
        readonly reason: {
            readonly kind: "one-of";
            readonly values: readonly ("random" | "partition" | "oversize" | "node-down" | "clog-overflow" | "filter")[];
        };
    };
    readonly crash: {
        readonly node: {
            readonly kind: "string";
        };
        readonly lostRecords: {
            readonly kind: "int";
        };
        readonly tornRecords: {
            readonly kind: "int";
        };
    };
    readonly restart: {
        readonly node: {
            readonly kind: "string";
        };
        readonly term: {
            readonly kind: "int";
        };
        readonly commit: {
            readonly kind: "int";
        };
        readonly lastIndex: {
            readonly kind: "int";
        };
    };
    readonly pause: {
        readonly node: {
            readonly kind: "string";
        };
        readonly durationUs: {
            readonly kind: "number";
        };
    };
    readonly resume: {
        readonly node: {
            readonly kind: "string";
        };
    };
    readonly slow: {
        readonly node: {
            readonly kind: "string";
        };
        readonly delayUs: {
            readonly kind: "number";
        };
    };
    readonly partition: {
        readonly variantsBy: "shape";
        readonly variants: {
            readonly groups: {
                readonly groups: {
                    readonly kind: "string-groups";
                };
            };
            readonly isolate: {
                readonly node: {
                    readonly kind: "string";
                };
            };
            readonly 'one-way': {
                readonly from: {
                    readonly kind: "string-list";
                };
                readonly to: {
                    readonly kind: "string-list";
                };
            };
            readonly bridge: {
                readonly sideA: {
                    readonly kind: "string-list";
                };
                readonly sideB: {
                    readonly kind: "string-list";
                };
                readonly bridge: {
                    readonly kind: "string";
                };
            };
        };
    };
    readonly heal: {
        readonly all: {
            readonly kind: "true";
        } & {
            readonly optional: true;
        };
    };
    readonly link: {
        readonly from: {
            readonly kind: "string";
        };
        readonly to: {
            readonly kind: "string";
        };
        readonly bothWays: {
            readonly kind: "boolean";
        };
        readonly patch: {
            readonly kind: "link-patch";
        };
    };
    readonly 'link-reset': {};
    readonly clog: {
        readonly from: {
            readonly kind: "string";
        };
        readonly to: {
            readonly kind: "string";
        };
    };
    readonly unclog: {
        readonly from: {
            readonly kind: "string";
        };
        readonly to: {
            readonly kind: "string";
        };
    };
    readonly filter: {
        readonly from: {
            readonly kind: "string-list";
        };
        readonly to: {
            readonly kind: "string-list";
        };
        readonly messages: {
            readonly kind: "one-of";
            readonly values: readonly ("append" | "append-responses" | "heartbeat" | "vote" | "pre-vote" | "snapshot" | "responses" | "requests")[];
        };
        readonly action: {
            readonly kind: "one-of";
            readonly values: readonly ("drop" | "delay" | "hold")[];
        };
        readonly delayUs: {
            readonly kind: "int";
        };
    };
    readonly 'filters-cleared': {};
    readonly clock: {
        readonly node: {
            readonly kind: "string";
        };
        readonly change: {
            readonly kind: "one-of";
            readonly values: readonly ("clock-offset" | "clock-drift" | "clock-step")[];
        };
        readonly offsetUs: {
            readonly kind: "number";
        };
        readonly driftPpm: {
            readonly kind: "number";
        };
    };
    readonly invoke: {
        readonly client: {
            readonly kind: "string";
        };
        readonly id: {
            readonly kind: "int";
        };
        readonly op: {
            readonly kind: "one-of";
            readonly values: readonly ("put" | "get" | "cas")[];
        };
        readonly key: {
            readonly kind: "string";
        };
        readonly value: {
            readonly kind: "string-or-null";
        };
        readonly expected: {
            readonly kind: "string-or-null";
        } & {
            readonly optional: true;
        };
    };
    readonly ok: {
        readonly client: {
            readonly kind: "string";
        };
        readonly id: {
            readonly kind: "int";
        };
        readonly value: {
            readonly kind: "client-value";
        };
        readonly latencyUs: {
            readonly kind: "int";
        };
    };
    readonly fail: {
        readonly client: {
            readonly kind: "string";
        };
        readonly id: {
            readonly kind: "int";
        };
        readonly value: {
            readonly kind: "client-value";
        };
        readonly latencyUs: {
            readonly kind: "int";
        };
    };
    readonly timeout: {
        readonly client: {
            readonly kind: "string";
        };
        readonly id: {
            readonly kind: "int";
        };
        readonly value: {
            readonly kind: "client-value";
        };
        readonly latencyUs: {
            readonly kind: "int";
        };
    };
    readonly linearizability: {
        readonly verdict: {
            readonly kind: "one-of";
            readonly values: readonly ("ok" | "violation" | "unknown")[];
        };
        readonly operations: {
            readonly kind: "int";
        };
        readonly keys: {
            readonly kind: "int";
        };
        readonly unknownOutcomes: {
            readonly kind: "int";
        };
        readonly notRecorded: {
            readonly kind: "int";
        };
        readonly stepsUsed: {
            readonly kind: "int";
        };
        readonly reason: {
            readonly kind: "string";
        };
        readonly key: {
            readonly kind: "string";
        } & {
            readonly optional: true;
        };
        readonly stuck: {
            readonly kind: "string";
        } & {
            readonly optional: true;
        };
        readonly subHistory: {
            readonly kind: "string-list";
        } & {
            readonly optional: true;
        };
        readonly context: {
            readonly kind: "string-list";
        } & {
            readonly optional: true;
        };
    };
};
/** Every record type, in the order of TRACE_RECORD_SCHEMA (the order docs/trace-format.md presents them). */
export declare const TRACE_RECORD_TYPES: readonly TraceRecordType[];
export declare function isTraceRecordType(type: string): type is TraceRecordType;
/** The fields of a plain record type, or of one shape of a shaped type. */
export type FieldSpecs = {
    readonly [field: string]: FieldSpec;
};
/** A record type's schema in a form code can walk: plain fields, or fields per shape. */
export type WalkableSchema = {
    readonly variantsBy?: undefined;
    readonly fields: FieldSpecs;
} | {
    readonly variantsBy: 'shape';
    readonly variants: {
        readonly [shape: string]: FieldSpecs;
    };
};
export declare function recordSchema(type: TraceRecordType): WalkableSchema;
/** The field names of a record type besides `t` and `type`; for a shaped type, `shape` then every shape's fields. */
export declare function traceRecordFieldNames(type: TraceRecordType): readonly string[];
export {};
