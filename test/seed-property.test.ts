// The seed-property helpers (docs/api.md): a fast-check property over seeds whose counterexample reports the
// exact command that replays it, and the run result's replay command and trace path.
import { fc } from '@fast-check/vitest';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli.js';
import { assertSeedPasses, runScenarioSpec, SeedFailure, seedProperty, type ScenarioSpec } from '../src/index.js';

/** Commits with one replica short of a majority (a catalogued bug): fails every seed under crashes. */
const broken: ScenarioSpec = {
  name: 'minority-commit',
  question: 'Does the checker catch a leader committing without a majority?',
  cluster: { nodes: 5 },
  chaos: { kinds: ['crash', 'partition', 'isolate'], meanGap: '300ms', maxFaultDuration: '1s' },
  duration: '4s',
  bugs: ['commit-with-minority'],
};

async function cli(...argv: string[]): Promise<{ code: number; out: string }> {
  let out = '';
  const code = await main(argv, { out: (text) => (out += text), err: () => {}, isTerminal: false });
  return { code, out };
}

describe('seedProperty and assertSeedPasses', () => {
  it('a failing fast-check property over seeds reports the counterexample with its replay command, which reproduces it', async () => {
    let message = '';
    try {
      fc.assert(fc.property(fc.integer({ min: 1, max: 10_000 }), seedProperty(broken)), { numRuns: 3, seed: 42 });
    } catch (error) {
      // fast-check 4 keeps the property's error as the cause (vitest prints it as "Caused by: SeedFailure: ...")
      expect(error).toBeInstanceOf(Error);
      expect((error as Error).message).toMatch(/Counterexample: \[\d+\]/);
      expect((error as Error).cause).toBeInstanceOf(SeedFailure);
      message = ((error as Error).cause as Error).message;
    }
    const match = /raftsim: minority-commit seed (\d+): safety violation of (\w+) at t=\S+: .*\n\s+replay: (?:npx )?raftsim run (\S+\.json) --seed (\d+)/.exec(message);
    expect(match, message).not.toBeNull();
    const [, seed, invariant, file, replaySeed] = match!;
    expect(replaySeed).toBe(seed);
    expect(JSON.parse(readFileSync(file!, 'utf8'))).toMatchObject({ name: 'minority-commit', bugs: ['commit-with-minority'] });
    const rerun = await cli('run', file!, '--seed', seed!);
    expect(rerun.code).toBe(1);
    expect(rerun.out).toContain(`invariant   ${invariant}:`);
  });

  it('assertSeedPasses returns a passing run and throws a SeedFailure (with the run and the trace path) for a failing one', () => {
    const passing = assertSeedPasses('leader-crash', 7, { overrides: { nodes: 3 } });
    expect(passing.passed).toBe(true);
    expect(passing.replay).toMatch(/^(npx )?raftsim run leader-crash --seed 7 --nodes 3$/);
    const tracePath = join(mkdtempSync(join(tmpdir(), 'raftsim-seedprop-')), 'trace.jsonl');
    let failure: unknown;
    try {
      assertSeedPasses(broken, 5, { tracePath });
    } catch (error) {
      failure = error;
    }
    expect(failure).toBeInstanceOf(SeedFailure);
    const run = (failure as SeedFailure).run;
    expect(run.outcome).toBe('safety');
    expect(run.tracePath).toBe(tracePath);
    expect(existsSync(tracePath)).toBe(true);
    expect(readFileSync(tracePath, 'utf8').split('\n').length).toBe(run.result.traceLines + 1);
    expect((failure as SeedFailure).message).toContain(`trace:  ${tracePath}`);
  });

  it('a run result carries its replay command', () => {
    const run = runScenarioSpec(broken, { seed: 2 });
    expect(run.replay).toMatch(/^(npx )?raftsim run minority-commit\.json --seed 2$/);
    expect(JSON.parse(run.scenarioText)).toMatchObject({ name: 'minority-commit' });
  });
});
