import { type SweepReportInput, type SweepReportOptions } from './input.js';
/**
 * Renders one sweep as a standalone SVG: header (scenario, seeds, verdict counts, parameters), one
 * distribution panel per metric (two columns), the metrics that are constant or have no values, and the
 * failing seeds with their replay commands.
 */
export declare function renderSweepReport(input: SweepReportInput, options?: SweepReportOptions): string;
