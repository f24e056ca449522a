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
import { HEAD, NO_RETURN, RETURN_NODE } from './events.js';
export const PLAIN_SEARCH = { watchOperation: -1, recordPrefix: false, probe: null };
export const MAX_WATCHED_STATES = 4;
const SALT_HASH = 0x5bd1e995;
const SALT_CHECK = 0x1b873593;
/** One partition's search, resumable. All mutable state lives in typed arrays: no allocation per step. */
export class PartitionSearch {
    prepared;
    model;
    options;
    next;
    prev;
    bits;
    hashWords;
    checkWords;
    stackNode;
    stackState;
    cache;
    stateIds = new Map();
    watchedKeys = new Set();
    probedStates = new Set();
    probeAccepted = false;
    entry;
    state;
    depth = 0;
    remaining;
    hash = 0;
    check = 0;
    deepest = -1;
    stuckOperation = -1;
    prefix = null;
    prefixStates = null;
    watch = null;
    outcome = null;
    /** Loop iterations so far. */
    steps = 0;
    constructor(prepared, model, options) {
        this.prepared = prepared;
        this.model = model;
        this.options = options;
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
        this.stackState = new Array(count);
        this.cache = new ConfigurationCache(words, Math.min(1 << 12, 1 << Math.ceil(Math.log2(Math.max(16, count * 2)))));
        this.state = model.init();
        if (this.state === null)
            throw new TypeError('linearizability: the model\'s init() returned null, which step uses to mean "impossible"');
        if (options.probe !== null)
            this.tryProbe(this.state, this.stateId(model.stateKey(this.state)));
        this.entry = this.next[HEAD];
        this.remaining = prepared.finiteCount;
        if (this.remaining === 0)
            this.outcome = { kind: 'ok', steps: 0, linearization: new Int32Array(0) };
    }
    /** Searches until a verdict, or pauses (null) when `steps` reaches `stepLimit`. */
    run(stepLimit) {
        if (this.outcome !== null)
            return this.outcome;
        const { model, next, bits, hashWords, checkWords, cache } = this;
        const { nodeOperation, nodeReturn, inputs, outputs } = this.prepared;
        const { watchOperation, probe } = this.options;
        let { entry, state, steps, hash, check } = this;
        while (steps < stepLimit) {
            steps++;
            const ret = nodeReturn[entry];
            if (ret === RETURN_NODE) {
                this.hash = hash;
                this.check = check;
                if (!this.backtrack(entry, state))
                    return this.finish(steps, this.violation(steps));
                ({ entry, state, hash, check } = this);
                continue;
            }
            const op = nodeOperation[entry];
            const nextState = model.step(state, inputs[op], outputs[op]);
            if (op === watchOperation)
                this.observe(state, nextState);
            if (nextState !== null) {
                const word = op >>> 5;
                const bit = 1 << (op & 31);
                bits[word] |= bit;
                hash ^= hashWords[op];
                check ^= checkWords[op];
                const id = this.stateId(model.stateKey(nextState));
                if (cache.addIfAbsent(bits, hash, check, id)) {
                    if (this.push(entry, ret, state))
                        return this.finish(steps, { kind: 'ok', steps, linearization: this.linearized() });
                    if (probe !== null && !this.probeAccepted)
                        this.tryProbe(nextState, id);
                    state = nextState;
                    entry = next[HEAD];
                    continue;
                }
                bits[word] &= ~bit;
                hash ^= hashWords[op];
                check ^= checkWords[op];
            }
            entry = next[entry];
        }
        this.entry = entry;
        this.state = state;
        this.steps = steps;
        this.hash = hash;
        this.check = check;
        return null;
    }
    finish(steps, outcome) {
        this.steps = steps;
        this.outcome = outcome;
        return outcome;
    }
    stateId(key) {
        let id = this.stateIds.get(key);
        if (id === undefined) {
            id = this.stateIds.size;
            this.stateIds.set(key, id);
        }
        return id;
    }
    /** Linearizes the call node `call` from `state`: pushes it and lifts it out of the list (dancing links:
     *  undone in reverse order by backtrack). True when that was the last operation with a known return. */
    push(call, ret, state) {
        const { next, prev } = this;
        this.stackNode[this.depth] = call;
        this.stackState[this.depth] = state;
        this.depth++;
        next[prev[call]] = next[call];
        prev[next[call]] = prev[call];
        if (ret === NO_RETURN)
            return false;
        next[prev[ret]] = next[ret];
        prev[next[ret]] = prev[ret];
        return --this.remaining === 0;
    }
    /** At a dead end (the return node `returnNode`): pops the last linearized operation and re-links it, leaving
     *  entry, state and the hashes where the search resumes. False when nothing is left to pop: a violation. */
    backtrack(returnNode, state) {
        if (this.depth > this.deepest)
            this.deadEnd(returnNode, state);
        if (this.depth === 0)
            return false;
        const { next, prev } = this;
        this.depth--;
        const call = this.stackNode[this.depth];
        this.state = this.stackState[this.depth];
        const op = this.prepared.nodeOperation[call];
        this.bits[op >>> 5] &= ~(1 << (op & 31));
        this.hash ^= this.hashWords[op];
        this.check ^= this.checkWords[op];
        const ret = this.prepared.nodeReturn[call];
        if (ret !== NO_RETURN) {
            next[prev[ret]] = ret;
            prev[next[ret]] = ret;
            this.remaining++;
        }
        next[prev[call]] = call;
        prev[next[call]] = call;
        this.entry = next[call];
        return true;
    }
    /** The deepest dead end so far: remember the operation stuck there (and, recording, the prefix). */
    deadEnd(returnNode, state) {
        const depth = this.depth;
        this.deepest = depth;
        this.stuckOperation = this.prepared.nodeOperation[returnNode];
        if (!this.options.recordPrefix)
            return;
        const prefix = new Int32Array(depth);
        const states = new Array(depth);
        for (let k = 0; k < depth; k++) {
            prefix[k] = this.prepared.nodeOperation[this.stackNode[k]];
            states[k] = k + 1 < depth ? this.stackState[k + 1] : state;
        }
        this.prefix = prefix;
        this.prefixStates = states;
    }
    observe(state, next) {
        const watch = (this.watch ??= { accepted: false, rejectedStates: [], rejectedStateCount: 0 });
        if (next !== null) {
            watch.accepted = true;
            return;
        }
        const key = this.model.stateKey(state);
        if (this.watchedKeys.has(key))
            return;
        this.watchedKeys.add(key);
        watch.rejectedStateCount++;
        if (watch.rejectedStates.length < MAX_WATCHED_STATES)
            watch.rejectedStates.push(state);
    }
    tryProbe(state, id) {
        const probe = this.options.probe;
        if (this.probedStates.has(id))
            return;
        this.probedStates.add(id);
        if (this.model.step(state, probe.input, probe.output) !== null)
            this.probeAccepted = true;
    }
    linearized() {
        const order = new Int32Array(this.depth);
        for (let k = 0; k < this.depth; k++)
            order[k] = this.prepared.nodeOperation[this.stackNode[k]];
        return order;
    }
    violation(steps) {
        const { deepest, stuckOperation, prefix, prefixStates, watch, probeAccepted } = this;
        return { kind: 'violation', steps, deepest, stuckOperation, prefix, prefixStates, watch, probeAccepted };
    }
}
/** Runs one partition's search to a verdict, or to 'unknown' at `maxSteps`. */
export function searchPartition(prepared, model, limits) {
    const search = new PartitionSearch(prepared, model, limits);
    return search.run(limits.maxSteps) ?? { kind: 'unknown', steps: search.steps };
}
//# sourceMappingURL=search.js.map