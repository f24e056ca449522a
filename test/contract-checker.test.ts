// The host-contract and durability checks on hand-built states: each rule fires on the state it forbids and
// stays quiet on the legal neighbour of that state.
import { simpleMembership } from '../raft/membership.js';
import { describe, expect, it } from 'vitest';
import type { Entry, Message, NodeId } from '../raft/types.js';
import type { CheckerContext, LogView } from '../sim/checker.js';
import { violation } from './support/violation.js';
import { ContractChecker, type ContractNodeView, type VotingConfiguration } from '../sim/contract-checker.js';
import { DurableLog } from '../sim/durable-log.js';

const context: CheckerContext = { seed: 7, nowUs: () => 1_000, currentEvent: () => 'test event', nodeState: () => null };

function entries(...terms: number[]): Entry[] {
  return terms.map((term, k) => ({ index: k + 1, term, kind: 'normal', data: null, bytes: 1 }));
}

/** A log view over (index, term) pairs 1..n. */
function logOf(terms: readonly number[]): LogView {
  const list = entries(...terms);
  return { firstIndex: () => 1, lastIndex: () => list.length, term: (index) => (index === 0 ? 0 : list[index - 1]?.term), entry: (index) => list[index - 1] };
}

interface FakeNode extends ContractNodeView {
  live: LogView | null;
  /** Its in-memory term (null: down). */
  term: number | null;
  /** The term it leads in, or null. */
  leads: number | null;
}

/** `committed`: index -> the entry's term; `committedIn`: index -> the term in which it was committed. */
function cluster(ids: readonly NodeId[], committed: ReadonlyMap<number, number> = new Map(), committedIn: ReadonlyMap<number, number> = new Map()) {
  const nodes: FakeNode[] = ids.map((id) => {
    const node: FakeNode = { id, durable: new DurableLog(), live: null, leads: null, term: null, liveLog: () => node.live, leaderTerm: () => node.leads, liveTerm: () => node.term };
    return node;
  });
  const majority: VotingConfiguration = { voters: ids, isQuorum: (members) => members.length >= Math.floor(ids.length / 2) + 1 };
  const checker = new ContractChecker(context, nodes, () => majority, (index) => committed.get(index), null, (index) => committedIn.get(index));
  const node = (id: NodeId): FakeNode => nodes.find((n) => n.id === id)!;
  /** Gives `id` the durable and in-memory log `terms`, at durable term/vote. */
  const give = (id: NodeId, terms: number[], term = terms.at(-1) ?? 0, vote: NodeId | null = null): void => {
    node(id).durable.apply({ kind: 'hardState', hardState: { term, vote, commit: 0 } });
    if (terms.length > 0) node(id).durable.apply({ kind: 'entries', entries: entries(...terms) });
    node(id).live = logOf(terms);
    node(id).term = term;
  };
  return { checker, node, give };
}


const vote = (from: NodeId, to: NodeId, term: number, reject = false): Message => ({ type: 'RequestVoteResponse', from, to, term, reject });

describe('DurableLog replays WAL records as recovery does', () => {
  it('an entries record truncates at its first index, a leader snapshot replaces, a local snapshot keeps the suffix', () => {
    const log = new DurableLog();
    log.apply({ kind: 'entries', entries: entries(1, 1, 2, 2) });
    log.apply({ kind: 'entries', entries: [{ index: 3, term: 3, kind: 'normal', data: null, bytes: 1 }] });
    expect([log.lastIndex(), log.termAt(2), log.termAt(3), log.termAt(4)]).toEqual([3, 1, 3, undefined]);
    log.apply({ kind: 'local-snapshot', snapshot: { meta: { index: 2, term: 1, membership: simpleMembership([]) }, data: null, bytes: 1 } });
    expect([log.snapshotIndex, log.lastIndex(), log.termAt(3), log.holds(1, 9)]).toEqual([2, 3, 3, true]);
    log.apply({ kind: 'snapshot', snapshot: { meta: { index: 10, term: 4, membership: simpleMembership([]) }, data: null, bytes: 1 } });
    expect([log.lastIndex(), log.lastTerm(), log.termAt(3)]).toEqual([10, 4, undefined]);
  });

  it('reports the durable entries a record drops or overwrites, and not those a snapshot of its own covers', () => {
    const log = new DurableLog();
    const seen: string[] = [];
    log.onTruncate = (index, oldTerm, newTerm) => seen.push(`${index}:${oldTerm}->${newTerm ?? '-'}`);
    log.apply({ kind: 'entries', entries: entries(1, 1, 1, 1) });
    log.apply({ kind: 'entries', entries: [{ index: 2, term: 1, kind: 'normal', data: null, bytes: 1 }, { index: 3, term: 2, kind: 'normal', data: null, bytes: 1 }] });
    log.apply({ kind: 'local-snapshot', snapshot: { meta: { index: 2, term: 1, membership: simpleMembership([]) }, data: null, bytes: 1 } });
    expect(seen).toEqual(['3:1->2', '4:1->-']);
  });
});

