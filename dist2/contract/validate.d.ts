/**
 * Run-time check of a parsed JSON value against the trace contract (trace.ts): what a reader of a trace file
 * does before it trusts a line as a TraceRecord. Problems come back as one sentence naming the record type and
 * the field, so a reader can prefix the file and line; nothing here throws on bad input.
 */
import { type TraceRecord, type TraceRecordType } from './trace.js';
export type JsonObject = {
    readonly [key: string]: unknown;
};
export interface CheckOptions {
    /** Fields the contract requires that may nevertheless be absent, per record type: a reader that also accepts
     *  traces written before those fields existed. */
    readonly mayLack?: {
        readonly [K in TraceRecordType]?: readonly string[];
    };
}
/** Checks that `value` is an object with a `t` (non-negative integer microseconds) and a string `type`. */
export declare function recordHeaderProblem(value: unknown): string | null;
/** Checks a record whose header is valid: a known type, every field of the contract present (unless optional
 *  or in mayLack) with its type, and no other field. */
export declare function recordBodyProblem(record: JsonObject & {
    readonly type: string;
}, options?: CheckOptions): string | null;
/** Header and body in one: null when `value` is a TraceRecord. */
export declare function traceRecordProblem(value: unknown, options?: CheckOptions): string | null;
export declare function isTraceRecord(value: unknown): value is TraceRecord;
