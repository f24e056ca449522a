// The sweep report and the sweep comparison: header counts, distributions with nearest-rank quantiles,
// outliers labelled with their seed, the failing seeds with their replay commands, units, edge cases
// (one seed, no metrics, constant and missing metrics), bad input, and the size bound at 100,000 seeds.
import { describe, expect, it } from 'vitest';
import {
  formatMetric,
  metricDistribution,
  renderSweepComparison,
  renderSweepReport,
  unitOf,
  type SweepReportInput,
  type SweepSeed,
} from '../reports/index.js';
import { sweepFixture } from './fixtures/reports/synthetic.js';
import { parseSvg, textsIn, titlesIn } from './fixtures/reports/svg-doc.js';

const panel = (doc: Document, metric: string): Element => {
  const found = doc.querySelector(`g.metric[data-metric="${metric}"]`);
  expect(found, `a panel for ${metric}`).not.toBeNull();
  return found!;
};

/** Texts of the outlier labels of a panel ("seed N"). */
const seedLabels = (root: Element): string[] => textsIn(root).filter((text) => /^seed \d+$/.test(text));

/** Nearest rank, written out independently of reports/aggregate.ts. */
function nearest(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(1, Math.ceil((p / 100) * sorted.length)) - 1]!;
}

describe('sweep report', () => {
  const input = sweepFixture(40);
  const svg = renderSweepReport(input);
  const doc = parseSvg(svg);

  it('is deterministic', () => {
    expect(renderSweepReport(sweepFixture(40))).toBe(svg);
  });

  it('shows the scenario, the number of seeds and the verdict counts in the header', () => {
    const header = textsIn(doc.querySelector('g.header')!);
    expect(header).toContain('raftsim sweep report · fixture-sweep');
    expect(header).toContain('40 seeds (1–40)');
    const counts = { ok: 0, safety: 0, liveness: 0, expectation: 0 };
    for (const seed of input.seeds) counts[seed.verdict]++;
    expect(counts).toEqual({ ok: 38, safety: 1, liveness: 1, expectation: 0 });
    expect(header).toContain('ok 38');
    expect(header).toContain('safety violation 1');
    expect(header).toContain('liveness failure 1');
    expect(header).toContain('5% failing');
    expect(header.join(' ')).toContain('raft.electionTimeoutMinUs 150 ms');
  });

  it('draws a panel per varying metric with nearest-rank p50/p90/p99 in the metric’s unit', () => {
    expect(Array.from(doc.querySelectorAll('g.metric'), (g) => g.getAttribute('data-metric'))).toEqual([
      'electionLatency.p99',
      'elections.splitVotes',
      'logGrowth.peakEntries',
      'compaction.drift.maxTimeSpreadUs',
    ]);
    const values = input.seeds.map((seed) => seed.metrics['electionLatency.p99']!);
    const texts = textsIn(panel(doc, 'electionLatency.p99'));
    for (const p of [50, 90, 99]) expect(texts).toContain(`p${p} ${formatMetric(nearest(values, p), 'us')}`);
    // Microseconds shown as ms/s on the axis.
    expect(texts).toContain('200 ms');
    expect(texts.some((text) => /^\d+ µs$/.test(text))).toBe(false);
    // The metric missing on some seeds says so.
    expect(textsIn(panel(doc, 'compaction.drift.maxTimeSpreadUs')).join(' ')).toContain('32 of 40 seeds have a value');
  });

  it('lists the constant metrics and the ones without values instead of drawing them', () => {
    const all = textsIn(doc);
    expect(all).toContain('compaction.stallCount 0');
    expect(all).toContain('replicationLatency.p99');
  });

  it('labels the outliers with their seed, the most extreme first', () => {
    // Seed 26 is the planted slow seed (2.5 s against ~200 ms).
    const labels = seedLabels(panel(doc, 'electionLatency.p99'));
    expect(labels[0]).toBe('seed 26');
    const dist = metricDistribution(input.seeds, 'electionLatency.p99')!;
    expect(labels.length).toBe(Math.min(10, dist.outliers.length));
    expect(titlesIn(panel(doc, 'electionLatency.p99'))).toContain(`seed 26: electionLatency.p99 = ${formatMetric(input.seeds[25]!.metrics['electionLatency.p99']!, 'us')} · ok · replay: raftsim run fixture-sweep --seed 26 --trace trace-26.jsonl`);
  });

  it('labels at most 10 outliers per metric', () => {
    const seeds: SweepSeed[] = Array.from({ length: 200 }, (_, k) => ({
      seed: k,
      verdict: 'ok',
      invariant: null,
      message: null,
      replay: `replay ${k}`,
      // 150 seeds at 1..150, then 50 far outliers spread over 10,000..59,000.
      metrics: { value: k < 150 ? k + 1 : 10_000 + (k - 150) * 1_000 },
    }));
    const sweep = parseSvg(renderSweepReport({ scenario: 'outliers', seeds }));
    const labels = seedLabels(panel(sweep, 'value'));
    expect(labels.length).toBeGreaterThan(3);
    expect(labels.length).toBeLessThanOrEqual(10);
    expect(labels[0]).toBe('seed 199');
    // Every outlier still gets a ringed dot with its seed in the hover title.
    expect(panel(sweep, 'value').querySelectorAll('circle.outlier').length).toBe(50);
  });

  it('lists every failing seed with its verdict, invariant, message and replay command', () => {
    const failing = input.seeds.filter((seed) => seed.verdict !== 'ok');
    const rows = Array.from(doc.querySelectorAll('g.failing-seed'));
    expect(rows.length).toBe(failing.length);
    rows.forEach((row, k) => {
      const seed = failing[k]!;
      const texts = textsIn(row);
      expect(texts).toContain(`seed ${seed.seed}`);
      expect(texts).toContain(`$ ${seed.replay}`);
      expect(texts.join(' ')).toContain(seed.message!);
    });
    expect(textsIn(rows[0]!)).toContain('safety violation');
    expect(textsIn(rows[0]!)).toContain('ElectionSafety: two leaders in term 4');
  });

  it('orders failures safety first and bounds the table', () => {
    const many = sweepFixture(200);
    const failing = many.seeds.filter((seed) => seed.verdict !== 'ok');
    expect(failing.length).toBe(11);
    const sweep = parseSvg(renderSweepReport(many, { maxFailingRows: 4 }));
    const rows = Array.from(sweep.querySelectorAll('g.failing-seed'), (row) => textsIn(row)[0]);
    const safety = failing.filter((seed) => seed.verdict === 'safety').map((seed) => `seed ${seed.seed}`);
    expect(rows).toEqual(safety.slice(0, 4));
    expect(textsIn(sweep).some((text) => text.startsWith('and 7 more failing seeds: '))).toBe(true);
  });

  it('renders one seed, a sweep without metrics and an empty sweep', () => {
    const one = parseSvg(renderSweepReport(sweepFixture(1)));
    expect(textsIn(one)).toContain('1 seed (seed 1)');
    expect(one.querySelectorAll('g.metric').length).toBe(0);
    const noMetrics = sweepFixture(5);
    const bare: SweepReportInput = { scenario: 'bare', seeds: noMetrics.seeds.map((seed) => ({ ...seed, metrics: {} })) };
    expect(textsIn(parseSvg(renderSweepReport(bare)))).toContain('The input has no metrics: only verdicts and failing seeds are shown.');
    expect(textsIn(parseSvg(renderSweepReport({ scenario: 'empty', seeds: [] })))).toContain('no seeds');
  });

  it('rejects malformed input and options', () => {
    expect(() => renderSweepReport({ scenario: 'x', seeds: [{ seed: 1, verdict: 'maybe' } as unknown as SweepSeed] })).toThrow(/seeds\[0\]\.verdict must be one of ok, safety, liveness, expectation/);
    expect(() => renderSweepReport({ scenario: 'x' } as unknown as SweepReportInput)).toThrow(TypeError);
    expect(() => renderSweepReport(input, { widthPx: 100 })).toThrow(RangeError);
    expect(() => renderSweepReport(input, { maxFailingRows: -1 })).toThrow(RangeError);
  });

  it('shows in how many seeds each situation was reached and flags the ones never reached', () => {
    const coverage = [
      { name: 'split-vote', seeds: 30 },
      { name: 'vote-then-restart-same-term', seeds: 0 },
    ];
    const withCoverage = parseSvg(renderSweepReport({ ...input, coverage }));
    const rows = [...withCoverage.querySelectorAll('g.coverage-row')];
    expect(rows.map((row) => row.getAttribute('data-situation'))).toEqual(['split-vote', 'vote-then-restart-same-term']);
    expect(textsIn(rows[0]!)).toContain('30 (75%)');
    expect(textsIn(rows[1]!)).toContain('never reached');
    expect(textsIn(withCoverage.querySelector('g.coverage')!).join(' ')).toMatch(/1 of 2 situations NEVER REACHED/);
    // No coverage given (an older sweep file): no panel.
    expect(doc.querySelector('g.coverage')).toBeNull();
  });

  it('honours a chosen metric list and unit overrides', () => {
    const chosen = parseSvg(renderSweepReport(input, { metrics: ['logGrowth.peakEntries', 'electionLatency.p99'], units: { 'logGrowth.peakEntries': 'bytes' } }));
    expect(Array.from(chosen.querySelectorAll('g.metric'), (g) => g.getAttribute('data-metric'))).toEqual(['logGrowth.peakEntries', 'electionLatency.p99']);
    expect(textsIn(panel(chosen, 'logGrowth.peakEntries')).some((text) => text.endsWith(' KiB'))).toBe(true);
  });
});

