// recover() rebuilds a node's durable state from its WAL records (sim/cluster/wal.ts). It is pure, so each rule
// of the WAL format is checked here on hand-written records, without a disk or a cluster.
import { simpleMembership } from '../raft/membership.js';
import { describe, expect, it } from 'vitest';
import type { DiskRecord } from '../sim/disk.js';
import { recover, type WalRecord } from '../sim/cluster/cluster.js';
import type { Entry, HardState, Snapshot } from '../raft/types.js';

function entry(index: number, term: number): Entry {
  return { index, term, kind: 'normal', data: `e${index}t${term}`, bytes: 8 };
}

function entries(first: number, last: number, term: number): WalRecord {
  const list: Entry[] = [];
  for (let index = first; index <= last; index++) list.push(entry(index, term));
  return { kind: 'entries', entries: list };
}

function snapshot(index: number, term: number): Snapshot {
  return { meta: { index, term, membership: simpleMembership(['n1', 'n2', 'n3']) }, data: `image@${index}`, bytes: 64 };
}

function hardState(term: number, vote: string | null, commit: number): WalRecord {
  const state: HardState = { term, vote, commit };
  return { kind: 'hardState', hardState: state };
}

/** Durable records as Disk.records() returns them; `torn` marks positions whose checksum fails. */
function onDisk(records: readonly WalRecord[], torn: readonly number[] = []): DiskRecord<WalRecord>[] {
  return records.map((record, position) => ({ record, bytes: 32, synced: !torn.includes(position), torn: torn.includes(position) }));
}

const indexes = (list: readonly Entry[]): [number, number][] => list.map((e) => [e.index, e.term]);

describe('recover (the WAL reader)', () => {
  it('an empty WAL is the initial state', () => {
    expect(recover([])).toEqual({ durable: { hardState: { term: 0, vote: null, commit: 0 }, snapshot: null, entries: [] }, tornAt: null });
  });

  it('keeps the last hard state and every entry in order', () => {
    const { durable, tornAt } = recover(onDisk([hardState(1, 'n1', 0), entries(1, 3, 1), hardState(2, 'n2', 3), entries(4, 5, 2)]));
    expect(tornAt).toBeNull();
    expect(durable.hardState).toEqual({ term: 2, vote: 'n2', commit: 3 });
    expect(indexes(durable.entries)).toEqual([[1, 1], [2, 1], [3, 1], [4, 2], [5, 2]]);
  });

  it('stops at a torn record and says where to cut: nothing after it counts, even intact records', () => {
    const records = [hardState(1, 'n1', 0), entries(1, 3, 1), entries(4, 4, 1), hardState(5, 'n3', 4), entries(5, 6, 5)];
    const { durable, tornAt } = recover(onDisk(records, [2]));
    expect(tornAt).toBe(2);
    expect(durable.hardState).toEqual({ term: 1, vote: 'n1', commit: 0 });
    expect(indexes(durable.entries)).toEqual([[1, 1], [2, 1], [3, 1]]);
  });

  it('a torn first record leaves the initial state', () => {
    const { durable, tornAt } = recover(onDisk([hardState(3, 'n1', 0), entries(1, 2, 3)], [0]));
    expect(tornAt).toBe(0);
    expect(durable).toEqual({ hardState: { term: 0, vote: null, commit: 0 }, snapshot: null, entries: [] });
  });

  it("a leader's snapshot record replaces the whole log before it; entries after it are kept", () => {
    const { durable } = recover(onDisk([entries(1, 10, 1), { kind: 'snapshot', snapshot: snapshot(20, 2) }, entries(21, 22, 2)]));
    expect(durable.snapshot?.meta.index).toBe(20);
    expect(indexes(durable.entries)).toEqual([[21, 2], [22, 2]]);
  });

  it("the node's own snapshot keeps the log around it (RaftLog.restore skips what it covers)", () => {
    const { durable } = recover(onDisk([entries(1, 5, 1), { kind: 'local-snapshot', snapshot: snapshot(3, 1) }, entries(6, 7, 1)]));
    expect(durable.snapshot?.meta.index).toBe(3);
    expect(indexes(durable.entries)).toEqual([[1, 1], [2, 1], [3, 1], [4, 1], [5, 1], [6, 1], [7, 1]]);
  });

  it("an older local snapshot does not replace a newer leader's snapshot, a newer one does", () => {
    const leader = { kind: 'snapshot', snapshot: snapshot(20, 2) } as const;
    expect(recover(onDisk([leader, { kind: 'local-snapshot', snapshot: snapshot(15, 1) }])).durable.snapshot?.meta.index).toBe(20);
    expect(recover(onDisk([leader, { kind: 'local-snapshot', snapshot: snapshot(25, 2) }])).durable.snapshot?.meta.index).toBe(25);
  });

  it('an entries record that overlaps the log truncates it from its first index (a new leader overwrote a suffix)', () => {
    const { durable } = recover(onDisk([entries(1, 5, 1), entries(4, 6, 2)]));
    expect(indexes(durable.entries)).toEqual([[1, 1], [2, 1], [3, 1], [4, 2], [5, 2], [6, 2]]);
  });

  it('an entries record that starts before the log (after a compaction rewrite) replaces it entirely', () => {
    const { durable } = recover(onDisk([entries(10, 12, 3), entries(8, 9, 4)]));
    expect(indexes(durable.entries)).toEqual([[8, 4], [9, 4]]);
  });

  it('is pure: the records it reads are left as they were', () => {
    const records = onDisk([entries(1, 5, 1), entries(3, 4, 2), { kind: 'snapshot', snapshot: snapshot(6, 2) }], [2]);
    const before = structuredClone(records);
    recover(records);
    recover(records);
    expect(records).toEqual(before);
  });
});
