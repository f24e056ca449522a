// The step budget (deterministic: steps, never the clock) and the shrinker.
import { fc } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { checkLinearizable, describeViolation, kvModel, TURN_STEPS, type KvInput, type KvOutput } from '../linearizability/index.js';
import type { History } from '../linearizability/history.js';
import { get, put, type KvOperation } from './support/kv-history.js';
import { operationSpec, sequentialHistory } from './support/register-histories.js';

/** `writers` concurrent puts of distinct values, then a read of a value none of them wrote: a violation that
 *  the search can only prove by trying every subset of the writes (about writers * 2^writers steps). */
function hardViolation(key: string, writers: number): KvOperation[] {
  const history: KvOperation[] = [];
  for (let w = 0; w < writers; w++) history.push(put(key, `v${w}`, [0, 100], w));
  history.push(get(key, 'nobody-wrote-this', [50, 200], writers));
  return history;
}

function isViolation(history: History<KvInput, KvOutput>): boolean {
  return checkLinearizable(history, kvModel, { explain: false }).verdict === 'violation';
}

describe('linearizability budget', () => {
  it("answers 'unknown' when the budget runs out, naming the partition and its size, and is deterministic", () => {
    const history = hardViolation('k7', 12);
    const first = checkLinearizable(history, kvModel, { maxStepsPerPartition: 5000 });
    expect(first.verdict).toBe('unknown');
    if (first.verdict !== 'unknown') return;
    expect([first.partition, first.operations, first.stepsUsed]).toEqual(['k7', 13, 5000]);
    expect(checkLinearizable(history, kvModel, { maxStepsPerPartition: 5000 })).toEqual(first);
    expect(describeViolation(first)).toMatch(/^unknown: partition 'k7' \(13 operations\) used its whole budget of 5000 search steps/);
    // Given enough steps the same history is a violation, in the same number of steps every time.
    const full = checkLinearizable(history, kvModel, { explain: false });
    expect(full.verdict).toBe('violation');
    expect(full.totalStepsUsed).toBeGreaterThan(5000);
    expect(checkLinearizable(history, kvModel, { explain: false }).totalStepsUsed).toBe(full.totalStepsUsed);
    // One step short of what it needs: unknown; exactly what it needs: the verdict.
    expect(checkLinearizable(history, kvModel, { explain: false, maxStepsPerPartition: full.totalStepsUsed - 1 }).verdict).toBe('unknown');
    expect(checkLinearizable(history, kvModel, { explain: false, maxStepsPerPartition: full.totalStepsUsed }).verdict).toBe('violation');
  });

  it('a violation in one partition is a violation overall even when another partition is unknown', () => {
    const history = [...hardViolation('slow', 12), put('fast', '1', [0, 10]), get('fast', '2', [20, 30])];
    const result = checkLinearizable(history, kvModel, { maxStepsPerPartition: 5000 });
    expect(result.verdict).toBe('violation');
    expect(result.partitions.map((partition) => [partition.partition, partition.verdict])).toEqual([
      ['slow', 'unknown'],
      ['fast', 'violation'],
    ]);
  });

  it('stopAtFirstViolation: partitions take deterministic turns and a quick violation is not held up by a slow partition', () => {
    const history = [...hardViolation('slow', 12), put('fast', '1', [0, 10]), get('fast', '2', [20, 30])];
    const options = { stopAtFirstViolation: true, explain: false } as const;
    const result = checkLinearizable(history, kvModel, options);
    expect(result.verdict).toBe('violation');
    expect(result.partitions.map((partition) => [partition.partition, partition.verdict, partition.stepsUsed])).toEqual([
      ['slow', 'unknown', TURN_STEPS],
      ['fast', 'violation', 4],
    ]);
    expect(result.partitions[0]!.verdict === 'unknown' && result.partitions[0]!.reason).toBe('stopped');
    expect(checkLinearizable(history, kvModel, options)).toEqual(result);
    // Without stopping, the slow partition is proven too, in the same steps as when checked alone.
    const all = checkLinearizable(history, kvModel, { explain: false });
    const alone = checkLinearizable(hardViolation('slow', 12), kvModel, { explain: false });
    expect(all.partitions.map((partition) => partition.verdict)).toEqual(['violation', 'violation']);
    expect(all.partitions[0]!.stepsUsed).toBe(alone.totalStepsUsed);
  });

  it('the verdict of a linearizable history is reproducible step for step', () => {
    const specs = fc.sample(fc.array(operationSpec(['a', 'b'], ['1', '2', '3']), { minLength: 200, maxLength: 200 }), { numRuns: 1, seed: 42 })[0]!;
    const history = sequentialHistory(specs);
    const first = checkLinearizable(history, kvModel);
    expect(first.verdict).toBe('ok');
    expect(checkLinearizable(history, kvModel)).toEqual(first);
  });
});

