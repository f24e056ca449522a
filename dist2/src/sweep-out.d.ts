import type { SeedSummary } from './result.js';
import { type SweepFile } from './sweep.js';
export declare const seedsFile = "seeds.jsonl";
/** Starts a fresh sweep in `dir`: an empty seeds.jsonl. */
export declare function startSeedsFile(dir: string): void;
/** Appends one finished seed to DIR/seeds.jsonl. */
export declare function appendSeed(dir: string, summary: SeedSummary): void;
/** The seeds DIR/seeds.jsonl holds, once each, among `wanted`; a last line cut short by a crash is ignored. */
export declare function readSeeds(dir: string, wanted: ReadonlySet<number>): SeedSummary[];
export declare function writeSweepJson(dir: string, file: SweepFile): void;
