/** Bad input from the user (unknown scenario, malformed file, invalid flag value): exit code 2, one paragraph,
 *  no stack trace. */
export declare class UsageError extends Error {
    constructor(message: string);
}
/** The command line's exit codes (docs/cli.md). `safety` includes a non-linearizable client history (invariant
 *  Linearizable or LinearizableRead); a linearizability verdict of Unknown (undecided) keeps `ok`, and the run
 *  summary and result.json say Unknown. `interrupted`: a sweep stopped by Ctrl-C (or SIGTERM). */
export declare const exitCodes: {
    readonly ok: 0;
    readonly safety: 1;
    readonly usage: 2;
    readonly liveness: 3;
    readonly interrupted: 130;
};
