// Coverage as "sometimes" signals: each run counts the situations worth reaching (sim/coverage.ts); a sweep says
// in how many seeds each was reached and flags the ones never reached.
import { describe, expect, it } from 'vitest';
import { situations } from '../sim/coverage.js';
import { runScenario } from '../src/api.js';
import { findScenario } from '../src/scenario/builtin.js';
import { sweepText } from '../src/summary.js';
import { summarizeSweep } from '../src/sweep.js';
import { summarizeSeed } from '../src/result.js';

describe('coverage', () => {
  it('a run reports every situation with its count; crashes with torn writes reach the durability situations', () => {
    const run = runScenario(findScenario('lost-unsynced-writes')!.scenario, { seed: 1 });
    const coverage = run.result.coverage;
    expect(Object.keys(coverage)).toEqual(situations.map((situation) => situation.name));
    expect(coverage['crash-lost-unsynced-data']).toBeGreaterThan(0);
    expect(coverage['torn-record-recovered']).toBeGreaterThan(0);
    expect(coverage['committed-with-smallest-quorum']).toBeGreaterThan(0);
    expect(run.json().coverage).toEqual(coverage);
  });

  it('a steady run without faults reaches none of the fault situations', () => {
    const coverage = runScenario(findScenario('steady-state')!.scenario, { seed: 1, overrides: { duration: '2s' } }).result.coverage;
    expect(coverage['crash-lost-unsynced-data']).toBe(0);
    expect(coverage['leader-deposed-by-higher-term']).toBe(0);
    expect(coverage['stale-leader-message-rejected']).toBe(0);
  });

  it('a sweep counts the seeds reaching each situation and flags those never reached', () => {
    const scenario = findScenario('leader-crash')!.scenario;
    const seeds = [1, 2].map((seed) => summarizeSeed(runScenario(scenario, { seed }).run));
    const summary = summarizeSweep({ scenario: 'leader-crash', ref: 'leader-crash', overrides: [] }, seeds);
    expect(summary.coverage['split-vote']).toBeLessThanOrEqual(2);
    expect(summary.coverage['snapshot-installed-during-partition']).toBe(0);
    const text = sweepText(summary, null);
    expect(text).toMatch(/coverage {4}\d+ of 16 situations reached/);
    expect(text).toMatch(/snapshot-installed-during-partition +0 {3}NEVER REACHED/);
  });
});
