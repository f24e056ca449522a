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

/** Codes of HistoryColumns.status. */
export const STATUS_OK = 0;
export const STATUS_FAIL = 1;
export const STATUS_UNKNOWN = 2;

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
export function readHistory<Input, Output>(history: History<Input, Output>): HistoryColumns<Input, Output> {
  if (!Array.isArray(history)) throw new HistoryError(-1, 'linearizability: the history must be an array of operations');
  const length = history.length;
  const columns = {
    length,
    status: new Uint8Array(length),
    callUs: new Float64Array(length),
    returnUs: new Float64Array(length),
    inputs: new Array<Input>(length),
    outputs: new Array<Output | null>(length),
  };
  for (let index = 0; index < length; index++) readOperation(history[index]!, index, columns);
  return columns;
}

/** Throws a HistoryError naming the first malformed operation. */
export function validateHistory(history: History<unknown, unknown>): void {
  readHistory(history);
}

interface WritableColumns<Input, Output> {
  readonly status: Uint8Array;
  readonly callUs: Float64Array;
  readonly returnUs: Float64Array;
  readonly inputs: Input[];
  readonly outputs: (Output | null)[];
}

function readOperation<Input, Output>(operation: Operation<Input, Output>, index: number, columns: WritableColumns<Input, Output>): void {
  const where = (): string => `linearizability: operation ${index} of the history`;
  if (operation === null || typeof operation !== 'object') throw new HistoryError(index, `${where()} is not an object`);
  const { status, clientId, callUs, returnUs, input, output } = operation as Operation<Input, Output>;
  const code = status === 'ok' ? STATUS_OK : status === 'fail' ? STATUS_FAIL : status === 'unknown' ? STATUS_UNKNOWN : -1;
  if (code < 0) throw new HistoryError(index, `${where()} has status ${JSON.stringify(status)}; expected 'ok', 'fail' or 'unknown'`);
  if (!Number.isSafeInteger(clientId)) throw new HistoryError(index, `${where()} has clientId ${String(clientId)}; expected an integer`);
  if (!Number.isSafeInteger(callUs)) {
    throw new HistoryError(index, `${where()} has callUs ${String(callUs)}; expected an integer number of microseconds`);
  }
  if (returnUs !== null || code !== STATUS_UNKNOWN) {
    if (!Number.isSafeInteger(returnUs)) {
      throw new HistoryError(index, `${where()} has returnUs ${String(returnUs)}; expected an integer number of microseconds`);
    }
    if ((returnUs as number) < callUs) {
      throw new HistoryError(index, `${where()} returns at ${String(returnUs)} us, before its call at ${callUs} us`);
    }
  }
  columns.status[index] = code;
  columns.callUs[index] = callUs;
  columns.returnUs[index] = code === STATUS_UNKNOWN ? Infinity : (returnUs as number);
  columns.inputs[index] = input;
  columns.outputs[index] = code === STATUS_OK ? (output as Output) : null;
}
