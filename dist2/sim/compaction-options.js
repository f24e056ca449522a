// Snapshot and compaction settings of every node, and the switches that reproduce real mistakes.
export const defaultCompactionOptions = {
    snapshotCount: 10_000,
    snapshotIntervalUs: null,
    catchUpEntries: 5_000,
    applyCostUs: 0,
    snapshotBytesPerSecond: 200 * 1024 * 1024,
    mistakes: { triggerOnApplyLag: false, applyLagTolerance: 100, noSnapshotFallback: false },
};
export const defaultMetricsOptions = {
    sampleIntervalUs: 1_000_000,
    stallBoundUs: 30_000_000,
    stallEntries: 20_000,
};
//# sourceMappingURL=compaction-options.js.map