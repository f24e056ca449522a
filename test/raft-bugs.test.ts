// The bug catalogue (raft/bugs.ts) and proof that each broken switch deviates: for every switch, the smallest
// message sequence on which the broken node and the correct one part ways, run twice (switch on, switch off),
// asserting the bad outcome with it and the good one without. Each describe names the switch and the sentence
// of the paper (or thesis, or issue) the correct behaviour comes from, as test/raft-paper.test.ts does.
// This file: the catalogue itself, election, term handling and persistence. test/raft-bugs-log.test.ts holds
// replication, commit and snapshots; test/raft-bugs-reads.test.ts the reads.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bugCatalogue, bugSwitches } from '../raft/bugs.js';
import { safeKnobs, type UnsafeKnobs } from '../raft/config.js';
import type { Message } from '../raft/types.js';
import { Harness } from './support/raft-harness.js';
import { anyOf, appliedAt, catalogueRow, catalogueSummary, entry, five, four, is, leadersOfTerm, three, wait, withSwitch } from './support/raft-bugs.js';

const repository = process.cwd();
const bugTestFiles = ['raft-bugs.test.ts', 'raft-bugs-log.test.ts', 'raft-bugs-reads.test.ts', 'raft-bugs-membership.test.ts'];

describe('the bug catalogue (raft/bugs.ts)', () => {
  it('has exactly one entry per unsafe switch, and every switch is off by default', () => {
    expect([...bugSwitches].sort()).toEqual(Object.keys(safeKnobs).sort());
    for (const name of Object.keys(safeKnobs) as (keyof UnsafeKnobs)[]) expect(safeKnobs[name], name).toBe(false);
  });

  it('names are unique kebab-case; each entry has a summary, a source and a place in raft/', () => {
    const names = bugSwitches.map((name) => bugCatalogue[name].name);
    expect(new Set(names).size).toBe(names.length);
    for (const name of bugSwitches) {
      const bug = bugCatalogue[name];
      expect(bug.name, name).toMatch(/^[a-z]+(-[a-z0-9]+)*$/);
      // The kebab name spells the switch: a reader can go from one to the other.
      expect(bug.name.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase()), name).toBe(name);
      expect(bug.summary.trim().length, name).toBeGreaterThan(80);
      expect(bug.source.trim().length, name).toBeGreaterThan(10);
      expect(bug.where, name).toMatch(/^(node|log)\.ts /);
    }
  });

  it('every switch is read in raft/node.ts and named at the place its entry gives', () => {
    const node = readFileSync(join(repository, 'raft', 'node.ts'), 'utf8');
    for (const name of bugSwitches) {
      expect(node, name).toMatch(new RegExp(`unsafe\\.${name}\\b`));
      const [file, place] = bugCatalogue[name].where.split(' ') as [string, string];
      const method = place.split('.').pop()!;
      const text = readFileSync(join(repository, 'raft', file), 'utf8');
      expect(text, name).toMatch(new RegExp(`\\b${method}\\(`));
      expect(text, name).toContain(`unsafe.${name}`);
    }
  });

  it('docs/raft.md shows every entry, exactly as raft/bugs.ts has it, in its catalogue section; every switch has its test', () => {
    const docs = readFileSync(join(repository, 'docs', 'raft.md'), 'utf8');
    const start = docs.indexOf('## The bug catalogue');
    expect(start).toBeGreaterThan(0);
    const section = docs.slice(start, docs.indexOf('\n## ', start + 1));
    const tests = bugTestFiles.map((file) => readFileSync(join(repository, 'test', file), 'utf8')).join('\n');
    for (const name of bugSwitches) {
      expect(section, `docs/raft.md: the catalogue row of ${name}`).toContain(catalogueRow(name));
      expect(section, `docs/raft.md: the summary of ${name}`).toContain(catalogueSummary(name));
      expect(tests, name).toMatch(new RegExp(`describe\\(['"]${name}: `));
    }
  });
});

// ---------------------------------------------------------------- election

/** Term 1: n3 led and wrote entries 2-4 that reached no one. Term 2: n1 led, replicated its noop and "x" to n2,
 *  committed and applied them (n2 has not heard the commit yet). n1 fails; n3 campaigns for term 3. */
