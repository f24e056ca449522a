// Measurements as data (issue #18): per-run samples of election latency (cause, start, censored), split votes
// told apart from terms lost to a stale log (one definition shared by the metrics and the reports), and the
// samples carried through sweep.json and `raftsim merge`.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ElectionTerms, isCensored } from '../contract/election-terms.js';
import { headlineMetrics } from '../reports/compare/headline-metrics.js';
import { parseTrace } from '../reports/trace/parse.js';
import { defaultMetricsOptions } from '../sim/compaction-options.js';
import { MetricsCollector, maxElectionSamples, type RunTotals } from '../sim/metrics.js';
import { MemorySink, Trace } from '../sim/trace.js';
import { runScenarioSpec } from '../src/api.js';
import { figure16Ranges, figure16Scenario } from '../src/experiments/figure-16.js';
import { splitVotePoints, splitVoteScenario } from '../src/experiments/split-votes.js';
import { mergeSweepFiles } from '../src/merge.js';
import { seedSamples, summarizeSeed, sweepSamplesPerSeed } from '../src/result.js';
import { loadScenario, runLoadedScenario, runScenario } from '../src/run-scenario.js';
import { sweepFileOf, sweepJsonText } from '../src/sweep.js';

const totals: RunTotals = {
  leaderChanges: 0,
  preVoteRounds: 0,
  electionsStarted: 0,
  snapshotsInstalled: 0,
  writeLatenciesUs: [],
  readLatenciesUs: [],
  messagesByType: {},
  droppedByReason: {},
  catchUp: { catchUp: { count: 0, min: null, p50: null, p90: null, p99: null, max: null, mean: null, censored: 0, abandoned: 0 }, samples: [], dropped: 0 },
  endUs: 10_000_000,
};

function collector(): MetricsCollector {
  return new MetricsCollector(['n1', 'n2', 'n3'], defaultMetricsOptions, new Trace({ hash: false }));
}

/** n1 leads term 1, is lost at `lostUs` for `why`, and `leader` is established in `term` at `backUs`. */
function electAgain(metrics: MetricsCollector, lostUs: number, backUs: number, leader: string, term: number, why: 'crash' | 'partition' = 'crash'): void {
  metrics.onLeaderLost(lostUs, metrics.establishedLeader!.node, metrics.establishedLeader!.term, why);
  metrics.onLeaderContact(backUs, leader, term, leader === 'n2' ? 'n3' : 'n2');
}

describe('election-latency samples and censoring', () => {
  it('keeps every sample with its cause and start; a leader replaced only after the liveness heal is censored and left out of the distribution', () => {
    const metrics = collector();
    metrics.onLeaderContact(100, 'n1', 1, 'n2');
    electAgain(metrics, 1_000, 1_300, 'n2', 2, 'crash');
    electAgain(metrics, 2_000, 2_500, 'n3', 3, 'partition');
    // Lost before the heal at 5,000, back only after it: censored.
    metrics.onLeaderLost(4_000, 'n3', 3, 'partition');
    metrics.onLivenessHeal(5_000);
    metrics.onLeaderContact(9_000, 'n1', 4, 'n2');
    // After the heal: a normal sample again.
    electAgain(metrics, 9_500, 9_700, 'n2', 5, 'crash');
    const result = metrics.result(totals);
    expect(result.samples.electionLatency).toEqual([
      { startUs: 1_000, latencyUs: 300, cause: 'crash', leader: 'n2', term: 2, censored: false },
      { startUs: 2_000, latencyUs: 500, cause: 'partition', leader: 'n3', term: 3, censored: false },
      { startUs: 4_000, latencyUs: 5_000, cause: 'partition', leader: 'n1', term: 4, censored: true },
      { startUs: 9_500, latencyUs: 200, cause: 'crash', leader: 'n2', term: 5, censored: false },
    ]);
    expect(result.electionLatency.censored).toBe(1);
    expect(result.electionLatency.count).toBe(3);
    expect(result.electionLatency.max).toBe(500);
    // The time without a leader still counts the censored span.
    expect(result.elections.timeWithoutLeaderUs).toBe(300 + 500 + 5_000 + 200);
  });

  it('isCensored: lost before the heal and back at or after it', () => {
    expect(isCensored(10, 30, 20)).toBe(true);
    expect(isCensored(10, 20, 20)).toBe(true);
    expect(isCensored(10, 19, 20)).toBe(false);
    expect(isCensored(20, 30, 20)).toBe(false);
    expect(isCensored(10, 30, null)).toBe(false);
  });

  it('lists at most maxElectionSamples samples and counts the rest as dropped', () => {
    const metrics = collector();
    metrics.onLeaderContact(0, 'n1', 1, 'n2');
    const extra = 7;
    for (let k = 0; k < maxElectionSamples + extra; k++) electAgain(metrics, 1_000 * (k + 1), 1_000 * (k + 1) + 10, k % 2 === 0 ? 'n2' : 'n3', k + 2);
    const result = metrics.result(totals);
    expect(result.samples.electionLatency).toHaveLength(maxElectionSamples);
    expect(result.samples.electionLatencyDropped).toBe(extra);
    // The distribution still has them all.
    expect(result.electionLatency.count).toBe(maxElectionSamples + extra);
    const row = seedSamples(result)!;
    expect(row.electionLatency).toHaveLength(sweepSamplesPerSeed);
    expect(row.electionLatencyDropped).toBe(maxElectionSamples + extra - sweepSamplesPerSeed);
  });
});

