// The search's first path taken without the search (linearizability/replay.ts: the operations in call order,
// when the model accepts them all): whenever it answers, it answers exactly what the search would — verdict,
// steps and linearization — on nearly sequential histories with overlapping and equal-time neighbours, unknown
// and failed outcomes, impossible outputs and small step budgets; and checkLinearizable, which takes it, agrees
// partition by partition with the search alone.
import { fc } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { checkLinearizable, kvModel } from '../linearizability/index.js';
import { callOrder, prepareInCallOrder } from '../linearizability/events.js';
import { readHistory, STATUS_FAIL, type HistoryColumns } from '../linearizability/history.js';
import type { KvInput, KvOutput } from '../linearizability/kv-model.js';
import { PLAIN_SEARCH, searchPartition, type SearchOutcome } from '../linearizability/search.js';
import { replayInCallOrder } from '../linearizability/replay.js';
import type { KvOperation } from './support/kv-history.js';
import { nearlySequentialHistory, stepSpec } from './support/sequential-histories.js';

const histories = fc.array(stepSpec(['a', 'b']), { maxLength: 24 }).map(nearlySequentialHistory);
/** Budgets: the default, or small enough to stop the search (or the replay) short. */
const budgets = fc.oneof(fc.constant(10_000_000), fc.nat(14));

interface KeyPartition {
  readonly key: string;
  readonly order: number[];
}

/** Each key's operations (failed ones left out, as the checker does), in call order. */
function keyPartitions(history: readonly KvOperation[], columns: HistoryColumns<KvInput, KvOutput>): KeyPartition[] {
  const keys = [...new Set(history.map((operation) => operation.input.key))];
  return keys.map((key) => {
    const indices = history.flatMap((operation, index) => (operation.input.key === key && columns.status[index] !== STATUS_FAIL ? [index] : []));
    return { key, order: callOrder(columns, indices) };
  });
}

/** The search alone, without the shortcut. */
function fullSearch(columns: HistoryColumns<KvInput, KvOutput>, { key, order }: KeyPartition, maxSteps: number): SearchOutcome<string | undefined> {
  return searchPartition(prepareInCallOrder(key, columns, order), kvModel, { ...PLAIN_SEARCH, maxSteps });
}

describe('the replay in call order', () => {
  it('whenever it gives an outcome, it is the search outcome: verdict, steps and linearization', () => {
    fc.assert(
      fc.property(histories, budgets, (history, budget) => {
        const columns = readHistory(history);
        for (const partition of keyPartitions(history, columns)) {
          const replayed = replayInCallOrder(columns, partition.order, kvModel, budget);
          if (replayed !== null) expect(fullSearch(columns, partition, budget)).toEqual(replayed);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('answers for overlapping partitions and unknown outcomes, and declines ones that are linearizable in another order or not at all (not vacuous)', () => {
    const counts = { replayed: 0, replayedOverlapping: 0, replayedUnknownOutcome: 0, declinedOk: 0, declinedViolation: 0 };
    for (const history of fc.sample(histories, { numRuns: 1000, seed: 3 })) {
      const columns = readHistory(history);
      for (const partition of keyPartitions(history, columns)) {
        const { order } = partition;
        if (replayInCallOrder(columns, order, kvModel, 10_000_000) !== null) {
          counts.replayed++;
          if (order.some((index, k) => k > 0 && columns.returnUs[order[k - 1]!]! >= columns.callUs[index]!)) counts.replayedOverlapping++;
          if (order.some((index) => history[index]!.status === 'unknown')) counts.replayedUnknownOutcome++;
        } else if (fullSearch(columns, partition, 10_000_000).kind === 'violation') counts.declinedViolation++;
        else counts.declinedOk++;
      }
    }
    expect(counts.replayed).toBeGreaterThan(500);
    expect(counts.replayedOverlapping).toBeGreaterThan(100);
    expect(counts.replayedUnknownOutcome).toBeGreaterThan(100);
    expect(counts.declinedOk).toBeGreaterThan(20);
    expect(counts.declinedViolation).toBeGreaterThan(200);
  });

  it('checkLinearizable (which takes the shortcut) answers what the search alone answers, partition by partition', () => {
    fc.assert(
      fc.property(histories, budgets, (history, budget) => {
        const result = checkLinearizable(history, kvModel, { explain: false, maxStepsPerPartition: budget });
        const columns = readHistory(history);
        const partitions = keyPartitions(history, columns);
        expect(result.partitions.map((partition) => partition.partition)).toEqual(partitions.map((partition) => partition.key));
        result.partitions.forEach((verdict, k) => {
          const partition = partitions[k]!;
          const outcome = fullSearch(columns, partition, budget);
          expect(verdict.stepsUsed).toBe(outcome.steps);
          if (outcome.kind === 'ok') expect(verdict).toMatchObject({ verdict: 'ok', linearization: Array.from(outcome.linearization, (position) => partition.order[position]) });
          else if (outcome.kind === 'violation') expect(verdict).toMatchObject({ verdict: 'violation', stuckIndex: partition.order[outcome.stuckOperation] });
          else expect(verdict).toMatchObject({ verdict: 'unknown', reason: 'budget' });
        });
      }),
      { numRuns: 2000 },
    );
  });
});
