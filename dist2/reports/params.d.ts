/** Flattens meta.params to dotted keys with display values; arrays are summarized. */
export declare function flattenParams(value: unknown, prefix: string, out: Map<string, string>): void;
/** A value for the headers: durations in the report's one format (format.ts), whether µs numbers or scenario text. */
export declare function formatParam(key: string, value: unknown): string;
/** Parameters whose values differ between the two runs, in A's key order then B's new keys. */
export declare function parameterDiff(a: Readonly<Record<string, unknown>>, b: Readonly<Record<string, unknown>>): {
    key: string;
    a: string;
    b: string;
}[];