describe('metric units and distributions', () => {
  it('guesses units from the dotted name', () => {
    expect(unitOf('electionLatency.p99')).toBe('us');
    expect(unitOf('clientLatency.write.p50')).toBe('us');
    expect(unitOf('electionLatency.count')).toBe('number');
    expect(unitOf('compaction.drift.maxTimeSpreadUs')).toBe('us');
    expect(unitOf('elections.timeWithoutLeaderUs')).toBe('us');
    expect(unitOf('logGrowth.peakBytes')).toBe('bytes');
    expect(unitOf('logGrowth.peakEntries')).toBe('number');
    expect(unitOf('applyLag.max')).toBe('number');
    expect(formatMetric(1_234_567, 'us')).toBe('1.235 s');
    expect(formatMetric(2_500, 'us')).toBe('2.5 ms');
    expect(formatMetric(3 * 1024 * 1024, 'bytes')).toBe('3 MiB');
    expect(formatMetric(12_345, 'number')).toBe('12,345');
    expect(formatMetric(0.25, 'number')).toBe('0.25');
  });

  it('computes nearest-rank quantiles and Tukey outliers', () => {
    const { seeds } = sweepFixture(97);
    const dist = metricDistribution(seeds, 'electionLatency.p99')!;
    const values = seeds.map((seed) => seed.metrics['electionLatency.p99']!);
    expect(dist.values.length).toBe(97);
    for (const [key, p] of [['p25', 25], ['p50', 50], ['p75', 75], ['p90', 90], ['p99', 99]] as const) expect(dist[key]).toBe(nearest(values, p));
    const iqr = dist.p75 - dist.p25;
    const outliers = values.filter((value) => value > dist.p75 + 1.5 * iqr || value < dist.p25 - 1.5 * iqr);
    expect(dist.outliers.length).toBe(outliers.length);
    expect(dist.values[dist.outliers[0]!]).toBe(Math.max(...values));
    expect(metricDistribution(seeds, 'replicationLatency.p99')).toBeNull();
    expect(metricDistribution(seeds, 'compaction.drift.maxTimeSpreadUs')!.missing).toBe(20);
  });
});

