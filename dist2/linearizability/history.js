// The client history a linearizability check judges: one record per operation a client invoked, with the
// virtual times of its call and return (Herlihy & Wing 1990, "Linearizability: a correctness condition for
// concurrent objects", section 2: a history is a sequence of invocation and response events).
//
// Times are exact integers in microseconds, the trace's virtual times. Real-time order is strict:
// operation A precedes operation B iff A.returnUs < B.callUs. Equal times are concurrent, because a response
// and an invocation recorded at the same virtual microsecond are not ordered by anything the clients saw.
/** A malformed history (a user input error): names the operation and the field. */
export class HistoryError extends Error {
    operationIndex;
    constructor(operationIndex, message) {
        super(message);
        this.operationIndex = operationIndex;
        this.name = 'HistoryError';
    }
}
/** True when A must be linearized before B: A returned strictly before B was called. */
export function precedes(a, b) {
    // An unknown outcome's return is +infinity: it precedes nothing.
    if (a.status === 'unknown')
        return false;
    return a.returnUs < b.callUs;
}
/** Codes of HistoryColumns.status. */
export const STATUS_OK = 0;
export const STATUS_FAIL = 1;
export const STATUS_UNKNOWN = 2;
/** Reads and validates the history; throws a HistoryError naming the first malformed operation. */
export function readHistory(history) {
    if (!Array.isArray(history))
        throw new HistoryError(-1, 'linearizability: the history must be an array of operations');
    const length = history.length;
    const columns = {
        length,
        status: new Uint8Array(length),
        callUs: new Float64Array(length),
        returnUs: new Float64Array(length),
        inputs: new Array(length),
        outputs: new Array(length),
    };
    for (let index = 0; index < length; index++)
        readOperation(history[index], index, columns);
    return columns;
}
/** Throws a HistoryError naming the first malformed operation. */
export function validateHistory(history) {
    readHistory(history);
}
function readOperation(operation, index, columns) {
    const where = () => `linearizability: operation ${index} of the history`;
    if (operation === null || typeof operation !== 'object')
        throw new HistoryError(index, `${where()} is not an object`);
    const { status, clientId, callUs, returnUs, input, output } = operation;
    const code = status === 'ok' ? STATUS_OK : status === 'fail' ? STATUS_FAIL : status === 'unknown' ? STATUS_UNKNOWN : -1;
    if (code < 0)
        throw new HistoryError(index, `${where()} has status ${JSON.stringify(status)}; expected 'ok', 'fail' or 'unknown'`);
    if (!Number.isSafeInteger(clientId))
        throw new HistoryError(index, `${where()} has clientId ${String(clientId)}; expected an integer`);
    if (!Number.isSafeInteger(callUs)) {
        throw new HistoryError(index, `${where()} has callUs ${String(callUs)}; expected an integer number of microseconds`);
    }
    if (returnUs !== null || code !== STATUS_UNKNOWN) {
        if (!Number.isSafeInteger(returnUs)) {
            throw new HistoryError(index, `${where()} has returnUs ${String(returnUs)}; expected an integer number of microseconds`);
        }
        if (returnUs < callUs) {
            throw new HistoryError(index, `${where()} returns at ${String(returnUs)} us, before its call at ${callUs} us`);
        }
    }
    columns.status[index] = code;
    columns.callUs[index] = callUs;
    columns.returnUs[index] = code === STATUS_UNKNOWN ? Infinity : returnUs;
    columns.inputs[index] = input;
    columns.outputs[index] = code === STATUS_OK ? output : null;
}
//# sourceMappingURL=history.js.map