import type { Selection } from 'd3-node';
import type { Run } from './run.js';
/** Title and, per run, its tag, verdict badge, facts and key parameters. Returns the height used. */
export declare function drawComparisonHeader(a: Run, b: Run, root: Selection, widthPx: number, title: string | undefined): number;
