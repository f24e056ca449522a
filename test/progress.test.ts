// Progress (the leader's view of one follower) and Inflights (its window of AppendEntries in flight) on their own,
// as etcd-io/raft tests tracker/progress.go and tracker/inflights.go. Inflights is checked against a plain array.
import { fc } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { Inflights } from '../raft/inflights.js';
import { Progress } from '../raft/progress.js';

describe('Progress: probe, replicate and snapshot states', () => {
  it('starts in probe with match 0; one AppendEntries in flight pauses it until an answer (or a heartbeat reply) arrives', () => {
    const progress = new Progress(5, 4, 1000);
    expect([progress.state, progress.match, progress.next, progress.isPaused()]).toEqual([{ kind: 'probe', probeSent: false }, 0, 5, false]);
    progress.sentEntries(7, 2, 16);
    expect([progress.isPaused(), progress.next]).toEqual([true, 5]);
    expect(progress.maybeUpdate(6)).toBe(true);
    expect([progress.isPaused(), progress.match, progress.next]).toEqual([false, 6, 7]);
  });

  it('becomeReplicate sends from match + 1 and pipelines: next moves on every send, the window pauses it when full', () => {
    const progress = new Progress(1, 2, 1000);
    progress.maybeUpdate(3);
    progress.becomeReplicate();
    expect([progress.state.kind, progress.next]).toEqual(['replicate', 4]);
    progress.sentEntries(5, 2, 10);
    expect([progress.next, progress.isPaused()]).toEqual([6, false]);
    progress.sentEntries(8, 3, 10);
    expect([progress.next, progress.isPaused(), progress.inflights.messages]).toEqual([9, true, 2]);
    // An empty AppendEntries (a probe-like send with nothing to carry) takes no slot.
    progress.inflights.freeLE(5);
    progress.sentEntries(8, 0, 0);
    expect([progress.next, progress.inflights.messages]).toEqual([9, 1]);
  });

  it('becomeSnapshot pauses replication and refuses entries; becomeProbe after it resumes past the snapshot', () => {
    const progress = new Progress(1, 4, 1000);
    progress.maybeUpdate(2);
    progress.becomeReplicate();
    progress.sentEntries(4, 2, 10);
    progress.becomeSnapshot(10, 500);
    expect([progress.isPaused(), progress.inflights.messages]).toEqual([true, 0]);
    expect(() => progress.sentEntries(11, 1, 1)).toThrow(/snapshot state/);
    progress.becomeProbe();
    expect([progress.state.kind, progress.next, progress.match]).toEqual(['probe', 11, 2]);
  });

  it('becomeProbe from replicate goes back to match + 1 and empties the window', () => {
    const progress = new Progress(1, 4, 1000);
    progress.maybeUpdate(3);
    progress.becomeReplicate();
    progress.sentEntries(9, 6, 60);
    progress.becomeProbe();
    expect([progress.next, progress.inflights.messages, progress.inflights.totalBytes]).toEqual([4, 0, 0]);
  });
});

describe('Progress: acknowledgements and rejections, stale ones included', () => {
  it('maybeUpdate only moves match forward; a stale acknowledgement changes nothing but never lowers next', () => {
    const progress = new Progress(10, 4, 1000);
    expect(progress.maybeUpdate(7)).toBe(true);
    expect([progress.match, progress.next]).toEqual([7, 10]);
    expect(progress.maybeUpdate(5)).toBe(false);
    expect([progress.match, progress.next]).toEqual([7, 10]);
    expect(progress.maybeUpdate(12)).toBe(true);
    expect([progress.match, progress.next]).toEqual([12, 13]);
  });

  it('in replicate, a rejection at or below match is stale and ignored; a newer one sends next back to match + 1', () => {
    const progress = new Progress(1, 8, 1000);
    progress.maybeUpdate(5);
    progress.becomeReplicate();
    progress.sentEntries(9, 4, 40);
    expect(progress.maybeDecrease(5, 3)).toBe(false);
    expect(progress.next).toBe(10);
    expect(progress.maybeDecrease(8, 3)).toBe(true);
    expect(progress.next).toBe(6);
  });

  it('in probe, only the rejection of the probe in flight counts; it jumps to the hint but never to or below match', () => {
    const progress = new Progress(10, 4, 1000);
    progress.sentEntries(12, 3, 30);
    expect(progress.maybeDecrease(7, 3)).toBe(false);
    expect(progress.maybeDecrease(9, 4)).toBe(true);
    expect([progress.next, progress.isPaused()]).toEqual([4, false]);
    progress.maybeUpdate(2);
    progress.sentEntries(6, 3, 30);
    expect(progress.maybeDecrease(3, 1)).toBe(true);
    expect(progress.next).toBe(3);
    progress.sentEntries(5, 3, 30);
    expect(progress.maybeDecrease(2, 1)).toBe(true);
    expect(progress.next).toBe(3);
    // Without a hint below it, the next probe is one index lower.
    const plain = new Progress(6, 4, 1000);
    expect(plain.maybeDecrease(5, 9)).toBe(true);
    expect(plain.next).toBe(5);
  });

  it('the invariant match < next is asserted', () => {
    const progress = new Progress(3, 4, 1000);
    progress.match = 5;
    expect(() => progress.maybeUpdate(2)).toThrow(/invariant broken: match 5 >= next 3/);
  });
});

