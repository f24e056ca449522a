// One test per rule of the Raft paper (section 5 and the thesis extensions raftsim implements).
// Each test names the sentence it checks.
import { describe, expect, it } from 'vitest';
import { defaultRaftConfig, safeKnobs } from '../raft/config.js';
import { RaftNode } from '../raft/node.js';
import type { AppendEntriesResponseMessage, Entry, Message } from '../raft/types.js';
import { Harness, lcg } from './support/raft-harness.js';

const three = ['n1', 'n2', 'n3'];
const five = ['n1', 'n2', 'n3', 'n4', 'n5'];

function entry(index: number, term: number, data: string = `e${index}`): Entry {
  return { index, term, kind: 'normal', data, bytes: 8 };
}

/** A lone node with a prepared durable log, to step messages into. */
function nodeWithLog(entries: Entry[], term: number, patch = {}): RaftNode {
  const config = { ...defaultRaftConfig('n1', three), ...patch };
  return RaftNode.restart({ config, random: lcg(7), nowUs: 0 }, { hardState: { term, vote: null, commit: 0 }, snapshot: null, entries });
}

function responses(node: RaftNode): Message[] {
  return node.hasReady() ? [...node.ready().messages] : [];
}

describe('5.1 terms', () => {
  it('"If a server receives a request with a stale term number, it rejects the request"', () => {
    const node = nodeWithLog([entry(1, 1)], 3);
    node.step({ type: 'AppendEntries', from: 'n2', to: 'n1', term: 2, prevLogIndex: 1, prevLogTerm: 1, entries: [entry(2, 2)], commit: 1, sentAtUs: 0 }, 1);
    const out = responses(node);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ type: 'AppendEntriesResponse', term: 3, reject: true });
    expect(node.log.lastIndex()).toBe(1);
  });

  it('"If a candidate or leader discovers that its term is out of date, it immediately reverts to follower state"', () => {
    const h = new Harness(three);
    h.campaign('n1');
    expect(h.node('n1').role).toBe('leader');
    h.node('n1').step({ type: 'Heartbeat', from: 'n2', to: 'n1', term: 9, commit: 0, readContext: 0, sentAtUs: 0 }, h.nowUs);
    expect(h.node('n1').role).toBe('follower');
    expect(h.node('n1').currentTerm).toBe(9);
    expect(h.node('n1').leader).toBe('n2');
  });
});

