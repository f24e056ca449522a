// Membership on the simulator's side (issue #12): spare servers (cluster.initialMembers), the membership faults
// as scenario items and as the requests proposed to the leader, the retry bound, the refusal of a Raft without
// proposeConfChange, and the membership metrics. The runs with real configuration changes are in
// test/membership-scenarios.test.ts.
import { beforeAll, describe, expect, it } from 'vitest';
import type { RaftFactory, RaftUnderTest } from '../raft/contract.js';
import { applyConfChange, describeMembership, describeRequest, simpleMembership, type ConfChangeRequest, type Membership } from '../raft/membership.js';
import { RaftNode } from '../raft/node.js';
import type { ConfChangeResult } from '../raft/types.js';
import { maxAttempts, retryIntervalUs, UnsupportedByRaftError } from '../sim/cluster/cluster.js';
import { churnRequest } from '../sim/cluster/cluster.js';
import { Random } from '../sim/random.js';
import { catchUpWithinEntries, MembershipCollector } from '../sim/membership-metrics.js';
import type { Fault } from '../sim/nemesis.js';
import { simulate, type SimulationOptions } from '../sim/simulate.js';
import { MemorySink, Trace } from '../sim/trace.js';
import { UsageError } from '../src/errors.js';
import { runLoadedScenario } from '../src/run-scenario.js';
import { compileScenario } from '../src/scenario/compile.js';
import { SpecError } from '../src/scenario/errors.js';
import { parseScenarioText, scenarioFromObject } from '../src/scenario/load.js';
import { specToDocument, toYaml } from '../src/scenario/serialize.js';
import { withNodes } from '../src/spec-edit.js';

function compiled(value: Record<string, unknown>, seed = 1): SimulationOptions {
  return compileScenario(scenarioFromObject({ question: 'membership?', ...value }).spec, seed).options;
}

function specProblems(value: Record<string, unknown>): string {
  try {
    compileScenario(scenarioFromObject({ question: 'membership?', ...value }).spec, 1);
  } catch (error) {
    if (error instanceof SpecError || error instanceof Error) return error.message;
  }
  return 'no error';
}

function records(options: SimulationOptions): Record<string, unknown>[] {
  const sink = new MemorySink(2_000_000);
  simulate(options, new Trace({ sink }));
  return sink.lines.map((line) => JSON.parse(line) as Record<string, unknown>);
}

const membershipItems = [
  { at: '1s', 'add-node': 'n4' },
  { at: '1s', 'add-learner': 'n5' },
  { at: '2s', 'remove-node': 'leader' },
  { at: '2s', promote: 'n5' },
  { at: '2s', demote: 'follower' },
  { at: '3s', replace: 'leader' },
  { at: '3s', replace: { node: 'n2', with: 'n4', joint: false } },
  { at: '4s', 'enter-joint': { add: ['n4'], learners: ['n5'], remove: ['n1', 'leader'], autoLeave: false } },
  { at: '5s', 'leave-joint': null },
];

