/**
 * The output of an operation whose outcome is unknown (a timeout, or the run ended). A model's step receives
 * it instead of an output and must accept every output the operation could have produced in that state (for
 * a compare-and-set: whichever of success and failure the state implies).
 */
export const UNKNOWN = Symbol('linearizability.unknown-output');
/** A partition function for models whose operations each touch one key: one partition per key, in order of
 *  first appearance in the history (so verdicts list keys deterministically). */
export function partitionByKey(keyOf) {
    return (history) => {
        const byKey = new Map();
        for (let index = 0; index < history.length; index++) {
            const key = keyOf(history[index].input);
            const indices = byKey.get(key);
            if (indices === undefined)
                byKey.set(key, [index]);
            else
                indices.push(index);
        }
        const partitions = [];
        for (const [label, indices] of byKey)
            partitions.push({ label, indices });
        return partitions;
    };
}
/** Shortens a long value for messages: the first `maxChars` characters and how long it really is. Reports
 *  keep the full value in the data; only text is abbreviated. */
export function abbreviate(text, maxChars = 24) {
    if (text.length <= maxChars)
        return text;
    return `${text.slice(0, maxChars)}…(${text.length} chars)`;
}
//# sourceMappingURL=model.js.map