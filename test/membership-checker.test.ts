// The membership invariants (sim/membership-checker.ts) and the contract checker's quorums under changing
// configurations, on hand-built histories: each rule fires on the history it forbids and stays quiet on the
// legal neighbour of that history.
import { describe, expect, it } from 'vitest';
import { simpleMembership, type ChangeRules, type ConfChangeRequest, type Membership, type MembershipChange } from '../raft/membership.js';
import type { Entry, Message, NodeId } from '../raft/types.js';
import type { CheckerContext, LogView } from '../sim/checker.js';
import { violation } from './support/violation.js';
import { ContractChecker, type ContractNodeView } from '../sim/contract-checker.js';
import { DurableLog } from '../sim/durable-log.js';
import { MembershipChecker, type MembershipActivation, type MembershipNodeView } from '../sim/membership-checker.js';

const context: CheckerContext = { seed: 11, nowUs: () => 2_000, currentEvent: () => 'test event', nodeState: () => null };
const strict: ChangeRules = { allowManyVotersInSimpleChange: false };
const loosened: ChangeRules = { allowManyVotersInSimpleChange: true };


const change = (token: string): MembershipChange => ({ op: token[0] === 'v' ? 'add-voter' : token[0] === 'l' ? 'add-learner' : 'remove', node: `n${token.slice(1)}` });
const request = (tokens: string, transition: ConfChangeRequest['transition'] = 'auto'): ConfChangeRequest => ({ changes: tokens === '' ? [] : tokens.split(' ').map(change), transition });

/** A log of entries 1..n: a string is a configuration request (term 1), null a normal entry. */
function entriesOf(items: readonly (string | ConfChangeRequest | null)[], term = 1): Entry[] {
  return items.map((item, k) => {
    if (item === null) return { index: k + 1, term, kind: 'normal', data: null, bytes: 1 };
    return { index: k + 1, term, kind: 'config', data: typeof item === 'string' ? request(item) : item, bytes: 1 };
  });
}

interface FakeLog extends LogView {
  applied: number;
  committed: number;
  first: number;
}

function fakeLog(list: readonly Entry[]): FakeLog {
  const log: FakeLog = {
    applied: 0,
    committed: 0,
    first: 1,
    firstIndex: () => log.first,
    lastIndex: () => list.length,
    term: (index) => (index === 0 ? 0 : list[index - 1]?.term),
    entry: (index) => (index >= log.first ? list[index - 1] : undefined),
  };
  return log;
}

interface FakeMember extends MembershipNodeView {
  current: Membership;
  live: FakeLog;
}

function members(ids: readonly NodeId[], list: readonly Entry[], rules = strict, activation: MembershipActivation = 'apply') {
  const bootstrap = simpleMembership(ids);
  const nodes: FakeMember[] = ids.map((id) => {
    const node: FakeMember = { id, current: bootstrap, live: fakeLog(list), membership: () => node.current, log: () => node.live };
    return node;
  });
  const checker = new MembershipChecker(context, nodes, bootstrap, rules, activation);
  const node = (id: NodeId): FakeMember => nodes.find((n) => n.id === id)!;
  return { checker, node, bootstrap };
}

