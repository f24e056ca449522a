// `npm run profile` (bench/profile.ts), run as users run it: the built script in its own process.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const script = fileURLToPath(new URL('../dist/bench/profile.js', import.meta.url));

function profile(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  if (!existsSync(script)) throw new Error(`${script} is missing: run npm run build first (npm test does)`);
  const result = spawnSync(process.execPath, [script, ...args], { encoding: 'utf8', timeout: 120_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('npm run profile', () => {
  it('prints self time and allocation sites of a run, with events and messages per simulated second', () => {
    const { status, stdout, stderr } = profile('steady-state', '--seconds', '2', '--top', '5');
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(stdout).toMatch(/^steady-state, seed 1, 2 simulated s, trace off: \d+ events in \d+ ms/);
    expect(stdout).toMatch(/\d+ events and \d+ delivered messages per simulated second/);
    const selfTime = stdout.split('self time, top 5:\n')[1]!.split('\n\n')[0]!.split('\n');
    expect(selfTime).toHaveLength(5);
    for (const line of selfTime) expect(line).toMatch(/^ +\d+\.\d%  \S/);
    expect(stdout).toMatch(/allocated: \d+\.\d MiB, \d+ bytes per event; top 5 sites:/);
    // The Raft core is where a steady run allocates: it must show up among the sites.
    expect(stdout).toMatch(/raft\/node\.js/);
  });

  it('rejects an unknown flag and an unknown scenario with exit 2 and one line naming it', () => {
    const flag = profile('--fast');
    expect(flag.status).toBe(2);
    expect(flag.stderr).toMatch(/^raftsim profile: unknown flag --fast; expected --seed N/);
    expect(flag.stdout).toBe('');
    const name = profile('no-such-scenario');
    expect(name.status).toBe(2);
    expect(name.stderr).toMatch(/no built-in scenario named "no-such-scenario"/);
    const seconds = profile('--seconds', '-1');
    expect(seconds.status).toBe(2);
    expect(seconds.stderr).toMatch(/--seconds must be a positive number, got -1/);
  });
});
