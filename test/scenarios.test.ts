// Scenario files: the built-in library, compile() (pure: a spec and a seed to SimulationOptions), swarm draws,
// overrides, expectations, writing scenarios back out, and seeded regression runs of every built-in scenario
// with golden trace hashes (test/golden/hashes.json; regenerate with `npm run golden:update`).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { safeKnobs } from '../raft/config.js';
import { builtinScenarios, findScenario, findScenariosDirectory, scenariosDirectory } from '../src/scenario/builtin.js';
import { defaultSimulationOptions } from '../sim/simulate.js';
import { Trace } from '../sim/trace.js';
import { runScenario } from '../src/api.js';
import { compileScenario } from '../src/scenario/compile.js';
import { ScenarioError, SpecError } from '../src/scenario/errors.js';
import { evaluateExpectations, parseExpectation } from '../src/scenario/expectations.js';
import { parseScenarioText, scenarioFromObject } from '../src/scenario/load.js';
import { parseOverrides } from '../src/scenario/overrides.js';
import { fullToSpec, specToDocument, toYaml } from '../src/scenario/serialize.js';
import type { ScenarioSpec } from '../src/scenario/spec.js';

function spec(value: Record<string, unknown>): ScenarioSpec {
  return scenarioFromObject({ question: 'what?', ...value }).spec;
}

function specError(run: () => unknown): SpecError {
  try {
    run();
  } catch (error) {
    if (error instanceof SpecError) return error;
    throw error;
  }
  throw new Error('expected a SpecError');
}

describe('the built-in library', () => {
  it('has at least the 14 required scenarios plus steady-state, each a YAML file with a comment block and a question', () => {
    const names = builtinScenarios.map((scenario) => scenario.name);
    for (const required of [
      'leader-crash',
      'minority-partition',
      'majority-partition',
      'leader-one-way-cut',
      'flapping-links',
      'bridge-partition',
      'clock-skew-drift',
      'cross-dc-compaction-drift',
      'compaction-stall',
      'slow-follower-snapshot',
      'figure-8',
      'figure-8-broken',
      'fixed-vs-randomized-timeouts',
      'lost-unsynced-writes',
      'random-chaos',
      'chaos-5',
      'steady-state',
      'grow-3-to-5',
      'replace-leader',
      'remove-partitioned-node',
      'removed-node-keeps-running',
      'joint-change-leader-crash',
      'learner-snapshot-catch-up',
      'mixed-version-learner',
      'mixed-version-learner-wedge',
      'rolling-upgrade',
      'random-versions',
    ]) {
      expect(names).toContain(required);
    }
    for (const scenario of builtinScenarios) {
      const text = readFileSync(scenario.file, 'utf8');
      expect(text.startsWith('# '), `${scenario.name} starts with a comment block`).toBe(true);
      expect(scenario.scenario.header.length, `${scenario.name} header`).toBeGreaterThan(80);
      expect(scenario.question).toMatch(/\?$/);
      expect(scenario.scenario.spec.name, `${scenario.name}: name: matches the file name`).toBe(scenario.name);
    }
  });

  it.each(builtinScenarios.map((scenario) => [scenario.name]))('%s validates and compiles for several seeds', (name) => {
    const scenario = findScenario(name)!;
    for (const seed of [1, 2, 99]) {
      const compiled = scenario.scenario.compile(seed);
      expect(compiled.options.scenario).toBe(name);
      expect(compiled.options.seed).toBe(seed);
      expect(scenario.build(seed)).toEqual(compiled.options);
    }
  });

  it.each(builtinScenarios.map((scenario) => [scenario.name]))('%s written back out as YAML loads to the same scenario', (name) => {
    const scenario = findScenario(name)!.scenario;
    const text = toYaml(specToDocument(scenario.spec), 'round trip');
    const again = parseScenarioText(text, { kind: 'file', ref: `${name}.yaml`, path: null }, name);
    expect(again.spec).toEqual(scenario.spec);
    // The complete parameters (every default filled in) load to the same compiled options, too.
    const compiled = scenario.compile(5);
    const full = parseScenarioText(toYaml(specToDocument(fullToSpec(compiled.full))), { kind: 'file', ref: 'full.yaml', path: null }, name);
    expect(full.compile(5).options).toEqual(compiled.options);
  });

  it('the scenario files are found from the build (dist/src/scenario/builtin.js) as from the sources', () => {
    const fromDist = findScenariosDirectory(pathToFileURL(join(process.cwd(), 'dist', 'src', 'scenario', 'builtin.js')).href);
    expect(fromDist).toBe(scenariosDirectory);
    expect(() => findScenariosDirectory('file:///nonexistent/dist/src/scenario/builtin.js')).toThrow(/were not found/);
  });
});

