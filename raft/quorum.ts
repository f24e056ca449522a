// Quorum arithmetic in one place, so joint configurations (membership changes) can later replace
// the majority rule without touching the node (etcd-io/raft quorum/ is the model).
import type { Membership } from './membership.js';
import type { NodeId } from './types.js';

export type VoteOutcome = 'won' | 'lost' | 'pending';

export function quorumSize(voterCount: number): number {
  if (voterCount < 1) throw new Error(`quorumSize: a configuration needs at least one voter, got ${voterCount}`);
  return Math.floor(voterCount / 2) + 1;
}

/** The largest index that a majority of voters have (paper 5.3, 5.4.2): sort descending, take the quorum-th. */
/** Scratch space for committedIndex: it runs on every acknowledgement, so it must not allocate. Times have
 *  their own: microsecond times pass 2^30 after 18 minutes, and one such value turns a shared array into
 *  doubles, after which every commit index read from it is a freshly boxed number (kept alive in hard states). */
const scratch: number[] = [];
const timeScratch: number[] = [];

export function committedIndex(voters: readonly NodeId[], matchOf: (id: NodeId) => number, quorum = quorumSize(voters.length)): number {
  // Insertion sort, descending, into reused scratch space: clusters have a handful of voters.
  const count = voters.length;
  for (let k = 0; k < count; k++) {
    const value = matchOf(voters[k]!);
    let position = k;
    while (position > 0 && scratch[position - 1]! < value) {
      scratch[position] = scratch[position - 1]!;
      position--;
    }
    scratch[position] = value;
  }
  return scratch[Math.max(1, Math.min(quorum, count)) - 1]!;
}

/** Whether the recorded votes already decide an election. Voters who have not answered count as pending.
 *  `quorum` is the node's own notion of a quorum (it differs from the majority only in a broken variant). */
export function voteOutcome(voters: readonly NodeId[], votes: ReadonlyMap<NodeId, boolean>, quorum = quorumSize(voters.length)): VoteOutcome {
  let granted = 0;
  let rejected = 0;
  for (const voter of voters) {
    const vote = votes.get(voter);
    if (vote === true) granted++;
    else if (vote === false) rejected++;
  }
  if (granted >= quorum) return 'won';
  if (rejected > voters.length - quorum) return 'lost';
  return 'pending';
}

/** True when the predicate holds for a quorum of voters. */
export function hasQuorum(voters: readonly NodeId[], holds: (id: NodeId) => boolean, quorum = quorumSize(voters.length)): boolean {
  let count = 0;
  for (const voter of voters) if (holds(voter)) count++;
  return count >= quorum;
}

/** The quorum-th largest of per-voter times: the moment by which a quorum had acknowledged. */
export function quorumTime(voters: readonly NodeId[], timeOf: (id: NodeId) => number, quorum = quorumSize(voters.length)): number {
  // Same insertion sort as committedIndex, into its own scratch space: this runs on every heartbeat acknowledgement,
  // and mapping plus sorting a fresh array there showed up in allocation profiles.
  const count = voters.length;
  for (let k = 0; k < count; k++) {
    const value = timeOf(voters[k]!);
    let position = k;
    while (position > 0 && timeScratch[position - 1]! < value) {
      timeScratch[position] = timeScratch[position - 1]!;
      position--;
    }
    timeScratch[position] = value;
  }
  return timeScratch[Math.max(1, Math.min(quorum, count)) - 1]!;
}

// ---------------------------------------------------------------- joint configurations (dissertation 4.3)
// While joint, every decision needs a majority of the incoming voters AND a majority of the outgoing ones; a
// simple configuration has no outgoing half, which then agrees to everything. `quorumOf` is the node's own rule
// for one half (the majority, except in a broken variant).

/** The majority of a set, as a function: the default rule for one half. */
export const majorityOf = (count: number): number => quorumSize(count);

/** The largest index held by a quorum of the configuration: the smaller of the halves' answers. */
export function jointCommittedIndex(membership: Membership, matchOf: (id: NodeId) => number, quorumOf: (count: number) => number = majorityOf): number {
  const incoming = committedIndex(membership.voters, matchOf, quorumOf(membership.voters.length));
  if (membership.outgoing.length === 0) return incoming;
  return Math.min(incoming, committedIndex(membership.outgoing, matchOf, quorumOf(membership.outgoing.length)));
}

/** Won when both halves are won, lost as soon as either is lost. */
export function jointVoteOutcome(membership: Membership, votes: ReadonlyMap<NodeId, boolean>, quorumOf: (count: number) => number = majorityOf): VoteOutcome {
  const incoming = voteOutcome(membership.voters, votes, quorumOf(membership.voters.length));
  if (membership.outgoing.length === 0) return incoming;
  const outgoing = voteOutcome(membership.outgoing, votes, quorumOf(membership.outgoing.length));
  if (incoming === 'lost' || outgoing === 'lost') return 'lost';
  return incoming === 'won' && outgoing === 'won' ? 'won' : 'pending';
}

export function jointHasQuorum(membership: Membership, holds: (id: NodeId) => boolean, quorumOf: (count: number) => number = majorityOf): boolean {
  if (!hasQuorum(membership.voters, holds, quorumOf(membership.voters.length))) return false;
  return membership.outgoing.length === 0 || hasQuorum(membership.outgoing, holds, quorumOf(membership.outgoing.length));
}

/** The moment by which a quorum of both halves had acknowledged: the earlier of the halves' quorum times. */
export function jointQuorumTime(membership: Membership, timeOf: (id: NodeId) => number, quorumOf: (count: number) => number = majorityOf): number {
  const incoming = quorumTime(membership.voters, timeOf, quorumOf(membership.voters.length));
  if (membership.outgoing.length === 0) return incoming;
  return Math.min(incoming, quorumTime(membership.outgoing, timeOf, quorumOf(membership.outgoing.length)));
}

/** Whether `members` contain a majority of each half. */
export function isJointQuorum(membership: Membership, members: ReadonlySet<NodeId>): boolean {
  return jointHasQuorum(membership, (id) => members.has(id));
}

/** Bound on the voters quorumsOverlap enumerates subsets of (2^n work). */
const maxOverlapVoters = 16;

/**
 * Whether every quorum of `a` shares a node with every quorum of `b` — what keeps two leaders, one elected under
 * each configuration, from both committing (dissertation 4.1). Exhaustive: for each set of nodes that is a quorum
 * of `a`, its complement must not hold a quorum of `b` (quorums are upward closed, so checking the complement
 * suffices). Configurations have a handful of voters; more than 16 in the union is refused.
 */
export function quorumsOverlap(a: Membership, b: Membership): boolean {
  const nodes = [...new Set([...a.voters, ...a.outgoing, ...b.voters, ...b.outgoing])];
  if (nodes.length > maxOverlapVoters) throw new Error(`quorumsOverlap: ${nodes.length} voters, more than the ${maxOverlapVoters} it can enumerate`);
  const subsets = 1 << nodes.length;
  for (let mask = 0; mask < subsets; mask++) {
    const chosen = new Set<NodeId>();
    const rest = new Set<NodeId>();
    for (let k = 0; k < nodes.length; k++) ((mask >> k) & 1 ? chosen : rest).add(nodes[k]!);
    if (isJointQuorum(a, chosen) && isJointQuorum(b, rest)) return false;
  }
  return true;
}
