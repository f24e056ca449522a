import type { ContinuousScale, D3Module, Selection } from 'd3-node';
import type { MetricDistribution } from './distribution.js';
import { type MetricUnit, type SweepSeed, type SweepVerdict } from './input.js';
export interface Bins {
    readonly lo: number;
    readonly width: number;
    /** Regular bins over [lo, lo + count × width]; values beyond go to an overflow bin (index count). */
    readonly count: number;
}
/**
 * The value axis of a panel: linear over [lo, hi], or, when outliers stretch the range (the values beyond
 * the upper whisker span more than the rest), broken in two: the bulk of the seeds over most of the width
 * and the tail of outliers compressed into the last TAIL_SHARE of it, drawn as one overflow bar.
 */
export interface ValueAxis {
    /** Pixel x of a value. */
    readonly x: (value: number) => number;
    readonly bins: Bins;
    readonly leftPx: number;
    readonly rightPx: number;
    /** The regular part: [from, to] onto [leftPx, splitPx]. */
    readonly main: ContinuousScale;
    /** The compressed tail after the break, or null for an unbroken axis. */
    readonly tail: {
        readonly fromValue: number;
        readonly toValue: number;
        readonly fromPx: number;
        readonly toPx: number;
    } | null;
    readonly integers: boolean;
}
/**
 * Plans a panel's value axis and histogram bins for one or two distributions: one bin per integer for
 * small integer ranges, else round-width bins as wide as the Freedman–Diaconis rule asks (2 IQR / ∛n, the
 * narrowest over the datasets), 8 to 80 of them; broken (see ValueAxis) when outliers dominate the range.
 */
export declare function planAxis(d3: D3Module, dists: readonly MetricDistribution[], integers: boolean, leftPx: number, rightPx: number): ValueAxis;
export interface BinCounts {
    /** Per verdict, per bin (the last one is the overflow bin). */
    readonly byVerdict: Record<SweepVerdict, Uint32Array>;
    readonly total: Uint32Array;
    /** First few seeds per bin, for hover titles. */
    readonly examples: number[][];
}
export declare function countBins(dist: MetricDistribution, seeds: readonly SweepSeed[], bins: Bins): BinCounts;
/** The tallest bar (seed count, or share of the distribution's seeds). */
export declare function tallestBar(dist: MetricDistribution, seeds: readonly SweepSeed[], bins: Bins, share: boolean): number;
/** The value axis: ticks in the metric's unit; a broken axis gets break marks and its tail's end values. */
export declare function drawValueAxis(g: Selection, axis: ValueAxis, y: number, unit: MetricUnit): void;
