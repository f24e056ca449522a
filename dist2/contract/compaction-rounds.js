// Compaction rounds (docs/metrics.md, "compaction drift"): the snapshots of one round — the same local-clock
// window (`time:k`) or the same count (`count:r`) on every node — and how far apart in time and in log index
// the nodes completed it. One definition for the simulator's metrics (sim/compaction-drift.ts, the summary's
// "drift over N rounds") and the run report's drift chart.
/** The rounds two or more nodes took part in, in order of first appearance, with their spreads. */
export function roundSpreads(records) {
    const rounds = new Map();
    for (const record of records) {
        let members = rounds.get(record.round);
        if (members === undefined) {
            members = [];
            rounds.set(record.round, members);
        }
        members.push(record);
    }
    const out = [];
    for (const [round, members] of rounds) {
        if (members.length < 2)
            continue;
        let minUs = Number.POSITIVE_INFINITY;
        let maxUs = Number.NEGATIVE_INFINITY;
        let minIndex = Number.POSITIVE_INFINITY;
        let maxIndex = Number.NEGATIVE_INFINITY;
        for (const m of members) {
            minUs = Math.min(minUs, m.completedUs);
            maxUs = Math.max(maxUs, m.completedUs);
            minIndex = Math.min(minIndex, m.index);
            maxIndex = Math.max(maxIndex, m.index);
        }
        out.push({ round, members: members.length, lastUs: maxUs, timeSpreadUs: maxUs - minUs, indexSpread: maxIndex - minIndex });
    }
    return out;
}
//# sourceMappingURL=compaction-rounds.js.map