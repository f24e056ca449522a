// The comparison report: two runs on one time axis, paired charts on the same y scales, headline metrics
// from the trace records, the parameters that differ; determinism, errors and size at 2 × 100k events.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compareText, headlineMetrics, parseTrace, parameterDiff, renderComparisonReport, renderRunReport, TraceFormatError } from '../reports/index.js';
import { largeTraceLines } from './fixtures/reports/synthetic.js';
import { parseSvg, recordsOf, textsIn, titlesIn } from './fixtures/reports/svg-doc.js';

const fixtures = fileURLToPath(new URL('./fixtures/reports/', import.meta.url));
const fixtureLines = (name: string): string[] => readFileSync(`${fixtures}${name}.jsonl`, 'utf8').split('\n');

const small = fixtureLines('small-3n'); // 1 s, an older trace without measurement records
const crash = fixtureLines('crash-3n'); // ~1.5 s, the current simulator: leader-lost, log, snapshot, compact
const faults = fixtureLines('faults-3n');
const endOf = (lines: string[]): number => recordsOf(lines).at(-1)!.t as number;

/** The comparison's chart groups whose own heading is `heading` (not a run tag's label). */
function charts(doc: Document, heading: string): Element[] {
  return Array.from(doc.querySelectorAll('g.chart')).filter((chart) => Array.from(chart.children).some((child) => child.tagName === 'text' && child.getAttribute('class') === 'h2' && child.textContent === heading));
}

/** y axis labels of a chart (right-aligned notes left of the plot). */
const yLabels = (chart: Element): string[] => Array.from(chart.querySelectorAll(':scope > text.note.end'), (text) => text.textContent ?? '');

