import * as z from 'zod';
export type Ctx = z.core.$RefinementCtx<unknown>;
export declare function addIssue(ctx: Ctx, path: readonly PropertyKey[], input: unknown, expected: string, found?: string): void;
/** The `expected` of an unknown key: the likely meant key first, then every key allowed there. */
export declare function unknownKeyExpected(key: string, allowed: readonly string[]): string;
/** Forwards the issues of a nested parse, so their paths stay relative to the current value. */
export declare function forward(ctx: Ctx, issues: readonly z.core.$ZodIssue[]): void;
/** A value parsed by one of the unit parsers; undefined stays undefined (the key is optional). */
export declare function unit<T>(parse: (value: unknown) => T): z.ZodOptional<z.ZodPipe<z.ZodUnknown, z.ZodTransform<Awaited<T> | undefined, unknown>>>;
/** A value parsed by one of the unit parsers, as a schema that may also stand for a required key. */
export declare function required<T>(parse: (value: unknown) => T): z.ZodPipe<z.ZodUnknown, z.ZodTransform<Awaited<T> | undefined, unknown>>;
/** Like unit(), but null, false and "off" mean "switched off" (null). */
export declare function unitOrOff<T>(parse: (value: unknown) => T, expected: string): z.ZodOptional<z.ZodPipe<z.ZodUnknown, z.ZodTransform<Awaited<T> | null | undefined, unknown>>>;
/** A duration above 0 (a period, a timeout). */
export declare function parsePositiveDuration(value: unknown): number;
export declare const duration: z.ZodOptional<z.ZodPipe<z.ZodUnknown, z.ZodTransform<number | undefined, unknown>>>;
export declare const positiveDuration: z.ZodOptional<z.ZodPipe<z.ZodUnknown, z.ZodTransform<number | undefined, unknown>>>;
export declare const signedDuration: z.ZodOptional<z.ZodPipe<z.ZodUnknown, z.ZodTransform<number | undefined, unknown>>>;
export declare const range: z.ZodOptional<z.ZodPipe<z.ZodUnknown, z.ZodTransform<import("./units.js").DurationRange | undefined, unknown>>>;
export declare const distribution: z.ZodOptional<z.ZodPipe<z.ZodUnknown, z.ZodTransform<import("../../sim/random.js").Distribution | undefined, unknown>>>;
export declare const probability: z.ZodOptional<z.ZodPipe<z.ZodUnknown, z.ZodTransform<number | undefined, unknown>>>;
export declare const ppm: z.ZodOptional<z.ZodPipe<z.ZodUnknown, z.ZodTransform<number | undefined, unknown>>>;
export declare const positiveSize: z.ZodOptional<z.ZodPipe<z.ZodUnknown, z.ZodTransform<number | undefined, unknown>>>;
export declare const count: z.ZodOptional<z.ZodPipe<z.ZodUnknown, z.ZodTransform<number | undefined, unknown>>>;
export declare const positiveCount: z.ZodOptional<z.ZodPipe<z.ZodUnknown, z.ZodTransform<number | undefined, unknown>>>;
/** true or false, strictly. */
export declare function parseStrictSwitch(value: unknown): boolean;
export declare const switchValue: z.ZodOptional<z.ZodPipe<z.ZodUnknown, z.ZodTransform<boolean | undefined, unknown>>>;
