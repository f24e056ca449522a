// Run and sweep parameters (meta.params, a sweep's `parameters`) as flat "dotted.key = value" pairs, for
// headers and for the "what differs" list of the comparison reports.
import { formatDurationUs } from './format.js';
/** Flattens meta.params to dotted keys with display values; arrays are summarized. */
export function flattenParams(value, prefix, out) {
    if (out.size > 5_000)
        return;
    if (Array.isArray(value)) {
        const simple = value.every((item) => item === null || typeof item !== 'object');
        out.set(prefix, simple && value.length <= 8 ? JSON.stringify(value) : `${value.length} items`);
        return;
    }
    if (value !== null && typeof value === 'object') {
        const entries = Object.entries(value);
        if (entries.length === 0)
            out.set(prefix, '{}');
        for (const [key, item] of entries)
            flattenParams(item, prefix === '' ? key : `${prefix}.${key}`, out);
        return;
    }
    out.set(prefix, formatParam(prefix, value));
}
/** A duration written in a scenario's own form ("133980.804ms", "2min", "500us"), in µs; null for anything else. */
function scenarioDuration(text) {
    const match = /^([+-]?\d+(?:\.\d+)?)(us|µs|ms|s|min|h)$/.exec(text.trim());
    if (match === null)
        return null;
    const scale = { us: 1, µs: 1, ms: 1_000, s: 1_000_000, min: 60_000_000, h: 3_600_000_000 };
    return Number(match[1]) * scale[match[2]];
}
/** A value for the headers: durations in the report's one format (format.ts), whether µs numbers or scenario text. */
export function formatParam(key, value) {
    if (typeof value === 'number' && /Us$/.test(key))
        return formatDurationUs(value);
    if (typeof value === 'string') {
        const us = scenarioDuration(value);
        if (us !== null)
            return formatDurationUs(us);
        const range = /^(.+?)\.\.(.+)$/.exec(value);
        if (range !== null && scenarioDuration(range[1]) !== null && scenarioDuration(range[2]) !== null)
            return `${formatDurationUs(scenarioDuration(range[1]))}–${formatDurationUs(scenarioDuration(range[2]))}`;
    }
    if (typeof value === 'boolean')
        return value ? 'on' : 'off';
    if (value === undefined)
        return '(absent)';
    return typeof value === 'string' ? value : JSON.stringify(value);
}
/** Parameters whose values differ between the two runs, in A's key order then B's new keys. */
export function parameterDiff(a, b) {
    const flatA = new Map();
    const flatB = new Map();
    flattenParams(a, '', flatA);
    flattenParams(b, '', flatB);
    const keys = [...flatA.keys(), ...[...flatB.keys()].filter((key) => !flatA.has(key))];
    const out = [];
    for (const key of keys) {
        const va = flatA.get(key) ?? '(absent)';
        const vb = flatB.get(key) ?? '(absent)';
        if (va !== vb)
            out.push({ key, a: va, b: vb });
    }
    return out;
}
//# sourceMappingURL=params.js.map