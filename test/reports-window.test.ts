// The default detail window shows what matters: around the first fault and the leader change it caused
// (leader-crash: the crash at 2 s and the new leader ~180 ms later, not the quiet first second), says why in
// its caption, and stays on the violation for a failed run.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { D3Node } from 'd3-node';
import { describe, expect, it } from 'vitest';
import { chooseDetailWindow, DEFAULT_MAX_ARROWS, parseTrace } from '../reports/index.js';
import { safetyTraceLines } from './fixtures/reports/synthetic.js';
import { main } from '../src/cli.js';

const parser = new (new D3Node().document.defaultView!.DOMParser)();
const dir = mkdtempSync(join(tmpdir(), 'raftsim-window-'));

describe('the default detail window', () => {
  it('leader-crash: around the first crash and the leader change it caused, with the reason in the caption', async () => {
    const out = join(dir, 'lc');
    expect(await main(['run', 'leader-crash', '--seed', '1', '--out', out, '--report'], { out: () => {}, err: () => {}, isTerminal: false })).toBe(0);
    const model = parseTrace(readFileSync(join(out, 'trace.jsonl'), 'utf8').split('\n'));
    const window = chooseDetailWindow(model, { maxArrows: DEFAULT_MAX_ARROWS });
    const crash = model.downSpans[0]!;
    expect(crash.fromUs).toBe(2_000_000);
    const change = model.leaderChanges.find((c) => c.tUs > crash.fromUs)!;
    expect(window.rule).toBe('first-fault');
    expect(window.fromUs).toBeLessThan(crash.fromUs);
    expect(window.fromUs).toBeGreaterThan(crash.fromUs - 250_000);
    expect(window.toUs).toBeGreaterThan(change.tUs);
    const caption = Array.from(parser.parseFromString(readFileSync(join(out, 'report.svg'), 'utf8'), 'image/svg+xml').getElementsByTagName('text'), (t) => t.textContent ?? '').find((t) => t.includes('dashed = response'))!;
    expect(caption).toContain(`around the first fault (crash of ${crash.node} at 2 s) and the leader change it caused (${change.node} leader of term ${change.term} at`);
  });

  it('a safety violation still wins over the first fault', () => {
    expect(chooseDetailWindow(parseTrace(safetyTraceLines()), { maxArrows: DEFAULT_MAX_ARROWS }).rule).toBe('violation');
  });
});