describe('DurableBeforeSend and VoteOnce', () => {
  it('a vote leaves only once the vote is durable', () => {
    const { checker, give } = cluster(['n1', 'n2', 'n3']);
    give('n2', [1], 2, null);
    expect(violation(() => checker.onSend('n2', vote('n2', 'n1', 2)))).toMatch(/^DurableBeforeSend: n2 granted its term-2 vote to n1 while its disk holds term 2, vote none/);
    give('n3', [1], 2, 'n1');
    expect(violation(() => checker.onSend('n3', vote('n3', 'n1', 2)))).toBe('none');
    expect(violation(() => checker.onSend('n3', vote('n3', 'n1', 2, true)))).toBe('none');
  });

  it('a second candidate in the same term is a second vote, even after the first was durable', () => {
    const { checker, give } = cluster(['n1', 'n2', 'n3']);
    give('n3', [1], 2, 'n1');
    checker.onSend('n3', vote('n3', 'n1', 2));
    give('n3', [1], 2, 'n2');
    expect(violation(() => checker.onSend('n3', vote('n3', 'n2', 2)))).toMatch(/^VoteOnce: n3 granted its term-2 vote to n2 after granting it to n1/);
  });

  it('a term is revealed only once durable (pre-votes excepted)', () => {
    const { checker, give } = cluster(['n1', 'n2', 'n3']);
    give('n1', [1], 1);
    const heartbeat: Message = { type: 'Heartbeat', from: 'n1', to: 'n2', term: 2, commit: 0, readContext: 0, sentAtUs: 0 };
    expect(violation(() => checker.onSend('n1', heartbeat))).toMatch(/^DurableBeforeSend: n1 sent Heartbeat of term 2/);
    const preVote: Message = { type: 'PreVote', from: 'n1', to: 'n2', term: 2, lastLogIndex: 1, lastLogTerm: 1 };
    expect(violation(() => checker.onSend('n1', preVote))).toBe('none');
  });

  it('an acknowledgement covers only durable entries', () => {
    const { checker, give, node } = cluster(['n1', 'n2', 'n3']);
    give('n2', [1, 1], 1);
    node('n2').live = logOf([1, 1, 1]);
    give('n1', [1, 1, 1], 1);
    node('n1').leads = 1;
    const ack = (index: number): Message => ({ type: 'AppendEntriesResponse', from: 'n2', to: 'n1', term: 1, reject: false, index, hintIndex: 0, hintTerm: 0, sentAtUs: 0 });
    expect(violation(() => checker.onSend('n2', ack(2)))).toBe('none');
    expect(violation(() => checker.onSend('n2', ack(3)))).toMatch(/^DurableBeforeSend: n2 acknowledged index 3 \(term 1\) to n1/);
    // Nobody counts an acknowledgement once its recipient no longer leads in its term.
    node('n1').leads = null;
    expect(violation(() => checker.onSend('n2', ack(3)))).toBe('none');
  });

  it('an acknowledgement is judged against the entry its recipient counts, not the sender\'s log of now', () => {
    const { checker, give, node } = cluster(['n1', 'n2', 'n3']);
    give('n1', [1, 1], 1);
    node('n1').leads = 1;
    give('n3', [1, 2], 2);
    // n2 holds n1's entry 2 (term 1) durably; in memory a term-2 entry from n3 has replaced it since it made
    // the acknowledgement, and that fsync is still in flight.
    give('n2', [1, 1], 1);
    node('n2').live = logOf([1, 2]);
    const ackTo = (to: NodeId, term: number): Message => ({ type: 'AppendEntriesResponse', from: 'n2', to, term, reject: false, index: 2, hintIndex: 0, hintTerm: 0, sentAtUs: 0 });
    expect(violation(() => checker.onSend('n2', ackTo('n1', 1)))).toBe('none');
    node('n2').durable.apply({ kind: 'hardState', hardState: { term: 2, vote: 'n3', commit: 0 } });
    // The same acknowledgement to n3, which counts its term-2 entry that n2 has not made durable: a violation.
    node('n3').leads = 2;
    expect(violation(() => checker.onSend('n2', ackTo('n3', 1)))).toBe('none');
    expect(violation(() => checker.onSend('n2', ackTo('n3', 2)))).toMatch(/^DurableBeforeSend: n2 acknowledged index 2/);
  });
});

