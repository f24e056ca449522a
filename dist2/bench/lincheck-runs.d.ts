interface RecordedRun {
    readonly label: string;
    readonly scenario: string;
    readonly seed: number;
    readonly bugs: readonly string[];
}
/** Sweep seeds of the default exploration and the other scenarios' kinds of load; the stale-read fixture with
 *  and without its bug. */
export declare const RECORDED_RUNS: readonly RecordedRun[];
export interface RunCheckTiming {
    readonly label: string;
    readonly operations: number;
    readonly keys: number;
    readonly verdict: string;
    readonly steps: number;
    readonly checkMs: number;
    readonly runMs: number;
}
export declare function timeRecordedRun(run: RecordedRun, repeats: number): RunCheckTiming;
export declare function benchRecordedRuns(repeats: number): void;
export {};