describe('ConfigQuorumOverlap', () => {
  it('folds committed configuration entries; one simple change, or a joint step, always overlaps', () => {
    const { checker, node } = members(['n1', 'n2', 'n3'], entriesOf([null, 'v4', null, request('v5 v6'), request(''), 'r1']));
    expect(violation(() => checker.onCommit('n1', 6, node('n1').live))).toBe('none');
    expect(checker.committedAt(3).voters).toEqual(['n1', 'n2', 'n3', 'n4']);
    expect(checker.committedAt(4).outgoing).toEqual(['n1', 'n2', 'n3', 'n4']);
    expect(checker.committedAt(6).voters).toEqual(['n2', 'n3', 'n4', 'n5', 'n6']);
    expect(checker.checks).toBe(4);
  });

  it('fails when a node whose rules allow several voters in one simple change commits such an entry', () => {
    const { checker, node } = members(['n1', 'n2', 'n3'], entriesOf([null, request('v4 v5')]), loosened);
    expect(violation(() => checker.onCommit('n2', 2, node('n2').live))).toMatch(
      /^ConfigQuorumOverlap: n2 committed the configuration entry at index 2 \(add-voter n4, add-voter n5\): voters=\(n1 n2 n3\) -> voters=\(n1 n2 n3 n4 n5\), configurations with disjoint quorums/,
    );
  });

  it('fails when a committed entry does not apply to the committed configuration before it', () => {
    const { checker, node } = members(['n1', 'n2', 'n3'], entriesOf(['v4', 'v4']));
    checker.onCommit('n1', 1, node('n1').live);
    expect(violation(() => checker.onCommit('n1', 2, node('n1').live))).toMatch(/^ConfigQuorumOverlap: n1 committed the configuration entry at index 2 \(add-voter n4\), which does not apply .*n4 is already a voter/);
  });

  it('folds each index once, whoever commits it first', () => {
    const { checker, node } = members(['n1', 'n2', 'n3'], entriesOf(['v4', null]));
    checker.onCommit('n1', 2, node('n1').live);
    checker.onCommit('n2', 1, node('n2').live);
    checker.onCommit('n3', 2, node('n3').live);
    expect(checker.checks).toBe(1);
  });
});

describe('OnePendingConfig', () => {
  it('fails when a leader appends a configuration entry above another one not yet committed', () => {
    const { checker, node } = members(['n1', 'n2', 'n3'], entriesOf([null, 'v4', null, 'v5']));
    checker.onCommit('n1', 1, node('n1').live);
    expect(violation(() => checker.onConfChangeAppended('n1', 4, 1, 1, node('n1').live))).toMatch(
      /^OnePendingConfig: leader n1 appended a configuration entry at index 4 while its log holds another one not yet committed at index 2 \(add-voter n4; committed through 1\)/,
    );
  });

  it('is quiet once the earlier one is committed anywhere', () => {
    const { checker, node } = members(['n1', 'n2', 'n3'], entriesOf([null, 'v4', null, 'v5']));
    checker.onCommit('n2', 3, node('n2').live);
    expect(violation(() => checker.onConfChangeAppended('n1', 4, 1, 3, node('n1').live))).toBe('none');
  });
});

describe('ConfigAfterTermCommit', () => {
  it('fails when a leader appends a configuration entry before committing an entry of its term', () => {
    // Entries 1-2 of term 1, then the new leader's noop (3) and its change (4), both of term 2.
    const list = [...entriesOf([null, null]), { index: 3, term: 2, kind: 'noop', data: null, bytes: 0 } as Entry, { index: 4, term: 2, kind: 'config', data: request('v4'), bytes: 1 } as Entry];
    const { checker, node } = members(['n1', 'n2', 'n3'], list);
    expect(violation(() => checker.onConfChangeAppended('n1', 4, 2, 2, node('n1').live))).toMatch(
      /^ConfigAfterTermCommit: leader n1 of term 2 appended a configuration entry at index 4 before committing an entry of its term \(its commit index 2 holds term 1\)/,
    );
    expect(violation(() => checker.onConfChangeAppended('n1', 4, 2, 3, node('n1').live))).toBe('none');
  });
});