describe('compile()', () => {
  it('a scenario with only a question compiles to the simulator defaults, and records every default it filled in', () => {
    const compiled = compileScenario(spec({ name: 'bare' }), 7);
    expect(compiled.options).toEqual(defaultSimulationOptions({ scenario: 'bare', seed: 7 }));
    expect(compiled.defaults).toEqual(expect.arrayContaining(['cluster.nodes', 'raft.electionTimeout', 'raft.heartbeat', 'network.latency', 'workload.rate', 'duration', 'livenessBound', 'chaos']));
    expect(compiled.drawn).toEqual({});
  });

  it('human units become microseconds, probabilities, ppm and bytes', () => {
    const compiled = compileScenario(
      spec({
        cluster: { nodes: 3, clocks: { n2: { offset: '+80ms', drift: '50ppm' } } },
        raft: { electionTimeout: '200ms..400ms', heartbeat: '40ms', preVote: false, flowControl: { maxEntriesPerMessage: '16KiB' } },
        network: { latency: '1ms..3ms', drop: '5%', reorder: 0.02 },
        disk: { fsyncLatency: { lognormal: { median: '2ms', sigma: 0.5 } }, tearOnCrash: false },
        compaction: { snapshotCount: 'off', snapshotInterval: '10s', applyCost: '250us' },
        workload: { rate: '50/s', valueBytes: '1KiB', backoff: '10ms..2s' },
        duration: '12.5s',
      }),
      1,
    );
    const o = compiled.options;
    expect(o.cluster.nodeIds).toEqual(['n1', 'n2', 'n3']);
    expect(o.cluster.clocks.n2).toEqual({ offsetUs: 80_000, driftPpm: 50 });
    expect(o.cluster.raft).toMatchObject({ electionTimeoutMinUs: 200_000, electionTimeoutMaxUs: 400_000, heartbeatIntervalUs: 40_000, preVote: false, maxEntriesBytesPerMessage: 16_384 });
    expect(o.cluster.link).toMatchObject({ latency: { kind: 'uniform', minUs: 1_000, maxUs: 3_000 }, dropChance: 0.05, reorderChance: 0.02 });
    expect(o.cluster.disk.fsyncLatency).toEqual({ kind: 'lognormal', medianUs: 2_000, sigma: 0.5 });
    expect(o.cluster.tearOnCrash).toBe(false);
    expect(o.cluster.compaction).toMatchObject({ snapshotCount: null, snapshotIntervalUs: 10_000_000, applyCostUs: 250 });
    expect(o.workload).toMatchObject({ ratePerSecond: 50, valueBytes: 1_024, backoffBaseUs: 10_000, backoffMaxUs: 2_000_000 });
    expect(o.durationUs).toBe(12_500_000);
  });

  it('leader stickiness follows CheckQuorum unless given', () => {
    expect(compileScenario(spec({ raft: { checkQuorum: false } }), 1).options.cluster.raft.leaderStickiness).toBe(false);
    expect(compileScenario(spec({ raft: { checkQuorum: false, leaderStickiness: true } }), 1).options.cluster.raft.leaderStickiness).toBe(true);
  });

  it('the fault timeline: at, every (from, until), between, after, and the undo of `for`', () => {
    const compiled = compileScenario(
      spec({
        faults: [
          { at: '1s', crash: 'leader', for: '2s' },
          { at: '1s', crash: 'n2', for: '500ms' },
          { every: '3s', from: '2s', until: '9s', isolate: 'follower', for: '1s' },
          { between: ['4s', '6s'], pause: { node: 'n3', for: '300ms' } },
          { after: 'leader-elected', delay: '50ms', times: 3, crash: 'leader', for: '200ms' },
          { at: '7s', link: { from: 'n1', to: 'n2', drop: '30%', latency: '20ms', bothWays: true }, for: '1s' },
          { at: '7s', clog: { from: 'n4', to: 'n5' }, for: '1s' },
          { at: '8s', slow: { node: 'n4', delay: '10ms' }, for: '1s' },
        ],
        duration: '10s',
      }),
      3,
    );
    const schedule = compiled.options.faults.map((item) => [item.atUs, item.fault.kind, 'node' in item.fault ? item.fault.node : '']);
    expect(schedule).toEqual(
      expect.arrayContaining([
        [1_000_000, 'crash', 'leader'],
        [3_000_000, 'restart-all', ''],
        [1_000_000, 'crash', 'n2'],
        [1_500_000, 'restart', 'n2'],
        [2_000_000, 'isolate', 'follower'],
        [3_000_000, 'heal', ''],
        [5_000_000, 'isolate', 'follower'],
        [8_000_000, 'isolate', 'follower'],
        [7_000_000, 'clog', ''],
        [8_000_000, 'unclog', ''],
        [8_000_000, 'slow', 'n4'],
        [9_000_000, 'slow', 'n4'],
      ]),
    );
    expect(compiled.options.faults.filter((item) => item.fault.kind === 'isolate')).toHaveLength(3);
    const pause = compiled.options.faults.find((item) => item.fault.kind === 'pause')!;
    expect(pause.atUs).toBeGreaterThanOrEqual(4_000_000);
    expect(pause.atUs).toBeLessThanOrEqual(6_000_000);
    expect(pause.fault).toEqual({ kind: 'pause', node: 'n3', durationUs: 300_000 });
    expect(compiled.drawn['faults[3].at']).toBe(`${pause.atUs / 1000}ms`.replace(/^(\d+)000ms$/, '$1s'));
    // after + for: the fault and its undo as two triggers that fire on the same events.
    expect(compiled.options.triggers).toEqual([
      { after: 'leader-elected', delayUs: 50_000, fault: { kind: 'crash', node: 'leader' }, times: 3 },
      { after: 'leader-elected', delayUs: 250_000, fault: { kind: 'restart-all' }, times: 3 },
    ]);
    // A link between named nodes is restored exactly: only the fields the fault changed, on that link.
    const linkUndo = compiled.options.faults.filter((item) => item.fault.kind === 'link')[1]!;
    expect(linkUndo).toEqual({ atUs: 8_000_000, fault: { kind: 'link', from: 'n1', to: 'n2', bothWays: true, patch: { dropChance: 0, latency: { kind: 'uniform', minUs: 500, maxUs: 2_000 } } } });
  });

  it('`between` draws come from the seed: the same seed gives the same time, other seeds other times', () => {
    const s = spec({ faults: [{ between: ['1s', '9s'], crash: 'leader' }], duration: '10s' });
    const at = (seed: number): number => compileScenario(s, seed).options.faults[0]!.atUs;
    expect(at(5)).toBe(at(5));
    expect(new Set([1, 2, 3, 4, 5, 6].map(at)).size).toBeGreaterThan(3);
  });

  it('a one-way cut from every node to the leader leaves the leader out of the senders (one cut per node)', () => {
    const compiled = compileScenario(spec({ cluster: { nodes: 3 }, faults: [{ at: '1s', 'cut-one-way': { from: 'all', to: 'leader' }, for: '1s' }] }), 1);
    expect(compiled.options.faults.map((item) => item.fault)).toEqual([
      { kind: 'cut-one-way', from: ['n1'], to: ['leader'] },
      { kind: 'cut-one-way', from: ['n2'], to: ['leader'] },
      { kind: 'cut-one-way', from: ['n3'], to: ['leader'] },
      { kind: 'heal' },
    ]);
  });

  it('skew spreads clock offsets evenly; a clock fault with `for` returns to the configured setting', () => {
    const compiled = compileScenario(spec({ cluster: { nodes: 5, skew: '100ms', clocks: { n5: { drift: '30ppm' } } }, faults: [{ at: '2s', clock: { node: 'n5', offset: '+1s' }, for: '1s' }] }), 1);
    expect(Object.values(compiled.options.cluster.clocks).map((clock) => clock.offsetUs)).toEqual([-100_000, -50_000, 0, 50_000, 100_000]);
    expect(compiled.options.cluster.clocks.n5).toEqual({ offsetUs: 100_000, driftPpm: 30 });
    expect(compiled.options.faults[1]).toEqual({ atUs: 3_000_000, fault: { kind: 'clock-offset', node: 'n5', offsetUs: 100_000 } });
  });

  it('datacenters become a topology; A<->B latencies apply both ways', () => {
    const compiled = compileScenario(
      spec({ cluster: { nodes: 3, datacenters: { east: ['n1', 'n2'], west: ['n3'] }, latency: { intra: '1ms', inter: { 'east<->west': '30ms..40ms' } } } }),
      1,
    );
    expect(compiled.options.cluster.topology).toEqual({
      datacenterOf: { n1: 'east', n2: 'east', n3: 'west' },
      intraLatency: { kind: 'constant', valueUs: 1_000 },
      interLatency: { 'east->west': { kind: 'uniform', minUs: 30_000, maxUs: 40_000 }, 'west->east': { kind: 'uniform', minUs: 30_000, maxUs: 40_000 } },
    });
  });

  it('problems that need the whole scenario name the path and what was expected', () => {
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ cluster: { nodes: 3 }, faults: [{ at: '1s', crash: 'n4' }] }, /^faults\[0\]\.crash: found "n4", expected leader, follower, random, last-crashed or a node of the cluster \(n1, n2, n3\)/],
      [{ faults: [{ at: '12s', heal: null }], duration: '10s' }, /^faults\[0\]\.at: found 12s, expected a time before the end of the fault phase \(duration: 10s\)/],
      [{ raft: { electionTimeout: '40ms..80ms', heartbeat: '50ms' } }, /^raft\.heartbeat: found 50ms, expected a heartbeat shorter than the minimum election timeout/],
      [{ raft: { checkQuorum: false, leaseReads: true } }, /^raft\.leaseReads: found true, expected leaseReads only with checkQuorum: true/],
      [{ cluster: { nodes: 3, datacenters: { a: ['n1', 'n2'], b: ['n3'] } } }, /^cluster\.latency\.inter: found no latency for a<->b/],
      [{ cluster: { nodes: 3, datacenters: { a: ['n1'], b: ['n3'] }, latency: { inter: { 'a<->b': '5ms' } } } }, /^cluster\.datacenters: found no datacenter for n2/],
      [{ faults: [{ at: '1s', partition: [['n1', 'n2'], ['n2', 'n3']] }] }, /^faults\[0\]\.partition\[1\]\[0\]: found "n2", expected each node in one group only/],
      [{ faults: [{ at: '1s', clock: { node: 'leader', step: '+1s' }, for: '1s' }] }, /^faults\[0\]\.clock\.node: found "leader", expected a named node when the clock change has a "for"/],
      [{ expectations: ['logGrowth.perNode.n9.peakEntries < 10'] }, /^expectations\[0\]: found "logGrowth.perNode.n9.peakEntries < 10", expected a node of this scenario/],
    ];
    for (const [value, pattern] of cases) expect(specError(() => compileScenario(spec(value), 1)).message).toMatch(pattern);
  });

  it('a scenario file problem names the file, line and column, the path, what was found and what was expected', () => {
    const text = 'question: q?\nraft:\n  preVote: true\n  heartbeat: 2 seconds\nfaults:\n  - at: 1s\n    crash: n9\n';
    expect(() => parseScenarioText(text, { kind: 'file', ref: 'my.yaml', path: null }, 'my')).toThrow(ScenarioError);
    try {
      parseScenarioText(text, { kind: 'file', ref: 'my.yaml', path: null }, 'my');
    } catch (error) {
      expect((error as Error).message).toBe('my.yaml:4:14: raft.heartbeat: found "2 seconds", expected a duration such as 150ms, 2s, 1.5s or 500us.');
    }
    const loaded = parseScenarioText('question: q?\nfaults:\n  - at: 1s\n    crash: n9\n', { kind: 'file', ref: 'my.yaml', path: null }, 'my');
    expect(() => loaded.compile(1)).toThrow('my.yaml:4:12: faults[0].crash: found "n9", expected leader, follower, random, last-crashed or a node of the cluster (n1, n2, n3, n4, n5).');
  });
});

