// One partition's operations laid out for the search: the call and return events in time order as a
// doubly-linked list in typed arrays (Lowe 2017, "Testing for linearizability", section 3: the list from
// which an operation is lifted when linearized and re-linked when the search backtracks).
import { STATUS_FAIL, STATUS_OK, STATUS_UNKNOWN } from './history.js';
import { UNKNOWN } from './model.js';
/** nodeReturn of a return node. */
export const RETURN_NODE = -2;
/** nodeReturn of the call node of an operation with unknown outcome: it has no return node (return = +infinity). */
export const NO_RETURN = -1;
/** The head sentinel is node 0; the tail sentinel is the last node. */
export const HEAD = 0;
function compareEvents(a, b) {
    return a.timeUs - b.timeUs || a.kind - b.kind || a.operation - b.operation;
}
/** The indices in call order (ties by history index): the partition numbers its operations this way. */
export function callOrder(columns, indices) {
    const callUs = columns.callUs;
    return [...indices].sort((a, b) => callUs[a] - callUs[b] || a - b);
}
/**
 * Lays out the operations `indices` of `history` (none of them 'fail'). Calls sort before returns at equal
 * times: with A.returnUs === B.callUs, B's call comes first in the list, so B may be linearized before A —
 * A precedes B only when A.returnUs < B.callUs.
 */
export function preparePartition(label, columns, indices) {
    const order = callOrder(columns, indices);
    const count = order.length;
    const inputs = new Array(count);
    const outputs = new Array(count);
    const events = [];
    for (let position = 0; position < count; position++) {
        const index = order[position];
        const status = columns.status[index];
        if (status === STATUS_FAIL)
            throw new Error(`linearizability: failed operation ${index} given to the search`);
        inputs[position] = columns.inputs[index];
        outputs[position] = status === STATUS_OK ? columns.outputs[index] : UNKNOWN;
        events.push({ timeUs: columns.callUs[index], kind: 0, operation: position });
        if (status !== STATUS_UNKNOWN)
            events.push({ timeUs: columns.returnUs[index], kind: 1, operation: position });
    }
    events.sort(compareEvents);
    return { label, historyIndex: Int32Array.from(order), inputs, outputs, finiteCount: events.length - count, ...linkEvents(events, count) };
}
function linkEvents(events, count) {
    const nodeCount = events.length + 2;
    const tail = nodeCount - 1;
    const nodeOperation = new Int32Array(nodeCount).fill(-1);
    const nodeReturn = new Int32Array(nodeCount).fill(NO_RETURN);
    const initialNext = new Int32Array(nodeCount);
    const initialPrev = new Int32Array(nodeCount);
    const callNode = new Int32Array(count);
    for (let i = 0; i < events.length; i++) {
        const node = i + 1;
        const event = events[i];
        nodeOperation[node] = event.operation;
        if (event.kind === 0) {
            callNode[event.operation] = node;
        }
        else {
            nodeReturn[node] = RETURN_NODE;
            // Invariant: an operation's call sorts before its return (callUs <= returnUs, calls first at ties).
            if (!(callNode[event.operation] > 0 && callNode[event.operation] < node))
                throw new Error('linearizability: return before call');
            nodeReturn[callNode[event.operation]] = node;
        }
    }
    for (let node = 0; node < nodeCount; node++) {
        initialNext[node] = node === tail ? tail : node + 1;
        initialPrev[node] = node === HEAD ? HEAD : node - 1;
    }
    return { nodeOperation, nodeReturn, initialNext, initialPrev };
}
//# sourceMappingURL=events.js.map