import { type Distribution, type Random } from './random.js';
export interface DiskOptions {
    appendLatency: Distribution;
    fsyncLatency: Distribution;
    /** Capacity in bytes (default 1 GiB). An append that would exceed it throws. */
    maxBytes?: number;
    /** Bound on the number of records (default 10_000_000). An append that would exceed it throws. */
    maxRecords?: number;
}
export interface DiskRecord<R> {
    record: R;
    bytes: number;
    synced: boolean;
    torn: boolean;
}
export declare class Disk<R> {
    readonly stats: {
        appends: number;
        fsyncs: number;
        bytesWritten: number;
    };
    private readonly appendLatency;
    private readonly fsyncLatency;
    private readonly maxBytes;
    private readonly maxRecords;
    private readonly random;
    /** The records, in columns rather than one DiskRecord object per record: a WAL holds one or two records per
     *  Ready until the next compaction rewrite (tens of thousands per node), and a wrapper object per record was
     *  the largest single item of a long run's heap. recs[0 .. count) and sizes[0 .. count) are the content; the
     *  arrays never shrink (slots past count are cleared), so a rewrite after compaction reuses their storage
     *  instead of growing fresh arrays again. A record is synced exactly when it lies below durableCount and is
     *  not torn, so that flag needs no storage. */
    private recs;
    private sizes;
    private count;
    /** Positions of torn records, ascending (a crash tears at most one record; they are rare). */
    private tornAt;
    /** recs[0 .. durableCount) survive a crash (synced records, plus a torn one left by an earlier crash). */
    private durableCount;
    private bytes;
    private busyUntil;
    private nextToken;
    /** Outstanding fsyncs in issue order: token, and the number of records appended when fsync() was called.
     *  Parallel arrays rather than a Map: one or two fsyncs are outstanding at a time, and a Map's rehashing on
     *  every set/delete pair showed up in allocation profiles. */
    private readonly syncTokens;
    private readonly syncWatermarks;
    /** Entries in use at the front of syncTokens / syncWatermarks (the arrays never shrink, so reuse allocates
     *  nothing). */
    private syncCount;
    constructor(options: DiskOptions, random: Random);
    get bytesUsed(): number;
    get recordCount(): number;
    /** Number of records that would survive a crash right now. */
    get durableRecordCount(): number;
    /** True time at which the device becomes idle. */
    get busyUntilUs(): number;
    /** Number of fsyncs issued but not yet completed (and not invalidated by a crash or rewrite). */
    get pendingSyncCount(): number;
    /**
     * Appends records (not yet durable). Returns the completion time:
     * max(nowUs, busyUntilUs) + sampled append latency. Writes are serialized (one device).
     */
    append(nowUs: number, records: readonly {
        record: R;
        bytes: number;
    }[]): number;
    /**
     * Starts an fsync covering everything appended so far. The records become durable only when the
     * caller calls completeSync(token), normally at doneUs.
     */
    fsync(nowUs: number): {
        doneUs: number;
        token: number;
    };
    /** Marks every record appended before fsync `token` as durable. Unknown or invalidated tokens are a no-op. */
    completeSync(token: number): void;
    /**
     * Crash: drops every non-durable record. With tearLastWrite and at least one non-durable record, the
     * first of them stays, marked torn. All pending fsync tokens become invalid and in-flight device work is
     * abandoned (the device is idle when the node restarts).
     * lostRecords counts records removed entirely; the torn record is reported in tornRecords instead.
     */
    crash(tearLastWrite: boolean): {
        lostRecords: number;
        tornRecords: number;
    };
    /** The record at `position` (0-based, below recordCount) and whether a crash tore it; for incremental readers
     *  such as the contract checker's durable shadow (durable-log.ts), which read each record once as it becomes
     *  durable rather than copying the whole list. */
    recordAt(position: number): R;
    /** Whether a crash left the record at `position` torn (garbage that recovery discards). */
    isTorn(position: number): boolean;
    /** Durable view for recovery: a snapshot of all records in order, including a torn one if any. */
    records(): readonly DiskRecord<R>[];
    /**
     * Replaces the whole content atomically with these records, all durable (log compaction: write a new
     * file, fsync it, rename it over the old one). Pending fsync tokens refer to the old file and become
     * no-ops. Takes no simulated time: the caller models the cost if it wants to.
     */
    rewrite(records: readonly {
        record: R;
        bytes: number;
    }[]): void;
    /**
     * Drops records from index keepCount on, durably and at once (recovery discarding a torn tail, or a
     * follower truncating a conflicting suffix). Pending fsyncs then cover at most keepCount records.
     */
    truncate(keepCount: number): void;
    /** Stores a record at position count (reusing a slot when the arrays are long enough). */
    private put;
    /** Removes the records from position keep on (their bytes no longer count), clearing their slots. */
    private dropFrom;
    private clearSyncs;
}
