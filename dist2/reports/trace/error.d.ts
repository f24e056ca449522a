/** Thrown for input that is not a raftsim trace; `line` is 1-based. */
export declare class TraceFormatError extends Error {
    readonly line: number;
    constructor(message: string, line: number);
}
