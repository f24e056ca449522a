export type Comparison = '<' | '<=' | '>' | '>=' | '==' | '!=';
/** What a path measures, so a value's unit can be checked (a duration compared with a count is a mistake). */
export type Quantity = 'duration' | 'count' | 'bytes' | 'ratio' | 'word' | 'number';
export interface Expectation {
    /** As written in the scenario. */
    readonly expression: string;
    readonly path: string;
    readonly op: Comparison;
    /** Durations in microseconds, sizes in bytes, percentages as fractions. */
    readonly value: number | string | null;
    readonly quantity: Quantity;
}
export interface ExpectationResult {
    readonly expression: string;
    /** The measured value (durations in microseconds), or null when it was not measured. */
    readonly actual: number | string | null;
    readonly passed: boolean;
    /** Why it failed when the value was missing. */
    readonly note?: string;
}
type Shape = Quantity | {
    readonly [key: string]: Shape;
};
/** The documented shape of result.metrics (docs/metrics.md); `*` is any node, datacenter or message type. */
export declare const metricShape: {
    readonly [key: string]: Shape;
};
/** Result fields (outside metrics) an expectation may name. */
export declare const resultShape: {
    readonly [key: string]: Shape;
};
/** The quantity a dotted path measures, or a description of why the path is unknown. */
export declare function quantityOf(path: string): {
    quantity: Quantity;
} | {
    problem: string;
};
export declare const expectationForm = "an expectation such as \"electionLatency.p99 < 1s\", \"compaction.stallCount == 0\" or \"verdict == ok\" (PATH OP VALUE, OP one of < <= > >= == !=)";
/** Parses and type-checks one expectation; throws UnitError (completing "expected ...") when it is malformed. */
export declare function parseExpectation(expression: unknown): Expectation;
/** The object expectations look paths up in: the metrics at the top level and under `metrics`, plus result fields. */
export declare function expectationContext(result: {
    verdict: string;
    violation: {
        invariant: string;
    } | null;
    liveness: unknown;
    cluster: unknown;
    network: unknown;
    workload: unknown;
    simulatedUs: number;
    events: number;
    metrics?: unknown;
}): Record<string, unknown>;
export declare function lookup(context: unknown, path: string): unknown;
export declare function evaluateExpectation(expectation: Expectation, context: Record<string, unknown>): ExpectationResult;
export declare function evaluateExpectations(expectations: readonly Expectation[], context: Record<string, unknown>): ExpectationResult[];
/** A measured value in the expectation's own unit, for summaries. */
export declare function formatActual(expectation: Pick<Expectation, 'quantity'>, actual: number | string | null): string;
export {};
