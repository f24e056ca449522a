// The checker against what is known by construction, and against a brute-force reference that tries every
// order (etcd-io/raft's quorum/quick_test.go does the same for its quorum code).
import { fc } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { checkLinearizable, kvModel, type KvInput, type KvOutput, type KvState, type Model } from '../linearizability/index.js';
import type { KvOperation } from './support/kv-history.js';
import { operationSpec, sequentialHistory } from './support/register-histories.js';
import { nearlySequentialHistory, stepSpec } from './support/sequential-histories.js';

// ---- The reference: simple and obviously right, sharing no code with the checker. ----

/** A returned before B was called; an unknown outcome returns at +infinity and precedes nothing. */
function referencePrecedes(a: KvOperation, b: KvOperation): boolean {
  return a.status !== 'unknown' && a.returnUs < b.callUs;
}

/** Replays the operations in this order on a fresh register; false if any output is impossible. */
function referenceReplay(history: readonly KvOperation[], order: readonly number[]): boolean {
  const register = new Map<string, string | null>();
  for (const index of order) {
    const { input, status, output } = history[index]!;
    const current = register.get(input.key) ?? null;
    if (input.op === 'get') {
      if (status === 'ok' && output.kind === 'get' && output.value !== current) return false;
    } else if (input.op === 'put') {
      register.set(input.key, input.value);
    } else {
      const swaps = current === input.expected;
      if (status === 'ok' && output.kind === 'cas' && output.ok !== swaps) return false;
      if (swaps) register.set(input.key, input.value);
    }
  }
  return true;
}

function respectsRealTime(history: readonly KvOperation[], order: readonly number[]): boolean {
  for (let i = 0; i < order.length; i++) {
    for (let j = i + 1; j < order.length; j++) if (referencePrecedes(history[order[j]!]!, history[order[i]!]!)) return false;
  }
  return true;
}

function permutations(items: readonly number[]): number[][] {
  if (items.length === 0) return [[]];
  const result: number[][] = [];
  for (let k = 0; k < items.length; k++) {
    const rest = [...items.slice(0, k), ...items.slice(k + 1)];
    for (const tail of permutations(rest)) result.push([items[k]!, ...tail]);
  }
  return result;
}

/** Linearizable iff some choice of the unknown operations that took effect, in some order consistent with
 *  real time, replays: every 'ok' operation included, every 'fail' one excluded. */
function referenceLinearizable(history: readonly KvOperation[]): boolean {
  const required = history.flatMap((op, index) => (op.status === 'ok' ? [index] : []));
  const optional = history.flatMap((op, index) => (op.status === 'unknown' ? [index] : []));
  for (let mask = 0; mask < 1 << optional.length; mask++) {
    const chosen = [...required, ...optional.filter((_, bit) => (mask >> bit) & 1)];
    for (const order of permutations(chosen)) if (respectsRealTime(history, order) && referenceReplay(history, order)) return true;
  }
  return false;
}

/** A certificate from the checker, one order per partition: every ok operation once, no failed one, each
 *  order keeps real time and replays (keys are independent registers, so each is replayed alone). */
function validCertificate(history: readonly KvOperation[], orders: readonly (readonly number[])[]): boolean {
  const seen = new Set(orders.flat());
  if (seen.size !== orders.flat().length) return false;
  for (let index = 0; index < history.length; index++) {
    if (history[index]!.status === 'ok' && !seen.has(index)) return false;
    if (history[index]!.status === 'fail' && seen.has(index)) return false;
  }
  return orders.every((order) => respectsRealTime(history, order) && referenceReplay(history, order));
}

function certificateOf(history: readonly KvOperation[], model: Model<KvState, KvInput, KvOutput>): number[][] | null {
  const result = checkLinearizable(history, model, { explain: false });
  if (result.verdict !== 'ok') return null;
  return result.partitions.map((partition) => (partition.verdict === 'ok' ? [...partition.linearization] : []));
}

// ---- Small arbitrary histories for the comparison. ----

