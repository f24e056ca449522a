// Proof that each broken switch of the replication, commit and snapshot areas deviates (see test/raft-bugs.test.ts
// for the catalogue and the scheme): one message sequence, run with the switch on and off.
import { simpleMembership } from '../raft/membership.js';
import { describe, expect, it } from 'vitest';
import type { UnsafeKnobs } from '../raft/config.js';
import type { Entry, Message } from '../raft/types.js';
import { Harness } from './support/raft-harness.js';
import { anyOf, appliedAt, entry, five, heartbeatRound, is, three, wait, withSwitch } from './support/raft-bugs.js';

// ---------------------------------------------------------------- replication

/** Term 1: n1 led and wrote "old" at 2, which reached no one. Term 2: n2 led and replicated "new" at 2 to n3.
 *  n2 wins term 3, replicates its noop (3) to both, and a heartbeat tells them the commit index. */
function prevTermRun(on: boolean): { n1At2: unknown; n2At2: unknown; sameAt3: boolean } {
  const h = new Harness(three, withSwitch('prevLogIndexOnly', on, { preVote: false }));
  h.load('n1', { hardState: { term: 2, vote: null, commit: 1 }, snapshot: null, entries: [entry(1, 1), entry(2, 1, 'old')] });
  for (const id of ['n2', 'n3']) h.load(id, { hardState: { term: 2, vote: 'n2', commit: 1 }, snapshot: null, entries: [entry(1, 1), entry(2, 2, 'new')] });
  h.campaign('n2');
  heartbeatRound(h, 'n2');
  expect(h.node('n2').log.committed).toBe(3);
  const [n1, n2] = [h.node('n1').log, h.node('n2').log];
  return { n1At2: appliedAt(h, 'n1', 2)?.data ?? null, n2At2: appliedAt(h, 'n2', 2)?.data ?? null, sameAt3: n1.term(3) === n2.term(3) };
}

describe('prevLogIndexOnly: paper Figure 2, AppendEntries receiver rule 2, "Reply false if log doesn\'t contain an entry at prevLogIndex whose term matches prevLogTerm"', () => {
  it('with the switch n1 appends the term-3 noop after its stale "old" (same entry at 3, different logs before it) and applies "old"; without it n1 is repaired', () => {
    expect(prevTermRun(true)).toEqual({ n1At2: 'old', n2At2: 'new', sameAt3: true });
    expect(prevTermRun(false)).toEqual({ n1At2: 'new', n2At2: 'new', sameAt3: true });
  });
});

/** n1 leads term 1 and replicates "a" (2) and "b" (3) to n2 in two AppendEntries; n3 hears nothing. The network
 *  delivers the first AppendEntries to n2 twice, the copy after the second message. n1 commits "b" on n2's
 *  acknowledgement and applies it, then fails; n2 leads term 2 with n3's vote. */
function duplicatedAppendRun(on: boolean): { n1At3: unknown; n2At3: unknown } {
  const h = new Harness(three, withSwitch('truncateOnEveryAppend', on));
  h.campaign('n1');
  h.cut.add('n1->n3');
  h.node('n1').propose('a', 1, h.localUs('n1'));
  const [first] = h.take(is('AppendEntries', 'n1', 'n2'));
  h.node('n1').propose('b', 1, h.localUs('n1'));
  const [second] = h.take(is('AppendEntries', 'n1', 'n2'));
  expect([first, second].map((m) => (m?.type === 'AppendEntries' ? m.entries.map((e) => e.data) : null))).toEqual([['a'], ['b']]);
  h.deliver(first!);
  h.deliver(second!);
  h.deliver(first!);
  h.deliverWhere(is('AppendEntriesResponse', 'n2', 'n1'));
  expect(appliedAt(h, 'n1', 3)?.data).toBe('b');
  h.isolate('n1');
  h.campaign('n2');
  expect(h.node('n2').role).toBe('leader');
  return { n1At3: appliedAt(h, 'n1', 3)?.data, n2At3: appliedAt(h, 'n2', 3)?.data ?? null };
}

