import { describe, expect } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { NodeClock } from '../sim/clock.js';

const SEVEN_DAYS_US = 7 * 24 * 3600 * 1_000_000;

/** Exact reference for one segment: anchorLocal + floor(dt * (1e6 + ppm) / 1e6) in BigInt. */
function referenceLocal(anchorTrue: number, anchorLocal: number, driftPpm: number, trueUs: number): number {
  const dt = BigInt(trueUs - anchorTrue);
  const scaled = dt * BigInt(1_000_000 + driftPpm);
  // BigInt division truncates toward zero; scaled >= 0 here so that is floor.
  return anchorLocal + Number(scaled / 1_000_000n);
}

type ClockOp =
  | { kind: 'drift'; gapUs: number; driftPpm: number }
  | { kind: 'step'; gapUs: number; deltaUs: number }
  | { kind: 'offset'; gapUs: number; offsetUs: number };

// Zero drift is drawn often: the clock has a separate fast path for it.
const driftArb = fc.oneof(fc.constant(0), fc.integer({ min: -100_000, max: 100_000 }));
const gapArb = fc.integer({ min: 0, max: 5_000_000_000 });
const opArb: fc.Arbitrary<ClockOp> = fc.oneof(
  fc.record({ kind: fc.constant<'drift'>('drift'), gapUs: gapArb, driftPpm: driftArb }),
  fc.record({ kind: fc.constant<'step'>('step'), gapUs: gapArb, deltaUs: fc.integer({ min: -10_000_000, max: 10_000_000 }) }),
  fc.record({ kind: fc.constant<'offset'>('offset'), gapUs: gapArb, offsetUs: fc.integer({ min: -1e9, max: 1e9 }) }),
);

/** Builds a clock by applying ops at increasing true times; returns the clock and the last anchor time. */
function buildClock(offsetUs: number, driftPpm: number, ops: ClockOp[]): { clock: NodeClock; anchorUs: number } {
  const clock = new NodeClock({ offsetUs, driftPpm });
  let nowUs = 0;
  for (const op of ops) {
    nowUs += op.gapUs;
    const before = clock.localAt(nowUs);
    if (op.kind === 'drift') {
      clock.setDrift(nowUs, op.driftPpm);
      expect(clock.localAt(nowUs)).toBe(before); // continuous
      expect(clock.driftPpm).toBe(op.driftPpm);
    } else if (op.kind === 'step') {
      clock.step(nowUs, op.deltaUs);
      expect(clock.localAt(nowUs)).toBe(before + op.deltaUs);
    } else {
      clock.setOffset(nowUs, op.offsetUs);
      expect(clock.localAt(nowUs)).toBe(nowUs + op.offsetUs);
      expect(clock.offsetAt(nowUs)).toBe(op.offsetUs);
    }
  }
  return { clock, anchorUs: nowUs };
}

