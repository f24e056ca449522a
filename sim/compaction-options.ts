// Snapshot and compaction settings of every node, and the switches that reproduce real mistakes.

export interface CompactionOptions {
  /** Count trigger (etcd --snapshot-count): snapshot when applied - lastSnapshotIndex >= this. Null: off. */
  readonly snapshotCount: number | null;
  /** Time trigger: snapshot at every multiple of this interval on the node's WALL clock (a wall-clock
   *  window, which is where skew, drift and steps bite). Null: off. */
  readonly snapshotIntervalUs: number | null;
  /** Entries kept behind the snapshot index so slightly-behind followers need no snapshot
   *  (etcd SnapshotCatchUpEntries). */
  readonly catchUpEntries: number;
  /** Cost of applying one committed entry: a slow state machine makes the apply backlog grow. */
  readonly applyCostUs: number;
  /** Snapshot write throughput; the snapshot's write takes bytes / rate, then an fsync. */
  readonly snapshotBytesPerSecond: number;
  readonly mistakes: CompactionMistakes;
  /** etcd's rule (server/etcdserver/server.go snapshot(): "When sending a snapshot, etcd will pause compaction"):
   *  a leader sending a snapshot to some follower takes snapshots but drops no log, so the follower finds the
   *  entries after the snapshot once it lands. A snapshot that never lands then keeps the whole log (the mixed-
   *  version incident, docs/versions.md). Absent: off; written only when set, so golden hashes are unchanged. */
  readonly pauseWhileSendingSnapshot?: boolean;
}

/** Real mistakes, off by default, one line each in a scenario. */
export interface CompactionMistakes {
  /** The incident's stall: the snapshot trigger also requires raft index - applied index <= applyLagTolerance,
   *  which stays false under load while apply lags. */
  readonly triggerOnApplyLag: boolean;
  readonly applyLagTolerance: number;
  /** Compaction drops entries a lagging follower still needs, and the leader never falls back to
   *  InstallSnapshot: the follower can never catch up. */
  readonly noSnapshotFallback: boolean;
}

export const defaultCompactionOptions: CompactionOptions = {
  snapshotCount: 10_000,
  snapshotIntervalUs: null,
  catchUpEntries: 5_000,
  applyCostUs: 0,
  snapshotBytesPerSecond: 200 * 1024 * 1024,
  mistakes: { triggerOnApplyLag: false, applyLagTolerance: 100, noSnapshotFallback: false },
};

/** Settings of the metrics collector. */
export interface MetricsOptions {
  /** Period of log/compaction samples (trace `log` records and time series). */
  readonly sampleIntervalUs: number;
  /** A compaction stall: no snapshot on a node for longer than this while its retained log exceeds stallEntries. */
  readonly stallBoundUs: number;
  readonly stallEntries: number;
}

export const defaultMetricsOptions: MetricsOptions = {
  sampleIntervalUs: 1_000_000,
  stallBoundUs: 30_000_000,
  stallEntries: 20_000,
};
