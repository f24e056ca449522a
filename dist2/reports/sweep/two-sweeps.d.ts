import { type SweepReportInput, type SweepReportOptions } from './input.js';
export type LabelledSweep = SweepReportInput & {
    readonly label: string;
};
/**
 * Two sweeps on shared axes: per metric, A's distribution above B's on the same value axis and the same
 * y scale (seed counts, or shares of seeds when the sweeps have different sizes), each with its p50/p90/p99
 * in its colour; then both sweeps' failing seeds.
 */
export declare function renderSweepComparison(a: LabelledSweep, b: LabelledSweep, options?: SweepReportOptions): string;
