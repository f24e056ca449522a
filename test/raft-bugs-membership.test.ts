// The membership switches of the bug catalogue (raft/bugs.ts, area 'membership'): for each, the smallest sequence
// on which the broken node and the correct one part ways, run with the switch on and off (as
// test/raft-bugs.test.ts does for the others). Whether the exploration finds them is bench:bugs' question.
import { describe, expect, it } from 'vitest';
import type { UnsafeKnobs } from '../raft/config.js';
import { type ConfChangeRequest, describeMembership, type MembershipChange } from '../raft/membership.js';
import type { Entry, Message, NodeId } from '../raft/types.js';
import { Harness } from './support/raft-harness.js';
import { entry, four, heartbeatRound, three, withSwitch } from './support/raft-bugs.js';

const simple = (op: MembershipChange['op'], node: NodeId): ConfChangeRequest => ({ changes: [{ op, node }], transition: 'auto' });
const run = (h: Harness, us: number): void => h.advanceTo(h.nowUs + us);
const conf = (h: Harness, id: NodeId): string => describeMembership(h.node(id).membership);

/** `ids` with n1 elected and its noop committed everywhere. */
function elected(ids: readonly NodeId[], name: keyof UnsafeKnobs, on: boolean, patch = {}): Harness {
  const h = new Harness(ids, withSwitch(name, on, { preVote: false, ...patch }));
  h.campaign('n1');
  run(h, 200_000);
  return h;
}

function configEntry(index: number, term: number, request: ConfChangeRequest): Entry {
  return { index, term, kind: 'config', data: request, bytes: 16 };
}

describe('manyVotersInSimpleChange: several changes go through a joint configuration (dissertation 4.1, Figure 4.2)', () => {
  const outcome = (on: boolean): string => {
    const h = elected(three, 'manyVotersInSimpleChange', on);
    h.join('n4');
    h.join('n5');
    h.node('n1').proposeConfChange({ changes: [{ op: 'add-voter', node: 'n4' }, { op: 'add-voter', node: 'n5' }, { op: 'remove', node: 'n2' }], transition: 'auto' }, h.localUs('n1'));
    // Only the first configuration entry is delivered and applied: what it made of the cluster.
    h.deliverWhere((message) => message.type !== 'AppendEntries' || !message.entries.some((e) => e.kind === 'config' && (e.data as ConfChangeRequest).changes.length === 0));
    heartbeatRound(h, 'n1', (message) => message.type !== 'AppendEntries' || !message.entries.some((e) => e.kind === 'config' && (e.data as ConfChangeRequest).changes.length === 0));
    return conf(h, 'n3');
  };
  it('broken: the three changes are applied in one step, from {n1 n2 n3} straight to {n1 n3 n4 n5}', () => {
    expect(outcome(true)).toBe('voters=(n1 n3 n4 n5)');
  });
  it('correct: they enter the joint configuration first', () => {
    expect(outcome(false)).toBe('voters=(n1 n3 n4 n5)&&(n1 n2 n3) autoleave');
  });
});

describe('noPendingConfCheck: at most one configuration entry is unapplied (dissertation 4.1)', () => {
  const second = (on: boolean): { ok: boolean; reason: string | null } => {
    const h = elected(three, 'noPendingConfCheck', on);
    h.isolate('n2');
    h.isolate('n3');
    h.node('n1').proposeConfChange(simple('add-learner', 'n4'), h.localUs('n1'));
    const result = h.node('n1').proposeConfChange(simple('add-learner', 'n5'), h.localUs('n1'));
    return { ok: result.ok, reason: result.ok ? null : result.reason };
  };
  it('broken: a second change is appended while the first is not applied', () => {
    expect(second(true)).toEqual({ ok: true, reason: null });
  });
  it('correct: it is refused as pending-change', () => {
    expect(second(false)).toEqual({ ok: false, reason: 'pending-change' });
  });
});

describe('confChangeBeforeTermCommit: a new leader first commits an entry of its term (raft-dev 2015)', () => {
  const propose = (on: boolean): { ok: boolean; reason: string | null } => {
    const h = new Harness(three, withSwitch('confChangeBeforeTermCommit', on, { preVote: false }));
    h.timeout('n1');
    h.deliverWhere((message) => message.type === 'RequestVote' || message.type === 'RequestVoteResponse');
    expect(h.node('n1').role).toBe('leader');
    const result = h.node('n1').proposeConfChange(simple('add-voter', 'n4'), h.localUs('n1'));
    return { ok: result.ok, reason: result.ok ? null : result.reason };
  };
  it('broken: the change is appended before the noop of its term commits', () => {
    expect(propose(true)).toEqual({ ok: true, reason: null });
  });
  it('correct: refused as not-committed-in-term', () => {
    expect(propose(false)).toEqual({ ok: false, reason: 'not-committed-in-term' });
  });
});

describe('snapshotWithoutConfig: a snapshot carries the configuration its entries built (dissertation 5.1)', () => {
  const snapshotConfig = (on: boolean): string => {
    const h = elected(three, 'snapshotWithoutConfig', on);
    h.join('n4');
    h.changeConf('n1', simple('add-voter', 'n4'));
    run(h, 200_000);
    return describeMembership(h.node('n1').membershipAt(h.node('n1').log.applied));
  };
  it('broken: the snapshot taken after adding n4 still says three voters', () => {
    expect(snapshotConfig(true)).toBe('voters=(n1 n2 n3)');
  });
  it('correct: it says four', () => {
    expect(snapshotConfig(false)).toBe('voters=(n1 n2 n3 n4)');
  });
});

