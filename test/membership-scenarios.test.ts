// The built-in membership scenarios against what they claim, and the host's side of membership in real runs:
// a spare boots when its add is appended and ends with every entry applied, a learner catches up by snapshot,
// a two-step replace never goes joint, a run left joint is not converged, and the scenarios' expectations fail
// when changes do not happen (a Raft refusing every change).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import type { RaftFactory, RaftUnderTest } from '../raft/contract.js';
import { RaftNode } from '../raft/node.js';
import { simulate } from '../sim/simulate.js';
import { MemorySink, Trace } from '../sim/trace.js';
import { runScenario } from '../src/api.js';
import { compileScenario } from '../src/scenario/compile.js';
import { scenarioFromObject } from '../src/scenario/load.js';

type TraceLine = Record<string, unknown> & { type: string; t: number };

function builtin(name: string): Record<string, unknown> {
  return YAML.parse(readFileSync(`scenarios/${name}.yaml`, 'utf8')) as Record<string, unknown>;
}

function run(document: Record<string, unknown>, seed = 1) {
  const sink = new MemorySink(2_000_000);
  const result = runScenario(scenarioFromObject(document), { seed, trace: new Trace({ sink }) }).run;
  return { run: result, lines: sink.lines.map((line) => JSON.parse(line) as TraceLine) };
}

describe('grow-3-to-5', () => {
  const { run: grown, lines } = run(builtin('grow-3-to-5'));

  it('passes, with two spares booted when their adds are appended and both members at the end', () => {
    expect(grown.outcome).toBe('passed');
    const boots = lines.filter((line) => line.type === 'boot');
    expect(boots.map((line) => line.node)).toEqual(['n4', 'n5']);
    expect(boots[0]!.t).toBeGreaterThanOrEqual(2_000_000);
    expect(boots[1]!.t).toBeGreaterThanOrEqual(5_000_000);
    const proposed = lines.filter((line) => line.type === 'conf-change').map((line) => line.request);
    expect(proposed).toEqual(['add-voter n4', 'add-voter n5']);
    expect(grown.result.metrics.membership?.finalConfig).toBe('voters=(n1 n2 n3 n4 n5)');
  });

  it('ends with the new servers holding and having applied everything the leader committed', () => {
    const state = grown.result.finalState as Record<string, { commit: number; applied: number; lastIndex: number; role: string; config?: string }>;
    const leader = Object.values(state).find((node) => node.role === 'leader')!;
    for (const id of ['n4', 'n5']) {
      expect(state[id]!.applied).toBe(leader.commit);
      expect(state[id]!.lastIndex).toBe(leader.lastIndex);
      expect(state[id]!.config).toBe('voters=(n1 n2 n3 n4 n5)');
    }
  });

  it('passes with the append-time activation too (raft.membershipActivation: append, hashicorp)', () => {
    const document = { ...builtin('grow-3-to-5'), raft: { membershipActivation: 'append' } };
    expect(compileScenario(scenarioFromObject(document).spec, 1).options.cluster.raft.membershipActivation).toBe('append');
    expect(compileScenario(scenarioFromObject(builtin('grow-3-to-5')).spec, 1).options.cluster.raft.membershipActivation).toBeUndefined();
    const { run: appended, lines } = run(document);
    expect(appended.outcome, JSON.stringify(appended.expectations.filter((e) => !e.passed))).toBe('passed');
    // In force at the leader when appended: before the entry commits.
    const inForce = lines.find((line) => line.type === 'membership' && line.config === 'voters=(n1 n2 n3 n4)')!;
    const committed = lines.find((line) => line.type === 'commit' && line.node === inForce.node && (line.index as number) >= (inForce.index as number))!;
    expect(inForce.t).toBeLessThan(committed.t);
  });

  it('fails its expectations when no change is ever appended (a Raft refusing every one)', () => {
    const refusing: RaftFactory = {
      create: (options) => refuse(RaftNode.create(options)),
      restart: (options, durable) => refuse(RaftNode.restart(options, durable)),
    };
    const options = { ...compileScenario(scenarioFromObject(builtin('grow-3-to-5')).spec, 1).options, raftImplementation: { name: 'refusing', factory: refusing } };
    const result = simulate(options);
    expect(result.verdict).toBe('ok');
    expect(result.metrics.membership).toMatchObject({ finalVoters: 3, changes: 0 });
    const failed = runScenario(scenarioFromObject(builtin('grow-3-to-5')), { seed: 1, raft: { create: refusing.create, restart: refusing.restart } }).run;
    expect(failed.outcome).toBe('expectations');
    expect(failed.expectations.filter((e) => !e.passed).map((e) => e.expression)).toEqual(expect.arrayContaining(['membership.finalVoters == 5', 'membership.changes == 2']));
  });
});

