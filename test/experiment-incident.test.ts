// `raftsim experiment two-dc-incident`: the remote follower's sync latency grows to seconds after it is back only
// when the snapshot trigger is keyed on apply lag (it must be caught up from the long log), and the timeline of
// replication latency it is read from (metrics.replicationLatency.timeline) agrees with the run's distribution.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScenarioSpec } from '../src/api.js';
import { main } from '../src/cli.js';
import type { IncidentResult } from '../src/experiments/two-dc-incident-report.js';
import { runIncidentTrial } from '../src/experiments/two-dc-incident.js';
import { ReplicationTimelineCollector } from '../sim/replication-timeline.js';

async function cli(...argv: string[]): Promise<{ code: number; out: string }> {
  let out = '';
  const code = await main(argv, { out: (text) => (out += text), err: () => {}, isTerminal: false });
  return { code, out };
}

describe('the two-datacenter incident', () => {
  it('with the trigger keyed on apply lag the follower is caught up from the long log, and sync latency grows to seconds', () => {
    const bug = runIncidentTrial('trigger-on-apply-lag', 1);
    expect(bug.beforeMeanMs).toBeGreaterThan(75);
    expect(bug.beforeMeanMs).toBeLessThan(100);
    // The incident: ~80 ms -> seconds. Ours: seconds after the heal, for longer than a second.
    expect(bug.afterMeanMs).toBeGreaterThan(10 * bug.beforeMeanMs);
    expect(bug.catchUpMs).toBeGreaterThan(1_000);
    expect(bug.installedSnapshots).toBe(0);
    expect(bug.leaderPeakLogEntries).toBeGreaterThan(50_000);
  }, 60_000);

  it('with the correct trigger the follower is caught up by a snapshot, and sync latency is back within a few round trips', () => {
    const correct = runIncidentTrial('correct-trigger', 1);
    expect(correct.beforeMeanMs).toBeGreaterThan(75);
    expect(correct.beforeMeanMs).toBeLessThan(100);
    expect(correct.afterMeanMs).toBeLessThan(3 * correct.beforeMeanMs);
    expect(correct.catchUpMs).toBeLessThan(600);
    expect(correct.installedSnapshots).toBeGreaterThanOrEqual(1);
    expect(correct.leaderPeakLogEntries).toBeLessThan(5_000);
  }, 60_000);

  it('the command prints both variants beside the incident and writes the trials and the figure', async () => {
    const out = mkdtempSync(join(tmpdir(), 'raftsim-incident-'));
    const { code, out: text } = await cli('experiment', 'two-dc-incident', '--trials', '1', '--out', out);
    expect(code).toBe(0);
    expect(text).toMatch(/^The two-datacenter incident/);
    expect(text).toMatch(/\ncorrect-trigger +\d+ ms +\d+ ms/);
    expect(text).toMatch(/\ntrigger-on-apply-lag +\d+ ms +[\d.]+ s .* 80 ms -> 2\.30 s/);
    const result = JSON.parse(readFileSync(join(out, 'two-dc-incident.json'), 'utf8')) as IncidentResult;
    expect(result.variants.map((v) => v.variant)).toEqual(['correct-trigger', 'trigger-on-apply-lag']);
    expect(result.variants[1]!.trials[0]!.timeline.length).toBeGreaterThan(100);
    const svg = readFileSync(join(out, 'two-dc-incident.svg'), 'utf8');
    expect(svg).toMatch(/^<\?xml/);
    expect(svg).toContain('incident after: 2.3 s');
    expect(svg.match(/class="series" stroke=/g)!.length).toBeGreaterThanOrEqual(2);
  }, 120_000);
});

describe('replicationLatency.timeline', () => {
  it('buckets by proposal time, with the mean and max per bucket', () => {
    const timeline = new ReplicationTimelineCollector(1_000);
    timeline.add('n2', 100, 50);
    timeline.add('n2', 900, 150);
    timeline.add('n2', 2_500, 10);
    timeline.add('n10', 0, 7);
    timeline.add('n3', 0, 7);
    const result = timeline.result();
    expect(Object.keys(result.byNode)).toEqual(['n2', 'n3', 'n10']);
    expect(result.byNode.n2).toEqual([
      { fromUs: 0, count: 2, meanUs: 100, maxUs: 150 },
      { fromUs: 2_000, count: 1, meanUs: 10, maxUs: 10 },
    ]);
    expect(result.dropped).toBe(0);
  });

  it('counts the same acknowledgements as the distribution by datacenter', () => {
    const run = runScenarioSpec(
      {
        name: 'timeline',
        question: 'Does the timeline hold every replication sample?',
        cluster: { nodes: 3, datacenters: { a: ['n1', 'n2'], b: ['n3'] }, latency: { inter: { 'a<->b': '10ms..12ms' } } },
        faults: [{ at: '1s', isolate: 'n3', for: '1s' }],
        duration: '4s',
      },
      { seed: 3 },
    );
    const { byDatacenter, timeline } = run.metrics.replicationLatency;
    const total = Object.values(byDatacenter).reduce((sum, d) => sum + d.count, 0);
    const bucketed = Object.values(timeline.byNode).reduce((sum, buckets) => sum + buckets.reduce((s, b) => s + b.count, 0), 0);
    expect(total).toBeGreaterThan(100);
    expect(bucketed).toBe(total);
    expect(timeline.bucketUs).toBe(1_000_000);
    const maxOf = (node: string): number => Math.max(...timeline.byNode[node]!.map((b) => b.maxUs));
    // n3 was cut off for a second: some of its writes waited for the heal; the leader's local follower never did.
    expect(maxOf('n3')).toBeGreaterThan(500_000);
    const leaderPeer = Object.keys(timeline.byNode).find((node) => node !== 'n3')!;
    expect(maxOf(leaderPeer)).toBeLessThan(200_000);
  }, 30_000);
});
