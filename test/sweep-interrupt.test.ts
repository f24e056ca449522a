// Interrupting a sweep: Ctrl-C (SIGINT to the real process) keeps every finished seed (DIR/seeds.jsonl, a
// partial DIR/sweep.json), prints the summary so far and exits 130; a SIGKILL loses no finished seed either;
// `sweep --resume DIR` runs only the missing seeds and writes the very bytes of an uninterrupted sweep. With a
// progress bar on a terminal, the cursor and line wrapping are restored when the sweep is interrupted.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli.js';
import { interruptNow } from '../src/interrupt.js';

const bin = join(process.cwd(), 'dist', 'src', 'bin.js');
const args = ['sweep', 'leader-crash', '--seeds', '1..8', '--duration', '6s'];

async function cli(argv: string[], io: Partial<Parameters<typeof main>[1]> = {}): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (text) => (out += text), err: (text) => (err += text), isTerminal: false, ...io });
  return { code, out, err };
}

function lines(path: string): number {
  return existsSync(path) ? readFileSync(path, 'utf8').split('\n').filter((line) => line !== '').length : 0;
}

/** Starts the real executable, sends `signal` once `seeds` seeds are saved, and resolves with how it ended. */
function interrupted(dir: string, signal: NodeJS.Signals, seeds: number, workers: string): Promise<{ code: number | null; signal: NodeJS.Signals | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args, '--workers', workers, '--out', dir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    const poll = setInterval(() => {
      if (lines(join(dir, 'seeds.jsonl')) >= seeds) {
        clearInterval(poll);
        child.kill(signal);
      }
    }, 20);
    child.on('exit', (code, killedBy) => {
      clearInterval(poll);
      resolve({ code, signal: killedBy, out });
    });
  });
}

