import type { Distribution } from '../../sim/random.js';
/** A value that could not be parsed: `expected` completes the sentence "found X, expected ...". */
export declare class UnitError extends Error {
    readonly expected: string;
    constructor(expected: string);
}
export declare const expectedText: {
    readonly duration: "a duration such as 150ms, 2s, 1.5s or 500us";
    readonly signedDuration: "a signed duration such as +80ms, -50ms or 0";
    readonly range: "a duration or a range such as 150ms..300ms";
    readonly distribution: "a latency such as 5ms (constant), a range 1ms..5ms (uniform), or {normal: {mean, stddev}}, {lognormal: {median, sigma}}, {exponential: {mean}}, {tail: {base, jitter, chance, mean}}";
    readonly probability: "a probability such as 5% or 0.05 (between 0 and 1)";
    readonly ppm: "parts per million such as 50ppm or -20ppm (or a percentage such as 0.5%)";
    readonly size: "a size such as 64KiB, 1MiB, 4MB or a number of bytes";
    readonly rate: "a rate such as 200/s, 30/min or a number per second";
    readonly count: "a whole number >= 0";
    readonly switch: "true or false";
};
/** A non-negative duration in whole microseconds. Bare 0 is accepted; other bare numbers need a unit. */
export declare function parseDuration(value: unknown): number;
/** A signed duration (+80ms, -50ms, 80ms, 0). */
export declare function parseSignedDuration(value: unknown): number;
export interface DurationRange {
    readonly minUs: number;
    readonly maxUs: number;
}
/** "150ms..300ms" or a single duration (min == max). */
export declare function parseRange(value: unknown): DurationRange;
/** A latency distribution: "5ms" constant, "1ms..5ms" uniform, or an object naming the kind. */
export declare function parseDistribution(value: unknown): Distribution;
/** "5%", "0.5%", 0.05 or "0.05": a probability in [0, 1]. */
export declare function parseProbability(value: unknown): number;
/** "50ppm", "-20ppm", "0.5%" or 0: whole parts per million. */
export declare function parsePpm(value: unknown): number;
/** "64KiB", "4MB", "512B" or a whole number of bytes. */
export declare function parseSize(value: unknown): number;
/** A size per second ("200MiB/s" or "200MiB"). */
export declare function parseSizeRate(value: unknown): number;
/** "200/s", "30/min" or a number: operations per second. */
export declare function parseRate(value: unknown): number;
export declare function parseCount(value: unknown, max?: number): number;
export declare function parseSwitch(value: unknown): boolean;
/** Exact: formatDuration(parseDuration(x)) parses back to the same number. */
export declare function formatDuration(us: number): string;
export declare function formatSignedDuration(us: number): string;
export declare function formatRange(range: DurationRange): string;
/** A distribution in the scenario-file form (a string when it has one, else the object form). */
export declare function formatDistribution(dist: Distribution): string | Record<string, unknown>;
/** A one-line description of a distribution for summaries. */
export declare function describeLatency(dist: Distribution): string;
export declare function formatProbability(probability: number): string;
export declare function formatPpm(ppm: number): string;
export declare function formatSize(bytes: number): string;
export declare function formatRate(perSecond: number): string;