describe('overrides', () => {
  it('are applied as if written in the file, and named in problems they cause', () => {
    const s = spec({ faults: [{ at: '1s', crash: 'n5' }], duration: '5s' });
    const compiled = compileScenario(s, 1, { overrides: parseOverrides({ drop: '2%', 'election-timeout': '300ms..600ms', prevote: false, duration: '3s' }) });
    expect(compiled.options.cluster.link.dropChance).toBe(0.02);
    expect(compiled.options.cluster.raft).toMatchObject({ electionTimeoutMinUs: 300_000, electionTimeoutMaxUs: 600_000, preVote: false });
    expect(compiled.options.durationUs).toBe(3_000_000);
    expect(specError(() => compileScenario(s, 1, { overrides: parseOverrides({ nodes: '3' }) })).message).toMatch(/faults\[0\]\.crash: found "n5", expected .* \(n1, n2, n3\) \(with --nodes 3\)/);
  });

  it('--duration may cut scripted faults off (with a note), where a duration in the file may not', () => {
    const s = spec({ faults: [{ at: '8s', crash: 'leader' }], duration: '10s' });
    const compiled = compileScenario(s, 1, { overrides: parseOverrides({ duration: '5s' }) });
    expect(compiled.options.faults).toEqual([]);
    expect(compiled.notes.join(' ')).toMatch(/1 scheduled fault falls? at or after the end of the fault phase \(5s\)/);
  });

  it('--skew replaces the offsets written in the file and keeps their drifts', () => {
    const s = spec({ cluster: { nodes: 3, clocks: { n1: { offset: '+1s', drift: '10ppm' } } } });
    const compiled = compileScenario(s, 1, { overrides: parseOverrides({ skew: '20ms' }) });
    expect(compiled.options.cluster.clocks).toEqual({ n1: { offsetUs: -20_000, driftPpm: 10 }, n2: { offsetUs: 0, driftPpm: 0 }, n3: { offsetUs: 20_000, driftPpm: 0 } });
  });
});