describe('5.2 leader election', () => {
  it('"Each server will vote for at most one candidate in a given term"', () => {
    const node = nodeWithLog([], 1, { preVote: false });
    node.step({ type: 'RequestVote', from: 'n2', to: 'n1', term: 2, lastLogIndex: 0, lastLogTerm: 0, transfer: false }, 1_000_000);
    node.step({ type: 'RequestVote', from: 'n3', to: 'n1', term: 2, lastLogIndex: 5, lastLogTerm: 1, transfer: false }, 1_000_000);
    const out = responses(node);
    expect(out.map((m) => [m.to, (m as { reject: boolean }).reject])).toEqual([
      ['n2', false],
      ['n3', true],
    ]);
    expect(node.votedFor).toBe('n2');
  });

  it('a vote is durable before it is sent: the Ready that carries it also carries the new hard state and must sync', () => {
    const node = nodeWithLog([], 1, { preVote: false });
    node.step({ type: 'RequestVote', from: 'n2', to: 'n1', term: 2, lastLogIndex: 0, lastLogTerm: 0, transfer: false }, 1_000_000);
    const ready = node.ready();
    expect(ready.hardState).toEqual({ term: 2, vote: 'n2', commit: 0 });
    expect(ready.mustSync).toBe(true);
    expect(ready.messages).toHaveLength(1);
  });

  it('a restarted node remembers its vote and does not vote twice in a term', () => {
    const h = new Harness(three, { preVote: false });
    h.node('n1').step({ type: 'RequestVote', from: 'n2', to: 'n1', term: 2, lastLogIndex: 0, lastLogTerm: 0, transfer: false }, 1_000_000);
    h.flush('n1');
    h.restart('n1');
    h.inFlight = [];
    h.node('n1').step({ type: 'RequestVote', from: 'n3', to: 'n1', term: 2, lastLogIndex: 0, lastLogTerm: 0, transfer: false }, 1_000_000);
    h.flush('n1');
    expect(h.inFlight[0]).toMatchObject({ type: 'RequestVoteResponse', to: 'n3', reject: true });
  });

  it('"A candidate wins an election if it receives votes from a majority of the servers"', () => {
    const h = new Harness(five, { preVote: false });
    h.isolate('n4');
    h.isolate('n5');
    h.campaign('n1');
    expect(h.node('n1').role).toBe('leader');
    expect(h.leaders()).toEqual(['n1']);
  });

  it('a candidate short of a majority stays candidate, then times out into a new term', () => {
    const h = new Harness(five, { preVote: false });
    for (const id of ['n3', 'n4', 'n5']) h.isolate(id);
    h.campaign('n1');
    expect(h.node('n1').role).toBe('candidate');
    const term = h.node('n1').currentTerm;
    h.campaign('n1');
    expect(h.node('n1').currentTerm).toBe(term + 1);
  });

  it('"randomized election timeouts": timeouts are drawn from [min, max], and a fixed range gives identical timeouts', () => {
    const deadlines = new Set<number>();
    for (let seed = 1; seed < 50; seed++) {
      const node = RaftNode.create({ config: defaultRaftConfig('n1', three), random: lcg(seed), nowUs: 0 });
      const deadline = node.nextDeadlineUs();
      expect(deadline).toBeGreaterThanOrEqual(150_000);
      expect(deadline).toBeLessThanOrEqual(300_000);
      deadlines.add(deadline);
    }
    expect(deadlines.size).toBeGreaterThan(20);
    const fixed = { ...defaultRaftConfig('n1', three), electionTimeoutMinUs: 200_000, electionTimeoutMaxUs: 200_000 };
    const a = RaftNode.create({ config: fixed, random: lcg(1), nowUs: 0 }).nextDeadlineUs();
    const b = RaftNode.create({ config: fixed, random: lcg(2), nowUs: 0 }).nextDeadlineUs();
    expect([a, b]).toEqual([200_000, 200_000]);
  });

  it('illegal transitions throw: a node that is not a candidate cannot become leader', () => {
    const node = RaftNode.create({ config: defaultRaftConfig('n1', three), random: lcg(1), nowUs: 0 });
    expect(() => (node as unknown as { becomeLeader(): void }).becomeLeader()).toThrow(/illegal transition follower -> leader/);
  });
});