describe('censoring in a run, and in the report of its trace', () => {
  it('a 3-node cluster losing its leader and a follower until the liveness heal: the one loss is censored on both sides', () => {
    const spec = {
      name: 'censored-loss',
      question: 'Is a leader replaced only after the liveness heal censored?',
      cluster: { nodes: 3 },
      raft: { electionTimeout: '150ms..300ms', heartbeat: '50ms' },
      workload: { clients: 0 },
      faults: [
        { at: '1s', crash: 'leader' },
        { at: '1s', crash: 'follower' },
      ],
      duration: '3s',
    } as unknown as Parameters<typeof runScenarioSpec>[0];
    const { metrics, headline } = bothSides(spec, 1);
    expect(metrics.samples.electionLatency).toHaveLength(1);
    expect(metrics.samples.electionLatency[0]).toMatchObject({ startUs: 1_000_000, cause: 'crash', censored: true });
    expect(metrics.electionLatency.censored).toBe(1);
    expect(metrics.electionLatency.count).toBe(0);
    expect(metrics.electionLatency.p99).toBeNull();
    expect(headline.electionLatencySamples).toBe(0);
    expect(headline.electionLatencyP99Us).toBeNull();
  });
});

describe('terms without a leader: split votes apart from stale logs (contract/election-terms.ts)', () => {
  it('two candidates in a leaderless term split it; a lone candidate a majority answered lost to a stale log; a lone unanswered one is neither', () => {
    const terms = new ElectionTerms();
    let id = 0;
    const reply = (from: string, to: string, term: number): void => {
      terms.role(from, 'follower', term);
      terms.replySent(from, to, ++id);
      terms.voteReply(from, to, id);
    };
    // Term 2: n1 and n2 both campaign, nobody wins.
    terms.campaign('n1', 2);
    terms.role('n1', 'candidate', 2);
    terms.campaign('n2', 2);
    reply('n3', 'n1', 2);
    // Term 3: n4 alone; n1, n2 reply (refusing): with its own vote 3 of 5.
    terms.campaign('n4', 3);
    terms.role('n4', 'candidate', 3);
    // A late reply sent in an earlier term does not count.
    terms.role('n5', 'follower', 2);
    terms.replySent('n5', 'n4', ++id);
    reply('n1', 'n4', 3);
    terms.voteReply('n5', 'n4', id - 1);
    reply('n2', 'n4', 3);
    terms.role('n4', 'follower', 4);
    // A reply after its candidacy ended does not count for it.
    reply('n3', 'n4', 4);
    // Term 4: n5 alone, one reply only (2 of 5), and a late one from term 3.
    terms.campaign('n5', 4);
    terms.role('n5', 'candidate', 4);
    reply('n1', 'n5', 4);
    terms.role('n2', 'follower', 3);
    terms.replySent('n2', 'n5', ++id);
    terms.voteReply('n2', 'n5', id);
    // Term 5: n1 wins.
    terms.campaign('n1', 5);
    terms.role('n1', 'leader', 5);
    expect(terms.counts(5)).toEqual({ termsWithoutLeader: 3, splitVotes: 1, lostToStaleLog: 1, splitVoteTerms: [2], lostToStaleLogTerms: [3] });
  });
});

