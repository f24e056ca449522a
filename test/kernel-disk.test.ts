import { describe, expect } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { Disk, type DiskOptions } from '../sim/disk.js';
import { Random } from '../sim/random.js';

const fixedLatency: DiskOptions = {
  appendLatency: { kind: 'constant', valueUs: 100 },
  fsyncLatency: { kind: 'constant', valueUs: 1000 },
};

type DiskOp =
  | { kind: 'append'; count: number }
  | { kind: 'fsync' }
  | { kind: 'complete'; pick: number }
  | { kind: 'crash'; tear: boolean };

const opArb: fc.Arbitrary<DiskOp> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant<'append'>('append'), count: fc.integer({ min: 0, max: 4 }) }) },
  { weight: 2, arbitrary: fc.constant<DiskOp>({ kind: 'fsync' }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant<'complete'>('complete'), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant<'crash'>('crash'), tear: fc.boolean() }) },
);

describe('Disk', () => {
  test.prop([fc.array(opArb, { maxLength: 60 }), fc.boolean()])(
    'a crash keeps exactly the fsync-completed prefix (plus at most one torn record)',
    (ops, finalTear) => {
      const disk = new Disk<number>(fixedLatency, Random.fromSeed(1));
      // Reference model: ids of records present, how many are durable, outstanding tokens -> watermark.
      let present: number[] = [];
      let durable = 0;
      let tornIds = new Set<number>();
      const tokens = new Map<number, number>();
      let nextId = 0;
      let nowUs = 0;

      const crash = (tear: boolean): void => {
        const unsynced = present.length - durable;
        const result = disk.crash(tear);
        const keep = durable + (tear && unsynced > 0 ? 1 : 0);
        if (tear && unsynced > 0) tornIds.add(present[durable]);
        expect(result).toEqual({ lostRecords: present.length - keep, tornRecords: keep - durable });
        present = present.slice(0, keep);
        durable = keep;
        tokens.clear();
        const got = disk.records();
        expect(got.map((r) => r.record)).toEqual(present);
        got.forEach((r) => {
          expect(r.torn).toBe(tornIds.has(r.record));
          expect(r.synced).toBe(!r.torn);
        });
      };

      for (const op of ops) {
        nowUs += 10;
        if (op.kind === 'append') {
          const batch = Array.from({ length: op.count }, () => ({ record: nextId++, bytes: 10 }));
          disk.append(nowUs, batch);
          present.push(...batch.map((b) => b.record));
        } else if (op.kind === 'fsync') {
          const { token } = disk.fsync(nowUs);
          tokens.set(token, present.length);
        } else if (op.kind === 'complete') {
          const live = [...tokens.keys()];
          if (live.length === 0) {
            disk.completeSync(12345); // unknown token: no-op
            continue;
          }
          const token = live[op.pick % live.length];
          durable = Math.max(durable, tokens.get(token) as number);
          tokens.delete(token);
          disk.completeSync(token);
          disk.completeSync(token); // completing twice is harmless
        } else {
          crash(op.tear);
        }
        expect(disk.recordCount).toBe(present.length);
        expect(disk.durableRecordCount).toBe(durable);
        expect(disk.bytesUsed).toBe(present.length * 10);
      }
      crash(finalTear);
      tornIds = new Set();
    },
  );

  test('torn record: only the first unsynced record survives, marked torn, until truncated', () => {
    const disk = new Disk<string>(fixedLatency, Random.fromSeed(2));
    disk.append(0, [
      { record: 'a', bytes: 5 },
      { record: 'b', bytes: 5 },
    ]);
    const sync = disk.fsync(0);
    disk.completeSync(sync.token);
    disk.append(2000, [
      { record: 'c', bytes: 7 },
      { record: 'd', bytes: 7 },
      { record: 'e', bytes: 7 },
    ]);
    const late = disk.fsync(2000);
    expect(disk.crash(true)).toEqual({ lostRecords: 2, tornRecords: 1 });
    disk.completeSync(late.token); // invalidated by the crash: no effect
    expect(disk.records()).toEqual([
      { record: 'a', bytes: 5, synced: true, torn: false },
      { record: 'b', bytes: 5, synced: true, torn: false },
      { record: 'c', bytes: 7, synced: false, torn: true },
    ]);
    expect(disk.bytesUsed).toBe(17);
    // The torn garbage is on disk now and survives another crash; nothing else was lost.
    expect(disk.crash(true)).toEqual({ lostRecords: 0, tornRecords: 0 });
    expect(disk.recordCount).toBe(3);
    // Recovery discards it.
    disk.truncate(2);
    expect(disk.records().map((r) => r.record)).toEqual(['a', 'b']);
    expect(disk.bytesUsed).toBe(10);
    // Without tearing, everything unsynced is simply lost.
    disk.append(5000, [{ record: 'f', bytes: 1 }]);
    expect(disk.crash(false)).toEqual({ lostRecords: 1, tornRecords: 0 });
    expect(disk.records().map((r) => r.record)).toEqual(['a', 'b']);
  });

  test('appends and fsyncs serialize on one device', () => {
    const disk = new Disk<number>(fixedLatency, Random.fromSeed(3));
    expect(disk.append(0, [{ record: 1, bytes: 1 }])).toBe(100);
    expect(disk.append(0, [{ record: 2, bytes: 1 }])).toBe(200);
    const sync = disk.fsync(50);
    expect(sync.doneUs).toBe(1200);
    expect(disk.append(300, [{ record: 3, bytes: 1 }])).toBe(1300);
    expect(disk.busyUntilUs).toBe(1300);
    expect(disk.append(5000, [{ record: 4, bytes: 1 }])).toBe(5100); // idle device starts at now
    expect(disk.stats).toEqual({ appends: 4, fsyncs: 1, bytesWritten: 4 });
    // fsync covers only records appended before it
    disk.completeSync(sync.token);
    expect(disk.records().map((r) => r.synced)).toEqual([true, true, false, false]);
  });

  test('sampled latencies are deterministic per seed and completion times never go backwards', () => {
    const options: DiskOptions = {
      appendLatency: { kind: 'uniform', minUs: 50, maxUs: 500 },
      fsyncLatency: { kind: 'tail', baseUs: 1000, jitterUs: 500, tailChance: 0.1, tailMeanUs: 20_000 },
    };
    const run = (): number[] => {
      const disk = new Disk<number>(options, Random.fromSeed('disk/n1'));
      const done: number[] = [];
      for (let i = 0; i < 200; i++) {
        done.push(i % 3 === 0 ? disk.fsync(i * 100).doneUs : disk.append(i * 100, [{ record: i, bytes: 8 }]));
      }
      return done;
    };
    const a = run();
    expect(run()).toEqual(a);
    for (let i = 1; i < a.length; i++) expect(a[i]).toBeGreaterThan(a[i - 1]);
  });

  test('rewrite replaces content atomically with synced records', () => {
    const disk = new Disk<string>(fixedLatency, Random.fromSeed(4));
    disk.append(0, [
      { record: 'x', bytes: 3 },
      { record: 'y', bytes: 3 },
    ]);
    const pending = disk.fsync(0);
    disk.rewrite([
      { record: 'snapshot', bytes: 100 },
      { record: 'z', bytes: 4 },
    ]);
    expect(disk.pendingSyncCount).toBe(0);
    disk.completeSync(pending.token);
    expect(disk.records()).toEqual([
      { record: 'snapshot', bytes: 100, synced: true, torn: false },
      { record: 'z', bytes: 4, synced: true, torn: false },
    ]);
    expect(disk.bytesUsed).toBe(104);
    expect(disk.crash(true)).toEqual({ lostRecords: 0, tornRecords: 0 });
    expect(disk.recordCount).toBe(2);
  });

  test('bounds and validation', () => {
    const disk = new Disk<number>({ ...fixedLatency, maxBytes: 100, maxRecords: 3 }, Random.fromSeed(5));
    disk.append(0, [{ record: 1, bytes: 60 }]);
    expect(() => disk.append(0, [{ record: 2, bytes: 41 }])).toThrow(/disk full/);
    expect(disk.recordCount).toBe(1); // a rejected append changes nothing
    disk.append(0, [
      { record: 2, bytes: 0 },
      { record: 3, bytes: 0 },
    ]);
    expect(() => disk.append(0, [{ record: 4, bytes: 0 }])).toThrow(/maxRecords=3/);
    expect(() => disk.append(0, [{ record: 4, bytes: -1 }])).toThrow(/bytes/);
    expect(() => disk.append(0, [{ record: 4, bytes: 1.5 }])).toThrow(/bytes/);
    expect(() => new Disk({ ...fixedLatency, appendLatency: { kind: 'uniform', minUs: 5, maxUs: 1 } }, Random.fromSeed(1))).toThrow();
  });
});
