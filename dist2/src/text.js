// Formatting shared by the command line's text (run, sweep, replay, shrink, compare summaries and messages):
// durations in the scenario files' style (formatUs: 150ms, 1.5s, written back as they would be typed), plurals,
// and long values abbreviated. Deterministic and locale-free. (The SVG reports format in reports/format.ts.)
import { formatUs } from '../sim/random.js';
export { formatUs };
/** A count and its noun: "1 leader", "2 leaders", "1 entry", "3 entries". */
export function plural(count, singular, pluralForm) {
    const many = pluralForm ?? (/[^aeiou]y$/.test(singular) ? `${singular.slice(0, -1)}ies` : /(s|x|ch|sh)$/.test(singular) ? `${singular}es` : `${singular}s`);
    return `${count} ${count === 1 ? singular : many}`;
}
/** A duration in simulated microseconds; '-' when unknown. */
export function us(value) {
    return value === null || value === undefined || !Number.isFinite(value) ? '-' : formatUs(Math.round(value));
}
/** A real (wall-clock) duration in milliseconds, in the same style as simulated time: 392ms, 1.234s. */
export function ms(value) {
    return formatUs(Math.round(value * 1000));
}
/** Text cut to `max` characters with its full length, for quoting values inside messages (whole in result.json). */
export function abbreviate(text, max = 80) {
    if (text.length <= max)
        return text;
    return `${text.slice(0, max)}... (${text.length} chars)`;
}
/** A message with every long value in it (a quoted string, or a run of text without spaces) abbreviated. */
export function abbreviateValues(message, max = 80) {
    return message.replace(/"(?:[^"\\]|\\.)*"|\S+/g, (value) => abbreviate(value, max));
}
/** A scenario's question as it applies to this run: a node count it names ("a 5-node cluster", "5 nodes") is
 *  the run's, and override flags are said (the question was written for the file's own values). */
export function questionFor(question, nodes, flags) {
    if (flags.length === 0)
        return question;
    const counted = question.replace(/\b(\d+)-node\b/g, `${nodes}-node`).replace(/\b(\d+) nodes\b/g, plural(nodes, 'node'));
    return `${counted} (with ${flags.join(' ')})`;
}
/** A size for people, in the units of scenario files: 512B, 159KiB, 1.5MiB (one decimal at most). */
export function size(bytes) {
    const trim = (x) => String(Number(x.toFixed(1)));
    if (bytes >= 1_073_741_824)
        return `${trim(bytes / 1_073_741_824)}GiB`;
    if (bytes >= 1_048_576)
        return `${trim(bytes / 1_048_576)}MiB`;
    if (bytes >= 1_024)
        return `${trim(bytes / 1_024)}KiB`;
    return `${Math.round(bytes)}B`;
}
//# sourceMappingURL=text.js.map