// One trace line to a typed record: JSON, then the header (t, type) and, once the caller has checked the framing,
// the body against the contract (contract/validate.ts). Anything else is a TraceFormatError naming the line.
import type { TraceRecordFields, TraceRecordOf, TraceRecordType } from '../../contract/trace.js';
import { recordBodyProblem, recordHeaderProblem, type CheckOptions, type JsonObject } from '../../contract/validate.js';
import { TraceFormatError } from './error.js';

/**
 * Fields the simulator always writes that the report also renders without, for traces written before the fields
 * existed (test/fixtures/reports/synthetic-safety.jsonl keeps that shape): the hover text then leaves them out.
 */
export const LEGACY_OPTIONAL_FIELDS = {
  snapshot: ['round', 'bytes', 'startedUs'],
  'election-latency': ['leader', 'term'],
} as const satisfies { readonly [K in TraceRecordType]?: readonly (keyof TraceRecordFields[K])[] };

type LegacyOptional<K extends TraceRecordType> = K extends keyof typeof LEGACY_OPTIONAL_FIELDS ? (typeof LEGACY_OPTIONAL_FIELDS)[K][number] : never;

/** A record as the report receives it: the contract's record, the legacy-optional fields possibly absent. */
export type ReportRecordOf<K extends TraceRecordType> = [LegacyOptional<K>] extends [never] ? TraceRecordOf<K> : WithOptional<TraceRecordOf<K>, LegacyOptional<K>>;

type WithOptional<R, F> = { readonly [P in keyof R as P extends F ? never : P]: R[P] } & { readonly [P in keyof R as P extends F ? P : never]?: R[P] };

export type ReportRecord = { [K in TraceRecordType]: ReportRecordOf<K> }[TraceRecordType];

/** A parsed line whose `t` and `type` are valid; its other fields are not checked yet. */
export type RecordHeader = JsonObject & { readonly t: number; readonly type: string };

const CHECK_OPTIONS: CheckOptions = { mayLack: LEGACY_OPTIONAL_FIELDS };

/** Parses a non-blank line and checks `t` and `type`. */
export function parseRecordHeader(raw: string, line: number): RecordHeader {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch (error) {
    throw new TraceFormatError(`invalid JSON (${error instanceof Error ? error.message : String(error)})`, line);
  }
  const problem = recordHeaderProblem(parsed);
  if (problem !== null) throw new TraceFormatError(problem, line);
  return parsed as RecordHeader;
}

/** Checks the rest of the record against the contract: a known type with exactly its fields. */
export function checkRecordBody(header: RecordHeader, line: number): ReportRecord {
  const problem = recordBodyProblem(header, CHECK_OPTIONS);
  if (problem !== null) throw new TraceFormatError(problem, line);
  return header as unknown as ReportRecord;
}
