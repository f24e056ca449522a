// Mixed-version clusters in real runs (docs/versions.md): the canary-upgrade incident with the mistake and with
// negotiation, the five-node rolling upgrade, a version-2 canary leading version-1 followers with the feature
// mistake, the trace records of upgrades and rejections, and the scenario checks of cluster.versions and the
// upgrade faults.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { parseTrace, renderModel } from '../reports/index.js';
import { MemorySink, Trace } from '../sim/trace.js';
import { runScenario } from '../src/api.js';
import { scenarioFromObject } from '../src/scenario/load.js';

type TraceLine = Record<string, unknown> & { type: string; t: number };

function builtin(name: string): Record<string, unknown> {
  return YAML.parse(readFileSync(`scenarios/${name}.yaml`, 'utf8')) as Record<string, unknown>;
}

function run(document: Record<string, unknown>, seed = 1, bug: string[] = []) {
  const sink = new MemorySink(2_000_000);
  const result = runScenario(scenarioFromObject(document), { seed, trace: new Trace({ sink }), overrides: bug.length > 0 ? { bug } : {} }).run;
  return { run: result, lines: sink.lines.map((line) => JSON.parse(line) as TraceLine), raw: sink.lines };
}

describe('the canary-upgrade incident', () => {
  const negotiated = run(builtin('mixed-version-learner'));
  const wedged = run(builtin('mixed-version-learner-wedge'));

  it('with negotiation: the version-1 learner installs a plain snapshot and catches up, nothing rejected', () => {
    expect(negotiated.run.outcome).toBe('passed');
    const v = negotiated.run.result.metrics.versions!;
    expect(v).toMatchObject({ finalVersions: { n1: 2, n2: 1, n3: 1, n4: 1 }, blockedUs: 0, blockedAtEnd: 0, rejections: 0 });
    expect(negotiated.run.result.metrics.membership?.catchUp.n4?.catchUpUs).toBeLessThan(1_000_000);
    expect(negotiated.lines.filter((line) => line.type === 'snapshot-install' && line.node === 'n4').length).toBeGreaterThanOrEqual(1);
    expect(negotiated.run.result.metrics.logGrowth.peakEntries).toBeLessThan(20);
  });

  it('with newest-encoding-for-all: the learner rejects every snapshot, never catches up, and the leader keeps its whole log', () => {
    expect(wedged.run.result.verdict).toBe('liveness');
    expect(wedged.run.result.liveness?.reason).toMatch(/^n4 commit 0 != leader last index \d+ \(n4 has rejected \d+ requests it cannot decode, the last snapshot encoding compressed\)$/);
    expect(wedged.run.outcome).toBe('liveness');
    const v = wedged.run.result.metrics.versions!;
    expect(v.blockedAtEnd).toBe(1);
    expect(v.blockedUs).toBeGreaterThan(15_000_000);
    expect(v.snapshotRejections.n4).toBeGreaterThanOrEqual(100);
    expect(v.entryRejections.n4).toBe(0);
    // The leader's retained log grows with the load for as long as the learner is blocked (compaction paused).
    expect(v.leaderRetainedMax).toBeGreaterThan(5 * v.leaderRetainedAtBlock);
    const rejections = wedged.lines.filter((line) => line.type === 'unsupported');
    expect(rejections.length).toBe(v.rejections);
    expect(rejections[0]).toMatchObject({ node: 'n4', from: 'n1', rejected: 'InstallSnapshot', what: 'snapshot encoding compressed', version: 1 });
  });

  it('the report marks the rejections on the learner\'s lane', () => {
    const model = parseTrace(wedged.raw);
    const rejections = model.marks.filter((mark) => mark.kind === 'unsupported');
    expect(rejections.length).toBe(wedged.run.result.metrics.versions!.rejections);
    expect(new Set(rejections.map((mark) => mark.node))).toEqual(new Set(['n4']));
    expect(rejections[0]!.detail).toBe('version 1 could not decode InstallSnapshot from n1: snapshot encoding compressed');
    expect(renderModel(model)).toContain('rejected as undecodable');
  });

  it('the same wedge scenario without pauseWhileSendingSnapshot still blocks the learner, but the leader compacts', () => {
    const document = builtin('mixed-version-learner-wedge');
    const compaction = { ...(document.compaction as Record<string, unknown>) };
    delete compaction.pauseWhileSendingSnapshot;
    const { run: unpaused } = run({ ...document, compaction, expectations: [] });
    expect(unpaused.result.metrics.versions!.blockedAtEnd).toBe(1);
    expect(unpaused.result.metrics.versions!.leaderRetainedMax).toBeLessThan(20);
  });
});

