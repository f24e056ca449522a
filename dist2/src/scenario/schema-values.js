// The building blocks of the scenario schema (schema.ts, fault-items.ts): zod schemas for values in human units,
// each parsed by one of the exact parsers of units.ts, and the issue format every problem is reported in (a path
// into the file and an `expected` that completes "found X, expected ...").
import * as z from 'zod';
import { suggest } from './errors.js';
import { UnitError, expectedText, parseCount, parseDistribution, parseDuration, parsePpm, parseProbability, parseRange, parseSignedDuration, parseSize } from './units.js';
export function addIssue(ctx, path, input, expected, found) {
    ctx.addIssue({ code: 'custom', message: `expected ${expected}`, path: [...path], input, params: { expected, ...(found !== undefined ? { found } : {}) } });
}
/** The `expected` of an unknown key: the likely meant key first, then every key allowed there. */
export function unknownKeyExpected(key, allowed) {
    const hint = suggest(key, allowed);
    return `${hint !== null ? `"${hint}" (did you mean it?), or ` : ''}one of the keys ${allowed.join(', ')}`;
}
/** Forwards the issues of a nested parse, so their paths stay relative to the current value. */
export function forward(ctx, issues) {
    for (const issue of issues)
        ctx.addIssue({ ...issue, path: [...issue.path] });
}
/** A value parsed by one of the unit parsers; undefined stays undefined (the key is optional). */
export function unit(parse) {
    return required(parse).optional();
}
/** A value parsed by one of the unit parsers, as a schema that may also stand for a required key. */
export function required(parse) {
    return z.unknown().transform((value, ctx) => {
        if (value === undefined)
            return undefined;
        try {
            return parse(value);
        }
        catch (error) {
            if (!(error instanceof UnitError))
                throw error;
            addIssue(ctx, [], value, error.expected);
            return z.NEVER;
        }
    });
}
/** Like unit(), but null, false and "off" mean "switched off" (null). */
export function unitOrOff(parse, expected) {
    return z.unknown().transform((value, ctx) => {
        if (value === undefined)
            return undefined;
        if (value === null || value === false || value === 'off')
            return null;
        try {
            return parse(value);
        }
        catch (error) {
            if (!(error instanceof UnitError))
                throw error;
            addIssue(ctx, [], value, `${expected}, or off`);
            return z.NEVER;
        }
    }).optional();
}
/** A duration above 0 (a period, a timeout). */
export function parsePositiveDuration(value) {
    const us = parseDuration(value);
    if (us === 0)
        throw new UnitError(`${expectedText.duration}, above 0`);
    return us;
}
export const duration = unit(parseDuration);
export const positiveDuration = unit(parsePositiveDuration);
export const signedDuration = unit(parseSignedDuration);
export const range = unit(parseRange);
export const distribution = unit(parseDistribution);
export const probability = unit(parseProbability);
export const ppm = unit(parsePpm);
export const positiveSize = unit((value) => {
    const bytes = parseSize(value);
    if (bytes === 0)
        throw new UnitError(`${expectedText.size}, above 0`);
    return bytes;
});
export const count = unit((value) => parseCount(value));
export const positiveCount = unit((value) => {
    const n = parseCount(value);
    if (n === 0)
        throw new UnitError('a whole number >= 1');
    return n;
});
/** true or false, strictly. */
export function parseStrictSwitch(value) {
    if (typeof value !== 'boolean')
        throw new UnitError(expectedText.switch);
    return value;
}
export const switchValue = unit(parseStrictSwitch);
//# sourceMappingURL=schema-values.js.map