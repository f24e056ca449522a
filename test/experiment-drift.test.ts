// `raftsim experiment compaction-drift`: time-triggered compactions under clock skew +80 ms / -50 ms around a 30 s
// and a 120 s partition. raftsim's drift of a round is the spread of completion times across nodes, which the two
// clock offsets set (about 130 ms) whatever the partition; the partition shows in the index spread instead.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli.js';
import { driftCases, runDriftTrial } from '../src/experiments/compaction-drift.js';

describe('compaction drift under clock skew', () => {
  it('the spread of a round is the clocks\' offset difference, and the cut-off side falls behind in index', () => {
    const [short, long] = driftCases.map((c) => runDriftTrial(c, 1));
    for (const trial of [short!, long!]) {
      // +80 ms and -50 ms: the two skewed nodes complete each window about 130 ms apart (plus drift and write time).
      expect(trial.meanTimeSpreadMs).toBeGreaterThan(125);
      expect(trial.meanTimeSpreadMs).toBeLessThan(150);
      expect(trial.maxTimeSpreadMs).toBeLessThan(160);
      expect(trial.rounds.some((round) => round.phase === 'during')).toBe(true);
      // The metric of the run and the rounds read from the trace are the same rounds.
      expect(trial.maxTimeSpreadMs).toBe(Math.max(...trial.rounds.map((round) => round.timeSpreadMs)));
    }
    // The side cut off fires its windows at its stale index: four times as long a cut leaves it much further behind.
    expect(long!.maxIndexSpread!).toBeGreaterThan(3 * short!.maxIndexSpread!);
    expect(long!.skippedWindows).toBeGreaterThan(short!.skippedWindows);
  }, 60_000);

  it('--profile is refused: the drift cluster has none', async () => {
    let err = '';
    const code = await main(['experiment', 'compaction-drift', '--profile', 'etcd'], { out: () => {}, err: (t) => (err += t), isTerminal: false });
    expect(code).toBe(2);
    expect(err).toMatch(/--profile etcd: compaction-drift has no profile/);
  });

  it('the command prints ours beside the published figures and writes every round', async () => {
    const out = mkdtempSync(join(tmpdir(), 'raftsim-drift-'));
    let text = '';
    const code = await main(['experiment', 'compaction-drift', '--trials', '1', '--out', out], { out: (t) => (text += t), err: () => {}, isTerminal: false });
    expect(code).toBe(0);
    expect(text).toMatch(/\n30 s +\d+ +\d+ ms +\d+ ms +112 ms +480 ms +[\d.]+x +[\d.]+x/);
    expect(text).toMatch(/\n120 s +\d+ +\d+ ms +\d+ ms +197 ms +1\.20 s +[\d.]+x +[\d.]+x/);
    const result = JSON.parse(readFileSync(join(out, 'compaction-drift.json'), 'utf8')) as { cases: { partitionS: number; trials: { rounds: unknown[] }[] }[] };
    expect(result.cases.map((c) => c.partitionS)).toEqual([30, 120]);
    expect(result.cases[1]!.trials[0]!.rounds.length).toBeGreaterThan(10);
    const svg = readFileSync(join(out, 'compaction-drift.svg'), 'utf8');
    expect(svg).toMatch(/^<\?xml/);
    expect(svg).toContain('published max 1.20 s');
    // One curve per trial and panel, and its legend entry.
    expect(svg.match(/class="series" stroke=/g)).toHaveLength(4);
    expect(svg.match(/<path class="series"/g)).toHaveLength(2);
  }, 60_000);
});
