import { recordBodyProblem, recordHeaderProblem } from '../../contract/validate.js';
import { TraceFormatError } from './error.js';
/**
 * Fields the simulator always writes that the report also renders without, for traces written before the fields
 * existed (test/fixtures/reports/synthetic-safety.jsonl keeps that shape): the hover text then leaves them out.
 */
export const LEGACY_OPTIONAL_FIELDS = {
    snapshot: ['round', 'bytes', 'startedUs'],
    'election-latency': ['leader', 'term'],
};
const CHECK_OPTIONS = { mayLack: LEGACY_OPTIONAL_FIELDS };
/** Parses a non-blank line and checks `t` and `type`. */
export function parseRecordHeader(raw, line) {
    let parsed;
    try {
        parsed = JSON.parse(raw);
    }
    catch (error) {
        throw new TraceFormatError(`invalid JSON (${error instanceof Error ? error.message : String(error)})`, line);
    }
    const problem = recordHeaderProblem(parsed);
    if (problem !== null)
        throw new TraceFormatError(problem, line);
    return parsed;
}
/** Checks the rest of the record against the contract: a known type with exactly its fields. */
export function checkRecordBody(header, line) {
    const problem = recordBodyProblem(header, CHECK_OPTIONS);
    if (problem !== null)
        throw new TraceFormatError(problem, line);
    return header;
}
//# sourceMappingURL=records.js.map