describe('swarm mode', () => {
  const swarm = spec({ swarm: true, raft: { preVote: true }, network: { drop: '1%' } });

  it('draws every open parameter from the seed and records each drawn value; given ones are kept', () => {
    const compiled = compileScenario(swarm, 11);
    expect(Object.keys(compiled.drawn)).toEqual(expect.arrayContaining(['cluster.nodes', 'raft.electionTimeout', 'raft.checkQuorum', 'network.reorder', 'disk.fsyncLatency', 'workload.rate', 'chaos.kinds', 'chaos.meanGap', 'duration']));
    expect(compiled.drawn['raft.preVote']).toBeUndefined();
    expect(compiled.drawn['network.drop']).toBeUndefined();
    expect(compiled.options.cluster.raft.preVote).toBe(true);
    expect(compiled.options.cluster.link.dropChance).toBe(0.01);
    // Broken variants are never drawn.
    expect(compiled.options.cluster.raft.unsafe).toEqual(safeKnobs);
    expect(compiled.options.chaos).not.toBeNull();
  });

  it('is deterministic per seed, differs across seeds, and switches whole features off for some seeds', () => {
    expect(compileScenario(swarm, 4).options).toEqual(compileScenario(swarm, 4).options);
    const seeds = Array.from({ length: 40 }, (_, k) => compileScenario(swarm, k + 1));
    expect(new Set(seeds.map((c) => JSON.stringify(c.drawn))).size).toBe(40);
    expect(seeds.some((c) => c.options.cluster.link.reorderChance === 0)).toBe(true);
    expect(seeds.some((c) => c.options.cluster.link.reorderChance > 0)).toBe(true);
    expect(seeds.some((c) => !c.options.chaos!.kinds.includes('clock'))).toBe(true);
    expect(seeds.some((c) => c.options.cluster.raft.checkQuorum === false)).toBe(true);
    expect(seeds.some((c) => c.options.cluster.compaction.snapshotCount === null)).toBe(true);
  });

  it('each parameter draws from its own stream: giving one does not change what the others draw', () => {
    const a = compileScenario(swarm, 21).drawn;
    const b = compileScenario(spec({ swarm: true, raft: { preVote: true }, network: { drop: '1%' }, workload: { rate: '10/s' } }), 21).drawn;
    const { ['workload.rate']: _rate, ...rest } = a;
    expect(b).toEqual(rest);
  });

  it('draws respect the values the file gives (a timeout above a given heartbeat, sizes within a given message limit)', () => {
    const constrained = spec({ swarm: true, raft: { heartbeat: '150ms' }, network: { maxMessageBytes: '128KiB' } });
    for (let seed = 1; seed <= 100; seed++) {
      const options = compileScenario(constrained, seed).options;
      expect(options.cluster.raft.electionTimeoutMinUs).toBeGreaterThan(150_000);
      expect(options.cluster.raft.snapshotChunkBytes).toBeLessThanOrEqual(128 * 1024 - 64);
    }
  });

  it('--swarm turns it on for any scenario', () => {
    const compiled = compileScenario(findScenario('leader-crash')!.scenario.spec, 2, { overrides: parseOverrides({ swarm: true }) });
    expect(compiled.full.swarm).toBe(true);
    expect(compiled.drawn['raft.electionTimeout']).toBeUndefined();
    expect(compiled.drawn['network.drop']).toBeDefined();
  });
});

