import type { TraceInvariant } from '../contract/trace.js';
import type { Entry, NodeId } from '../raft/types.js';
/** The invariants, as the trace contract lists them (contract/trace.ts), without the simulator's `Assertion`. */
export type InvariantName = Exclude<TraceInvariant, 'Assertion'>;
export interface Violation {
    readonly invariant: InvariantName;
    readonly message: string;
    readonly timeUs: number;
    readonly event: string;
    readonly seed: number;
    readonly nodes: readonly NodeId[];
    readonly state: Record<NodeId, unknown>;
}
export declare class SafetyViolation extends Error {
    readonly violation: Violation;
    constructor(violation: Violation);
}
/** Stops the run with a violation of `invariant`, naming the event, the seed and the state of `nodes`. */
export declare function raiseViolation(context: CheckerContext, invariant: InvariantName, message: string, nodes: readonly NodeId[]): never;
/** What the checker needs to read of a node's log. */
export interface LogView {
    firstIndex(): number;
    lastIndex(): number;
    term(index: number): number | undefined;
    entry(index: number): Entry | undefined;
}
export interface CheckerContext {
    readonly seed: number;
    nowUs(): number;
    currentEvent(): string;
    nodeState(id: NodeId): unknown;
}
export declare class SafetyChecker {
    private readonly context;
    private readonly digestOf;
    private readonly leaderOfTerm;
    /** What was committed, per index: first = the entry's term, second = the commit term (currentTerm of the node
     *  that first saw it committed, i.e. the term of the leader that committed it; +Infinity when first seen
     *  applied), and the entry's digest. */
    private readonly committed;
    /** Log Matching: per index, the first (term, command, term at index - 1) seen, as first = term, second =
     *  prevTerm (-1 when unknown) and the digest; further terms seen at an index (diverging logs) in
     *  `moreIdentities`. */
    private readonly identities;
    private readonly moreIdentities;
    private readonly watches;
    /** Writes acknowledged to clients: index -> digest. */
    private readonly acknowledged;
    checks: number;
    constructor(context: CheckerContext, digestOf: (entry: Entry) => string);
    /** The last watch looked up: the checker is called several times per event for one node, and a watch is
     *  never removed, so this one-entry cache saves most Map lookups. */
    private lastWatchId;
    private lastWatch;
    private watch;
    private fail;
    /** Paper 5.2 Election Safety: at most one leader per term. Paper 5.4 Leader Completeness: the new leader holds
     *  every entry committed so far (in earlier terms). */
    onLeader(id: NodeId, term: number, log: LogView): void;
    /** Leader Append-Only: while a node leads a term, its log only grows. Called after every event on a leader. */
    onLeaderEvent(id: NodeId, term: number, log: LogView): void;
    onLeaderLost(id: NodeId): void;
    /** Log Matching (paper 5.3): two entries with the same index and term hold the same command, and the logs
     *  agree before them. Checked inductively: each (index, term) must always have the same command and the
     *  same term at index - 1. */
    onEntriesAppended(id: NodeId, entries: readonly Entry[], log: LogView): void;
    onTerm(id: NodeId, term: number): void;
    /** Commit never decreases and never disagrees with what any node committed at that index. */
    onCommit(id: NodeId, index: number, log: LogView, currentTerm: number): void;
    /** State Machine Safety (paper 5.4.3): no two nodes apply different entries at one index. */
    onApply(id: NodeId, entry: Entry): void;
    /** Paper 7: a snapshot stands for the log prefix up to its index, so its lastIncludedTerm must be the term of the
     *  entry committed at that index. Checked when a node takes one and when a follower installs one. */
    onSnapshot(id: NodeId, index: number, term: number, how: 'took' | 'installed'): void;
    /** A snapshot replaced the state machine: applied restarts from the snapshot's index. */
    onSnapshotApplied(id: NodeId, index: number): void;
    /** After a restart, commit and applied legitimately restart from what was durable. */
    onRestart(id: NodeId, term: number, commit: number, applied: number): void;
    /** A write was acknowledged to a client at `index`. It must be committed, and stay so. */
    onAcknowledged(id: NodeId, index: number, digest: string): void;
    /** A read returned a value older than a write that completed before it began (e.g. a lease read on a leader
     *  whose clock drifted past the lease's drift bound). */
    onStaleRead(servedBy: NodeId, message: string): never;
    /** Final check: every acknowledged write is in the converged log. */
    checkAcknowledgedIn(id: NodeId, log: LogView): void;
    /** The term committed at `index`, as far as the checker has seen (undefined when unknown or pruned). */
    committedTermAt(index: number): number | undefined;
    /** The term of the node that first saw `index` committed (the committing leader's term, as a follower learns
     *  it in that leader's term); undefined when unknown or pruned, Infinity when first seen applied. */
    committedInTermAt(index: number): number | undefined;
    /** Bounds memory: nothing below `index` is needed any more (every node has it durably applied or snapshotted). */
    pruneBelow(index: number): void;
}
