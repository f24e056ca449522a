// RaftLog on its own (raft/log.ts): the stable part and the unstable tail, the follower's append rules, the
// conflict hint, byte-limited slices, commit/apply bounds, compaction, snapshots and restore after a restart.
// A fast-check property runs random operation sequences against a plain-array reference model.
import { fc } from '@fast-check/vitest';
import { simpleMembership } from '../raft/membership.js';
import { describe, expect, it } from 'vitest';
import { RaftLog } from '../raft/log.js';
import type { Entry, Snapshot } from '../raft/types.js';

function entry(index: number, term: number, bytes = 8): Entry {
  return { index, term, kind: 'normal', data: `${index}@${term}`, bytes };
}

function entries(from: number, to: number, term: number): Entry[] {
  const out: Entry[] = [];
  for (let index = from; index <= to; index++) out.push(entry(index, term));
  return out;
}

function snapshot(index: number, term: number): Snapshot {
  return { meta: { index, term, membership: simpleMembership(['n1', 'n2', 'n3']) }, data: `image@${index}`, bytes: 100 };
}

function terms(log: RaftLog): number[] {
  const out: number[] = [];
  for (let index = log.firstIndex(); index <= log.lastIndex(); index++) out.push(log.term(index)!);
  return out;
}

/** A log holding `stable` persisted and `unstable` appended after it. */
function logWith(stable: Entry[], unstable: Entry[] = []): RaftLog {
  const log = RaftLog.restore(null, stable, 0);
  log.append(unstable);
  return log;
}

describe('RaftLog: append and the unstable tail', () => {
  it('an empty log has last index 0 of term 0, and first index 1', () => {
    const log = new RaftLog();
    expect([log.firstIndex(), log.lastIndex(), log.lastTerm(), log.term(0), log.entry(1)]).toEqual([1, 0, 0, 0, undefined]);
    expect(log.matchTerm(0, 0)).toBe(true);
  });

  it('appended entries are unstable until stableTo, which moves them to the stable part', () => {
    const log = new RaftLog();
    log.append(entries(1, 3, 1));
    expect([log.lastIndex(), log.persistedLastIndex(), log.unstableEntries().length]).toEqual([3, 0, 3]);
    log.stableTo(2, 1);
    expect([log.persistedLastIndex(), log.unstableEntries().map((e) => e.index)]).toEqual([2, [3]]);
    log.append(entries(4, 5, 1));
    log.stableTo(5, 1);
    expect([log.persistedLastIndex(), log.unstableEntries().length, terms(log)]).toEqual([5, 0, [1, 1, 1, 1, 1]]);
  });

  it('stableTo is ignored when the entry at the index changed meanwhile (the tail was replaced)', () => {
    const log = new RaftLog();
    log.append(entries(1, 3, 1));
    log.append([entry(2, 2)]);
    log.stableTo(3, 1);
    expect(log.persistedLastIndex()).toBe(0);
    log.stableTo(2, 2);
    expect([log.persistedLastIndex(), terms(log)]).toEqual([2, [1, 2]]);
  });

  it('an append that starts inside the stable part truncates it there: persisted last index drops, the tail is unstable again', () => {
    const log = logWith(entries(1, 5, 1));
    log.append(entries(3, 4, 2));
    expect([log.lastIndex(), log.persistedLastIndex(), terms(log)]).toEqual([4, 2, [1, 1, 2, 2]]);
    expect(log.unstableEntries().map((e) => e.index)).toEqual([3, 4]);
    log.stableTo(4, 2);
    expect([log.persistedLastIndex(), log.entry(5), terms(log)]).toEqual([4, undefined, [1, 1, 2, 2]]);
  });

  it('rejects a gap, non-contiguous entries, and overwriting a committed entry', () => {
    const log = logWith(entries(1, 3, 1));
    expect(() => log.append([entry(5, 1)])).toThrow(/gap/);
    expect(() => log.append([entry(4, 1), entry(6, 1)])).toThrow(/not contiguous/);
    log.commitTo(2);
    expect(() => log.append([entry(2, 2)])).toThrow(/overwrite committed index 2/);
    log.append([entry(3, 2)]);
    expect(terms(log)).toEqual([1, 1, 2]);
  });
});

