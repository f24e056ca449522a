/** Thrown for input that is not a raftsim trace; `line` is 1-based. */
export class TraceFormatError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(`trace line ${line}: ${message}`);
    this.name = 'TraceFormatError';
  }
}