describe('membership faults in a scenario', () => {
  it('compile to the simulator faults they name', () => {
    const options = compiled({ cluster: { nodes: 5, initialMembers: 3 }, duration: '6s', faults: membershipItems });
    expect(options.cluster.nodeIds).toEqual(['n1', 'n2', 'n3', 'n4', 'n5']);
    expect(options.cluster.initialMembers).toEqual(['n1', 'n2', 'n3']);
    const faults = options.faults.map((item) => item.fault);
    expect(faults).toEqual<Fault[]>([
      { kind: 'add-node', node: 'n4' },
      { kind: 'add-learner', node: 'n5' },
      { kind: 'remove-node', node: 'leader' },
      { kind: 'promote', node: 'n5' },
      { kind: 'demote', node: 'follower' },
      { kind: 'replace', node: 'leader', with: null, joint: true },
      { kind: 'replace', node: 'n2', with: 'n4', joint: false },
      {
        kind: 'enter-joint',
        changes: [
          { op: 'add-voter', node: 'n4' },
          { op: 'add-learner', node: 'n5' },
          { op: 'remove', node: 'n1' },
          { op: 'remove', node: 'leader' },
        ],
        autoLeave: false,
      },
      { kind: 'leave-joint' },
    ]);
  });

  it('are written back to a file that loads as the same scenario', () => {
    const spec = scenarioFromObject({ question: 'membership?', cluster: { nodes: 5, initialMembers: ['n1', 'n2', 'n3'] }, duration: '6s', faults: membershipItems }).spec;
    const text = toYaml(specToDocument(spec));
    const again = parseScenarioText(text, { kind: 'inline', ref: 'again.yaml', path: null }, 'again').spec;
    expect(compileScenario(again, 1).options.faults).toEqual(compileScenario(spec, 1).options.faults);
    expect(text).toContain('initialMembers:');
    expect(text).toContain('enter-joint:');
  });

  it('name their problems: an unknown node, a dynamic target where a node must be named, an empty joint change', () => {
    expect(specProblems({ cluster: { nodes: 3 }, faults: [{ at: '1s', 'add-node': 'n7' }] })).toMatch(/faults\[0\]\.add-node: found "n7", expected a node of the cluster \(n1, n2, n3\)/);
    expect(specProblems({ cluster: { nodes: 3 }, faults: [{ at: '1s', 'add-node': 'leader' }] })).toMatch(/faults\[0\]\.add-node: found "leader", expected a node id/);
    expect(specProblems({ cluster: { nodes: 3 }, faults: [{ at: '1s', 'enter-joint': { autoLeave: true } }] })).toMatch(/at least one change: add, learners or remove/);
    expect(specProblems({ cluster: { nodes: 3 }, faults: [{ at: '1s', replace: { node: 'leader', with: 'n9' } }] })).toMatch(/faults\[0\]\.replace\.with: found "n9"/);
    expect(specProblems({ cluster: { nodes: 3, initialMembers: 4 } })).toMatch(/cluster\.initialMembers: found 4, expected at most the 3 nodes of the cluster/);
    expect(specProblems({ cluster: { nodes: 3, initialMembers: ['n1', 'n6'] } })).toMatch(/cluster\.initialMembers\[1\]: found "n6"/);
  });
});

describe('shrinking a membership scenario to fewer nodes', () => {
  it('keeps the bootstrap voters among the kept nodes and drops changes naming the others', () => {
    const spec = scenarioFromObject({ question: 'q', cluster: { nodes: ['n1', 'n2', 'n3', 'n4', 'n5'], initialMembers: ['n1', 'n2', 'n5'] }, faults: [{ at: '1s', 'add-node': 'n4' }, { at: '2s', 'remove-node': 'leader' }] }).spec;
    const narrowed = withNodes(spec, 4);
    expect(narrowed.cluster?.initialMembers).toEqual(['n1', 'n2']);
    expect(narrowed.faults?.map((item) => item.fault.kind)).toEqual(['add-node', 'remove-node']);
    const three = withNodes(spec, 3);
    expect(three.faults?.map((item) => item.fault.kind)).toEqual(['remove-node']);
    expect(withNodes(scenarioFromObject({ question: 'q', cluster: { nodes: 5, initialMembers: 4 } }).spec, 3).cluster?.initialMembers).toBe(3);
  });
});

describe('spare servers', () => {
  const base = { workload: { clients: 3 }, duration: '3s', livenessBound: '5s' };
  let withSpares: Record<string, unknown>[] = [];
  let threeNodes: Record<string, unknown>[] = [];
  beforeAll(() => {
    withSpares = records(compiled({ ...base, cluster: { nodes: 5, initialMembers: 3 } }));
    threeNodes = records(compiled({ ...base, cluster: { nodes: 3 } }));
  });

  it('do not run until a change adds them, and the run converges without them', () => {
    const named = (id: string) => withSpares.filter((record) => record.node === id || record.from === id || record.to === id);
    expect(named('n4').filter((record) => record.type !== 'log')).toEqual([]);
    expect(named('n5').filter((record) => record.type !== 'log')).toEqual([]);
    expect(withSpares.at(-1)).toMatchObject({ type: 'end', verdict: 'ok' });
  });

  it('do not shift the draws of the others: the trace is the three-node trace, spares\' samples and meta aside', () => {
    const strip = (lines: Record<string, unknown>[]) => lines.filter((record) => record.type !== 'meta' && record.type !== 'end' && !(record.type === 'log' && (record.node === 'n4' || record.node === 'n5')));
    expect(strip(withSpares)).toEqual(strip(threeNodes));
    expect(withSpares[0]).toMatchObject({ type: 'meta', params: { nodes: ['n1', 'n2', 'n3', 'n4', 'n5'], initialMembers: ['n1', 'n2', 'n3'] } });
    expect((threeNodes[0] as { params: Record<string, unknown> }).params.initialMembers).toBeUndefined();
  });

  it('put metrics.membership in the result (and a run without them has none)', () => {
    const result = simulate(compiled({ ...base, cluster: { nodes: 5, initialMembers: 3 } }));
    expect(result.metrics.membership).toMatchObject({ changes: 0, proposed: 0, jointPeriods: 0, timeJointUs: 0, finalVoters: 3, finalConfig: 'voters=(n1 n2 n3)', catchUp: {} });
    expect(result.finalState.n4).toMatchObject({ status: 'down', spare: true });
    expect(simulate(compiled({ ...base, cluster: { nodes: 3 } })).metrics.membership).toBeUndefined();
  });
});

