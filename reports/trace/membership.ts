// Membership records (Raft dissertation ch. 4): the configurations in force in the cluster, the changes leaders
// appended and the ones refused, spare servers' first starts, and removed leaders' step-downs; they build the
// MembershipState (membership-state.ts) that becomes the model's membership part at the end of the trace.
//
// "In force in the cluster" is the first `membership` record of an index above every one seen before, as
// sim/membership-metrics.ts counts changes: the time a configuration first took effect anywhere.
import { changeLabel, parseConfig, type ParsedConfig } from '../membership-config.js';
import type { ModelBuilder } from './builder.js';
import { TraceFormatError } from './error.js';
import type { ReportRecordOf } from './records.js';

export function onMembership(b: ModelBuilder, r: ReportRecordOf<'membership'>): void {
  b.addNode(r.node);
  const m = b.membership;
  m.seen = true;
  let config: ParsedConfig;
  try {
    config = parseConfig(r.config);
  } catch (error) {
    throw new TraceFormatError(`membership: ${error instanceof Error ? error.message : String(error)}`, b.line);
  }
  // Its later candidacies count votes over it (contract/election-terms.ts), as the run's metrics do.
  b.electionTerms.configure(r.node, { voters: config.voters, outgoing: config.outgoing ?? [] });
  const last = m.changes[m.changes.length - 1];
  if (last !== undefined && r.index <= last.index) return;
  const label = changeLabel(m.latestConfig(b.nodes), config, r.index);
  const proposal = [...m.proposals].reverse().find((p) => p.index === r.index) ?? null;
  m.setLatest(config);
  b.push(m.changes, { tUs: r.t, index: r.index, term: r.term, node: r.node, config: r.config, joint: r.joint, label, proposal }, 'configuration changes');
}

export function onConfChange(b: ModelBuilder, r: ReportRecordOf<'conf-change'>): void {
  b.addNode(r.node);
  b.membership.seen = true;
  b.push(b.membership.proposals, { tUs: r.t, node: r.node, index: r.index, term: r.term, request: r.request, auto: r.auto }, 'configuration proposals');
}

export function onConfChangeRefused(b: ModelBuilder, r: ReportRecordOf<'conf-change-refused'>): void {
  if (r.node !== null) b.addNode(r.node);
  b.membership.seen = true;
  b.push(b.membership.refused, { tUs: r.t, node: r.node, request: r.request, reason: r.reason, detail: r.detail, attempt: r.attempt, final: r.final }, 'refused changes');
}

export function onRemovedStepDown(b: ModelBuilder, r: ReportRecordOf<'removed-step-down'>): void {
  b.addNode(r.node);
  b.membership.seen = true;
  b.push(b.marks, { node: r.node, tUs: r.t, kind: 'removed-step-down', label: '', detail: `leader of term ${r.term} stepped down: no longer a voter of the configuration in force` }, 'marks');
}

/** A spare's first start: its lane begins here (role spans before it are not drawn; see ModelBuilder.closeRole). */
export function onBoot(b: ModelBuilder, r: ReportRecordOf<'boot'>): void {
  const s = b.state(r.node);
  b.membership.seen = true;
  if (!b.membership.boots.has(r.node)) b.membership.boots.set(r.node, r.t);
  if (!s.started) {
    s.started = true;
    s.roleSinceUs = r.t;
  }
}
