import type { Selection } from 'd3-node';
export interface SweepCoverage {
    readonly name: string;
    /** Seeds that reached it at least once. */
    readonly seeds: number;
}
/** Two columns of bars, seeds reaching each situation out of the sweep's; returns the height. */
export declare function drawCoveragePanel(g: Selection, topPx: number, widthPx: number, coverage: readonly SweepCoverage[], totalSeeds: number): number;
