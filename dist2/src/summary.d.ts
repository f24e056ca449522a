import type { ResultJson } from './result.js';
import type { ReplayReport } from './replay.js';
import { type ShrinkReport } from './shrink.js';
import type { SweepSummary } from './sweep.js';
export declare function runSummary(result: ResultJson, files?: readonly string[]): string;
export declare function sweepText(summary: SweepSummary, elapsedMs: number | null): string;
/** Two long lines cut around their first difference, so the difference is visible. */
export declare function excerpts(a: string, b: string, width?: number): [string, string];
export declare function replayText(report: ReplayReport): string;
export declare function shrinkText(report: ShrinkReport, ref: string, seed: number, outFile: string | null): string;
