/**
 * Seeded random streams and latency distributions.
 *
 * Every stream is seedrandom's xor4096 (Brent's xorgens: long period, passes BigCrush) seeded with a text
 * label. A child stream's label is `${parentLabel}/${name}`, so a child depends only on the root seed and
 * its name path, never on how many values the parent or a sibling has drawn. That is what lets a run turn
 * one fault on without reshuffling every other subsystem's draws.
 *
 * Only integer and IEEE-754 basic arithmetic plus Math.log/cos/sqrt/exp are used; V8 implements those
 * transcendental functions in its own portable code (fdlibm port), so sequences are identical across
 * machines for a given Node major version.
 */
import seedrandom from 'seedrandom';
import { assertNonNegativeInteger, assertProbability, assertSafeInteger, fail } from './assert.js';

const TWO_POW_32 = 0x1_0000_0000;
const TWO_POW_53 = 9_007_199_254_740_992;

export class Random {
  /** Label the stream was seeded from, e.g. "42" or "42/network/n1". */
  readonly seedLabel: string;
  private readonly int32: () => number;

  private constructor(seedLabel: string) {
    this.seedLabel = seedLabel;
    // Always a string seed: xor4096 would treat a missing seed as "seed from the wall clock".
    this.int32 = seedrandom.xor4096(seedLabel).int32;
  }

  static fromSeed(seed: number | string): Random {
    if (typeof seed === 'number') assertSafeInteger(seed, 'Random.fromSeed: seed');
    else if (typeof seed !== 'string' || seed.length === 0) fail('Random.fromSeed: seed must be a non-empty string or an integer');
    return new Random(String(seed));
  }

  /**
   * An independent stream derived from this stream's label and `name` only. `child('a/b')` equals
   * `child('a').child('b')`.
   */
  child(name: string): Random {
    if (typeof name !== 'string' || name.length === 0) fail('Random.child: name must be a non-empty string');
    return new Random(`${this.seedLabel}/${name}`);
  }

  /** Uniform 32-bit unsigned integer. */
  uint32(): number {
    return this.int32() >>> 0;
  }

  /** Uniform float in [0, 1) with 53 random bits. */
  next(): number {
    const hi = this.int32() >>> 5; // 27 bits
    const lo = this.int32() >>> 6; // 26 bits
    return (hi * 67_108_864 + lo) / TWO_POW_53;
  }

  /** Uniform integer in [lo, hi], both inclusive. Unbiased (rejection sampling). */
  int(lo: number, hi: number): number {
    if (!Number.isSafeInteger(lo) || !Number.isSafeInteger(hi) || lo > hi) {
      fail(`Random.int: need safe integers lo <= hi, got [${String(lo)}, ${String(hi)}]`);
    }
    const range = hi - lo + 1;
    if (range <= TWO_POW_32) {
      // Reject the top partial bucket so every value has the same number of preimages.
      const limit = TWO_POW_32 - (TWO_POW_32 % range);
      for (;;) {
        const u = this.int32() >>> 0;
        if (u < limit) return lo + (u % range);
      }
    }
    if (!(range <= TWO_POW_53)) fail(`Random.int: range [${lo}, ${hi}] is wider than 2^53`);
    const limit = TWO_POW_53 - (TWO_POW_53 % range);
    for (;;) {
      const u = (this.int32() >>> 5) * 67_108_864 + (this.int32() >>> 6);
      if (u < limit) return lo + (u % range);
    }
  }

  /**
   * True with probability numerator/denominator, computed exactly in integers. Always consumes draws,
   * even for 0/d and d/d, so the stream position does not depend on the probability's value.
   */
  chance(numerator: number, denominator: number): boolean {
    if (!Number.isSafeInteger(numerator) || !Number.isSafeInteger(denominator) || denominator < 1 || numerator < 0 || numerator > denominator) {
      fail(`Random.chance: need integers 0 <= numerator <= denominator, denominator >= 1; got ${String(numerator)}/${String(denominator)}`);
    }
    return this.int(0, denominator - 1) < numerator;
  }

