export declare class Random {
    /** Label the stream was seeded from, e.g. "42" or "42/network/n1". */
    readonly seedLabel: string;
    private readonly int32;
    private constructor();
    static fromSeed(seed: number | string): Random;
    /**
     * An independent stream derived from this stream's label and `name` only. `child('a/b')` equals
     * `child('a').child('b')`.
     */
    child(name: string): Random;
    /** Uniform 32-bit unsigned integer. */
    uint32(): number;
    /** Uniform float in [0, 1) with 53 random bits. */
    next(): number;
    /** Uniform integer in [lo, hi], both inclusive. Unbiased (rejection sampling). */
    int(lo: number, hi: number): number;
    /**
     * True with probability numerator/denominator, computed exactly in integers. Always consumes draws,
     * even for 0/d and d/d, so the stream position does not depend on the probability's value.
     */
    chance(numerator: number, denominator: number): boolean;
    /** True with the given probability in [0, 1]. ratio(0) is never true, ratio(1) always. */
    ratio(probability: number): boolean;
    pick<T>(items: readonly T[]): T;
    /** In-place Fisher-Yates shuffle; returns `items`. */
    shuffle<T>(items: T[]): T[];
    /** Normal deviate by Box-Muller. Draws exactly two values per call (no cached spare), keeping the stream position predictable. */
    normal(mean: number, stddev: number): number;
    /** Exponential deviate with the given mean (>= 0). */
    exponential(mean: number): number;
}
export type Distribution = {
    kind: 'constant';
    valueUs: number;
} | {
    kind: 'uniform';
    minUs: number;
    maxUs: number;
} | {
    kind: 'normal';
    meanUs: number;
    stddevUs: number;
} | {
    kind: 'lognormal';
    medianUs: number;
    sigma: number;
} | {
    kind: 'exponential';
    meanUs: number;
} | {
    kind: 'tail';
    baseUs: number;
    jitterUs: number;
    tailChance: number;
    tailMeanUs: number;
};
/**
 * Validates a distribution's parameters; throws a descriptive error. Components that hold a distribution
 * (network links, disks) call this once at configuration time so sampleUs can stay cheap.
 */
export declare function validateDistribution(dist: Distribution, what?: string): void;
/**
 * Draws one duration: always a non-negative safe integer (rounded). The number and order of underlying
 * draws depends only on the distribution's kind (and, for 'tail', on whether the tail fires).
 */
export declare function sampleUs(dist: Distribution, random: Random): number;
/** Analytic mean in microseconds (before integer rounding, which shifts it by well under 1 us). */
export declare function distributionMeanUs(dist: Distribution): number;
/** Formats a duration for humans: "750us", "1.5ms", "2s". */
export declare function formatUs(us: number): string;
/** Short human description, e.g. "uniform 1ms..5ms". */
export declare function describeDistribution(dist: Distribution): string;
