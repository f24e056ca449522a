// Membership changes in RaftNode (dissertation chapter 4; etcd-io/raft's confchange and raft.go are the model):
// servers joining and catching up, removal (also of the leader), joint configurations and auto-leave, learners,
// the one-change-at-a-time and own-term rules, refusals with their reasons, configurations in snapshots and
// across restarts, servers outside the configuration not disrupting it, and append-time activation.
import { describe, expect, it } from 'vitest';
import { type ConfChangeRequest, describeMembership, type MembershipChange } from '../raft/membership.js';
import type { RaftNode } from '../raft/node.js';
import type { Message, NodeId, RaftEvent } from '../raft/types.js';
import { Harness } from './support/raft-harness.js';
import { heartbeatRound as heartbeat, three } from './support/raft-bugs.js';

/** Runs every node's timers for `us` of shared time, delivering everything. */
const wait = (h: Harness, us: number): void => h.advanceTo(h.nowUs + us);

const simple = (op: MembershipChange['op'], node: NodeId): ConfChangeRequest => ({ changes: [{ op, node }], transition: 'auto' });
const joint = (changes: MembershipChange[], transition: ConfChangeRequest['transition'] = 'auto'): ConfChangeRequest => ({ changes, transition });
const leave: ConfChangeRequest = { changes: [], transition: 'auto' };

/** Three voters, n1 elected and its noop committed everywhere. */
function cluster(patch = {}): Harness {
  const h = new Harness(three, { preVote: false, ...patch });
  h.campaign('n1');
  expect(h.leaders()).toEqual(['n1']);
  wait(h, 200_000);
  return h;
}

const conf = (node: RaftNode): string => describeMembership(node.membership);
const events = (node: RaftNode): readonly RaftEvent[] => node.takeEvents();

describe('joining and leaving one server at a time', () => {
  it('a new server boots outside the configuration, catches up, becomes a voter on apply, and counts toward commits', () => {
    const h = cluster();
    h.propose('n1', 'a');
    const n4 = h.join('n4');
    expect(conf(n4)).toBe('voters=(n1 n2 n3)');
    expect(h.changeConf('n1', simple('add-voter', 'n4'))).toMatchObject({ ok: true });
    wait(h, 200_000);
    for (const id of ['n1', 'n2', 'n3', 'n4']) expect(conf(h.node(id)), id).toBe('voters=(n1 n2 n3 n4)');
    expect(h.node('n4').log.committed).toBe(h.node('n1').log.committed);
    expect(h.applied.get('n4')!.map((entry) => entry.data)).toContain('a');
    // Four voters: a quorum is three. With n2 and n3 cut off, n1 and n4 cannot commit.
    h.isolate('n2');
    h.isolate('n3');
    const before = h.node('n1').log.committed;
    h.node('n1').propose('b', 1, h.localUs('n1'));
    h.deliverAll();
    expect(h.node('n1').log.committed).toBe(before);
  });

  it('a removed server that never learnt of its removal keeps campaigning, and nobody raises its term for it', () => {
    const h = cluster({ checkQuorum: false, leaderStickiness: false });
    // n3 is cut off before the removal: n1 and n2 commit it without n3, which keeps the old configuration.
    h.isolate('n3');
    expect(h.changeConf('n1', simple('remove', 'n3'))).toMatchObject({ ok: true });
    wait(h, 200_000);
    expect(conf(h.node('n1'))).toBe('voters=(n1 n2)');
    expect(conf(h.node('n3'))).toBe('voters=(n1 n2 n3)');
    const term = h.node('n1').currentTerm;
    h.heal();
    for (let k = 0; k < 5; k++) h.campaign('n3');
    expect(h.node('n3').currentTerm).toBeGreaterThan(term);
    expect(h.node('n1').currentTerm).toBe(term);
    expect(h.node('n2').currentTerm).toBe(term);
    expect(h.leaders()).toEqual(['n1']);
  });

  it('a removed leader steps down once it applies its removal, and the others elect a new leader', () => {
    const h = cluster();
    expect(h.changeConf('n1', simple('remove', 'n1'))).toMatchObject({ ok: true });
    wait(h, 100_000);
    expect(h.node('n1').role).toBe('follower');
    expect(events(h.node('n1')).some((event) => event.kind === 'removed-step-down')).toBe(true);
    wait(h, 2_000_000);
    expect(h.leaders().length).toBe(1);
    expect(['n2', 'n3']).toContain(h.leaders()[0]);
    // n1 is no voter now: its timer fires without a campaign.
    const term = h.node('n1').currentTerm;
    h.timeout('n1');
    expect(h.node('n1').role).toBe('follower');
    expect(h.node('n1').currentTerm).toBe(term);
  });
});