describe('lost terms under changing configurations', () => {
  it("a lone candidate's term is lost to a stale log only when a majority of its own configuration answered, both halves when joint", () => {
    const terms = new ElectionTerms();
    terms.bootstrap({ voters: ['n1', 'n2', 'n3'], outgoing: [] });
    let id = 0;
    const campaignAnswered = (candidate: string, term: number, repliers: string[]): void => {
      terms.campaign(candidate, term);
      terms.role(candidate, 'candidate', term);
      for (const from of repliers) {
        terms.role(from, 'follower', term);
        terms.replySent(from, candidate, ++id);
        terms.voteReply(from, candidate, id);
      }
      terms.role(candidate, 'follower', term + 1);
    };
    // Bootstrap n1 n2 n3: n2's reply makes two of three.
    campaignAnswered('n1', 2, ['n2']);
    // n1 now in the joint (n1 n4 n5)&&(n1 n2 n3): n2 answering makes the old half only.
    terms.configure('n1', { voters: ['n1', 'n4', 'n5'], outgoing: ['n1', 'n2', 'n3'] });
    campaignAnswered('n1', 4, ['n2']);
    // Both halves: n2 and n4.
    campaignAnswered('n1', 6, ['n2', 'n4']);
    // A reply from a server outside the configuration (n9) does not count.
    terms.configure('n1', { voters: ['n1', 'n4', 'n5'], outgoing: [] });
    campaignAnswered('n1', 8, ['n9']);
    expect(terms.counts(99)).toMatchObject({ termsWithoutLeader: 4, splitVotes: 0, lostToStaleLogTerms: [2, 6] });
  });
});

/** The run's metrics and the report's figures from the same run's trace. */
function bothSides(spec: Parameters<typeof runScenarioSpec>[0], seed: number) {
  const sink = new MemorySink();
  const run = runScenarioSpec(spec, { seed, trace: new Trace({ sink }) });
  return { metrics: run.metrics, headline: headlineMetrics(parseTrace(sink.lines.map((line) => line.trimEnd()))) };
}

describe('the metrics and the reports agree on split votes and stale-log terms', () => {
  it('Figure 16 setup (two followers with stale logs, logcabin profile): terms lost to stale logs are not split votes, on both sides', () => {
    const range = figure16Ranges.find((r) => r.minMs === 150 && r.maxMs === 200)!;
    let stale = 0;
    for (let seed = 1; seed <= 6; seed++) {
      const { metrics, headline } = bothSides(figure16Scenario(range, 'logcabin'), seed);
      expect(headline.splitVotes, `seed ${seed}`).toBe(metrics.elections.splitVotes);
      expect(headline.lostToStaleLog, `seed ${seed}`).toBe(metrics.elections.lostToStaleLog);
      expect(metrics.samples.splitVoteTerms).toHaveLength(metrics.elections.splitVotes);
      expect(metrics.elections.splitVotes + metrics.elections.lostToStaleLog).toBeLessThanOrEqual(metrics.elections.termsWithoutLeader);
      expect(headline.electionLatencySamples).toBe(metrics.electionLatency.count);
      stale += metrics.elections.lostToStaleLog;
    }
    expect(stale).toBeGreaterThan(0);
  });

  it('split-vote setup (equal logs, 20% latency): split votes are counted, no term is lost to a stale log, on both sides', () => {
    const point = splitVotePoints.find((p) => p.fraction === 0.2)!;
    let split = 0;
    for (let seed = 1; seed <= 12; seed++) {
      const { metrics, headline } = bothSides(splitVoteScenario(point, 'logcabin'), seed);
      expect(headline.splitVotes, `seed ${seed}`).toBe(metrics.elections.splitVotes);
      expect(headline.lostToStaleLog, `seed ${seed}`).toBe(metrics.elections.lostToStaleLog);
      expect(metrics.elections.lostToStaleLog, `seed ${seed}`).toBe(0);
      split += metrics.elections.splitVotes;
    }
    expect(split).toBeGreaterThan(0);
  });
});

