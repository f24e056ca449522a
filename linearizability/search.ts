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
// A search can pause at a step count and resume, so partitions can share a budget in deterministic turns.
import { ConfigurationCache, zobristWord } from './cache.js';
import { HEAD, NO_RETURN, RETURN_NODE, type PreparedPartition } from './events.js';
import type { Model, Unknown } from './model.js';

export interface SearchOptions<Input, Output> {
  /** An operation (position in the partition) whose every attempt is recorded, or -1. */
  readonly watchOperation: number;
  /** Record the linearized prefix each time the search backtracks from a new greatest depth. */
  readonly recordPrefix: boolean;
  /** An operation (perhaps of another history) tried against every state the search reaches, to learn
   *  whether its output is possible in any of them (the shrinker keeps what makes it possible); or null. */
  readonly probe: { readonly input: Input; readonly output: Output | Unknown } | null;
}

export const PLAIN_SEARCH: SearchOptions<never, never> = { watchOperation: -1, recordPrefix: false, probe: null };

export interface SearchLimits<Input, Output> extends SearchOptions<Input, Output> {
  readonly maxSteps: number;
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
      /** With a probe: its output is possible in some state the search reached. */
      readonly probeAccepted: boolean;
    }
  | { readonly kind: 'unknown'; readonly steps: number };

export type FinishedOutcome<State> = Exclude<SearchOutcome<State>, { kind: 'unknown' }>;

const SALT_HASH = 0x5bd1e995;
const SALT_CHECK = 0x1b873593;

/** One partition's search, resumable. All mutable state lives in typed arrays: no allocation per step. */
export class PartitionSearch<State, Input, Output> {
  private readonly next: Int32Array;
  private readonly prev: Int32Array;
  private readonly bits: Uint32Array;
  private readonly hashWords: Int32Array;
  private readonly checkWords: Int32Array;
  private readonly stackNode: Int32Array;
  private readonly stackState: State[];
  private readonly cache: ConfigurationCache;
  private readonly stateIds = new Map<string | number, number>();
  private readonly watchedKeys = new Set<string | number>();
  private readonly probedStates = new Set<number>();
  private probeAccepted = false;
  private entry: number;
  private state: State;
  private depth = 0;
  private remaining: number;
  private hash = 0;
  private check = 0;
  private deepest = -1;
  private stuckOperation = -1;
  private prefix: Int32Array | null = null;
  private prefixStates: State[] | null = null;
  private watch: WatchRecord<State> | null = null;
  private outcome: FinishedOutcome<State> | null = null;
  /** Loop iterations so far. */
  steps = 0;

  constructor(
    private readonly prepared: PreparedPartition<Input, Output>,
    private readonly model: Model<State, Input, Output>,
    private readonly options: SearchOptions<Input, Output>,
  ) {
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
    this.state = model.init();
    if (this.state === null) throw new TypeError('linearizability: the model\'s init() returned null, which step uses to mean "impossible"');
    if (options.probe !== null) this.tryProbe(this.state, this.stateId(model.stateKey(this.state)));
    this.entry = this.next[HEAD]!;
    this.remaining = prepared.finiteCount;
    if (this.remaining === 0) this.outcome = { kind: 'ok', steps: 0, linearization: new Int32Array(0) };
  }

  /** Searches until a verdict, or pauses (null) when `steps` reaches `stepLimit`. */
  run(stepLimit: number): FinishedOutcome<State> | null {
    if (this.outcome !== null) return this.outcome;
    const { model, next, bits, hashWords, checkWords, cache } = this;
    const { nodeOperation, nodeReturn, inputs, outputs } = this.prepared;
    const { watchOperation, probe } = this.options;
    let { entry, state, steps, hash, check } = this;
    while (steps < stepLimit) {
      steps++;
      const ret = nodeReturn[entry]!;
      if (ret === RETURN_NODE) {
        this.hash = hash;
        this.check = check;
        if (!this.backtrack(entry, state)) return this.finish(steps, this.violation(steps));
        ({ entry, state, hash, check } = this);
        continue;
      }
      const op = nodeOperation[entry]!;
      const nextState = model.step(state, inputs[op]!, outputs[op] as Output | Unknown);
      if (op === watchOperation) this.observe(state, nextState);
      if (nextState !== null) {
        const word = op >>> 5;
        const bit = 1 << (op & 31);
        bits[word]! |= bit;
        hash ^= hashWords[op]!;
        check ^= checkWords[op]!;
        const id = this.stateId(model.stateKey(nextState));
        if (cache.addIfAbsent(bits, hash, check, id)) {
          if (this.push(entry, ret, state)) return this.finish(steps, { kind: 'ok', steps, linearization: this.linearized() });
          if (probe !== null && !this.probeAccepted) this.tryProbe(nextState, id);
          state = nextState;
          entry = next[HEAD]!;
          continue;
        }
        bits[word]! &= ~bit;
        hash ^= hashWords[op]!;
        check ^= checkWords[op]!;
      }
      entry = next[entry]!;
    }
    this.entry = entry;
    this.state = state;
    this.steps = steps;
    this.hash = hash;
    this.check = check;
    return null;
  }