describe('expectations', () => {
  it('parse with units and are type-checked against what the path measures', () => {
    expect(parseExpectation('electionLatency.p99 < 1s')).toMatchObject({ path: 'electionLatency.p99', op: '<', value: 1_000_000, quantity: 'duration' });
    expect(parseExpectation('logGrowth.peakBytes <= 64KiB')).toMatchObject({ value: 65_536, quantity: 'bytes' });
    expect(parseExpectation('verdict == ok')).toMatchObject({ value: 'ok', quantity: 'word' });
    expect(parseExpectation('metrics.compaction.stallCount == 0')).toMatchObject({ value: 0, quantity: 'count' });
    expect(() => parseExpectation('logGrowth.peakEntries < 1s')).toThrow(/a number for logGrowth.peakEntries/);
    expect(() => parseExpectation('electionLatency.p99 < 1000')).toThrow(/a duration with a unit/);
    expect(() => parseExpectation('electionLatency.p42 < 1s')).toThrow(/"p42" is not a field of electionLatency/);
    expect(() => parseExpectation('verdict < ok')).toThrow(/== or !=/);
    expect(() => parseExpectation('latency is low')).toThrow(/PATH OP VALUE/);
  });

  it('evaluate against the result and its metrics; a missing value fails with a note', () => {
    const context = { electionLatency: { p99: 400_000 }, compaction: { stallCount: 2 }, verdict: 'ok', metrics: {} };
    const results = evaluateExpectations(
      ['electionLatency.p99 < 1s', 'compaction.stallCount == 0', 'verdict == ok', 'commitLatency.p99 < 1s'].map(parseExpectation),
      context,
    );
    expect(results.map((result) => [result.actual, result.passed])).toEqual([
      [400_000, true],
      [2, false],
      ['ok', true],
      [null, false],
    ]);
    expect(results[3]!.note).toMatch(/not measured/);
  });
});

