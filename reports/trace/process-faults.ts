// Process faults: down spans (crash to restart, with what the disk lost), pauses and slow message handling.
import type { ModelBuilder } from './builder.js';
import type { ReportRecordOf } from './records.js';
import { formatMs, formatSeconds } from './text.js';

export function onCrash(b: ModelBuilder, r: ReportRecordOf<'crash'>): void {
  const { node, t } = r;
  const s = b.state(node);
  if (!s.up) return;
  b.closeRole(node, s, t);
  b.closePause(node, s, t, false);
  b.closeSlow(node, s, t, false);
  s.up = false;
  s.downSinceUs = t;
  s.downDetail = `crashed (${r.lostRecords} unsynced disk records lost, ${r.tornRecords} torn)`;
  const pending = b.pendingSnapshots.get(node);
  if (pending !== undefined) {
    b.pendingSnapshots.delete(node);
    const detail = `snapshot of index ${pending.index} (trigger ${pending.trigger}, round ${pending.round}) started ${formatSeconds(pending.tUs)}, lost in the crash before it was durable`;
    b.push(b.marks, { node, tUs: t, kind: 'snapshot-incomplete', label: '', detail }, 'marks');
  }
}

export function onRestart(b: ModelBuilder, r: ReportRecordOf<'restart'>): void {
  const { node, term, commit, t } = r;
  const s = b.state(node);
  if (!s.up) {
    const detail = `${s.downDetail}; restarted with term ${term}, commit ${commit}, last index ${r.lastIndex}`;
    b.push(b.downSpans, { node, fromUs: s.downSinceUs, toUs: t, detail, open: false }, 'down spans');
  } else {
    b.closeRole(node, s, t);
  }
  // A restarted node is a follower of its durable term (the simulator also writes a role record for that).
  s.up = true;
  s.role = 'follower';
  s.term = term;
  s.leader = null;
  s.roleSinceUs = t;
  s.commit = commit;
  s.applied = null; // unknown until the first apply after the restart
  b.sample(b.commit, node, t, commit, 'commit samples');
}

export function onPause(b: ModelBuilder, r: ReportRecordOf<'pause'>): void {
  const s = b.state(r.node);
  b.closePause(r.node, s, r.t, false);
  s.pausedSinceUs = r.t;
  s.pauseDetail = `paused (stop-the-world) for ${formatMs(r.durationUs)}`;
}

export function onResume(b: ModelBuilder, r: ReportRecordOf<'resume'>): void {
  b.closePause(r.node, b.state(r.node), r.t, false);
}

/** A stalled state machine is drawn in the slow lane: the node is up and in the protocol, but behind. */
export function onApplyStall(b: ModelBuilder, r: ReportRecordOf<'apply-stall'>): void {
  b.push(b.slowSpans, { node: r.node, fromUs: r.t, toUs: r.t + r.durationUs, detail: `state machine stalled: nothing applied for ${formatMs(r.durationUs)}`, open: false }, 'slow spans');
}

export function onSlow(b: ModelBuilder, r: ReportRecordOf<'slow'>): void {
  const s = b.state(r.node);
  b.closeSlow(r.node, s, r.t, false);
  if (r.delayUs > 0) {
    s.slowSinceUs = r.t;
    s.slowDetail = `slow: messages handled ${formatMs(r.delayUs)} late`;
  }
}

/** A version change (docs/versions.md): a mark labelled with the new version; the crash and restart around it
 *  are drawn as any down span. */
export function onUpgrade(b: ModelBuilder, r: ReportRecordOf<'upgrade'>): void {
  const detail = `${r.to > r.from ? 'upgraded' : 'downgraded'} from version ${r.from} to ${r.to} (restart with the same disk)`;
  b.push(b.marks, { node: r.node, tUs: r.t, kind: 'upgrade', label: `v${r.to}`, detail }, 'marks');
}

/** A request the node could not decode, answered with an UnsupportedResponse. */
export function onUnsupported(b: ModelBuilder, r: ReportRecordOf<'unsupported'>): void {
  const detail = `version ${r.version} could not decode ${r.rejected} from ${r.from}: ${r.what}`;
  b.push(b.marks, { node: r.node, tUs: r.t, kind: 'unsupported', label: '', detail }, 'marks');
}
