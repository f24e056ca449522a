// What one node's disk would give back if the node crashed right now, kept up to date as fsyncs complete:
// the durable hard state (term, vote, commit) and the durable log as (index, term) pairs. The host-contract
// checks (contract-checker.ts) compare what a node says and does against it: a vote, a term or an
// acknowledgement may leave a node only once the record it depends on is in here (Raft paper Figure 2,
// "Persistent state ... updated on stable storage before responding to RPCs"; etcd's Ready contract).
//
// It follows the WAL's own replay rules (wal.ts), record by record, so "durable" means exactly what recovery
// would rebuild: a `snapshot` record replaces the log, a `local-snapshot` keeps the suffix, an `entries` record
// truncates the log at its first index and appends.
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

export class DurableLog {
  /** Set by the contract checker: a committed entry must never be truncated from a durable log. */
  onTruncate: TruncationObserver | null = null;
  term = 0;
  /** The durable term before the records of the fsync being read (what the node had persisted before the Ready
   *  that wrote them): a truncation is judged by what the node knew when it took the write. */
  termBeforeSync = 0;
  vote: NodeId | null = null;
  commit = 0;
  snapshotIndex = 0;
  snapshotTerm = 0;
  /** Terms of the durable entries snapshotIndex + 1 .. lastIndex: terms[k] is the term of index snapshotIndex + 1 + k. */
  private terms: number[] = [];
  /** Disk records applied so far (positions 0 .. appliedRecords). */
  appliedRecords = 0;

  lastIndex(): number {
    return this.snapshotIndex + this.terms.length;
  }

  lastTerm(): number {
    return this.terms.length > 0 ? this.terms[this.terms.length - 1]! : this.snapshotTerm;
  }

  /** The durable term at `index`: the snapshot's for its own index, undefined below it (covered) or past the end. */
  termAt(index: number): number | undefined {
    if (index === this.snapshotIndex) return this.snapshotTerm;
    if (index < this.snapshotIndex || index > this.lastIndex()) return undefined;
    return this.terms[index - this.snapshotIndex - 1];
  }

  /** True when a crash now would keep the entry (index, term), or a snapshot covering it. */
  holds(index: number, term: number): boolean {
    if (index <= this.snapshotIndex) return true;
    return this.termAt(index) === term;
  }

  apply(record: WalRecord): void {
    switch (record.kind) {
      case 'hardState':
        this.term = record.hardState.term;
        this.vote = record.hardState.vote;
        this.commit = record.hardState.commit;
        return;
      case 'snapshot':
        // A snapshot from the leader replaces the whole log: entries past its index are dropped.
        this.reportDropped(record.snapshot.meta.index + 1, null);
        this.snapshotIndex = record.snapshot.meta.index;
        this.snapshotTerm = record.snapshot.meta.term;
        this.terms = [];
        return;
      case 'local-snapshot':
        this.coverWithSnapshot(record.snapshot.meta.index, record.snapshot.meta.term);
        return;
      case 'entries': {
        const entries = record.entries;
        if (entries.length === 0) return;
        const first = entries[0]!.index;
        // Recovery skips entries a snapshot covers; an entries record starting below the snapshot truncates
        // nothing the snapshot holds.
        const keep = Math.max(0, Math.min(this.terms.length, first - this.snapshotIndex - 1));
        if (keep < this.terms.length) this.reportDropped(this.snapshotIndex + 1 + keep, entries);
        this.terms.length = keep;
        for (let k = 0; k < entries.length; k++) {
          const entry = entries[k]!;
          if (entry.index <= this.snapshotIndex) continue;
          this.terms.push(entry.term);
        }
        return;
      }
      default: {
        const unreachable: never = record;
        throw new Error(`unknown WAL record ${JSON.stringify(unreachable)}`);
      }
    }
  }

  /** Reports the durable entries from `from` on that `replacement` (an entries record, or none) does not keep. */
  private reportDropped(from: number, replacement: readonly { readonly index: number; readonly term: number }[] | null): void {
    const observer = this.onTruncate;
    if (observer === null) return;
    const first = replacement !== null && replacement.length > 0 ? replacement[0]!.index : Number.POSITIVE_INFINITY;
    for (let index = Math.max(from, this.snapshotIndex + 1); index <= this.lastIndex(); index++) {
      const oldTerm = this.terms[index - this.snapshotIndex - 1]!;
      const position = index - first;
      const newTerm = replacement !== null && position >= 0 && position < replacement.length ? replacement[position]!.term : undefined;
      if (newTerm !== oldTerm) observer(index, oldTerm, newTerm);
    }
  }

  /** Reads the records that became durable since the last call (after an fsync completed). A torn record is not
   *  read, and reading stops at it: recovery cuts the log there, and records written after a restart take its place. */
  catchUp(disk: DurableRecords): void {
    const durable = disk.durableRecordCount;
    this.termBeforeSync = this.term;
    while (this.appliedRecords < durable) {
      if (disk.isTorn(this.appliedRecords)) return;
      this.apply(disk.recordAt(this.appliedRecords));
      this.appliedRecords++;
    }
  }

  /** The WAL was rewritten whole (compaction): read it again from the start. */
  rebuild(disk: DurableRecords): void {
    const onTruncate = this.onTruncate;
    this.onTruncate = null;
    this.reset();
    this.catchUp(disk);
    this.onTruncate = onTruncate;
  }

  /** Starts over (the WAL was rewritten whole by compaction). */
  reset(): void {
    this.term = 0;
    this.vote = null;
    this.commit = 0;
    this.snapshotIndex = 0;
    this.snapshotTerm = 0;
    this.terms = [];
    this.appliedRecords = 0;
  }

  /** A node's own snapshot: the entries after it stay; those it covers are dropped. */
  private coverWithSnapshot(index: number, term: number): void {
    if (index <= this.snapshotIndex) return;
    const dropped = Math.min(this.terms.length, index - this.snapshotIndex);
    this.terms.splice(0, dropped);
    // The log may end before the snapshot (a node that fell behind): the snapshot's index is the new base.
    if (dropped < index - this.snapshotIndex) this.terms = [];
    this.snapshotIndex = index;
    this.snapshotTerm = term;
  }
}