describe('truncateOnEveryAppend: paper Figure 2, AppendEntries receiver rule 3, "If an existing entry conflicts with a new one (same index but different terms), delete the existing entry and all that follow it"', () => {
  it('with the switch the duplicated message cuts "b" from n2 after it acknowledged it, and n2 applies its noop where n1 applied "b"; without it n2 applies "b"', () => {
    expect(duplicatedAppendRun(true)).toEqual({ n1At3: 'b', n2At3: null });
    expect(duplicatedAppendRun(false)).toEqual({ n1At3: 'b', n2At3: 'b' });
  });
});

/** Term 1: n1 led and wrote 2-4 that reached no one. Term 2: n2 led; its noop (2) and "x" (3) are on n3 and
 *  committed. n2 wins term 3 with n3, commits its noop (4) with n3, and heartbeats n1 before any AppendEntries
 *  has repaired n1's log. */
function heartbeatCommitRun(on: boolean): { n1Commit: number; n1At2: unknown } {
  const h = new Harness(three, withSwitch('heartbeatCommitBeyondMatch', on, { preVote: false }));
  h.load('n1', { hardState: { term: 2, vote: null, commit: 1 }, snapshot: null, entries: [entry(1, 1), entry(2, 1, 's2'), entry(3, 1, 's3'), entry(4, 1, 's4')] });
  for (const id of ['n2', 'n3']) h.load(id, { hardState: { term: 2, vote: 'n2', commit: 3 }, snapshot: null, entries: [entry(1, 1), entry(2, 2, 'noop'), entry(3, 2, 'x')] });
  h.flushAll();
  h.inFlight = [];
  h.timeout('n2');
  h.deliverWhere(anyOf(is('RequestVote', 'n2', 'n3'), is('RequestVoteResponse'), is('AppendEntries', 'n2', 'n3'), is('AppendEntriesResponse', 'n3')));
  expect(h.node('n2').log.committed).toBe(4);
  heartbeatRound(h, 'n2', is('Heartbeat', 'n2', 'n1'));
  return { n1Commit: h.node('n1').log.committed, n1At2: appliedAt(h, 'n1', 2)?.data ?? null };
}

describe('heartbeatCommitBeyondMatch: paper Figure 2, AppendEntries receiver rule 5, "set commitIndex = min(leaderCommit, index of last new entry)"', () => {
  it("with the switch a heartbeat makes n1 commit its stale entries 2-4 and apply term-1 \"s2\" where the others applied term 2; without it n1's commit stays", () => {
    expect(heartbeatCommitRun(true)).toEqual({ n1Commit: 4, n1At2: 's2' });
    expect(heartbeatCommitRun(false)).toEqual({ n1Commit: 1, n1At2: null });
  });
});

// ---------------------------------------------------------------- commit

/** Figure 8 with five servers, one entry per AppendEntries. (a)-(b) happened before: S1 led term 2 and put e2 at 2
 *  on S2; S5 led term 3 and put f2 at 2 on itself only. (c) S1 wins term 4 (S2, S3, S4; S5 refuses), replicates its noop to S2
 *  and e2 to S3: e2 is on a majority. (d) S1 fails; S5 wins term 5 with S3 and S4 and replicates f2. */