function electionRestrictionRun(name: keyof UnsafeKnobs, on: boolean): { n3: string; n3HoldsX: boolean; n2AppliedAt3: unknown } {
  const h = new Harness(three, withSwitch(name, on, { preVote: false }));
  const term2 = [entry(1, 1), entry(2, 2, 'noop'), entry(3, 2, 'x')];
  h.load('n1', { hardState: { term: 2, vote: 'n1', commit: 3 }, snapshot: null, entries: term2 });
  h.load('n2', { hardState: { term: 2, vote: 'n1', commit: 1 }, snapshot: null, entries: term2 });
  h.load('n3', { hardState: { term: 2, vote: null, commit: 1 }, snapshot: null, entries: [entry(1, 1), entry(2, 1, 's2'), entry(3, 1, 's3'), entry(4, 1, 's4')] });
  h.flushAll();
  expect(appliedAt(h, 'n1', 3)?.data).toBe('x');
  h.isolate('n1');
  h.campaign('n3');
  return { n3: h.node('n3').role, n3HoldsX: h.node('n3').log.entry(3)?.data === 'x', n2AppliedAt3: appliedAt(h, 'n2', 3)?.data ?? null };
}

describe('skipUpToDateCheck: paper 5.4.1, "the voter denies its vote if its own log is more up-to-date than that of the candidate"', () => {
  it('with the switch n3 wins without the committed "x", and n2 applies a stale entry at its index; without it n2 refuses', () => {
    expect(electionRestrictionRun('skipUpToDateCheck', true)).toEqual({ n3: 'leader', n3HoldsX: false, n2AppliedAt3: 's3' });
    expect(electionRestrictionRun('skipUpToDateCheck', false)).toEqual({ n3: 'candidate', n3HoldsX: false, n2AppliedAt3: null });
  });
});

describe('upToDateByIndexOnly: paper 5.4.1, "If the logs have last entries with different terms, then the log with the later term is more up-to-date"', () => {
  it('a longer log of term 1 beats a shorter one ending in term 2 with the switch (n3 leads without "x"); not without it', () => {
    expect(electionRestrictionRun('upToDateByIndexOnly', true)).toEqual({ n3: 'leader', n3HoldsX: false, n2AppliedAt3: 's3' });
    expect(electionRestrictionRun('upToDateByIndexOnly', false)).toEqual({ n3: 'candidate', n3HoldsX: false, n2AppliedAt3: null });
  });

  it('is the length comparison itself: a voter whose log ends in term 3 grants a longer term-2 log only with the switch', () => {
    const vote = (on: boolean): boolean => {
      const h = new Harness(three, withSwitch('upToDateByIndexOnly', on, { preVote: false }));
      h.load('n1', { hardState: { term: 3, vote: null, commit: 1 }, snapshot: null, entries: [entry(1, 1), entry(2, 3)] });
      h.inFlight = [];
      h.deliver({ type: 'RequestVote', from: 'n2', to: 'n1', term: 4, lastLogIndex: 5, lastLogTerm: 2, transfer: false });
      const [response] = h.take(is('RequestVoteResponse'));
      return !(response as { reject: boolean }).reject;
    };
    expect(vote(true)).toBe(true);
    expect(vote(false)).toBe(false);
  });
});

/** Five nodes, no PreVote: n1 and n3 campaign in term 1. n2 grants n1 and its grant is delivered twice (the
 *  network duplicates it); n4 and n5 grant n3. */
function duplicatedGrantRun(on: boolean): string[] {
  const h = new Harness(five, withSwitch('countDuplicateVotes', on, { preVote: false }));
  h.timeout('n1');
  h.timeout('n3');
  expect([h.node('n1').currentTerm, h.node('n3').currentTerm]).toEqual([1, 1]);
  h.deliverWhere(is('RequestVote', 'n1', 'n2'));
  const [grant] = h.take(is('RequestVoteResponse', 'n2', 'n1'));
  h.deliverWhere(anyOf(is('RequestVote', 'n3', 'n4'), is('RequestVote', 'n3', 'n5'), is('RequestVoteResponse', undefined, 'n3')));
  h.deliver(grant!);
  h.deliver(grant!);
  return leadersOfTerm(h, 1);
}

describe('countDuplicateVotes: paper 5.2, "A candidate wins an election if it receives votes from a majority of the servers"', () => {
  it('with the switch a duplicated grant elects n1 beside n3 in term 1 (two leaders); without it n1 stays candidate', () => {
    expect(duplicatedGrantRun(true)).toEqual(['n1', 'n3']);
    expect(duplicatedGrantRun(false)).toEqual(['n3']);
  });
});

/** Three nodes with PreVote. n1's pre-vote for term 1 is granted by n2 and n3; n3's grant is delayed. n1 campaigns
 *  in term 1 but its requests are lost; meanwhile n3 runs its own pre-vote and election for term 1 and wins with
 *  n2's vote. Then n3's late pre-vote grant reaches candidate n1. */
