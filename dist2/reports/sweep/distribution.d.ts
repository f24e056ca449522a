import { type MetricUnit, type SweepSeed } from './input.js';
/** One metric across the seeds of one sweep: values ascending with the index of their seed. */
export interface MetricDistribution {
    readonly name: string;
    readonly unit: MetricUnit;
    readonly values: Float64Array;
    /** seeds[seedIndex[k]] has values[k]. */
    readonly seedIndex: Int32Array;
    /** Seeds without a value (null, absent or not a finite number). */
    readonly missing: number;
    readonly min: number;
    readonly p25: number;
    readonly p50: number;
    readonly p75: number;
    readonly p90: number;
    readonly p99: number;
    readonly max: number;
    readonly mean: number;
    /** Tukey fences: p25 − 1.5 IQR and p75 + 1.5 IQR. Values outside are outliers. */
    readonly lowFence: number;
    readonly highFence: number;
    /** Positions (into values) of the outliers, most extreme (farthest from the median) first. */
    readonly outliers: readonly number[];
}
/** The distribution of `name` over `seeds` (nearest-rank percentiles, as in docs/metrics.md); null without values. */
export declare function metricDistribution(seeds: readonly SweepSeed[], name: string, unit?: MetricUnit): MetricDistribution | null;
export declare function distributionNote(dist: MetricDistribution, total: number): string;
export declare function isIntegerValued(dists: readonly (MetricDistribution | null)[]): boolean;
