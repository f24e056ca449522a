export interface Interval {
    readonly left: number;
    readonly right: number;
}
/**
 * Greedy interval partitioning: labels in order of their left edge, each in the first row whose last label
 * ends at least `gapPx` before it starts. Returns each label's row (in the input order), or -1 for a label
 * that would need more than `maxRows` rows (the caller leaves it to a hover title).
 */
export declare function packRows(boxes: readonly Interval[], gapPx?: number, maxRows?: number): number[];
/** True when two intervals overlap (touching edges do not). */
export declare function overlaps(a: Interval, b: Interval): boolean;