/** RaftNode with a proposeConfChange that always answers `result` (the retry loop without a real change). */
function answering(result: (request: ConfChangeRequest) => ConfChangeResult): RaftFactory {
  const wrap = (node: RaftUnderTest): RaftUnderTest => Object.assign(node, { proposeConfChange: (request: ConfChangeRequest) => result(request) });
  return { create: (options) => wrap(RaftNode.create(options)), restart: (options, durable) => wrap(RaftNode.restart(options, durable)) };
}

/** RaftNode without the membership methods, as a user's module might be. */
const withoutMembership: RaftFactory = {
  create: (options) => Object.assign(RaftNode.create(options), { proposeConfChange: undefined }),
  restart: (options, durable) => Object.assign(RaftNode.restart(options, durable), { proposeConfChange: undefined }),
};

describe('proposing a change', () => {
  const options = (faults: Record<string, unknown>[]) => compiled({ cluster: { nodes: 3 }, workload: { clients: 1 }, duration: '8s', livenessBound: '3s', faults });

  it('retries a passing refusal every 100 ms, at most 50 times, and traces each attempt', () => {
    const run = { ...options([{ at: '1s', 'add-node': 'n3' }]), raftImplementation: { name: 'pending', factory: answering(() => ({ ok: false, reason: 'pending-change', detail: 'a change is pending', leader: null })) } };
    const refused = records(run).filter((record) => record.type === 'conf-change-refused');
    expect(refused).toHaveLength(maxAttempts);
    expect(refused.map((record) => record.attempt)).toEqual(Array.from({ length: maxAttempts }, (_, k) => k + 1));
    expect(refused.map((record) => record.t)).toEqual(Array.from({ length: maxAttempts }, (_, k) => 1_000_000 + k * retryIntervalUs));
    expect(refused.map((record) => record.final)).toEqual(Array.from({ length: maxAttempts }, (_, k) => k === maxAttempts - 1));
    expect(refused[0]).toMatchObject({ reason: 'pending-change', request: 'add-voter n3', detail: 'a change is pending' });
  });

  it('gives up at once on an invalid change, with the detail', () => {
    const run = { ...options([{ at: '1s', 'remove-node': 'n2' }]), raftImplementation: { name: 'invalid', factory: answering((request) => ({ ok: false, reason: 'invalid', detail: `cannot: ${request.changes[0]!.op}`, leader: null })) } };
    const refused = records(run).filter((record) => record.type === 'conf-change-refused');
    expect(refused).toEqual([expect.objectContaining({ reason: 'invalid', detail: 'cannot: remove', attempt: 1, final: true, request: 'remove n2' })]);
  });

  it('waits for a leader when there is none yet (no-leader, node null)', () => {
    const run = { ...options([{ at: 0, 'add-node': 'n3' }]), raftImplementation: { name: 'ok', factory: answering(() => ({ ok: true, index: 1, term: 1 })) } };
    const refused = records(run).filter((record) => record.type === 'conf-change-refused');
    expect(refused.length).toBeGreaterThan(0);
    expect(refused[0]).toMatchObject({ node: null, reason: 'no-leader', final: false });
  });

  it('traces a fault whose target names nobody (a replace with no spare left) as no-target, and proposes nothing', () => {
    const run = { ...options([{ at: '1s', replace: 'leader' }]), raftImplementation: { name: 'ok', factory: answering(() => ({ ok: true, index: 1, term: 1 })) } };
    const lines = records(run);
    expect(lines.filter((record) => record.type === 'conf-change-refused')).toEqual([
      { t: 1_000_000, type: 'conf-change-refused', node: null, request: 'replace', reason: 'no-target', detail: 'no node to remove, or no spare server left to add', attempt: 0, final: true },
    ]);
  });

  it('chooses a retried churn change again, from the configuration in force then (random-chaos seed 1241)', () => {
    // The fake leader refuses every first attempt (a change pending) and applies it meanwhile: four voters at
    // the first choice, three at the retry. A choice kept from the first (remove or demote a voter) would leave
    // two voters, below the bound.
    const ids = ['n1', 'n2', 'n3', 'n4', 'n5', 'n6'];
    // Whichever node leads is a voter of both (the sim's leader is a voter of its own configuration).
    const voters = (leader: string, count: number) => simpleMembership([leader, ...ids.filter((id) => id !== leader)].slice(0, count));
    const taken: { request: ConfChangeRequest; leader: string }[] = [];
    let retry = false;
    const wrap = (node: RaftUnderTest): RaftUnderTest =>
      Object.defineProperties(node, {
        membership: { get: () => voters(node.id, retry ? 3 : 4) },
        proposeConfChange: {
          value: (request: ConfChangeRequest): ConfChangeResult => {
            if (!retry) {
              retry = true;
              return { ok: false, reason: 'pending-change', detail: 'a change is pending', leader: null };
            }
            retry = false;
            taken.push({ request, leader: node.id });
            return { ok: true, index: 1, term: 1 };
          },
        },
      });
    const factory: RaftFactory = { create: (o) => wrap(RaftNode.create(o)), restart: (o, d) => wrap(RaftNode.restart(o, d)) };
    const faults = Array.from({ length: 12 }, (_, k) => ({ at: `${1 + k * 0.5}s`, churn: { minVoters: 3, maxVoters: 4 } }));
    // The fake's configuration is not the log's: the checks would rightly object, so they are off here.
    simulate({ ...compiled({ cluster: { nodes: 6 }, workload: { clients: 1 }, duration: '8s', livenessBound: '3s', faults }), checkInvariants: false, raftImplementation: { name: 'pending-once', factory } });
    expect(taken).toHaveLength(12);
    for (const { request, leader } of taken) {
      const outcome = applyConfChange(voters(leader, 3), request);
      expect(outcome.ok && outcome.membership.voters.length >= 3, describeRequest(request)).toBe(true);
    }
  });

  it('is refused before the run, naming the fault and the method, on a Raft without proposeConfChange', () => {
    const run = { ...options([{ at: '1s', 'add-node': 'n3' }]), raftImplementation: { name: './my-raft.js', factory: withoutMembership } };
    expect(() => simulate(run)).toThrow(UnsupportedByRaftError);
    expect(() => simulate(run)).toThrow(/the fault add-node changes membership, which needs proposeConfChange\(request, nowUs\).*\.\/my-raft\.js does not implement it/);
    const scenario = scenarioFromObject({ name: 'grow', question: 'membership?', cluster: { nodes: 3 }, duration: '3s', faults: [{ at: '1s', 'add-node': 'n3' }] });
    expect(() => runLoadedScenario(scenario, 1, { raft: { name: './my-raft.js', factory: withoutMembership } })).toThrow(UsageError);
    // Without a membership fault the same Raft runs.
    expect(simulate({ ...run, faults: [], durationUs: 1_000_000 }).verdict).toBe('ok');
  });
});

