import { percentile } from '../contract/percentile.js';
export { percentile };
export interface Distribution {
    readonly count: number;
    readonly min: number | null;
    readonly p50: number | null;
    readonly p90: number | null;
    readonly p99: number | null;
    readonly max: number | null;
    readonly mean: number | null;
}
export declare function distributionOf(values: ArrayLike<number>): Distribution;