describe('RaftLog: the follower side of AppendEntries (paper Figure 2, receiver rules 3 and 4)', () => {
  it('entries already present with the same term change nothing: a delayed, shorter message does not truncate', () => {
    const log = logWith(entries(1, 5, 2));
    expect(log.appendFromLeader(1, entries(2, 3, 2))).toBe(3);
    expect([log.lastIndex(), log.persistedLastIndex(), log.unstableEntries().length]).toEqual([5, 5, 0]);
  });

  it('truncates at the first conflict and appends the rest of the message', () => {
    const log = logWith([entry(1, 1), entry(2, 1), entry(3, 1), entry(4, 1)]);
    expect(log.appendFromLeader(1, [entry(2, 1), entry(3, 3), entry(4, 3), entry(5, 3)])).toBe(5);
    expect(terms(log)).toEqual([1, 1, 3, 3, 3]);
    expect(log.unstableEntries().map((e) => e.index)).toEqual([3, 4, 5]);
  });

  it('appends what is new past the end, and skips entries at or below the compacted index', () => {
    const log = logWith(entries(1, 4, 1));
    log.appendFromLeader(4, entries(5, 6, 1));
    expect(log.lastIndex()).toBe(6);
    const compacted = compactedLog(entries(1, 6, 1), 4);
    expect(compacted.appendFromLeader(2, entries(3, 8, 1))).toBe(8);
    expect([compacted.firstIndex(), compacted.lastIndex()]).toEqual([5, 8]);
  });

  it('with truncateAlways (the broken variant) it cuts after prevLogIndex even when everything matched', () => {
    const log = logWith(entries(1, 5, 2));
    expect(log.appendFromLeader(1, entries(2, 3, 2), true)).toBe(3);
    expect([log.lastIndex(), log.persistedLastIndex()]).toEqual([3, 1]);
  });
});

describe('RaftLog: matchTerm, isUpToDate and the conflict hint', () => {
  it('matchTerm knows the compacted index term and nothing below it or past the end', () => {
    const log = compactedLog([entry(1, 1), entry(2, 2), entry(3, 2), entry(4, 3)], 2);
    expect([log.matchTerm(2, 2), log.matchTerm(1, 1), log.matchTerm(4, 3), log.matchTerm(5, 3), log.matchTerm(3, 1)]).toEqual([true, false, true, false, false]);
  });

  it('isUpToDate: a later last term wins; with equal terms the longer log; byIndexOnly compares length only', () => {
    const log = logWith([entry(1, 1), entry(2, 3)]);
    expect([log.isUpToDate(1, 4), log.isUpToDate(5, 2), log.isUpToDate(2, 3), log.isUpToDate(1, 3)]).toEqual([true, false, true, false]);
    expect([log.isUpToDate(5, 2, true), log.isUpToDate(1, 4, true)]).toEqual([true, false]);
  });

  it('findConflictByTerm returns the largest index <= index whose term <= term, stopping at the compacted index', () => {
    const log = logWith([entry(1, 1), entry(2, 1), entry(3, 2), entry(4, 4), entry(5, 4)]);
    expect(log.findConflictByTerm(5, 3)).toEqual({ index: 3, term: 2 });
    expect(log.findConflictByTerm(5, 4)).toEqual({ index: 5, term: 4 });
    expect(log.findConflictByTerm(9, 1)).toEqual({ index: 2, term: 1 });
    expect(log.findConflictByTerm(5, 0)).toEqual({ index: 0, term: 0 });
    expect(compactedLog([entry(1, 1), entry(2, 1), entry(3, 2), entry(4, 4)], 2).findConflictByTerm(4, 0)).toEqual({ index: 2, term: 1 });
  });
});

describe('RaftLog: slices', () => {
  it('stops before the entry that would pass maxBytes, but always returns at least one', () => {
    const log = logWith([entry(1, 1, 10), entry(2, 1, 10), entry(3, 1, 10), entry(4, 1, 50)]);
    expect(log.slice(1, 4, 25).map((e) => e.index)).toEqual([1, 2]);
    expect(log.slice(1, 4, 30).map((e) => e.index)).toEqual([1, 2, 3]);
    expect(log.slice(4, 4, 1).map((e) => e.index)).toEqual([4]);
    expect(log.slice(3, 2, 100)).toEqual([]);
  });

  it('spans the stable part and the unstable tail, and refuses compacted or missing indexes', () => {
    const log = logWith(entries(1, 3, 1), entries(4, 5, 1));
    expect(log.slice(2, 5, 1000).map((e) => e.index)).toEqual([2, 3, 4, 5]);
    expect(() => log.slice(2, 6, 1000)).toThrow(/missing entry 6/);
    expect(() => compactedLog(entries(1, 5, 1), 3).slice(3, 5, 1000)).toThrow(/compacted/);
  });
});