describe('membership churn', () => {
  const members = (voters: string[], learners: string[] = []) => ({ ...simpleMembership(voters), learners });
  const servers = ['n1', 'n2', 'n3', 'n4', 'n5', 'n6', 'n7'];

  it('leaves an explicit joint configuration first, and leaves one with auto-leave to the leader', () => {
    const joint = { voters: ['n1', 'n2', 'n4'], outgoing: ['n1', 'n2', 'n3'], learners: [], learnersNext: [], autoLeave: false };
    expect(churnRequest(joint, servers, 'n1', { minVoters: 3, maxVoters: 7 }, Random.fromSeed(1))).toEqual({ changes: [], transition: 'auto' });
    expect(churnRequest({ ...joint, autoLeave: true }, servers, 'n1', { minVoters: 3, maxVoters: 7 }, Random.fromSeed(1))).toBeNull();
  });

  it('keeps the voters within the bounds, and every request it makes applies to the configuration', () => {
    const random = Random.fromSeed(7);
    let membership: Membership = members(['n1', 'n2', 'n3', 'n4', 'n5']);
    const seen = new Set<string>();
    for (let k = 0; k < 2_000; k++) {
      const leader = membership.voters[0]!;
      const request = churnRequest(membership, servers, leader, { minVoters: 3, maxVoters: 5 }, random);
      if (request === null) {
        // Only a joint configuration with auto-leave: the leader leaves it.
        expect(membership.autoLeave, describeMembership(membership)).toBe(true);
        const left = applyConfChange(membership, { changes: [], transition: 'auto' });
        if (left.ok) membership = left.membership;
        seen.add('auto-leave');
        continue;
      }
      const outcome = applyConfChange(membership, request!);
      expect(outcome.ok, `${describeMembership(membership)}: ${describeRequest(request!)}`).toBe(true);
      if (!outcome.ok) return;
      seen.add(request!.changes.length === 0 ? 'leave' : `${request!.changes.map((change) => change.op).join('+')}/${request!.transition}`);
      membership = outcome.membership;
      const incoming = membership.voters.length;
      expect(incoming).toBeGreaterThanOrEqual(3);
      expect(incoming).toBeLessThanOrEqual(5);
    }
    expect([...seen].sort()).toEqual(['add-learner/auto', 'add-voter+remove/auto', 'add-voter+remove/joint-implicit', 'add-voter/auto', 'auto-leave', 'remove/auto']);
  });

});

