import type { D3Module, Selection } from 'd3-node';
import { type ValueAxis } from './axis.js';
import type { MetricDistribution } from './distribution.js';
import { type SweepSeed } from './input.js';
/** Seeds drawn one dot each when a metric has at most this many values; beyond, only outliers and failures. */
export declare const MAX_DOTS = 2000;
export interface DistributionStyle {
    /** Bar fill per verdict; failures keep their verdict colours in both styles. */
    readonly okFill: string;
    /** Colour of the quantile lines and their labels; null: the run report's p50/p90/p99 colours. */
    readonly lineColor: string | null;
    /** Prefix of quantile labels ("A " in a comparison). */
    readonly prefix: string;
    readonly maxLabels: number;
    readonly labelRows: number;
}
export interface DistributionGeometry {
    readonly axis: ValueAxis;
    readonly histTopPx: number;
    readonly histBottomPx: number;
    readonly stripTopPx: number;
    readonly stripHeightPx: number;
    /** Baseline of the first outlier label row. */
    readonly labelTopPx: number;
}
/**
 * One sweep's distribution of one metric: stacked histogram (seed counts or shares by verdict), p50/p90/p99
 * lines, a box plot strip with one dot per seed (or only outliers and failures for large sweeps), and up to
 * maxLabels outliers labelled with their seed.
 */
export declare function drawDistribution(d3: D3Module, g: Selection, dist: MetricDistribution, seeds: readonly SweepSeed[], yMax: number, share: boolean, geometry: DistributionGeometry, style: DistributionStyle): void;
