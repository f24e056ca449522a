#!/usr/bin/env node
// Regenerates the example reports in docs/examples/ (see docs/examples/README.md) from simulator runs.
//
//   npm run build && node scripts/generate-examples.mjs            all examples
//   node scripts/generate-examples.mjs --only compare-snapshot-trigger
//   node scripts/generate-examples.mjs --replay sweep-chaos 17 [--out DIR]
//                                                                   one seed of a sweep example: its trace
//                                                                   and run report, written to DIR (default .)
//
// It imports the compiled simulator and reports from dist/ (RAFTSIM_DIST=path overrides), builds the
// SimulationOptions directly from the defaults, and needs nothing else. Every example is deterministic: the
// same build writes the same bytes.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dist = resolve(process.env.RAFTSIM_DIST ?? join(repo, 'dist'));
const load = (path) => import(pathToFileURL(join(dist, path)).href);

const { defaultSimulationOptions, simulate, nodeIdsFor } = await load('sim/simulate.js');
const { defaultClusterOptions } = await load('sim/cluster/cluster.js');
const { defaultChaosOptions } = await load('sim/nemesis.js');
const { defaultCompactionOptions } = await load('sim/compaction-options.js');
const { defaultWorkloadOptions } = await load('sim/workload.js');
const { Trace, MemorySink } = await load('sim/trace.js');
const { renderRunReport, renderComparisonReport, renderSweepReport, renderSweepComparison } = await load('reports/index.js');

const outDir = join(repo, 'docs', 'examples');
/** The examples must stay small enough to open in any browser and to keep in git. */
const MAX_EXAMPLE_BYTES = 1.5 * 1024 * 1024;

// ------------------------------------------------------------------------------------------ the runs

/** A 5-node run under random chaos (every fault kind, ~1 fault/s) with 2% message loss. */
function chaosRun(seed) {
  const base = defaultClusterOptions(nodeIdsFor(5));
  return defaultSimulationOptions({
    scenario: 'example-chaos',
    seed,
    cluster: { ...base, link: { ...base.link, dropChance: 0.02 } },
    chaos: defaultChaosOptions,
    durationUs: 20_000_000,
  });
}

/**
 * 5 nodes, the leader crashed every 2 s (restarted 0.9 s later), with randomized election timeouts
 * (150-300 ms, the default) or fixed ones (min = max = 200 ms): with fixed timeouts the followers time out
 * together and split the vote.
 */
function electionTimeoutRun(fixed, seed = 1) {
  const base = defaultClusterOptions(nodeIdsFor(5));
  const raft = fixed ? { ...base.raft, electionTimeoutMinUs: 200_000, electionTimeoutMaxUs: 200_000 } : base.raft;
  const faults = [];
  for (let k = 0; k < 8; k++) {
    faults.push({ atUs: 1_000_000 + k * 2_000_000, fault: { kind: 'crash', node: 'leader' } });
    faults.push({ atUs: 1_900_000 + k * 2_000_000, fault: { kind: 'restart-all' } });
  }
  return defaultSimulationOptions({
    scenario: fixed ? 'election-timeouts-fixed' : 'election-timeouts-randomized',
    seed,
    cluster: { ...base, raft },
    faults,
    durationUs: 18_000_000,
    livenessBoundUs: 10_000_000,
  });
}

/**
 * The compaction stall of test/compaction.test.ts ("stallRun"): 3 nodes, a slow state machine (900 µs per
 * entry) under 2,000 writes/s, count trigger every 500 entries. The mistaken trigger also requires
 * raft index − applied index <= 100, which stays false while apply lags: no snapshot, the log grows.
 */
function snapshotTriggerRun(mistaken) {
  const base = defaultClusterOptions(nodeIdsFor(3));
  return defaultSimulationOptions({
    scenario: mistaken ? 'snapshot-trigger-mistaken' : 'snapshot-trigger-right',
    seed: 6,
    cluster: {
      ...base,
      compaction: {
        ...defaultCompactionOptions,
        snapshotCount: 500,
        catchUpEntries: 100,
        applyCostUs: 900,
        mistakes: { ...defaultCompactionOptions.mistakes, triggerOnApplyLag: mistaken, applyLagTolerance: 100 },
      },
      metrics: { sampleIntervalUs: 500_000, stallBoundUs: 4_000_000, stallEntries: 1_500 },
    },
    workload: { ...defaultWorkloadOptions, clients: 1_000, ratePerSecond: 2_000, mix: { put: 1, get: 0, cas: 0 }, requestTimeoutUs: 60_000_000 },
    durationUs: 15_000_000,
    livenessBoundUs: 60_000_000,
  });
}

/**
 * 5 nodes, a bridge partition from 2 s to 12 s: {n1,n2} and {n4,n5} cannot talk, n3 talks to both. With
 * PreVote and CheckQuorum on or off (everything else default, leader stickiness included).
 */
