import type { Entry, Snapshot } from './types.js';
export declare class RaftLog {
    private compactedIndex;
    private compactedTerm;
    /** Stable entries in stable[stableStart .. stableEnd): stable[stableStart + k].index === compactedIndex + 1 + k.
     *  Entries at or past unstableOffset are obsolete. Slots outside that range hold undefined: compaction clears the
     *  dropped prefix and moves the rest down only once the cleared prefix is as long as what remains, and the
     *  array is never shortened, so a log compacted every few thousand entries keeps reusing one array instead of
     *  copying its tail into a fresh one and growing that again entry by entry. */
    private stable;
    private stableStart;
    private stableEnd;
    /** Unstable entries; unstable[k].index === unstableOffset + k. */
    private unstable;
    private unstableOffset;
    /** A snapshot received from the leader, not yet persisted. */
    private pendingSnapshot;
    /** The latest durable snapshot (for sending to followers). */
    private latestSnapshot;
    /** Highest index known committed (paper Figure 2, commitIndex). */
    committed: number;
    /** Highest index handed to the caller for applying. */
    applying: number;
    /** Highest index the caller reports applied (paper Figure 2, lastApplied). */
    applied: number;
    /** Rebuilds the log from what the caller recovered from disk. */
    static restore(snapshot: Snapshot | null, entries: readonly Entry[], commit: number): RaftLog;
    firstIndex(): number;
    lastIndex(): number;
    lastTerm(): number;
    /** The term of entry `index`, or undefined when it was compacted away or does not exist yet. */
    term(index: number): number | undefined;
    entry(index: number): Entry | undefined;
    matchTerm(index: number, term: number): boolean;
    /** Paper 5.4.1: a log is at least as up-to-date if its last term is higher, or equal with an index at least as large.
     *  `byIndexOnly` is the broken variant unsafe.upToDateByIndexOnly: "the longer log wins", whatever its terms. */
    isUpToDate(lastIndex: number, lastTerm: number, byIndexOnly?: boolean): boolean;
    /** Entries in [from, to] capped at maxBytes (at least one entry is returned when the range is non-empty). */
    slice(from: number, to: number, maxBytes: number): Entry[];
    /** Appends entries that follow or overwrite the tail. Overwriting committed entries is a safety bug. */
    append(entries: readonly Entry[]): void;
    /**
     * Follower side of AppendEntries (paper Figure 2, receiver rules 3 and 4): skips entries already present
     * with the same term (a reordered or duplicated message must not truncate), truncates at the first
     * conflict, appends the rest. Returns the index of the last entry the message covers.
     * `truncateAlways` is the broken variant unsafe.truncateOnEveryAppend: the log is cut after prevLogIndex and the
     * message's entries appended, so a reordered, shorter message removes entries already acknowledged (the
     * caller has checked prevLogIndex >= committed, so the cut never reaches a committed entry).
     */
    appendFromLeader(prevLogIndex: number, entries: readonly Entry[], truncateAlways?: boolean): number;
    /** The follower's conflict hint (etcd findConflictByTerm): the largest index <= index whose term <= term. */
    findConflictByTerm(index: number, term: number): {
        index: number;
        term: number;
    };
    commitTo(index: number): boolean;
    /** Everything not yet handed to the caller for persistence. */
    unstableEntries(): readonly Entry[];
    pendingSnapshotToPersist(): Snapshot | null;
    /** The caller persisted entries up to (index, term): move them to the stable part. Ignored when the
     *  unstable tail changed meanwhile (the entry at index has another term or is gone). */
    stableTo(index: number, term: number): void;
    stableSnapshotTo(index: number): void;
    /** Last index that is durable (entries below the unstable tail). */
    persistedLastIndex(): number;
    /** Committed, durable entries not yet handed out for applying. */
    nextCommittedEntries(maxBytes: number): Entry[];
    hasNextCommittedEntries(): boolean;
    markApplying(index: number): void;
    appliedTo(index: number): void;
    /** Follower: replace the whole log by a snapshot from the leader (paper 7, InstallSnapshot receiver rules 6-8). */
    restoreSnapshot(snapshot: Snapshot): void;
    /** Records a snapshot the caller made of its own state machine; the image is what followers are sent. */
    setLatestSnapshot(snapshot: Snapshot): void;
    snapshot(): Snapshot | null;
    /** Drops stable entries up to and including `index` (log compaction, paper 7). Only durable, applied
     *  entries covered by a durable snapshot may be dropped. */
    compactTo(index: number): void;
    get compacted(): {
        index: number;
        term: number;
    };
    /** Number and bytes of entries retained (stable and unstable). */
    retained(): {
        entries: number;
        bytes: number;
    };
    checkInvariants(): void;
    private checkContiguous;
}