// ------------------------------------------------------------------------------------------------ regression

interface RegressionCase {
  readonly name: string;
  readonly seed: number;
  readonly overrides?: Record<string, unknown>;
  readonly outcome: 'passed' | 'safety' | 'liveness' | 'expectations';
  /** Bands on the run's metrics and result: path -> [min, max] (inclusive). */
  readonly bands?: Readonly<Record<string, readonly [number, number]>>;
  readonly invariant?: string;
}

const regression: readonly RegressionCase[] = [
  { name: 'steady-state', seed: 1, overrides: { duration: '10s' }, outcome: 'passed', bands: { 'elections.leaderChanges': [1, 1], 'commitLatency.p99': [1_000, 50_000], 'logGrowth.peakEntries': [500, 5_000] } },
  { name: 'leader-crash', seed: 1, outcome: 'passed', bands: { 'electionLatency.count': [2, 2], 'electionLatency.max': [100_000, 1_000_000], 'cluster.crashes': [2, 2] } },
  { name: 'minority-partition', seed: 1, outcome: 'passed', bands: { 'elections.leaderChanges': [1, 2], 'workload.ok': [2_000, 10_000] } },
  { name: 'majority-partition', seed: 1, outcome: 'passed', bands: { 'electionLatency.max': [100_000, 1_000_000], 'cluster.checkQuorumStepDowns': [1, 3] } },
  { name: 'leader-one-way-cut', seed: 1, outcome: 'passed', bands: { 'electionLatency.count': [2, 4], 'cluster.checkQuorumStepDowns': [1, 3] } },
  { name: 'flapping-links', seed: 1, overrides: { duration: '12s' }, outcome: 'passed', bands: { 'elections.leaderChanges': [1, 4] } },
  { name: 'bridge-partition', seed: 1, outcome: 'passed', bands: { 'elections.leaderChanges': [1, 1], 'workload.ok': [3_000, 6_000] } },
  { name: 'bridge-partition', seed: 1, overrides: { checkQuorum: false }, outcome: 'expectations', bands: { 'elections.leaderChanges': [2, 100] } },
  { name: 'fixed-vs-randomized-timeouts', seed: 1, overrides: { duration: '12s' }, outcome: 'expectations', bands: { 'elections.splitVotes': [10, 1_000] } },
  { name: 'fixed-vs-randomized-timeouts', seed: 1, overrides: { duration: '12s', electionTimeout: '150ms..300ms' }, outcome: 'passed', bands: { 'elections.splitVotes': [0, 3] } },
  { name: 'clock-skew-drift', seed: 1, outcome: 'passed', bands: { 'compaction.snapshots': [10, 40], 'compaction.drift.maxTimeSpreadUs': [10_000, 2_000_000] } },
  { name: 'lost-unsynced-writes', seed: 1, outcome: 'passed', bands: { 'cluster.tornRecordsDiscarded': [1, 1_000], 'cluster.crashes': [10, 100] } },
  { name: 'slow-follower-snapshot', seed: 1, outcome: 'passed', bands: { 'compaction.snapshotsInstalled': [1, 20], 'logGrowth.peakEntries': [500, 2_000] } },
  { name: 'compaction-stall', seed: 1, outcome: 'expectations', bands: { 'compaction.stallCount': [1, 10], 'logGrowth.peakEntries': [5_000, 100_000] } },
  { name: 'cross-dc-compaction-drift', seed: 1, outcome: 'passed', bands: { 'compaction.drift.rounds': [10, 40], 'compaction.drift.maxIndexSpread': [100, 100_000], 'replicationLatency.byDatacenter.eu.p50': [80_000, 2_000_000] } },
  { name: 'figure-8', seed: 1, outcome: 'passed', bands: { 'elections.leaderChanges': [6, 20] } },
  { name: 'figure-8-broken', seed: 1, outcome: 'safety', invariant: 'CommitIrrevocable' },
  { name: 'leader-crash-loop', seed: 1, outcome: 'passed', bands: { 'cluster.crashes': [8, 12] } },
  { name: 'grow-3-to-5', seed: 1, outcome: 'passed', bands: { 'membership.finalVoters': [5, 5], 'membership.maxCatchUpUs': [1, 2_000_000] } },
  { name: 'replace-leader', seed: 1, outcome: 'passed', bands: { 'membership.jointPeriods': [1, 1], 'membership.removedStepDowns': [1, 1] } },
  { name: 'remove-partitioned-node', seed: 1, outcome: 'passed', bands: { 'membership.finalVoters': [4, 4] } },
  { name: 'removed-node-keeps-running', seed: 1, outcome: 'passed', bands: { 'elections.leaderChanges': [1, 2] } },
  { name: 'joint-change-leader-crash', seed: 1, outcome: 'passed', bands: { 'membership.jointPeriods': [1, 2], 'cluster.crashes': [2, 2] } },
  { name: 'learner-snapshot-catch-up', seed: 1, outcome: 'passed', bands: { 'compaction.snapshotsInstalled': [1, 50] } },
  { name: 'mixed-version-learner', seed: 1, outcome: 'passed', bands: { 'versions.rejections': [0, 0], 'compaction.snapshotsInstalled': [1, 10] } },
  { name: 'mixed-version-learner-wedge', seed: 1, outcome: 'liveness', bands: { 'versions.snapshotRejections.n4': [100, 10_000], 'versions.leaderRetainedMax': [300, 100_000] } },
  { name: 'rolling-upgrade', seed: 1, outcome: 'passed', bands: { 'versions.upgrades': [5, 5], 'elections.timeWithoutLeaderUs': [0, 2_000_000] } },
  { name: 'random-versions', seed: 1, outcome: 'passed', bands: { 'versions.upgrades': [1, 20], 'versions.rejections': [0, 0] } },
  { name: 'random-chaos', seed: 1, overrides: { duration: '10s' }, outcome: 'passed' },
  { name: 'chaos-5', seed: 1, overrides: { duration: '15s' }, outcome: 'passed', bands: { 'cluster.crashes': [1, 20], 'compaction.snapshots': [10, 200], 'electionLatency.count': [2, 40] } },
];

