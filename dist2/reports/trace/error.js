/** Thrown for input that is not a raftsim trace; `line` is 1-based. */
export class TraceFormatError extends Error {
    line;
    constructor(message, line) {
        super(`trace line ${line}: ${message}`);
        this.line = line;
        this.name = 'TraceFormatError';
    }
}
//# sourceMappingURL=error.js.map