import type { ClusterContext } from './context.js';
import type { SimNode } from './node.js';
export declare class Compaction {
    private readonly context;
    private readonly scheduler;
    private readonly options;
    private readonly trace;
    private readonly metrics;
    private readonly checker;
    constructor(context: ClusterContext);
    /** The incident's mistake: a trigger that also requires the apply backlog to be small stays false under load. */
    private triggerBlockedByApplyLag;
    /** Count trigger (etcd --snapshot-count): applied - lastSnapshotIndex >= snapshotCount. */
    maybeSnapshotByCount(node: SimNode): void;
    /** Time trigger: arm a timer at the next multiple of snapshotIntervalUs on the node's LOCAL clock. */
    armWindow(node: SimNode): void;
    /** A window armed before the latest armWindow (a clock change re-armed it) is stale. */
    private readonly windowCurrent;
    /** On resume the window is admitted again: a clock change while paused may have made it stale. */
    private readonly onWindow;
    /** Step 1 of a crash-consistent snapshot: write the state-machine image and fsync it. Only when that is durable
     *  is the log prefix dropped (step 2, tryCompact). A crash in between loses nothing: recovery finds either the
     *  old snapshot and the full log, or the new snapshot and the full log. */
    startSnapshot(node: SimNode, trigger: 'count' | 'time', round: string, intendedUs: number | null): void;
    /** The snapshot is on disk even if the node is paused now: only dropping the log prefix waits for resume. */
    private readonly snapshotDurable;
    private readonly compactResumed;
    private readonly onSnapshotDurable;
    /** Step 2: drop the log prefix, keeping catchUpEntries behind the snapshot, and rewrite the WAL atomically
     *  (write a new file, fsync, rename) with the snapshot, the hard state and the retained entries. */
    tryCompact(node: SimNode): void;
    /** The WAL after compaction: the snapshot, the hard state, and the persisted entries the log still holds. */
    private compactedWal;
    /** Arms the first sample; each sample arms the next. */
    startSampling(): void;
    private readonly onSample;
    private readonly stallReasonOf;
    /** Why a node has not snapshotted for longer than the stall bound. */
    private stallReason;
}
