/**
 * A node's write-ahead storage: an ordered list of opaque records with declared byte sizes.
 *
 * The disk never schedules anything. append() and fsync() return the true time at which the operation
 * completes; the caller schedules its own callback at that time (and calls completeSync for fsyncs).
 * Keeping the disk passive means the Scheduler stays the only source of ordering.
 *
 * Durability model (what a crash keeps):
 * - Appended records are in the page cache only: a crash loses them.
 * - fsync() snapshots "everything appended so far". When the caller later calls completeSync(token) (at the
 *   returned doneUs) those records become durable. A crash before that loses them, and invalidates the token.
 * - Optionally a crash tears the first non-durable record: it survives as garbage (torn: true) so recovery
 *   code must notice the bad checksum and discard it.
 * - One device: appends and fsyncs are serialized; each starts when the previous one finished.
 */
import { assertNonNegativeInteger, fail } from './assert.js';
import { sampleUs, validateDistribution } from './random.js';
export class Disk {
    stats = { appends: 0, fsyncs: 0, bytesWritten: 0 };
    appendLatency;
    fsyncLatency;
    maxBytes;
    maxRecords;
    random;
    /** The records, in columns rather than one DiskRecord object per record: a WAL holds one or two records per
     *  Ready until the next compaction rewrite (tens of thousands per node), and a wrapper object per record was
     *  the largest single item of a long run's heap. recs[0 .. count) and sizes[0 .. count) are the content; the
     *  arrays never shrink (slots past count are cleared), so a rewrite after compaction reuses their storage
     *  instead of growing fresh arrays again. A record is synced exactly when it lies below durableCount and is
     *  not torn, so that flag needs no storage. */
    recs = [];
    sizes = [];
    count = 0;
    /** Positions of torn records, ascending (a crash tears at most one record; they are rare). */
    tornAt = [];
    /** recs[0 .. durableCount) survive a crash (synced records, plus a torn one left by an earlier crash). */
    durableCount = 0;
    bytes = 0;
    busyUntil = 0;
    nextToken = 1;
    /** Outstanding fsyncs in issue order: token, and the number of records appended when fsync() was called.
     *  Parallel arrays rather than a Map: one or two fsyncs are outstanding at a time, and a Map's rehashing on
     *  every set/delete pair showed up in allocation profiles. */
    syncTokens = [];
    syncWatermarks = [];
    /** Entries in use at the front of syncTokens / syncWatermarks (the arrays never shrink, so reuse allocates
     *  nothing). */
    syncCount = 0;
    constructor(options, random) {
        validateDistribution(options.appendLatency, 'Disk appendLatency');
        validateDistribution(options.fsyncLatency, 'Disk fsyncLatency');
        this.appendLatency = options.appendLatency;
        this.fsyncLatency = options.fsyncLatency;
        this.maxBytes = options.maxBytes ?? 1024 * 1024 * 1024;
        this.maxRecords = options.maxRecords ?? 10_000_000;
        assertNonNegativeInteger(this.maxBytes, 'Disk maxBytes');
        assertNonNegativeInteger(this.maxRecords, 'Disk maxRecords');
        this.random = random;
    }
    get bytesUsed() {
        return this.bytes;
    }
    get recordCount() {
        return this.count;
    }
    /** Number of records that would survive a crash right now. */
    get durableRecordCount() {
        return this.durableCount;
    }
    /** True time at which the device becomes idle. */
    get busyUntilUs() {
        return this.busyUntil;
    }
    /** Number of fsyncs issued but not yet completed (and not invalidated by a crash or rewrite). */
    get pendingSyncCount() {
        return this.syncCount;
    }
    /**
     * Appends records (not yet durable). Returns the completion time:
     * max(nowUs, busyUntilUs) + sampled append latency. Writes are serialized (one device).
     */
    append(nowUs, records) {
        assertNonNegativeInteger(nowUs, 'Disk.append: nowUs');
        let addBytes = 0;
        for (const r of records) {
            assertNonNegativeInteger(r.bytes, 'Disk.append: record bytes');
            addBytes += r.bytes;
        }
        if (this.bytes + addBytes > this.maxBytes) {
            fail(`Disk.append: disk full: ${this.bytes} + ${addBytes} bytes exceeds maxBytes=${this.maxBytes}`);
        }
        if (this.count + records.length > this.maxRecords) {
            fail(`Disk.append: ${this.count} + ${records.length} records exceeds maxRecords=${this.maxRecords}`);
        }
        for (const r of records)
            this.put(r.record, r.bytes);
        this.bytes += addBytes;
        this.stats.appends++;
        this.stats.bytesWritten += addBytes;
        const doneUs = Math.max(nowUs, this.busyUntil) + sampleUs(this.appendLatency, this.random);
        this.busyUntil = doneUs;
        return doneUs;
    }
    /**
     * Starts an fsync covering everything appended so far. The records become durable only when the
     * caller calls completeSync(token), normally at doneUs.
     */
    fsync(nowUs) {
        assertNonNegativeInteger(nowUs, 'Disk.fsync: nowUs');
        const token = this.nextToken++;
        this.syncTokens[this.syncCount] = token;
        this.syncWatermarks[this.syncCount] = this.count;
        this.syncCount++;
        this.stats.fsyncs++;
        const doneUs = Math.max(nowUs, this.busyUntil) + sampleUs(this.fsyncLatency, this.random);
        this.busyUntil = doneUs;
        return { doneUs, token };
    }
    /** Marks every record appended before fsync `token` as durable. Unknown or invalidated tokens are a no-op. */
    completeSync(token) {
        const tokens = this.syncTokens;
        const count = this.syncCount;
        let position = 0;
        while (position < count && tokens[position] !== token)
            position++;
        if (position === count)
            return;
        const watermarks = this.syncWatermarks;
        const watermark = watermarks[position];
        for (let k = position + 1; k < count; k++) {
            tokens[k - 1] = tokens[k];
            watermarks[k - 1] = watermarks[k];
        }
        this.syncCount = count - 1;
        if (watermark <= this.durableCount)
            return; // a later fsync already completed
        // Records in [durableCount, watermark) become synced: torn records all lie below durableCount.
        this.durableCount = watermark;
    }
    /**
     * Crash: drops every non-durable record. With tearLastWrite and at least one non-durable record, the
     * first of them stays, marked torn. All pending fsync tokens become invalid and in-flight device work is
     * abandoned (the device is idle when the node restarts).
     * lostRecords counts records removed entirely; the torn record is reported in tornRecords instead.
     */
    crash(tearLastWrite) {
        const unsynced = this.count - this.durableCount;
        let tornRecords = 0;
        let keep = this.durableCount;
        if (tearLastWrite && unsynced > 0) {
            this.tornAt.push(keep); // above every earlier torn record, which lies below durableCount
            keep++;
            tornRecords = 1;
        }
        this.dropFrom(keep);
        this.durableCount = keep; // the torn garbage is on the platter now and survives further crashes
        this.clearSyncs();
        this.busyUntil = 0;
        return { lostRecords: unsynced - tornRecords, tornRecords };
    }
    /** The record at `position` (0-based, below recordCount) and whether a crash tore it; for incremental readers
     *  such as the contract checker's durable shadow (durable-log.ts), which read each record once as it becomes
     *  durable rather than copying the whole list. */
    recordAt(position) {
        if (!(position >= 0 && position < this.count))
            fail(`Disk.recordAt: position ${position} outside 0..${this.count - 1}`);
        return this.recs[position];
    }
    /** Whether a crash left the record at `position` torn (garbage that recovery discards). */
    isTorn(position) {
        return this.tornAt.length > 0 && this.tornAt.includes(position);
    }
    /** Durable view for recovery: a snapshot of all records in order, including a torn one if any. */
    records() {
        const result = [];
        for (let i = 0; i < this.count; i++) {
            const torn = this.tornAt.includes(i);
            result.push({ record: this.recs[i], bytes: this.sizes[i], synced: i < this.durableCount && !torn, torn });
        }
        return result;
    }
    /**
     * Replaces the whole content atomically with these records, all durable (log compaction: write a new
     * file, fsync it, rename it over the old one). Pending fsync tokens refer to the old file and become
     * no-ops. Takes no simulated time: the caller models the cost if it wants to.
     */
    rewrite(records) {
        let total = 0;
        for (const r of records) {
            assertNonNegativeInteger(r.bytes, 'Disk.rewrite: record bytes');
            total += r.bytes;
        }
        if (total > this.maxBytes)
            fail(`Disk.rewrite: ${total} bytes exceeds maxBytes=${this.maxBytes}`);
        if (records.length > this.maxRecords)
            fail(`Disk.rewrite: ${records.length} records exceeds maxRecords=${this.maxRecords}`);
        const previous = this.count;
        this.count = 0;
        for (const r of records)
            this.put(r.record, r.bytes);
        for (let i = this.count; i < previous; i++)
            this.recs[i] = undefined;
        this.tornAt.length = 0;
        this.durableCount = this.count;
        this.bytes = total;
        this.clearSyncs();
        this.stats.bytesWritten += total;
    }
    /**
     * Drops records from index keepCount on, durably and at once (recovery discarding a torn tail, or a
     * follower truncating a conflicting suffix). Pending fsyncs then cover at most keepCount records.
     */
    truncate(keepCount) {
        assertNonNegativeInteger(keepCount, 'Disk.truncate: keepCount');
        if (keepCount >= this.count)
            return;
        this.dropFrom(keepCount);
        while (this.tornAt.length > 0 && this.tornAt[this.tornAt.length - 1] >= keepCount)
            this.tornAt.pop();
        if (this.durableCount > keepCount)
            this.durableCount = keepCount;
        const watermarks = this.syncWatermarks;
        for (let k = 0; k < this.syncCount; k++)
            if (watermarks[k] > keepCount)
                watermarks[k] = keepCount;
    }
    /** Stores a record at position count (reusing a slot when the arrays are long enough). */
    put(record, bytes) {
        const at = this.count;
        if (at < this.recs.length) {
            this.recs[at] = record;
            this.sizes[at] = bytes;
        }
        else {
            this.recs.push(record);
            this.sizes.push(bytes);
        }
        this.count = at + 1;
    }
    /** Removes the records from position keep on (their bytes no longer count), clearing their slots. */
    dropFrom(keep) {
        for (let i = keep; i < this.count; i++) {
            this.bytes -= this.sizes[i];
            this.recs[i] = undefined;
        }
        this.count = keep;
    }
    clearSyncs() {
        this.syncCount = 0;
    }
}
//# sourceMappingURL=disk.js.map