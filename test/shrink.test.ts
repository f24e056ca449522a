// `raftsim shrink` keeps the failure: on figure-8-broken seed 1 the shrunk scenario fails the SAME invariant,
// NO LATER and with NO MORE events than the original run, has no more faults, reproduces exactly that when run
// from the file it writes, and the summary prints the original against the shrunk run.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli.js';
import { loadScenario, runScenarioFile, shrinkScenario } from '../src/index.js';
import { withNodes } from '../src/spec-edit.js';

describe('shrink keeps the failure', () => {
  it('figure-8-broken seed 1: the same invariant, no later, no more events, no more faults; the file reproduces it', () => {
    const report = shrinkScenario(loadScenario('figure-8-broken'), 1);
    expect(report.failed).toBe(true);
    const { original, final } = report;
    expect(original.invariant).toBe('CommitIrrevocable');
    expect(final.invariant).toBe(original.invariant);
    expect(final.timeUs).not.toBeNull();
    expect(final.timeUs!).toBeLessThanOrEqual(original.timeUs!);
    expect(final.events).toBeLessThanOrEqual(original.events);
    expect(final.faults).toBeLessThanOrEqual(original.faults);
    expect(report.after.events).toBe(final.events);
    const file = join(mkdtempSync(join(tmpdir(), 'raftsim-shrink-')), 'min.yaml');
    writeFileSync(file, report.yaml);
    const rerun = runScenarioFile(file, { seed: 1 });
    expect(rerun.result.violation?.invariant).toBe(original.invariant);
    expect(rerun.result.violation?.timeUs).toBe(final.timeUs);
    expect(rerun.result.events).toBe(final.events);
  });

  it('the summary prints the original against the shrunk run: failure, time, events, faults', async () => {
    let out = '';
    const file = join(mkdtempSync(join(tmpdir(), 'raftsim-shrink-')), 'min.yaml');
    const code = await main(['shrink', 'figure-8-broken', '--seed', '1', '--out', file], { out: (text) => (out += text), err: () => {}, isTerminal: false });
    expect(code).toBe(0);
    const row = (label: string): [string, string] => {
      const match = new RegExp(`^ {4}${label} +(\\S+) +(\\S+)$`, 'm').exec(out);
      expect(match, `${label} row in:\n${out}`).not.toBeNull();
      return [match![1]!, match![2]!];
    };
    expect(out).toMatch(/^ {12}original +shrunk$/m);
    expect(row('failure')).toEqual(['CommitIrrevocable', 'CommitIrrevocable']);
    const [before, after] = row('events').map(Number) as [number, number];
    expect(after).toBeLessThanOrEqual(before);
    const [t0, t1] = row('at');
    expect(t0).toMatch(/^t=\d/);
    expect(t1).toMatch(/^t=\d/);
    expect(Number(row('faults')[1])).toBeLessThanOrEqual(Number(row('faults')[0]));
    expect(readFileSync(file, 'utf8')).toMatch(/^# Shrunk by `raftsim shrink`/);
  });

  it('narrows a swarm run whose drawn placement was none (pinned as null) to fewer nodes', () => {
    // random-chaos seed 3 with count-duplicate-votes: shrink pins the drawn values, datacenters: null among them.
    const spec = { ...loadScenario('random-chaos').spec, cluster: { nodes: 5, datacenters: null, clocks: {} } };
    const narrowed = withNodes(spec as never, 3);
    expect(narrowed.cluster?.nodes).toBe(3);
    expect(narrowed.cluster?.datacenters).toBeNull();
  });
});
