// The exported ScenarioSpec type accepts what the scenario file format accepts (docs/scenarios.md: '2s', '1%',
// '64KiB', '150ms..300ms', distributions, fault items, chaos) and refuses what the loader refuses. This file is
// checked by `npm run typecheck`: each @ts-expect-error line must be a type error, every other spec must
// type-check; the test then loads every spec at runtime, so the type and the loader agree.
import { describe, expect, it } from 'vitest';
import { loadScenario, runScenarioSpec, type ScenarioSpec } from '../src/index.js';

const documented: ScenarioSpec[] = [
  {
    name: 'wan-leader-loss',
    question: 'Across a 40 ms WAN, how long are three datacenters without a leader after it crashes?',
    cluster: {
      nodes: 3,
      datacenters: { east: ['n1'], west: ['n2'], eu: ['n3'] },
      latency: { inter: { 'east<->west': '35ms..40ms', 'east<->eu': '40ms..45ms', 'west<->eu': '60ms..70ms' } },
    },
    raft: { electionTimeout: '500ms..1s', heartbeat: '100ms' },
    faults: [{ at: '3s', crash: 'leader', for: '2s' }],
    duration: '8s',
    expectations: ['verdict == ok', 'electionLatency.max < 3s', 'commitLatency.p50 > 35ms'],
  },
  {
    question: 'Every unit of docs/scenarios.md?',
    cluster: { nodes: ['n1', 'n2', 'n3'], skew: '20ms', clocks: { n1: { offset: '+80ms', drift: '50ppm' }, n2: { drift: '0.5%' } } },
    raft: { preVote: true, checkQuorum: false, leaseReads: true, leaseDriftBound: '1%', snapshotChunk: '64KiB', flowControl: { maxInflightBytes: '1MiB', maxInflightMessages: 64 } },
    compaction: { snapshotCount: 1000, snapshotInterval: 'off', applyCost: '50us', snapshotBytesPerSecond: '200MiB/s' },
    network: { drop: '1%', duplicate: 0.01, reorder: '0.5%', latency: { lognormal: { median: '2ms', sigma: 0.5 } }, reorderDelay: '1ms..5ms', maxMessageBytes: 4096 },
    disk: { fsyncLatency: { tail: { base: '1ms', jitter: '1ms', chance: '1%', mean: '50ms' } }, appendLatency: '100us', tearOnCrash: true },
    workload: { clients: 4, rate: '200/s', keys: 16, mix: { put: 6, get: 3, cas: 1 }, valueBytes: '512B', timeout: '1s', backoff: '10ms..50ms' },
    faults: [
      { every: '5s', from: '2s', until: '12s', pause: { node: 'follower', for: '1s' } },
      { between: ['3s', '6s'], partition: [['n1'], ['n2', 'n3']], for: '1s' },
      { after: 'leader-elected', delay: '30ms', times: 2, isolate: 'leader', for: '500ms', note: 'a fresh leader cut off' },
      { at: '7s', link: { from: 'n1', to: 'n2', drop: '30%', latency: '20ms..80ms', bothWays: true } },
      { at: '8s', clock: { node: 'n2', step: '-300ms' } },
      { at: '9s', 'cut-one-way': { from: 'all', to: 'leader' }, for: '1s' },
    ],
    chaos: 'off',
    duration: '15s',
    livenessBound: '10s',
    bugs: [],
  },
  { question: 'Chaos with every kind?', chaos: { kinds: 'all', meanGap: '700ms', maxFaultDuration: '3s', maxClockOffset: '200ms', maxDrift: '20000ppm', maxClockStep: '500ms' }, duration: '3s' },
  { question: 'The catalogued bug fails every seed?', bugs: ['commit-with-minority'], chaos: 'on', duration: '2s' },
  {
    question: 'The exploration aimed at the protocol?',
    workload: { pinnedReaders: 2, recentKeyReads: '50%' },
    buggify: { sites: ['fsync-stall', 'delay-message'], chance: '1%', maxDelay: '600ms' },
    faults: [
      { at: '1s', bounce: { node: 'leader', down: '20ms' } },
      { at: '1.5s', 'power-loss': { nodes: 'all', down: '100ms' } },
      { at: '2s', filter: { messages: 'append', action: 'hold', from: 'leader', to: 'all' }, for: '300ms' },
      { at: '2.5s', 'clear-filters': null },
      { at: '3s', arm: { on: 'vote-granted', within: '2s', do: { bounce: { node: 'event-node', down: '5ms' } } } },
      { after: 'entries-written', times: 1, pause: { node: 'event-node', for: '200ms' } },
    ],
    duration: '6s',
  },
];

// @ts-expect-error -- a bare number is not a duration (the loader refuses it too: "a duration such as 150ms")
const bareDuration: ScenarioSpec = { question: 'q?', duration: 2000 };
// @ts-expect-error -- a probability is a number or a percentage
const wordProbability: ScenarioSpec = { question: 'q?', network: { drop: '1 percent' } };
// @ts-expect-error -- unknown key (a typo must not fall back to a default)
const typo: ScenarioSpec = { question: 'q?', durration: '2s' };
// @ts-expect-error -- the question is required
const noQuestion: ScenarioSpec = { duration: '2s' };
// @ts-expect-error -- a fault timing is a duration
const badTiming: ScenarioSpec = { question: 'q?', faults: [{ at: 'soon', crash: 'n1' }] };
// @ts-expect-error -- a filter names a message class
const badClass: ScenarioSpec = { question: 'q?', faults: [{ at: '1s', filter: { messages: 'everything', action: 'drop' } }] };
// @ts-expect-error -- chaos kinds come from the list of chaos kinds
const badKind: ScenarioSpec = { question: 'q?', chaos: { kinds: ['meteor'] } };

describe('ScenarioSpec', () => {
  it('every documented-style spec that type-checks also loads', () => {
    for (const spec of documented) expect(() => loadScenario(spec)).not.toThrow();
    expect(runScenarioSpec(documented[3]!, { seed: 1 }).outcome).toBe('safety');
  });

  it('what the type refuses, the loader refuses', () => {
    for (const spec of [bareDuration, wordProbability, typo, noQuestion, badTiming, badKind, badClass]) expect(() => loadScenario(spec)).toThrow();
  });
});