function figure8Run(on: boolean): { s1At2: unknown; s5At2: unknown } {
  const h = new Harness(five, withSwitch('commitOldTermByCounting', on, { preVote: false, maxEntriesBytesPerMessage: 1 }));
  for (const id of ['n1', 'n2']) h.load(id, { hardState: { term: 3, vote: null, commit: 1 }, snapshot: null, entries: [entry(1, 1), entry(2, 2, 'e2')] });
  for (const id of ['n3', 'n4']) h.load(id, { hardState: { term: 3, vote: null, commit: 1 }, snapshot: null, entries: [entry(1, 1)] });
  h.load('n5', { hardState: { term: 3, vote: 'n5', commit: 1 }, snapshot: null, entries: [entry(1, 1), entry(2, 3, 'f2')] });
  h.flushAll();
  h.inFlight = [];
  h.timeout('n1');
  h.deliverWhere(anyOf(is('RequestVote', 'n1'), is('RequestVoteResponse', undefined, 'n1')));
  expect(h.node('n1').role).toBe('leader');
  h.deliverWhere(anyOf(is('AppendEntries', 'n1', 'n2'), is('AppendEntriesResponse', 'n2', 'n1')));
  for (let round = 0; round < 2; round++) {
    // The probe at 2 is rejected; the retry carries e2 alone. Its successor (the noop) stays in the network.
    h.deliver(h.take(is('AppendEntries', 'n1', 'n3'))[0]!);
    h.deliverWhere(is('AppendEntriesResponse', 'n3', 'n1'));
  }
  expect(h.node('n3').log.lastIndex()).toBe(2);
  h.isolate('n1');
  wait(h, 1_000_000);
  h.campaign('n5');
  expect(h.node('n5').role).toBe('leader');
  return { s1At2: appliedAt(h, 'n1', 2)?.data ?? null, s5At2: appliedAt(h, 'n5', 2)?.data ?? null };
}

describe('commitOldTermByCounting: paper 5.4.2, "Raft never commits log entries from previous terms by counting replicas" (Figure 8)', () => {
  it('with the switch S1 commits and applies e2 in step (c) and S5 applies f2 at the same index in step (d); without it e2 never commits', () => {
    expect(figure8Run(true)).toEqual({ s1At2: 'e2', s5At2: 'f2' });
    expect(figure8Run(false)).toEqual({ s1At2: null, s5At2: 'f2' });
  });
});

/** n1 leads term 1 (both followers in replicate state); its AppendEntries with "x" are lost. Then n1 fails and n2
 *  leads term 2 with n3. */
function lostAppendRun(name: keyof UnsafeKnobs, on: boolean): { n1At2: unknown; n2At2: unknown } {
  const h = new Harness(three, withSwitch(name, on));
  h.campaign('n1');
  h.cut.add('n1->n2').add('n1->n3');
  h.propose('n1', 'x');
  h.isolate('n1');
  wait(h, 1_000_000);
  h.campaign('n2');
  expect(h.node('n2').role).toBe('leader');
  const noop = (e: Entry | undefined): unknown => (e === undefined ? null : e.kind === 'noop' ? `noop of term ${e.term}` : e.data);
  return { n1At2: noop(appliedAt(h, 'n1', 2)), n2At2: noop(appliedAt(h, 'n2', 2)) };
}

describe('commitWithMinority: paper 5.3, "A log entry is committed once the leader that created the entry has replicated it on a majority of the servers"', () => {
  it('with the switch n1 commits and applies "x" on its own copy and n2 applies its noop there; without it "x" stays uncommitted', () => {
    expect(lostAppendRun('commitWithMinority', true)).toEqual({ n1At2: 'x', n2At2: 'noop of term 2' });
    expect(lostAppendRun('commitWithMinority', false)).toEqual({ n1At2: null, n2At2: 'noop of term 2' });
  });
});

describe("commitByNextIndex: the 6.5840 students' guide, \"Failure to follow The Rules\": nextIndex is a guess, matchIndex is for safety (Figure 2: \"a majority of matchIndex[i] ≥ N\")", () => {
  it('with the switch n1 counts what it sent, commits and applies "x" that no follower received; without it "x" stays uncommitted', () => {
    expect(lostAppendRun('commitByNextIndex', true)).toEqual({ n1At2: 'x', n2At2: 'noop of term 2' });
    expect(lostAppendRun('commitByNextIndex', false)).toEqual({ n1At2: null, n2At2: 'noop of term 2' });
  });
});

// ---------------------------------------------------------------- snapshots

