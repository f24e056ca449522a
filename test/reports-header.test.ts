// The run report's header describes what ran: with datacenters, their placement and the latency inside each
// and between each pair (not the default link latency, which a topology replaces), and every node's clock.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { D3Node } from 'd3-node';
import { describe, expect, it } from 'vitest';
import { parseTrace } from '../reports/index.js';
import { parameterLines } from '../reports/run-report.js';
import { main } from '../src/cli.js';

async function cli(...argv: string[]): Promise<number> {
  return main(argv, { out: () => {}, err: () => {}, isTerminal: false });
}

const parser = new (new D3Node().document.defaultView!.DOMParser)();
const headerTexts = (svg: string): string[] => Array.from(parser.parseFromString(svg, 'image/svg+xml').querySelectorAll('g.header text'), (t) => t.textContent ?? '');

const dir = mkdtempSync(join(tmpdir(), 'raftsim-header-'));

describe('the header describes the network and clocks that ran', () => {
  it('the two-datacenter example: placement, 1 ms inside, 80 ms between, clocks per node', async () => {
    const out = join(dir, 'two-dc');
    expect(await cli('run', 'docs/examples/two-datacenters.yaml', '--seed', '1', '--out', out, '--report')).toBe(0);
    const header = headerTexts(readFileSync(join(out, 'report.svg'), 'utf8')).join('\n');
    expect(header).toContain('2 datacenters east (n1, n2, n3), west (n4, n5)');
    expect(header).toContain('latency inside a datacenter 1 ms');
    expect(header).toContain('east↔west 80 ms');
    expect(header).toContain('n2 +40 ms, +50 ppm');
    expect(header).toContain('n5 −25 ms, −20 ppm');
    // The default link latency is not what ran: a topology replaces it.
    expect(header).not.toContain('500 µs–2 ms');
  });

  it('one-way latencies, distributions of every kind, exact clocks', () => {
    const meta = {
      t: 0,
      type: 'meta',
      seed: 1,
      scenario: 'x',
      params: {
        nodes: ['a1', 'b1'],
        link: { latency: { kind: 'uniform', minUs: 500, maxUs: 2000 }, dropChance: 0.01, duplicateChance: 0, reorderChance: 0 },
        topology: {
          datacenterOf: { a1: 'a', b1: 'b' },
          intraLatency: { kind: 'normal', meanUs: 1000, stddevUs: 200 },
          interLatency: { 'a->b': { kind: 'uniform', minUs: 30_000, maxUs: 35_000 }, 'b->a': { kind: 'exponential', meanUs: 50_000 } },
        },
        clocks: { a1: { offsetUs: 0, driftPpm: 0 }, b1: { offsetUs: 0, driftPpm: 0 } },
      },
    };
    const lines = parameterLines(parseTrace([JSON.stringify(meta), '{"t":1,"type":"end","verdict":"ok","hash":"0"}'])).join('\n');
    expect(lines).toContain('latency inside a datacenter 1 ms ± 200 µs normal');
    expect(lines).toContain('a→b 30 ms–35 ms uniform, b→a mean 50 ms exponential');
    expect(lines).toContain('clocks: all exact');
    expect(lines).toContain('drop 1%');
    expect(lines).not.toContain('per-link');
  });

  it('scheduled per-link changes are named, with how often', async () => {
    const out = join(dir, 'flapping');
    await cli('run', 'flapping-links', '--seed', '1', '--out', out, '--report');
    const header = headerTexts(readFileSync(join(out, 'report.svg'), 'utf8')).join('\n');
    expect(header).toMatch(/per-link changes scheduled: \d+ on n5↔n1 \(\d+×\), n3↔n4 \(\d+×\)/);
  });
});