describe('5.3 log replication', () => {
  it('"the leader appends the command to its log" and commits it once a majority stores it', () => {
    const h = new Harness(three);
    h.campaign('n1');
    h.propose('n1', 'x=1');
    for (const id of three) {
      expect(h.applied.get(id)!.map((e) => e.data)).toContain('x=1');
    }
  });

  it('consistency check: a follower rejects AppendEntries whose prevLogIndex/prevLogTerm it does not hold', () => {
    const node = nodeWithLog([entry(1, 1), entry(2, 1)], 2);
    node.step({ type: 'AppendEntries', from: 'n2', to: 'n1', term: 2, prevLogIndex: 2, prevLogTerm: 2, entries: [entry(3, 2)], commit: 0, sentAtUs: 0 }, 1);
    const [response] = responses(node) as AppendEntriesResponseMessage[];
    expect(response).toMatchObject({ reject: true, index: 2, hintIndex: 2, hintTerm: 1 });
  });

  it('"If an existing entry conflicts with a new one, delete the existing entry and all that follow it"', () => {
    const node = nodeWithLog([entry(1, 1), entry(2, 1), entry(3, 1)], 2);
    node.step({ type: 'AppendEntries', from: 'n2', to: 'n1', term: 2, prevLogIndex: 1, prevLogTerm: 1, entries: [entry(2, 2, 'new')], commit: 0, sentAtUs: 0 }, 1);
    expect(node.log.lastIndex()).toBe(2);
    expect(node.log.entry(2)!.data).toBe('new');
    const ready = node.ready();
    expect(ready.entries.map((e) => [e.index, e.term])).toEqual([[2, 2]]);
  });

  it('a delayed, shorter AppendEntries does not truncate entries that match (no conflict, nothing deleted)', () => {
    const node = nodeWithLog([entry(1, 2), entry(2, 2), entry(3, 2)], 2);
    node.step({ type: 'AppendEntries', from: 'n2', to: 'n1', term: 2, prevLogIndex: 0, prevLogTerm: 0, entries: [entry(1, 2)], commit: 0, sentAtUs: 0 }, 1);
    expect(node.log.lastIndex()).toBe(3);
  });

  it('a follower commits min(leaderCommit, index of last new entry)', () => {
    const node = nodeWithLog([entry(1, 1), entry(2, 1), entry(3, 1)], 1);
    node.step({ type: 'AppendEntries', from: 'n2', to: 'n1', term: 1, prevLogIndex: 1, prevLogTerm: 1, entries: [entry(2, 1)], commit: 3, sentAtUs: 0 }, 1);
    expect(node.log.committed).toBe(2);
  });

  it('fast backoff skips a whole conflicting term per round trip; one-index backoff takes one per entry', () => {
    const rounds = (fastBackoff: boolean): number => {
      const h = new Harness(three, { fastBackoff, preVote: false });
      // n1 and n2 hold a term-3 history; n3 holds a divergent term-2 tail over the same indexes, as if a
      // term-2 leader had replicated only to it.
      const history = (term: number): Entry[] => [entry(1, 1), ...Array.from({ length: 39 }, (_, k) => entry(k + 2, term, `t${term}-${k + 2}`))];
      for (const [id, term] of [['n1', 3], ['n2', 3], ['n3', 2]] as const) {
        h.durable.set(id, { hardState: { term, vote: null, commit: 1 }, snapshot: null, entries: history(term) });
        h.restart(id, 11);
      }
      h.campaign('n1');
      h.deliverAll();
      expect(h.node('n1').role).toBe('leader');
      expect(h.node('n3').log.lastIndex()).toBe(h.node('n1').log.lastIndex());
      expect(h.node('n3').log.entry(20)!.data).toBe('t3-20');
      return h.sentCount.get('AppendEntries') ?? 0;
    };
    const fast = rounds(true);
    const slow = rounds(false);
    expect(fast).toBeLessThan(slow);
    expect(slow - fast).toBeGreaterThan(20);
  });

  it('pipelining keeps at most maxInflightMessages AppendEntries outstanding per follower', () => {
    const h = new Harness(three, { maxInflightMessages: 4, maxEntriesBytesPerMessage: 8 });
    h.campaign('n1');
    // Hold all traffic: queue proposals, flush, and count AppendEntries waiting for n2.
    for (let k = 0; k < 20; k++) {
      expect(h.node('n1').propose(`p${k}`, 8, h.nowUs).ok).toBe(true);
    }
    h.flush('n1');
    const toN2 = h.inFlight.filter((m) => m.type === 'AppendEntries' && m.to === 'n2');
    expect(toN2.length).toBe(4);
    expect(h.node('n1').progressOf('n2')!.inflights.isFull()).toBe(true);
    h.deliverAll();
    expect(h.node('n2').log.lastIndex()).toBe(h.node('n1').log.lastIndex());
  });

  it('proposals between two Readys are batched into one AppendEntries per follower', () => {
    const h = new Harness(three);
    h.campaign('n1');
    for (let k = 0; k < 10; k++) h.node('n1').propose(`b${k}`, 4, h.nowUs);
    h.flush('n1');
    const appends = h.inFlight.filter((m) => m.type === 'AppendEntries');
    expect(appends).toHaveLength(2);
    for (const m of appends) expect((m as { entries: readonly Entry[] }).entries).toHaveLength(10);
  });

  it('a follower or candidate refuses proposals and names the leader it knows', () => {
    const h = new Harness(three);
    h.campaign('n1');
    expect(h.node('n2').propose('x', 1, h.nowUs)).toEqual({ ok: false, reason: 'not-leader', leader: 'n1' });
  });

  it('the uncommitted-bytes bound refuses proposals beyond it', () => {
    const h = new Harness(three, { maxUncommittedBytes: 100 });
    h.campaign('n1');
    h.isolate('n2');
    h.isolate('n3');
    expect(h.node('n1').propose('a', 60, h.nowUs).ok).toBe(true);
    expect(h.node('n1').propose('b', 60, h.nowUs)).toMatchObject({ ok: false, reason: 'uncommitted-limit' });
  });
});

