import { electionBuckets } from './elections.js';
import { latencyRange } from './latency.js';
import { reduceNodeSeries } from './node-series.js';
/** The y extents of every chart for this run (for charts of two runs on the same scales). */
export function chartExtents(ctx) {
    const seriesMax = (map) => {
        const { nodes, max } = reduceNodeSeries(ctx, map);
        return nodes.length === 0 ? null : max;
    };
    const { elections, leaderChanges } = ctx.model;
    return {
        commit: seriesMax(ctx.model.commit),
        applyLag: seriesMax(ctx.model.applyLag),
        logEntries: seriesMax(ctx.model.logEntries),
        snapshotLag: seriesMax(ctx.model.snapshotLag),
        latency: latencyRange(ctx),
        elections: elections.length === 0 && leaderChanges.length === 0 ? null : electionBuckets(ctx).max,
    };
}
/** The extents covering both runs. */
export function mergeExtents(a, b) {
    const max = (p, q) => (p === null ? q : q === null ? p : Math.max(p, q));
    const latency = a.latency === null ? b.latency : b.latency === null ? a.latency : [Math.min(a.latency[0], b.latency[0]), Math.max(a.latency[1], b.latency[1])];
    return {
        commit: max(a.commit, b.commit),
        applyLag: max(a.applyLag, b.applyLag),
        logEntries: max(a.logEntries, b.logEntries),
        snapshotLag: max(a.snapshotLag, b.snapshotLag),
        latency,
        elections: max(a.elections, b.elections),
    };
}
//# sourceMappingURL=extents.js.map