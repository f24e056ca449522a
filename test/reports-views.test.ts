// Two views of the run report: the compaction drift per round (the figures the summary prints as "drift over
// N rounds"), and lanes grouped by datacenter when the scenario places nodes in datacenters.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { D3Node } from 'd3-node';
import { describe, expect, it } from 'vitest';
import { parseTrace, renderRunReport } from '../reports/index.js';
import { main } from '../src/cli.js';

const parser = new (new D3Node().document.defaultView!.DOMParser)();
const dir = mkdtempSync(join(tmpdir(), 'raftsim-views-'));
const cli = (...argv: string[]): Promise<number> => main(argv, { out: () => {}, err: () => {}, isTerminal: false });

describe('compaction drift chart', () => {
  it('random-chaos seed 3: the rounds and spreads of result.json, one mark per round', async () => {
    const out = join(dir, 'rc');
    expect(await cli('run', 'random-chaos', '--seed', '3', '--out', out, '--report')).toBe(0);
    const drift = (JSON.parse(readFileSync(join(out, 'result.json'), 'utf8')) as { metrics: { compaction: { drift: { rounds: number; maxTimeSpreadUs: number; maxIndexSpread: number } } } }).metrics.compaction.drift;
    expect(drift.rounds).toBeGreaterThan(0);
    const doc = parser.parseFromString(readFileSync(join(out, 'report.svg'), 'utf8'), 'image/svg+xml');
    const chart = Array.from(doc.querySelectorAll('g.chart')).find((g) => g.querySelector('text.h2')?.textContent === 'Compaction drift')!;
    expect(chart).toBeDefined();
    const plot = chart;
    expect(Number(plot.getAttribute('data-rounds'))).toBe(drift.rounds);
    expect(Number(plot.getAttribute('data-max-time-spread-us'))).toBe(drift.maxTimeSpreadUs);
    expect(Number(plot.getAttribute('data-max-index-spread'))).toBe(drift.maxIndexSpread);
    expect(chart.querySelectorAll('g.drift-rounds > g').length).toBe(drift.rounds);
  });

  it('no chart without rounds', () => {
    const svg = renderRunReport(readFileSync(new URL('./fixtures/reports/small-3n.jsonl', import.meta.url), 'utf8').split('\n'));
    expect(svg).not.toContain('Compaction drift');
  });
});

describe('lanes grouped by datacenter', () => {
  const meta = (datacenterOf: Record<string, string> | null) =>
    JSON.stringify({ t: 0, type: 'meta', seed: 1, scenario: 'dc', params: { nodes: ['n1', 'n2', 'n3', 'n4'], ...(datacenterOf ? { topology: { datacenterOf, intraLatency: { kind: 'constant', valueUs: 1000 }, interLatency: {} } } : {}) } });
  const end = '{"t":10,"type":"end","hash":"00","verdict":"ok"}';

  it('orders lanes by datacenter and draws one group per datacenter in the timeline and the detail panel', () => {
    const lines = [meta({ n1: 'east', n2: 'west', n3: 'east', n4: 'west' }), end];
    expect(parseTrace(lines).nodes).toEqual(['n1', 'n3', 'n2', 'n4']);
    const doc = parser.parseFromString(renderRunReport(lines), 'image/svg+xml');
    for (const panel of ['g.timeline', 'g.detail']) {
      const groups = Array.from(doc.querySelectorAll(`${panel} g.dc-group`), (g) => g.getAttribute('data-datacenter'));
      expect(groups, panel).toEqual(['east', 'west']);
    }
    const lanes = Array.from(doc.querySelectorAll('g.timeline text.lane'), (t) => t.textContent);
    expect(lanes).toEqual(['n1', 'n3', 'n2', 'n4']);
  });

  it('leaves lanes alone without datacenters', () => {
    const lines = [meta(null), end];
    expect(parseTrace(lines).nodes).toEqual(['n1', 'n2', 'n3', 'n4']);
    expect(renderRunReport(lines)).not.toContain('dc-group');
  });
});
