// The membership part of the run model (Raft dissertation ch. 4), apart from the record handlers
// (membership.ts): what the records have built so far, and at the end of the trace the lanes' membership spans
// (spare, learner, not a member, removed) and the joint spans. Kept apart so that the builder can hold it without
// importing the handlers, which need the builder.
import { memberStatus, parseConfig, type MemberStatus, type ParsedConfig } from '../membership-config.js';
import type { ConfChangeProposal, ConfigChange, JointSpan, MemberSpan, MembershipModel, RefusedChange } from '../model.js';

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

/** The model's membership part at the end of the trace, or null for a run without membership records. */
export function membershipModel(m: MembershipState, nodes: readonly string[], endUs: number): MembershipModel | null {
  if (!m.seen) return null;
  const initial = m.initialMembers ?? nodes;
  // Parsed once here for every lane (the records were checked when read: membership.ts onMembership).
  const configs = m.changes.map((change) => parseConfig(change.config));
  return {
    initialConfig: `voters=(${initial.join(' ')})`,
    changes: m.changes,
    proposals: m.proposals,
    refused: m.refused,
    memberSpans: nodes.flatMap((node) => memberSpans(node, initial.includes(node), m.boots.get(node) ?? null, m.changes, configs, endUs)),
    jointSpans: jointSpans(m.changes, endUs),
    boots: m.boots,
  };
}

/**
 * One lane's membership spans: `spare` until its boot (or the end), then, while the cluster's configuration
 * makes it a learner or no member, `learner`, `not-member` (before it first was one) or `removed` (after).
 */
export function memberSpans(node: string, initial: boolean, bootUs: number | null, changes: readonly ConfigChange[], configs: readonly ParsedConfig[], endUs: number): MemberSpan[] {
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
  for (let k = 0; k < changes.length; k++) {
    const change = changes[k]!;
    const next = memberStatus(configs[k]!, node);
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
    if (change.joint && open === null) open = change;
    else if (!change.joint && open !== null) {
      spans.push({ fromUs: open.tUs, toUs: change.tUs, config: open.config, index: open.index, open: false });
      open = null;
    }
  }
  if (open !== null) spans.push({ fromUs: open.tUs, toUs: endUs, config: open.config, index: open.index, open: true });
  return spans;
}