describe('rolling-upgrade', () => {
  const { run: rolled, lines, raw } = run(builtin('rolling-upgrade'));

  it('the report labels each lane with its boot version and marks every version change with the new version', () => {
    const model = parseTrace(raw);
    const upgrades = model.marks.filter((mark) => mark.kind === 'upgrade');
    expect(upgrades.map((mark) => mark.label)).toEqual(['v2', 'v2', 'v2', 'v2', 'v2']);
    expect(upgrades[0]!.detail).toBe('upgraded from version 1 to 2 (restart with the same disk)');
    const svg = renderModel(model);
    for (const node of ['n1', 'n2', 'n3', 'n4', 'n5']) expect(svg).toContain(`>${node} v1<`);
    expect(svg).toContain('version change (new version)');
  });

  it('upgrades all five servers, followers first and the leader of the moment last, and stays available', () => {
    expect(rolled.outcome).toBe('passed');
    const upgrades = lines.filter((line) => line.type === 'upgrade');
    expect(upgrades.map((line) => [line.t, line.from, line.to])).toEqual([3, 6, 9, 12, 15].map((s) => [s * 1_000_000, 1, 2]));
    expect(new Set(upgrades.map((line) => line.node)).size).toBe(5);
    // leader-last: no upgrade takes the node leading when it fires.
    for (const upgrade of upgrades) {
      const roles = lines.filter((line) => line.type === 'role' && line.t <= upgrade.t && line.node === upgrade.node);
      const last = roles[roles.length - 1];
      if (upgrade !== upgrades[upgrades.length - 1]) expect(last?.role).not.toBe('leader');
    }
    const v = rolled.result.metrics.versions!;
    expect(v).toMatchObject({ upgrades: 5, blockedUs: 0, rejections: 0, finalVersions: { n1: 2, n2: 2, n3: 2, n4: 2, n5: 2 } });
    expect(rolled.result.metrics.elections.timeWithoutLeaderUs).toBeLessThan(2_000_000);
    expect(rolled.result.workload.timedOut).toBe(0);
  });

  it('leader-first takes the leader of the moment first', () => {
    const document = builtin('rolling-upgrade');
    const faults = (document.faults as Record<string, unknown>[]).map((item) =>
      item['rolling-upgrade'] !== undefined ? { ...item, 'rolling-upgrade': { ...(item['rolling-upgrade'] as object), order: 'leader-first' } } : item,
    );
    const { lines: firstLines } = run({ ...document, faults });
    const first = firstLines.find((line) => line.type === 'upgrade')!;
    const roles = firstLines.filter((line) => line.type === 'role' && line.t <= first.t && line.node === first.node);
    expect(roles[roles.length - 1]?.role).toBe('leader');
  });
});

describe('a version-2 canary leading version-1 followers', () => {
  const canary = (bug: string[]) =>
    run(
      {
        name: 'canary-leader',
        question: 'Does a version-2 leader of version-1 followers keep committing?',
        cluster: { nodes: 3, versions: 1 },
        workload: { clients: 2, rate: '100/s' },
        faults: [
          { at: '1s', upgrade: { node: 'n1', to: 2, down: '100ms' } },
          { at: '2s', campaign: 'n1' },
          { at: '6s', upgrade: { node: 'n2', to: 2 } },
        ],
        duration: '8s',
      },
      1,
      bug,
    ).run;

  it('with negotiation it writes format 1 while its followers run version 1: nothing is rejected', () => {
    const correct = canary([]);
    expect(correct.outcome).toBe('passed');
    expect(correct.result.metrics.versions!.rejections).toBe(0);
  });

  it('with feature-on-leader-upgrade its followers reject its entries: nothing commits until n2 is upgraded, and n3 never catches up', () => {
    const correct = canary([]);
    const broken = canary(['feature-on-leader-upgrade']);
    const v = broken.result.metrics.versions!;
    expect(v.entryRejections.n2! + v.entryRejections.n3!).toBeGreaterThan(10);
    // Format-2 entries stay in the log: n3, still on version 1, can never read them.
    expect(broken.result.verdict).toBe('liveness');
    expect(v.blockedAtEnd).toBe(1);
    expect(v.blockedUs).toBeGreaterThan(10_000_000);
    // Writes wait from the campaign at 2 s until n2 runs version 2 at 6 s.
    expect(broken.result.metrics.commitLatency.p99).toBeGreaterThan(1_000_000);
    expect(correct.result.metrics.commitLatency.p99).toBeLessThan(100_000);
    expect(broken.result.workload.invoked).toBeLessThan(correct.result.workload.invoked / 2);
  });
});

