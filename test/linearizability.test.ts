// Hand-written histories with known answers: the classic cases a linearizability checker must get right
// (Herlihy & Wing 1990, figure 1; Jepsen's register and cas-register tests; Porcupine's test suite).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  checkLinearizable,
  describeViolation,
  HistoryError,
  kvModel,
  type CheckResult,
  type Model,
  type Operation,
  UNKNOWN,
  type KvInput,
  type KvOutput,
  type KvState,
} from '../linearizability/index.js';
import { cas, failed, get, put, unknown, type KvOperation } from './support/kv-history.js';

type KvResult = CheckResult<KvState, KvInput, KvOutput>;

function check(history: KvOperation[]): KvResult {
  return checkLinearizable(history, kvModel);
}

function violationOf(result: KvResult) {
  if (result.verdict !== 'violation') throw new Error(`expected a violation, got ${result.verdict}`);
  if (result.violation.explanation === null) throw new Error('expected an explanation');
  return { ...result.violation, explanation: result.violation.explanation };
}

describe('linearizability: registers', () => {
  it('a stale read after a completed write is a violation, explained', () => {
    const history = [put('x', '1', [0, 10]), put('x', '2', [20, 30]), get('x', '1', [40, 50])];
    const violation = violationOf(check(history));
    expect(violation.partition).toBe('x');
    expect(violation.stuckIndex).toBe(2);
    expect(violation.explanation.stuck.explanation).toBe(
      "get(x) -> '1' cannot be placed: every linearization of the 2 operations before it leaves x = '2'",
    );
    expect(violation.explanation.longestPrefix.map((placed) => [placed.index, placed.stateAfterDescription])).toEqual([
      [0, "x = '1'"],
      [1, "x = '2'"],
    ]);
    // The read alone already fails (x starts absent): that is the smallest failing sub-history. Focused on the
    // read, the write it saw and the write it missed stay.
    expect(violation.explanation.minimal.operations.map((entry) => entry.index)).toEqual([2]);
    expect(violation.explanation.minimal.oneMinimal).toBe(true);
    expect(violation.explanation.focused?.operations.map((entry) => entry.index)).toEqual([0, 1, 2]);
    expect(violation.explanation.focused?.oneMinimal).toBe(true);
  });

  it('a read concurrent with a write may see either value', () => {
    for (const seen of [null, '1']) expect(check([put('x', '1', [0, 10]), get('x', seen, [5, 15])]).verdict).toBe('ok');
  });

  it('concurrent writes: either order explains the later reads, but not both orders at once', () => {
    const writes = [put('x', '1', [0, 100]), put('x', '2', [0, 100])];
    expect(check([...writes, get('x', '1', [110, 120])]).verdict).toBe('ok');
    expect(check([...writes, get('x', '2', [110, 120])]).verdict).toBe('ok');
    // A read during the writes pins the order: it saw 2, so 1 went last, so later reads see 1.
    expect(check([...writes, get('x', '2', [50, 60]), get('x', '1', [110, 120])]).verdict).toBe('ok');
    // Both writes completed before either read: no write can fall between the reads.
    expect(check([...writes, get('x', '1', [110, 120]), get('x', '2', [130, 140])]).verdict).toBe('violation');
    expect(check([...writes, get('x', '2', [50, 60]), get('x', '2', [110, 120]), get('x', '1', [130, 140])]).verdict).toBe('violation');
  });

  it('a compare-and-set chain that only one order explains is linearizable', () => {
    // Listed out of order and all concurrent: only a -> b -> c -> d makes every cas swap.
    const history = [
      put('x', 'a', [0, 10]),
      cas('x', 'c', 'd', true, [20, 100]),
      cas('x', 'a', 'b', true, [20, 100]),
      cas('x', 'b', 'c', true, [20, 100]),
      get('x', 'd', [110, 120]),
    ];
    const result = check(history);
    expect(result.verdict).toBe('ok');
    if (result.verdict !== 'ok') return;
    expect(result.partitions[0]!.verdict === 'ok' && result.partitions[0]!.linearization).toEqual([0, 2, 3, 1, 4]);
  });

  it('a compare-and-set chain that no order explains is a violation', () => {
    // Both swapped from a, with nothing writing a back in between: impossible.
    const history = [put('x', 'a', [0, 10]), cas('x', 'a', 'b', true, [20, 100]), cas('x', 'a', 'c', true, [20, 100])];
    const violation = violationOf(check(history));
    expect(violation.explanation.stuck.explanation).toBe(
      "cas(x, 'a' -> 'c') -> swapped cannot be placed: it fits only in orders that leave another operation no place; " +
        "after the longest linearizable prefix (2 operations) it meets x = 'b'",
    );
    // Either cas alone fails too: the register starts absent, not 'a'.
    const minimal = violation.explanation.minimal.operations;
    expect(minimal.length === 1 && minimal[0]!.operation.input.op).toBe('cas');
    // A cas that did not swap observed another value: also an output to explain.
    expect(check([put('x', 'a', [0, 10]), cas('x', 'a', 'b', false, [20, 30])]).verdict).toBe('violation');
    expect(check([put('x', 'a', [0, 10]), cas('x', 'z', 'b', false, [20, 30]), get('x', 'a', [40, 50])]).verdict).toBe('ok');
  });

  it("a cas that reports the value it found is checked against it (the simulator's KvResult does)", () => {
    const found = (value: string | null): KvOperation => ({
      status: 'ok',
      clientId: 9,
      callUs: 20,
      returnUs: 30,
      input: { op: 'cas', key: 'x', expected: 'z', value: 'b' },
      output: { kind: 'cas', ok: false, value },
    });
    expect(check([put('x', 'a', [0, 10]), found('a')]).verdict).toBe('ok');
    expect(check([put('x', 'a', [0, 10]), found('q')]).verdict).toBe('violation');
  });
});

