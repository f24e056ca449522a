// Replication, commit and apply: the commit index per node and the apply lag (commit minus applied), and the
// snapshots a follower installed from its leader.
import type { ModelBuilder } from './builder.js';
import type { ReportRecordOf } from './records.js';

export function onCommit(b: ModelBuilder, r: ReportRecordOf<'commit'>): void {
  const s = b.state(r.node);
  s.commit = r.index;
  b.sample(b.commit, r.node, r.t, r.index, 'commit samples');
  b.sampleLag(r.node, s, r.t);
}

export function onApply(b: ModelBuilder, r: ReportRecordOf<'apply'>): void {
  const s = b.state(r.node);
  s.applied = r.index;
  b.sampleLag(r.node, s, r.t);
}

export function onSnapshotInstall(b: ModelBuilder, r: ReportRecordOf<'snapshot-install'>): void {
  const { node, index } = r;
  const s = b.state(node);
  s.applied = index;
  s.commit = Math.max(s.commit ?? 0, index);
  b.sampleLag(node, s, r.t);
  b.push(b.marks, { node, tUs: r.t, kind: 'snapshot-install', label: '', detail: `installed snapshot from leader: index ${index}, term ${r.term}` }, 'marks');
  b.counts.snapshotInstalls++;
}