  /** True with the given probability in [0, 1]. ratio(0) is never true, ratio(1) always. */
  ratio(probability: number): boolean {
    if (!(probability >= 0 && probability <= 1)) fail(`Random.ratio: probability must be in [0, 1], got ${String(probability)}`);
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) fail('Random.pick: empty list');
    return items[this.int(0, items.length - 1)];
  }

  /** In-place Fisher-Yates shuffle; returns `items`. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = this.int(0, i);
      const tmp = items[i];
      items[i] = items[j];
      items[j] = tmp;
    }
    return items;
  }

  /** Normal deviate by Box-Muller. Draws exactly two values per call (no cached spare), keeping the stream position predictable. */
  normal(mean: number, stddev: number): number {
    if (!(stddev >= 0) || !Number.isFinite(stddev) || !Number.isFinite(mean)) {
      fail(`Random.normal: need finite mean and stddev >= 0, got mean=${String(mean)} stddev=${String(stddev)}`);
    }
    const u1 = this.next();
    const u2 = this.next();
    // 1 - u1 is in (0, 1], so the log is finite.
    const radius = Math.sqrt(-2 * Math.log(1 - u1));
    return mean + stddev * radius * Math.cos(2 * Math.PI * u2);
  }

  /** Exponential deviate with the given mean (>= 0). */
  exponential(mean: number): number {
    if (!(mean >= 0) || !Number.isFinite(mean)) fail(`Random.exponential: mean must be finite and >= 0, got ${String(mean)}`);
    return -mean * Math.log(1 - this.next());
  }
}

// ---------------------------------------------------------------------------------------------------------
// Distributions of durations (latencies) in integer microseconds.

/** A floor: no draw is below it (a draw below it is raised to it). It takes no draw of its own, so a distribution
 *  with a floor consumes the stream exactly as the same one without; absent, nothing changes (the key is left out,
 *  so the trace's meta record of every existing scenario is unchanged). */
interface Floored {
  floorUs?: number;
}

export type Distribution =
  | ({ kind: 'constant'; valueUs: number } & Floored)
  | ({ kind: 'uniform'; minUs: number; maxUs: number } & Floored)
  | ({ kind: 'normal'; meanUs: number; stddevUs: number } & Floored)
  | { kind: 'lognormal'; medianUs: number; sigma: number }
  | ({ kind: 'exponential'; meanUs: number } & Floored)
  | { kind: 'tail'; baseUs: number; jitterUs: number; tailChance: number; tailMeanUs: number };

/** The floor of a distribution, or 0 (every draw is at least 0). */
export function floorOf(dist: Distribution): number {
  return (dist as Floored).floorUs ?? 0;
}

function assertFiniteNonNegative(value: number, what: string): void {
  if (!(value >= 0) || !Number.isFinite(value)) fail(`${what} must be a finite number >= 0, got ${String(value)}`);
}

/**
 * Validates a distribution's parameters; throws a descriptive error. Components that hold a distribution
 * (network links, disks) call this once at configuration time so sampleUs can stay cheap.
 */