describe('sweep comparison', () => {
  const a = { ...sweepFixture(40), label: 'baseline' };
  const b = { ...sweepFixture(60, { firstSeed: 101, shiftUs: 150_000, scenario: 'fixture-sweep-slow' }), label: 'slower elections' };
  const svg = renderSweepComparison(a, b);
  const doc = parseSvg(svg);

  it('is deterministic', () => {
    expect(renderSweepComparison(a, b)).toBe(svg);
  });

  it('draws both sweeps’ distributions of a metric in one panel on one value axis', () => {
    const g = panel(doc, 'electionLatency.p99');
    const titles = titlesIn(g);
    const line = (prefix: string): number => {
      const found = Array.from(g.querySelectorAll('line')).find((element) => (element.textContent ?? '').startsWith(prefix));
      expect(found, prefix).toBeDefined();
      return Number(found!.getAttribute('x1'));
    };
    // B's latencies are 150 ms slower: its p50 line is to the right of A's, on the same axis.
    expect(line('B p50 of electionLatency.p99')).toBeGreaterThan(line('A p50 of electionLatency.p99'));
    expect(titles.some((title) => title.startsWith('A seed 26: electionLatency.p99'))).toBe(true);
    // Different sweep sizes: bars are shares of each sweep's seeds.
    expect(textsIn(g).some((text) => text.endsWith('%'))).toBe(true);
    // One value axis per panel, shared by both.
    const axisLabels = textsIn(g).filter((text) => /^\d+ ms$/.test(text));
    expect(new Set(axisLabels).size).toBe(axisLabels.length);
  });

  it('lists both sweeps’ failing seeds, tagged, with replay commands', () => {
    const rows = Array.from(doc.querySelectorAll('g.failing-seed'));
    const failing = [...a.seeds, ...b.seeds].filter((seed) => seed.verdict !== 'ok');
    expect(rows.length).toBe(failing.length);
    const replays = rows.map((row) => textsIn(row).find((text) => text.startsWith('$ ')));
    for (const seed of failing) expect(replays).toContain(`$ ${seed.replay}`);
    expect(textsIn(rows[0]!)[0]).toBe('A');
    expect(textsIn(rows.at(-1)!)[0]).toBe('B');
  });

  it('lists the parameters that differ', () => {
    const other = { ...b, parameters: { ...b.parameters, raft: { electionTimeoutMinUs: 200_000, electionTimeoutMaxUs: 200_000, preVote: true } } };
    expect(textsIn(parseSvg(renderSweepComparison(a, other))).join(' ')).toContain('raft.electionTimeoutMinUs A 150 ms · B 200 ms');
  });
});

describe('sweep scale', () => {
  it('renders a synthetic 100,000-seed sweep to a standalone SVG under 3 MB', () => {
    const input = sweepFixture(100_000);
    const svg = renderSweepReport(input);
    expect(Buffer.byteLength(svg)).toBeLessThan(3 * 1024 * 1024);
    const doc = parseSvg(svg);
    expect(textsIn(doc)).toContain('100,000 seeds (1–100000)');
    // Aggregated: histograms and bounded dots, labels and table rows, not one element per seed.
    expect(doc.getElementsByTagName('*').length).toBeLessThan(20_000);
    expect(doc.querySelectorAll('g.failing-seed').length).toBe(30);
    for (const g of Array.from(doc.querySelectorAll('g.metric'))) expect(seedLabels(g).length).toBeLessThanOrEqual(10);
    const comparison = renderSweepComparison({ ...input, label: 'a' }, { ...sweepFixture(50_000, { shiftUs: 100_000 }), label: 'b' });
    expect(Buffer.byteLength(comparison)).toBeLessThan(3 * 1024 * 1024);
  });
});