describe("installSnapshotKeepsStaleConfig: an installed snapshot's configuration replaces the node's (openraft#1808)", () => {
  const installed = (on: boolean): string => {
    const h = new Harness(three, withSwitch('installSnapshotKeepsStaleConfig', on, { preVote: false }));
    // n3 holds an uncommitted configuration entry of a deposed term-1 leader (adding learner n9) at index 2.
    h.load('n3', { hardState: { term: 1, vote: null, commit: 1 }, snapshot: null, entries: [entry(1, 1), configEntry(2, 1, simple('add-learner', 'n9'))] });
    const snapshot: Message = {
      type: 'InstallSnapshot',
      from: 'n1',
      to: 'n3',
      term: 2,
      meta: { index: 5, term: 2, membership: { voters: ['n1', 'n2', 'n3'], outgoing: [], learners: [], learnersNext: [], autoLeave: false } },
      offsetBytes: 0,
      chunkBytes: 10,
      totalBytes: 10,
      done: true,
      data: 'image@5',
    };
    h.deliver(snapshot);
    return conf(h, 'n3');
  };
  it('broken: n3 keeps the discarded entry\'s configuration, with learner n9', () => {
    expect(installed(true)).toBe('voters=(n1 n2 n3) learners=(n9)');
  });
  it("correct: n3 has the snapshot's configuration", () => {
    expect(installed(false)).toBe('voters=(n1 n2 n3)');
  });
});

describe('removedLeaderCountsItself: a removed leader steps down and never counts itself (etcd confchange_v1_remove_leader)', () => {
  const afterRemoval = (on: boolean): { role: string; committedX: boolean } => {
    const h = elected(four, 'removedLeaderCountsItself', on);
    h.changeConf('n1', simple('remove', 'n1'));
    run(h, 100_000);
    // New configuration {n2 n3 n4}: n3 and n4 are cut off from n1, only n2 still hears it.
    h.isolate('n3');
    h.isolate('n4');
    if (h.node('n1').role === 'leader') {
      h.node('n1').propose('x', 1, h.localUs('n1'));
      h.deliverAll();
    }
    const log = h.node('n1').log;
    return { role: h.node('n1').role, committedX: log.entry(log.committed)?.data === 'x' };
  };
  it('broken: n1 keeps leading and commits x with only n2 of the new voters holding it', () => {
    expect(afterRemoval(true)).toEqual({ role: 'leader', committedX: true });
  });
  it('correct: n1 steps down once it applies its removal', () => {
    expect(afterRemoval(false)).toEqual({ role: 'follower', committedX: false });
  });
});

describe('autoLeaveOnlyOnce: every leader retries the leave of an auto-leave joint configuration (etcd #12136)', () => {
  const finalConfig = (on: boolean): string => {
    const h = elected(three, 'autoLeaveOnlyOnce', on);
    h.join('n4');
    const isLeave = (message: Message): boolean =>
      message.type === 'AppendEntries' && message.entries.some((e) => e.kind === 'config' && (e.data as ConfChangeRequest).changes.length === 0);
    h.node('n1').proposeConfChange({ changes: [{ op: 'add-voter', node: 'n4' }, { op: 'remove', node: 'n3' }], transition: 'auto' }, h.localUs('n1'));
    for (let round = 0; round < 5; round++) {
      h.deliverWhere((message) => !isLeave(message));
      heartbeatRound(h, 'n1', (message) => !isLeave(message));
    }
    h.isolate('n1');
    run(h, 3_000_000);
    const leader = h.leaders().find((id) => id !== 'n1')!;
    return conf(h, leader);
  };
  it('broken: the next leader had applied the joint entry as a follower and never leaves it', () => {
    expect(finalConfig(true)).toBe('voters=(n1 n2 n4)&&(n1 n2 n3) autoleave');
  });
  it('correct: the next leader leaves it', () => {
    expect(finalConfig(false)).toBe('voters=(n1 n2 n4)');
  });
});

describe('campaignWithUnappliedConfig: no campaign while committed configuration entries are unapplied (etcd raft.go hup)', () => {
  const campaigns = (on: boolean): string => {
    const h = new Harness(three, withSwitch('campaignWithUnappliedConfig', on, { preVote: false }));
    // n2 restarts knowing that entry 2 (adding voter n4) is committed, and has not applied it yet.
    h.load('n2', { hardState: { term: 1, vote: 'n1', commit: 2 }, snapshot: null, entries: [entry(1, 1), configEntry(2, 1, simple('add-voter', 'n4'))] });
    const node = h.node('n2');
    node.tick(node.nextDeadlineUs());
    return node.role;
  };
  it('broken: n2 campaigns under the three-voter configuration', () => {
    expect(campaigns(true)).toBe('candidate');
  });
  it('correct: n2 waits until it has applied the change', () => {
    expect(campaigns(false)).toBe('follower');
  });
});
