// Catch-up times as samples (docs/metrics.md, "Catch-up"): a node back behind the cluster's commit index after a
// heal, a restart, a pause or its boot, until its durable log holds the commit index; censored when the faults
// outlasted the fault phase; in result.json and, bounded, in sweep.json.
import { describe, expect, it } from 'vitest';
import { runScenarioFile, runScenarioSpec } from '../src/api.js';
import { main } from '../src/cli.js';
import { seedSamples } from '../src/result.js';
import { pooledSamples } from '../src/sweep.js';
import type { ScenarioInput } from '../src/scenario/input.js';

const base = {
  question: 'How long does a node take to catch up?',
  cluster: { nodes: 3 },
  workload: { rate: '200/s' },
  checkInvariants: false,
} as const;

describe('catch-up samples', () => {
  it('a restart and a resume are each one sample, with the entries behind and whether a snapshot did it', () => {
    const run = runScenarioFile('slow-follower-snapshot', { seed: 1 });
    const samples = run.metrics.samples.catchUp;
    expect(samples.map((s) => [s.node, s.cause, s.bySnapshot, s.censored])).toEqual([
      ['n5', 'restart', true, false],
      ['n4', 'resume', true, false],
    ]);
    for (const sample of samples) {
      expect(sample.behindEntries).toBeGreaterThan(10);
      expect(sample.catchUpUs).toBeGreaterThan(0);
      expect(sample.catchUpUs).toBeLessThan(1_000_000);
    }
    expect(run.metrics.catchUp).toMatchObject({ count: 2, censored: 0, abandoned: 0, max: Math.max(...samples.map((s) => s.catchUpUs!)) });
  }, 30_000);

  it('a heal that reconnects a node behind is a sample; one only a few entries behind is not', () => {
    const run = runScenarioSpec({ ...base, name: 'heal', faults: [{ at: '1s', isolate: 'n3', for: '2s' }, { at: '4s', bounce: { node: 'n2', down: '5ms' } }], duration: '6s' } as ScenarioInput, { seed: 2 });
    const samples = run.metrics.samples.catchUp;
    expect(samples.map((s) => [s.node, s.cause, s.startUs, s.censored])).toEqual([['n3', 'heal', 3_000_000, false]]);
    // 2 s of 200 operations/s, most of them writes: about 200 entries behind, caught up within a few round trips.
    expect(samples[0]!.behindEntries).toBeGreaterThan(150);
    expect(samples[0]!.catchUpUs).toBeLessThan(100_000);
  }, 30_000);

  it('a node kept behind past the fault phase is censored: counted apart, not in the distribution', () => {
    const run = runScenarioSpec(
      { ...base, name: 'censored', cluster: { nodes: 5 }, faults: [{ at: '500ms', isolate: 'n5' }, { at: '1s', crash: 'n5' }, { at: '1500ms', restart: 'n5' }, { at: '2s', crash: 'n2', for: '1s' }], duration: '4s' } as ScenarioInput,
      { seed: 3 },
    );
    const samples = run.metrics.samples.catchUp;
    // n5 restarts at 1.5 s still cut off: it catches up only after the liveness heal at 4 s.
    const n5 = samples.find((s) => s.node === 'n5')!;
    expect([n5.cause, n5.startUs, n5.censored]).toEqual(['restart', 1_500_000, true]);
    expect(n5.catchUpUs).toBeGreaterThan(2_500_000);
    const n2 = samples.find((s) => s.node === 'n2')!;
    expect([n2.cause, n2.censored]).toEqual(['restart', false]);
    expect(run.metrics.catchUp.count).toBe(samples.filter((s) => !s.censored).length);
    expect(run.metrics.catchUp.censored).toBe(1);
    expect(run.metrics.catchUp.max).toBe(n2.catchUpUs);
    // sweep.json keeps them per seed, and pools the uncensored ones.
    const row = seedSamples(run.metrics)!;
    expect(row.catchUp).toEqual(samples.map((s) => ({ node: s.node, cause: s.cause, startUs: s.startUs, catchUpUs: s.catchUpUs, censored: s.censored })));
    const pooled = pooledSamples([{ samples: row }, { samples: row }] as never);
    expect([pooled.catchUp.count, pooled.catchUpCensored, pooled.catchUpDropped]).toEqual([2, 2, 0]);
  }, 30_000);

  it('a new server booted empty catches up from nothing', () => {
    const run = runScenarioFile('grow-3-to-5', { seed: 1 });
    const added = run.metrics.samples.catchUp.filter((s) => s.cause === 'added');
    expect(added.map((s) => s.node).sort()).toEqual(['n4', 'n5']);
    for (const sample of added) expect(sample.catchUpUs).not.toBeNull();
  }, 60_000);

  it('the run summary has a catch-up line when a node came back behind', async () => {
    let out = '';
    const code = await main(['run', 'leader-crash', '--seed', '3'], { out: (text) => (out += text), err: () => {}, isTerminal: false });
    expect(code).toBe(0);
    expect(out).toContain('\n  catch-up    2 catch-ups of a node back behind the commit index; p50 15.785ms, max 20.576ms\n');
    let quiet = '';
    await main(['run', 'steady-state', '--seed', '1', '--duration', '2s'], { out: (text) => (quiet += text), err: () => {}, isTerminal: false });
    expect(quiet).not.toContain('catch-up');
  }, 60_000);
});
