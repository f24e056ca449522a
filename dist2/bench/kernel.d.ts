export interface KernelBenchResult {
    bareEventsPerSec: number;
    schedulerEventsPerSec: number;
    ratio: number;
    pending: number;
    events: number;
}
/** Median of repeated measurements (the mean of the middle two for an even count); every bench figure uses it. */
export declare function median(values: readonly number[]): number;
export declare function benchKernel(options?: {
    events?: number;
    pending?: number;
    repeats?: number;
}): KernelBenchResult;
