// The report's verdict badge is the run's outcome (the exit code), not only the trace's verdict: a run whose
// expectations failed (exit 3) is FAILED EXPECTATIONS in report.svg and in `compare`, and the expectations
// are listed with pass/fail and the measured value in its unit. A trace without its result.json does not
// claim the run passed.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { D3Node } from 'd3-node';
import { describe, expect, it } from 'vitest';
import { parseTrace, renderModel, withRunResult } from '../reports/index.js';
import { main } from '../src/cli.js';

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (text) => (out += text), err: (text) => (err += text), isTerminal: false });
  return { code, out, err };
}

const parser = new (new D3Node().document.defaultView!.DOMParser)();
const parse = (svg: string): Document => parser.parseFromString(svg, 'image/svg+xml');
const badges = (doc: Document): string[] => Array.from(doc.querySelectorAll('g.verdict-badge text'), (t) => t.textContent ?? '');
const texts = (doc: Document): string[] => Array.from(doc.getElementsByTagName('text'), (t) => t.textContent ?? '');

const dir = mkdtempSync(join(tmpdir(), 'raftsim-outcome-'));

describe('the verdict badge is the run outcome', () => {
  it('a run that exits 3 (failed expectations) is FAILED EXPECTATIONS, with every expectation and its measured value', async () => {
    const out = join(dir, 'bridge-off');
    // bridge-partition without PreVote and CheckQuorum: safe, but its expectations fail (docs/reports.md).
    const run = await cli('run', 'bridge-partition', '--seed', '1', '--no-prevote', '--no-check-quorum', '--out', out, '--report');
    expect(run.code).toBe(3);
    expect(run.out).toContain('FAILED EXPECTATIONS');
    const doc = parse(readFileSync(join(out, 'report.svg'), 'utf8'));
    expect(badges(doc)).toEqual(['FAILED EXPECTATIONS']);
    const result = JSON.parse(readFileSync(join(out, 'result.json'), 'utf8')) as { expectations: { expression: string; passed: boolean; actual: unknown }[] };
    const lines = Array.from(doc.querySelectorAll('text.expectation'), (t) => t.textContent ?? '');
    expect(lines).toHaveLength(result.expectations.length);
    result.expectations.forEach((expectation, k) => {
      expect(lines[k]).toContain(expectation.expression);
      expect(lines[k]).toMatch(expectation.passed ? /pass/ : /FAIL/);
      expect(lines[k]).toContain(`measured ${String(expectation.actual)}`);
    });
    expect(doc.querySelectorAll('text.expectation.fail').length).toBe(result.expectations.filter((e) => !e.passed).length);
    expect(texts(doc).join('\n')).toMatch(/Expectations: 2 of 4 FAILED \(exit code 3\)/);

    // compare: the failed run is FAILED EXPECTATIONS there too; a passing run is OK.
    const passing = join(dir, 'bridge-on');
    expect((await cli('run', 'bridge-partition', '--seed', '1', '--out', passing, '--trace')).code).toBe(0);
    const compare = join(dir, 'compare.svg');
    expect((await cli('compare', join(passing, 'trace.jsonl'), join(out, 'trace.jsonl'), '-o', compare)).code).toBe(0);
    const compareDoc = parse(readFileSync(compare, 'utf8'));
    expect(badges(compareDoc)).toEqual(['OK', 'FAILED EXPECTATIONS']);
    expect(texts(compareDoc).join('\n')).toContain('Failed expectations: elections.leaderChanges == 1  — measured 2');

    // The trace copied without its result.json: the report cannot know the expectations and does not say OK.
    const alone = join(dir, 'alone');
    mkdirSync(alone);
    copyFileSync(join(out, 'trace.jsonl'), join(alone, 'trace.jsonl'));
    expect((await cli('report', join(alone, 'trace.jsonl'))).code).toBe(0);
    const aloneDoc = parse(readFileSync(join(alone, 'report.svg'), 'utf8'));
    expect(badges(aloneDoc)).toEqual(['INVARIANTS OK']);
    expect(texts(aloneDoc).join('\n')).toContain('Expectations: not known');
  });

  it('measured values are shown in their unit; each outcome has its own badge', () => {
    const lines = readFileSync(new URL('./fixtures/reports/crash-3n.jsonl', import.meta.url), 'utf8').split('\n');
    const model = parseTrace(lines);
    const svg = renderModel(
      withRunResult(model, {
        outcome: 'expectations',
        exitCode: 3,
        expectations: [
          { expression: 'electionLatency.p99 < 100ms', passed: false, actual: 180_947, quantity: 'duration' },
          { expression: 'logGrowth.peakBytes < 1MiB', passed: true, actual: 162_807, quantity: 'bytes' },
          { expression: 'messages.dropRatio < 1%', passed: true, actual: 0.0042, quantity: 'ratio' },
        ],
      }),
    );
    const doc = parse(svg);
    const shown = Array.from(doc.querySelectorAll('text.expectation'), (t) => t.textContent ?? '');
    expect(shown).toEqual([
      '✗ FAIL  electionLatency.p99 < 100ms  — measured 180.947 ms',
      '✓ pass  logGrowth.peakBytes < 1MiB  — measured 159 KiB',
      '✓ pass  messages.dropRatio < 1%  — measured 0.4%',
    ]);
    for (const [outcome, text] of [['passed', 'OK'], ['safety', 'SAFETY VIOLATION'], ['liveness', 'LIVENESS FAILURE'], ['expectations', 'FAILED EXPECTATIONS']] as const) {
      const other = parse(renderModel(withRunResult(model, { outcome, exitCode: outcome === 'passed' ? 0 : outcome === 'safety' ? 1 : 3, expectations: [] })));
      expect(badges(other)).toEqual([text]);
    }
  });
});
