// The search's first path, taken without the search. Walking the event list from the head, the search always
// meets the earliest remaining call first, so its first attempt is the operations in call order; when the model
// accepts them all, that attempt is the answer, and most partitions of a run's history are like that. Replaying
// them directly skips the event list, the configuration cache and the search's arrays, which for a partition
// of a few operations cost far more than its few steps.
import { STATUS_OK, type HistoryColumns } from './history.js';
import { UNKNOWN, type Model } from './model.js';
import type { FinishedOutcome } from './search.js';

/**
 * The outcome the search (search.ts) gives a partition when the model accepts its operations in call order;
 * null when it does not, and the search must run. `order` is the partition's history indices in call order
 * (events.ts' callOrder); none of them 'fail'.
 *
 * Why the search does exactly this: once operations 0..k (positions, in call order) are linearized, the first
 * node left in the list is call k+1 — a later operation's return is no earlier than its own call, so no
 * earlier than call k+1, and calls sort first at equal times (unknown outcomes have no return at all). So the
 * search tries call 0, then call 1, ..., each configuration it reaches is new (one more operation linearized),
 * and it stops with 'ok' when the last operation with a known return is linearized: `last + 1` steps, the
 * linearization 0..last (an unknown outcome after it never took effect; none known: 'ok' after 0 steps). If the
 * model rejects one of them the search goes on from there — backtracking, other orders, perhaps a violation to
 * explain — so this answers null. It does too when the replay would need more than `stepLimit` steps (the
 * search would stop there, undecided or paused for its turn), or init() is null (the search's error to throw).
 *
 * test/linearizability-replay.test.ts checks that whenever this gives an outcome it is the search's.
 */
export function replayInCallOrder<State, Input, Output>(
  columns: HistoryColumns<Input, Output>,
  order: readonly number[],
  model: Model<State, Input, Output>,
  stepLimit: number,
): FinishedOutcome<State> | null {
  const { status, inputs, outputs } = columns;
  let last = order.length - 1;
  while (last >= 0 && status[order[last]!] !== STATUS_OK) last--;
  const steps = last + 1;
  if (steps > stepLimit) return null;
  let state = model.init();
  if (state === null) return null;
  for (let k = 0; k < steps; k++) {
    const index = order[k]!;
    const next = model.step(state, inputs[index]!, status[index] === STATUS_OK ? (outputs[index] as Output) : UNKNOWN);
    if (next === null) return null;
    state = next;
  }
  const linearization = new Int32Array(steps);
  for (let k = 0; k < steps; k++) linearization[k] = k;
  return { kind: 'ok', steps, linearization };
}