export function validateDistribution(dist: Distribution, what = 'distribution'): void {
  const floorUs = (dist as Floored).floorUs;
  if (floorUs !== undefined) {
    if (dist.kind === 'lognormal' || dist.kind === 'tail') fail(`${what}: a floor applies to constant, uniform, normal and exponential distributions, not ${dist.kind}`);
    assertNonNegativeInteger(floorUs, `${what}.floorUs`);
  }
  switch (dist.kind) {
    case 'constant':
      assertFiniteNonNegative(dist.valueUs, `${what}.valueUs`);
      return;
    case 'uniform':
      assertNonNegativeInteger(dist.minUs, `${what}.minUs`);
      assertNonNegativeInteger(dist.maxUs, `${what}.maxUs`);
      if (dist.minUs > dist.maxUs) fail(`${what}: minUs (${dist.minUs}) > maxUs (${dist.maxUs})`);
      return;
    case 'normal':
      assertFiniteNonNegative(dist.meanUs, `${what}.meanUs`);
      assertFiniteNonNegative(dist.stddevUs, `${what}.stddevUs`);
      return;
    case 'lognormal':
      if (!(dist.medianUs > 0) || !Number.isFinite(dist.medianUs)) fail(`${what}.medianUs must be finite and > 0, got ${String(dist.medianUs)}`);
      assertFiniteNonNegative(dist.sigma, `${what}.sigma`);
      if (dist.sigma > 10) fail(`${what}.sigma must be <= 10 (larger values overflow), got ${dist.sigma}`);
      return;
    case 'exponential':
      assertFiniteNonNegative(dist.meanUs, `${what}.meanUs`);
      return;
    case 'tail':
      assertNonNegativeInteger(dist.baseUs, `${what}.baseUs`);
      assertNonNegativeInteger(dist.jitterUs, `${what}.jitterUs`);
      assertProbability(dist.tailChance, `${what}.tailChance`);
      assertFiniteNonNegative(dist.tailMeanUs, `${what}.tailMeanUs`);
      return;
    default:
      fail(`${what}: unknown distribution kind ${JSON.stringify((dist as { kind?: unknown }).kind)}`);
  }
}

/**
 * Draws one duration: always a non-negative safe integer (rounded). The number and order of underlying
 * draws depends only on the distribution's kind (and, for 'tail', on whether the tail fires).
 */
export function sampleUs(dist: Distribution, random: Random): number {
  const value = drawUs(dist, random);
  const floorUs = floorOf(dist);
  return value < floorUs ? floorUs : value;
}

function drawUs(dist: Distribution, random: Random): number {
  let value: number;
  switch (dist.kind) {
    case 'constant':
      return Math.round(dist.valueUs);
    case 'uniform':
      return random.int(dist.minUs, dist.maxUs);
    case 'normal':
      value = random.normal(dist.meanUs, dist.stddevUs);
      break;
    case 'lognormal':
      value = Math.exp(random.normal(Math.log(dist.medianUs), dist.sigma));
      break;
    case 'exponential':
      value = random.exponential(dist.meanUs);
      break;
    case 'tail': {
      const jitter = random.int(0, dist.jitterUs);
      const extra = random.ratio(dist.tailChance) ? Math.round(random.exponential(dist.tailMeanUs)) : 0;
      return dist.baseUs + jitter + extra;
    }
    default:
      fail(`sampleUs: unknown distribution kind ${JSON.stringify((dist as { kind?: unknown }).kind)}`);
  }
  const rounded = Math.round(value);
  if (rounded <= 0) return 0; // the normal's left tail is clamped: a latency cannot be negative
  if (!(rounded <= Number.MAX_SAFE_INTEGER)) fail(`sampleUs: ${describeDistribution(dist)} produced an out-of-range value ${value}`);
  return rounded;
}

/** Standard normal CDF via erf (Abramowitz-Stegun 7.1.26, |error| < 1.5e-7): good enough for reporting means. */
function standardNormalCdf(x: number): number {
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * z);
  const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-z * z);
  return x >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
}

/** Analytic mean in microseconds (before integer rounding, which shifts it by well under 1 us). */
export function distributionMeanUs(dist: Distribution): number {
  const floorUs = floorOf(dist);
  return floorUs === 0 ? unflooredMeanUs(dist) : flooredMeanUs(dist, floorUs);
}

