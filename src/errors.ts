/** Bad input from the user (unknown scenario, malformed file, invalid flag value): exit code 2, one paragraph,
 *  no stack trace. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export const exitCodes = { ok: 0, safety: 1, usage: 2, liveness: 3, interrupted: 130 } as const;
