// Read-only views of the cluster: who leads, whether it converged (the liveness check), and one node's state as
// violation reports and the final result show it.
import { allMembers, describeMembership, isJoint, isVoter } from '../../raft/membership.js';
import type { NodeId } from '../network.js';
import type { SimNode } from './node.js';

/** The running leader of the highest term, if any. A node that leads a configuration it is no longer a voter of
 *  (a removed leader before it steps down) does not count. */
export function leaderOf(nodes: ReadonlyMap<NodeId, SimNode>): SimNode | null {
  let best: SimNode | null = null;
  for (const node of nodes.values()) {
    if (node.process.status !== 'up' || node.raft.role !== 'leader' || (best !== null && node.raft.currentTerm <= best.raft.currentTerm)) continue;
    const membership = node.raft.membership;
    if (membership === undefined || isVoter(membership, node.id)) best = node;
  }
  return best;
}

/** The liveness verdict; `node` names the member a failing reason is about (absent when it is about the leader). */
export interface Convergence {
  readonly ok: boolean;
  readonly reason: string;
  readonly node?: NodeId;
}

/** Liveness: one leader of the highest term, in a simple configuration, and every member of it (voters and
 *  learners; every node for a Raft without membership) up and holding the same committed, applied log. Spares
 *  never started and removed nodes that keep running are not members. */
export function convergence(nodes: ReadonlyMap<NodeId, SimNode>): Convergence {
  const leader = leaderOf(nodes);
  if (leader === null) return { ok: false, reason: 'no leader' };
  const log = leader.raft.log;
  if (log.term(log.committed) !== leader.raft.currentTerm) return { ok: false, reason: `leader ${leader.id} has not committed an entry of its term ${leader.raft.currentTerm}` };
  const membership = leader.raft.membership;
  if (membership !== undefined && isJoint(membership)) return { ok: false, reason: `still joint at leader ${leader.id}: ${describeMembership(membership)}` };
  const members = membership === undefined ? null : allMembers(membership);
  for (const node of nodes.values()) {
    if (node.process.spare || (members !== null && !members.includes(node.id))) continue;
    const behind = memberNotConverged(node, leader);
    if (behind !== null) return { ok: false, reason: behind, node: node.id };
  }
  return { ok: true, reason: 'converged' };
}

/** Why a member does not match the leader yet, or null when it does. */
function memberNotConverged(node: SimNode, leader: SimNode): string | null {
  if (node.process.status !== 'up') return `${node.id} is ${node.process.status}`;
  if (node !== leader && node.raft.role === 'leader') return `${node.id} also claims leadership (term ${node.raft.currentTerm})`;
  if (node.raft.currentTerm > leader.raft.currentTerm) return `${node.id} is in term ${node.raft.currentTerm}, past the leader's`;
  const log = leader.raft.log;
  const nodeLog = node.raft.log;
  if (nodeLog.committed !== log.lastIndex()) return `${node.id} commit ${nodeLog.committed} != leader last index ${log.lastIndex()}`;
  if (nodeLog.applied !== nodeLog.committed) return `${node.id} applied ${nodeLog.applied} < commit ${nodeLog.committed}`;
  if (nodeLog.term(nodeLog.lastIndex()) !== log.term(log.lastIndex())) return `${node.id} last term differs from the leader's`;
  return null;
}

/** The nodes the liveness check holds to the leader's log: the members of the leader's configuration (every node
 *  for a Raft without membership), spares never started left out. */
export function membersOf(nodes: ReadonlyMap<NodeId, SimNode>): SimNode[] {
  const membership = leaderOf(nodes)?.raft.membership;
  const members = membership === undefined ? null : allMembers(membership);
  return [...nodes.values()].filter((node) => !node.process.spare && (members === null || members.includes(node.id)));
}

/** A node's state for violation reports and the run's final state (its log's last ten entries as [index, term]). */
export function describeNode(node: SimNode, nowUs: number): unknown {
  const log = node.raft.log;
  const tail: [number, number][] = [];
  for (let index = Math.max(log.firstIndex(), log.lastIndex() - 9); index <= log.lastIndex(); index++) tail.push([index, log.term(index)!]);
  return {
    status: node.process.status,
    role: node.raft.role,
    term: node.raft.currentTerm,
    vote: node.raft.votedFor,
    leader: node.raft.leader,
    commit: log.committed,
    applied: log.applied,
    firstIndex: log.firstIndex(),
    lastIndex: log.lastIndex(),
    lastEntries: tail,
    clockOffsetUs: node.clock.offsetAt(nowUs),
    // Only once it changed (or for a spare), so that the final state of a run without changes is unchanged.
    ...(node.observed.membership !== node.bootstrap ? { config: describeMembership(node.observed.membership) } : {}),
    ...(node.process.spare ? { spare: true } : {}),
  };
}
