// Cluster membership as values, and the one place changes to it are validated and applied (etcd-io/raft's
// confchange/confchange.go and tracker.Config are the model; Raft dissertation chapter 4).
//
// A Membership is what etcd calls a ConfState: voters, learners and, while joint, the outgoing voters and the
// learners-to-be (learnersNext: voters being demoted, who must keep voting in the outgoing half until the joint
// configuration is left). Every function here returns a new value; nothing is mutated. Id lists are sets kept in
// the order members joined (the bootstrap order first), so a leader visits its peers in the same order as before
// any change; they compare as sets and print sorted.
import type { ConfChangeRequest, ConfChangeTransition, Membership, MembershipChange, NodeId } from './types.js';

export type { ConfChangeRequest, ConfChangeTransition, Membership, MembershipChange } from './types.js';

/** The transitions of ConfChangeRequest (types.ts), for schemas and parsers. */
export const confChangeTransitions: readonly ConfChangeTransition[] = ['auto', 'joint-implicit', 'joint-explicit'];

export type ChangeOutcome = { readonly ok: true; readonly membership: Membership } | { readonly ok: false; readonly reason: string };

/** Bound on the changes one request may carry (a configuration entry stays a small message). */
export const maxChangesPerRequest = 16;

/** Encoded size of a configuration entry: a header plus one record per change. */
export function confChangeBytes(request: ConfChangeRequest): number {
  return 16 + 12 * request.changes.length;
}

/** The configuration a cluster boots with: these voters, nobody else. */
export function simpleMembership(voters: readonly NodeId[]): Membership {
  return { voters: [...new Set(voters)], outgoing: [], learners: [], learnersNext: [], autoLeave: false };
}

export function isJoint(membership: Membership): boolean {
  return membership.outgoing.length > 0;
}

/** Whether `id` votes in either half. */
export function isVoter(membership: Membership, id: NodeId): boolean {
  return membership.voters.includes(id) || membership.outgoing.includes(id);
}

export function isLearner(membership: Membership, id: NodeId): boolean {
  return membership.learners.includes(id) || membership.learnersNext.includes(id);
}

/** Voters of both halves, each once: whom a candidate asks and a leader tracks for commit. */
export function allVoters(membership: Membership): readonly NodeId[] {
  return membership.outgoing.length === 0 ? membership.voters : union(membership.voters, membership.outgoing);
}

/** Every member, voting or not: whom a leader replicates to. */
export function allMembers(membership: Membership): readonly NodeId[] {
  return union(union(allVoters(membership), membership.learners), membership.learnersNext);
}

export function sameMembership(a: Membership, b: Membership): boolean {
  return (
    sameIds(a.voters, b.voters) &&
    sameIds(a.outgoing, b.outgoing) &&
    sameIds(a.learners, b.learners) &&
    sameIds(a.learnersNext, b.learnersNext) &&
    a.autoLeave === b.autoLeave
  );
}

/** etcd's notation: `voters=(n1 n2 n3)&&(n1 n2) learners=(n4) learners_next=(n3) autoleave`. */
export function describeMembership(membership: Membership): string {
  const list = (ids: readonly NodeId[]): string => [...ids].sort(compareIds).join(' ');
  let text = `voters=(${list(membership.voters)})`;
  if (isJoint(membership)) text += `&&(${list(membership.outgoing)})`;
  if (membership.learners.length > 0) text += ` learners=(${list(membership.learners)})`;
  if (membership.learnersNext.length > 0) text += ` learners_next=(${list(membership.learnersNext)})`;
  if (membership.autoLeave) text += ' autoleave';
  return text;
}

/** `add-voter n4, remove n1`, or `leave-joint` for a request without changes. */
export function describeRequest(request: ConfChangeRequest): string {
  if (request.changes.length === 0) return 'leave-joint';
  const changes = request.changes.map((change) => `${change.op} ${change.node}`).join(', ');
  return request.transition === 'auto' ? changes : `${changes} (${request.transition})`;
}