describe('noSnapshotFallback: paper 7, "the leader must occasionally send snapshots to followers that lag behind"', () => {
  it('with the switch a follower behind the compacted prefix never catches up; without it InstallSnapshot brings it level', () => {
    const run = (on: boolean): { n3Last: number; n1Last: number; snapshots: number } => {
      const h = new Harness(three, withSwitch('noSnapshotFallback', on));
      h.campaign('n1');
      h.isolate('n3');
      for (let k = 0; k < 5; k++) h.propose('n1', `v${k}`);
      const log = h.node('n1').log;
      h.node('n1').compact({ meta: { index: 4, term: log.term(4)!, membership: simpleMembership(three) }, data: 'image@4', bytes: 100 }, 4);
      h.heal();
      h.advanceTo(h.nowUs + 500_000);
      return { n3Last: h.node('n3').log.lastIndex(), n1Last: log.lastIndex(), snapshots: h.sentCount.get('InstallSnapshot') ?? 0 };
    };
    expect(run(true)).toEqual({ n3Last: 1, n1Last: 6, snapshots: 0 });
    expect(run(false)).toMatchObject({ n3Last: 6, n1Last: 6 });
  });
});

function installSnapshot(index: number, term: number): Message {
  return { type: 'InstallSnapshot', from: 'n1', to: 'n3', term: 3, meta: { index, term, membership: simpleMembership(three) }, offsetBytes: 0, chunkBytes: 10, totalBytes: 10, done: true, data: `image@${index}` };
}

describe("installSnapshotKeepsConflictingLog: paper Figure 13, InstallSnapshot receiver rule 6, \"If existing log entry has same index and term as snapshot's last included entry, retain log entries following it\"", () => {
  it("with the switch n3 keeps its stale term-1 entries in place of the snapshot and applies them; without it it installs the snapshot", () => {
    const run = (on: boolean): { snapshot: number | null; n3At3: unknown; termAt3: number | undefined } => {
      const h = new Harness(three, withSwitch('installSnapshotKeepsConflictingLog', on));
      // n3 holds entries 2-3 of an old term-1 leader; the term-3 leader n1 compacted its committed 1-3 (term 2).
      h.load('n3', { hardState: { term: 3, vote: null, commit: 1 }, snapshot: null, entries: [entry(1, 1), entry(2, 1, 's2'), entry(3, 1, 's3')] });
      h.flush('n3');
      h.deliver(installSnapshot(3, 2));
      return { snapshot: h.durable.get('n3')!.snapshot?.meta.index ?? null, n3At3: appliedAt(h, 'n3', 3)?.data ?? null, termAt3: h.node('n3').log.term(3) };
    };
    expect(run(true)).toEqual({ snapshot: null, n3At3: 's3', termAt3: 1 });
    expect(run(false)).toEqual({ snapshot: 3, n3At3: null, termAt3: 2 });
  });
});

describe('installSnapshotDiscardsMatchingSuffix: paper 7, "If instead the follower receives a snapshot that describes a prefix of its log ... entries following the snapshot are still valid and must be retained"', () => {
  it('with the switch a reordered snapshot at 4 wipes entries 5-6 that n3 had acknowledged; without it n3 keeps them', () => {
    const run = (on: boolean): { acked: number; n3Last: number; n3Commit: number } => {
      const h = new Harness(three, withSwitch('installSnapshotDiscardsMatchingSuffix', on));
      h.load('n3', { hardState: { term: 3, vote: null, commit: 1 }, snapshot: null, entries: [entry(1, 1)] });
      h.flush('n3');
      // The term-3 leader n1 sent a snapshot at 4 (delayed in the network), then entries 2-6 (prefix match at 1).
      const entries = [2, 3, 4, 5, 6].map((index) => entry(index, 3));
      h.deliver({ type: 'AppendEntries', from: 'n1', to: 'n3', term: 3, prevLogIndex: 1, prevLogTerm: 1, entries, commit: 1, sentAtUs: 0 });
      const [ack] = h.take(is('AppendEntriesResponse', 'n3', 'n1'));
      h.deliver(installSnapshot(4, 3));
      return { acked: (ack as { index: number }).index, n3Last: h.node('n3').log.lastIndex(), n3Commit: h.node('n3').log.committed };
    };
    expect(run(true)).toEqual({ acked: 6, n3Last: 4, n3Commit: 4 });
    expect(run(false)).toEqual({ acked: 6, n3Last: 6, n3Commit: 4 });
  });
});
