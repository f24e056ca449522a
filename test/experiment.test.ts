// `raftsim experiment figure-16` with a few trials: the table beside the paper's numbers, the JSON of every
// sample (censored ones marked and counted), the SVG, and clear errors for bad flags.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli.js';
import type { Figure16Result } from '../src/experiments/figure-16-report.js';
import { checkClaim, rangeStats } from '../src/experiments/results.js';
import { wilson95 } from '../src/experiments/split-votes.js';

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (text) => (out += text), err: (text) => (err += text), isTerminal: false });
  return { code, out, err };
}

describe('raftsim experiment figure-16', () => {
  it('runs every range, prints ours beside the paper, and writes every sample and the figure', async () => {
    const out = mkdtempSync(join(tmpdir(), 'raftsim-f16-'));
    const { code, out: text } = await cli('experiment', 'figure-16', '--trials', '3', '--out', out);
    expect(code).toBe(0);
    expect(text).toMatch(/^Raft paper Figure 16 under the logcabin profile/);
    for (const label of ['150-150ms', '150-151ms', '150-155ms', '150-175ms', '150-200ms', '150-300ms', '12-24ms', '25-50ms', '50-100ms', '100-200ms']) expect(text).toContain(`\n${label} `);
    expect(text).toMatch(/5 ms of randomness: median downtime 287 ms +\d+ ms +[\d.]+x +(yes|no)/);
    const result = JSON.parse(readFileSync(join(out, 'figure-16.json'), 'utf8')) as Figure16Result;
    expect(result.profile).toBe('logcabin');
    expect(result.ranges).toHaveLength(10);
    const fixed = result.ranges[0]!;
    // 150-150 runs a tenth of the trials (at least one), and with no randomness no leader is elected in 10 s.
    expect([fixed.label, fixed.trials, fixed.boundMs]).toEqual(['150-150ms', 1, 10_000]);
    expect(fixed.samples).toEqual([{ seed: 1, censored: true }]);
    expect(fixed.stats).toMatchObject({ count: 0, censored: 1, medianMs: null });
    for (const range of result.ranges.slice(1)) {
      expect(range.samples).toHaveLength(3);
      expect(range.stats.count + range.stats.censored).toBe(3);
    }
    // Wide ranges elect within a second, and never before half the minimum timeout has passed (the paper's floor).
    const wide = result.ranges.find((r) => r.label === '150-300ms')!;
    for (const sample of wide.samples) {
      expect('ms' in sample).toBe(true);
      if ('ms' in sample) expect(sample.ms).toBeGreaterThan(75);
      if ('ms' in sample) expect(sample.ms).toBeLessThan(1_000);
    }
    const svg = readFileSync(join(out, 'figure-16.svg'), 'utf8');
    expect(svg).toMatch(/^<\?xml/);
    expect(svg).toContain('Randomness in the election timeout varied');
    expect(svg).toContain('paper: 150-155ms median 287 ms');
    expect(svg.match(/class="cdf" stroke=/g)!.length).toBeGreaterThanOrEqual(15);
  }, 60_000);

  it('split-votes: the rate of terms nobody won at each latency, with its 95% interval, beside the dissertation', async () => {
    const out = mkdtempSync(join(tmpdir(), 'raftsim-sv-'));
    const { code, out: text } = await cli('experiment', 'split-votes', '--trials', '40', '--out', out);
    expect(code).toBe(0);
    expect(text).toMatch(/^Split votes, 5 servers with the leader crashed, timeouts 150-300 ms, logcabin profile/);
    expect(text).toMatch(/\n20% +30 ms +40 +\d+ +\d+ +[\d.]+% +[\d.]+\.\.[\d.]+% +18\.1% +[\d.]+x +(yes|no)/);
    const result = JSON.parse(readFileSync(join(out, 'split-votes.json'), 'utf8')) as { points: { fraction: number; terms: number; splitTerms: number; samples: { terms: number; splitTerms: number }[] }[] };
    expect(result.points.map((p) => p.fraction)).toEqual([0.01, 0.1, 0.2]);
    for (const point of result.points) {
      expect(point.samples).toHaveLength(40);
      expect(point.terms).toBe(point.samples.reduce((sum, s) => sum + s.terms, 0));
      expect(point.terms - point.splitTerms).toBe(40);
    }
    // More latency, more split votes: none at 1% of the range in 40 trials, some at 20%.
    expect(result.points[0]!.splitTerms).toBe(0);
    expect(result.points[2]!.splitTerms).toBeGreaterThan(0);
  }, 60_000);

  it('wilson95 is the 95% interval of a proportion', () => {
    expect(wilson95(0, 100)).toEqual([0, 3.699]);
    expect(wilson95(50, 100)).toEqual([40.383, 59.617]);
  });

  it('statistics leave censored samples out and count them; claims compare within 15%', () => {
    const samples = [{ seed: 1, ms: 100 }, { seed: 2, censored: true as const }, { seed: 3, ms: 300 }];
    const stats = rangeStats(samples);
    expect(stats).toMatchObject({ count: 2, censored: 1, maxMs: 300, meanMs: 200 });
    expect(checkClaim({ text: 'max', statistic: 'max', ms: 280 }, stats, samples)).toMatchObject({ oursMs: 300, ratio: 1.071, matches: true });
    expect(checkClaim({ text: 'mean', statistic: 'mean', ms: 100 }, stats, samples)).toMatchObject({ ratio: 2, matches: false });
    expect(checkClaim({ text: 'above', statistic: 'above', ms: 150 }, stats, samples)).toMatchObject({ oursMs: 100, matches: false });
    expect(checkClaim({ text: 'above', statistic: 'above', ms: 50 }, stats, samples)).toMatchObject({ matches: true });
  });

  it('bad flags are usage errors (exit 2) that say what was expected', async () => {
    const cases: [string[], RegExp][] = [
      [['experiment', 'figure-17'], /experiment figure-17: expected one of figure-16, split-votes/],
      [['experiment', 'figure-16', '--trials', '0'], /--trials 0: expected a number of trials per range from 1 to 100000/],
      [['experiment', 'figure-16', '--trials', 'many'], /--trials many: expected a number of trials/],
      [['experiment', 'figure-16', '--profile', 'zookeeper'], /--profile zookeeper: expected an implementation profile: one of etcd, logcabin, hashicorp/],
    ];
    for (const [argv, pattern] of cases) {
      const { code, err } = await cli(...argv);
      expect(code, argv.join(' ')).toBe(2);
      expect(err).toMatch(pattern);
      expect(err).not.toMatch(/\n\s+at /);
    }
  });
});