describe('the metrics and the reports agree under chaos', () => {
  it('random-chaos and fixed-timeout runs: split votes, stale-log terms and uncensored latencies match the trace report', () => {
    let censored = 0;
    // Seeds 18 and 35 churn membership (7 and 6 changes, with spares): both sides classify each lost term against
    // the candidate's own configuration when it campaigned, which the `membership` records give the report.
    for (const [name, seed] of [['random-chaos', 8], ['random-chaos', 9], ['random-chaos', 10], ['random-chaos', 18], ['random-chaos', 35], ['fixed-vs-randomized-timeouts', 1]] as const) {
      const sink = new MemorySink();
      const metrics = runScenario(name, seed, new Trace({ sink })).result.metrics!;
      const headline = headlineMetrics(parseTrace(sink.lines.map((line) => line.trimEnd())));
      expect([headline.splitVotes, headline.lostToStaleLog, headline.electionLatencySamples], `${name} seed ${seed}`).toEqual([metrics.elections.splitVotes, metrics.elections.lostToStaleLog, metrics.electionLatency.count]);
      censored += metrics.electionLatency.censored;
    }
    // random-chaos seed 2 ends its fault phase leaderless: one censored sample, left out on both sides.
    expect(censored).toBeGreaterThan(0);
  });
});

describe('sweep.json and merge carry the samples', () => {
  it('each seed row has its election-latency samples and terms, and merging shards keeps them', () => {
    const scenario = loadScenario(figure16Scenario(figure16Ranges.find((r) => r.minMs === 150 && r.maxMs === 300)!, 'logcabin') as unknown as Record<string, unknown>);
    const rows = [1, 2, 3, 4].map((seed) => summarizeSeed(runLoadedScenario(scenario, seed)));
    for (const row of rows) {
      expect(row.samples).not.toBeNull();
      expect(row.samples!.electionLatency.length).toBeGreaterThan(0);
      expect(row.samples!.electionLatency[0]!.cause).toBe('crash');
      expect(row.samples!.electionLatency.filter((s) => s.censored)).toHaveLength(row.metrics['electionLatency.censored']!);
    }
    const dir = mkdtempSync(join(tmpdir(), 'raftsim-samples-'));
    const shardPaths = [1, 2].map((index) => {
      const path = join(dir, `shard-${index}.json`);
      const mine = rows.filter((_, position) => position % 2 === index - 1);
      writeFileSync(path, sweepJsonText(sweepFileOf(scenario, {}, '1..4', { index, count: 2 }, mine)));
      return path;
    });
    const mergedFile = mergeSweepFiles(shardPaths).file;
    const merged = JSON.parse(sweepJsonText(mergedFile)) as { runs: { seed: number; samples: unknown }[] };
    expect(merged.runs.map((run) => run.samples)).toEqual(rows.map((row) => JSON.parse(JSON.stringify(row.samples))));
    // The pooled distribution is of every seed's uncensored samples, the same merged or not.
    const all = rows.flatMap((row) => row.samples!.electionLatency.filter((sample) => !sample.censored).map((sample) => sample.latencyUs)).sort((a, b) => a - b);
    const pooled = mergedFile.summary.samples!;
    expect(pooled.electionLatency.count).toBe(all.length);
    expect(pooled.electionLatency.max).toBe(all[all.length - 1]);
    expect(pooled.electionLatency.min).toBe(all[0]);
    expect(pooled).toEqual(sweepFileOf(scenario, {}, '1..4', null, rows).summary.samples);
    expect(pooled.splitVoteTerms).toBe(rows.reduce((sum, row) => sum + row.samples!.splitVoteTerms.length, 0));
  });

  it('merge refuses a row whose samples are malformed, naming the field', () => {
    const scenario = loadScenario(figure16Scenario(figure16Ranges.find((r) => r.minMs === 150 && r.maxMs === 300)!, 'logcabin') as unknown as Record<string, unknown>);
    const row = summarizeSeed(runLoadedScenario(scenario, 1));
    const broken = { ...row, samples: { ...row.samples!, electionLatency: [{ startUs: 'soon' }] } };
    const path = join(mkdtempSync(join(tmpdir(), 'raftsim-samples-')), 'sweep.json');
    writeFileSync(path, sweepJsonText(sweepFileOf(scenario, {}, '1', null, [broken as unknown as typeof row])));
    expect(() => mergeSweepFiles([path])).toThrow(/field runs\[0\]\.samples\.electionLatency\[0\]\.startUs/);
  });
});
