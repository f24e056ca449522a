/** Bad input from the user (unknown scenario, malformed file, invalid flag value): exit code 2, one paragraph,
 *  no stack trace. */
export class UsageError extends Error {
    constructor(message) {
        super(message);
        this.name = 'UsageError';
    }
}
/** The command line's exit codes (docs/cli.md). `safety` includes a non-linearizable client history (invariant
 *  Linearizable or LinearizableRead); a linearizability verdict of Unknown (undecided) keeps `ok`, and the run
 *  summary and result.json say Unknown. `interrupted`: a sweep stopped by Ctrl-C (or SIGTERM). */
export const exitCodes = { ok: 0, safety: 1, usage: 2, liveness: 3, interrupted: 130 };
//# sourceMappingURL=errors.js.map