describe('linearizability: unknown and failed outcomes', () => {
  it('an unknown write that a later read sees must be assumed to have happened', () => {
    expect(check([put('x', '1', [0, 10]), unknown({ op: 'put', key: 'x', value: '2' }, 20), get('x', '2', [1000, 1010])]).verdict).toBe('ok');
  });

  it('an unknown write that reads never see may be assumed never to have happened', () => {
    const history = [put('x', '1', [0, 10]), unknown({ op: 'put', key: 'x', value: '2' }, 20, 30), get('x', '1', [40, 50]), get('x', '1', [60, 70])];
    const result = check(history);
    expect(result.verdict).toBe('ok');
    // The certificate leaves the unknown write out: it never took effect.
    expect(result.partitions[0]!.verdict === 'ok' && result.partitions[0]!.linearization).toEqual([0, 2, 3]);
  });

  it('an unknown write whose effect is seen and then un-seen is a violation', () => {
    const history = [put('x', '1', [0, 10]), unknown({ op: 'put', key: 'x', value: '2' }, 20), get('x', '2', [30, 40]), get('x', '1', [50, 60])];
    expect(check(history).verdict).toBe('violation');
  });

  it('an unknown write may take effect long after the client gave up', () => {
    // Gave up at 30, yet the value appears at 500: still allowed (the request may sit in a leader's log).
    const history = [put('x', '1', [0, 10]), unknown({ op: 'put', key: 'x', value: '2' }, 20, 30), get('x', '1', [40, 50]), get('x', '2', [500, 510])];
    expect(check(history).verdict).toBe('ok');
  });

  it('an unknown cas takes whichever outcome the state implies', () => {
    const casUnknown = unknown({ op: 'cas', key: 'x', expected: 'a', value: 'b' }, 20);
    expect(check([put('x', 'a', [0, 10]), casUnknown, get('x', 'b', [100, 110])]).verdict).toBe('ok');
    expect(check([put('x', 'a', [0, 10]), casUnknown, get('x', 'a', [100, 110])]).verdict).toBe('ok');
    // It cannot swap from a value other than its expected one.
    expect(check([put('x', 'q', [0, 10]), casUnknown, get('x', 'b', [100, 110])]).verdict).toBe('violation');
  });

  it('a failed write did not take effect: reading its value is a violation', () => {
    const history = [put('x', '1', [0, 10]), failed({ op: 'put', key: 'x', value: '2' }, [20, 30]), get('x', '2', [40, 50])];
    const result = check(history);
    expect(result.verdict).toBe('violation');
    expect(result.excluded).toEqual([1]);
    expect(check([put('x', '1', [0, 10]), failed({ op: 'put', key: 'x', value: '2' }, [20, 30]), get('x', '1', [40, 50])]).verdict).toBe('ok');
  });
});