describe('NodeClock', () => {
  test.prop([
    fc.integer({ min: -1e9, max: 1e9 }),
    driftArb,
    fc.array(opArb, { maxLength: 6 }),
    fc.integer({ min: 0, max: SEVEN_DAYS_US }),
    fc.integer({ min: -2_000_000, max: 50_000_000_000 }),
  ])('trueWhenLocal returns the least true time reaching the local deadline', (offsetUs, driftPpm, ops, fromGapUs, aheadUs) => {
    const { clock, anchorUs } = buildClock(offsetUs, driftPpm, ops);
    const fromUs = anchorUs + fromGapUs;
    const deadline = clock.localAt(fromUs) + aheadUs;
    const t = clock.trueWhenLocal(deadline, fromUs);
    expect(Number.isSafeInteger(t)).toBe(true);
    expect(t).toBeGreaterThanOrEqual(fromUs);
    expect(clock.localAt(t)).toBeGreaterThanOrEqual(deadline);
    if (t > fromUs) expect(clock.localAt(t - 1)).toBeLessThan(deadline);
    if (aheadUs <= 0) expect(t).toBe(fromUs);
  });

  test.prop([
    fc.integer({ min: -1e9, max: 1e9 }),
    driftArb,
    fc.array(opArb, { maxLength: 6 }),
    fc.array(fc.integer({ min: 0, max: SEVEN_DAYS_US }), { minLength: 2, maxLength: 20 }),
  ])('localAt is exact and non-decreasing within a segment', (offsetUs, driftPpm, ops, gaps) => {
    const { clock, anchorUs } = buildClock(offsetUs, driftPpm, ops);
    const anchorLocal = clock.localAt(anchorUs);
    const times = gaps.map((g) => anchorUs + g).sort((a, b) => a - b);
    let prev = -Infinity;
    for (const t of times) {
      const local = clock.localAt(t);
      expect(local).toBe(referenceLocal(anchorUs, anchorLocal, clock.driftPpm, t));
      expect(local).toBeGreaterThanOrEqual(prev);
      expect(clock.localAt(t + 1)).toBeGreaterThanOrEqual(local);
      prev = local;
    }
  });

  test.prop([
    fc.integer({ min: -1e9, max: 1e9 }),
    driftArb,
    fc.array(opArb, { maxLength: 6 }),
    fc.integer({ min: 0, max: SEVEN_DAYS_US }),
  ])('round trip: trueWhenLocal(localAt(T)) reaches exactly localAt(T) no later than T', (offsetUs, driftPpm, ops, gapUs) => {
    const { clock, anchorUs } = buildClock(offsetUs, driftPpm, ops);
    const t = anchorUs + gapUs;
    const local = clock.localAt(t);
    const back = clock.trueWhenLocal(local, anchorUs);
    expect(back).toBeLessThanOrEqual(t);
    expect(clock.localAt(back)).toBe(local);
    // With a non-negative drift local time is strictly increasing, so the round trip is exact.
    if (clock.driftPpm >= 0) expect(back).toBe(t);
  });

  test('is exact at the extremes: 7 days at +-100_000 ppm', () => {
    for (const driftPpm of [100_000, -100_000, 99_999, -1, 1]) {
      const clock = new NodeClock({ offsetUs: -123_456_789, driftPpm });
      for (const t of [SEVEN_DAYS_US, SEVEN_DAYS_US - 1, 999_999, 1_000_000, 2 ** 50 + 12_345]) {
        expect(clock.localAt(t)).toBe(referenceLocal(0, -123_456_789, driftPpm, t));
        const back = clock.trueWhenLocal(clock.localAt(t), 0);
        expect(clock.localAt(back)).toBe(clock.localAt(t));
        if (back > 0) expect(clock.localAt(back - 1)).toBeLessThan(clock.localAt(t));
      }
    }
  });

  test.prop([fc.integer({ min: 0, max: 2 ** 52 }), fc.integer({ min: -100_000, max: 100_000 })], { numRuns: 2000 })(
    'localAt stays exact where dt * driftPpm exceeds 2^53',
    (trueUs, driftPpm) => {
      const clock = new NodeClock({ driftPpm });
      expect(clock.localAt(trueUs)).toBe(referenceLocal(0, 0, driftPpm, trueUs));
    },
  );

  test('drift, offset and describe', () => {
    const clock = new NodeClock({ offsetUs: 500, driftPpm: 1000 }); // +0.1 %
    expect(clock.localAt(0)).toBe(500);
    expect(clock.localAt(1_000_000)).toBe(500 + 1_001_000);
    expect(clock.describe()).toEqual({ offsetUs: 500, driftPpm: 1000 });
    clock.setOffset(2_000_000, -250);
    expect(clock.localAt(2_000_000)).toBe(1_999_750);
    expect(clock.describe()).toEqual({ offsetUs: -250, driftPpm: 1000 });
    expect(clock.offsetAt(3_000_000)).toBe(-250 + 1000);
    clock.step(3_000_000, -5_000);
    expect(clock.offsetAt(3_000_000)).toBe(-250 + 1000 - 5000);
    // A timer armed before the backward step now needs more true time.
    expect(clock.trueWhenLocal(3_100_000, 3_000_000)).toBeGreaterThan(3_100_000 - 750);
  });

  test('the monotonic reading keeps the drift and ignores every step and offset change', () => {
    const clock = new NodeClock({ offsetUs: 30_000, driftPpm: 50_000 });
    const drifting = new NodeClock({ offsetUs: 30_000, driftPpm: 50_000 });
    const same = (t: number): void => expect(clock.monotonicAt(t)).toBe(drifting.localAt(t));
    clock.step(1_000_000, -400_000);
    same(1_000_000);
    same(1_500_000);
    clock.setOffset(2_000_000, 900_000);
    same(2_000_000);
    clock.setDrift(3_000_000, -20_000);
    drifting.setDrift(3_000_000, -20_000);
    same(3_500_000);
    clock.step(4_000_000, 123_456);
    same(4_000_000);
    same(9_000_000);
    expect(clock.localAt(9_000_000) - clock.monotonicAt(9_000_000)).toBe(clock.offsetAt(9_000_000) - drifting.offsetAt(9_000_000));
    // Monotonic deadlines map to the same true times as on the unstepped clock, and never go back.
    expect(clock.trueWhenMonotonic(drifting.localAt(8_000_000), 4_000_000)).toBe(drifting.trueWhenLocal(drifting.localAt(8_000_000), 4_000_000));
    let last = -Infinity;
    for (let t = 4_000_000; t < 9_000_000; t += 333_333) {
      expect(clock.monotonicAt(t)).toBeGreaterThanOrEqual(last);
      last = clock.monotonicAt(t);
    }
  });

  test('rejects bad inputs', () => {
    expect(() => new NodeClock({ driftPpm: 100_001 })).toThrow(/driftPpm/);
    expect(() => new NodeClock({ driftPpm: 1.5 })).toThrow(/driftPpm/);
    expect(() => new NodeClock({ offsetUs: 0.5 })).toThrow(/offsetUs/);
    const clock = new NodeClock();
    clock.setDrift(1000, 50);
    expect(() => clock.localAt(999)).toThrow(/re-anchor/);
    expect(() => clock.localAt(1000.5)).toThrow(/safe integer/);
    expect(() => clock.step(2000, 0.5)).toThrow(/deltaUs/);
    expect(() => clock.trueWhenLocal(10.5, 1000)).toThrow(/localUs/);
  });
});
