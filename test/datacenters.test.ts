// Datacenters as first-class (issue #14): clock settings per datacenter, the partition by datacenter, and
// clients placed in datacenters.
import { describe, expect, it } from 'vitest';
import { runScenario } from '../src/index.js';
import { loadScenarioFile, parseScenarioText, scenarioFromObject } from '../src/scenario/load.js';
import { specToDocument, toYaml } from '../src/scenario/serialize.js';
import { withNodes } from '../src/spec-edit.js';
import { Random } from '../sim/random.js';
import { Scheduler } from '../sim/scheduler.js';
import { MemorySink, Trace } from '../sim/trace.js';
import { Workload } from '../sim/workload.js';

const twoDcs = `name: dc-test
question: does the datacenter form compile?
cluster:
  nodes: 5
  datacenters:
    eu: [n1, n2]
    us: [n3, n4]
    ap: [n5]
  latency:
    intra: 1ms
    inter:
      eu<->us: 40ms
      eu<->ap: 90ms
      us<->ap: 70ms
  clocks:
    eu: {offset: +30ms, drift: 50ppm}
    n2: {drift: -20ppm}
faults:
  - at: 2s
    for: 2s
    partition: {datacenters: [eu, us]}
duration: 6s
`;

const load = (text: string) => parseScenarioText(text, { kind: 'file', ref: 'dc.yaml', path: null }, 'dc');

describe('clock settings per datacenter', () => {
  it('applies a datacenter setting to each of its nodes; a node entry overrides it field by field', () => {
    const clocks = load(twoDcs).compile(1).options.cluster.clocks;
    expect(clocks).toEqual({
      n1: { offsetUs: 30_000, driftPpm: 50 },
      n2: { offsetUs: 30_000, driftPpm: -20 },
      n3: { offsetUs: 0, driftPpm: 0 },
      n4: { offsetUs: 0, driftPpm: 0 },
      n5: { offsetUs: 0, driftPpm: 0 },
    });
  });

  it('refuses an unknown name with the path, the known nodes and datacenters and a suggestion', () => {
    const loaded = load(twoDcs.replace('    eu: {offset', '    euu: {offset'));
    expect(() => loaded.compile(1)).toThrow(/cluster\.clocks\.euu: found "euu", expected "eu" \(did you mean it\?\), or a node of the cluster \(n1, n2, n3, n4, n5\), or a datacenter \(eu, us, ap\)/);
  });

  it('shrinking to fewer nodes keeps the datacenter clock settings of the datacenters left', () => {
    const spec = withNodes(load(twoDcs).spec, 2);
    expect(Object.keys(spec.cluster?.clocks ?? {})).toEqual(['eu', 'n2']);
  });
});

describe('partition by datacenter', () => {
  it('compiles to groups: one per listed datacenter, then the unlisted datacenters together', () => {
    const faults = load(twoDcs).compile(1).options.faults;
    expect(faults.map((f) => f.fault)).toEqual([
      { kind: 'partition', groups: [['n1', 'n2'], ['n3', 'n4'], ['n5']] },
      { kind: 'heal' },
    ]);
    const three = load(twoDcs.replace('[eu, us]}', '[eu, us, ap]}')).compile(1).options.faults[0]!.fault;
    expect(three).toEqual({ kind: 'partition', groups: [['n1', 'n2'], ['n3', 'n4'], ['n5']] });
  });

  it('refuses an unknown datacenter with the path and the known ones', () => {
    expect(() => load(twoDcs.replace('[eu, us]}', '[eu, usa]}')).compile(1)).toThrow(/faults\[0\]\.partition\.datacenters\[1\]: found "usa", expected "us" \(did you mean it\?\), or a datacenter of the cluster \(eu, us, ap\)/);
    const bare = scenarioFromObject({ question: 'q', cluster: { nodes: 3 }, faults: [{ at: '1s', partition: { datacenters: ['eu'] } }] });
    expect(() => bare.compile(1)).toThrow(/places no nodes in datacenters/);
  });

  it('writes the datacenters form back, and shrink narrows it to the datacenters left', () => {
    const spec = load(twoDcs).spec;
    const yaml = toYaml(specToDocument(spec));
    expect(yaml).toContain("partition: {datacenters: [eu, us]}");
    expect(load(yaml).compile(1).options.faults).toEqual(load(twoDcs).compile(1).options.faults);
    expect(withNodes(spec, 2).faults?.[0]?.fault).toEqual({ kind: 'partition', datacenters: ['eu'] });
  });

  it('runs deterministically and heals', () => {
    const scenario = load(`${twoDcs}workload: {clients: 2, rate: 20/s}\n`);
    const a = runScenario(scenario, { seed: 3 });
    const b = runScenario(scenario, { seed: 3 });
    expect(a.verdict).toBe('ok');
    expect(a.result.traceHash).not.toBeNull();
    expect(a.result.traceHash).toBe(b.result.traceHash);
  });
});