function refuse(node: RaftUnderTest): RaftUnderTest {
  return Object.assign(node, { proposeConfChange: () => ({ ok: false, reason: 'invalid', detail: 'refused by the test', leader: null }) as const });
}

describe('replace-leader', () => {
  it('joint: one joint period, the old leader steps down and is no member at the end', () => {
    const { run: replaced, lines } = run(builtin('replace-leader'));
    expect(replaced.outcome).toBe('passed');
    const conf = lines.filter((line) => line.type === 'conf-change');
    expect(conf[0]!.request).toMatch(/^add-voter n4, remove n\d \(joint-implicit\)$/);
    expect(conf[1]).toMatchObject({ request: 'leave-joint', auto: true });
    const stepDown = lines.find((line) => line.type === 'removed-step-down')!;
    expect(conf[0]!.node).toBe(stepDown.node);
    expect(replaced.result.metrics.membership!.finalConfig).not.toContain(String(stepDown.node));
  });

  it('in two steps: add first, then remove, never joint', () => {
    const document = { ...builtin('replace-leader'), faults: [{ at: '3s', replace: { node: 'leader', joint: false } }], expectations: ['verdict == ok', 'membership.jointPeriods == 0', 'membership.finalVoters == 3', 'membership.changes == 2'] };
    const { run: replaced, lines } = run(document);
    expect(replaced.outcome, JSON.stringify(replaced.expectations)).toBe('passed');
    const requests = lines.filter((line) => line.type === 'conf-change').map((line) => line.request);
    expect(requests).toHaveLength(2);
    expect(requests[0]).toBe('add-voter n4');
    expect(requests[1]).toMatch(/^remove n\d$/);
  });
});

describe('the liveness check and membership', () => {
  it('a run left in a joint configuration does not converge, and says so', () => {
    const document = { question: 'joint forever?', cluster: { nodes: 4, initialMembers: 3 }, workload: { clients: 2 }, duration: '3s', livenessBound: '2s', faults: [{ at: '1s', 'enter-joint': { add: ['n4'], remove: ['n1'], autoLeave: false } }] };
    const { run: stuck } = run(document);
    expect(stuck.result.verdict).toBe('liveness');
    expect(stuck.result.liveness?.reason).toMatch(/^still joint at leader n\d: voters=\(n2 n3 n4\)&&\(n1 n2 n3\)$/);
    expect(stuck.result.metrics.membership).toMatchObject({ jointAtEnd: 1, jointPeriods: 1 });
    // The same with its leave-joint converges.
    const left = run({ ...document, faults: [...document.faults, { at: '2s', 'leave-joint': null }] });
    expect(left.run.result.verdict).toBe('ok');
  });

  it('leaves out a removed node that keeps running behind (remove-partitioned-node)', () => {
    const { run: removed } = run(builtin('remove-partitioned-node'));
    expect(removed.outcome).toBe('passed');
    const state = removed.result.finalState as Record<string, { status: string; commit: number; config?: string }>;
    expect(state.n5!.status).toBe('up');
    expect(state.n5!.commit).toBeLessThan(state.n1!.commit);
    expect(state.n1!.config).toBe('voters=(n1 n2 n3 n4)');
  });
});

describe('learner-snapshot-catch-up', () => {
  it('the learner catches up by InstallSnapshot before it is promoted', () => {
    const { run: learned, lines } = run(builtin('learner-snapshot-catch-up'));
    expect(learned.outcome).toBe('passed');
    expect(learned.result.metrics.membership!.catchUp.n4).toMatchObject({ bySnapshot: true });
    const install = lines.find((line) => line.type === 'snapshot-install' && line.node === 'n4')!;
    const promoted = lines.find((line) => line.type === 'conf-change' && line.request === 'add-voter n4')!;
    expect(install.t).toBeLessThan(promoted.t);
    const configs = lines.filter((line) => line.type === 'membership' && line.node === 'n4').map((line) => line.config);
    expect(configs).toEqual(['voters=(n1 n2 n3) learners=(n4)', 'voters=(n1 n2 n3 n4)']);
  });
});