describe('RaftLog: commit and apply bounds', () => {
  it('commitTo only moves forward and never past the last index', () => {
    const log = logWith(entries(1, 3, 1));
    expect(log.commitTo(2)).toBe(true);
    expect(log.commitTo(1)).toBe(false);
    expect(log.committed).toBe(2);
    expect(() => log.commitTo(4)).toThrow(/past last index 3/);
  });

  it('hands out committed entries only once durable, in byte-limited batches; appliedTo stays within [applied, applying]', () => {
    const log = logWith(entries(1, 3, 1), entries(4, 5, 1));
    log.commitTo(5);
    expect(log.nextCommittedEntries(1000).map((e) => e.index)).toEqual([1, 2, 3]);
    expect(log.nextCommittedEntries(10).map((e) => e.index)).toEqual([1]);
    log.markApplying(2);
    expect(() => log.markApplying(1)).toThrow(/< applying 2/);
    expect(() => log.appliedTo(3)).toThrow(/outside \[applied 0, applying 2\]/);
    log.appliedTo(2);
    expect(() => log.appliedTo(1)).toThrow(/outside/);
    expect([log.hasNextCommittedEntries(), log.nextCommittedEntries(1000).map((e) => e.index)]).toEqual([true, [3]]);
    log.stableTo(5, 1);
    expect(log.nextCommittedEntries(1000).map((e) => e.index)).toEqual([3, 4, 5]);
    log.markApplying(5);
    expect(log.hasNextCommittedEntries()).toBe(false);
  });
});

/** A log of `all` (persisted, committed, applied), compacted up to `upTo` under a snapshot there. */
function compactedLog(all: Entry[], upTo: number): RaftLog {
  const log = RaftLog.restore(null, all, all.length);
  log.markApplying(all.length);
  log.appliedTo(all.length);
  log.setLatestSnapshot(snapshot(upTo, log.term(upTo)!));
  log.compactTo(upTo);
  return log;
}

describe('RaftLog: compaction and snapshots (paper 7)', () => {
  it('compactTo drops the prefix but keeps the term of the compacted index for the consistency check', () => {
    const log = compactedLog([entry(1, 1), entry(2, 1), entry(3, 2), entry(4, 2)], 3);
    expect([log.firstIndex(), log.lastIndex(), log.compacted, log.term(3), log.entry(3), log.term(2)]).toEqual([4, 4, { index: 3, term: 2 }, 2, undefined, undefined]);
    expect(log.retained()).toEqual({ entries: 1, bytes: 8 });
    log.compactTo(2);
    expect(log.firstIndex()).toBe(4);
  });

  it('refuses to compact past the snapshot, past applied, or into the unstable tail; a snapshot past applied is refused', () => {
    const log = logWith(entries(1, 4, 1), entries(5, 6, 1));
    log.commitTo(6);
    log.markApplying(4);
    log.appliedTo(4);
    expect(() => log.setLatestSnapshot(snapshot(5, 1))).toThrow(/past applied 4/);
    log.setLatestSnapshot(snapshot(3, 1));
    expect(() => log.compactTo(4)).toThrow(/past the snapshot index 3/);
    log.setLatestSnapshot(snapshot(4, 1));
    log.compactTo(4);
    expect(log.firstIndex()).toBe(5);
    log.markApplying(6);
    log.appliedTo(6);
    log.setLatestSnapshot(snapshot(6, 1));
    expect(() => log.compactTo(5)).toThrow(/not yet persisted/);
  });

  it('entries persisted after a small compaction land right (the stable array keeps a cleared prefix until it is long)', () => {
    const log = compactedLog(entries(1, 10, 1), 2);
    log.append(entries(11, 12, 1));
    log.stableTo(12, 1);
    expect(range(3, 12).map((index) => log.entry(index)?.index)).toEqual(range(3, 12));
    log.markApplying(10);
    for (const upTo of [4, 6, 9]) {
      log.setLatestSnapshot(snapshot(upTo, 1));
      log.compactTo(upTo);
      log.append([entry(log.lastIndex() + 1, 1)]);
      log.stableTo(log.lastIndex(), 1);
      expect(range(upTo + 1, log.lastIndex()).map((index) => log.entry(index)?.index)).toEqual(range(upTo + 1, log.lastIndex()));
    }
  });

  it('keeps an older snapshot from replacing a newer one', () => {
    const log = compactedLog(entries(1, 6, 1), 5);
    log.setLatestSnapshot(snapshot(3, 1));
    expect(log.snapshot()!.meta.index).toBe(5);
  });

  it("restoreSnapshot replaces the whole log; the snapshot is pending until stableSnapshotTo, and holds back committed entries", () => {
    const log = logWith(entries(1, 3, 1), entries(4, 4, 1));
    log.restoreSnapshot(snapshot(10, 3));
    expect([log.firstIndex(), log.lastIndex(), log.lastTerm(), log.committed, log.applied, log.persistedLastIndex()]).toEqual([11, 10, 3, 10, 10, 10]);
    expect([log.unstableEntries().length, log.pendingSnapshotToPersist()!.meta.index, log.snapshot()]).toEqual([0, 10, null]);
    log.append([entry(11, 3)]);
    log.stableTo(11, 3);
    log.commitTo(11);
    expect(log.hasNextCommittedEntries()).toBe(false);
    log.stableSnapshotTo(9);
    expect(log.pendingSnapshotToPersist()).not.toBeNull();
    log.stableSnapshotTo(10);
    expect([log.pendingSnapshotToPersist(), log.snapshot()!.meta.index, log.nextCommittedEntries(1000).map((e) => e.index)]).toEqual([null, 10, [11]]);
  });
});

