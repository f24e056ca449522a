// Golden tests: each fixture renders to exactly its committed SVG. After an intended change to the
// reports, regenerate with `npm run golden:update` (GOLDEN_UPDATE=1; it also regenerates the trace hashes of
// test/scenarios.test.ts) and review the diff (and the pictures) before committing; see docs/reports.md.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { renderComparisonReport, renderRunReport, renderSweepComparison, renderSweepReport } from '../reports/index.js';
import { compactionTraceLines, safetyTraceLines, sweepFixture } from './fixtures/reports/synthetic.js';

const fixtures = fileURLToPath(new URL('./fixtures/reports/', import.meta.url));
const update = process.env.GOLDEN_UPDATE === '1';
const lines = (name: string): string[] => readFileSync(`${fixtures}${name}.jsonl`, 'utf8').split('\n');

/** Where two texts first differ, with a little context: a full diff of a 100 KB SVG would be unreadable. */
function firstDifference(actual: string, expected: string): string {
  let index = 0;
  while (index < actual.length && index < expected.length && actual[index] === expected[index]) index++;
  const line = actual.slice(0, index).split('\n').length;
  return `first difference at character ${index} (line ${line}):\n  actual:   ${JSON.stringify(actual.slice(Math.max(0, index - 60), index + 80))}\n  expected: ${JSON.stringify(expected.slice(Math.max(0, index - 60), index + 80))}`;
}

function expectGolden(name: string, svg: string): void {
  const goldenPath = `${fixtures}${name}.svg`;
  if (update) writeFileSync(goldenPath, svg);
  const golden = readFileSync(goldenPath, 'utf8');
  if (svg !== golden) expect.fail(`${name}: the SVG differs from the golden (npm run golden:update regenerates it); ${firstDifference(svg, golden)}`);
}

describe('run report goldens', () => {
  for (const name of ['small-3n', 'faults-3n', 'synthetic-safety', 'synthetic-compaction', 'crash-3n']) {
    it(`${name}.jsonl renders to ${name}.svg`, () => expectGolden(name, renderRunReport(lines(name))));
  }

  it('the committed synthetic fixtures are what their generators write', () => {
    expect(readFileSync(`${fixtures}synthetic-safety.jsonl`, 'utf8')).toBe(`${safetyTraceLines().join('\n')}\n`);
    expect(readFileSync(`${fixtures}synthetic-compaction.jsonl`, 'utf8')).toBe(`${compactionTraceLines().join('\n')}\n`);
  });
});

describe('comparison and sweep goldens', () => {
  it('small-3n vs crash-3n renders to compare-small-vs-crash.svg', () => {
    expectGolden('compare-small-vs-crash', renderComparisonReport({ label: 'small', lines: lines('small-3n') }, { label: 'leader crash', lines: lines('crash-3n') }));
  });

  it('a 40-seed synthetic sweep renders to sweep-small.svg', () => {
    expectGolden('sweep-small', renderSweepReport(sweepFixture(40)));
  });

  it('two synthetic sweeps of different sizes render to sweep-compare.svg', () => {
    expectGolden(
      'sweep-compare',
      renderSweepComparison({ ...sweepFixture(40), label: 'baseline' }, { ...sweepFixture(60, { firstSeed: 101, shiftUs: 150_000, scenario: 'fixture-sweep-slow' }), label: 'slower elections' }),
    );
  });
});
