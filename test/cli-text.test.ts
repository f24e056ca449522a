// The command line's text: counts agree with their nouns, every duration is written one way (src/text.ts),
// long values inside messages are abbreviated (whole in result.json), replay commands are the `npx raftsim`
// commands a user types after `npm ci`, and `check --print` with --nodes does not keep a question about
// another node count.
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli.js';
import { runScenarioFile } from '../src/index.js';
import { runSummary } from '../src/summary.js';
import { abbreviate, abbreviateValues, ms, plural, questionFor, size } from '../src/text.js';

async function cli(...argv: string[]): Promise<{ code: number; out: string }> {
  let out = '';
  const code = await main(argv, { out: (text) => (out += text), err: () => {}, isTerminal: false });
  return { code, out };
}

describe('CLI text', () => {
  it('plurals, durations and abbreviations', () => {
    expect(plural(1, 'leader')).toBe('1 leader');
    expect(plural(2, 'leader')).toBe('2 leaders');
    expect(plural(1, 'entry')).toBe('1 entry');
    expect(plural(3, 'entry')).toBe('3 entries');
    expect(plural(2, 'crash')).toBe('2 crashes');
    expect(plural(1, 'leader loss', 'leader losses')).toBe('1 leader loss');
    expect(ms(133980.804)).toBe('133.981s');
    expect(ms(392)).toBe('392ms');
    expect(size(162_807)).toBe('159KiB');
    expect(size(512)).toBe('512B');
    const long = 'x'.repeat(5000);
    expect(abbreviate(long)).toBe(`${'x'.repeat(80)}... (5000 chars)`);
    expect(abbreviateValues(`value "${long}" at key k1`)).toBe(`value "${'x'.repeat(79)}... (5002 chars) at key k1`);
    expect(questionFor('How long is a 5-node cluster without a leader?', 3, ['--nodes', '3'])).toBe('How long is a 3-node cluster without a leader? (with --nodes 3)');
  });

  it('the run summary: singular counts, measured durations in the summary\'s units, long values abbreviated, npx replay', () => {
    const run = runScenarioFile('leader-crash', { seed: 7, overrides: { nodes: 3 } });
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a result.json edited to singular counts
    const json = structuredClone(run.json()) as any;
    json.cluster.leaderChanges = 1;
    json.cluster.elections = 1;
    json.cluster.crashes = 1;
    json.metrics.logGrowth.peakEntries = 1;
    json.metrics.applyLag.max = 1;
    json.metrics.electionLatency.count = 1;
    json.expectations = [{ expression: 'elections.timeWithoutLeaderUs < 2s', actual: 133_980_804, passed: false }];
    json.violation = { invariant: 'StateMachineSafety', message: `n1 applied "${'v'.repeat(4000)}" at index 7`, timeUs: 1_000_000, event: 'apply', nodes: [], state: {} };
    const text = runSummary(json);
    expect(text).toContain('1 election, ');
    expect(text).toContain('1 leader elected');
    expect(text).toContain('peak 1 entry (');
    expect(text).toContain('apply lag max 1 entry');
    expect(text).toContain('1 leader loss;');
    expect(text).toContain('1 crash, ');
    expect(text).not.toMatch(/\b1 (leaders|entries|elections|crashes|leader losses)\b/);
    expect(text).toContain('(measured 133.981s)');
    expect(text).toMatch(/invariant {3}StateMachineSafety: n1 applied "v{79}\.\.\. \(4002 chars\) at index 7\n/);
    expect(text).toMatch(/ {2}replay {6}npx raftsim run leader-crash --seed 7 --nodes 3\n/);
    expect(json.violation.message).toHaveLength(4000 + 'n1 applied "" at index 7'.length);
  });

  it('the sweep text: every figure across seeds with its unit', async () => {
    const { out } = await cli('sweep', 'leader-crash', '--seeds', '1..2', '--workers', '1', '--duration', '3s');
    expect(out).toMatch(/^ {4}logGrowth\.peakBytes +(\d+(\.\d)?KiB +){5}\(2 seeds\)$/m);
    expect(out).toMatch(/^ {4}logGrowth\.growthEntriesPerSecond +(\d+(\.\d\d?)?\/s +){5}\(2 seeds\)$/m);
    expect(out).toMatch(/^ {2}simulated {3}\d+(\.\d+)?s in \d+(\.\d+)?m?s of simulation \(\d+(\.\d+)?m?s wall\)$/m);
  });

  it('one seed is "1 seed"', async () => {
    const { out } = await cli('sweep', 'leader-crash', '--seeds', '4', '--workers', '1', '--duration', '3s');
    expect(out).toMatch(/^raftsim sweep leader-crash --duration 3s: 1 seed: /);
    expect(out).toMatch(/\(1 seed\)$/m);
    expect(out).not.toMatch(/\b1 seeds\b/);
  });

  it('check --print --nodes 3 asks its question of 3 nodes', async () => {
    const { code, out } = await cli('check', 'leader-crash', '--print', '--nodes', '3');
    expect(code).toBe(0);
    expect(out).toMatch(/^question: How long is a 3-node cluster .* \(with --nodes 3\)$/m);
    expect(out).not.toContain('5-node');
  });
});
