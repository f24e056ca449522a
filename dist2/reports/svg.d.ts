import type { ContinuousScale, D3Module, Selection } from 'd3-node';
import type { RunModel } from './model.js';
import { type RunTag } from './theme.js';
import type { DetailWindow } from './window.js';
export interface ReportContext {
    readonly d3: D3Module;
    readonly model: RunModel;
    readonly widthPx: number;
    /** Horizontal extent of every time plot (lanes and charts share it). */
    readonly plotLeftPx: number;
    readonly plotRightPx: number;
    /** The whole run, [0, endUs], onto [plotLeftPx, plotRightPx]. */
    readonly x: ContinuousScale;
    readonly window: DetailWindow;
    readonly maxArrows: number;
    /** Per-node series colour (charts, lane swatches). */
    nodeColor(node: string): string;
}
/** Appends a <title> (the browser's hover tooltip) with trace-derived text made XML-safe. */
export declare function addTitle(selection: Selection, text: string): Selection;
export declare function appendRect(parent: Selection, x: number, y: number, width: number, height: number, className: string): Selection;
export declare function appendLine(parent: Selection, x1: number, y1: number, x2: number, y2: number, className: string): Selection;
export declare function appendText(parent: Selection, x: number, y: number, text: string, className?: string): Selection;
export declare function translate(x: number, y: number): string;
/**
 * A time axis drawn with d3 scale ticks: a base line at `y`, tick labels above or below, and optional light
 * grid lines from gridTopPx to gridBottomPx. Labels are in s, ms or µs depending on the tick step.
 */
export declare function drawTimeAxis(parent: Selection, scale: ContinuousScale, y: number, 
/** labels 'none': the base line and tick marks only (a chart whose neighbour below carries the labels). */
options: {
    labels: 'above' | 'below' | 'none';
    gridTopPx?: number;
    gridBottomPx?: number;
    tickCount?: number;
}): void;
/** Clip path with a fixed id, so marks never spill out of their panel. */
export declare function appendClip(defsParent: Selection, id: string, x: number, y: number, width: number, height: number): void;
/**
 * A comparison's run tag at (x, baseline y): the run letter in a box of the run's colour, then its label in
 * that colour. Returns the width used.
 */
export declare function drawRunTag(parent: Selection, x: number, y: number, tag: RunTag, fontPx?: number): number;