function latePreVoteRun(on: boolean): string[] {
  const h = new Harness(three, withSwitch('stalePreVoteCountedAsVote', on, { preVote: true }));
  h.timeout('n1');
  h.deliverWhere(anyOf(is('PreVote', 'n1')));
  const [late] = h.take(is('PreVoteResponse', 'n3', 'n1'));
  h.deliverWhere(is('PreVoteResponse', 'n2', 'n1'));
  expect(h.node('n1').role).toBe('candidate');
  h.take(is('RequestVote', 'n1'));
  h.timeout('n3');
  h.deliverWhere(anyOf(is('PreVote', 'n3', 'n2'), is('PreVoteResponse', 'n2', 'n3'), is('RequestVote', 'n3', 'n2'), is('RequestVoteResponse', 'n2', 'n3')));
  expect(h.node('n3').role).toBe('leader');
  h.deliver(late!);
  return leadersOfTerm(h, 1);
}

describe('stalePreVoteCountedAsVote: thesis 9.6, a pre-vote grant does not bind the voter (canonical/raft#196)', () => {
  it('with the switch n1 counts the late pre-vote grant as a vote and leads term 1 beside n3; without it it ignores it', () => {
    expect(latePreVoteRun(true)).toEqual(['n1', 'n3']);
    expect(latePreVoteRun(false)).toEqual(['n3']);
  });
});

describe('quorumCeilHalf: paper 5.2, a majority of the servers (floor(n/2)+1), which for four servers is three', () => {
  it('with the switch two disjoint pairs each elect a leader in term 1 of a four-node cluster; without it neither wins', () => {
    const run = (on: boolean): string[] => {
      const h = new Harness(four, withSwitch('quorumCeilHalf', on, { preVote: false }));
      h.timeout('n1');
      h.timeout('n3');
      h.deliverWhere(anyOf(is('RequestVote', 'n1', 'n2'), is('RequestVote', 'n3', 'n4'), is('RequestVoteResponse')));
      return leadersOfTerm(h, 1);
    };
    expect(run(true)).toEqual(['n1', 'n3']);
    expect(run(false)).toEqual([]);
  });

  it('is the quorum everywhere: with the switch a four-node leader commits an entry only one follower holds', () => {
    const run = (on: boolean): number => {
      const h = new Harness(four, withSwitch('quorumCeilHalf', on, { preVote: false }));
      h.campaign('n1');
      const committed = h.node('n1').log.committed;
      h.cut.add('n1->n3').add('n1->n4');
      h.propose('n1', 'x');
      return h.node('n1').log.committed - committed;
    };
    expect(run(true)).toBe(1);
    expect(run(false)).toBe(0);
  });
});

// ---------------------------------------------------------------- term handling

/** n1 leads term 1 and commits "a" at 2; it appends "stale" at 3, and its AppendEntries to n3 is delayed. n1 is
 *  cut off; n2 wins term 2, replicates its noop to n3 and commits it (n3 has not heard the commit). The delayed
 *  term-1 AppendEntries reaches n3. Then n2 fails and n3 leads term 3 with n1's vote. */
function staleAppendRun(on: boolean): { n2AppliedAt3: number | undefined; n3AppliedAt3: number | undefined } {
  const h = new Harness(three, withSwitch('acceptStaleTermAppend', on));
  h.campaign('n1');
  h.propose('n1', 'a');
  h.node('n1').propose('stale', 5, h.localUs('n1'));
  const [delayed] = h.take(is('AppendEntries', 'n1', 'n3'));
  h.isolate('n1');
  wait(h, 1_000_000);
  h.timeout('n2');
  h.deliverWhere((m) => !(m.type === 'AppendEntries' && m.to === 'n3' && m.commit >= 3));
  h.take((m) => m.to === 'n3');
  expect(h.node('n2').log.committed).toBe(3);
  h.deliver(delayed!);
  h.heal();
  h.isolate('n2');
  h.campaign('n3');
  expect(h.node('n3').role).toBe('leader');
  return { n2AppliedAt3: appliedAt(h, 'n2', 3)?.term, n3AppliedAt3: appliedAt(h, 'n3', 3)?.term };
}

describe('acceptStaleTermAppend: paper Figure 2, AppendEntries receiver rule 1, "Reply false if term < currentTerm"', () => {
  it("with the switch n3 lets the deposed leader overwrite n2's committed entry 3 and later applies term 1 there; without it both apply term 2", () => {
    expect(staleAppendRun(true)).toEqual({ n2AppliedAt3: 2, n3AppliedAt3: 1 });
    expect(staleAppendRun(false)).toEqual({ n2AppliedAt3: 2, n3AppliedAt3: 2 });
  });
});