describe('5.4 safety', () => {
  it('5.4.1 election restriction: a voter denies a candidate whose log is less up-to-date', () => {
    const node = nodeWithLog([entry(1, 1), entry(2, 3)], 3, { preVote: false });
    node.step({ type: 'RequestVote', from: 'n2', to: 'n1', term: 4, lastLogIndex: 5, lastLogTerm: 2, transfer: false }, 1_000_000);
    node.step({ type: 'RequestVote', from: 'n3', to: 'n1', term: 5, lastLogIndex: 1, lastLogTerm: 3, transfer: false }, 1_000_000);
    const out = responses(node);
    expect(out.map((m) => (m as { reject: boolean }).reject)).toEqual([true, true]);
    const node2 = nodeWithLog([entry(1, 1), entry(2, 3)], 3, { preVote: false });
    node2.step({ type: 'RequestVote', from: 'n2', to: 'n1', term: 4, lastLogIndex: 2, lastLogTerm: 3, transfer: false }, 1_000_000);
    expect((responses(node2)[0] as { reject: boolean }).reject).toBe(false);
  });

  it('5.4.2 a leader does not commit an entry of an earlier term by counting replicas (Figure 8)', () => {
    // Figure 8 (c): the term-4 leader sees its term-2 entry (index 2) on a majority, its own noop on none.
    expect(nodeLeaderWithMatches(false).log.committed).toBe(1);
    // The deliberately broken variant commits it, which is the step Figure 8 (d) shows can be undone.
    expect(nodeLeaderWithMatches(true).log.committed).toBe(2);
  });

  it('Leader Completeness scenario: once the noop of its term commits, earlier entries commit with it', () => {
    const h = new Harness(three, { preVote: false });
    h.campaign('n1');
    h.propose('n1', 'v');
    const committed = h.node('n1').log.committed;
    h.isolate('n1');
    h.campaign('n2');
    expect(h.node('n2').role).toBe('leader');
    h.advanceTo(h.nowUs + 100_000);
    expect(h.node('n2').log.committed).toBeGreaterThanOrEqual(committed + 1);
    expect(h.node('n2').log.entry(committed)!.data).toBe('v');
  });
});

/** A term-4 leader whose followers acknowledged index 2 (term 2) but not yet its noop at index 3. */
function nodeLeaderWithMatches(commitOldTermByCounting: boolean): RaftNode {
  const config = { ...defaultRaftConfig('n1', five), preVote: false, unsafe: { ...safeKnobs, commitOldTermByCounting } };
  const node = RaftNode.restart({ config, random: lcg(1), nowUs: 0 }, { hardState: { term: 3, vote: null, commit: 1 }, snapshot: null, entries: [entry(1, 1), entry(2, 2)] });
  node.tick(node.nextDeadlineUs());
  const now = node.nextDeadlineUs();
  for (const voter of ['n2', 'n3']) node.step({ type: 'RequestVoteResponse', from: voter, to: 'n1', term: 4, reject: false }, now);
  expect(node.role).toBe('leader');
  const ready = node.ready();
  node.advance(ready);
  for (const follower of ['n2', 'n3']) {
    node.step({ type: 'AppendEntriesResponse', from: follower, to: 'n1', term: 4, reject: true, index: 2, hintIndex: 2, hintTerm: 2, sentAtUs: 0 }, now);
    node.step({ type: 'AppendEntriesResponse', from: follower, to: 'n1', term: 4, reject: false, index: 2, hintIndex: 0, hintTerm: 0, sentAtUs: 0 }, now);
  }
  return node;
}