describe('clients placed in datacenters', () => {
  const placed = `${twoDcs}workload: {clients: 4, rate: 20/s, placement: {eu: 3, us: 1}}\n`;

  it('gives each client a home datacenter: intra latency to its own nodes, inter to the others', () => {
    const options = load(placed).compile(1).options;
    expect(options.cluster.clientPlacement).toEqual({ c1: 'eu', c2: 'eu', c3: 'eu', c4: 'us' });
    expect(options.workload.homeNodes).toEqual([['n1', 'n2'], ['n1', 'n2'], ['n1', 'n2'], ['n3', 'n4']]);
    const run = runScenario(load(placed), { seed: 2 });
    const network = run.result.internals.cluster.clientNetwork;
    expect(network.linkConfig('c1', 'n1').latency).toEqual({ kind: 'constant', valueUs: 1_000 });
    expect(network.linkConfig('c1', 'n3').latency).toEqual({ kind: 'constant', valueUs: 40_000 });
    expect(network.linkConfig('c4', 'n5').latency).toEqual({ kind: 'constant', valueUs: 70_000 });
  });

  it("draws a client's first leader guess from its own datacenter's nodes", () => {
    const options = load(placed).compile(1).options;
    for (let seed = 1; seed <= 20; seed++) {
      const workload = new Workload(new Scheduler(), Random.fromSeed(seed), options.workload, new Trace({ hash: false }), options.cluster.nodeIds);
      expect(workload.clients.map((c) => c.leaderGuess).map((id) => options.cluster.topology!.datacenterOf[id])).toEqual(['eu', 'eu', 'eu', 'us']);
    }
  });

  it('counts the clients from the placement when clients is left out, and writes the placement back', () => {
    const spec = load(`${twoDcs}workload: {placement: {eu: 2, ap: 1}}\n`).spec;
    const full = load(`${twoDcs}workload: {placement: {eu: 2, ap: 1}}\n`).compile(1);
    expect(full.options.workload.clients).toBe(3);
    expect(toYaml(specToDocument(spec))).toContain('placement: {eu: 2, ap: 1}');
  });

  it('refuses an unknown datacenter or counts that do not add up', () => {
    expect(() => load(placed.replace('eu: 3', 'euu: 3')).compile(1)).toThrow(/workload\.placement\.euu: found "euu", expected "eu" \(did you mean it\?\), or a datacenter of the cluster \(eu, us, ap\)/);
    expect(() => load(placed.replace('eu: 3', 'eu: 2')).compile(1)).toThrow(/workload\.placement: found 3 clients placed, expected counts that add up to workload\.clients \(4\)/);
  });

  it('without placement, the options carry no new field', () => {
    const options = load(twoDcs).compile(1).options;
    expect('clientPlacement' in options.cluster).toBe(false);
    expect('homeNodes' in options.workload).toBe(false);
  });
});

describe('docs/examples/datacenter-partition.yaml', () => {
  it('loads, runs with every datacenter feature, passes and is deterministic', () => {
    const file = loadScenarioFile('docs/examples/datacenter-partition.yaml');
    const compiled = file.compile(5);
    expect(compiled.options.faults[0]!.fault).toEqual({ kind: 'partition', groups: [['n1', 'n2'], ['n3', 'n4'], ['n5']] });
    expect(compiled.options.workload.clients).toBe(4);
    const a = runScenario(file, { seed: 5 });
    expect(a.passed).toBe(true);
    expect(runScenario(file, { seed: 5 }).result.traceHash).toBe(a.result.traceHash);
  });
});

describe('the trace meta record', () => {
  it('records the client placement (only when set)', () => {
    const meta = (text: string): Record<string, unknown> => {
      const sink = new MemorySink();
      runScenario(load(text), { seed: 1, trace: new Trace({ sink }) });
      return (JSON.parse(sink.lines[0]!) as { params: Record<string, unknown> }).params;
    };
    expect(meta(`${twoDcs}workload: {clients: 2, placement: {us: 2}}\n`).clientPlacement).toEqual({ c1: 'us', c2: 'us' });
    expect('clientPlacement' in meta(twoDcs)).toBe(false);
  });
});