describe('RaftLog.restore (after a restart)', () => {
  it('rebuilds from a snapshot and the entries after it, skipping entries the snapshot covers', () => {
    const log = RaftLog.restore(snapshot(3, 2), [entry(2, 2), entry(3, 2), entry(4, 2), entry(5, 3)], 4);
    expect([log.firstIndex(), log.lastIndex(), log.committed, log.applied, log.applying, log.persistedLastIndex()]).toEqual([4, 5, 4, 3, 3, 5]);
    expect(log.snapshot()!.meta.index).toBe(3);
    expect(log.nextCommittedEntries(1000).map((e) => e.index)).toEqual([4]);
  });

  it('clamps the commit index to the last index and to at least the snapshot index', () => {
    expect(RaftLog.restore(null, entries(1, 3, 1), 9).committed).toBe(3);
    expect(RaftLog.restore(snapshot(5, 1), [], 2).committed).toBe(5);
  });

  it('refuses a gap in the stored entries', () => {
    expect(() => RaftLog.restore(snapshot(3, 1), [entry(5, 1)], 0)).toThrow(/entry index 5, expected 4/);
    expect(() => RaftLog.restore(null, [entry(1, 1), entry(3, 1)], 0)).toThrow(/entry index 3, expected 2/);
  });
});

// ---------------------------------------------------------------- against a reference model

type Op =
  | { readonly kind: 'append'; readonly count: number }
  | { readonly kind: 'overwrite'; readonly back: number; readonly count: number }
  | { readonly kind: 'persist'; readonly upTo: number }
  | { readonly kind: 'commit'; readonly upTo: number }
  | { readonly kind: 'apply' }
  | { readonly kind: 'compact'; readonly count: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('append' as const), count: fc.integer({ min: 1, max: 6 }) }),
  fc.record({ kind: fc.constant('overwrite' as const), back: fc.integer({ min: 0, max: 8 }), count: fc.integer({ min: 1, max: 4 }) }),
  fc.record({ kind: fc.constant('persist' as const), upTo: fc.integer({ min: 0, max: 100 }) }),
  fc.record({ kind: fc.constant('commit' as const), upTo: fc.integer({ min: 0, max: 100 }) }),
  fc.constant({ kind: 'apply' as const }),
  fc.record({ kind: fc.constant('compact' as const), count: fc.integer({ min: 1, max: 3 }) }),
);