describe('joint consensus (dissertation 4.3, etcd ConfChangeV2)', () => {
  it('several changes enter a joint configuration that the leader leaves on its own once applied', () => {
    const h = cluster();
    h.join('n4');
    h.join('n5');
    const result = h.changeConf('n1', joint([{ op: 'add-voter', node: 'n4' }, { op: 'add-voter', node: 'n5' }, { op: 'remove', node: 'n3' }]));
    expect(result).toMatchObject({ ok: true });
    const proposed = events(h.node('n1')).filter((event) => event.kind === 'conf-change-proposed');
    expect(proposed.map((event) => event.kind === 'conf-change-proposed' && event.auto)).toEqual([false, true]);
    wait(h, 300_000);
    for (const id of ['n1', 'n2', 'n4', 'n5']) expect(conf(h.node(id)), id).toBe('voters=(n1 n2 n4 n5)');
  });

  it('while joint, a commit needs a majority of both halves', () => {
    const h = cluster();
    h.join('n4');
    h.join('n5');
    // Explicit: stays joint until told.
    h.changeConf('n1', joint([{ op: 'add-voter', node: 'n4' }, { op: 'add-voter', node: 'n5' }, { op: 'remove', node: 'n2' }, { op: 'remove', node: 'n3' }], 'joint-explicit'));
    wait(h, 300_000);
    expect(conf(h.node('n1'))).toBe('voters=(n1 n4 n5)&&(n1 n2 n3)');
    // n4 and n5 with n1 are a majority of the incoming half but only n1 of the outgoing one.
    h.isolate('n2');
    h.isolate('n3');
    const before = h.node('n1').log.committed;
    h.node('n1').propose('x', 1, h.localUs('n1'));
    h.deliverAll();
    expect(h.node('n1').log.committed).toBe(before);
    h.heal();
    wait(h, 200_000);
    expect(h.node('n1').log.committed).toBeGreaterThan(before);
    expect(h.changeConf('n1', leave)).toMatchObject({ ok: true });
    wait(h, 300_000);
    expect(conf(h.node('n1'))).toBe('voters=(n1 n4 n5)');
  });

  it('a leader elected during a joint configuration leaves it (auto-leave is retried by every leader)', () => {
    const h = cluster();
    h.join('n4');
    const isLeave = (message: Message): boolean =>
      message.type === 'AppendEntries' && message.entries.some((entry) => entry.kind === 'config' && (entry.data as ConfChangeRequest).changes.length === 0);
    expect(h.node('n1').proposeConfChange(joint([{ op: 'add-voter', node: 'n4' }, { op: 'remove', node: 'n3' }]), h.localUs('n1')).ok).toBe(true);
    // Everyone applies the joint entry, but n1's leave-joint entry reaches nobody before n1 is cut off.
    for (let round = 0; round < 5; round++) {
      h.deliverWhere((message) => !isLeave(message));
      heartbeat(h, 'n1', (message) => !isLeave(message));
    }
    expect(conf(h.node('n2'))).toBe('voters=(n1 n2 n4)&&(n1 n2 n3) autoleave');
    expect(h.node('n2').log.applied).toBe(h.node('n2').log.lastIndex());
    h.isolate('n1');
    wait(h, 2_000_000);
    const leader = h.leaders().find((id) => id !== 'n1')!;
    expect(leader).toBeDefined();
    wait(h, 500_000);
    expect(conf(h.node(leader))).toBe('voters=(n1 n2 n4)');
  });
});

