// End to end: a deliberately broken commit rule (raft.unsafe.commitWithMinority) is found by `sweep` (exit 1,
// the failing seeds with their replay commands), `replay` of a failing run's result.json reproduces its trace
// hash, and `shrink` reduces it to a scenario of a few faults that still fails with the same invariant.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli.js';

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (text) => (out += text), err: (text) => (err += text), isTerminal: false });
  return { code, out, err };
}

const dir = mkdtempSync(join(tmpdir(), 'raftsim-e2e-'));
const scenario = join(dir, 'broken-commit.yaml');
writeFileSync(
  scenario,
  `# A commit rule one replica short of a majority, under random crashes and partitions.
name: broken-commit
question: Does the checker catch a leader that commits with one replica short of a majority?
cluster: {nodes: 5}
raft:
  unsafe: {commitWithMinority: true}
chaos:
  kinds: [crash, partition, isolate, pause]
  meanGap: 400ms
  maxFaultDuration: 1.5s
duration: 8s
`,
);

describe('a broken commit rule: sweep finds it, replay reproduces it, shrink minimizes it', () => {
  let failingSeed = 0;
  let invariant = '';

  it('sweep exits 1 and lists each failing seed with its exact replay command', async () => {
    const { code, out } = await cli('sweep', scenario, '--seeds', '1..20', '--workers', '1', '--drop', '0.5%', '--out', join(dir, 'sweep'));
    expect(code).toBe(1);
    expect(out).toMatch(/^raftsim sweep .*broken-commit\.yaml --drop 0\.5%: 20 seeds: \d+ passed, [1-9]\d* safety violations?/);
    const match = /FAIL seed (\d+): safety (\w+) .*\n\s+replay: (.*)/.exec(out)!;
    expect(match).not.toBeNull();
    failingSeed = Number(match[1]);
    invariant = match[2]!;
    expect(match[3]).toBe(`npx raftsim run ${scenario} --seed ${failingSeed} --drop 0.5%`);
    const sweep = JSON.parse(readFileSync(join(dir, 'sweep', 'sweep.json'), 'utf8'));
    expect(sweep.summary.failing[0]).toMatchObject({ seed: failingSeed, verdict: 'safety', invariant, replay: match[3] });
  });

  it('the replay command fails the same way; replaying its result.json reproduces the trace hash', async () => {
    const out = join(dir, 'run');
    const run = await cli('run', scenario, '--seed', String(failingSeed), '--drop', '0.5%', '--out', out);
    expect(run.code).toBe(1);
    expect(run.out).toMatch(new RegExp(`SAFETY VIOLATION\\n.*\\n {2}invariant {3}${invariant}:`));
    const recorded = JSON.parse(readFileSync(join(out, 'result.json'), 'utf8'));
    const replay = await cli('replay', join(out, 'result.json'));
    expect(replay.code).toBe(1);
    expect(replay.out).toMatch(new RegExp(`^reproduced: broken-commit seed ${failingSeed} --drop 0\\.5%: trace hash ${recorded.traceHash} over \\d+ lines, verdict safety \\(${invariant} at`));
  });

  it('shrink writes a scenario of a few faults that `run` loads and that still fails with the same invariant', async () => {
    const minimal = join(dir, 'minimal.yaml');
    const shrink = await cli('shrink', scenario, '--seed', String(failingSeed), '--drop', '0.5%', '--out', minimal);
    expect(shrink.code).toBe(0);
    expect(shrink.out).toMatch(new RegExp(`kept a safety violation of ${invariant} through \\d+ runs`));
    const before = Number(/before {2}(\d+) faults?/.exec(shrink.out)![1]);
    const after = Number(/after {3}(\d+) faults?/.exec(shrink.out)![1]);
    expect(before).toBeGreaterThan(5);
    expect(after).toBeLessThanOrEqual(3);
    const text = readFileSync(minimal, 'utf8');
    expect(text).toMatch(/^# Shrunk by `raftsim shrink`/);
    expect(text).toContain('commitWithMinority: true');
    expect(text).not.toContain('chaos');
    const rerun = await cli('run', minimal, '--seed', String(failingSeed));
    expect(rerun.code).toBe(1);
    expect(rerun.out).toMatch(new RegExp(`invariant {3}${invariant}:`));
  });

  it('a passing run has nothing to shrink', async () => {
    const { code, out } = await cli('shrink', 'steady-state', '--seed', '1', '--duration', '3s', '--out', join(dir, 'none.yaml'));
    expect(code).toBe(0);
    expect(out).toMatch(/the run passes; nothing to shrink/);
  });
});
