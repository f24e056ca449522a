// The end-of-run linearizability check on real runs (sim/linearizable.ts): the catalogued stale-read bugs are
// caught with the smallest failing sub-history of the key, the same scenario and seed pass without the bug, the
// history of a correct run is linearizable and not trivially so, and the history cap gives Unknown, never a pass.
import { fc } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { checkLinearizable, kvModel, type History, type KvInput, type KvOutput, type Operation } from '../linearizability/index.js';
import { ClientHistory } from '../sim/client-history.js';
import { checkClientHistory, observableOperations } from '../sim/linearizable.js';
import { simulate, type SimulationOptions, type SimulationResult } from '../sim/simulate.js';
import { Trace } from '../sim/trace.js';
import { openScenario, runLoadedScenario } from '../src/run-scenario.js';
import { summarizeSeed, toResultJson } from '../src/result.js';
import { runSummary, sweepText } from '../src/summary.js';
import { summarizeSweep } from '../src/sweep.js';
import { renderRunReport } from '../reports/index.js';

const leaseScenario = 'test/fixtures/scenarios/stale-lease-reads.yaml';
const readIndexScenario = 'test/fixtures/scenarios/stale-read-index.yaml';

function run(ref: string, seed: number, bugs: string[], extra: Partial<SimulationOptions> = {}, trace = new Trace({ hash: false })): SimulationResult {
  const compiled = openScenario(ref).compile(seed, bugs.length > 0 ? { bug: bugs } : {});
  return simulate({ ...compiled.options, ...extra }, trace);
}

/** The run fails with the read check or the full check, and the full check explains it on one key. */
function expectCaught(result: SimulationResult, seed: number): void {
  expect(result.verdict).toBe('safety');
  expect(['LinearizableRead', 'Linearizable']).toContain(result.violation!.invariant);
  const verdict = result.linearizability!;
  expect(verdict.verdict).toBe('violation');
  expect(verdict.key).toMatch(/^k\d+$/);
  expect(verdict.stuck).not.toBeNull();
  expect(verdict.subHistory.length).toBeGreaterThanOrEqual(2);
  expect(verdict.subHistory.map((op) => op.ref)).toContain(verdict.stuck!.ref);
  expect(verdict.subHistory.every((op) => op.key === verdict.key)).toBe(true);
  expect(verdict.reason).toContain(`seed ${seed}`);
}

describe('stale reads are caught by the linearizability check', () => {
  const cases: [string, string, number][] = [
    ['read-index-without-confirmation', readIndexScenario, 1],
    ['lease-without-drift-margin', leaseScenario, 1],
  ];

  it.each(cases)('%s on %s seed %i: caught with the sub-history; without the bug the same run passes', (bug, scenario, seed) => {
    expectCaught(run(scenario, seed, [bug]), seed);
    const correct = run(scenario, seed, []);
    expect(correct.verdict).toBe('ok');
    expect(correct.linearizability!.verdict).toBe('ok');
  });

  it.each(cases)('%s on %s seed %i: without the per-read first pass the run goes on and fails as Linearizable', (bug, scenario, seed) => {
    const result = run(scenario, seed, [bug], { linearizability: { readCheck: false } });
    expect(result.violation!.invariant).toBe('Linearizable');
    expect(result.violation!.message).toContain(`key ${result.linearizability!.key}`);
    expect(result.violation!.message).toContain(result.linearizability!.stuck!.ref);
    expectCaught(result, seed);
  });

  it('writes the verdict into the trace, and the report draws the sub-history with the impossible read marked', () => {
    const lines: string[] = [];
    const result = run(leaseScenario, 1, ['lease-without-drift-margin'], {}, new Trace({ sink: { write: (line) => lines.push(line) }, hash: false }));
    const record = lines.map((line) => JSON.parse(line) as { type: string; verdict?: string; stuck?: string; subHistory?: string[] }).find((r) => r.type === 'linearizability')!;
    expect(record.verdict).toBe('violation');
    expect(record.stuck).toBe(result.linearizability!.stuck!.ref);
    expect(record.subHistory).toEqual(result.linearizability!.subHistory.map((op) => op.ref));
    const svg = renderRunReport(lines.join('').split('\n'));
    expect(svg).toContain('Linearizability violation · key');
    expect(svg).toContain('class="op-ok op-stuck"');
    expect(svg).toContain('← cannot be placed');
    // The per-client timeline is drawn in every report.
    expect(svg).toContain('class="client-ops"');
  });
});