describe('ElectedByQuorum', () => {
  it('a leader needs granted votes of its term from a quorum of distinct voters, its own included', () => {
    const { checker, give } = cluster(['n1', 'n2', 'n3', 'n4', 'n5']);
    for (const id of ['n2', 'n3', 'n4']) give(id, [], 3, 'n1');
    give('n5', [], 2, 'n1');
    // n2 granted in term 3; n5's grant is of term 2 (another election).
    checker.onSend('n2', vote('n2', 'n1', 3));
    checker.onSend('n5', vote('n5', 'n1', 2));
    expect(violation(() => checker.onElected('n1', 3, 'n1'))).toMatch(/^ElectedByQuorum: n1 became leader of term 3 with granted votes of that term from only n1, n2, not a quorum/);
    // A rejection is no vote.
    checker.onSend('n3', vote('n3', 'n1', 3, true));
    expect(violation(() => checker.onElected('n1', 3, 'n1'))).toMatch(/^ElectedByQuorum/);
    checker.onSend('n3', vote('n3', 'n1', 3));
    expect(violation(() => checker.onElected('n1', 3, 'n1'))).toBe('none');
    // Without its own vote (it voted for someone else) the same grants are not enough.
    expect(violation(() => checker.onElected('n1', 3, 'n4'))).toMatch(/^ElectedByQuorum: n1 became leader of term 3 with granted votes of that term from only n2, n3/);
  });
});

describe('CommitDurable and CommitIrrevocable', () => {
  it('a commit needs a durable quorum', () => {
    const { checker, give, node } = cluster(['n1', 'n2', 'n3']);
    give('n1', [1, 1]);
    give('n2', [1]);
    node('n2').live = logOf([1, 1]);
    give('n3', [1]);
    expect(violation(() => checker.onCommit('n1', 2, 1))).toMatch(/^CommitDurable: n1 committed index 2 \(term 1\) while only 1 of 3 voters hold it durably \(n1\)/);
    node('n2').durable.apply({ kind: 'entries', entries: entries(1, 1) });
    expect(violation(() => checker.onCommit('n1', 2, 1))).toBe('none');
  });

  it('paper Figure 8 (c): an earlier-term entry on a majority is not yet safe — S5 could still be elected', () => {
    // S1 leads term 4 and has put the term-2 entry at index 2 on S1, S2, S3; S5 holds a term-3 entry at index 2.
    const { checker, give } = cluster(['s1', 's2', 's3', 's4', 's5']);
    give('s1', [1, 2, 4]);
    give('s2', [1, 2]);
    give('s3', [1, 2]);
    give('s4', [1]);
    give('s5', [1, 3]);
    expect(violation(() => checker.onCommit('s1', 2, 2))).toMatch(/^CommitIrrevocable: s1 committed index 2 \(term 2\), but s5, whose log lacks it \(last term 3, last index 2\), is at least as up-to-date as s2, s3, s4, s5/);
  });

  it('Figure 8 (e): once S1 has an entry of its own term on a majority, the same commit is safe', () => {
    const { checker, give } = cluster(['s1', 's2', 's3', 's4', 's5']);
    give('s1', [1, 2, 4]);
    give('s2', [1, 2, 4]);
    give('s3', [1, 2, 4]);
    give('s4', [1]);
    give('s5', [1, 3]);
    expect(violation(() => checker.onCommit('s1', 3, 4))).toBe('none');
  });

  it('a voter that could crash and vote from a shorter disk is counted with its disk', () => {
    const { checker, give, node } = cluster(['n1', 'n2', 'n3']);
    give('n1', [1, 2]);
    give('n2', [1, 2]);
    give('n3', [1]);
    expect(violation(() => checker.onCommit('n1', 2, 2))).toBe('none');
    // n2 has the entry in memory only: with n2 crashed, n3 (1,1) is as up-to-date as n2's disk (1,1).
    const fresh = cluster(['n1', 'n2', 'n3']);
    fresh.give('n1', [1, 2]);
    fresh.give('n2', [1]);
    fresh.node('n2').live = logOf([1, 2]);
    fresh.give('n3', [1]);
    expect(violation(() => fresh.checker.onCommit('n1', 2, 2))).toMatch(/^CommitDurable/);
  });
});