describe('PreVote, CheckQuorum, stickiness, transfer (thesis 9.6, 6.2, 4.2.3, 3.10)', () => {
  it('PreVote: a partitioned node does not inflate its term, and rejoining does not disrupt the leader', () => {
    const h = new Harness(three, { preVote: true, checkQuorum: true });
    h.campaign('n1');
    const term = h.node('n1').currentTerm;
    h.isolate('n3');
    h.advanceTo(h.nowUs + 5_000_000);
    expect(h.node('n3').currentTerm).toBe(term);
    expect(h.node('n3').role).toBe('precandidate');
    h.heal();
    h.advanceTo(h.nowUs + 1_000_000);
    expect(h.leaders()).toEqual(['n1']);
    expect(h.node('n1').currentTerm).toBe(term);
  });

  it('without PreVote the same rejoin deposes the leader (the behaviour PreVote exists to prevent)', () => {
    const h = new Harness(three, { preVote: false, checkQuorum: false, leaderStickiness: false });
    h.campaign('n1');
    const term = h.node('n1').currentTerm;
    h.isolate('n3');
    h.advanceTo(h.nowUs + 5_000_000);
    expect(h.node('n3').currentTerm).toBeGreaterThan(term + 5);
    h.heal();
    h.advanceTo(h.nowUs + 1_000_000);
    expect(h.node('n1').currentTerm).toBeGreaterThan(term);
  });

  it('CheckQuorum: a leader that has not heard from a quorum for an election timeout steps down', () => {
    const h = new Harness(three, { checkQuorum: true });
    h.campaign('n1');
    h.isolate('n1');
    h.advanceTo(h.nowUs + 400_000, false);
    expect(h.node('n1').role).toBe('follower');
    const events = h.node('n1').takeEvents();
    expect(events.some((e) => e.kind === 'check-quorum-step-down')).toBe(true);
  });

  it('without CheckQuorum an isolated leader stays leader', () => {
    const h = new Harness(three, { checkQuorum: false, preVote: false, leaderStickiness: false });
    h.campaign('n1');
    h.isolate('n1');
    h.advanceTo(h.nowUs + 2_000_000, false);
    expect(h.node('n1').role).toBe('leader');
  });

  it('leader stickiness: a follower that heard from the leader recently ignores a higher-term vote request', () => {
    const h = new Harness(three, { preVote: false, checkQuorum: true, leaderStickiness: true });
    h.campaign('n1');
    h.node('n2').step({ type: 'RequestVote', from: 'n3', to: 'n2', term: 50, lastLogIndex: 100, lastLogTerm: 50, transfer: false }, h.nowUs);
    expect(h.node('n2').currentTerm).toBeLessThan(50);
    expect(h.node('n2').hasReady()).toBe(false);
  });

  it('leadership transfer: TimeoutNow makes the caught-up target campaign at once and win', () => {
    const h = new Harness(three);
    h.campaign('n1');
    h.propose('n1', 'before');
    expect(h.node('n1').transferLeadership('n2', h.nowUs)).toBe(true);
    expect(h.node('n1').propose('during', 6, h.nowUs)).toMatchObject({ ok: false, reason: 'transferring' });
    h.deliverAll();
    expect(h.node('n2').role).toBe('leader');
    expect(h.node('n1').role).toBe('follower');
  });
});

describe('reads (thesis 6.4)', () => {
  it('ReadIndex returns the commit index after a quorum confirms leadership', () => {
    const h = new Harness(three);
    h.campaign('n1');
    h.propose('n1', 'w');
    const result = h.node('n1').read(7, h.nowUs);
    expect(result).toEqual({ ok: true, mode: 'read-index' });
    h.deliverAll();
    expect(h.reads.get('n1')).toEqual([{ requestId: 7, index: h.node('n1').log.committed }]);
  });

  it('ReadIndex is not answered by a leader cut off from the quorum', () => {
    const h = new Harness(three);
    h.campaign('n1');
    h.isolate('n1');
    h.node('n1').read(8, h.nowUs);
    h.deliverAll();
    expect(h.reads.get('n1')).toEqual([]);
  });

  it('lease reads are served locally while a quorum acknowledged within the lease, and not after', () => {
    const h = new Harness(three, { leaseReads: true, checkQuorum: true });
    h.campaign('n1');
    h.advanceTo(h.nowUs + 60_000);
    expect(h.node('n1').read(1, h.nowUs)).toEqual({ ok: true, mode: 'lease' });
    h.isolate('n1');
    h.advanceTo(h.nowUs + 145_000, false);
    expect(h.node('n1').read(2, h.nowUs)).toEqual({ ok: true, mode: 'read-index' });
  });
});

describe('the MIT 6.5840 message budgets (3 nodes, heartbeat 100 ms; budgets count RPCs, i.e. request messages)', () => {
  const config = { heartbeatIntervalUs: 100_000, electionTimeoutMinUs: 300_000, electionTimeoutMaxUs: 600_000 };

  it('electing a leader takes at most 30 RPCs', () => {
    const h = new Harness(three, config);
    h.advanceTo(1_000_000);
    expect(h.leaders()).toHaveLength(1);
    expect(h.requestCount()).toBeLessThanOrEqual(30);
  });

  it('agreeing on 10 entries takes at most 42 RPCs', () => {
    const h = new Harness(three, config);
    h.advanceTo(1_000_000);
    const leader = h.leaders()[0]!;
    h.sentCount.clear();
    for (let k = 0; k < 10; k++) h.propose(leader, `c${k}`);
    for (const id of three) expect(h.node(id).log.committed).toBe(h.node(leader).log.lastIndex());
    expect(h.requestCount()).toBeLessThanOrEqual(42);
  });

  it('one idle second takes at most 60 RPCs', () => {
    const h = new Harness(three, config);
    h.advanceTo(1_000_000);
    h.sentCount.clear();
    h.advanceTo(2_000_000);
    expect(h.leaders()).toHaveLength(1);
    expect(h.requestCount()).toBeLessThanOrEqual(60);
    expect(h.requestCount()).toBeGreaterThan(0);
  });
});