/** The log as a plain array: terms[i] is the term of index i + 1 (compacted ones included). */
class ReferenceLog {
  terms: number[] = [];
  term = 1;
  compacted = 0;
  persisted = 0;
  committed = 0;
  applied = 0;
}

function step(log: RaftLog, model: ReferenceLog, o: Op): void {
  const last = model.terms.length;
  const between = (low: number, high: number, percent: number): number => low + Math.round((percent / 100) * (high - low));
  switch (o.kind) {
    case 'append':
      log.append(entries(last + 1, last + o.count, model.term));
      for (let k = 0; k < o.count; k++) model.terms.push(model.term);
      return;
    case 'overwrite': {
      // A new leader's entries replacing an uncommitted suffix (never a committed or compacted entry).
      const from = Math.max(model.committed + 1, last + 1 - o.back);
      model.term += 1;
      log.append(entries(from, from + o.count - 1, model.term));
      model.terms.length = from - 1;
      for (let k = 0; k < o.count; k++) model.terms.push(model.term);
      model.persisted = Math.min(model.persisted, from - 1);
      return;
    }
    case 'persist': {
      const upTo = between(model.persisted, last, o.upTo);
      if (upTo > model.persisted) log.stableTo(upTo, model.terms[upTo - 1]!);
      model.persisted = Math.max(model.persisted, upTo);
      return;
    }
    case 'commit': {
      const upTo = between(model.committed, last, o.upTo);
      log.commitTo(upTo);
      model.committed = Math.max(model.committed, upTo);
      return;
    }
    case 'apply': {
      const batch = log.nextCommittedEntries(1_000_000);
      expect(batch.map((e) => e.index)).toEqual(range(model.applied + 1, Math.min(model.committed, model.persisted)));
      if (batch.length === 0) return;
      log.markApplying(batch[batch.length - 1]!.index);
      log.appliedTo(batch[batch.length - 1]!.index);
      model.applied = batch[batch.length - 1]!.index;
      return;
    }
    case 'compact': {
      // A few entries at a time, so compaction often leaves a cleared prefix in the stable array (stableStart > 0).
      const upTo = Math.min(model.compacted + o.count, model.applied, model.persisted);
      if (upTo <= model.compacted) return;
      log.setLatestSnapshot(snapshot(upTo, model.terms[upTo - 1]!));
      log.compactTo(upTo);
      model.compacted = upTo;
      return;
    }
    default: {
      const unreachable: never = o;
      throw new Error(`unknown op ${JSON.stringify(unreachable)}`);
    }
  }
}

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let k = from; k <= to; k++) out.push(k);
  return out;
}

function agree(log: RaftLog, model: ReferenceLog): void {
  const last = model.terms.length;
  expect([log.firstIndex(), log.lastIndex(), log.persistedLastIndex(), log.committed, log.applied]).toEqual([model.compacted + 1, last, model.persisted, model.committed, model.applied]);
  expect(log.term(model.compacted)).toBe(model.compacted === 0 ? 0 : model.terms[model.compacted - 1]);
  for (let index = model.compacted + 1; index <= last; index++) {
    expect(log.entry(index)).toEqual(entry(index, model.terms[index - 1]!));
  }
  expect(log.entry(model.compacted)).toBeUndefined();
  expect(log.entry(last + 1)).toBeUndefined();
  expect(log.unstableEntries().map((e) => e.index)).toEqual(range(model.persisted + 1, last));
  expect(log.retained().entries).toBe(last - model.compacted);
  log.checkInvariants();
}

describe('RaftLog against a plain-array reference model', () => {
  it('random appends, overwrites, persists, commits, applies and compactions keep every index, term and boundary right', () => {
    fc.assert(
      fc.property(fc.array(op, { minLength: 10, maxLength: 80, size: 'max' }), (ops) => {
        const log = new RaftLog();
        const model = new ReferenceLog();
        for (const o of ops) {
          step(log, model, o);
          agree(log, model);
        }
        // What was persisted survives a restart: restore from the stable entries and the snapshot.
        const stable = range(model.compacted + 1, model.persisted).map((index) => log.entry(index)!);
        const restored = RaftLog.restore(log.snapshot(), stable, model.committed);
        expect([restored.firstIndex(), restored.lastIndex(), restored.committed]).toEqual([model.compacted + 1, model.persisted, Math.min(model.committed, model.persisted)]);
      }),
      { numRuns: 300 },
    );
  });
});