/** Five nodes. Term 1: n1 led and replicated entries 2-4 to n2 only; n2's acknowledgement (term 1, index 4) is
 *  still in the network. Term 2: another leader replaced n1's entries 2-4 with its noop at 2. Now n1 wins term 4
 *  with n3, n4 and n5, appends its noop (3) and "x" (4), replicates them to n4 only, and the old acknowledgement
 *  arrives. Then n1 and n4 fail; n3 leads term 5 with n2 and n5 and commits "y" at 4. */
function staleResponseRun(on: boolean): { n1AppliedAt4: unknown; n3AppliedAt4: unknown } {
  const h = new Harness(five, withSwitch('acceptStaleResponses', on, { preVote: false }));
  const term2 = [entry(1, 1), entry(2, 2, 'noop2')];
  for (const id of ['n1', 'n3', 'n4', 'n5']) h.load(id, { hardState: { term: 3, vote: null, commit: 2 }, snapshot: null, entries: term2 });
  h.load('n2', { hardState: { term: 1, vote: 'n1', commit: 1 }, snapshot: null, entries: [entry(1, 1), entry(2, 1, 'a'), entry(3, 1, 'b'), entry(4, 1, 'c')] });
  h.flushAll();
  h.inFlight = [];
  h.timeout('n1');
  h.deliverWhere(anyOf(is('RequestVote', 'n1', 'n3'), is('RequestVote', 'n1', 'n4'), is('RequestVote', 'n1', 'n5'), is('RequestVoteResponse', undefined, 'n1')));
  expect(h.node('n1').role).toBe('leader');
  h.node('n1').propose('x', 1, h.localUs('n1'));
  const staleAck: Message = { type: 'AppendEntriesResponse', from: 'n2', to: 'n1', term: 1, reject: false, index: 4, hintIndex: 0, hintTerm: 0, sentAtUs: 0 };
  h.deliver(staleAck);
  h.deliverWhere(anyOf(is('AppendEntries', 'n1', 'n4'), is('AppendEntriesResponse', 'n4', 'n1')));
  h.isolate('n1');
  h.isolate('n4');
  h.campaign('n3');
  expect(h.node('n3').role).toBe('leader');
  h.propose('n3', 'y');
  return { n1AppliedAt4: appliedAt(h, 'n1', 4)?.data ?? null, n3AppliedAt4: appliedAt(h, 'n3', 4)?.data ?? null };
}

describe("acceptStaleResponses: the 6.5840 students' guide, \"Term confusion\": drop a reply whose term is not the request's", () => {
  it('with the switch n1 counts the term-1 acknowledgement, commits and applies "x" with two of five copies, and n3 later applies "y" there; without it "x" never commits', () => {
    expect(staleResponseRun(true)).toEqual({ n1AppliedAt4: 'x', n3AppliedAt4: 'y' });
    expect(staleResponseRun(false)).toEqual({ n1AppliedAt4: null, n3AppliedAt4: 'y' });
  });
});

// ---------------------------------------------------------------- persistence

/** Three nodes, no PreVote. n2 grants n1 its vote for term 1 and loses power right after sending it; n1 becomes
 *  leader. n2 restarts from what it had fsynced, and n3, campaigning for term 1 too, asks it for a vote. */
function forgottenVoteRun(on: boolean): { voteSynced: boolean; leaders: string[] } {
  const h = new Harness(three, withSwitch('noSyncOnVoteChange', on, { preVote: false }));
  h.timeout('n1');
  h.deliverWhere(is('RequestVote', 'n1', 'n2'));
  const voteSynced = h.synced.get('n2')!.hardState.vote === 'n1';
  h.deliverWhere(is('RequestVoteResponse', 'n2', 'n1'));
  expect(h.node('n1').role).toBe('leader');
  h.take(() => true);
  h.crash('n2');
  h.timeout('n3');
  h.deliverWhere(anyOf(is('RequestVote', 'n3', 'n2'), is('RequestVoteResponse', 'n2', 'n3')));
  return { voteSynced, leaders: leadersOfTerm(h, 1) };
}

describe('noSyncOnVoteChange: paper Figure 2, "Persistent state on all servers (Updated on stable storage before responding to RPCs)"', () => {
  it('with the switch the vote is not fsynced, the crashed voter votes again in term 1 and n1 and n3 both lead it; without it n3 is refused', () => {
    expect(forgottenVoteRun(true)).toEqual({ voteSynced: false, leaders: ['n1', 'n3'] });
    expect(forgottenVoteRun(false)).toEqual({ voteSynced: true, leaders: ['n1'] });
  });
});