const smallOperation = (keys: readonly string[]): fc.Arbitrary<KvOperation> =>
  fc
    .record({
      key: fc.constantFrom(...keys),
      kind: fc.constantFrom('get', 'put', 'cas'),
      value: fc.constantFrom('1', '2'),
      expected: fc.constantFrom(null, '1', '2'),
      seen: fc.constantFrom(null, '1', '2'),
      swapped: fc.boolean(),
      callUs: fc.nat(20),
      durationUs: fc.nat(10),
      status: fc.constantFrom('ok', 'ok', 'ok', 'unknown', 'fail'),
      clientId: fc.nat(3),
    })
    .map((spec): KvOperation => {
      const input: KvInput =
        spec.kind === 'get'
          ? { op: 'get', key: spec.key }
          : spec.kind === 'put'
            ? { op: 'put', key: spec.key, value: spec.value }
            : { op: 'cas', key: spec.key, expected: spec.expected, value: spec.value };
      const output: KvOutput = spec.kind === 'get' ? { kind: 'get', value: spec.seen } : spec.kind === 'put' ? { kind: 'put' } : { kind: 'cas', ok: spec.swapped };
      const base = { clientId: spec.clientId, callUs: spec.callUs, input };
      const returnUs = spec.callUs + spec.durationUs;
      if (spec.status === 'ok') return { ...base, status: 'ok', returnUs, output };
      if (spec.status === 'fail') return { ...base, status: 'fail', returnUs, output: null };
      return { ...base, status: 'unknown', returnUs: spec.durationUs % 2 === 0 ? null : returnUs, output: null };
    });

const smallHistory = fc.oneof(fc.array(smallOperation(['a']), { maxLength: 7 }), fc.array(smallOperation(['a', 'b']), { maxLength: 7 }));

/** Nearly sequential small histories: the shape most often replayed in call order without a search (replay.ts). */
const nearlySequential = fc.array(stepSpec(['a', 'b']), { maxLength: 7 }).map(nearlySequentialHistory);

function agreesWithReference(model: Model<KvState, KvInput, KvOutput>, histories: fc.Arbitrary<KvOperation[]> = smallHistory) {
  return fc.property(histories, (history) => {
    const expected = referenceLinearizable(history);
    const certificate = certificateOf(history, model);
    if ((certificate !== null) !== expected) return false;
    return certificate === null || validCertificate(history, certificate);
  });
}

describe('linearizability properties', () => {
  it('(i) a history of a sequential register with overlap consistent with its order is linearizable', () => {
    fc.assert(
      fc.property(fc.array(operationSpec(['a', 'b', 'c'], ['1', '2', '3']), { maxLength: 80 }), (specs) => {
        const history = sequentialHistory(specs);
        const certificate = certificateOf(history, kvModel);
        expect(certificate).not.toBeNull();
        expect(validCertificate(history, certificate!)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('(ii) the same with one read corrupted to a value never written is never linearizable', () => {
    fc.assert(
      fc.property(fc.array(operationSpec(['a', 'b'], ['1', '2', '3']), { minLength: 1, maxLength: 60 }), fc.nat(), (specs, pick) => {
        const history = sequentialHistory(specs);
        const reads = history.flatMap((op, index) => (op.status === 'ok' && op.input.op === 'get' ? [index] : []));
        fc.pre(reads.length > 0);
        const corrupted = reads[pick % reads.length]!;
        const read = history[corrupted]!;
        history[corrupted] = { ...read, status: 'ok', returnUs: read.returnUs!, output: { kind: 'get', value: 'never-written' } };
        const result = checkLinearizable(history, kvModel);
        expect(result.verdict).toBe('violation');
        // The corrupted read's key is the (only) violating partition.
        expect(result.verdict === 'violation' && result.violations.map((violation) => violation.partition)).toEqual([read.input.key]);
      }),
      { numRuns: 200 },
    );
  });

  it('(iii) on small histories (<= 7 operations, 1-2 keys) the search agrees with a brute-force reference', () => {
    fc.assert(agreesWithReference(kvModel), { numRuns: 3000 });
  });

  it('(iv) on nearly sequential small histories (mostly replayed in call order, not searched) the same', () => {
    fc.assert(agreesWithReference(kvModel, nearlySequential), { numRuns: 3000 });
  });

  it('the small-history generator yields both verdicts (the comparison is not vacuous)', () => {
    for (const histories of [smallHistory, nearlySequential]) {
      const verdicts = fc.sample(histories, { numRuns: 500, seed: 7 }).map(referenceLinearizable);
      expect(verdicts.filter(Boolean).length).toBeGreaterThan(100);
      expect(verdicts.filter((v) => !v).length).toBeGreaterThan(100);
    }
  });

  it('the reference comparison catches a broken checker: memoization keyed on the linearized set alone', () => {
    // Lowe's cache must key on (set, state); dropping the state prunes orders that differ only in the state.
    const broken: Model<KvState, KvInput, KvOutput> = { ...kvModel, stateKey: () => 0 };
    const outcome = fc.check(agreesWithReference(broken), { numRuns: 3000, seed: 1 });
    expect(outcome.failed).toBe(true);
  });
});