describe('the membership metrics', () => {
  it('count joint periods and their time, and the catch-up of each added node', () => {
    const collector = new MembershipCollector(simpleMembership(['n1', 'n2', 'n3']));
    const joint = { voters: ['n1', 'n2', 'n4'], outgoing: ['n1', 'n2', 'n3'], learners: [], learnersNext: [], autoLeave: true };
    const left = simpleMembership(['n1', 'n2', 'n4']);
    expect(collector.onMembership(1_000, 5, joint, true)).toBe(true);
    expect(collector.catchingUp.has('n4')).toBe(true);
    expect(collector.onMembership(1_200, 5, joint, false)).toBe(false);
    collector.onMembership(3_000, 6, left, false);
    collector.onMembership(3_500, 6, left, true);
    collector.onProgress(4_000, 'n4', 20 - catchUpWithinEntries - 1, 20);
    expect(collector.catchingUp.has('n4')).toBe(true);
    collector.onSnapshotInstalled('n4');
    collector.onProgress(6_000, 'n4', 20 - catchUpWithinEntries, 20);
    expect(collector.catchingUp.size).toBe(0);
    collector.onProposed(true);
    const result = collector.result(10_000);
    expect(result).toMatchObject({ changes: 2, proposed: 1, autoLeaves: 1, jointPeriods: 1, timeJointUs: 2_000, jointAtEnd: 0, finalVoters: 3, finalConfig: 'voters=(n1 n2 n4)', maxCatchUpUs: 5_000 });
    expect(result.catchUp.n4).toEqual({ addedAtUs: 1_000, caughtUpAtUs: 6_000, catchUpUs: 5_000, bySnapshot: true });
  });

  it('count a joint configuration still in force at the end up to the end', () => {
    const collector = new MembershipCollector(simpleMembership(['n1', 'n2', 'n3']));
    collector.onMembership(1_000, 4, { voters: ['n1', 'n2'], outgoing: ['n1', 'n2', 'n3'], learners: [], learnersNext: [], autoLeave: false }, false);
    expect(collector.result(5_000)).toMatchObject({ jointPeriods: 1, timeJointUs: 4_000, jointAtEnd: 1, finalVoters: 3, catchUp: {} });
  });
});
