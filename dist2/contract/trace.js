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
export const TRACE_ROLES = ['follower', 'precandidate', 'candidate', 'leader'];
/** How a run ended: `ok`, a safety violation, or no convergence within the liveness bound. */
export const TRACE_VERDICTS = ['ok', 'safety', 'liveness'];
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
    'Assertion',
];
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
];
/** Why the network lost a message (sim/network.ts). */
export const TRACE_DROP_REASONS = ['random', 'partition', 'oversize', 'node-down', 'clog-overflow', 'filter'];
/** The classes of Raft messages a filter picks, and what it does to them. */
export const TRACE_MESSAGE_CLASSES = ['append', 'append-responses', 'heartbeat', 'vote', 'pre-vote', 'snapshot', 'responses', 'requests'];
export const TRACE_FILTER_ACTIONS = ['drop', 'delay', 'hold'];
/** The leader's view of a follower (etcd-io/raft tracker: probe, replicate, snapshot). */
export const TRACE_PROGRESS_STATES = ['probe', 'replicate', 'snapshot'];
/** Why a leader stepped down on its own: CheckQuorum (dissertation §6.2). */
export const TRACE_STEP_DOWN_REASONS = ['check-quorum'];
/** What fired a local snapshot: the applied-entry count or the time window. */
export const TRACE_SNAPSHOT_TRIGGERS = ['count', 'time'];
/** How the established leader was lost (the start of an election-latency sample, docs/metrics.md). */
export const TRACE_LEADER_LOSS_REASONS = ['crash', 'pause', 'step-down', 'partition'];
/** The fault that changed a node's clock. */
export const TRACE_CLOCK_CHANGES = ['clock-offset', 'clock-drift', 'clock-step'];
/** A client operation on the key-value store. */
export const TRACE_CLIENT_OPS = ['put', 'get', 'cas'];
/** The end-of-run linearizability verdict of the client history ('unknown': undecided within the budget or cap). */
export const TRACE_LINEARIZABILITY_VERDICTS = ['ok', 'violation', 'unknown'];
/** The parameters of each distribution kind, for validation. */
export const TRACE_DISTRIBUTION_PARAMS = {
    constant: ['valueUs'],
    uniform: ['minUs', 'maxUs'],
    normal: ['meanUs', 'stddevUs'],
    lognormal: ['medianUs', 'sigma'],
    exponential: ['meanUs'],
    tail: ['baseUs', 'jitterUs', 'tailChance', 'tailMeanUs'],
};
export const TRACE_LINK_PATCH_FIELDS = ['latency', 'dropChance', 'duplicateChance', 'reorderChance', 'reorderDelay'];
const str = { kind: 'string' };
const int = { kind: 'int' };
const num = { kind: 'number' };
const bool = { kind: 'boolean' };
const stringOrNull = { kind: 'string-or-null' };
const stringList = { kind: 'string-list' };
const clientValue = { kind: 'client-value' };
function oneOf(values) {
    return { kind: 'one-of', values };
}
function optional(spec) {
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
    partition: {
        variantsBy: 'shape',
        variants: {
            groups: { groups: { kind: 'string-groups' } },
            isolate: { node: str },
            'one-way': { from: stringList, to: stringList },
            bridge: { sideA: stringList, sideB: stringList, bridge: str },
        },
    },
    heal: { all: optional({ kind: 'true' }) },
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
};
/** Every record type, in the order of TRACE_RECORD_SCHEMA (the order docs/trace-format.md presents them). */
export const TRACE_RECORD_TYPES = Object.keys(TRACE_RECORD_SCHEMA);
const RECORD_TYPE_SET = new Set(TRACE_RECORD_TYPES);
export function isTraceRecordType(type) {
    return RECORD_TYPE_SET.has(type);
}
export function recordSchema(type) {
    const schema = TRACE_RECORD_SCHEMA[type];
    if ('variantsBy' in schema && schema.variantsBy === 'shape')
        return schema;
    return { fields: schema };
}
/** The field names of a record type besides `t` and `type`; for a shaped type, `shape` then every shape's fields. */
export function traceRecordFieldNames(type) {
    const schema = recordSchema(type);
    if (schema.variantsBy === undefined)
        return Object.keys(schema.fields);
    const names = ['shape'];
    for (const fields of Object.values(schema.variants))
        for (const name of Object.keys(fields))
            if (!names.includes(name))
                names.push(name);
    return names;
}
//# sourceMappingURL=trace.js.map