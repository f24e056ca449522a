// Latency distributions with a floor (docs/scenarios.md, Units): fixed, uniform, normal and exponential take
// `floor` beside the kind, for the whole network, inside and between datacenters, and per link. A floor raises a
// draw below it and takes no draw of its own, so the streams of every other draw are unchanged.
import { describe, expect, it } from 'vitest';
import { traceRecordProblem } from '../contract/validate.js';
import { MemorySink, Trace } from '../sim/trace.js';
import { Random, distributionMeanUs, sampleUs, validateDistribution, type Distribution } from '../sim/random.js';
import { runScenarioSpec } from '../src/api.js';
import type { ScenarioInput } from '../src/scenario/input.js';
import { UnitError, formatDistribution, parseDistribution } from '../src/scenario/units.js';

const kinds: readonly Distribution[] = [
  { kind: 'constant', valueUs: 1_000, floorUs: 1_500 },
  { kind: 'uniform', minUs: 1_000, maxUs: 3_000, floorUs: 2_000 },
  { kind: 'normal', meanUs: 2_000, stddevUs: 1_500, floorUs: 1_000 },
  { kind: 'exponential', meanUs: 1_000, floorUs: 2_000 },
];

describe('a floor', () => {
  it('no draw is below it, and the stream moves exactly as without it', () => {
    for (const dist of kinds) {
      validateDistribution(dist);
      const { floorUs, ...bare } = dist as Distribution & { floorUs: number };
      const floored = Random.fromSeed(7).child('x');
      const plain = Random.fromSeed(7).child('x');
      let raised = 0;
      for (let k = 0; k < 2_000; k++) {
        const a = sampleUs(dist, floored);
        const b = sampleUs(bare as Distribution, plain);
        expect(a).toBe(Math.max(floorUs, b));
        if (b < floorUs) raised++;
      }
      expect(raised, dist.kind).toBeGreaterThan(0);
      expect(floored.next()).toBe(plain.next());
    }
  });

  it('the mean accounts for the raised draws', () => {
    for (const dist of kinds) {
      const random = Random.fromSeed(3);
      let sum = 0;
      const n = 40_000;
      for (let k = 0; k < n; k++) sum += sampleUs(dist, random);
      expect(Math.abs(sum / n - distributionMeanUs(dist)), dist.kind).toBeLessThan(distributionMeanUs(dist) * 0.02);
    }
    expect(distributionMeanUs({ kind: 'exponential', meanUs: 1_000, floorUs: 2_000 })).toBeCloseTo(2_000 + 1_000 * Math.exp(-2), 6);
  });

  it('parses beside the kind, writes back to the same, and is refused where it has no meaning', () => {
    expect(parseDistribution({ exponential: { mean: '3ms' }, floor: '1ms' })).toEqual({ kind: 'exponential', meanUs: 3_000, floorUs: 1_000 });
    expect(parseDistribution({ normal: { mean: '5ms', stddev: '2ms' }, floor: '2ms' })).toEqual({ kind: 'normal', meanUs: 5_000, stddevUs: 2_000, floorUs: 2_000 });
    expect(parseDistribution({ uniform: '1ms..5ms', floor: '2ms' })).toEqual({ kind: 'uniform', minUs: 1_000, maxUs: 5_000, floorUs: 2_000 });
    expect(parseDistribution({ fixed: '5ms' })).toEqual({ kind: 'constant', valueUs: 5_000 });
    // Without a floor nothing changes: the same objects as before floors existed.
    expect(parseDistribution('1ms..5ms')).toEqual({ kind: 'uniform', minUs: 1_000, maxUs: 5_000 });
    for (const dist of kinds) expect(parseDistribution(formatDistribution(dist))).toEqual(dist);
    expect(formatDistribution(kinds[1]!)).toEqual({ uniform: '1ms..3ms', floor: '2ms' });
    expect(() => parseDistribution({ lognormal: { median: '2ms', sigma: 0.5 }, floor: '1ms' })).toThrow(UnitError);
    expect(() => parseDistribution({ exponential: { mean: '3ms' }, floor: 'soon' })).toThrow(UnitError);
    expect(() => parseDistribution({ floor: '1ms' })).toThrow(UnitError);
  });
});