describe('linearizability: real-time order', () => {
  it('equal times are concurrent: a call at the very microsecond of a return may be ordered before it', () => {
    // put returns at 10, get is called at 10: not ordered, so the get may see the register before the put.
    expect(check([put('x', '1', [0, 10]), get('x', null, [10, 20])]).verdict).toBe('ok');
    // One microsecond later the put precedes the get.
    expect(check([put('x', '1', [0, 10]), get('x', null, [11, 20])]).verdict).toBe('violation');
  });

  it('zero-length operations at the same instant are concurrent both ways', () => {
    expect(check([put('x', '1', [5, 5]), get('x', null, [5, 5])]).verdict).toBe('ok');
    expect(check([put('x', '1', [5, 5]), get('x', '1', [5, 5])]).verdict).toBe('ok');
    expect(check([put('x', '1', [5, 5]), get('x', '1', [5, 5]), get('x', null, [6, 6])]).verdict).toBe('violation');
  });
});

describe('linearizability: partitions, verdicts and errors', () => {
  it('checks each key alone and reports every partition', () => {
    const history = [put('a', '1', [0, 10]), put('b', '1', [0, 10]), get('a', '1', [20, 30]), get('b', '2', [20, 30])];
    const result = check(history);
    expect(result.partitions.map((partition) => [partition.partition, partition.verdict])).toEqual([
      ['a', 'ok'],
      ['b', 'violation'],
    ]);
    expect(result.verdict === 'violation' && result.partition).toBe('b');
  });

  it('an empty history, or one of only unknown and failed operations, is linearizable', () => {
    expect(check([]).verdict).toBe('ok');
    expect(check([unknown({ op: 'put', key: 'x', value: '1' }, 0), failed({ op: 'get', key: 'x' }, [0, 5])]).verdict).toBe('ok');
  });

  it('rejects malformed histories with an error naming the operation', () => {
    expect(() => check([put('x', '1', [0, 10]), put('x', '2', [20, 10])])).toThrow(/operation 1 of the history returns at 10 us, before its call at 20 us/);
    expect(() => check([put('x', '1', [0.5, 10])])).toThrow(HistoryError);
    const mismatched = { ...get('x', '1', [0, 1]), output: { kind: 'put' } } as KvOperation;
    expect(() => check([mismatched])).toThrow(/operation 0 of the history is malformed: a get returned a put output/);
    expect(() => checkLinearizable([], kvModel, { maxStepsPerPartition: -1 })).toThrow(/maxStepsPerPartition/);
  });

  it('describeViolation names the partition, the stuck operation and abbreviates long values (the data keeps them)', () => {
    const long = 'v'.repeat(5000);
    const result = check([put('k3', long, [0, 10]), get('k3', 'v7', [20, 30])]);
    const text = describeViolation(result);
    expect(text).toContain("not linearizable: partition 'k3' (2 operations");
    expect(text).toContain(`get(k3) -> 'v7' cannot be placed: every linearization of the 1 operation before it leaves k3 = '${'v'.repeat(24)}…(5000 chars)'`);
    expect(text.length).toBeLessThan(1000);
    const violation = violationOf(result);
    expect(violation.explanation.longestPrefix[0]!.stateAfter).toBe(long);
    expect(describeViolation(check([put('x', '1', [0, 10])]))).toMatch(/^linearizable: 1 operations in 1 partition/);
  });

  it('explain: false gives the bare verdict and the stuck operation', () => {
    const result = checkLinearizable([put('x', '1', [0, 10]), get('x', '2', [20, 30])], kvModel, { explain: false });
    expect(result.verdict === 'violation' && [result.violation.stuckIndex, result.violation.explanation]).toEqual([1, null]);
    expect(describeViolation(result)).toContain('no linearization gets past operation #1');
  });
});

