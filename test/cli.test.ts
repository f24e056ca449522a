// The command line: summaries, result files, exit codes, and clear errors for bad input.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli.js';
import { parseSeeds, parseShard, shardSeeds } from '../src/sweep.js';

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (text) => (out += text), err: (text) => (err += text), isTerminal: false });
  return { code, out, err };
}

describe('raftsim run', () => {
  it('prints a summary with the verdict, the trace hash and the replay command, and exits 0', async () => {
    const { code, out } = await cli('run', 'leader-crash', '--seed', '3');
    expect(code).toBe(0);
    expect(out).toMatch(/^raftsim leader-crash seed 3: PASSED/);
    expect(out).toMatch(/trace hash {2}[0-9a-f]{16}/);
    expect(out).toContain('replay      raftsim run leader-crash --seed 3');
  });

  it('writes result.json and trace.jsonl; the trace ends with the result hash', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'raftsim-'));
    const { code } = await cli('run', 'leader-crash', '--seed', '2', '--out', dir, '--trace');
    expect(code).toBe(0);
    const result = JSON.parse(readFileSync(join(dir, 'result.json'), 'utf8'));
    const lines = readFileSync(join(dir, 'trace.jsonl'), 'utf8').trimEnd().split('\n');
    expect(JSON.parse(lines[0]!).type).toBe('meta');
    expect(JSON.parse(lines[lines.length - 1]!)).toMatchObject({ type: 'end', hash: result.traceHash, verdict: 'ok' });
    expect(result).toMatchObject({ scenario: 'leader-crash', seed: 2, verdict: 'ok' });
  });

  it('--json prints the result JSON; --check-determinism confirms the hash', async () => {
    const json = await cli('run', 'leader-crash', '--seed', '4', '--json');
    expect(JSON.parse(json.out)).toMatchObject({ seed: 4, verdict: 'ok' });
    const check = await cli('run', 'leader-crash', '--seed', '4', '--check-determinism');
    expect(check.out).toMatch(/^deterministic: two runs of leader-crash seed 4 gave the same trace hash [0-9a-f]{16}/);
    expect(check.code).toBe(0);
  });

  it('list names every built-in scenario with its question', async () => {
    const { code, out } = await cli('list');
    expect(code).toBe(0);
    expect(out).toMatch(/^leader-crash +How long/m);
    expect(out).toMatch(/^random-chaos /m);
  });
});

describe('bad input: exit 2 with a one-paragraph message naming what is wrong', () => {
  it.each([
    [['run', 'no-such-scenario'], /unknown scenario "no-such-scenario"/],
    [['run', '--seed', 'abc'], /--seed abc: expected a non-negative integer/],
    [['run', '--bogus-flag'], /Unknown arguments?: bogus-flag/],
    [['run', '--trace'], /--trace .* needs --out/],
    [['sweep', 'random-chaos', '--seeds', '10..1'], /--seeds "10..1"/],
    [['sweep', 'random-chaos', '--seeds', 'x'], /--seeds "x"/],
    [['sweep', 'random-chaos', '--shard', '3/2'], /--shard "3\/2"/],
    [['sweep', 'random-chaos', '--workers', '0'], /--workers 0/],
    [['frobnicate'], /Unknown argument: frobnicate|Unknown command/],
    [[], /name a command/],
  ])('%j', async (argv, pattern) => {
    const { code, err, out } = await cli(...argv);
    expect(code).toBe(2);
    expect(err).toMatch(pattern);
    expect(err).toMatch(/^raftsim: /);
    expect(err.trim().split('\n')).toHaveLength(1);
    expect(err).not.toMatch(/\n\s+at /);
    expect(out).toBe('');
  });
});

describe('seeds and shards', () => {
  it('parses ranges, lists and single seeds', () => {
    expect(parseSeeds('3..6')).toEqual([3, 4, 5, 6]);
    expect(parseSeeds('1,5,9')).toEqual([1, 5, 9]);
    expect(parseSeeds('42')).toEqual([42]);
  });

  it('shards partition the seeds deterministically: every seed in exactly one shard', () => {
    const seeds = parseSeeds('1..103');
    const shards = [1, 2, 3, 4].map((index) => shardSeeds(seeds, parseShard(`${index}/4`)));
    expect(shards.flat().sort((a, b) => a - b)).toEqual(seeds);
    expect(shards[1]!.slice(0, 3)).toEqual([2, 6, 10]);
  });

  it('sweep in-process aggregates and exits 0 when every seed passes', async () => {
    const { code, out } = await cli('sweep', 'leader-crash', '--seeds', '1..3', '--workers', '1');
    expect(code).toBe(0);
    expect(out).toMatch(/^raftsim sweep leader-crash: 3 seeds: 3 passed, 0 safety violations, 0 liveness failures/);
  });
});

describe('the built executable', () => {
  const bin = join(process.cwd(), 'dist', 'src', 'bin.js');

  it.skipIf(!existsSync(bin))('sweeps over worker threads and gives the same per-seed hashes as single runs', () => {
    const dir = mkdtempSync(join(tmpdir(), 'raftsim-sweep-'));
    execFileSync(process.execPath, [bin, 'sweep', 'leader-crash', '--seeds', '1..4', '--workers', '2', '--out', dir], { encoding: 'utf8' });
    const sweep = JSON.parse(readFileSync(join(dir, 'sweep.json'), 'utf8'));
    expect(sweep.summary.verdicts).toEqual({ ok: 4, safety: 0, liveness: 0 });
    const single = JSON.parse(execFileSync(process.execPath, [bin, 'run', 'leader-crash', '--seed', '3', '--json'], { encoding: 'utf8' }));
    expect(sweep.runs.find((run: { seed: number }) => run.seed === 3).traceHash).toBe(single.traceHash);
  });

  it.skipIf(!existsSync(bin))('bad input exits 2 from the real process with no stack trace', () => {
    const result = spawnSync(process.execPath, [bin, 'run', 'nope'], { encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^raftsim: unknown scenario "nope"/);
    expect(result.stderr).not.toMatch(/\s+at /);
  });
});
