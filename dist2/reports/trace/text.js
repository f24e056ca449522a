// Number formats of the hover details the trace handlers write into the model: the report's one set
// (format.ts), so a duration reads the same in a hover title as on the page ("1.224 s", not "1224.4 ms").
import { formatDurationUs, formatTimeUs } from '../format.js';
/** A duration: "12.3 ms", "1.224 s" (formatDurationUs). */
export function formatMs(us) {
    return formatDurationUs(us);
}
/** A true time for hover details: "12.345678 s". */
export function formatSeconds(us) {
    return formatTimeUs(us);
}
/** A group of node ids: "{n1,n2}". */
export function brace(nodes) {
    return `{${nodes.join(',')}}`;
}
//# sourceMappingURL=text.js.map