describe('a downgrade after format 2 was switched on', () => {
  const downgrade = (compaction: Record<string, unknown>) =>
    run({
      name: 'downgrade',
      question: 'Does a node downgraded while the cluster writes format-2 entries catch up?',
      cluster: { nodes: 3, versions: 2 },
      workload: { clients: 2, rate: '100/s' },
      compaction,
      faults: [
        { at: '2s', isolate: 'n3', for: '1s' },
        { at: '2.5s', upgrade: { node: 'n3', to: 1 } },
      ],
      duration: '6s',
    }).run;

  it('the downgraded node rejects the format-2 entries it missed; the leader writes format 1 again at once', () => {
    const stuck = downgrade({ snapshotCount: 10_000 });
    expect(stuck.result.verdict).toBe('liveness');
    expect(stuck.result.liveness?.reason).toMatch(/^n3 commit \d+ != leader last index \d+ \(n3 has rejected \d+ requests it cannot decode, the last entry format 2/);
    expect(stuck.result.metrics.versions!).toMatchObject({ upgrades: 1, blockedAtEnd: 1, finalVersions: { n3: 1 } });
  });

  it('a snapshot covering them (frequent compaction, no catch-up entries) lets it catch up', () => {
    const healed = downgrade({ snapshotCount: 50, catchUpEntries: 0 });
    expect(healed.result.verdict).toBe('ok');
    const v = healed.result.metrics.versions!;
    expect(v.entryRejections.n3).toBeGreaterThan(0);
    expect(v.blockedAtEnd).toBe(0);
    expect(v.blockedUs).toBeLessThan(1_000_000);
  });
});

describe('random-versions, the exploration of mixed versions', () => {
  it('draws upgrades to the newest version only, and random-chaos none', () => {
    const { run: explored, lines } = run(builtin('random-versions'));
    expect(explored.outcome).toBe('passed');
    const upgrades = lines.filter((line) => line.type === 'upgrade');
    expect(upgrades.length).toBeGreaterThan(0);
    for (const upgrade of upgrades) expect(upgrade.to).toBe(2);
    const { lines: chaos } = run({ ...builtin('random-chaos'), duration: '3s' });
    expect(chaos.some((line) => line.type === 'upgrade')).toBe(false);
  });
});

describe('scenario checks', () => {
  const base = { name: 'v', question: 'Does it load?', cluster: { nodes: 3 }, duration: '1s' };
  const problem = (document: Record<string, unknown>): string => {
    try {
      runScenario(scenarioFromObject(document), { seed: 1 });
    } catch (error) {
      return (error as Error).message;
    }
    return 'no error';
  };

  it('cluster.versions takes a version or a mapping of existing nodes to versions', () => {
    expect(problem({ ...base, cluster: { nodes: 3, versions: 3 } })).toMatch(/cluster\.versions.*a version \(1 or 2\)/s);
    expect(problem({ ...base, cluster: { nodes: 3, versions: { n7: 1 } } })).toMatch(/cluster\.versions\.n7/);
  });

  it('an upgrade fault and a negotiation mistake need cluster.versions', () => {
    expect(problem({ ...base, faults: [{ at: '0.5s', upgrade: { node: 'n1', to: 2 } }] })).toMatch(/faults\[0\]\.upgrade.*cluster\.versions/s);
    expect(problem({ ...base, bugs: ['newest-encoding-for-all'] })).toMatch(/cluster\.versions/);
    expect(problem({ ...base, chaos: { kinds: ['crash', 'upgrade'] } })).toMatch(/chaos\.kinds.*cluster\.versions/s);
    expect(problem({ ...base, cluster: { nodes: 3, versions: 1 }, faults: [{ at: '0.5s', 'rolling-upgrade': { to: 2, every: '0s' } }] })).toMatch(/every.*above 0/s);
    expect(problem({ ...base, cluster: { nodes: 3, versions: 1 }, faults: [{ at: '0.5s', 'rolling-upgrade': { to: 2, every: '1s', order: 'random' } }] })).toMatch(/leader-last or leader-first/);
  });

  it('an unversioned run has no versions metrics and no version fields in its trace', () => {
    const { run: plain, lines } = run({ ...base, workload: { clients: 1, rate: '50/s' } });
    expect(plain.result.metrics.versions).toBeUndefined();
    expect(lines.some((line) => line.type === 'upgrade' || line.type === 'unsupported')).toBe(false);
    expect(JSON.stringify(lines[0]!.params)).not.toMatch(/versions/);
  });
});