describe.skipIf(!existsSync(bin))('an interrupted sweep keeps its seeds and resumes to the same sweep.json', () => {
  const root = mkdtempSync(join(tmpdir(), 'raftsim-interrupt-'));
  let uninterrupted = '';

  it('an uninterrupted sweep, for reference', async () => {
    // 6 s is too short for the scenario's second leader crash: every seed fails an expectation (exit 3).
    expect((await cli([...args, '--workers', '1', '--out', join(root, 'whole')])).code).toBe(3);
    uninterrupted = readFileSync(join(root, 'whole', 'sweep.json'), 'utf8');
    expect(JSON.parse(uninterrupted)).toMatchObject({ partial: false, done: 8, total: 8 });
  });

  it('SIGINT: exit 130, the summary of the seeds done, a partial sweep.json; --resume completes it byte for byte', async () => {
    const dir = join(root, 'sigint');
    const run = await interrupted(dir, 'SIGINT', 2, '1');
    expect(run.code).toBe(130);
    const partial = JSON.parse(readFileSync(join(dir, 'sweep.json'), 'utf8'));
    expect(partial.partial).toBe(true);
    expect(partial.total).toBe(8);
    expect(partial.done).toBeGreaterThanOrEqual(2);
    expect(partial.done).toBeLessThan(8);
    expect(partial.runs).toHaveLength(partial.done);
    expect(lines(join(dir, 'seeds.jsonl'))).toBe(partial.done);
    expect(run.out).toMatch(new RegExp(`^raftsim sweep: interrupted after ${partial.done} of 8 seeds`));
    expect(run.out).toContain(`raftsim sweep leader-crash --duration 6s: ${partial.done} seeds: 0 passed`);
    // the failing seeds so far, each with its replay command
    expect(run.out).toMatch(/FAIL seed 1: failed expectations: electionLatency.count >= 2\n\s+replay: .*run leader-crash --seed 1 --duration 6s\n/);
    expect(run.out).toContain(`resume      npx raftsim sweep --resume ${dir}`);
    // merge refuses a partial sweep
    expect((await cli(['merge', dir])).err).toMatch(/interrupted sweep \(partial: true\)/);
    const resumed = spawnSync(process.execPath, [bin, 'sweep', '--resume', dir, '--workers', '2'], { encoding: 'utf8' });
    expect(resumed.status).toBe(3);
    expect(resumed.stdout).toMatch(/^raftsim sweep leader-crash --duration 6s: 8 seeds: 0 passed, .* 8 with failed expectations/);
    expect(lines(join(dir, 'seeds.jsonl'))).toBe(8);
    expect(readFileSync(join(dir, 'sweep.json'), 'utf8')).toBe(uninterrupted);
  });

  it('SIGKILL of the process (over worker threads) loses no finished seed; --resume completes it byte for byte', async () => {
    const dir = join(root, 'sigkill');
    const run = await interrupted(dir, 'SIGKILL', 2, '2');
    expect(run.signal).toBe('SIGKILL');
    const saved = lines(join(dir, 'seeds.jsonl'));
    expect(saved).toBeGreaterThanOrEqual(2);
    const resumed = await cli(['sweep', '--resume', dir, '--workers', '1']);
    expect(resumed.code).toBe(3);
    expect(readFileSync(join(dir, 'sweep.json'), 'utf8')).toBe(uninterrupted);
  });

  it('a worker dying mid-seed fails the sweep without losing the seeds finished; --resume completes it byte for byte', async () => {
    const module = join(process.cwd(), 'test', 'fixtures', 'raft-adapters', 'dies-in-worker.mjs');
    const reference = join(root, 'worker-reference');
    // in this thread (--workers 1) the module never dies: the reference sweep
    expect((await cli([...args, '--raft', module, '--workers', '1', '--out', reference])).code).toBe(3);
    const dir = join(root, 'worker-died');
    const died = spawnSync(process.execPath, [bin, ...args, '--raft', module, '--workers', '2', '--out', dir], { encoding: 'utf8' });
    expect(died.status).toBe(70);
    const saved = lines(join(dir, 'seeds.jsonl'));
    expect(saved).toBeGreaterThanOrEqual(3);
    expect(saved).toBeLessThan(8);
    expect(died.stderr).toContain(`raftsim sweep: the ${saved} seeds finished are saved in ${dir}; \`npx raftsim sweep --resume ${dir}\` runs the other ${8 - saved}.`);
    expect(died.stderr).toMatch(/a sweep worker stopped \(exit code 9\) while running seed \d+/);
    expect(JSON.parse(readFileSync(join(dir, 'sweep.json'), 'utf8'))).toMatchObject({ partial: true, done: saved, total: 8 });
    expect((await cli(['sweep', '--resume', dir, '--workers', '1'])).code).toBe(3);
    expect(readFileSync(join(dir, 'sweep.json'), 'utf8')).toBe(readFileSync(join(reference, 'sweep.json'), 'utf8'));
  });

  it('--resume refuses a scenario, seeds or overrides of its own', async () => {
    const again = await cli(['sweep', 'leader-crash', '--resume', join(root, 'whole')]);
    expect(again.code).toBe(2);
    expect(again.err).toMatch(/takes the scenario, seeds, shard and overrides from .*sweep\.json; found a scenario/);
  });
});

describe('the progress bar on a terminal', () => {
  it('an interrupted sweep takes the bar down and shows the cursor and line wrapping again', async () => {
    let written = '';
    let asked = false;
    const terminal = {
      isTTY: true,
      columns: 80,
      write(text: string): boolean {
        written += text;
        if (!asked && /\b[1-6]\/8 seeds/.test(text)) {
          asked = true;
          setImmediate(interruptNow);
        }
        return true;
      },
    } as unknown as NodeJS.WritableStream;
    const run = await cli([...args, '--workers', '1'], { isTerminal: true, terminal });
    expect(run.code).toBe(130);
    expect(run.out).toMatch(/^raftsim sweep: interrupted after [1-7] of 8 seeds/);
    expect(run.out).toContain('resume      not possible without --out DIR');
    const hidden = written.lastIndexOf('\x1b[?25l');
    expect(hidden).toBeGreaterThanOrEqual(0);
    expect(written.lastIndexOf('\x1b[?25h')).toBeGreaterThan(hidden);
    expect(written.lastIndexOf('\x1b[?7h')).toBeGreaterThan(written.lastIndexOf('\x1b[?7l'));
  });
});
