import type { Selection } from 'd3-node';
import type { RunTag } from '../theme.js';
import { type SweepSeed } from './input.js';
/** Failing seeds, two lines each: seed, verdict, invariant, message; then the replay command. Returns the height. */
export declare function drawFailingTable(g: Selection, topPx: number, widthPx: number, sweeps: readonly {
    readonly tag: RunTag | null;
    readonly seeds: readonly SweepSeed[];
}[], maxRows: number): number;
