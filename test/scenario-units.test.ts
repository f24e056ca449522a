// Human units in scenario files and flags: exact parsing, and formatting that parses back to the same value.
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import {
  formatDistribution,
  formatDuration,
  formatPpm,
  formatProbability,
  formatRange,
  formatSignedDuration,
  formatSize,
  parseDistribution,
  parseDuration,
  parsePpm,
  parseProbability,
  parseRange,
  parseRate,
  parseSignedDuration,
  parseSize,
  UnitError,
} from '../src/scenario/units.js';

describe('durations', () => {
  it.each([
    ['150ms', 150_000],
    ['2s', 2_000_000],
    ['1.5s', 1_500_000],
    ['500us', 500],
    ['500µs', 500],
    ['0.25ms', 250],
    ['2min', 120_000_000],
    ['1h', 3_600_000_000],
    ['0', 0],
    [0, 0],
    ['.5s', 500_000],
    ['1.000001s', 1_000_001],
  ])('%s = %d us', (text, us) => {
    expect(parseDuration(text)).toBe(us);
  });

  it.each(['150', 150, '2 seconds', '-1s', '1.5us', 'ms', '', '1e3ms', null, true, '1s..2s', '0.0000001s'])('%j is rejected with the expected form', (value) => {
    expect(() => parseDuration(value)).toThrow(UnitError);
    try {
      parseDuration(value);
    } catch (error) {
      expect((error as UnitError).expected).toMatch(/a duration such as 150ms, 2s, 1.5s or 500us/);
    }
  });

  it('signed offsets', () => {
    expect(parseSignedDuration('+80ms')).toBe(80_000);
    expect(parseSignedDuration('-50ms')).toBe(-50_000);
    expect(parseSignedDuration('-0s')).toBe(0);
    expect(() => parseSignedDuration('+-5ms')).toThrow(UnitError);
    expect(formatSignedDuration(80_000)).toBe('+80ms');
    expect(formatSignedDuration(-1_500_000)).toBe('-1.5s');
  });

  it('ranges: min..max, or one value for a fixed range; bounds in order', () => {
    expect(parseRange('150ms..300ms')).toEqual({ minUs: 150_000, maxUs: 300_000 });
    expect(parseRange('150ms')).toEqual({ minUs: 150_000, maxUs: 150_000 });
    expect(() => parseRange('300ms..150ms')).toThrow(/not above the second/);
    expect(() => parseRange('1s..2s..3s')).toThrow(UnitError);
  });

  test.prop([fc.integer({ min: 0, max: 10_000_000_000 })])('formatDuration parses back to the same microseconds', (us) => {
    expect(parseDuration(formatDuration(us))).toBe(us);
    const negative = us === 0 ? 0 : -us;
    expect(parseSignedDuration(formatSignedDuration(negative))).toBe(negative);
  });

  test.prop([fc.integer({ min: 0, max: 100_000_000 }), fc.integer({ min: 0, max: 100_000_000 })])('ranges round-trip', (a, b) => {
    const range = { minUs: Math.min(a, b), maxUs: Math.max(a, b) };
    expect(parseRange(formatRange(range))).toEqual(range);
  });
});

describe('probabilities, drift, sizes, rates', () => {
  it('probabilities as percentages or fractions, exactly as written', () => {
    expect(parseProbability('5%')).toBe(0.05);
    expect(parseProbability('1.1%')).toBe(0.011);
    expect(parseProbability('0.05')).toBe(0.05);
    expect(parseProbability(0.05)).toBe(0.05);
    expect(parseProbability('100%')).toBe(1);
    for (const bad of ['150%', '-1%', 1.5, 'five percent', '5 %%', null]) expect(() => parseProbability(bad)).toThrow(UnitError);
  });

  test.prop([fc.integer({ min: 0, max: 1_000_000 })])('formatProbability parses back', (millionths) => {
    const probability = millionths / 1_000_000;
    expect(parseProbability(formatProbability(probability))).toBe(probability);
  });

  it('drift in ppm (or percent), whole ppm only', () => {
    expect(parsePpm('50ppm')).toBe(50);
    expect(parsePpm('-20ppm')).toBe(-20);
    expect(parsePpm('0.5%')).toBe(5_000);
    expect(parsePpm(0)).toBe(0);
    expect(() => parsePpm(50)).toThrow(UnitError);
    expect(() => parsePpm('0.5ppm')).toThrow(UnitError);
    expect(parsePpm(formatPpm(-1234))).toBe(-1234);
  });

  it('sizes in bytes, KB/KiB/MB/MiB/GB/GiB', () => {
    expect(parseSize('64KiB')).toBe(65_536);
    expect(parseSize('4MB')).toBe(4_000_000);
    expect(parseSize('1.5KiB')).toBe(1_536);
    expect(parseSize(100)).toBe(100);
    expect(parseSize('100B')).toBe(100);
    for (const bad of ['64kb', '1.3B', -1, '1TiB']) expect(() => parseSize(bad)).toThrow(UnitError);
  });

  test.prop([fc.integer({ min: 0, max: 2 ** 40 })])('formatSize parses back', (bytes) => {
    expect(parseSize(formatSize(bytes))).toBe(bytes);
  });

  it('rates', () => {
    expect(parseRate('200/s')).toBe(200);
    expect(parseRate('30/min')).toBe(0.5);
    expect(parseRate(50)).toBe(50);
    expect(() => parseRate('fast')).toThrow(UnitError);
  });
});

describe('latency distributions', () => {
  it('a duration is constant, a range uniform, objects name the other kinds', () => {
    expect(parseDistribution('5ms')).toEqual({ kind: 'constant', valueUs: 5_000 });
    expect(parseDistribution('1ms..5ms')).toEqual({ kind: 'uniform', minUs: 1_000, maxUs: 5_000 });
    expect(parseDistribution({ normal: { mean: '5ms', stddev: '1ms' } })).toEqual({ kind: 'normal', meanUs: 5_000, stddevUs: 1_000 });
    expect(parseDistribution({ lognormal: { median: '2ms', sigma: 0.5 } })).toEqual({ kind: 'lognormal', medianUs: 2_000, sigma: 0.5 });
    expect(parseDistribution({ exponential: '3ms' })).toEqual({ kind: 'exponential', meanUs: 3_000 });
    expect(parseDistribution({ tail: { base: '1ms', jitter: '1ms', chance: '1%', mean: '50ms' } })).toEqual({ kind: 'tail', baseUs: 1_000, jitterUs: 1_000, tailChance: 0.01, tailMeanUs: 50_000 });
    expect(() => parseDistribution({ normal: { mean: '5ms' } })).toThrow(UnitError);
    expect(() => parseDistribution({ gamma: '1ms' })).toThrow(UnitError);
  });

  it('every kind formats to a form that parses back', () => {
    for (const text of ['5ms', '1ms..5ms', { normal: { mean: '5ms', stddev: '1ms' } }, { lognormal: { median: '2ms', sigma: 0.5 } }, { exponential: '3ms' }, { tail: { base: '1ms', jitter: '1ms', chance: '1%', mean: '50ms' } }]) {
      const dist = parseDistribution(text);
      expect(parseDistribution(formatDistribution(dist))).toEqual(dist);
    }
  });
});
