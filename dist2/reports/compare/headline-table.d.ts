import type { Selection } from 'd3-node';
import type { Run } from './run.js';
/** Headline metrics of both runs with paired bars, and the parameters that differ. Returns the height used. */
export declare function drawHeadlineTable(a: Run, b: Run, root: Selection, topPx: number, widthPx: number): number;
