import type { ContinuousScale, Selection } from 'd3-node';
import { type ReportContext } from '../svg.js';
/** Violation and liveness-phase lines across a panel; the violation is labelled with the invariant. */
export declare function drawRunMarkers(ctx: ReportContext, g: Selection, x: ContinuousScale, fromUs: number, toUs: number, topPx: number, bottomPx: number, 
/** Baseline of the marker labels, or null for unlabelled lines (charts). */
labelYPx: number | null): void;
/** True when the detail window shows the whole run, so highlighting it would say nothing. */
export declare function windowIsWholeRun(ctx: ReportContext): boolean;
