export function onCommit(b, r) {
    const s = b.state(r.node);
    s.commit = r.index;
    b.sample(b.commit, r.node, r.t, r.index, 'commit samples');
    b.sampleLag(r.node, s, r.t);
}
export function onApply(b, r) {
    const s = b.state(r.node);
    s.applied = r.index;
    b.sampleLag(r.node, s, r.t);
}
export function onSnapshotInstall(b, r) {
    const { node, index } = r;
    const s = b.state(node);
    s.applied = index;
    s.commit = Math.max(s.commit ?? 0, index);
    b.sampleLag(node, s, r.t);
    b.push(b.marks, { node, tUs: r.t, kind: 'snapshot-install', label: '', detail: `installed snapshot from leader: index ${index}, term ${r.term}` }, 'marks');
    b.counts.snapshotInstalls++;
}
//# sourceMappingURL=replication.js.map