describe('the verdict in result.json, the run summary and the sweep summary', () => {
  it('says yes, NO with the sub-history, and counts seeds', () => {
    const scenario = openScenario(readIndexScenario);
    const failing = runLoadedScenario(scenario, 1, { overrides: { bug: ['read-index-without-confirmation'] }, trace: new Trace({ hash: false }) });
    const passing = runLoadedScenario(scenario, 1, { trace: new Trace({ hash: false }) });
    const failingJson = toResultJson(failing);
    expect(failingJson.linearizability!.verdict).toBe('violation');
    expect(failingJson.exitCode).toBe(1);
    const text = runSummary(failingJson);
    expect(text).toContain(`linearizable NO`);
    expect(text).toContain(`smallest failing sub-history of ${failingJson.linearizability!.key}`);
    expect(text).toContain(`${failingJson.linearizability!.stuck!.ref}`);
    expect(text).toContain('<- cannot be placed');
    expect(runSummary(toResultJson(passing))).toContain('linearizable yes');
    const sweep = summarizeSweep({ scenario: scenario.name, ref: readIndexScenario, overrides: [] }, [summarizeSeed(failing), summarizeSeed(passing)]);
    expect(sweep.linearizability).toEqual({ ok: 1, violation: 1, unknown: 0, off: 0 });
    expect(sweepText(sweep, null)).toContain('linearizable 1 seed yes, 1 NO, 0 UNKNOWN (undecided)');
  });
});

describe('the history of a correct run', () => {
  it('is linearizable, with concurrent operations and unknown outcomes, and the checker on the whole history agrees', () => {
    const result = run(leaseScenario, 1, []);
    expect(result.verdict).toBe('ok');
    const verdict = result.linearizability!;
    expect(verdict.verdict).toBe('ok');
    const entries = result.internals.workload.clientHistory.entries();
    expect(entries.length).toBe(result.workload.invoked);
    expect(verdict.unknownOutcomes).toBeGreaterThan(0);
    expect(entries.filter((entry) => entry.operation.status === 'unknown').length).toBe(result.workload.timedOut);
    const ops = entries.map((entry) => entry.operation);
    // Concurrency: some operation of another client is called before one returns.
    const overlapping = ops.some((a, i) => a.status === 'ok' && ops.slice(i + 1, i + 40).some((b) => b.clientId !== a.clientId && b.callUs < a.returnUs));
    expect(overlapping).toBe(true);
    // The checker on the whole history (nothing left out) agrees.
    const full = checkLinearizable(ops, kvModel, { maxStepsPerPartition: 5_000_000 });
    expect(full.verdict).toBe('ok');
  });

  it('beyond the cap the verdict is Unknown, naming the cap, never a pass', () => {
    const result = run(readIndexScenario, 1, [], { linearizability: { maxOperations: 200 } });
    expect(result.verdict).toBe('ok');
    expect(result.linearizability!.verdict).toBe('unknown');
    expect(result.linearizability!.notRecorded).toBe(result.workload.invoked - 200);
    expect(result.linearizability!.reason).toContain('history cap of 200 operations');
  });

  it('under the cap a stale read in the recorded part is still a violation (open operations become unknown)', () => {
    const history = new ClientHistory(3);
    history.invoke('c1', 1, { op: 'put', key: 'k1', value: 'a' }, 0);
    history.complete('c1', 1, 'ok', { kind: 'put', ok: true }, 10);
    history.invoke('c1', 2, { op: 'put', key: 'k1', value: 'b' }, 20);
    history.complete('c1', 2, 'ok', { kind: 'put', ok: true }, 30);
    history.invoke('c2', 1, { op: 'get', key: 'k1' }, 40);
    history.complete('c2', 1, 'ok', { kind: 'get', value: 'a' }, 50);
    history.invoke('c3', 1, { op: 'put', key: 'k1', value: 'c' }, 60);
    const verdict = checkClientHistory(history, 7);
    expect(history.dropped).toBe(1);
    expect(verdict.verdict).toBe('violation');
    expect(verdict.stuck!.ref).toBe('c2#1');
    expect(verdict.reason).toContain('seed 7');
  });
});

