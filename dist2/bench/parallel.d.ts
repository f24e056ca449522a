export interface ParallelBench {
    /** Wall seconds for one worker to run the job alone. */
    readonly oneWorkerWallS: number;
    /** Wall seconds for two workers running the same job at the same time. */
    readonly twoWorkersWallS: number;
    /** Work done per second by two workers over one: 2 x one / two. 2.0 would be perfect. */
    readonly scaling: number;
}
interface Job {
    readonly runs: number;
    readonly seconds: number;
}
/** Alternates one and two workers `repeats` times; medians of each. */
export declare function benchParallel(repeats: number, job?: Job): Promise<ParallelBench>;
export {};
