export class DurableLog {
    /** Set by the contract checker: a committed entry must never be truncated from a durable log. */
    onTruncate = null;
    term = 0;
    /** The durable term before the records of the fsync being read (what the node had persisted before the Ready
     *  that wrote them): a truncation is judged by what the node knew when it took the write. */
    termBeforeSync = 0;
    vote = null;
    commit = 0;
    snapshotIndex = 0;
    snapshotTerm = 0;
    /** Terms of the durable entries snapshotIndex + 1 .. lastIndex: terms[k] is the term of index snapshotIndex + 1 + k. */
    terms = [];
    /** Disk records applied so far (positions 0 .. appliedRecords). */
    appliedRecords = 0;
    lastIndex() {
        return this.snapshotIndex + this.terms.length;
    }
    lastTerm() {
        return this.terms.length > 0 ? this.terms[this.terms.length - 1] : this.snapshotTerm;
    }
    /** The durable term at `index`: the snapshot's for its own index, undefined below it (covered) or past the end. */
    termAt(index) {
        if (index === this.snapshotIndex)
            return this.snapshotTerm;
        if (index < this.snapshotIndex || index > this.lastIndex())
            return undefined;
        return this.terms[index - this.snapshotIndex - 1];
    }
    /** True when a crash now would keep the entry (index, term), or a snapshot covering it. */
    holds(index, term) {
        if (index <= this.snapshotIndex)
            return true;
        return this.termAt(index) === term;
    }
    apply(record) {
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
                if (entries.length === 0)
                    return;
                const first = entries[0].index;
                // Recovery skips entries a snapshot covers; an entries record starting below the snapshot truncates
                // nothing the snapshot holds.
                const keep = Math.max(0, Math.min(this.terms.length, first - this.snapshotIndex - 1));
                if (keep < this.terms.length)
                    this.reportDropped(this.snapshotIndex + 1 + keep, entries);
                this.terms.length = keep;
                for (let k = 0; k < entries.length; k++) {
                    const entry = entries[k];
                    if (entry.index <= this.snapshotIndex)
                        continue;
                    this.terms.push(entry.term);
                }
                return;
            }
            default: {
                const unreachable = record;
                throw new Error(`unknown WAL record ${JSON.stringify(unreachable)}`);
            }
        }
    }
    /** Reports the durable entries from `from` on that `replacement` (an entries record, or none) does not keep. */
    reportDropped(from, replacement) {
        const observer = this.onTruncate;
        if (observer === null)
            return;
        const first = replacement !== null && replacement.length > 0 ? replacement[0].index : Number.POSITIVE_INFINITY;
        for (let index = Math.max(from, this.snapshotIndex + 1); index <= this.lastIndex(); index++) {
            const oldTerm = this.terms[index - this.snapshotIndex - 1];
            const position = index - first;
            const newTerm = replacement !== null && position >= 0 && position < replacement.length ? replacement[position].term : undefined;
            if (newTerm !== oldTerm)
                observer(index, oldTerm, newTerm);
        }
    }
    /** Reads the records that became durable since the last call (after an fsync completed). A torn record is not
     *  read, and reading stops at it: recovery cuts the log there, and records written after a restart take its place. */
    catchUp(disk) {
        const durable = disk.durableRecordCount;
        this.termBeforeSync = this.term;
        while (this.appliedRecords < durable) {
            if (disk.isTorn(this.appliedRecords))
                return;
            this.apply(disk.recordAt(this.appliedRecords));
            this.appliedRecords++;
        }
    }
    /** The WAL was rewritten whole (compaction): read it again from the start. */
    rebuild(disk) {
        const onTruncate = this.onTruncate;
        this.onTruncate = null;
        this.reset();
        this.catchUp(disk);
        this.onTruncate = onTruncate;
    }
    /** Starts over (the WAL was rewritten whole by compaction). */
    reset() {
        this.term = 0;
        this.vote = null;
        this.commit = 0;
        this.snapshotIndex = 0;
        this.snapshotTerm = 0;
        this.terms = [];
        this.appliedRecords = 0;
    }
    /** A node's own snapshot: the entries after it stay; those it covers are dropped. */
    coverWithSnapshot(index, term) {
        if (index <= this.snapshotIndex)
            return;
        const dropped = Math.min(this.terms.length, index - this.snapshotIndex);
        this.terms.splice(0, dropped);
        // The log may end before the snapshot (a node that fell behind): the snapshot's index is the new base.
        if (dropped < index - this.snapshotIndex)
            this.terms = [];
        this.snapshotIndex = index;
        this.snapshotTerm = term;
    }
}
//# sourceMappingURL=durable-log.js.map