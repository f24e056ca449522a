// The client history a linearizability check judges: one record per operation a client invoked, with the
// virtual times of its call and return (Herlihy & Wing 1990, "Linearizability: a correctness condition for
// concurrent objects", section 2: a history is a sequence of invocation and response events).
//
// Times are exact integers in microseconds, the trace's virtual times. Real-time order is strict:
// operation A precedes operation B iff A.returnUs < B.callUs. Equal times are concurrent, because a response
// and an invocation recorded at the same virtual microsecond are not ordered by anything the clients saw.

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
export type Operation<Input, Output> =
  | {
      readonly status: 'ok';
      readonly clientId: number;
      readonly callUs: number;
      readonly returnUs: number;
      readonly input: Input;
      readonly output: Output;
    }
  | {
      readonly status: 'fail';
      readonly clientId: number;
      readonly callUs: number;
      readonly returnUs: number;
      readonly input: Input;
      readonly output: null;
    }
  | {
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
export class HistoryError extends Error {
  constructor(
    readonly operationIndex: number,
    message: string,
  ) {
    super(message);
    this.name = 'HistoryError';
  }
}

/** True when A must be linearized before B: A returned strictly before B was called. */
export function precedes(a: Operation<unknown, unknown>, b: Operation<unknown, unknown>): boolean {
  // An unknown outcome's return is +infinity: it precedes nothing.
  if (a.status === 'unknown') return false;
  return a.returnUs < b.callUs;
}

/** Throws a HistoryError naming the first malformed operation. */
export function validateHistory(history: History<unknown, unknown>): void {
  if (!Array.isArray(history)) throw new HistoryError(-1, 'linearizability: the history must be an array of operations');
  for (let index = 0; index < history.length; index++) validateOperation(history[index]!, index);
}

function validateOperation(operation: Operation<unknown, unknown>, index: number): void {
  const where = `linearizability: operation ${index} of the history`;
  if (operation === null || typeof operation !== 'object') throw new HistoryError(index, `${where} is not an object`);
  const status: string = operation.status;
  if (status !== 'ok' && status !== 'fail' && status !== 'unknown') {
    throw new HistoryError(index, `${where} has status ${JSON.stringify(status)}; expected 'ok', 'fail' or 'unknown'`);
  }
  if (!Number.isSafeInteger(operation.clientId)) {
    throw new HistoryError(index, `${where} has clientId ${String(operation.clientId)}; expected an integer`);
  }
  if (!Number.isSafeInteger(operation.callUs)) {
    throw new HistoryError(index, `${where} has callUs ${String(operation.callUs)}; expected an integer number of microseconds`);
  }
  const returnUs = operation.returnUs;
  if (returnUs === null && operation.status === 'unknown') return;
  if (!Number.isSafeInteger(returnUs)) {
    throw new HistoryError(index, `${where} has returnUs ${String(returnUs)}; expected an integer number of microseconds`);
  }
  if ((returnUs as number) < operation.callUs) {
    throw new HistoryError(index, `${where} returns at ${String(returnUs)} us, before its call at ${operation.callUs} us`);
  }
}
