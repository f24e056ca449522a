/**
 * One operation of the history, by what the client learned of its outcome:
 * - 'ok': it returned `output` at `returnUs`;
 * - 'fail': it definitely did not take effect (rejected before it could be applied); it is excluded from the
 *   check. A compare-and-set that ran and found another value is NOT a failure: it is 'ok' with an output
 *   saying so;
 * - 'unknown': the client gave up (a timeout, or the run ended) and cannot tell whether it took effect. It may
 *   take effect at any time after its call or never; `returnUs` is when the client gave up (null when the run
 *   ended first) and is kept for drawing only: the check treats the return as +infinity.
 */
export type Operation<Input, Output> = {
    readonly status: 'ok';
    readonly clientId: number;
    readonly callUs: number;
    readonly returnUs: number;
    readonly input: Input;
    readonly output: Output;
} | {
    readonly status: 'fail';
    readonly clientId: number;
    readonly callUs: number;
    readonly returnUs: number;
    readonly input: Input;
    readonly output: null;
} | {
    readonly status: 'unknown';
    readonly clientId: number;
    readonly callUs: number;
    readonly returnUs: number | null;
    readonly input: Input;
    readonly output: null;
};
export type History<Input, Output> = readonly Operation<Input, Output>[];
export type OperationStatus = Operation<unknown, unknown>['status'];
/** A malformed history (a user input error): names the operation and the field. */
export declare class HistoryError extends Error {
    readonly operationIndex: number;
    constructor(operationIndex: number, message: string);
}
/** True when A must be linearized before B: A returned strictly before B was called. */
export declare function precedes(a: Operation<unknown, unknown>, b: Operation<unknown, unknown>): boolean;
/** Codes of HistoryColumns.status. */
export declare const STATUS_OK = 0;
export declare const STATUS_FAIL = 1;
export declare const STATUS_UNKNOWN = 2;
/**
 * The history read once into columns. User records may each have their own hidden class (objects built by
 * spreading do), which makes every property read megamorphic; reading each field exactly once here keeps the
 * rest of the check on typed arrays.
 */
export interface HistoryColumns<Input, Output> {
    readonly length: number;
    readonly status: Uint8Array;
    readonly callUs: Float64Array;
    /** The return for 'ok' and 'fail'; +Infinity for 'unknown' (it may take effect any time after its call). */
    readonly returnUs: Float64Array;
    readonly inputs: readonly Input[];
    /** The output for 'ok', null otherwise. */
    readonly outputs: readonly (Output | null)[];
}
/** Reads and validates the history; throws a HistoryError naming the first malformed operation. */
export declare function readHistory<Input, Output>(history: History<Input, Output>): HistoryColumns<Input, Output>;
/** Throws a HistoryError naming the first malformed operation. */
export declare function validateHistory(history: History<unknown, unknown>): void;
