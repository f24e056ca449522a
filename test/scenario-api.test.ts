// The TypeScript API example of docs/scenarios.md, run as a test: the block in the docs must be this file
// (from the `import` lines on, with 'raftsim' for '../src/index.js').
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenario, runScenario, runScenarioFile, runScenarioSpec } from '../src/index.js';

describe('our cluster settings', () => {
  it('a 3-node cluster elects a new leader within a second of losing one', () => {
    const run = runScenarioFile('leader-crash', { seed: 7, overrides: { nodes: 3 } });
    expect(run.verdict).toBe('ok');
    expect(run.metrics.electionLatency.count).toBe(2);
    expect(run.metrics.electionLatency.max).toBeLessThan(1_000_000); // microseconds
  });

  it('an inline scenario, with its own expectations', () => {
    const run = runScenarioSpec(
      {
        name: 'wan-leader-loss',
        question: 'Across a 40 ms WAN, how long are three datacenters without a leader after it crashes?',
        cluster: {
          nodes: 3,
          datacenters: { east: ['n1'], west: ['n2'], eu: ['n3'] },
          latency: { inter: { 'east<->west': '35ms..40ms', 'east<->eu': '40ms..45ms', 'west<->eu': '60ms..70ms' } },
        },
        raft: { electionTimeout: '500ms..1s', heartbeat: '100ms' },
        faults: [{ at: '3s', crash: 'leader', for: '2s' }],
        duration: '8s',
        expectations: ['verdict == ok', 'electionLatency.max < 3s', 'commitLatency.p50 > 35ms'],
      },
      { seed: 1 },
    );
    expect(run.failedExpectations).toEqual([]);
    expect(run.json().drawn).toEqual({});
  });

  it('a scenario file, over several seeds', () => {
    const scenario = loadScenario('scenarios/minority-partition.yaml');
    for (const seed of [1, 2, 3]) {
      const run = runScenario(scenario, { seed });
      expect(run.outcome, JSON.stringify(run.failedExpectations)).toBe('passed');
    }
  });
});

describe('the documentation', () => {
  it('docs/scenarios.md shows exactly this example', () => {
    const docs = readFileSync('docs/scenarios.md', 'utf8');
    const block = /<!-- example: test\/scenario-api\.test\.ts -->\n```ts\n([\s\S]*?)```/.exec(docs);
    expect(block, 'the marked ```ts block in docs/scenarios.md').not.toBeNull();
    const source = readFileSync('test/scenario-api.test.ts', 'utf8');
    const example = source.slice(source.indexOf("import { describe"), source.indexOf("describe('the documentation'")).replace("import { readFileSync } from 'node:fs';\n", '');
    expect(block![1]!.trim()).toBe(example.replace("'../src/index.js'", "'raftsim'").trim());
  });
});
