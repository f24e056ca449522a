/** Nearest-rank percentile of ascending `sorted` (p in [0, 100]); null when there are none. */
export declare function percentile(sorted: ArrayLike<number>, p: number): number | null;