  private finish(steps: number, outcome: FinishedOutcome<State>): FinishedOutcome<State> {
    this.steps = steps;
    this.outcome = outcome;
    return outcome;
  }

  private stateId(key: string | number): number {
    let id = this.stateIds.get(key);
    if (id === undefined) {
      id = this.stateIds.size;
      this.stateIds.set(key, id);
    }
    return id;
  }

  /** Linearizes the call node `call` from `state`: pushes it and lifts it out of the list (dancing links:
   *  undone in reverse order by backtrack). True when that was the last operation with a known return. */
  private push(call: number, ret: number, state: State): boolean {
    const { next, prev } = this;
    this.stackNode[this.depth] = call;
    this.stackState[this.depth] = state;
    this.depth++;
    next[prev[call]!] = next[call]!;
    prev[next[call]!] = prev[call]!;
    if (ret === NO_RETURN) return false;
    next[prev[ret]!] = next[ret]!;
    prev[next[ret]!] = prev[ret]!;
    return --this.remaining === 0;
  }

  /** At a dead end (the return node `returnNode`): pops the last linearized operation and re-links it, leaving
   *  entry, state and the hashes where the search resumes. False when nothing is left to pop: a violation. */
  private backtrack(returnNode: number, state: State): boolean {
    if (this.depth > this.deepest) this.deadEnd(returnNode, state);
    if (this.depth === 0) return false;
    const { next, prev } = this;
    this.depth--;
    const call = this.stackNode[this.depth]!;
    this.state = this.stackState[this.depth]!;
    const op = this.prepared.nodeOperation[call]!;
    this.bits[op >>> 5]! &= ~(1 << (op & 31));
    this.hash ^= this.hashWords[op]!;
    this.check ^= this.checkWords[op]!;
    const ret = this.prepared.nodeReturn[call]!;
    if (ret !== NO_RETURN) {
      next[prev[ret]!] = ret;
      prev[next[ret]!] = ret;
      this.remaining++;
    }
    next[prev[call]!] = call;
    prev[next[call]!] = call;
    this.entry = next[call]!;
    return true;
  }

  /** The deepest dead end so far: remember the operation stuck there (and, recording, the prefix). */
  private deadEnd(returnNode: number, state: State): void {
    const depth = this.depth;
    this.deepest = depth;
    this.stuckOperation = this.prepared.nodeOperation[returnNode]!;
    if (!this.options.recordPrefix) return;
    const prefix = new Int32Array(depth);
    const states = new Array<State>(depth);
    for (let k = 0; k < depth; k++) {
      prefix[k] = this.prepared.nodeOperation[this.stackNode[k]!]!;
      states[k] = k + 1 < depth ? this.stackState[k + 1]! : state;
    }
    this.prefix = prefix;
    this.prefixStates = states;
  }

  private observe(state: State, next: State | null): void {
    const watch = (this.watch ??= { accepted: false, rejectedStates: [], rejectedStateCount: 0 });
    if (next !== null) {
      watch.accepted = true;
      return;
    }
    const key = this.model.stateKey(state);
    if (this.watchedKeys.has(key)) return;
    this.watchedKeys.add(key);
    watch.rejectedStateCount++;
    if (watch.rejectedStates.length < MAX_WATCHED_STATES) watch.rejectedStates.push(state);
  }

  private tryProbe(state: State, id: number): void {
    const probe = this.options.probe!;
    if (this.probedStates.has(id)) return;
    this.probedStates.add(id);
    if (this.model.step(state, probe.input, probe.output) !== null) this.probeAccepted = true;
  }

  private linearized(): Int32Array {
    const order = new Int32Array(this.depth);
    for (let k = 0; k < this.depth; k++) order[k] = this.prepared.nodeOperation[this.stackNode[k]!]!;
    return order;
  }

  private violation(steps: number): FinishedOutcome<State> {
    const { deepest, stuckOperation, prefix, prefixStates, watch, probeAccepted } = this;
    return { kind: 'violation', steps, deepest, stuckOperation, prefix, prefixStates, watch, probeAccepted };
  }
}

/** Runs one partition's search to a verdict, or to 'unknown' at `maxSteps`. */
export function searchPartition<State, Input, Output>(
  prepared: PreparedPartition<Input, Output>,
  model: Model<State, Input, Output>,
  limits: SearchLimits<Input, Output>,
): SearchOutcome<State> {
  const search = new PartitionSearch(prepared, model, limits);
  return search.run(limits.maxSteps) ?? { kind: 'unknown', steps: search.steps };
}
