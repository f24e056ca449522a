// The host side of the bug catalogue (sim/host-bugs.ts) and the one list of every catalogued bug (sim/bugs.ts):
// each host bug switched on is caught, on a built-in scenario, by the rule it breaks; switched off the same run
// passes (its golden hash is checked in scenarios.test.ts). Also `bugs:` in a scenario and `--bug` on the command
// line name them.
import { safeVersionMistakes } from '../raft/versions.js';
import { describe, expect, it } from 'vitest';
import { bugCatalogue } from '../raft/bugs.js';
import { safeKnobs } from '../raft/config.js';
import { allBugs, bugNames, findBug } from '../sim/bugs.js';
import { hostBugCatalogue, safeHostBugs } from '../sim/host-bugs.js';
import { runScenario } from '../src/api.js';
import { parseOverrides } from '../src/scenario/overrides.js';
import { findScenario } from '../src/scenario/builtin.js';

function verdictWith(scenario: string, seed: number, bugs: string[]): string {
  const run = runScenario(findScenario(scenario)!.scenario, { seed, overrides: { bug: bugs } });
  return run.result.verdict === 'safety' ? `safety ${run.result.violation!.invariant}` : run.result.verdict;
}

describe('host bugs are caught by the rule they break', () => {
  const cases: [string, string, number, string][] = [
    ['send-before-fsync', 'leader-crash', 1, 'safety DurableBeforeSend'],
    ['forget-vote-on-restart', 'chaos-5', 1, 'safety RestartFromDurable'],
    ['restart-skips-replay', 'chaos-5', 1, 'safety AppliedMonotonic'],
    ['snapshot-term-of-current-term', 'chaos-5', 2, 'safety LogMatching'],
    ['wal-rewrite-drops-hard-state', 'chaos-5', 1, 'safety DurableBeforeSend'],
    // A lease-reading leader cut off while its wall clock steps back 680 ms (the seed that found it).
    ['raft-on-wall-clock', 'random-chaos', 7658, 'safety LinearizableRead'],
  ];
  it.each(cases)('%s on %s seed %i', (bug, scenario, seed, expected) => {
    expect(verdictWith(scenario, seed, [bug])).toBe(expected);
  });

  it('every host switch has a case here, and the defaults are all off', () => {
    expect(new Set(cases.map(([bug]) => bug))).toEqual(new Set(Object.values(hostBugCatalogue).map((entry) => entry.name)));
    expect(Object.values(safeHostBugs).every((on) => on === false)).toBe(true);
  });
});

describe('the one catalogue', () => {
  it('lists every raft/ switch, every host switch, the compaction mistake and the negotiation mistakes once, by unique kebab-case name', () => {
    expect(allBugs.length).toBe(Object.keys(safeKnobs).length + Object.keys(safeHostBugs).length + 1 + Object.keys(safeVersionMistakes).length);
    expect(new Set(bugNames).size).toBe(bugNames.length);
    for (const bug of allBugs) {
      expect(bug.name).toMatch(/^[a-z]+(-[a-z0-9]+)*$/);
      expect(bug.summary.length, bug.name).toBeGreaterThan(40);
      expect(bug.source.length, bug.name).toBeGreaterThan(5);
    }
    expect(findBug('commit-old-term-by-counting')?.switch).toEqual({ layer: 'raft', key: 'commitOldTermByCounting' });
    expect(findBug(bugCatalogue.skipUpToDateCheck.name)?.switch.layer).toBe('raft');
    expect(findBug('trigger-on-apply-lag')?.switch).toEqual({ layer: 'compaction', key: 'triggerOnApplyLag' });
  });

  it('`bugs:` in a scenario switches raft/, host and compaction bugs on; an unknown name is an error with a suggestion', () => {
    const run = runScenario(
      { name: 'named-bugs', question: 'Are named bugs switched on?', cluster: { nodes: 3 }, duration: '1s', bugs: ['commit-with-minority', 'send-before-fsync', 'trigger-on-apply-lag'] },
      { seed: 1 },
    );
    const cluster = run.compiled.options.cluster;
    expect(cluster.raft.unsafe.commitWithMinority).toBe(true);
    expect(cluster.raft.unsafe.skipUpToDateCheck).toBe(false);
    expect(cluster.hostBugs).toEqual({ ...safeHostBugs, sendBeforeFsync: true });
    expect(cluster.compaction.mistakes.triggerOnApplyLag).toBe(true);
    expect(() => runScenario({ name: 'typo', question: 'A typo?', bugs: ['commit-with-minorty'] }, { seed: 1 })).toThrow(/bugs\[0\].*"commit-with-minority" \(did you mean it\?\)/s);
  });

  it('--bug is repeatable and suggests the nearest name', () => {
    expect(parseOverrides({ bug: ['send-before-fsync', 'forget-vote-on-restart'] }).bug).toEqual(['send-before-fsync', 'forget-vote-on-restart']);
    expect(parseOverrides({ bug: 'send-before-fsync' }).bug).toEqual(['send-before-fsync']);
    expect(() => parseOverrides({ bug: 'send-befor-fsync' })).toThrow(/--bug send-befor-fsync: expected "send-before-fsync" \(did you mean it\?\)/);
  });
});