describe('learners', () => {
  it('replicate but never vote nor count; promotion makes them voters, demotion learners again', () => {
    const h = cluster();
    h.join('n4');
    expect(h.changeConf('n1', simple('add-learner', 'n4'))).toMatchObject({ ok: true });
    wait(h, 200_000);
    expect(conf(h.node('n1'))).toBe('voters=(n1 n2 n3) learners=(n4)');
    h.propose('n1', 'y');
    expect(h.applied.get('n4')!.map((entry) => entry.data)).toContain('y');
    // A learner's timer fires without a campaign.
    h.timeout('n4');
    expect(h.node('n4').role).toBe('follower');
    // With n2 and n3 cut off, n1 and the learner are no quorum.
    h.isolate('n2');
    h.isolate('n3');
    const before = h.node('n1').log.committed;
    h.node('n1').propose('z', 1, h.localUs('n1'));
    h.deliverAll();
    expect(h.node('n1').log.committed).toBe(before);
    h.heal();
    wait(h, 200_000);
    expect(h.changeConf('n1', simple('add-voter', 'n4'))).toMatchObject({ ok: true });
    wait(h, 200_000);
    expect(conf(h.node('n4'))).toBe('voters=(n1 n2 n3 n4)');
    expect(h.changeConf('n1', simple('add-learner', 'n2'))).toMatchObject({ ok: true });
    wait(h, 200_000);
    expect(conf(h.node('n1'))).toBe('voters=(n1 n3 n4) learners=(n2)');
  });
});

describe('refusals name their reason (etcd-io/raft#354 turns them into silent no-ops)', () => {
  it('not the leader; an invalid change; a second change while one is pending; before a commit of its own term', () => {
    const h = cluster();
    expect(h.node('n2').proposeConfChange(simple('add-voter', 'n4'), h.localUs('n2'))).toEqual({ ok: false, reason: 'not-leader', detail: 'n2 is not the leader', leader: 'n1' });
    expect(h.changeConf('n1', simple('add-voter', 'n2'))).toMatchObject({ ok: false, reason: 'invalid', detail: 'add-voter n2: n2 is already a voter' });
    expect(h.changeConf('n1', simple('remove', 'n9'))).toMatchObject({ ok: false, reason: 'invalid', detail: 'remove n9: n9 is not a member of voters=(n1 n2 n3)' });
    expect(h.changeConf('n1', joint([{ op: 'add-voter', node: 'n4' }, { op: 'add-voter', node: 'n5' }], 'auto')).ok).toBe(true);
    // The joint entry is not applied until it commits: cut n2 and n3 off first.
    const h2 = cluster();
    h2.isolate('n2');
    h2.isolate('n3');
    const first = h2.node('n1').proposeConfChange(simple('add-learner', 'n4'), h2.localUs('n1'));
    expect(first.ok).toBe(true);
    h2.flushAll();
    const second = h2.node('n1').proposeConfChange(simple('add-learner', 'n5'), h2.localUs('n1'));
    expect(second).toMatchObject({ ok: false, reason: 'pending-change' });
    expect(second.ok || second.detail).toMatch(/^configuration entry \d+ is not applied yet/);
    expect(h2.changeConf('n1', leave)).toMatchObject({ ok: false, reason: 'pending-change' });
    // A new leader that has not committed its noop yet refuses (the dissertation's fix to single-server changes).
    const h3 = new Harness(three, { preVote: false });
    h3.timeout('n1');
    h3.deliverWhere((message) => message.type === 'RequestVote' || message.type === 'RequestVoteResponse');
    expect(h3.node('n1').role).toBe('leader');
    expect(h3.node('n1').proposeConfChange(simple('add-voter', 'n4'), h3.localUs('n1'))).toMatchObject({ ok: false, reason: 'not-committed-in-term', detail: 'n1 has not yet committed an entry of its term 1' });
  });
});

