// Membership churn: the one change a `churn` fault proposes, chosen when it fires from the configuration in
// force at the leader (a pure function of it, the cluster's servers and the fault-target stream). In a joint
// configuration nothing else can change (see below); otherwise one of the changes possible within the voter
// bounds, equally likely: add a voter or a learner (a server not a member: a spare, or a node removed earlier),
// promote a learner, remove or demote a voter (the leader too), remove a learner, replace the leader by a
// non-member in one joint configuration, or a joint change adding one voter and removing another. A two-change request is proposed as
// `joint-implicit` or as `auto`, which must enter joint on its own (a request changing two voters cannot be a
// simple change: the many-voters mistake makes it one). Never `joint-explicit`: nothing would leave a joint
// configuration entered last before the liveness heal (faults stop there), and the run would rightly fail.
// A joint configuration with auto-leave is the leader's to leave: the churn proposes nothing then, or its leave
// would mask a leader that never proposes it (etcd #12136); the leader's auto-leave, retried every heartbeat,
// ends every correct run simple. An explicit joint one (a scripted enter-joint) is left by the churn.
import { allMembers, isJoint, type ConfChangeRequest, type Membership } from '../../raft/membership.js';
import type { NodeId } from '../../raft/types.js';
import type { Random } from '../random.js';

export interface ChurnBounds {
  readonly minVoters: number;
  readonly maxVoters: number;
}

const twoChangeTransitions: readonly ConfChangeRequest['transition'][] = ['joint-implicit', 'auto'];

/** The request, or null when no change fits (a single voter at the lower bound, no one to add) or the
 *  configuration is joint with auto-leave (the leader leaves it itself). */
export function churnRequest(membership: Membership, servers: readonly NodeId[], leader: NodeId, bounds: ChurnBounds, random: Random): ConfChangeRequest | null {
  if (isJoint(membership)) return membership.autoLeave ? null : { changes: [], transition: 'auto' };
  const voters = membership.voters;
  const learners = membership.learners;
  const members = allMembers(membership);
  const outsiders = servers.filter((id) => !members.includes(id));
  const canGrow = voters.length < bounds.maxVoters;
  const canShrink = voters.length > bounds.minVoters;
  const simple = (op: 'add-voter' | 'add-learner' | 'remove', node: NodeId): ConfChangeRequest => ({ changes: [{ op, node }], transition: 'auto' });
  const choices: (() => ConfChangeRequest)[] = [];
  if (canGrow && outsiders.length > 0) choices.push(() => simple('add-voter', random.pick(outsiders)));
  if (outsiders.length > 0) choices.push(() => simple('add-learner', random.pick(outsiders)));
  if (canGrow && learners.length > 0) choices.push(() => simple('add-voter', random.pick(learners)));
  if (canShrink) choices.push(() => simple('remove', random.pick(voters)));
  if (canShrink) choices.push(() => simple('add-learner', random.pick(voters)));
  if (learners.length > 0) choices.push(() => simple('remove', random.pick(learners)));
  const transition = (): ConfChangeRequest['transition'] => random.pick(twoChangeTransitions);
  if (outsiders.length > 0 && voters.includes(leader)) {
    choices.push(() => ({ changes: [{ op: 'add-voter', node: random.pick(outsiders) }, { op: 'remove', node: leader }], transition: transition() }));
  }
  if (outsiders.length > 0 && voters.length > 1) {
    choices.push(() => {
      const add = random.pick(outsiders);
      const remove = random.pick(voters);
      return { changes: [{ op: 'add-voter', node: add }, { op: 'remove', node: remove }], transition: transition() };
    });
  }
  return choices.length === 0 ? null : random.pick(choices)();
}
