// Golden tests: each fixture trace renders to exactly its committed SVG. After an intended change to the
// report, regenerate with `UPDATE_GOLDEN=1 npx vitest run test/reports-golden.test.ts` and review the
// diff (and the pictures) before committing; see docs/reports.md.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { renderRunReport } from '../reports/index.js';
import { safetyTraceLines } from './fixtures/reports/synthetic.js';

const fixtures = fileURLToPath(new URL('./fixtures/reports/', import.meta.url));
const update = process.env.UPDATE_GOLDEN === '1';

/** Where two texts first differ, with a little context: a full diff of a 100 KB SVG would be unreadable. */
function firstDifference(actual: string, expected: string): string {
  let index = 0;
  while (index < actual.length && index < expected.length && actual[index] === expected[index]) index++;
  const line = actual.slice(0, index).split('\n').length;
  return `first difference at character ${index} (line ${line}):\n  actual:   ${JSON.stringify(actual.slice(Math.max(0, index - 60), index + 80))}\n  expected: ${JSON.stringify(expected.slice(Math.max(0, index - 60), index + 80))}`;
}

describe('run report goldens', () => {
  for (const name of ['small-3n', 'faults-3n', 'synthetic-safety']) {
    it(`${name}.jsonl renders to ${name}.svg`, () => {
      const lines = readFileSync(`${fixtures}${name}.jsonl`, 'utf8').split('\n');
      const svg = renderRunReport(lines);
      const goldenPath = `${fixtures}${name}.svg`;
      if (update) writeFileSync(goldenPath, svg);
      const golden = readFileSync(goldenPath, 'utf8');
      if (svg !== golden) expect.fail(`${name}: the SVG differs from the golden (UPDATE_GOLDEN=1 regenerates it); ${firstDifference(svg, golden)}`);
    });
  }

  it('the committed synthetic fixture is what its generator writes', () => {
    const committed = readFileSync(`${fixtures}synthetic-safety.jsonl`, 'utf8');
    expect(committed).toBe(`${safetyTraceLines().join('\n')}\n`);
  });
});