describe('Inflights: a ring of AppendEntries bounded by count and bytes', () => {
  it('is full at maxMessages, or once the bytes reach maxBytes with at least one message', () => {
    const window = new Inflights(3, 100);
    expect(window.isFull()).toBe(false);
    window.add(1, 150);
    expect(window.isFull()).toBe(true);
    window.freeFirst();
    window.add(2, 10);
    window.add(3, 10);
    window.add(4, 10);
    expect([window.isFull(), window.messages, window.totalBytes]).toEqual([true, 3, 30]);
    expect(() => window.add(5, 1)).toThrow(/window is full/);
  });

  it('indexes must increase; freeLE frees every message up to an index, across the ring boundary', () => {
    const window = new Inflights(3, 1000);
    window.add(5, 1);
    expect(() => window.add(5, 1)).toThrow(/does not increase/);
    window.add(6, 2);
    window.add(7, 4);
    window.freeLE(6);
    window.add(8, 8);
    window.add(9, 16);
    expect([window.messages, window.totalBytes]).toEqual([3, 28]);
    window.freeLE(8);
    expect([window.messages, window.totalBytes]).toEqual([1, 16]);
    window.freeLE(100);
    window.freeFirst();
    expect([window.messages, window.totalBytes]).toEqual([0, 0]);
  });

  it('refuses a window of no messages', () => {
    expect(() => new Inflights(0, 10)).toThrow(/maxMessages must be >= 1/);
  });

  type WindowOp = { kind: 'add'; gap: number; bytes: number } | { kind: 'freeLE'; back: number } | { kind: 'freeFirst' } | { kind: 'reset' };
  const windowOp: fc.Arbitrary<WindowOp> = fc.oneof(
    { weight: 4, arbitrary: fc.record({ kind: fc.constant('add' as const), gap: fc.integer({ min: 1, max: 5 }), bytes: fc.integer({ min: 0, max: 60 }) }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('freeLE' as const), back: fc.integer({ min: 0, max: 12 }) }) },
    { weight: 1, arbitrary: fc.constant({ kind: 'freeFirst' as const }) },
    { weight: 1, arbitrary: fc.constant({ kind: 'reset' as const }) },
  );

  it('behaves like an array of (lastIndex, bytes) (reference model)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 200 }), fc.array(windowOp, { minLength: 1, maxLength: 100, size: 'max' }), (maxMessages, maxBytes, ops) => {
        const window = new Inflights(maxMessages, maxBytes);
        let model: { lastIndex: number; bytes: number }[] = [];
        let lastIndex = 0;
        const full = (): boolean => model.length >= maxMessages || (model.length > 0 && model.reduce((sum, m) => sum + m.bytes, 0) >= maxBytes);
        for (const op of ops) {
          switch (op.kind) {
            case 'add':
              lastIndex += op.gap;
              if (full()) {
                expect(() => window.add(lastIndex, op.bytes)).toThrow(/full/);
              } else {
                window.add(lastIndex, op.bytes);
                model.push({ lastIndex, bytes: op.bytes });
              }
              break;
            case 'freeLE': {
              const upTo = lastIndex - op.back;
              window.freeLE(upTo);
              model = model.filter((m) => m.lastIndex > upTo);
              break;
            }
            case 'freeFirst':
              window.freeFirst();
              model = model.slice(1);
              break;
            case 'reset':
              window.reset();
              model = [];
              break;
            default: {
              const unreachable: never = op;
              throw new Error(`unknown op ${JSON.stringify(unreachable)}`);
            }
          }
          expect([window.messages, window.totalBytes, window.isFull()]).toEqual([model.length, model.reduce((sum, m) => sum + m.bytes, 0), full()]);
        }
      }),
      { numRuns: 300 },
    );
  });
});
