import { type CatalogueBug } from '../sim/bugs.js';
interface Options {
    readonly offsets: readonly number[];
    readonly maxSeeds: number;
    readonly only: readonly string[] | null;
    readonly workers: number;
    readonly scenario: string;
    readonly out: string | null;
    readonly seedsOut: string | null;
}
/** One search from one offset. */
interface Search {
    readonly offset: number;
    /** Seeds run until the first detection, that one included; null when none of maxSeeds failed. */
    readonly seedsToDetection: number | null;
    readonly detectingSeed: number | null;
    readonly cpuSeconds: number;
    /** The invariant that failed, 'liveness', or null. */
    readonly detectedBy: string | null;
}
export interface BugResult {
    readonly name: string;
    readonly layer: string;
    readonly breaks: string;
    readonly searches: readonly Search[];
    readonly medianSeeds: number | null;
    readonly worstSeeds: number | null;
    readonly medianCpuSeconds: number;
    readonly foundInEvery: boolean;
    /** Whether every detection was the property the bug breaks is for a reader to judge; this is the set seen. */
    readonly detectedBy: readonly string[];
}
export declare function measureBug(bug: CatalogueBug, options: Options): BugResult;
export {};