function bridgeRun(on) {
  const base = defaultClusterOptions(nodeIdsFor(5));
  return defaultSimulationOptions({
    scenario: on ? 'bridge-prevote-on' : 'bridge-prevote-off',
    seed: 1,
    cluster: { ...base, raft: { ...base.raft, preVote: on, checkQuorum: on } },
    faults: [
      { atUs: 2_000_000, fault: { kind: 'bridge', sideA: ['n1', 'n2'], sideB: ['n4', 'n5'], bridge: 'n3' } },
      { atUs: 12_000_000, fault: { kind: 'heal' } },
    ],
    durationUs: 14_000_000,
  });
}

/** The sweep example: 10 s chaos runs with a deliberately broken vote rule (votes granted without the log check). */
function brokenVoteChaosRun(seed) {
  const base = defaultClusterOptions(nodeIdsFor(5));
  return defaultSimulationOptions({
    scenario: 'example-chaos-skip-up-to-date-check',
    seed,
    cluster: { ...base, link: { ...base.link, dropChance: 0.02 }, raft: { ...base.raft, unsafe: { ...base.raft.unsafe, skipUpToDateCheck: true } } },
    chaos: defaultChaosOptions,
    durationUs: 10_000_000,
  });
}

const sweeps = {
  'sweep-chaos': { build: brokenVoteChaosRun, seeds: range(1, 50) },
  'sweep-timeouts-randomized': { build: (seed) => electionTimeoutRun(false, seed), seeds: range(1, 50) },
  'sweep-timeouts-fixed': { build: (seed) => electionTimeoutRun(true, seed), seeds: range(1, 50) },
};

// ------------------------------------------------------------------------------------------ helpers

function range(from, to) {
  return Array.from({ length: to - from + 1 }, (_, k) => from + k);
}

/** Runs the simulation and returns its trace lines and result. */
function traced(options) {
  const sink = new MemorySink(10_000_000);
  const result = simulate(options, new Trace({ sink }));
  return { lines: sink.lines, result };
}

/** The nested metrics object as flat dotted names (per-node and per-type breakdowns left out). */
function flattenMetrics(value, prefix = '', out = {}) {
  if (value === null) {
    if (prefix !== '') out[prefix] = null;
  } else if (typeof value === 'number') {
    out[prefix] = value;
  } else if (typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, item] of Object.entries(value)) {
      if (['perNode', 'snapshotsPerNode', 'byType', 'byDatacenter', 'droppedByReason', 'stalls'].includes(key)) continue;
      flattenMetrics(item, prefix === '' ? key : `${prefix}.${key}`, out);
    }
  }
  return out;
}

/** One seed of a sweep as the sweep report wants it. */
function sweepSeed(name, seed) {
  const result = simulate(sweeps[name].build(seed), new Trace({ hash: false }));
  return {
    seed,
    verdict: result.verdict,
    invariant: result.violation?.invariant ?? null,
    message: result.violation?.message ?? (result.verdict === 'liveness' ? `did not converge: ${result.liveness?.reason ?? '?'}` : null),
    replay: `node scripts/generate-examples.mjs --replay ${name} ${seed}`,
    metrics: flattenMetrics(result.metrics),
  };
}

function sweepInput(name, parameters) {
  const first = sweeps[name].build(sweeps[name].seeds[0]);
  return { scenario: first.scenario, seeds: sweeps[name].seeds.map((seed) => sweepSeed(name, seed)), parameters };
}

/** The metrics the sweep examples draw, in this order (the input carries ~40 more). */
const SWEEP_METRICS = [
  'electionLatency.p50',
  'electionLatency.p99',
  'elections.timeWithoutLeaderUs',
  'elections.started',
  'elections.splitVotes',
  'elections.leaderChanges',
  'logGrowth.peakEntries',
  'compaction.drift.maxTimeSpreadUs',
  'compaction.stallCount',
  'commitLatency.p99',
  'clientLatency.write.p99',
  'applyLag.max',
  'messages.dropped',
];

function write(name, svg, startedMs) {
  const bytes = Buffer.byteLength(svg);
  if (bytes > MAX_EXAMPLE_BYTES) throw new Error(`${name}: ${bytes} bytes, over the ${MAX_EXAMPLE_BYTES}-byte budget of an example`);
  writeFileSync(join(outDir, name), svg);
  console.log(`${name.padEnd(40)} ${(bytes / 1024).toFixed(0).padStart(6)} KiB  ${String(Date.now() - startedMs).padStart(6)} ms (simulation + render)`);
}

/** Times only the render, for the log. */
function timed(render) {
  const started = Date.now();
  const svg = render();
  return { svg, renderMs: Date.now() - started };
}

// ------------------------------------------------------------------------------------------ examples