describe('linearizability shrinker', () => {
  it('the minimal failing sub-history fails alone, and removing any one operation makes it linearizable', () => {
    fc.assert(
      fc.property(fc.array(operationSpec(['a'], ['1', '2', '3']), { minLength: 2, maxLength: 40 }), fc.nat(), (specs, pick) => {
        const history = sequentialHistory(specs);
        // Make one read stale: it returns a value written earlier (or absent) instead of the current one.
        const reads = history.flatMap((op, index) => (op.status === 'ok' && op.input.op === 'get' ? [index] : []));
        fc.pre(reads.length > 0);
        const index = reads[pick % reads.length]!;
        const read = history[index]!;
        const current = read.status === 'ok' && read.output.kind === 'get' ? read.output.value : null;
        const stale = ['1', '2', '3', null].find((value) => value !== current) ?? null;
        history[index] = { ...read, status: 'ok', returnUs: read.returnUs!, output: { kind: 'get', value: stale } };
        const result = checkLinearizable(history, kvModel);
        fc.pre(result.verdict === 'violation');
        if (result.verdict !== 'violation' || result.violation.explanation === null) throw new Error('expected an explained violation');
        const minimal = result.violation.explanation.minimal;
        expect(minimal.oneMinimal).toBe(true);
        const operations = minimal.operations.map((entry) => entry.operation);
        expect(isViolation(operations)).toBe(true);
        for (let drop = 0; drop < operations.length; drop++) {
          expect(isViolation(operations.filter((_, k) => k !== drop))).toBe(false);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('focused on the stuck operation, the shrinker keeps it and a state that allows its output', () => {
    const values = ['1', '2', '3', '4', '5', '6', '7', '8'];
    fc.assert(
      fc.property(fc.array(operationSpec(['a'], values), { minLength: 10, maxLength: 40 }), fc.nat(), (specs, pick) => {
        const history = sequentialHistory(specs);
        const puts = history.flatMap((op, index) => (op.status === 'ok' && op.input.op === 'put' ? [index] : []));
        const reads = history.flatMap((op, index) => (op.status === 'ok' && op.input.op === 'get' ? [index] : []));
        fc.pre(reads.length > 0);
        // A read of a value that an earlier put wrote, but (perhaps) not the current one.
        const index = reads[pick % reads.length]!;
        const earlier = puts.filter((put) => put < index - 4);
        fc.pre(earlier.length > 0);
        const written = history[earlier[pick % earlier.length]!]!.input as { value: string };
        const read = history[index]!;
        history[index] = { ...read, status: 'ok', returnUs: read.returnUs!, output: { kind: 'get', value: written.value } };
        const result = checkLinearizable(history, kvModel);
        fc.pre(result.verdict === 'violation');
        if (result.verdict !== 'violation' || result.violation.explanation === null) throw new Error('expected an explained violation');
        const { focused, stuck } = result.violation.explanation;
        if (focused === null) return;
        expect(focused.oneMinimal).toBe(true);
        expect(focused.operations.map((entry) => entry.index)).toContain(stuck.index);
        expect(isViolation(focused.operations.map((entry) => entry.operation))).toBe(true);
        // The focus keeps more than the failing read: something wrote what it returned.
        if (stuck.operation.input.op === 'get' && stuck.operation.status === 'ok' && stuck.operation.output.kind === 'get') {
          const value = stuck.operation.output.value;
          expect(value === null || focused.operations.some((entry) => 'value' in entry.operation.input && entry.operation.input.value === value)).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('a stale read of the initial state shrinks to the write it missed and the read', () => {
    const history = [put('y', '9', [0, 5]), put('x', '1', [0, 10]), get('y', '9', [20, 25]), put('x', '1', [30, 35]), get('x', null, [40, 50])];
    const result = checkLinearizable(history, kvModel);
    const minimal = result.verdict === 'violation' && result.violation.explanation?.minimal.operations.map((entry) => entry.index);
    expect(minimal).toEqual([3, 4]);
    // (A read of any other value fails alone — the register starts absent — so it shrinks to the read.)
  });

  it('when the shrink budget runs out it says so and still returns a failing sub-history', () => {
    const history = [put('x', '1', [0, 10]), put('x', '2', [20, 30]), put('x', '3', [40, 50]), get('x', '2', [60, 70])];
    const result = checkLinearizable(history, kvModel, { shrinkMaxSteps: 1 });
    if (result.verdict !== 'violation' || result.violation.explanation === null) throw new Error('expected an explained violation');
    const minimal = result.violation.explanation.minimal;
    expect(minimal.oneMinimal).toBe(false);
    expect(minimal.stepsUsed).toBeLessThanOrEqual(1);
    expect(isViolation(minimal.operations.map((entry) => entry.operation))).toBe(true);
  });
});