/** Small histories on one or two keys, values from a small set (so they repeat), a third of the outcomes unknown,
 *  cas outputs with and without the value found. */
const smallOperation = fc
  .record({
    key: fc.constantFrom('a', 'b'),
    kind: fc.constantFrom('get', 'put', 'cas'),
    value: fc.constantFrom('1', '2', '3'),
    expected: fc.constantFrom(null, '1', '2'),
    seen: fc.constantFrom(null, '1', '2', '3'),
    swapped: fc.boolean(),
    reportsValue: fc.boolean(),
    callUs: fc.nat(20),
    durationUs: fc.nat(10),
    unknown: fc.nat(2),
    clientId: fc.nat(3),
  })
  .map((spec): Operation<KvInput, KvOutput> => {
    const input: KvInput =
      spec.kind === 'get' ? { op: 'get', key: spec.key } : spec.kind === 'put' ? { op: 'put', key: spec.key, value: spec.value } : { op: 'cas', key: spec.key, expected: spec.expected, value: spec.value };
    const cas: KvOutput = spec.reportsValue ? { kind: 'cas', ok: spec.swapped, value: spec.swapped ? spec.value : spec.seen } : { kind: 'cas', ok: spec.swapped };
    const output: KvOutput = spec.kind === 'get' ? { kind: 'get', value: spec.seen } : spec.kind === 'put' ? { kind: 'put' } : cas;
    const base = { clientId: spec.clientId, callUs: spec.callUs, input };
    if (spec.unknown === 0) return { ...base, status: 'unknown', returnUs: null, output: null };
    return { ...base, status: 'ok', returnUs: spec.callUs + spec.durationUs, output };
  });

describe('leaving out unknown-outcome operations no one could have observed', () => {
  it('keeps the verdict of the whole history', () => {
    fc.assert(
      fc.property(fc.array(smallOperation, { maxLength: 8 }), (history: History<KvInput, KvOutput>) => {
        const kept = observableOperations(history).map((index) => history[index]!);
        return checkLinearizable(kept, kvModel).verdict === checkLinearizable(history, kvModel).verdict;
      }),
      { numRuns: 3000 },
    );
  });

  it('keeps exactly the operations the straightforward definition keeps', () => {
    // The definition, directly: every value seen per key (strings joined with the key), then the unknown
    // outcomes whose write was seen or whose key has a cas that did not say what it found.
    const reference = (history: History<KvInput, KvOutput>): number[] => {
      const seen = new Set<string>();
      const keepAll = new Set<string>();
      for (const { input, status, output } of history) {
        if (input.op === 'cas' && input.expected !== null) seen.add(`${input.key}\u0000${input.expected}`);
        if (status !== 'ok') continue;
        if (output.kind === 'cas' && output.value === undefined) keepAll.add(input.key);
        const value = output.kind === 'get' ? output.value : output.kind === 'cas' ? (output.value ?? null) : null;
        if (value !== null) seen.add(`${input.key}\u0000${value}`);
      }
      return history.flatMap(({ input, status }, index) =>
        status !== 'unknown' || keepAll.has(input.key) || (input.op !== 'get' && seen.has(`${input.key}\u0000${input.value}`)) ? [index] : [],
      );
    };
    fc.assert(
      fc.property(fc.array(smallOperation, { maxLength: 12 }), (history: History<KvInput, KvOutput>) => {
        expect(observableOperations(history)).toEqual(reference(history));
      }),
      { numRuns: 3000 },
    );
  });

  it('is shown to matter: dropping every unknown-outcome operation instead changes verdicts', () => {
    const changed = fc.sample(fc.array(smallOperation, { maxLength: 8 }), { numRuns: 3000, seed: 1 }).some((history) => {
      const known = history.filter((operation) => operation.status !== 'unknown');
      return checkLinearizable(known, kvModel).verdict !== checkLinearizable(history, kvModel).verdict;
    });
    expect(changed).toBe(true);
  });
});