describe('comparison report', () => {
  const svg = renderComparisonReport({ label: 'small', lines: small }, { label: 'leader crash', lines: crash });
  const doc = parseSvg(svg);

  it('is deterministic and accepts any iterable of lines', () => {
    function* generate(lines: string[]): Generator<string> {
      yield* lines;
    }
    expect(renderComparisonReport({ label: 'small', lines: generate(small) }, { label: 'leader crash', lines: generate(crash) })).toBe(svg);
  });

  it('draws both runs’ timelines with their own lanes, tagged A and B', () => {
    const timelines = Array.from(doc.querySelectorAll('g.timeline'));
    expect(timelines.map((g) => g.getAttribute('data-run'))).toEqual(['A', 'B']);
    for (const timeline of timelines) {
      expect(Array.from(timeline.querySelectorAll('text.lane'), (text) => text.textContent)).toEqual(['n1', 'n2', 'n3']);
    }
    const [timelineA, timelineB] = timelines as [Element, Element];
    expect(textsIn(timelineA)).toContain('small');
    expect(textsIn(timelineB)).toContain('leader crash');
    // B's leader crash is on B's lanes only.
    expect(timelineB.querySelectorAll('rect.down').length).toBe(1);
    expect(timelineA.querySelectorAll('rect.down').length).toBe(0);
    expect(timelineB.querySelectorAll('path.k-leader-lost').length).toBe(1);
  });

  it('puts both timelines on one time axis whose domain is the union of the runs’ durations', () => {
    const longest = Math.max(endOf(small), endOf(crash));
    expect(endOf(small)).toBeLessThan(endOf(crash));
    const timelines = Array.from(doc.querySelectorAll('g.timeline'));
    for (const timeline of timelines) expect(timeline.getAttribute('data-x-domain-us')).toBe(`0 ${longest}`);
    // Same ticks at the same positions.
    const ticks = timelines.map((timeline) =>
      Array.from(timeline.querySelectorAll('g.time-axis > text'), (text) => `${text.textContent}@${text.getAttribute('x')}`),
    );
    expect(ticks[0]!.length).toBeGreaterThan(5);
    expect(ticks[0]).toEqual(ticks[1]);
    expect(ticks[0]!.some((tick) => tick.startsWith('1.5 s@'))).toBe(true);
    // The shorter run (A) is greyed out after its end; B reaches the end of the axis.
    expect(timelines[0]!.querySelectorAll('rect.after-end').length).toBe(1);
    expect(timelines[1]!.querySelectorAll('rect.after-end').length).toBe(0);
    expect(titlesIn(timelines[0]!)).toContain(`this run ended at ${(endOf(small) / 1e6).toFixed(6)} s (ok); the axis is shared with a longer run`);
  });

  it('pairs each chart, A then B, on the same y scale', () => {
    for (const heading of ['Commit index', 'Client latency', 'Apply lag', 'Elections']) {
      const pair = charts(doc, heading);
      expect(pair.length, heading).toBe(2);
      expect(yLabels(pair[0]!).length, heading).toBeGreaterThan(1);
      expect(yLabels(pair[0]!), heading).toEqual(yLabels(pair[1]!));
    }
    // The retained log exists only in B (newer trace): A's chart is an empty frame saying so.
    const retained = charts(doc, 'Retained log');
    expect(retained.length).toBe(2);
    expect(textsIn(retained[0]!)).toContain('no retained log records in run A');
    // With the scales shared, the larger commit index sets the axis: B's commit chart tops out at A's scale too.
    const commitMax = (lines: string[]): number => Math.max(...recordsOf(lines).filter((r) => r.type === 'commit').map((r) => r.index as number));
    const top = Number(yLabels(charts(doc, 'Commit index')[0]!).at(-1));
    expect(top).toBeGreaterThanOrEqual(Math.max(commitMax(small), commitMax(crash)));
  });

  it('overlays both runs’ election latency on one latency axis', () => {
    const chart = charts(doc, 'Election latency')[0]!;
    const latency = recordsOf(crash).find((r) => r.type === 'election-latency')!.latencyUs as number;
    expect(titlesIn(chart)).toContain(`B p50: ${(latency / 1000).toFixed(0)} ms`);
    expect(textsIn(chart).some((text) => text.includes('A: no samples'))).toBe(true);
  });

  it('computes the headline metrics from the trace records', () => {
    const records = recordsOf(crash);
    const h = headlineMetrics(parseTrace(crash));
    const count = (type: string, test: (r: Record<string, unknown>) => boolean = () => true): number => records.filter((r) => r.type === type && test(r)).length;
    expect(h.elections).toBe(count('election', (r) => r.preVote === false));
    expect(h.preVoteRounds).toBe(count('election', (r) => r.preVote === true));
    expect(h.leaderChanges).toBe(count('role', (r) => r.role === 'leader'));
    expect(h.snapshots).toBe(count('snapshot'));
    expect(h.stalls).toBe(0);
    const latencies = records.filter((r) => r.type === 'election-latency').map((r) => r.latencyUs as number);
    expect(latencies.length).toBe(1);
    expect(h.electionLatencyP50Us).toBe(latencies[0]);
    expect(h.electionLatencyP99Us).toBe(latencies[0]);
    expect(h.timeWithoutLeaderUs).toBe(latencies[0]);
    expect(h.peakLogEntries).toBe(Math.max(...records.filter((r) => r.type === 'log').map((r) => r.entries as number)));
    expect(h.clientOk).toBe(count('ok'));
    expect(h.messages).toBe(new Set(records.filter((r) => r.type === 'send' || r.type === 'drop').map((r) => r.id)).size);
    // The older trace has no measurement records: the figures it cannot give are null, shown as a dash.
    const old = headlineMetrics(parseTrace(small));
    expect(old.timeWithoutLeaderUs).toBeNull();
    expect(old.peakLogEntries).toBeNull();
    const table = doc.querySelector('g.headline')!;
    const rowTitles = titlesIn(table);
    expect(rowTitles.some((title) => title.startsWith(`elections (real): A ${headlineMetrics(parseTrace(small)).elections} · B ${h.elections}`))).toBe(true);
    expect(rowTitles.some((title) => title.startsWith('peak retained log: A — · B '))).toBe(true);
  });

  it('lists the parameters that differ', () => {
    const diffs = parameterDiff(parseTrace(small).params, parseTrace(crash).params);
    expect(diffs.find((diff) => diff.key === 'durationUs')).toEqual({ key: 'durationUs', a: '1 s', b: '1.5 s' });
    expect(diffs.some((diff) => diff.key === 'raft.electionTimeoutMinUs')).toBe(false);
    const table = doc.querySelector('g.headline')!;
    expect(titlesIn(table)).toContain('durationUs: A 1 s · B 1.5 s');
  });

  it('describes B relative to A', () => {
    expect(compareText(10, 10)).toBe('same');
    expect(compareText(100, 104)).toBe('+4%');
    expect(compareText(100, 99.5)).toBe('−0.5%');
    expect(compareText(10, 93)).toBe('×9.3');
    expect(compareText(99, 3)).toBe('×0.03');
    expect(compareText(0, 3)).toBe('+3');
    expect(compareText(null, 3)).toBe('');
  });

  it('draws the chosen charts in the chosen order', () => {
    const chosen = parseSvg(renderComparisonReport({ label: 'a', lines: small }, { label: 'b', lines: crash }, { charts: ['retained-log', 'commit-index'] }));
    const headings = Array.from(chosen.querySelectorAll('g.chart'))
      .map((chart) => Array.from(chart.children).find((child) => child.tagName === 'text' && child.getAttribute('class') === 'h2')?.textContent)
      .filter((heading, k, all) => heading !== all[k - 1]);
    expect(headings).toEqual(['Retained log', 'Commit index']);
    expect(() => renderComparisonReport({ label: 'a', lines: small }, { label: 'b', lines: crash }, { charts: ['bogus' as 'elections'] })).toThrow(/unknown chart "bogus"/);
  });

  it('does not change the run report: the same trace renders the same run report as before', () => {
    // The run report and the comparison share the timeline and chart code; the golden tests pin the run
    // report's bytes, and this checks the comparison does not leave state behind between renders.
    const before = renderRunReport(faults);
    renderComparisonReport({ label: 'a', lines: faults }, { label: 'b', lines: crash });
    expect(renderRunReport(faults)).toBe(before);
  });

  it('names the run and the line of a malformed trace', () => {
    let caught: unknown;
    try {
      renderComparisonReport({ label: 'good', lines: small }, { label: 'broken', lines: [small[0]!, '{"t":5,"type":'] });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(TraceFormatError);
    expect((caught as TraceFormatError).line).toBe(2);
    expect((caught as TraceFormatError).message).toMatch(/^trace line 2: invalid JSON .* \(run B, "broken"\)$/);
    expect(() => renderComparisonReport({ label: 'a', lines: small }, { label: 'b', lines: crash }, { widthPx: 10 })).toThrow(RangeError);
  });
});

describe('comparison scale', () => {
  it('renders two 100,000-event traces to a standalone SVG under 3 MB', () => {
    const a = largeTraceLines(100_000);
    const b = largeTraceLines(60_000);
    const svg = renderComparisonReport({ label: 'large', lines: a }, { label: 'smaller', lines: b });
    expect(Buffer.byteLength(svg)).toBeLessThan(3 * 1024 * 1024);
    const doc = parseSvg(svg);
    expect(doc.getElementsByTagName('*').length).toBeLessThan(30_000);
    expect(Array.from(doc.querySelectorAll('g.timeline'), (g) => g.getAttribute('data-x-domain-us'))).toEqual([`0 ${endOf(a)}`, `0 ${endOf(a)}`]);
  });
});
