import { describe, expect } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import {
  type Distribution,
  Random,
  describeDistribution,
  distributionMeanUs,
  sampleUs,
  validateDistribution,
} from '../sim/random.js';

function draws(random: Random, count: number): number[] {
  return Array.from({ length: count }, () => random.uint32());
}

describe('Random streams', () => {
  test.prop([fc.oneof(fc.integer(), fc.string({ minLength: 1, maxLength: 12 }))])('same seed gives the same sequence', (seed) => {
    const a = Random.fromSeed(seed);
    const b = Random.fromSeed(seed);
    expect(draws(a, 20)).toEqual(draws(b, 20));
    expect(a.next()).toBe(b.next());
    expect(a.int(-5, 1e12)).toBe(b.int(-5, 1e12));
    expect(a.normal(3, 2)).toBe(b.normal(3, 2));
  });

  test('different seeds differ, labels compose', () => {
    expect(draws(Random.fromSeed(1), 8)).not.toEqual(draws(Random.fromSeed(2), 8));
    const root = Random.fromSeed(42);
    expect(root.seedLabel).toBe('42');
    expect(root.child('network').child('n1').seedLabel).toBe('42/network/n1');
    expect(draws(root.child('node/n1/timers'), 8)).toEqual(draws(root.child('node').child('n1').child('timers'), 8));
    expect(() => root.child('')).toThrow();
    expect(() => Random.fromSeed(1.5)).toThrow();
  });

  test.prop([fc.integer({ min: 0, max: 200 }), fc.integer({ min: 0, max: 200 })])(
    'a child stream does not depend on draws made on the parent or a sibling',
    (parentDraws, siblingDraws) => {
      const pristine = draws(Random.fromSeed(7).child('b'), 16);
      const root = Random.fromSeed(7);
      for (let i = 0; i < parentDraws; i++) root.next();
      const a = root.child('a');
      for (let i = 0; i < siblingDraws; i++) a.uint32();
      const b = root.child('b');
      expect(draws(b, 16)).toEqual(pristine);
      expect(draws(a, 16)).not.toEqual(pristine);
    },
  );

  test.prop([fc.integer({ min: -1e6, max: 1e6 }), fc.integer({ min: 0, max: 50 }), fc.integer()])(
    'int(lo, hi) stays within inclusive bounds and reaches both ends',
    (lo, width, seed) => {
      const random = Random.fromSeed(seed);
      const hi = lo + width;
      let sawLo = false;
      let sawHi = false;
      let bad: number | null = null;
      for (let i = 0; i < 400 + width * 40; i++) {
        const v = random.int(lo, hi);
        if (!Number.isInteger(v) || v < lo || v > hi) bad = v;
        if (v === lo) sawLo = true;
        if (v === hi) sawHi = true;
      }
      expect(bad).toBeNull();
      expect(sawLo && sawHi).toBe(true);
    },
  );

  test('int handles ranges wider than 2^32 and rejects bad bounds', () => {
    const random = Random.fromSeed(3);
    for (let i = 0; i < 1000; i++) {
      const v = random.int(-(2 ** 40), 2 ** 40);
      expect(Number.isSafeInteger(v) && Math.abs(v) <= 2 ** 40).toBe(true);
    }
    expect(random.int(5, 5)).toBe(5);
    expect(() => random.int(3, 2)).toThrow();
    expect(() => random.int(0.5, 2)).toThrow();
    expect(() => random.int(0, 2 ** 53)).toThrow();
  });

  test('chance, ratio, pick, shuffle edge cases', () => {
    const random = Random.fromSeed('edges');
    for (let i = 0; i < 2000; i++) {
      expect(random.chance(0, 7)).toBe(false);
      expect(random.chance(7, 7)).toBe(true);
      expect(random.chance(1, 1)).toBe(true);
      expect(random.ratio(0)).toBe(false);
      expect(random.ratio(1)).toBe(true);
      const x = random.next();
      expect(x >= 0 && x < 1).toBe(true);
    }
    expect(() => random.chance(3, 2)).toThrow();
    expect(() => random.chance(1, 0)).toThrow();
    expect(() => random.chance(0.5, 2)).toThrow();
    expect(() => random.ratio(1.01)).toThrow();
    expect(() => random.ratio(Number.NaN)).toThrow();
    expect(() => random.pick([])).toThrow();
    const items = [1, 2, 3, 4, 5, 6, 7, 8];
    const shuffled = random.shuffle([...items]);
    expect([...shuffled].sort((a, b) => a - b)).toEqual(items);
    expect(items).toContain(random.pick(items));
  });

  test('chance(1, 100) over 100_000 draws is 1% +- 0.15%', () => {
    const random = Random.fromSeed(2024);
    let hits = 0;
    for (let i = 0; i < 100_000; i++) if (random.chance(1, 100)) hits++;
    expect(hits).toBeGreaterThanOrEqual(850);
    expect(hits).toBeLessThanOrEqual(1150);
  });

  test('ratio(0.3) and int(0, 9) are uniform with fixed seed', () => {
    const random = Random.fromSeed(99);
    let hits = 0;
    const buckets = new Array<number>(10).fill(0);
    for (let i = 0; i < 100_000; i++) {
      if (random.ratio(0.3)) hits++;
      buckets[random.int(0, 9)]++;
    }
    expect(Math.abs(hits / 100_000 - 0.3)).toBeLessThan(0.005);
    for (const b of buckets) expect(Math.abs(b - 10_000)).toBeLessThan(450);
  });

  test('normal and exponential moments with fixed seed', () => {
    const random = Random.fromSeed('moments');
    const n = 100_000;
    let sum = 0;
    let sumSq = 0;
    let expSum = 0;
    for (let i = 0; i < n; i++) {
      const x = random.normal(10, 2);
      sum += x;
      sumSq += x * x;
      expSum += random.exponential(5);
    }
    const mean = sum / n;
    const sd = Math.sqrt(sumSq / n - mean * mean);
    expect(Math.abs(mean - 10)).toBeLessThan(0.03);
    expect(Math.abs(sd - 2)).toBeLessThan(0.03);
    expect(Math.abs(expSum / n - 5) / 5).toBeLessThan(0.02);
  });
});

