// Helpers for writing a scenario in the file's own form (serialize.ts and the fault entries).
/** Drops undefined fields, and objects left empty. */
export function compact(value) {
    const out = {};
    for (const [key, item] of Object.entries(value))
        if (item !== undefined)
            out[key] = item;
    return Object.keys(out).length === 0 ? undefined : out;
}
/** The formatted value, or undefined when the value is. */
export const opt = (value, format) => (value === undefined ? undefined : format(value));
/** Like opt(), with null written as off. */
export const offOr = (value, format) => (value === undefined ? undefined : value === null ? 'off' : format(value));
//# sourceMappingURL=document.js.map