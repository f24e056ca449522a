import type { RunModel } from './model.js';
import type { ReportExpectation, RunResultInfo } from './run-result.js';
/** The model with the run's result attached (what `raftsim run --report` and `raftsim report DIR` draw). */
export declare function withRunResult(model: RunModel, result: RunResultInfo | null): RunModel;
export interface Badge {
    readonly text: string;
    readonly color: string;
    readonly title: string;
}
/** The verdict badge: the run's outcome (its exit code) when the result is known, else what the trace says. */
export declare function verdictBadge(model: RunModel): Badge;
/** A measured value in its unit, formatted as everywhere in the reports. */
export declare function formatMeasured(expectation: Pick<ReportExpectation, 'actual' | 'quantity'>): string;
/** One line per expectation: "✗ FAIL electionLatency.p99 < 100ms — measured 181 ms". */
export declare function expectationLines(model: RunModel): {
    readonly text: string;
    readonly passed: boolean;
}[];