/** The mean of max(floor, X): floor + E[max(0, X - floor)]. */
function flooredMeanUs(dist: Distribution, floorUs: number): number {
  switch (dist.kind) {
    case 'constant':
      return Math.max(floorUs, Math.round(dist.valueUs));
    case 'uniform': {
      if (floorUs <= dist.minUs) return (dist.minUs + dist.maxUs) / 2;
      if (floorUs >= dist.maxUs) return floorUs;
      // Integer draws in [min, max]: those below the floor count as the floor.
      const n = dist.maxUs - dist.minUs + 1;
      const below = floorUs - dist.minUs;
      const above = dist.maxUs - floorUs + 1;
      return (below * floorUs + (above * (floorUs + dist.maxUs)) / 2) / n;
    }
    case 'normal':
      // max(f, X) = f + max(0, X - f), and X - f is normal with mean mu - f.
      return floorUs + unflooredMeanUs({ kind: 'normal', meanUs: dist.meanUs - floorUs, stddevUs: dist.stddevUs });
    case 'exponential':
      return floorUs + dist.meanUs * Math.exp(-floorUs / Math.max(dist.meanUs, Number.MIN_VALUE));
    default:
      return Math.max(floorUs, unflooredMeanUs(dist));
  }
}

function unflooredMeanUs(dist: Distribution): number {
  switch (dist.kind) {
    case 'constant':
      return Math.round(dist.valueUs);
    case 'uniform':
      return (dist.minUs + dist.maxUs) / 2;
    case 'normal': {
      // Mean of max(0, X) for X ~ N(mu, sigma): mu*Phi(mu/sigma) + sigma*phi(mu/sigma).
      const mu = dist.meanUs;
      const sigma = dist.stddevUs;
      if (sigma === 0) return Math.max(0, mu);
      const z = mu / sigma;
      const pdf = Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
      return mu * standardNormalCdf(z) + sigma * pdf;
    }
    case 'lognormal':
      return dist.medianUs * Math.exp((dist.sigma * dist.sigma) / 2);
    case 'exponential':
      return dist.meanUs;
    case 'tail':
      return dist.baseUs + dist.jitterUs / 2 + dist.tailChance * dist.tailMeanUs;
    default:
      return fail(`distributionMeanUs: unknown distribution kind ${JSON.stringify((dist as { kind?: unknown }).kind)}`);
  }
}

/** Formats a duration for humans: "750us", "1.5ms", "2s". */
export function formatUs(us: number): string {
  const abs = Math.abs(us);
  const trim = (x: number): string => String(Number(x.toFixed(3)));
  if (abs >= 1_000_000) return `${trim(us / 1_000_000)}s`;
  if (abs >= 1_000) return `${trim(us / 1_000)}ms`;
  return `${trim(us)}us`;
}

/** Short human description, e.g. "uniform 1ms..5ms", "exponential mean 3ms, floor 1ms". */
export function describeDistribution(dist: Distribution): string {
  const floorUs = (dist as Floored).floorUs;
  return floorUs === undefined ? describeUnfloored(dist) : `${describeUnfloored(dist)}, floor ${formatUs(floorUs)}`;
}

function describeUnfloored(dist: Distribution): string {
  switch (dist.kind) {
    case 'constant':
      return `constant ${formatUs(dist.valueUs)}`;
    case 'uniform':
      return `uniform ${formatUs(dist.minUs)}..${formatUs(dist.maxUs)}`;
    case 'normal':
      return `normal ${formatUs(dist.meanUs)} sd ${formatUs(dist.stddevUs)}`;
    case 'lognormal':
      return `lognormal median ${formatUs(dist.medianUs)} sigma ${dist.sigma}`;
    case 'exponential':
      return `exponential mean ${formatUs(dist.meanUs)}`;
    case 'tail':
      return `${formatUs(dist.baseUs)}+0..${formatUs(dist.jitterUs)}, ${Number((dist.tailChance * 100).toFixed(4))}% +exp ${formatUs(dist.tailMeanUs)}`;
    default:
      return `unknown distribution ${JSON.stringify((dist as { kind?: unknown }).kind)}`;
  }
}
