export class RaftLog {
    compactedIndex = 0;
    compactedTerm = 0;
    /** Stable entries in stable[stableStart .. stableEnd): stable[stableStart + k].index === compactedIndex + 1 + k.
     *  Entries at or past unstableOffset are obsolete. Slots outside that range hold undefined: compaction clears the
     *  dropped prefix and moves the rest down only once the cleared prefix is as long as what remains, and the
     *  array is never shortened, so a log compacted every few thousand entries keeps reusing one array instead of
     *  copying its tail into a fresh one and growing that again entry by entry. */
    stable = [];
    stableStart = 0;
    stableEnd = 0;
    /** Unstable entries; unstable[k].index === unstableOffset + k. */
    unstable = [];
    unstableOffset = 1;
    /** A snapshot received from the leader, not yet persisted. */
    pendingSnapshot = null;
    /** The latest durable snapshot (for sending to followers). */
    latestSnapshot = null;
    /** Highest index known committed (paper Figure 2, commitIndex). */
    committed = 0;
    /** Highest index handed to the caller for applying. */
    applying = 0;
    /** Highest index the caller reports applied (paper Figure 2, lastApplied). */
    applied = 0;
    /** Rebuilds the log from what the caller recovered from disk. */
    static restore(snapshot, entries, commit) {
        const log = new RaftLog();
        if (snapshot !== null) {
            log.compactedIndex = snapshot.meta.index;
            log.compactedTerm = snapshot.meta.term;
            log.latestSnapshot = snapshot;
        }
        for (const entry of entries) {
            if (entry.index <= log.compactedIndex)
                continue;
            const expected = log.compactedIndex + 1 + log.stable.length;
            if (entry.index !== expected)
                throw new Error(`RaftLog.restore: entry index ${entry.index}, expected ${expected}`);
            log.stable.push(entry);
        }
        log.stableEnd = log.stable.length;
        log.unstableOffset = log.compactedIndex + 1 + log.stable.length;
        const snapshotIndex = snapshot?.meta.index ?? 0;
        log.committed = Math.min(Math.max(commit, snapshotIndex), log.lastIndex());
        log.applied = snapshotIndex;
        log.applying = snapshotIndex;
        log.checkInvariants();
        return log;
    }
    firstIndex() {
        return this.compactedIndex + 1;
    }
    lastIndex() {
        if (this.unstable.length > 0)
            return this.unstableOffset + this.unstable.length - 1;
        return this.unstableOffset - 1;
    }
    lastTerm() {
        return this.term(this.lastIndex());
    }
    /** The term of entry `index`, or undefined when it was compacted away or does not exist yet. */
    term(index) {
        if (index === this.compactedIndex)
            return this.compactedTerm;
        const entry = this.entry(index);
        return entry === undefined ? undefined : entry.term;
    }
    entry(index) {
        if (index <= this.compactedIndex)
            return undefined;
        if (index >= this.unstableOffset)
            return this.unstable[index - this.unstableOffset];
        return this.stable[this.stableStart + index - this.compactedIndex - 1];
    }
    matchTerm(index, term) {
        return this.term(index) === term;
    }
    /** Paper 5.4.1: a log is at least as up-to-date if its last term is higher, or equal with an index at least as large.
     *  `byIndexOnly` is the broken variant unsafe.upToDateByIndexOnly: "the longer log wins", whatever its terms. */
    isUpToDate(lastIndex, lastTerm, byIndexOnly = false) {
        if (byIndexOnly)
            return lastIndex >= this.lastIndex();
        const myLastTerm = this.lastTerm();
        return lastTerm > myLastTerm || (lastTerm === myLastTerm && lastIndex >= this.lastIndex());
    }
    /** Entries in [from, to] capped at maxBytes (at least one entry is returned when the range is non-empty). */
    slice(from, to, maxBytes) {
        if (from <= this.compactedIndex)
            throw new Error(`RaftLog.slice: index ${from} is compacted (first index ${this.firstIndex()})`);
        const result = [];
        let bytes = 0;
        for (let index = from; index <= to; index++) {
            const entry = this.entry(index);
            if (entry === undefined)
                throw new Error(`RaftLog.slice: missing entry ${index} (last index ${this.lastIndex()})`);
            if (result.length > 0 && bytes + entry.bytes > maxBytes)
                break;
            bytes += entry.bytes;
            result.push(entry);
        }
        return result;
    }
    /** Appends entries that follow or overwrite the tail. Overwriting committed entries is a safety bug. */
    append(entries) {
        if (entries.length === 0)
            return;
        const first = entries[0].index;
        if (first <= this.committed) {
            throw new Error(`RaftLog.append: would overwrite committed index ${first} (committed ${this.committed})`);
        }
        if (first > this.lastIndex() + 1)
            throw new Error(`RaftLog.append: gap: first ${first} after last ${this.lastIndex()}`);
        if (first === this.lastIndex() + 1 && this.unstable.length > 0) {
            for (const entry of entries)
                this.unstable.push(entry);
        }
        else if (first <= this.unstableOffset) {
            // Replaces everything from `first`, reaching into the stable part: the next persist truncates it there.
            this.unstableOffset = first;
            this.unstable = entries.slice();
        }
        else {
            this.unstable = this.unstable.slice(0, first - this.unstableOffset).concat(entries);
        }
        this.checkContiguous(entries);
    }
    /**
     * Follower side of AppendEntries (paper Figure 2, receiver rules 3 and 4): skips entries already present
     * with the same term (a reordered or duplicated message must not truncate), truncates at the first
     * conflict, appends the rest. Returns the index of the last entry the message covers.
     * `truncateAlways` is the broken variant unsafe.truncateOnEveryAppend: the log is cut after prevLogIndex and the
     * message's entries appended, so a reordered, shorter message removes entries already acknowledged (the
     * caller has checked prevLogIndex >= committed, so the cut never reaches a committed entry).
     */
    appendFromLeader(prevLogIndex, entries, truncateAlways = false) {
        if (truncateAlways) {
            this.append(entries);
            return prevLogIndex + entries.length;
        }
        let conflictAt = -1;
        for (let k = 0; k < entries.length; k++) {
            const entry = entries[k];
            if (entry.index <= this.compactedIndex)
                continue;
            if (!this.matchTerm(entry.index, entry.term)) {
                conflictAt = k;
                break;
            }
        }
        if (conflictAt >= 0)
            this.append(entries.slice(conflictAt));
        return prevLogIndex + entries.length;
    }
    /** The follower's conflict hint (etcd findConflictByTerm): the largest index <= index whose term <= term. */
    findConflictByTerm(index, term) {
        let probe = Math.min(index, this.lastIndex());
        while (probe > this.compactedIndex) {
            const probeTerm = this.term(probe);
            if (probeTerm <= term)
                return { index: probe, term: probeTerm };
            probe--;
        }
        return { index: this.compactedIndex, term: this.compactedTerm };
    }
    commitTo(index) {
        if (index <= this.committed)
            return false;
        if (index > this.lastIndex())
            throw new Error(`RaftLog.commitTo: ${index} is past last index ${this.lastIndex()}`);
        this.committed = index;
        return true;
    }
    /** Everything not yet handed to the caller for persistence. */
    unstableEntries() {
        return this.unstable;
    }
    pendingSnapshotToPersist() {
        return this.pendingSnapshot;
    }
    /** The caller persisted entries up to (index, term): move them to the stable part. Ignored when the
     *  unstable tail changed meanwhile (the entry at index has another term or is gone). */
    stableTo(index, term) {
        if (index < this.unstableOffset)
            return;
        if (this.term(index) !== term)
            return;
        const count = index - this.unstableOffset + 1;
        // Stable entries from unstableOffset on are obsolete: overwrite them, and clear what is left of them.
        const stable = this.stable;
        let at = this.stableStart + this.unstableOffset - this.compactedIndex - 1;
        const end = this.stableEnd;
        while (stable.length < at)
            stable.push(undefined);
        for (let k = 0; k < count; k++) {
            if (at < stable.length)
                stable[at] = this.unstable[k];
            else
                stable.push(this.unstable[k]);
            at++;
        }
        for (let k = at; k < end; k++)
            stable[k] = undefined;
        this.stableEnd = at;
        this.unstable = this.unstable.slice(count);
        this.unstableOffset = index + 1;
    }
    stableSnapshotTo(index) {
        if (this.pendingSnapshot !== null && this.pendingSnapshot.meta.index === index) {
            this.latestSnapshot = this.pendingSnapshot;
            this.pendingSnapshot = null;
        }
    }
    /** Last index that is durable (entries below the unstable tail). */
    persistedLastIndex() {
        return this.unstableOffset - 1;
    }
    /** Committed, durable entries not yet handed out for applying. */
    nextCommittedEntries(maxBytes) {
        if (this.pendingSnapshot !== null)
            return [];
        const to = Math.min(this.committed, this.persistedLastIndex());
        if (this.applying >= to)
            return [];
        return this.slice(this.applying + 1, to, maxBytes);
    }
    hasNextCommittedEntries() {
        return this.pendingSnapshot === null && this.applying < Math.min(this.committed, this.persistedLastIndex());
    }
    markApplying(index) {
        if (index < this.applying)
            throw new Error(`RaftLog.markApplying: ${index} < applying ${this.applying}`);
        this.applying = index;
    }
    appliedTo(index) {
        if (index > this.applying || index < this.applied) {
            throw new Error(`RaftLog.appliedTo: ${index} outside [applied ${this.applied}, applying ${this.applying}]`);
        }
        this.applied = index;
    }
    /** Follower: replace the whole log by a snapshot from the leader (paper 7, InstallSnapshot receiver rules 6-8). */
    restoreSnapshot(snapshot) {
        this.compactedIndex = snapshot.meta.index;
        this.compactedTerm = snapshot.meta.term;
        this.stable = [];
        this.stableStart = 0;
        this.stableEnd = 0;
        this.unstable = [];
        this.unstableOffset = snapshot.meta.index + 1;
        this.pendingSnapshot = snapshot;
        this.committed = snapshot.meta.index;
        this.applying = snapshot.meta.index;
        this.applied = snapshot.meta.index;
        this.checkInvariants();
    }
    /** Records a snapshot the caller made of its own state machine; the image is what followers are sent. */
    setLatestSnapshot(snapshot) {
        if (snapshot.meta.index > this.applied) {
            throw new Error(`RaftLog.setLatestSnapshot: snapshot index ${snapshot.meta.index} is past applied ${this.applied}`);
        }
        if (this.latestSnapshot === null || snapshot.meta.index > this.latestSnapshot.meta.index)
            this.latestSnapshot = snapshot;
    }
    snapshot() {
        return this.latestSnapshot;
    }
    /** Drops stable entries up to and including `index` (log compaction, paper 7). Only durable, applied
     *  entries covered by a durable snapshot may be dropped. */
    compactTo(index) {
        if (index <= this.compactedIndex)
            return;
        const snapshotIndex = this.latestSnapshot?.meta.index ?? 0;
        if (index > snapshotIndex)
            throw new Error(`RaftLog.compactTo: ${index} is past the snapshot index ${snapshotIndex}`);
        if (index > this.applied)
            throw new Error(`RaftLog.compactTo: ${index} is past applied ${this.applied}`);
        if (index >= this.unstableOffset)
            throw new Error(`RaftLog.compactTo: ${index} is not yet persisted`);
        const term = this.term(index);
        const stable = this.stable;
        const start = this.stableStart + index - this.compactedIndex;
        for (let k = this.stableStart; k < start; k++)
            stable[k] = undefined;
        this.stableStart = start;
        if (start >= this.stableEnd - start) {
            // The cleared prefix is as long as what remains: move the rest to the front (clearing where it was).
            const end = this.stableEnd;
            for (let k = start; k < end; k++) {
                stable[k - start] = stable[k];
                stable[k] = undefined;
            }
            this.stableStart = 0;
            this.stableEnd = end - start;
        }
        this.compactedIndex = index;
        this.compactedTerm = term;
        this.checkInvariants();
    }
    get compacted() {
        return { index: this.compactedIndex, term: this.compactedTerm };
    }
    /** Number and bytes of entries retained (stable and unstable). */
    retained() {
        let bytes = 0;
        const last = this.lastIndex();
        for (let index = this.firstIndex(); index <= last; index++)
            bytes += this.entry(index).bytes;
        return { entries: last - this.compactedIndex, bytes };
    }
    checkInvariants() {
        if (!(this.compactedIndex <= this.applied))
            throw new Error(`RaftLog invariant: compacted ${this.compactedIndex} > applied ${this.applied}`);
        if (!(this.applied <= this.applying))
            throw new Error(`RaftLog invariant: applied ${this.applied} > applying ${this.applying}`);
        if (!(this.applying <= this.committed))
            throw new Error(`RaftLog invariant: applying ${this.applying} > committed ${this.committed}`);
        if (!(this.committed <= this.lastIndex()))
            throw new Error(`RaftLog invariant: committed ${this.committed} > last ${this.lastIndex()}`);
        if (!(this.compactedIndex < this.unstableOffset && this.unstableOffset <= this.lastIndex() + 1)) {
            throw new Error(`RaftLog invariant: unstableOffset ${this.unstableOffset} outside (${this.compactedIndex}, ${this.lastIndex() + 1}]`);
        }
    }
    checkContiguous(entries) {
        for (let k = 1; k < entries.length; k++) {
            if (entries[k].index !== entries[k - 1].index + 1)
                throw new Error('RaftLog.append: entries are not contiguous');
        }
    }
}
//# sourceMappingURL=log.js.map