describe('RestartFromDurable, AppliedBeyondCommit, CommittedTruncated', () => {
  it('a restart must bring back the durable term and vote', () => {
    const { checker, give } = cluster(['n1', 'n2', 'n3']);
    give('n2', [1], 3, 'n1');
    expect(violation(() => checker.onRestart('n2', 3, 'n1'))).toBe('none');
    expect(violation(() => checker.onRestart('n2', 3, null))).toMatch(/^RestartFromDurable: n2 restarted with term 3, vote none, but its disk holds term 3, vote n1/);
  });

  it('nothing is applied beyond the commit index', () => {
    const { checker } = cluster(['n1']);
    expect(violation(() => checker.onApply('n1', 4, 4))).toBe('none');
    expect(violation(() => checker.onApply('n1', 5, 4))).toMatch(/^AppliedBeyondCommit: n1 applied index 5 beyond its commit index 4/);
  });

  it('a durable log never drops a committed entry it held, but may drop a divergent one', () => {
    const { node, give } = cluster(['n1', 'n2', 'n3'], new Map([[2, 1], [3, 1]]));
    give('n2', [1, 1, 1]);
    expect(violation(() => node('n2').durable.apply({ kind: 'entries', entries: [{ index: 2, term: 1, kind: 'normal', data: null, bytes: 1 }] }))).toMatch(/^CommittedTruncated: n2's disk dropped the committed entry at index 3 \(term 1\)/);
    give('n3', [1, 5, 5]);
    expect(violation(() => node('n3').durable.apply({ kind: 'entries', entries: entries(1, 1) }))).toBe('none');
  });

  it('a stale leader\'s older entry may replace a committed one on a node that had not heard of the commit\'s term; an entry of that term or later may not', () => {
    // Index 3 (term 25) was committed in term 34. n2 led term 25 and wrote it; paused, it learns of term 33 from
    // that term's leader (elected before the commit) and takes its entry at 3: not a lost commit.
    const { node, give } = cluster(['n1', 'n2', 'n3'], new Map([[3, 25]]), new Map([[3, 34]]));
    const stale = [{ index: 3, term: 33, kind: 'normal' as const, data: null, bytes: 1 }];
    give('n2', [1, 1, 25], 25);
    node('n2').durable.termBeforeSync = 25;
    node('n2').durable.apply({ kind: 'hardState', hardState: { term: 35, vote: null, commit: 0 } });
    expect(violation(() => node('n2').durable.apply({ kind: 'entries', entries: stale }))).toBe('none');
    // The same stale entry taken by a node whose disk already held term 34 (it accepted a stale leader's append).
    give('n1', [1, 1, 25], 34);
    node('n1').durable.termBeforeSync = 34;
    expect(violation(() => node('n1').durable.apply({ kind: 'entries', entries: stale }))).toMatch(/^CommittedTruncated: n1's disk overwrote \(with term 33\)/);
    // An entry of the commit's term or later there can only come from a leader that lacks the commit.
    give('n3', [1, 1, 25], 34);
    const late = [{ index: 3, term: 34, kind: 'normal' as const, data: null, bytes: 1 }];
    expect(violation(() => node('n3').durable.apply({ kind: 'entries', entries: late }))).toMatch(/^CommittedTruncated: n3's disk overwrote \(with term 34\) the committed entry at index 3 \(term 25\)/);
  });
});

describe('AckedRetained', () => {
  const ack = (index: number, term: number, from: NodeId = 'n2'): Message => ({ type: 'AppendEntriesResponse', from, to: 'n1', term, reject: false, index, hintIndex: 0, hintTerm: 0, sentAtUs: 0 });

  it('within the term of its acknowledgement a node may not drop what it acknowledged: a snapshot below it that discards the suffix', () => {
    const { checker, node, give } = cluster(['n1', 'n2', 'n3']);
    give('n2', [1, 2, 2, 2], 2);
    checker.onSend('n2', ack(4, 2));
    // A late copy of a snapshot at index 2 that replaces the whole log (the install-snapshot-discards-matching-suffix mistake).
    expect(violation(() => node('n2').durable.apply({ kind: 'snapshot', snapshot: { meta: { index: 2, term: 2 } } as never }))).toMatch(
      /^AckedRetained: n2's disk dropped index 3 \(term 2\), which it had acknowledged \(through index 4\) to the leader of term 2/,
    );
  });

  it('past what it acknowledged, or once its term moved on, a truncation is not its to judge', () => {
    const { checker, node, give } = cluster(['n1', 'n2', 'n3']);
    give('n2', [1, 2, 2, 2], 2);
    checker.onSend('n2', ack(2, 2));
    expect(violation(() => node('n2').durable.apply({ kind: 'entries', entries: entries(1, 2, 3) }))).toBe('none');
    give('n3', [1, 2, 2], 2);
    checker.onSend('n3', ack(3, 2, 'n3'));
    node('n3').term = 4;
    expect(violation(() => node('n3').durable.apply({ kind: 'entries', entries: entries(1, 4) }))).toBe('none');
  });
});
