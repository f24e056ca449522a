import { formatMs, formatSeconds } from './text.js';
export function onSnapshotStart(b, r) {
    b.addNode(r.node);
    b.counts.snapshotStarts++;
    b.pendingSnapshots.set(r.node, { tUs: r.t, index: r.index, trigger: r.trigger, round: r.round });
}
export function onSnapshot(b, r) {
    const { node, t } = r;
    b.addNode(node);
    const pending = b.pendingSnapshots.get(node);
    b.pendingSnapshots.delete(node);
    const bytes = r.bytes !== undefined ? `, ${r.bytes} bytes` : '';
    const round = r.round !== undefined ? `, round ${r.round}` : '';
    const startedUs = r.startedUs ?? pending?.tUs ?? null;
    const intendedUs = r.intendedUs;
    const late = intendedUs !== undefined ? ` (window intended at ${formatSeconds(intendedUs)}, ${formatMs(t - intendedUs)} late)` : '';
    const timing = startedUs !== null ? `; started ${formatSeconds(startedUs)}, durable after ${formatMs(t - startedUs)}${late}` : '';
    b.lastSnapshotMark.set(node, { position: b.marks.length, tUs: t });
    const detail = `snapshot taken: index ${r.index}, term ${r.term}, trigger ${r.trigger}${bytes}${round}${timing}`;
    b.push(b.marks, { node, tUs: t, kind: 'snapshot', label: '', detail }, 'marks');
    b.counts.snapshots++;
    if (r.round !== undefined)
        b.push(b.compactionRounds, { node, round: r.round, index: r.index, completedUs: t }, 'compaction rounds');
    const stall = b.openStalls.get(node);
    if (stall !== undefined) {
        b.openStalls.delete(node);
        b.push(b.stallSpans, { node, fromUs: stall.fromUs, toUs: t, detail: `${stall.detail}; ended by this snapshot at ${formatSeconds(t)}`, open: false }, 'stall spans');
    }
}
export function onSnapshotSkip(b, r) {
    b.addNode(r.node);
    b.counts.snapshotSkips++;
    b.push(b.compactionRounds, { node: r.node, round: r.round, index: r.index, completedUs: r.t }, 'compaction rounds');
    const intended = r.intendedUs !== undefined ? `; window intended at ${formatSeconds(r.intendedUs)}` : '';
    const detail = `snapshot window ${r.round} skipped: nothing applied since the last snapshot (stale applied index ${r.index})${intended}`;
    b.push(b.marks, { node: r.node, tUs: r.t, kind: 'snapshot-skip', label: '', detail }, 'marks');
}
/** Adds the compaction to the node's snapshot mark of the same instant (the simulator writes the two together). */
export function onCompact(b, r) {
    const node = r.node;
    b.addNode(node);
    b.counts.compactions++;
    const text = `; log compacted to index ${r.index}, ${r.retained} entries retained, ${r.diskBytes} bytes on disk`;
    const last = b.lastSnapshotMark.get(node);
    if (last !== undefined && last.tUs === r.t && b.marks[last.position]?.node === node) {
        const mark = b.marks[last.position];
        b.marks[last.position] = { ...mark, detail: mark.detail + text };
    }
}
export function onStall(b, r) {
    b.addNode(r.node);
    b.counts.stalls++;
    const { beganAtUs, t } = r;
    if (!b.openStalls.has(r.node))
        b.openStalls.set(r.node, { fromUs: Math.min(beganAtUs, t), detail: `began ${formatSeconds(beganAtUs)}, detected ${formatSeconds(t)}: ${r.reason}` });
}
export function onLogSample(b, r) {
    b.addNode(r.node);
    b.sample(b.logEntries, r.node, r.t, r.entries, 'log samples');
    b.sample(b.snapshotLag, r.node, r.t, Math.max(0, r.applied - r.snapshotIndex), 'snapshot lag samples');
}
//# sourceMappingURL=compaction.js.map