// The user model of docs/linearizability.md, verbatim: a FIFO queue, one partition.
type QueueInput = { readonly op: 'enqueue'; readonly value: number } | { readonly op: 'dequeue' };
type QueueOutput = { readonly op: 'enqueue' } | { readonly op: 'dequeue'; readonly value: number | null };
type QueueState = readonly number[];

const queueModel: Model<QueueState, QueueInput, QueueOutput> = {
  init: () => [],
  step(state, input, output) {
    if (input.op === 'enqueue') return [...state, input.value];
    const head = state.length > 0 ? state[0]! : null;
    // A dequeue whose outcome is unknown takes whatever is at the head; a known one must have returned it.
    if (output !== UNKNOWN && output.op === 'dequeue' && output.value !== head) return null;
    return state.slice(1);
  },
  stateKey: (state) => state.join(','),
  describeOperation(input, output) {
    if (input.op === 'enqueue') return `enqueue(${input.value})`;
    if (output === UNKNOWN || output.op !== 'dequeue') return 'dequeue() -> unknown';
    return `dequeue() -> ${output.value ?? 'empty'}`;
  },
  describeState: (state) => `queue = [${state.join(', ')}]`,
};

describe('linearizability: a user model (the queue of the docs)', () => {
  type QueueOperation = Operation<QueueInput, QueueOutput>;
  const enqueue = (value: number, callUs: number, returnUs: number): QueueOperation => {
    return { status: 'ok', clientId: value, callUs, returnUs, input: { op: 'enqueue', value }, output: { op: 'enqueue' } };
  };
  const dequeue = (value: number | null, callUs: number, returnUs: number): QueueOperation => {
    return { status: 'ok', clientId: 9, callUs, returnUs, input: { op: 'dequeue' }, output: { op: 'dequeue', value } };
  };

  it('concurrent enqueues may land in either order, but FIFO holds after that', () => {
    const enqueues = [enqueue(1, 0, 10), enqueue(2, 0, 10)];
    expect(checkLinearizable([...enqueues, dequeue(2, 20, 30), dequeue(1, 40, 50)], queueModel).verdict).toBe('ok');
    const result = checkLinearizable([...enqueues, dequeue(1, 20, 30), dequeue(1, 40, 50)], queueModel);
    expect(result.verdict).toBe('violation');
    expect(describeViolation(result)).toContain('dequeue() -> 1 cannot be placed: every linearization of the 3 operations before it leaves queue = [2]');
    expect(checkLinearizable([enqueue(1, 0, 10), dequeue(null, 20, 30)], queueModel).verdict).toBe('violation');
  });
});

describe('linearizability: ground floor', () => {
  it('imports nothing from sim/, src/, reports/ or raft/, and nothing from node: (pure)', () => {
    const folder = 'linearizability';
    for (const file of readdirSync(folder).filter((name) => name.endsWith('.ts'))) {
      const source = readFileSync(join(folder, file), 'utf8');
      expect(source, file).not.toMatch(/from\s+['"][^'"]*(sim|src|reports|raft)\//);
      expect(source, file).not.toMatch(/from\s+['"]node:/);
      expect(source, file).not.toMatch(/\bMath\.random\b|\bDate\b|\bperformance\b/);
    }
  });
});
