import type { MessageTable } from './message-table.js';
import type { Series } from './model.js';
export type Point = readonly [tUs: number, value: number];
/**
 * Reduces a step series to at most ~maxPoints points over [fromUs, toUs], keeping per time bucket the
 * first, minimum, maximum and last sample (M4 downsampling): a step line drawn from the result shows the
 * same extremes as the full series at pixel resolution, so a one-sample spike is never averaged away.
 * The value in force at fromUs is carried in as a first point, and the last value is extended to toUs.
 */
export declare function downsampleSteps(series: Series, fromUs: number, toUs: number, maxPoints?: number): Point[];
/** First index with array[index] >= value (array sorted ascending). */
export declare function lowerBound(array: ArrayLike<number>, value: number): number;
/** First index with array[index] > value (array sorted ascending). */
export declare function upperBound(array: ArrayLike<number>, value: number): number;
/** Equal time buckets over [fromUs, toUs). */
export declare class Buckets {
    readonly fromUs: number;
    readonly toUs: number;
    readonly count: number;
    readonly widthUs: number;
    constructor(fromUs: number, toUs: number, count: number);
    /** Bucket of tUs, or -1 outside [fromUs, toUs] (toUs itself falls in the last bucket). */
    index(tUs: number): number;
    startUs(bucket: number): number;
    endUs(bucket: number): number;
}
/** Message counts per unordered node pair and time bucket. */
export interface PairTraffic {
    /** Lane indexes a < b. */
    readonly a: number;
    readonly b: number;
    readonly sent: Uint32Array;
    readonly dropped: Uint32Array;
    readonly total: number;
}
export interface TrafficAggregate {
    readonly buckets: Buckets;
    /** Pairs with at least one message, in lane order. */
    readonly pairs: readonly PairTraffic[];
    readonly sentPerBucket: Uint32Array;
    readonly droppedPerBucket: Uint32Array;
    readonly maxPairBucket: number;
}
/** Counts every message by node pair (both directions together) and bucket of its start time. */
export declare function aggregateTraffic(messages: MessageTable, nodeCount: number, buckets: Buckets): TrafficAggregate;
/** Indexes of the messages that entered the network in [fromUs, toUs], in time order. */
export declare function messagesInWindow(messages: MessageTable, fromUs: number, toUs: number): number[];
/**
 * Nearest-rank percentile of ascending `sorted` (p in 0..100), the definition of docs/metrics.md and
 * sim/metrics.ts: the value at rank ceil(p/100 × n). NaN for no values.
 */
export declare function nearestRank(sorted: ArrayLike<number>, p: number): number;
