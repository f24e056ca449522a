// Raft roles and elections: role spans per node, leader changes, election starts, step-downs and leadership
// transfers as lane marks.
import type { ModelBuilder } from './builder.js';
import type { ReportRecordOf } from './records.js';

export function onRole(b: ModelBuilder, r: ReportRecordOf<'role'>): void {
  const { node, role, term } = r;
  const s = b.state(node);
  // The simulator writes a role record only when a node's role or term changes; so do its metrics.
  b.electionTerms.role(node, role, term);
  b.closeRole(node, s, r.t);
  if (!s.up) {
    // A role record for a crashed node: the simulator does not write it, but draw it rather than hide it.
    s.up = true;
    b.push(b.downSpans, { node, fromUs: s.downSinceUs, toUs: r.t, detail: s.downDetail, open: false }, 'down spans');
  }
  if (role === 'leader' && (s.role !== 'leader' || s.term !== term)) b.push(b.leaderChanges, { node, term, tUs: r.t }, 'leader changes');
  s.role = role;
  s.term = term;
  s.leader = r.leader;
}

export function onElection(b: ModelBuilder, r: ReportRecordOf<'election'>): void {
  b.addNode(r.node);
  if (!r.preVote) b.electionTerms.campaign(r.node, r.term);
  b.push(b.elections, { node: r.node, tUs: r.t, preVote: r.preVote, term: r.term, transfer: r.transfer }, 'elections');
}

export function onStepDown(b: ModelBuilder, r: ReportRecordOf<'step-down'>): void {
  b.addNode(r.node);
  b.push(b.marks, { node: r.node, tUs: r.t, kind: 'step-down', label: '', detail: `step-down from leader, term ${r.term} (${r.reason})` }, 'marks');
}

export function onTransfer(b: ModelBuilder, r: ReportRecordOf<'transfer-start'> | ReportRecordOf<'transfer-abort'>): void {
  b.addNode(r.node);
  const what = r.type === 'transfer-start' ? 'leadership transfer to' : 'transfer aborted, to';
  b.push(b.marks, { node: r.node, tUs: r.t, kind: 'transfer', label: '', detail: `${what} ${r.to}, term ${r.term}` }, 'marks');
}
