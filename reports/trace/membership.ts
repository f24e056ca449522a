// Membership records (Raft dissertation ch. 4): the configurations in force in the cluster, the changes leaders
// appended and the ones refused, spare servers' first starts, and removed leaders' step-downs. At the end of the
// trace they become the lanes' membership spans (spare, learner, not a member, removed) and the joint spans.
//
// "In force in the cluster" is the first `membership` record of an index above every one seen before, as
// sim/membership-metrics.ts counts changes: the time a configuration first took effect anywhere.
import { changeLabel, isJointConfig, memberStatus, parseConfig, type MemberStatus, type ParsedConfig } from '../membership-config.js';
import type { ConfChangeProposal, ConfigChange, JointSpan, MemberSpan, MembershipModel, RefusedChange } from '../model.js';
import type { ModelBuilder } from './builder.js';
import { TraceFormatError } from './error.js';
import type { ReportRecordOf } from './records.js';

/** What the membership records have built so far; `seen` stays false for runs without them. */
export class MembershipState {
  seen = false;
  /** Voters of the bootstrap configuration: meta.params.initialMembers, or null (every node). */
  initialMembers: readonly string[] | null = null;
  readonly changes: ConfigChange[] = [];
  readonly proposals: ConfChangeProposal[] = [];
  readonly refused: RefusedChange[] = [];
  readonly boots = new Map<string, number>();
  private latest: ParsedConfig | null = null;

  /** The configuration latest in force in the cluster (the bootstrap one before any change). */
  latestConfig(nodes: readonly string[]): ParsedConfig {
    return this.latest ?? bootstrapConfig(this.initialMembers ?? nodes);
  }

  setLatest(config: ParsedConfig): void {
    this.latest = config;
  }
}

function bootstrapConfig(voters: readonly string[]): ParsedConfig {
  return { voters, outgoing: null, learners: [], learnersNext: [], autoLeave: false };
}

/** meta.params.initialMembers when it is a list of node ids (runs that can change membership write it). */
export function initialMembersOf(params: { readonly [key: string]: unknown }): readonly string[] | null {
  const value = params['initialMembers'];
  return Array.isArray(value) && value.every((id) => typeof id === 'string') ? (value as string[]) : null;
}

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

/** The model's membership part at the end of the trace, or null for a run without membership records. */
export function membershipModel(b: ModelBuilder, endUs: number): MembershipModel | null {
  const m = b.membership;
  if (!m.seen) return null;
  const initial = m.initialMembers ?? b.nodes;
  return {
    initialConfig: `voters=(${initial.join(' ')})`,
    changes: m.changes,
    proposals: m.proposals,
    refused: m.refused,
    memberSpans: b.nodes.flatMap((node) => memberSpans(node, initial.includes(node), m.boots.get(node) ?? null, m.changes, endUs)),
    jointSpans: jointSpans(m.changes, endUs),
    boots: m.boots,
  };
}

/**
 * One lane's membership spans: `spare` until its boot (or the end), then, while the cluster's configuration
 * makes it a learner or no member, `learner`, `not-member` (before it first was one) or `removed` (after).
 */
export function memberSpans(node: string, initial: boolean, bootUs: number | null, changes: readonly ConfigChange[], endUs: number): MemberSpan[] {
  const spans: MemberSpan[] = [];
  const startUs = initial ? 0 : (bootUs ?? endUs);
  if (!initial && startUs > 0) spans.push({ node, kind: 'spare', fromUs: 0, toUs: startUs, index: null });
  let wasMember = initial;
  let status: MemberStatus = initial ? 'voter' : 'none';
  let sinceUs = 0;
  let sinceIndex: number | null = null;
  const close = (toUs: number): void => {
    const fromUs = Math.max(sinceUs, startUs);
    if (status === 'voter' || toUs <= fromUs) return;
    spans.push({ node, kind: status === 'learner' ? 'learner' : wasMember ? 'removed' : 'not-member', fromUs, toUs, index: sinceIndex });
  };
  for (const change of changes) {
    const next = memberStatus(parseConfig(change.config), node);
    if (next === status) continue;
    close(change.tUs);
    if (status !== 'none') wasMember = true;
    status = next;
    sinceUs = change.tUs;
    sinceIndex = change.index;
  }
  close(endUs);
  return spans;
}

/** The spans the cluster spent in a joint configuration: from one in force to the next simple one in force. */
export function jointSpans(changes: readonly ConfigChange[], endUs: number): JointSpan[] {
  const spans: JointSpan[] = [];
  let open: ConfigChange | null = null;
  for (const change of changes) {
    const joint = isJointConfig(parseConfig(change.config));
    if (joint && open === null) open = change;
    else if (!joint && open !== null) {
      spans.push({ fromUs: open.tUs, toUs: change.tUs, config: open.config, index: open.index, open: false });
      open = null;
    }
  }
  if (open !== null) spans.push({ fromUs: open.tUs, toUs: endUs, config: open.config, index: open.index, open: true });
  return spans;
}