const examples = {
  'run-chaos.svg': () => {
    const { lines } = traced(chaosRun(3));
    const { svg, renderMs } = timed(() => renderRunReport(lines));
    return { svg, note: `${lines.length} trace lines, render ${renderMs} ms` };
  },
  'compare-election-timeouts.svg': () => {
    const a = traced(electionTimeoutRun(false));
    const b = traced(electionTimeoutRun(true));
    const { svg, renderMs } = timed(() =>
      renderComparisonReport({ label: 'randomized 150–300 ms', lines: a.lines }, { label: 'fixed 200 ms', lines: b.lines }, { title: 'raftsim comparison · election timeouts: randomized vs fixed (leader crashed every 2 s)' }),
    );
    return { svg, note: `${a.lines.length} + ${b.lines.length} trace lines, render ${renderMs} ms` };
  },
  'compare-snapshot-trigger.svg': () => {
    const a = traced(snapshotTriggerRun(false));
    const b = traced(snapshotTriggerRun(true));
    const { svg, renderMs } = timed(() =>
      renderComparisonReport(
        { label: 'right trigger', lines: a.lines },
        { label: 'mistaken trigger (needs apply lag ≤ 100)', lines: b.lines },
        {
          title: 'raftsim comparison · snapshot trigger: applied − snapshot ≥ 500 vs also requiring raft index − applied ≤ 100',
          // The log and the apply backlog are the story here; elections are the same in both runs.
          charts: ['retained-log', 'apply-lag', 'client-latency', 'commit-index'],
        },
      ),
    );
    return { svg, note: `${a.lines.length} + ${b.lines.length} trace lines, render ${renderMs} ms` };
  },
  'compare-prevote-bridge.svg': () => {
    const a = traced(bridgeRun(true));
    const b = traced(bridgeRun(false));
    const { svg, renderMs } = timed(() =>
      renderComparisonReport(
        { label: 'PreVote + CheckQuorum on', lines: a.lines },
        { label: 'PreVote + CheckQuorum off', lines: b.lines },
        { title: 'raftsim comparison · bridge partition {n1,n2} | {n4,n5} via n3 (2 s – 12 s): PreVote + CheckQuorum on vs off' },
      ),
    );
    return { svg, note: `${a.lines.length} + ${b.lines.length} trace lines, render ${renderMs} ms` };
  },
  'sweep-chaos.svg': () => {
    const input = sweepInput('sweep-chaos', {
      nodes: 5,
      durationUs: 10_000_000,
      chaos: 'every fault kind, mean gap 1 s',
      link: { dropChance: 0.02 },
      raft: { unsafe: { skipUpToDateCheck: true } },
    });
    const { svg, renderMs } = timed(() => renderSweepReport(input, { metrics: SWEEP_METRICS, title: 'raftsim sweep report · chaos with a broken vote rule (skipUpToDateCheck), 50 seeds' }));
    return { svg, note: `${input.seeds.length} seeds, render ${renderMs} ms` };
  },
  'sweep-compare-election-timeouts.svg': () => {
    const a = { ...sweepInput('sweep-timeouts-randomized', { raft: { electionTimeoutMinUs: 150_000, electionTimeoutMaxUs: 300_000 } }), label: 'randomized 150–300 ms' };
    const b = { ...sweepInput('sweep-timeouts-fixed', { raft: { electionTimeoutMinUs: 200_000, electionTimeoutMaxUs: 200_000 } }), label: 'fixed 200 ms' };
    const { svg, renderMs } = timed(() =>
      renderSweepComparison(a, b, {
        metrics: ['electionLatency.p50', 'electionLatency.p99', 'elections.timeWithoutLeaderUs', 'elections.started', 'elections.splitVotes', 'clientLatency.write.p99'],
        title: 'raftsim sweep comparison · election timeouts, randomized vs fixed, leader crashed every 2 s, 50 seeds each',
      }),
    );
    return { svg, note: `${a.seeds.length} + ${b.seeds.length} seeds, render ${renderMs} ms` };
  },
};

// ------------------------------------------------------------------------------------------ main

const args = process.argv.slice(2);
const option = (name) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
};

if (args.includes('--replay')) {
  const at = args.indexOf('--replay');
  const name = args[at + 1];
  const seed = Number(args[at + 2]);
  if (!(name in sweeps) || !Number.isSafeInteger(seed)) {
    console.error(`usage: node scripts/generate-examples.mjs --replay <${Object.keys(sweeps).join('|')}> <seed> [--out DIR]`);
    process.exit(2);
  }
  const dir = resolve(option('--out') ?? '.');
  mkdirSync(dir, { recursive: true });
  const { lines, result } = traced(sweeps[name].build(seed));
  const base = join(dir, `${name}-seed-${seed}`);
  writeFileSync(`${base}.jsonl`, `${lines.join('\n')}\n`);
  writeFileSync(`${base}.svg`, renderRunReport(lines));
  console.log(`${name} seed ${seed}: ${result.verdict}${result.violation ? ` (${result.violation.invariant}: ${result.violation.message})` : ''}`);
  console.log(`wrote ${base}.jsonl (${lines.length} lines) and ${base}.svg`);
} else {
  const only = option('--only');
  mkdirSync(outDir, { recursive: true });
  for (const [name, make] of Object.entries(examples)) {
    if (only !== undefined && name !== only && name !== `${only}.svg`) continue;
    const started = Date.now();
    const { svg, note } = make();
    write(name, svg, started);
    console.log(`  ${note}`);
  }
}
