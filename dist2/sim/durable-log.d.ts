import type { NodeId } from '../raft/types.js';
import type { WalRecord } from './cluster/wal.js';
/** The part of a Disk<WalRecord> the shadow reads. */
export interface DurableRecords {
    readonly durableRecordCount: number;
    recordAt(position: number): WalRecord;
    isTorn(position: number): boolean;
}
/** Told of every durable entry that a record removes or replaces with another term (not of entries a snapshot of the
 *  node's own covers: those are compacted, not lost). */
export type TruncationObserver = (index: number, oldTerm: number, newTerm: number | undefined) => void;
export declare class DurableLog {
    /** Set by the contract checker: a committed entry must never be truncated from a durable log. */
    onTruncate: TruncationObserver | null;
    term: number;
    /** The durable term before the records of the fsync being read (what the node had persisted before the Ready
     *  that wrote them): a truncation is judged by what the node knew when it took the write. */
    termBeforeSync: number;
    vote: NodeId | null;
    commit: number;
    snapshotIndex: number;
    snapshotTerm: number;
    /** Terms of the durable entries snapshotIndex + 1 .. lastIndex: terms[k] is the term of index snapshotIndex + 1 + k. */
    private terms;
    /** Disk records applied so far (positions 0 .. appliedRecords). */
    appliedRecords: number;
    lastIndex(): number;
    lastTerm(): number;
    /** The durable term at `index`: the snapshot's for its own index, undefined below it (covered) or past the end. */
    termAt(index: number): number | undefined;
    /** True when a crash now would keep the entry (index, term), or a snapshot covering it. */
    holds(index: number, term: number): boolean;
    apply(record: WalRecord): void;
    /** Reports the durable entries from `from` on that `replacement` (an entries record, or none) does not keep. */
    private reportDropped;
    /** Reads the records that became durable since the last call (after an fsync completed). A torn record is not
     *  read, and reading stops at it: recovery cuts the log there, and records written after a restart take its place. */
    catchUp(disk: DurableRecords): void;
    /** The WAL was rewritten whole (compaction): read it again from the start. */
    rebuild(disk: DurableRecords): void;
    /** Starts over (the WAL was rewritten whole by compaction). */
    reset(): void;
    /** A node's own snapshot: the entries after it stay; those it covers are dropped. */
    private coverWithSnapshot;
}
