import type { Selection } from 'd3-node';
import { type ReportContext } from '../svg.js';
import { type LaneGeometry } from './lanes.js';
/** Point marks on lanes, at most one per (node, kind, pixel column): hover titles list what was merged. */
export declare function drawMarks(ctx: ReportContext, g: Selection, geometry: LaneGeometry): void;