describe('floors in a scenario', () => {
  const scenario = (inter: unknown): ScenarioInput =>
    ({
      name: 'floors',
      question: 'Does a floor between datacenters hold?',
      cluster: { nodes: 3, datacenters: { a: ['n1', 'n2'], b: ['n3'] }, latency: { intra: { exponential: { mean: '1ms' }, floor: '500us' }, inter: { 'a<->b': inter } } },
      network: { latency: { uniform: '1ms..3ms', floor: '2ms' } },
      raft: { electionTimeout: '300ms..600ms' },
      duration: '4s',
    }) as ScenarioInput;

  it('between datacenters: every acknowledgement from the other side takes at least two floors', () => {
    const sink = new MemorySink();
    const run = runScenarioSpec(scenario({ normal: { mean: '20ms', stddev: '10ms' }, floor: '15ms' }), { seed: 1, trace: new Trace({ sink }) });
    expect(run.verdict).toBe('ok');
    const remote = run.metrics.replicationLatency.byDatacenter.b!;
    expect(remote.count).toBeGreaterThan(100);
    expect(remote.min).toBeGreaterThanOrEqual(30_000);
    // The meta record carries the floor, and the trace contract accepts it.
    const meta = JSON.parse(sink.lines[0]!) as { params: { topology: { interLatency: Record<string, unknown> } } };
    expect(meta.params.topology.interLatency['a->b']).toEqual({ kind: 'normal', meanUs: 20_000, stddevUs: 10_000, floorUs: 15_000 });
    expect(traceRecordProblem(JSON.parse(sink.lines[0]!))).toBeNull();
    // The same normal without the floor goes below it.
    const bare = runScenarioSpec(scenario({ normal: { mean: '20ms', stddev: '10ms' } }), { seed: 1 });
    expect(bare.metrics.replicationLatency.byDatacenter.b!.min).toBeLessThan(30_000);
  }, 30_000);

  it('per link, with a link fault', () => {
    const run = runScenarioSpec({ ...scenario('20ms'), faults: [{ at: 0, link: { from: 'n1', to: 'n2', latency: { exponential: { mean: '1ms' }, floor: '8ms' }, bothWays: true } }], raft: { electionTimeout: '300ms..600ms' } } as ScenarioInput, { seed: 2 });
    expect(run.verdict).toBe('ok');
    // The liveness phase resets the links (from 4 s): read the fault phase from the timeline, by proposal time.
    expect(run.metrics.samples.electionLatency).toEqual([]);
    const buckets = Object.values(run.metrics.replicationLatency.timeline.byNode).flat().filter((b) => b.fromUs >= 1_000_000 && b.fromUs < 3_000_000);
    // One leader in a (n1 for this seed): its follower in a answers over the patched link, n3 over 20 ms + 20 ms.
    const local = buckets.filter((b) => b.maxUs < 30_000);
    expect(local.length).toBe(2);
    for (const bucket of local) expect(bucket.meanUs).toBeGreaterThanOrEqual(16_000);
  }, 30_000);

  it('per link in the file: network.links, one way or both; a link fault overrides it, reset-links comes back to it', () => {
    const links = {
      name: 'links',
      question: 'Does a per-link latency hold?',
      cluster: { nodes: 3 },
      network: { latency: '1ms', links: { 'n1<->n2': { exponential: { mean: '1ms' }, floor: '8ms' }, 'n1->n3': '30ms' } },
      faults: [{ at: 0, campaign: 'n1' }, { at: '1s', link: { from: 'n1', to: 'n2', latency: '1ms', bothWays: true } }, { at: '2s', 'reset-links': null }],
      duration: '3s',
    } as ScenarioInput;
    const sink = new MemorySink();
    const run = runScenarioSpec(links, { seed: 1, trace: new Trace({ sink }) });
    expect(run.verdict).toBe('ok');
    const { byNode } = run.metrics.replicationLatency.timeline;
    // n2 answers over 8 ms or more each way; n3 hears n1 30 ms later and answers over the network's 1 ms.
    const n2 = (fromS: number): number => byNode.n2!.find((bucket) => bucket.fromUs === fromS * 1_000_000)!.meanUs;
    expect(n2(0)).toBeGreaterThanOrEqual(16_000);
    expect(n2(1)).toBeLessThan(5_000);
    expect(n2(2)).toBeGreaterThanOrEqual(16_000);
    for (const bucket of byNode.n3!) expect(bucket.meanUs).toBeGreaterThanOrEqual(31_000);
    const meta = JSON.parse(sink.lines[0]!) as { params: { linkLatency: Record<string, unknown> } };
    expect(Object.keys(meta.params.linkLatency).sort()).toEqual(['n1->n2', 'n1->n3', 'n2->n1']);
    expect(traceRecordProblem(JSON.parse(sink.lines[0]!))).toBeNull();
    expect(() => runScenarioSpec({ ...links, network: { links: { 'n1->n7': '5ms' } } } as ScenarioInput)).toThrow(/network\.links\["n1->n7"\].*two different nodes of the cluster \(n1, n2, n3\)/);
  }, 30_000);
});
