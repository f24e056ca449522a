// The apply-stall fault: a node's state machine applies nothing for a while, Raft goes on committing, and the
// backlog drains when the stall ends (or when the process restarts). Scenario files write it like a pause.
import { describe, expect, it } from 'vitest';
import { MemorySink, Trace } from '../sim/trace.js';
import { runScenario } from '../src/api.js';
import { compileScenario } from '../src/scenario/compile.js';
import { scenarioFromObject } from '../src/scenario/load.js';
import { specToDocument, toYaml } from '../src/scenario/serialize.js';

type TraceLine = Record<string, unknown> & { type: string; t: number };

const document = {
  name: 'stalled-follower',
  question: 'Does a follower whose state machine stalls for 2 s catch up once it resumes, while the cluster goes on committing?',
  cluster: { nodes: 3 },
  workload: { rate: '200/s' },
  compaction: { snapshotCount: 'off' },
  faults: [
    { at: '1s', campaign: 'n1' },
    { at: '2s', 'apply-stall': { node: 'n3', for: '2s' } },
    { at: '5s', 'apply-stall': 'n2', for: '3s' },
    { at: '6s', crash: 'n2' },
    { at: '6.5s', restart: 'n2' },
  ],
  duration: '10s',
  expectations: ['verdict == ok'],
};

function run() {
  const sink = new MemorySink(2_000_000);
  const result = runScenario(scenarioFromObject(document), { seed: 1, trace: new Trace({ sink }) }).run;
  return { run: result, lines: sink.lines.map((line) => JSON.parse(line) as TraceLine) };
}

const appliedBy = (lines: readonly TraceLine[], node: string, untilUs: number): number =>
  lines.filter((line) => line.type === 'apply' && line.node === node && line.t <= untilUs).reduce((max, line) => Math.max(max, line.index as number), 0);
const committedBy = (lines: readonly TraceLine[], node: string, untilUs: number): number =>
  lines.filter((line) => line.type === 'commit' && line.node === node && line.t <= untilUs).reduce((max, line) => Math.max(max, line.index as number), 0);

describe('apply-stall', () => {
  const { run: stalled, lines } = run();

  it('compiles from both forms, with its own duration or the item\'s for:, and is written back out', () => {
    const faults = compileScenario(scenarioFromObject(document).spec, 1).options.faults.filter((item) => item.fault.kind === 'apply-stall');
    expect(faults).toEqual([
      { atUs: 2_000_000, fault: { kind: 'apply-stall', node: 'n3', durationUs: 2_000_000 } },
      { atUs: 5_000_000, fault: { kind: 'apply-stall', node: 'n2', durationUs: 3_000_000 } },
    ]);
    expect(toYaml(specToDocument(scenarioFromObject(document).spec))).toContain('apply-stall: {node: n3, for: 2s}');
  });

  it('holds the stalled node\'s state machine while its commit index moves on, then drains the backlog', () => {
    expect(stalled.outcome).toBe('passed');
    expect(lines.filter((line) => line.type === 'apply-stall').map((line) => [line.t, line.node, line.durationUs])).toEqual([
      [2_000_000, 'n3', 2_000_000],
      [5_000_000, 'n2', 3_000_000],
    ]);
    const atStall = appliedBy(lines, 'n3', 2_000_000);
    expect(appliedBy(lines, 'n3', 3_999_999)).toBe(atStall);
    expect(committedBy(lines, 'n3', 3_999_999)).toBeGreaterThan(atStall + 100);
    expect(appliedBy(lines, 'n3', 4_100_000)).toBeGreaterThanOrEqual(committedBy(lines, 'n3', 3_999_999));
  });

  it('ends with the process: a restart applies again at once', () => {
    const beforeCrash = appliedBy(lines, 'n2', 6_000_000);
    expect(appliedBy(lines, 'n2', 5_999_999)).toBe(appliedBy(lines, 'n2', 5_000_000));
    expect(appliedBy(lines, 'n2', 7_000_000)).toBeGreaterThan(beforeCrash + 100);
  });
});
