// The Wing–Gong–Lowe search for a linearization of one partition (Wing & Gong 1993, "Testing and verifying
// concurrent objects"; Lowe 2017, "Testing for linearizability", section 3; Porcupine's checker.go).
//
// Walk the event list from the head. At a call, try to linearize that operation now: step the model; if the
// output is possible and the configuration (linearized set, state) is new, lift the operation's call and
// return out of the list, push it, and restart from the head. At a return, the operation it belongs to had to
// be linearized by now and was not: backtrack — pop the last linearized operation, re-link it and go on from
// its call's successor. No return left means every completed operation is linearized: success. Operations
// with an unknown outcome have no return node (return = +infinity): they may be linearized anywhere after
// their call, and if never, they simply did not take effect.
//
// Iterative, no recursion; the budget counts loop iterations, never the clock, so a verdict is reproducible.
import { ConfigurationCache, zobristWord } from './cache.js';
import { HEAD, NO_RETURN, RETURN_NODE, type PreparedPartition } from './events.js';
import type { Model } from './model.js';

export interface SearchLimits {
  readonly maxSteps: number;
  /** An operation (position in the partition) whose every attempt is recorded, or -1. */
  readonly watchOperation: number;
  /** Record the linearized prefix each time the search backtracks from a new greatest depth. */
  readonly recordPrefix: boolean;
}

/** What the explanation pass learns about the watched operation. */
export interface WatchRecord<State> {
  /** The model accepted the operation at least once (the dead end is further on). */
  accepted: boolean;
  /** Distinct states (by stateKey) in which the model rejected it, in the order met, at most MAX_WATCHED_STATES. */
  readonly rejectedStates: State[];
  /** Distinct states it was rejected in, counting those beyond the cap. */
  rejectedStateCount: number;
}

export const MAX_WATCHED_STATES = 4;

export type SearchOutcome<State> =
  | { readonly kind: 'ok'; readonly steps: number; readonly linearization: Int32Array }
  | {
      readonly kind: 'violation';
      readonly steps: number;
      /** Operations linearized at the deepest dead end. */
      readonly deepest: number;
      /** The operation whose return the search met at that dead end: no linearization got past it. */
      readonly stuckOperation: number;
      /** With recordPrefix: the longest linearized prefix and the state after each of its operations. */
      readonly prefix: Int32Array | null;
      readonly prefixStates: readonly State[] | null;
      readonly watch: WatchRecord<State> | null;
    }
  | { readonly kind: 'unknown'; readonly steps: number };

const SALT_HASH = 0x5bd1e995;
const SALT_CHECK = 0x1b873593;

/** The mutable search state, kept in typed arrays so the loop allocates nothing per step. */
class SearchFrame<State, Input, Output> {
  readonly next: Int32Array;
  readonly prev: Int32Array;
  readonly bits: Uint32Array;
  readonly hashWords: Int32Array;
  readonly checkWords: Int32Array;
  readonly stackNode: Int32Array;
  readonly stackState: State[];
  readonly cache: ConfigurationCache;
  readonly stateIds = new Map<string | number, number>();
  deepest = -1;
  stuckOperation = -1;
  prefix: Int32Array | null = null;
  prefixStates: State[] | null = null;
  watch: WatchRecord<State> | null = null;
  readonly watchedKeys = new Set<string | number>();

  constructor(readonly prepared: PreparedPartition<Input, Output>) {
    const count = prepared.inputs.length;
    const words = Math.max(1, (count + 31) >>> 5);
    this.next = prepared.initialNext.slice();
    this.prev = prepared.initialPrev.slice();
    this.bits = new Uint32Array(words);
    this.hashWords = new Int32Array(count);
    this.checkWords = new Int32Array(count);
    for (let op = 0; op < count; op++) {
      this.hashWords[op] = zobristWord(op, SALT_HASH);
      this.checkWords[op] = zobristWord(op, SALT_CHECK);
    }
    this.stackNode = new Int32Array(count);
    this.stackState = new Array<State>(count);
    this.cache = new ConfigurationCache(words, Math.min(1 << 12, 1 << Math.ceil(Math.log2(Math.max(16, count * 2)))));
  }

  stateId(key: string | number): number {
    let id = this.stateIds.get(key);
    if (id === undefined) {
      id = this.stateIds.size;
      this.stateIds.set(key, id);
    }
    return id;
  }

  /** Removes the call node and its return node (if any). Dancing links: undone in reverse order by relink. */
  lift(call: number, ret: number): void {
    const next = this.next;
    const prev = this.prev;
    next[prev[call]!] = next[call]!;
    prev[next[call]!] = prev[call]!;
    if (ret !== NO_RETURN) {
      next[prev[ret]!] = next[ret]!;
      prev[next[ret]!] = prev[ret]!;
    }
  }

