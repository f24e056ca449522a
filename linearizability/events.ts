// One partition's operations laid out for the search: the call and return events in time order as a
// doubly-linked list in typed arrays (Lowe 2017, "Testing for linearizability", section 3: the list from
// which an operation is lifted when linearized and re-linked when the search backtracks).
import { STATUS_FAIL, STATUS_OK, STATUS_UNKNOWN, type HistoryColumns } from './history.js';
import { UNKNOWN, type Unknown } from './model.js';

/** nodeReturn of a return node. */
export const RETURN_NODE = -2;
/** nodeReturn of the call node of an operation with unknown outcome: it has no return node (return = +infinity). */
export const NO_RETURN = -1;
/** The head sentinel is node 0; the tail sentinel is the last node. */
export const HEAD = 0;

export interface PreparedPartition<Input, Output> {
  readonly label: string;
  /** History index of each operation, by its position here (operations are numbered in call order). */
  readonly historyIndex: Int32Array;
  readonly inputs: readonly Input[];
  readonly outputs: readonly (Output | Unknown)[];
  /** Operations with a known return; the search succeeds once all of them are linearized. */
  readonly finiteCount: number;
  /** Per node: the operation it belongs to (-1 for the sentinels). */
  readonly nodeOperation: Int32Array;
  /** Per call node: its return node, or NO_RETURN; RETURN_NODE for return nodes. */
  readonly nodeReturn: Int32Array;
  /** The list before anything is linearized; the search works on copies. */
  readonly initialNext: Int32Array;
  readonly initialPrev: Int32Array;
}

/** The indices in call order (ties by history index): the partition numbers its operations this way. */
export function callOrder(columns: HistoryColumns<unknown, unknown>, indices: readonly number[]): number[] {
  const callUs = columns.callUs;
  const order = indices.slice();
  // Indices in increasing order with calls in time order (a run's history, or a model's partition of it) are
  // sorted already.
  for (let k = 1; k < order.length; k++) {
    const a = order[k - 1]!;
    const b = order[k]!;
    if (callUs[a]! > callUs[b]! || (callUs[a] === callUs[b] && a > b)) return order.sort((x, y) => callUs[x]! - callUs[y]! || x - y);
  }
  return order;
}

/**
 * Lays out the operations `indices` of `history` (none of them 'fail'). Calls sort before returns at equal
 * times: with A.returnUs === B.callUs, B's call comes first in the list, so B may be linearized before A —
 * A precedes B only when A.returnUs < B.callUs.
 */
export function preparePartition<Input, Output>(
  label: string,
  columns: HistoryColumns<Input, Output>,
  indices: readonly number[],
): PreparedPartition<Input, Output> {
  return prepareInCallOrder(label, columns, callOrder(columns, indices));
}

/** preparePartition of indices already in call order (callOrder's). */
export function prepareInCallOrder<Input, Output>(label: string, columns: HistoryColumns<Input, Output>, order: readonly number[]): PreparedPartition<Input, Output> {
  const count = order.length;
  const inputs: Input[] = new Array<Input>(count);
  const outputs: (Output | Unknown)[] = new Array<Output | Unknown>(count);
  const returning: number[] = [];
  let returnsSorted = true;
  for (let position = 0; position < count; position++) {
    const index = order[position]!;
    const status = columns.status[index]!;
    if (status === STATUS_FAIL) throw new Error(`linearizability: failed operation ${index} given to the search`);
    inputs[position] = columns.inputs[index]!;
    outputs[position] = status === STATUS_OK ? (columns.outputs[index] as Output) : UNKNOWN;
    if (status === STATUS_UNKNOWN) continue;
    if (returning.length > 0 && columns.returnUs[order[returning[returning.length - 1]!]!]! > columns.returnUs[index]!) returnsSorted = false;
    returning.push(position);
  }
  const returnAt = (position: number): number => columns.returnUs[order[position]!]!;
  // Returns in time order, ties by position (pushed in increasing position, so only times can be out of order).
  if (!returnsSorted) returning.sort((a, b) => returnAt(a) - returnAt(b) || a - b);
  return { label, historyIndex: Int32Array.from(order), inputs, outputs, finiteCount: returning.length, ...linkEvents(columns, order, returning) };
}

/**
 * The event list: calls (in position order, which is call order) merged with the returns (in time order), a
 * call first at equal times — the order of sorting every event by (time, call before return, position).
 */
function linkEvents(columns: HistoryColumns<unknown, unknown>, order: readonly number[], returning: readonly number[]) {
  const count = order.length;
  const nodeCount = count + returning.length + 2;
  const tail = nodeCount - 1;
  const nodeOperation = new Int32Array(nodeCount).fill(-1);
  const nodeReturn = new Int32Array(nodeCount).fill(NO_RETURN);
  const initialNext = new Int32Array(nodeCount);
  const initialPrev = new Int32Array(nodeCount);
  const callNode = new Int32Array(count);
  let call = 0;
  let ret = 0;
  for (let node = 1; node < tail; node++) {
    const takeCall = call < count && (ret === returning.length || columns.callUs[order[call]!]! <= columns.returnUs[order[returning[ret]!]!]!);
    if (takeCall) {
      nodeOperation[node] = call;
      callNode[call++] = node;
    } else {
      const operation = returning[ret++]!;
      nodeOperation[node] = operation;
      nodeReturn[node] = RETURN_NODE;
      // Invariant: an operation's call sorts before its return (callUs <= returnUs, calls first at ties).
      if (!(callNode[operation]! > 0 && callNode[operation]! < node)) throw new Error('linearizability: return before call');
      nodeReturn[callNode[operation]!] = node;
    }
  }
  for (let node = 0; node < nodeCount; node++) {
    initialNext[node] = node === tail ? tail : node + 1;
    initialPrev[node] = node === HEAD ? HEAD : node - 1;
  }
  return { nodeOperation, nodeReturn, initialNext, initialPrev };
}