describe('configurations in snapshots, restarts and installs', () => {
  it('a snapshot carries the configuration; a node restarted from it, or a new node installing it, has that configuration', () => {
    const h = cluster();
    h.join('n4');
    h.changeConf('n1', simple('add-voter', 'n4'));
    wait(h, 200_000);
    h.changeConf('n1', simple('remove', 'n3'));
    wait(h, 200_000);
    const leader = h.node('n1');
    const index = leader.log.applied;
    const snapshot = { meta: { index, term: leader.log.term(index)!, membership: leader.membershipAt(index) }, data: 'image', bytes: 10 };
    expect(describeMembership(snapshot.meta.membership)).toBe('voters=(n1 n2 n4)');
    leader.compact(snapshot, index);
    h.durable.get('n1')!.snapshot = snapshot;
    h.durable.get('n1')!.entries = h.durable.get('n1')!.entries.filter((entry) => entry.index > index);
    h.restart('n1');
    expect(conf(h.node('n1'))).toBe('voters=(n1 n2 n4)');
    // A brand-new server added now gets the snapshot: it learns the configuration from it.
    wait(h, 2_000_000);
    const n5 = h.join('n5');
    const lead = h.leaders()[0]!;
    expect(h.changeConf(lead, simple('add-learner', 'n5'))).toMatchObject({ ok: true });
    wait(h, 500_000);
    expect(n5.log.compacted.index).toBeGreaterThanOrEqual(index);
    expect(conf(n5)).toBe('voters=(n1 n2 n4) learners=(n5)');
  });
});

describe('append-time activation (hashicorp/raft, dissertation 4.1)', () => {
  it('a configuration takes effect when appended, and a truncated configuration entry is undone', () => {
    const h = cluster({ membershipActivation: 'append' });
    h.isolate('n1');
    h.node('n1').proposeConfChange(simple('add-learner', 'n4'), h.localUs('n1'));
    expect(conf(h.node('n1'))).toBe('voters=(n1 n2 n3) learners=(n4)');
    // n2 is elected meanwhile and overwrites n1's uncommitted entry when n1 returns.
    h.campaign('n2');
    wait(h, 100_000);
    h.heal();
    h.propose('n2', 'w');
    wait(h, 200_000);
    expect(h.node('n1').role).toBe('follower');
    expect(conf(h.node('n1'))).toBe('voters=(n1 n2 n3)');
  });
});

describe('leadership transfer during a joint configuration', () => {
  it('moves to a voter of the incoming half, which then leaves the joint configuration', () => {
    const h = cluster();
    h.join('n4');
    h.changeConf('n1', joint([{ op: 'add-voter', node: 'n4' }, { op: 'remove', node: 'n1' }], 'joint-explicit'));
    wait(h, 200_000);
    expect(conf(h.node('n1'))).toBe('voters=(n2 n3 n4)&&(n1 n2 n3)');
    expect(h.node('n1').transferLeadership('n4', h.localUs('n1'))).toBe(true);
    h.deliverAll();
    expect(h.leaders()).toEqual(['n4']);
    wait(h, 200_000);
    expect(h.changeConf('n4', leave)).toMatchObject({ ok: true });
    wait(h, 200_000);
    expect(conf(h.node('n4'))).toBe('voters=(n2 n3 n4)');
  });
});

describe('a removed leader under append-time activation', () => {
  it('leads without counting itself once its removal is appended, and steps down once it is applied', () => {
    const h = cluster({ membershipActivation: 'append' });
    h.node('n1').proposeConfChange(simple('remove', 'n1'), h.localUs('n1'));
    expect(conf(h.node('n1'))).toBe('voters=(n2 n3)');
    expect(h.node('n1').role).toBe('leader');
    wait(h, 100_000);
    expect(h.node('n1').log.applied).toBeGreaterThanOrEqual(h.node('n1').log.lastIndex() - 1);
    expect(h.node('n1').role).toBe('follower');
    expect(events(h.node('n1')).some((event) => event.kind === 'removed-step-down')).toBe(true);
  });
});
