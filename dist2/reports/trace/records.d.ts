import type { TraceRecordOf, TraceRecordType } from '../../contract/trace.js';
import { type JsonObject } from '../../contract/validate.js';
/**
 * Fields the simulator always writes that the report also renders without, for traces written before the fields
 * existed (test/fixtures/reports/synthetic-safety.jsonl keeps that shape): the hover text then leaves them out.
 */
export declare const LEGACY_OPTIONAL_FIELDS: {
    readonly snapshot: readonly ["round", "bytes", "startedUs"];
    readonly 'election-latency': readonly ["leader", "term"];
};
type LegacyOptional<K extends TraceRecordType> = K extends keyof typeof LEGACY_OPTIONAL_FIELDS ? (typeof LEGACY_OPTIONAL_FIELDS)[K][number] : never;
/** A record as the report receives it: the contract's record, the legacy-optional fields possibly absent. */
export type ReportRecordOf<K extends TraceRecordType> = [LegacyOptional<K>] extends [never] ? TraceRecordOf<K> : WithOptional<TraceRecordOf<K>, LegacyOptional<K>>;
type WithOptional<R, F> = {
    readonly [P in keyof R as P extends F ? never : P]: R[P];
} & {
    readonly [P in keyof R as P extends F ? P : never]?: R[P];
};
export type ReportRecord = {
    [K in TraceRecordType]: ReportRecordOf<K>;
}[TraceRecordType];
/** A parsed line whose `t` and `type` are valid; its other fields are not checked yet. */
export type RecordHeader = JsonObject & {
    readonly t: number;
    readonly type: string;
};
/** Parses a non-blank line and checks `t` and `type`. */
export declare function parseRecordHeader(raw: string, line: number): RecordHeader;
/** Checks the rest of the record against the contract: a known type with exactly its fields. */
export declare function checkRecordBody(header: RecordHeader, line: number): ReportRecord;
export {};
