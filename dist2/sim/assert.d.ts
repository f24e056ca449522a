/**
 * Invariant helpers for the simulation kernel.
 *
 * A broken invariant in a deterministic simulator is a bug in the harness (or in the code under test), never
 * an expected condition, so we throw immediately with a message that names the violated rule. Callers on hot
 * paths should test the condition inline and only call `fail` on the slow path, so the message string is not
 * built for every event.
 */
/** Error thrown when a kernel invariant or bound is violated. A distinct class so tests can tell bugs apart. */
export declare class InvariantError extends Error {
    constructor(message: string);
}
/** Throws an InvariantError. Typed `never` so TypeScript narrows after the call. */
export declare function fail(message: string): never;
/** Throws an InvariantError with `message` when `cond` is falsy. */
export declare function assert(cond: unknown, message: string): asserts cond;
/** Alias of `assert`, for code that prefers the invariant() spelling. */
export declare const invariant: (cond: unknown, message: string) => asserts cond;
/** Asserts that `value` is a safe integer (an exact count of microseconds, bytes, ...). */
export declare function assertSafeInteger(value: number, what: string): void;
/** Asserts that `value` is a non-negative safe integer. */
export declare function assertNonNegativeInteger(value: number, what: string): void;
/** Asserts that `value` is a probability: a finite number in [0, 1]. NaN fails. */
export declare function assertProbability(value: number, what: string): void;