/** How a request is carried out against `membership`: etcd's ConfChangeV2.EnterJoint / LeaveJoint. */
export function requestKind(request: ConfChangeRequest, rules: ChangeRules = strictRules): { readonly kind: 'leave-joint' } | { readonly kind: 'simple' } | { readonly kind: 'enter-joint'; readonly autoLeave: boolean } {
  if (request.changes.length === 0) return { kind: 'leave-joint' };
  // The broken rule applies several changes at once in one step, without a joint configuration.
  if (request.transition === 'auto' && (request.changes.length === 1 || rules.allowManyVotersInSimpleChange)) return { kind: 'simple' };
  return { kind: 'enter-joint', autoLeave: request.transition !== 'joint-explicit' };
}

/** Loosened rules, for the bug catalogue's membership mistakes (raft/bugs.ts). */
export interface ChangeRules {
  /** The mistake: a request of several changes is applied in one step, as a simple change, and a simple change
   *  may change any number of voters (quorums of consecutive configurations need not overlap; dissertation 4.1,
   *  Figure 4.2). */
  readonly allowManyVotersInSimpleChange: boolean;
}

export const strictRules: ChangeRules = Object.freeze({ allowManyVotersInSimpleChange: false });

/**
 * Applies `request` to `membership`, or says why it cannot be applied. The rules (etcd confchange, made strict:
 * a change that would do nothing is refused rather than silently ignored, etcd-io/raft#354):
 * - leave-joint needs a joint configuration; a simple change or entering joint needs a simple one, and entering
 *   joint one with voters (the outgoing half would be empty);
 * - a simple change changes at most one voter (dissertation 4.2: any two majorities of configurations that
 *   differ by one voter overlap);
 * - a node appears at most once per request; every change must change something;
 * - the incoming configuration keeps at least one voter.
 */
export function applyConfChange(membership: Membership, request: ConfChangeRequest, rules: ChangeRules = strictRules): ChangeOutcome {
  if (request.changes.length > maxChangesPerRequest) return refuse(`${request.changes.length} changes in one request, more than the ${maxChangesPerRequest} allowed`);
  const kind = requestKind(request, rules);
  switch (kind.kind) {
    case 'leave-joint':
      if (!isJoint(membership)) return refuse(`cannot leave a joint configuration: ${describeMembership(membership)} is not joint`);
      return accept(leaveJoint(membership));
    case 'simple': {
      if (isJoint(membership)) return refuse(`cannot make a simple change in the joint configuration ${describeMembership(membership)}; leave it first`);
      const changed = applyChanges(membership, request.changes);
      if (!changed.ok) return changed;
      const votersChanged = symmetricDifference(membership.voters, changed.membership.voters);
      if (votersChanged > 1 && !rules.allowManyVotersInSimpleChange) {
        return refuse(`a simple change may change at most one voter, this one changes ${votersChanged}; enter a joint configuration instead`);
      }
      return changed;
    }
    case 'enter-joint': {
      if (isJoint(membership)) return refuse(`cannot enter a joint configuration: ${describeMembership(membership)} is already joint`);
      // etcd: "can't make a zero-voter config joint" (the outgoing half would be empty, so the result not joint).
      if (membership.voters.length === 0) return refuse(`cannot enter a joint configuration from ${describeMembership(membership)}: it has no voters`);
      const start: Membership = { ...membership, outgoing: membership.voters, autoLeave: kind.autoLeave };
      return applyChanges(start, request.changes);
    }
    default:
      return unreachable(kind);
  }
}

/** etcd confchange.LeaveJoint: the outgoing half is dropped and the demoted voters become learners. */
function leaveJoint(membership: Membership): Membership {
  return {
    voters: membership.voters,
    outgoing: [],
    learners: union(membership.learners, membership.learnersNext),
    learnersNext: [],
    autoLeave: false,
  };
}