describe('Distributions', () => {
  const cases: { dist: Distribution; tolerance: number }[] = [
    { dist: { kind: 'constant', valueUs: 1500 }, tolerance: 0 },
    { dist: { kind: 'uniform', minUs: 1000, maxUs: 5000 }, tolerance: 0.02 },
    { dist: { kind: 'normal', meanUs: 10_000, stddevUs: 2000 }, tolerance: 0.02 },
    // Heavily clamped at 0: the analytic mean accounts for the clamp.
    { dist: { kind: 'normal', meanUs: 1000, stddevUs: 1500 }, tolerance: 0.02 },
    { dist: { kind: 'lognormal', medianUs: 2000, sigma: 0.5 }, tolerance: 0.03 },
    { dist: { kind: 'exponential', meanUs: 3000 }, tolerance: 0.02 },
    { dist: { kind: 'tail', baseUs: 500, jitterUs: 200, tailChance: 0.05, tailMeanUs: 20_000 }, tolerance: 0.03 },
  ];

  for (const { dist, tolerance } of cases) {
    test(`sample mean of ${describeDistribution(dist)} matches distributionMeanUs`, () => {
      validateDistribution(dist);
      const random = Random.fromSeed(`dist/${dist.kind}`);
      const n = 100_000;
      let sum = 0;
      for (let i = 0; i < n; i++) {
        const v = sampleUs(dist, random);
        if (!Number.isSafeInteger(v) || v < 0) throw new Error(`bad sample ${v}`);
        sum += v;
      }
      const expected = distributionMeanUs(dist);
      expect(Math.abs(sum / n - expected) / expected).toBeLessThanOrEqual(tolerance + 1e-9);
    });
  }

  test('uniform bounds are inclusive and descriptions are readable', () => {
    const random = Random.fromSeed(5);
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i++) seen.add(sampleUs({ kind: 'uniform', minUs: 3, maxUs: 6 }, random));
    expect([...seen].sort()).toEqual([3, 4, 5, 6]);
    expect(describeDistribution({ kind: 'uniform', minUs: 1000, maxUs: 5000 })).toBe('uniform 1ms..5ms');
    expect(describeDistribution({ kind: 'constant', valueUs: 2_000_000 })).toBe('constant 2s');
    expect(describeDistribution({ kind: 'exponential', meanUs: 750 })).toBe('exponential mean 750us');
  });

  test('validateDistribution rejects bad parameters', () => {
    expect(() => validateDistribution({ kind: 'uniform', minUs: 5, maxUs: 1 })).toThrow();
    expect(() => validateDistribution({ kind: 'uniform', minUs: 0.5, maxUs: 1 })).toThrow();
    expect(() => validateDistribution({ kind: 'normal', meanUs: 5, stddevUs: -1 })).toThrow();
    expect(() => validateDistribution({ kind: 'lognormal', medianUs: 0, sigma: 1 })).toThrow();
    expect(() => validateDistribution({ kind: 'tail', baseUs: 1, jitterUs: 1, tailChance: 2, tailMeanUs: 1 })).toThrow();
    expect(() => validateDistribution({ kind: 'nope' } as unknown as Distribution)).toThrow(/unknown/);
  });
});
