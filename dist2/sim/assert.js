/**
 * Invariant helpers for the simulation kernel.
 *
 * A broken invariant in a deterministic simulator is a bug in the harness (or in the code under test), never
 * an expected condition, so we throw immediately with a message that names the violated rule. Callers on hot
 * paths should test the condition inline and only call `fail` on the slow path, so the message string is not
 * built for every event.
 */
/** Error thrown when a kernel invariant or bound is violated. A distinct class so tests can tell bugs apart. */
export class InvariantError extends Error {
    constructor(message) {
        super(message);
        this.name = 'InvariantError';
    }
}
/** Throws an InvariantError. Typed `never` so TypeScript narrows after the call. */
export function fail(message) {
    throw new InvariantError(message);
}
/** Throws an InvariantError with `message` when `cond` is falsy. */
export function assert(cond, message) {
    if (!cond)
        throw new InvariantError(message);
}
/** Alias of `assert`, for code that prefers the invariant() spelling. */
export const invariant = assert;
/** Asserts that `value` is a safe integer (an exact count of microseconds, bytes, ...). */
export function assertSafeInteger(value, what) {
    if (!Number.isSafeInteger(value))
        fail(`${what} must be a safe integer, got ${String(value)}`);
}
/** Asserts that `value` is a non-negative safe integer. */
export function assertNonNegativeInteger(value, what) {
    if (!Number.isSafeInteger(value) || value < 0)
        fail(`${what} must be a non-negative safe integer, got ${String(value)}`);
}
/** Asserts that `value` is a probability: a finite number in [0, 1]. NaN fails. */
export function assertProbability(value, what) {
    if (!(value >= 0 && value <= 1))
        fail(`${what} must be a probability in [0, 1], got ${String(value)}`);
}
//# sourceMappingURL=assert.js.map