  relink(call: number, ret: number): void {
    const next = this.next;
    const prev = this.prev;
    if (ret !== NO_RETURN) {
      next[prev[ret]!] = ret;
      prev[next[ret]!] = ret;
    }
    next[prev[call]!] = call;
    prev[next[call]!] = call;
  }

  /** Called when the search meets a return at `depth` operations linearized (a dead end). */
  deadEnd(depth: number, returnNode: number, state: State, recordPrefix: boolean): void {
    if (depth <= this.deepest) return;
    this.deepest = depth;
    this.stuckOperation = this.prepared.nodeOperation[returnNode]!;
    if (!recordPrefix) return;
    const prefix = new Int32Array(depth);
    const states = new Array<State>(depth);
    for (let k = 0; k < depth; k++) {
      prefix[k] = this.prepared.nodeOperation[this.stackNode[k]!]!;
      states[k] = k + 1 < depth ? this.stackState[k + 1]! : state;
    }
    this.prefix = prefix;
    this.prefixStates = states;
  }

  observe(model: Model<State, Input, Output>, state: State, next: State | null): void {
    const watch = (this.watch ??= { accepted: false, rejectedStates: [], rejectedStateCount: 0 });
    if (next !== null) {
      watch.accepted = true;
      return;
    }
    const key = model.stateKey(state);
    if (this.watchedKeys.has(key)) return;
    this.watchedKeys.add(key);
    watch.rejectedStateCount++;
    if (watch.rejectedStates.length < MAX_WATCHED_STATES) watch.rejectedStates.push(state);
  }
}

export function searchPartition<State, Input, Output>(
  prepared: PreparedPartition<Input, Output>,
  model: Model<State, Input, Output>,
  limits: SearchLimits,
): SearchOutcome<State> {
  const frame = new SearchFrame<State, Input, Output>(prepared);
  if (prepared.finiteCount === 0) return { kind: 'ok', steps: 0, linearization: new Int32Array(0) };
  const { nodeOperation, nodeReturn, inputs, outputs } = prepared;
  const { next, bits, hashWords, checkWords, stackNode, stackState, cache } = frame;
  const { maxSteps, watchOperation, recordPrefix } = limits;
  let state = model.init();
  if (state === null) throw new TypeError('linearizability: the model\'s init() returned null, which step uses to mean "impossible"');
  let depth = 0;
  let remaining = prepared.finiteCount;
  let hash = 0;
  let check = 0;
  let steps = 0;
  let entry = next[HEAD]!;
  for (;;) {
    if (steps === maxSteps) return { kind: 'unknown', steps };
    steps++;
    const ret = nodeReturn[entry]!;
    if (ret !== RETURN_NODE) {
      const op = nodeOperation[entry]!;
      const nextState = model.step(state, inputs[op]!, outputs[op]!);
      if (op === watchOperation) frame.observe(model, state, nextState);
      if (nextState !== null) {
        const word = op >>> 5;
        const bit = 1 << (op & 31);
        bits[word]! |= bit;
        hash ^= hashWords[op]!;
        check ^= checkWords[op]!;
        if (cache.addIfAbsent(bits, hash, check, frame.stateId(model.stateKey(nextState)))) {
          stackNode[depth] = entry;
          stackState[depth] = state;
          depth++;
          state = nextState;
          frame.lift(entry, ret);
          if (ret !== NO_RETURN && --remaining === 0) return { kind: 'ok', steps, linearization: linearized(frame, depth) };
          entry = next[HEAD]!;
          continue;
        }
        bits[word]! &= ~bit;
        hash ^= hashWords[op]!;
        check ^= checkWords[op]!;
      }
      entry = next[entry]!;
    } else {
      frame.deadEnd(depth, entry, state, recordPrefix);
      if (depth === 0) return violation(frame, steps);
      depth--;
      entry = stackNode[depth]!;
      state = stackState[depth]!;
      const op = nodeOperation[entry]!;
      bits[op >>> 5]! &= ~(1 << (op & 31));
      hash ^= hashWords[op]!;
      check ^= checkWords[op]!;
      const popped = nodeReturn[entry]!;
      frame.relink(entry, popped);
      if (popped !== NO_RETURN) remaining++;
      entry = next[entry]!;
    }
  }
}

function linearized<State, Input, Output>(frame: SearchFrame<State, Input, Output>, depth: number): Int32Array {
  const order = new Int32Array(depth);
  for (let k = 0; k < depth; k++) order[k] = frame.prepared.nodeOperation[frame.stackNode[k]!]!;
  return order;
}

function violation<State, Input, Output>(frame: SearchFrame<State, Input, Output>, steps: number): SearchOutcome<State> {
  return {
    kind: 'violation',
    steps,
    deepest: frame.deepest,
    stuckOperation: frame.stuckOperation,
    prefix: frame.prefix,
    prefixStates: frame.prefixStates,
    watch: frame.watch,
  };
}