const goldenPath = join(process.cwd(), 'test', 'golden', 'hashes.json');
const updating = process.env.GOLDEN_UPDATE === '1';
const golden: Record<string, { traceHash: string; outcome: string }> = (() => {
  try {
    return JSON.parse(readFileSync(goldenPath, 'utf8')).runs as Record<string, { traceHash: string; outcome: string }>;
  } catch {
    return {};
  }
})();
const regenerated: Record<string, { traceHash: string; outcome: string }> = {};

function caseKey(c: RegressionCase): string {
  const flags = Object.entries(c.overrides ?? {}).map(([key, value]) => `${key}=${String(value)}`);
  return [`${c.name} seed ${c.seed}`, ...flags].join(' ');
}

describe('seeded regression runs of every built-in scenario', () => {
  it('covers every built-in scenario', () => {
    expect(new Set(regression.map((c) => c.name))).toEqual(new Set(builtinScenarios.map((scenario) => scenario.name)));
  });

  it.each(regression.map((c) => [caseKey(c), c] as const))('%s', (_key, c) => {
    const run = runScenario(findScenario(c.name)!.scenario, { seed: c.seed, overrides: c.overrides as never, trace: new Trace() }).run;
    expect(run.outcome, JSON.stringify(run.expectations.filter((e) => !e.passed))).toBe(c.outcome);
    if (c.invariant !== undefined) expect(run.result.violation?.invariant).toBe(c.invariant);
    const context = { ...run.result.metrics, ...run.result, metrics: run.result.metrics } as unknown as Record<string, unknown>;
    for (const [path, [min, max]] of Object.entries(c.bands ?? {})) {
      const value = path.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], context);
      expect(value, path).toBeTypeOf('number');
      expect(value as number, path).toBeGreaterThanOrEqual(min);
      expect(value as number, path).toBeLessThanOrEqual(max);
    }
    const key = caseKey(c);
    regenerated[key] = { traceHash: run.result.traceHash!, outcome: run.outcome };
    if (!updating) {
      expect(golden[key], `no golden hash for "${key}": run \`npm run golden:update\` and review the diff`).toBeDefined();
      expect(run.result.traceHash, `trace hash of ${key} changed: if the change in behaviour is intended, run \`npm run golden:update\` and read the diff before accepting it`).toBe(golden[key]!.traceHash);
    }
  });

  afterAll(() => {
    if (!updating) return;
    const document = {
      _comment: 'Golden trace hashes of the seeded regression runs in test/scenarios.test.ts. Regenerate with `npm run golden:update` only when a change in behaviour is intended, and read the diff before accepting it.',
      runs: Object.fromEntries(regression.map((c) => [caseKey(c), regenerated[caseKey(c)]])),
    };
    writeFileSync(goldenPath, JSON.stringify(document, null, 2) + '\n');
  });
});

describe('dynamic fault targets', () => {
  it("`restart: last-crashed` brings back exactly the node `crash: leader` took", async () => {
    const { runScenarioSpec } = await import('../src/index.js');
    const run = runScenarioSpec(
      {
        name: 'restart-the-crashed-leader',
        question: 'Does restarting the last crashed node bring back the old leader?',
        cluster: { nodes: 5 },
        faults: [
          { at: '1s', crash: 'leader' },
          { at: '1500ms', crash: 'follower' },
          { at: '2s', restart: 'last-crashed' },
          { at: '2500ms', restart: 'last-crashed' },
        ],
        duration: '4s',
      },
      { seed: 3 },
    );
    expect(run.verdict).toBe('ok');
    expect(run.result.cluster.crashes).toBe(2);
    expect(run.result.cluster.restarts).toBe(2);
  });
});
