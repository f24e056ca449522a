// Liveness mistakes random-chaos found in our own RaftNode, each pinned by the smallest history that shows it
// (the seeds are in the comments at the fix in raft/node.ts). Both wedged a cluster forever with every node up.
import { describe, expect, it } from 'vitest';
import { type ConfChangeRequest, describeMembership } from '../raft/membership.js';
import type { Message } from '../raft/types.js';
import { Harness } from './support/raft-harness.js';
import { three } from './support/raft-bugs.js';

const wait = (h: Harness, us: number): void => h.advanceTo(h.nowUs + us);
const promote = (node: string): ConfChangeRequest => ({ changes: [{ op: 'add-voter', node }], transition: 'auto' });
const addLearner = (node: string): ConfChangeRequest => ({ changes: [{ op: 'add-learner', node }], transition: 'auto' });

/** n1 n2 n3 with n1 leading (PreVote, CheckQuorum and stickiness off), and n4 joined as a learner. */
function withLearnerN4(): Harness {
  const h = new Harness(three, { preVote: false, checkQuorum: false, leaderStickiness: false });
  h.campaign('n1');
  wait(h, 200_000);
  h.join('n4');
  expect(h.changeConf('n1', addLearner('n4'))).toMatchObject({ ok: true });
  wait(h, 200_000);
  return h;
}

describe('a voter whose configuration is behind', () => {
  it('grants its vote to a candidate it still knows as a learner (promoted by entries it never received)', () => {
    const h = withLearnerN4();
    // n2 misses the promotion: n1 and n3 commit it (a majority of n1 n2 n3, the configuration it is decided in)
    // and apply it on the next heartbeat, within n2's election timeout (150 ms at least).
    h.isolate('n2');
    expect(h.changeConf('n1', promote('n4'))).toMatchObject({ ok: true });
    wait(h, 100_000);
    expect(describeMembership(h.node('n4').membership)).toBe('voters=(n1 n2 n3 n4)');
    expect(describeMembership(h.node('n2').membership)).toBe('voters=(n1 n2 n3) learners=(n4)');
    // The leader is gone. n4 needs three of four votes: its own, n3's, and n2's, who still sees a learner.
    h.heal();
    h.isolate('n1');
    h.campaign('n4');
    expect(h.node('n4').role).toBe('leader'); // n1, cut off, still thinks it leads (CheckQuorum is off)
    wait(h, 300_000);
    expect(describeMembership(h.node('n2').membership)).toBe('voters=(n1 n2 n3 n4)');
  });
});

describe('InstallSnapshot in chunks', () => {
  it('starts the transfer again when the follower restarts mid-way (its partial snapshot is volatile)', () => {
    const h = new Harness(three, { preVote: false, snapshotChunkBytes: 4 });
    h.campaign('n1');
    wait(h, 200_000);
    h.isolate('n3');
    for (const value of ['a', 'b', 'c']) h.propose('n1', value);
    const leader = h.node('n1');
    const index = leader.log.applied;
    leader.compact({ meta: { index, term: leader.log.term(index)!, membership: leader.membershipAt(index) }, data: 'image', bytes: 40 }, index);
    h.heal();
    // Let three chunks (of ten) through, with their answers; then n3 restarts and has none of them.
    let chunks = 0;
    for (let k = 1; k <= 20 && chunks < 3; k++) {
      h.advanceTo(h.nowUs + 50_000, false);
      h.deliverWhere((message) => message.type !== 'InstallSnapshot' || ++chunks <= 3);
    }
    h.take((message) => message.to === 'n3' || message.from === 'n3');
    expect(chunks).toBeGreaterThanOrEqual(3);
    h.restart('n3');
    wait(h, 1_000_000);
    expect(h.node('n3').log.compacted.index).toBeGreaterThanOrEqual(index);
    expect(h.node('n3').log.committed).toBe(leader.log.committed);
  });
});

describe('a heartbeat of a term below ours (PreVote and CheckQuorum off)', () => {
  const staleHeartbeat = (to: string, term: number): Message => ({ type: 'Heartbeat', from: 'n1', to, term, commit: 0, readContext: 0, sentAtUs: 0 });
  const answers = (h: Harness, id: string): Message[] => h.take((message) => message.from === id && message.to === 'n1');

  it('is answered with our term when we cannot campaign (no voter of our own configuration), else ignored as etcd does', () => {
    const h = withLearnerN4();
    // n4 (a learner: it cannot campaign) and n2 (a voter) both move to a later term than the leader's.
    const term = h.node('n1').currentTerm;
    for (const id of ['n2', 'n4']) {
      h.node(id).step({ type: 'RequestVote', from: 'n3', to: id, term: term + 5, lastLogIndex: 0, lastLogTerm: 0, transfer: false }, h.localUs(id));
      h.flush(id);
      h.take((message) => message.from === id);
      expect(h.node(id).currentTerm).toBe(term + 5);
    }
    h.deliver(staleHeartbeat('n4', term));
    expect(answers(h, 'n4')).toEqual([expect.objectContaining({ type: 'AppendEntriesResponse', term: term + 5, reject: true })]);
    // A voter campaigns, and its vote requests carry its term to the leader: it needs no answer.
    h.deliver(staleHeartbeat('n2', term));
    expect(answers(h, 'n2')).toEqual([]);
  });
});
