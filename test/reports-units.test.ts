// Units in the reports are formatted one way (reports/format.ts): no "1224.4 ms", "133980.804ms" or
// "1000 ms"; the comparison's deltas carry the figure's unit; the election-latency histogram's p50/p90/p99
// labels never collide and its axis spans the data; without snapshots the snapshot-lag chart (a copy of the
// retained log) is replaced by a note.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { D3Node } from 'd3-node';
import { beforeAll, describe, expect, it } from 'vitest';
import { placeQuantileLabels, latencyDomain } from '../reports/charts/election-latency.js';
import { compareText, renderRunReport } from '../reports/index.js';
import { formatDurationUs } from '../reports/format.js';
import { formatParam } from '../reports/params.js';
import { main } from '../src/cli.js';
import { compactionTraceLines } from './fixtures/reports/synthetic.js';

const parser = new (new D3Node().document.defaultView!.DOMParser)();
const parse = (file: string): Document => parser.parseFromString(readFileSync(file, 'utf8'), 'image/svg+xml');
/** Every text and hover title of a report. */
const allText = (doc: Document): string[] => [...Array.from(doc.getElementsByTagName('text'), (t) => t.textContent ?? ''), ...Array.from(doc.getElementsByTagName('title'), (t) => t.textContent ?? '')];
const dir = mkdtempSync(join(tmpdir(), 'raftsim-units-'));
const cli = (...argv: string[]): Promise<number> => main(argv, { out: () => {}, err: () => {}, isTerminal: false });

describe('units formatted one way', () => {
  beforeAll(async () => {
    await cli('run', 'leader-crash', '--seed', '1', '--out', join(dir, 'lc'), '--report');
    await cli('run', 'random-chaos', '--seed', '3', '--out', join(dir, 'rc'), '--report');
    await cli('compare', join(dir, 'lc', 'trace.jsonl'), join(dir, 'rc', 'trace.jsonl'), '-o', join(dir, 'compare.svg'));
  }, 120_000);

  it('no duration in a report is written as a large number of a smaller unit, without a space, or as 1000 of a unit', () => {
    for (const file of [join(dir, 'lc', 'report.svg'), join(dir, 'rc', 'report.svg'), join(dir, 'compare.svg')]) {
      for (const text of allText(parse(file))) {
        expect(text, file).not.toMatch(/\b\d{4,}(\.\d+)? ?(ms|µs)\b/);
        expect(text, file).not.toMatch(/\d(ms|µs)\b/);
        expect(text, file).not.toMatch(/\b1000 (ms|µs)\b/);
      }
    }
    expect(formatDurationUs(999_999)).toBe('1 s');
    expect(formatDurationUs(999.7)).toBe('1 ms');
    expect(formatParam('faults.3.at', '133980.804ms')).toBe('134 s');
    expect(formatParam('raft.electionTimeout', '150ms..300ms')).toBe('150 ms–300 ms');
  });

  it('the comparison deltas carry the unit of their row', () => {
    const rows = Array.from(parse(join(dir, 'compare.svg')).querySelectorAll('g.headline > g'));
    const durationRows = ['election latency p50', 'election latency p99', 'time without leader', 'client latency p99'];
    const deltas = rows.filter((row) => durationRows.includes(row.querySelector('text')?.textContent ?? '')).map((row) => row.querySelector('text.delta')?.textContent ?? '');
    expect(deltas).toHaveLength(4);
    for (const delta of deltas) expect(delta).toMatch(/^[+−][\d.,]+ (µs|ms|s)( \(.+\))?$/);
    const entries = rows.find((row) => row.querySelector('text')?.textContent === 'peak retained log');
    if (entries !== undefined) expect(entries.querySelector('text.delta')?.textContent).toMatch(/ entries/);
    expect(compareText(100_000, 112_400, formatDurationUs)).toBe('+12.4 ms (+12%)');
    expect(compareText(0, 3, String)).toBe('+3');
  });

  it('the election-latency histogram: labels apart, axis around the data', () => {
    const doc = parse(join(dir, 'lc', 'report.svg'));
    const chart = Array.from(doc.querySelectorAll('g.chart')).find((g) => g.querySelector('text.h2')?.textContent === 'Election latency')!;
    const ticks = Array.from(chart.querySelectorAll('text.note.mid'), (t) => t.textContent ?? '');
    expect(ticks[0]).not.toBe('0 µs');
    expect(latencyDomain(165_000, 185_000)[0]).toBeGreaterThan(150_000);
    expect(latencyDomain(2_000, 185_000)[0]).toBe(0);
    // Crowded lines (p90 and p99 2 px apart): every label clear of the other labels and of the other lines.
    for (const xs of [[500, 502, 504], [500, 560, 562], [1400, 1401, 1450]]) {
      const lines = xs.map((x, k) => ({ names: `p${[50, 90, 99][k]}`, x, value: '180.947 ms' }));
      const labels = placeQuantileLabels(lines, 110, 1476);
      labels.forEach((a, i) => {
        expect(a.box.left).toBeGreaterThanOrEqual(110);
        expect(a.box.right).toBeLessThanOrEqual(1476);
        labels.forEach((b, j) => {
          if (i < j && a.row === b.row) expect(a.box.right <= b.box.left || b.box.right <= a.box.left, `${a.text} / ${b.text}`).toBe(true);
        });
        for (const line of lines) expect(line.x < a.box.left || line.x > a.box.right, `${a.text} crosses ${line.names}`).toBe(true);
      });
    }
  });

  it('without snapshots, one retained-log chart with a note instead of an identical snapshot-lag chart', () => {
    const lc = allText(parse(join(dir, 'lc', 'report.svg')));
    expect(lc).toContain('Retained log');
    expect(lc).not.toContain('Snapshot lag');
    expect(lc.some((t) => t.includes('no snapshot was taken or installed'))).toBe(true);
    const withSnapshots = parser.parseFromString(renderRunReport(compactionTraceLines()), 'image/svg+xml');
    const texts = Array.from(withSnapshots.getElementsByTagName('text'), (t) => t.textContent ?? '');
    expect(texts).toContain('Snapshot lag');
  });
});