function applyChanges(membership: Membership, changes: readonly MembershipChange[]): ChangeOutcome {
  const seen = new Set<NodeId>();
  let current = membership;
  for (const change of changes) {
    if (seen.has(change.node)) return refuse(`${change.node} appears more than once in one request`);
    seen.add(change.node);
    const next = applyOne(current, change);
    if (!next.ok) return next;
    current = next.membership;
  }
  if (current.voters.length === 0) return refuse(`the change would remove every voter (${describeMembership(current)})`);
  return accept(current);
}

function applyOne(membership: Membership, change: MembershipChange): ChangeOutcome {
  const { node } = change;
  const inVoters = membership.voters.includes(node);
  const inLearners = membership.learners.includes(node) || membership.learnersNext.includes(node);
  switch (change.op) {
    case 'add-voter':
      if (inVoters) return refuse(`add-voter ${node}: ${node} is already a voter`);
      // A learner is promoted; a node in learnersNext is a voter of the outgoing half and stays one.
      return accept({ ...membership, voters: union(membership.voters, [node]), learners: without(membership.learners, node), learnersNext: without(membership.learnersNext, node) });
    case 'add-learner': {
      if (inLearners) return refuse(`add-learner ${node}: ${node} is already a learner`);
      const voters = without(membership.voters, node);
      // etcd: a voter of the outgoing half cannot be a learner at the same time; it becomes one on leave-joint.
      if (membership.outgoing.includes(node)) return accept({ ...membership, voters, learnersNext: union(membership.learnersNext, [node]) });
      return accept({ ...membership, voters, learners: union(membership.learners, [node]) });
    }
    case 'remove':
      if (!inVoters && !inLearners) return refuse(`remove ${node}: ${node} is not a member of ${describeMembership(membership)}`);
      return accept({ ...membership, voters: without(membership.voters, node), learners: without(membership.learners, node), learnersNext: without(membership.learnersNext, node) });
    default:
      return unreachable(change.op);
  }
}

// ---------------------------------------------------------------- id sets (small sorted arrays)

/** Node ids in natural order (n2 before n10). */
export function compareIds(a: NodeId, b: NodeId): number {
  const pa = /^(.*?)(\d+)$/.exec(a);
  const pb = /^(.*?)(\d+)$/.exec(b);
  if (pa !== null && pb !== null && pa[1] === pb[1]) return Number(pa[2]) - Number(pb[2]);
  return a < b ? -1 : a > b ? 1 : 0;
}

export function sortIds(ids: readonly NodeId[]): readonly NodeId[] {
  return [...new Set(ids)].sort(compareIds);
}

/** `a`, then the ids of `b` not in it, in their order. */
function union(a: readonly NodeId[], b: readonly NodeId[]): readonly NodeId[] {
  if (b.length === 0) return a;
  if (a.length === 0) return b;
  const extra = b.filter((id) => !a.includes(id));
  return extra.length === 0 ? a : [...a, ...extra];
}

function without(ids: readonly NodeId[], id: NodeId): readonly NodeId[] {
  return ids.includes(id) ? ids.filter((other) => other !== id) : ids;
}

/** Set equality (lists hold no duplicates). */
function sameIds(a: readonly NodeId[], b: readonly NodeId[]): boolean {
  if (a.length !== b.length) return false;
  for (const id of a) if (!b.includes(id)) return false;
  return true;
}

function symmetricDifference(a: readonly NodeId[], b: readonly NodeId[]): number {
  let count = 0;
  for (const id of a) if (!b.includes(id)) count++;
  for (const id of b) if (!a.includes(id)) count++;
  return count;
}

function accept(membership: Membership): ChangeOutcome {
  return { ok: true, membership };
}

function refuse(reason: string): ChangeOutcome {
  return { ok: false, reason };
}

function unreachable(value: never): never {
  throw new Error(`unreachable: ${JSON.stringify(value)}`);
}
