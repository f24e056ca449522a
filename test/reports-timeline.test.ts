// A busy chaos timeline stays readable (random-chaos seed 25): fault labels packed into rows above the lanes
// with no two overlapping (boxes estimated from text length × font size) nor covering a term label; fault
// tints under the role bands, so a leader band stays leader green under any number of overlapping faults;
// short terms labelled; node colours distinct from the role colours.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { D3Node } from 'd3-node';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseTrace } from '../reports/index.js';
import { packRows } from '../reports/label-rows.js';
import { NODE_COLORS, ROLE_COLORS } from '../reports/theme.js';
import { main } from '../src/cli.js';

const parser = new (new D3Node().document.defaultView!.DOMParser)();
const dir = mkdtempSync(join(tmpdir(), 'raftsim-timeline-'));

interface Box {
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
  readonly text: string;
}

/** A text element's box from its attributes: width = length × font size × 0.6, as the report estimates. */
function box(text: Element, fontPx: number): Box {
  const x = Number(text.getAttribute('x'));
  const y = Number(text.getAttribute('y'));
  const content = ownText(text);
  const width = content.length * fontPx * 0.6;
  const cls = text.getAttribute('class') ?? '';
  const left = cls.includes('mid') ? x - width / 2 : cls.includes('end') ? x - width : x;
  return { left, right: left + width, top: y - fontPx * 0.8, bottom: y + fontPx * 0.2, text: content };
}

/** The text itself, without its hover <title>. */
const ownText = (text: Element): string => Array.from(text.childNodes).filter((n) => n.nodeType === 3).map((n) => n.nodeValue ?? '').join('');

const intersects = (a: Box, b: Box): boolean => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

function hex(color: string): [number, number, number] {
  return [1, 3, 5].map((k) => parseInt(color.slice(k, k + 2), 16)) as [number, number, number];
}

describe('a busy chaos timeline', () => {
  let doc: Document;
  let trace: string[];
  beforeAll(async () => {
    const out = join(dir, 'chaos');
    await main(['run', 'random-chaos', '--seed', '25', '--out', out, '--report'], { out: () => {}, err: () => {}, isTerminal: false });
    doc = parser.parseFromString(readFileSync(join(out, 'report.svg'), 'utf8'), 'image/svg+xml');
    trace = readFileSync(join(out, 'trace.jsonl'), 'utf8').split('\n');
  }, 120_000);

  it('packs fault labels into rows: no two overlap, none covers a term label', () => {
    const timeline = doc.querySelector('g.timeline')!;
    const labels = Array.from(timeline.querySelectorAll('text.fault-label'), (t) => box(t, 9));
    expect(labels.length).toBeGreaterThan(25);
    const model = parseTrace(trace);
    expect(labels.length).toBeLessThanOrEqual(model.networkFaults.length);
    for (let i = 0; i < labels.length; i++) {
      for (let j = i + 1; j < labels.length; j++) expect(intersects(labels[i]!, labels[j]!), `${labels[i]!.text} / ${labels[j]!.text}`).toBe(false);
    }
    const terms = [...Array.from(timeline.querySelectorAll('text.term'), (t) => box(t, 10)), ...Array.from(timeline.querySelectorAll('text.leader-label'), (t) => box(t, 9))];
    expect(terms.length).toBeGreaterThan(10);
    for (const label of labels) for (const term of terms) expect(intersects(label, term), `${label.text} / ${term.text}`).toBe(false);
  });

  it('draws fault tints under the role bands and only outlines over them', () => {
    const timeline = doc.querySelector('g.timeline')!;
    const rects = Array.from(timeline.querySelectorAll('rect'));
    const firstRole = rects.findIndex((r) => /^r-/.test(r.getAttribute('class') ?? ''));
    const lastRole = rects.length - 1 - [...rects].reverse().findIndex((r) => /^r-/.test(r.getAttribute('class') ?? ''));
    const fills = rects.map((r, k) => [r, k] as const).filter(([r]) => /\bf-\w+ ff\b/.test(r.getAttribute('class') ?? ''));
    const outlines = rects.map((r, k) => [r, k] as const).filter(([r]) => /\bfo\b/.test(r.getAttribute('class') ?? ''));
    expect(fills.length).toBeGreaterThan(30);
    expect(outlines.length).toBe(fills.length);
    for (const [, k] of fills) expect(k).toBeLessThan(firstRole);
    for (const [, k] of outlines) expect(k).toBeGreaterThan(lastRole);
    // Nothing translucent over a role band but the outlines, which have no fill; pauses are a hatch.
    const style = doc.querySelector('style')!.textContent!;
    expect(style).toContain('.fo { fill: none; }');
    expect(style).toMatch(/\.paused \{ fill: url\(#hatch-paused\); \}/);
  });

  it('labels short terms above their band', () => {
    const timeline = doc.querySelector('g.timeline')!;
    const labelled = new Set<number>();
    for (const t of timeline.querySelectorAll('text.term, text.leader-label')) {
      const match = /(\d+)$/.exec(ownText(t));
      if (match) labelled.add(Number(match[1]));
    }
    expect(timeline.querySelectorAll('text.short-term').length).toBeGreaterThan(0);
    const terms = new Set(parseTrace(trace).leaderChanges.map((c) => c.term));
    // Each leader's term is written on or above its band (a few share a pixel with another label).
    expect(labelled.size / terms.size).toBeGreaterThanOrEqual(0.8);
  });

  it('node colours are none of the role colours', () => {
    const lanes = Array.from(doc.querySelectorAll('g.timeline rect[fill][width="10"][height="10"]:not([class])'), (r) => r.getAttribute('fill')!);
    // One swatch per node (the scenario's drawn cluster size).
    const nodes = doc.querySelectorAll('g.timeline text.lane').length;
    expect(nodes).toBeGreaterThanOrEqual(3);
    expect(lanes.length).toBe(nodes);
    for (const node of NODE_COLORS) {
      for (const role of Object.values(ROLE_COLORS)) {
        const [a, b] = [hex(node), hex(role)];
        const distance = Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
        expect(distance, `${node} vs ${role}`).toBeGreaterThan(60);
      }
    }
    expect(lanes).toEqual(NODE_COLORS.slice(0, nodes));
  });

  it('packRows puts each interval in the first row where it fits', () => {
    expect(packRows([{ left: 0, right: 10 }, { left: 5, right: 15 }, { left: 20, right: 30 }, { left: 12, right: 18 }], 1)).toEqual([0, 1, 0, 0]);
    expect(packRows([{ left: 0, right: 10 }, { left: 1, right: 10 }, { left: 2, right: 10 }], 1, 2)).toEqual([0, 1, -1]);
  });
});
