/** Rebuilds durable state from the write-ahead records, stopping at a torn record. */
export function recover(records) {
    let hardState = { term: 0, vote: null, commit: 0 };
    let snapshot = null;
    let entries = [];
    let tornAt = null;
    for (let position = 0; position < records.length; position++) {
        const record = records[position];
        if (record.torn) {
            // The checksum fails: the log ends here, as a real WAL reader does; the caller cuts it so that records
            // written after the restart do not sit behind the torn one and get lost at the next recovery.
            tornAt = position;
            break;
        }
        const wal = record.record;
        switch (wal.kind) {
            case 'hardState':
                hardState = wal.hardState;
                break;
            case 'snapshot':
                // A snapshot record replaces the whole log before it (a follower installing the leader's snapshot).
                snapshot = wal.snapshot;
                entries = [];
                break;
            case 'local-snapshot':
                // The node's own snapshot: entries after it stay; RaftLog.restore skips those it covers.
                if (snapshot === null || wal.snapshot.meta.index >= snapshot.meta.index)
                    snapshot = wal.snapshot;
                break;
            case 'entries':
                entries = withEntries(entries, wal.entries);
                break;
            default: {
                const unreachable = wal;
                throw new Error(`unknown WAL record ${JSON.stringify(unreachable)}`);
            }
        }
    }
    return { durable: { hardState, snapshot, entries }, tornAt };
}
/** Appends an entries record to the recovered log: a record that starts at or before the end overwrites the
 *  entries from its first index on (a new leader's entries replacing a conflicting suffix). */
function withEntries(entries, appended) {
    const first = appended[0].index;
    const base = entries.length > 0 ? entries[0].index : first;
    if (first < base)
        entries = [];
    else
        entries.length = Math.min(entries.length, first - base);
    for (const entry of appended)
        entries.push(entry);
    return entries;
}
//# sourceMappingURL=wal.js.map