describe('ConfigInForce', () => {
  it('apply-time activation: the configuration in force is the committed one at the applied index', () => {
    const { checker, node, bootstrap } = members(['n1', 'n2', 'n3'], entriesOf([null, 'v4', null]));
    const n2 = node('n2');
    checker.onCommit('n1', 3, node('n1').live);
    n2.live.committed = 3;
    n2.live.applied = 1;
    checker.touch('n2');
    expect(violation(() => checker.onObserved('n2'))).toBe('none');
    // Applied past the entry, and still acting under the old configuration: a missed switch.
    n2.live.applied = 2;
    checker.touch('n2');
    expect(violation(() => checker.onObserved('n2'))).toMatch(/^ConfigInForce: n2 acts under voters=\(n1 n2 n3\), but its snapshot and log give voters=\(n1 n2 n3 n4\) \(the committed configuration at its applied index 2\)/);
    n2.current = checker.committedAt(2);
    checker.touch('n2');
    expect(violation(() => checker.onObserved('n2'))).toBe('none');
    // Switching early (on append, in the apply-time variant) is as wrong.
    n2.current = checker.committedAt(2);
    n2.live.applied = 1;
    checker.onMembershipEvent('n2', n2.current);
    expect(violation(() => checker.onObserved('n2'))).toMatch(/^ConfigInForce: n2 acts under voters=\(n1 n2 n3 n4\), but .* give voters=\(n1 n2 n3\)/);
    expect(bootstrap.voters).toEqual(['n1', 'n2', 'n3']);
  });

  it('a node that installed a snapshot and kept its older configuration fails at its next observation', () => {
    const { checker, node } = members(['n1', 'n2', 'n3'], entriesOf([null, 'v4', null, 'r1']));
    checker.onCommit('n1', 4, node('n1').live);
    const n3 = node('n3');
    n3.live.first = 5;
    n3.live.applied = 4;
    n3.live.committed = 4;
    checker.onSnapshot('n3', 4, checker.committedAt(4), 'installed');
    expect(violation(() => checker.onObserved('n3'))).toMatch(/^ConfigInForce: n3 acts under voters=\(n1 n2 n3\), but its snapshot and log give voters=\(n2 n3 n4\)/);
  });

  it('append-time activation: the committed configuration at the commit index, then the log\'s configuration entries', () => {
    const { checker, node } = members(['n1', 'n2', 'n3'], entriesOf([null, 'v4', null, 'v5']), strict, 'append');
    checker.onCommit('n1', 3, node('n1').live);
    const n2 = node('n2');
    n2.live.committed = 1;
    n2.current = checker.committedAt(3);
    checker.touch('n2');
    expect(violation(() => checker.onObserved('n2'))).toMatch(/^ConfigInForce: n2 acts under voters=\(n1 n2 n3 n4\), but its snapshot and log give voters=\(n1 n2 n3 n4 n5\) \(the committed configuration at index 1 and its log's configuration entries up to its last index 4/);
    n2.current = { ...checker.committedAt(3), voters: ['n1', 'n2', 'n3', 'n4', 'n5'] };
    checker.touch('n2');
    expect(violation(() => checker.onObserved('n2'))).toBe('none');
  });

  it('checks only nodes something happened to', () => {
    const { checker, node } = members(['n1', 'n2', 'n3'], entriesOf([null, 'v4']));
    checker.onCommit('n1', 2, node('n1').live);
    node('n2').live.applied = 2;
    expect(violation(() => checker.onObserved('n2'))).toBe('none');
    expect(checker.checks).toBe(1);
  });
});

describe('SnapshotConfig', () => {
  it('a snapshot carries the configuration the committed configuration entries up to its index give', () => {
    const { checker, node, bootstrap } = members(['n1', 'n2', 'n3'], entriesOf([null, 'v4', null, 'r1']));
    checker.onCommit('n1', 4, node('n1').live);
    expect(violation(() => checker.onSnapshot('n1', 1, bootstrap, 'took'))).toBe('none');
    expect(violation(() => checker.onSnapshot('n1', 3, checker.committedAt(3), 'took'))).toBe('none');
    expect(violation(() => checker.onSnapshot('n1', 3, bootstrap, 'took'))).toMatch(
      /^SnapshotConfig: n1 took a snapshot at index 3 carrying voters=\(n1 n2 n3\), where the committed configuration entries up to it give voters=\(n1 n2 n3 n4\)/,
    );
    expect(violation(() => checker.onSnapshot('n2', 4, checker.committedAt(3), 'installed'))).toMatch(/^SnapshotConfig: n2 installed a snapshot at index 4 carrying voters=\(n1 n2 n3 n4\), where .* give voters=\(n2 n3 n4\)/);
  });

  it('pruned history still answers for indexes at or above the floor', () => {
    const { checker, node } = members(['n1', 'n2', 'n3'], entriesOf(['v4', null, 'v5', null]));
    checker.onCommit('n1', 4, node('n1').live);
    checker.pruneBelow(2);
    expect(checker.committedAt(2).voters).toEqual(['n1', 'n2', 'n3', 'n4']);
    expect(checker.committedAt(3).voters).toEqual(['n1', 'n2', 'n3', 'n4', 'n5']);
    checker.pruneBelow(4);
    expect(checker.committedAt(4).voters).toEqual(['n1', 'n2', 'n3', 'n4', 'n5']);
  });
});

// ---------------------------------------------------------------- the contract checker's quorums

interface FakeNode extends ContractNodeView {
  leads: number | null;
}

function contract(ids: readonly NodeId[], configurationOf: (id: NodeId) => Membership, committed = new Map<number, number>()) {
  const nodes: FakeNode[] = ids.map((id) => {
    const node: FakeNode = { id, durable: new DurableLog(), leads: null, liveLog: () => null, leaderTerm: () => node.leads, liveTerm: () => null };
    return node;
  });
  const membership = new MembershipChecker(context, [], simpleMembership(ids), strict, 'apply');
  for (const id of ids) membership.onMembershipEvent(id, configurationOf(id));
  const checker = new ContractChecker(context, nodes, (id) => membership.votingConfiguration(id), (index) => committed.get(index));
  const node = (id: NodeId): FakeNode => nodes.find((n) => n.id === id)!;
  const give = (id: NodeId, terms: number[], term: number, vote: NodeId | null = null): void => {
    node(id).durable.apply({ kind: 'hardState', hardState: { term, vote, commit: 0 } });
    node(id).durable.apply({ kind: 'entries', entries: terms.map((t, k) => ({ index: k + 1, term: t, kind: 'normal', data: null, bytes: 1 })) });
  };
  return { checker, node, give, membership };
}

const grant = (from: NodeId, to: NodeId, term: number): Message => ({ type: 'RequestVoteResponse', from, to, term, reject: false });
const ids = ['n1', 'n2', 'n3', 'n4', 'n5'];
/** voters=(n3 n4 n5)&&(n1 n2 n3). */
const joint: Membership = { voters: ['n3', 'n4', 'n5'], outgoing: ['n1', 'n2', 'n3'], learners: [], learnersNext: [], autoLeave: true };

describe('ElectedByQuorum and CommitDurable count the configuration the node acts under', () => {
  it('a joint configuration needs both majorities of votes', () => {
    const { checker, give } = contract(ids, () => joint);
    for (const id of ['n4', 'n5']) {
      give(id, [1], 2, 'n3');
      checker.onSend(id, grant(id, 'n3', 2));
    }
    // n3, n4 and n5: the incoming half, but only n3 of the outgoing one.
    expect(violation(() => checker.onElected('n3', 2, 'n3'))).toMatch(/^ElectedByQuorum: n3 became leader of term 2 with granted votes of that term from only n3, n4, n5, not a quorum of n3, n4, n5, n1, n2/);
    give('n1', [1], 2, 'n3');
    checker.onSend('n1', grant('n1', 'n3', 2));
    expect(violation(() => checker.onElected('n3', 2, 'n3'))).toBe('none');
  });

  it('votes are counted against the configuration of the node that was elected, not the bootstrap one', () => {
    // n4 acts under voters=(n3 n4 n5): n4 and n5 are a majority there, not of the five bootstrap voters.
    const { checker, give } = contract(ids, (id) => (id === 'n4' ? simpleMembership(['n3', 'n4', 'n5']) : simpleMembership(ids)));
    give('n5', [1], 3, 'n4');
    checker.onSend('n5', grant('n5', 'n4', 3));
    expect(violation(() => checker.onElected('n4', 3, 'n4'))).toBe('none');
    // A removed node's own vote does not count: n1 is no voter of n4's configuration.
    const other = contract(ids, () => simpleMembership(['n3', 'n4', 'n5']));
    other.give('n2', [1], 3, 'n1');
    other.checker.onSend('n2', grant('n2', 'n1', 3));
    expect(violation(() => other.checker.onElected('n1', 3, 'n1'))).toMatch(/^ElectedByQuorum: n1 became leader of term 3 with granted votes of that term from only nobody, not a quorum of n3, n4, n5/);
  });

  it('a leader in a joint configuration commits only what both halves hold', () => {
    const { checker, node, give } = contract(ids, () => joint);
    node('n3').leads = 2;
    for (const id of ['n3', 'n4', 'n5']) give(id, [1, 2], 2);
    expect(violation(() => checker.onCommit('n3', 2, 2))).toMatch(/^CommitDurable: n3 committed index 2 \(term 2\) while only 3 of 5 voters hold it durably \(n3, n4, n5\), not a quorum/);
    give('n2', [1, 2], 2);
    expect(violation(() => checker.onCommit('n3', 2, 2))).toBe('none');
  });

  it('a follower whose configuration differs from its leader\'s is not judged by its own for what the leader checked', () => {
    // The leader n1 acts under voters=(n1 n4 n5) (n4 and n5 hold index 2); the follower n2 still under the
    // bootstrap configuration, of which only n1 holds it.
    const committed = new Map([[2, 2]]);
    const { checker, node, give } = contract(ids, (id) => (id === 'n1' ? simpleMembership(['n1', 'n4', 'n5']) : simpleMembership(['n1', 'n2', 'n3'])), committed);
    node('n1').leads = 2;
    for (const id of ['n1', 'n4']) give(id, [1, 2], 2);
    expect(violation(() => checker.onCommit('n1', 2, 2))).toBe('none');
    expect(violation(() => checker.onCommit('n2', 2, 2))).toBe('none');
    // An index no leader committed, or another term at it, is judged by the follower's own configuration.
    expect(violation(() => checker.onCommit('n2', 3, 2))).toMatch(/^CommitDurable: n2 committed index 3 \(term 2\) while only 0 of 3 voters/);
    expect(violation(() => checker.onCommit('n2', 2, 1))).toMatch(/^CommitDurable: n2 committed index 2 \(term 1\)/);
  });
});

describe('ElectedByQuorum: a candidate must have applied the configuration entries it knows committed', () => {
  it('apply-time activation: the votes must win the committed configuration at its commit index as well', () => {
    // n1 to n5 boot; index 2 (committed) removes n5 from the configuration. n1 knows it committed but has not
    // applied it, and counts votes under the bootstrap configuration.
    const list = entriesOf([null, 'r5', null]);
    const { checker: membership, node } = members(ids, list);
    membership.onCommit('n2', 3, node('n2').live);
    node('n1').live.committed = 3;
    const nodes: FakeNode[] = ids.map((id) => {
      const fake: FakeNode = { id, durable: new DurableLog(), leads: null, liveLog: () => null, leaderTerm: () => fake.leads, liveTerm: () => null };
      return fake;
    });
    const checker = new ContractChecker(context, nodes, (id, purpose) => membership.votingConfiguration(id, purpose), () => undefined);
    for (const id of ['n4', 'n5']) {
      const durable = nodes.find((n) => n.id === id)!.durable;
      durable.apply({ kind: 'hardState', hardState: { term: 4, vote: 'n1', commit: 0 } });
      checker.onSend(id, grant(id, 'n1', 4));
    }
    // n1, n4, n5: a majority of the five, not of voters=(n1 n2 n3 n4).
    expect(violation(() => checker.onElected('n1', 4, 'n1'))).toMatch(/^ElectedByQuorum: n1 became leader of term 4 with granted votes of that term from only n1, n4, n5, not a quorum of n1, n2, n3, n4, n5/);
    // Once it applied the entry it acts under voters=(n1 n2 n3 n4), where n5's vote does not count.
    node('n1').live.applied = 3;
    membership.onMembershipEvent('n1', membership.committedAt(3));
    expect(violation(() => checker.onElected('n1', 4, 'n1'))).toMatch(/from only n1, n4, not a quorum of n1, n2, n3, n4: /);
    const n2 = nodes.find((n) => n.id === 'n2')!.durable;
    n2.apply({ kind: 'hardState', hardState: { term: 4, vote: 'n1', commit: 0 } });
    checker.onSend('n2', grant('n2', 'n1', 4));
    expect(violation(() => checker.onElected('n1', 4, 'n1'))).toBe('none');
  });
});
