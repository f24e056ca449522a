import { D3Node, type D3Module, type Selection } from 'd3-node';
import { type SweepSeed } from './input.js';
export interface Doc {
    readonly d3n: D3Node;
    readonly d3: D3Module;
    readonly svg: Selection;
    readonly root: Selection;
    readonly background: Selection;
    readonly widthPx: number;
}
export declare function newDocument(widthPx: number): Doc;
export declare function finish(doc: Doc, contentBottomPx: number, note: string): string;
/** Verdict counts as coloured chips and a proportional bar. Returns the x after them. */
export declare function drawVerdictSummary(g: Selection, x: number, y: number, seeds: readonly SweepSeed[]): number;
export declare function seedRange(seeds: readonly SweepSeed[]): string;
/** The parameters as "key value" pairs wrapped to the width, at most `maxLines` lines. Returns the y after them. */
export declare function drawParameters(g: Selection, x: number, y: number, widthPx: number, parameters: Readonly<Record<string, unknown>> | undefined, maxLines?: number): number;
/** A wrapped list of metric names (constant ones, ones without values). Returns the y after it. */
export declare function drawNameList(root: Selection, y: number, widthPx: number, heading: string, items: readonly string[]): number;
/** Panel title: metric name, then a note cut to the panel's width (the full note is its hover title). */
export declare function panelTitle(g: Selection, leftPx: number, rightPx: number, name: string, note: string): void;
