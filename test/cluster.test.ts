// The cluster under faults: safety after every event, liveness after healing, and proof that the checker
// fails when Raft is deliberately broken.
import { fc } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { safeKnobs, type UnsafeKnobs } from '../raft/config.js';
import { defaultClusterOptions } from '../sim/cluster/cluster.js';
import { KvStore, makeKvCommand } from '../sim/kv.js';
import { allChaosKinds, type ChaosKind } from '../sim/nemesis.js';
import { defaultChaosOptions, defaultSimulationOptions, nodeIdsFor, simulate, type SimulationOptions } from '../sim/simulate.js';
import { MemorySink, Trace } from '../sim/trace.js';
import { defaultWorkloadOptions } from '../sim/workload.js';

interface ChaosCase {
  seed: number;
  nodes: number;
  kinds: ChaosKind[];
  dropPercent: number;
  reorderPercent: number;
  duplicatePercent: number;
  preVote: boolean;
  checkQuorum: boolean;
}

const chaosCase: fc.Arbitrary<ChaosCase> = fc.record({
  seed: fc.integer({ min: 1, max: 1_000_000 }),
  nodes: fc.constantFrom(3, 5, 7),
  kinds: fc.subarray([...allChaosKinds], { minLength: 1 }),
  dropPercent: fc.integer({ min: 0, max: 5 }),
  reorderPercent: fc.integer({ min: 0, max: 10 }),
  duplicatePercent: fc.integer({ min: 0, max: 5 }),
  preVote: fc.boolean(),
  checkQuorum: fc.boolean(),
});

function optionsFor(c: ChaosCase, unsafe: UnsafeKnobs = safeKnobs): SimulationOptions {
  const base = defaultClusterOptions(nodeIdsFor(c.nodes));
  return defaultSimulationOptions({
    seed: c.seed,
    scenario: 'property',
    cluster: {
      ...base,
      link: { ...base.link, dropChance: c.dropPercent / 100, reorderChance: c.reorderPercent / 100, duplicateChance: c.duplicatePercent / 100 },
      raft: { ...base.raft, preVote: c.preVote, checkQuorum: c.checkQuorum, leaderStickiness: c.checkQuorum, unsafe },
    },
    chaos: { ...defaultChaosOptions, kinds: c.kinds, meanGapUs: 400_000, maxFaultDurationUs: 1_500_000 },
    durationUs: 5_000_000,
    livenessBoundUs: 10_000_000,
  });
}

function describeFailure(result: ReturnType<typeof simulate>): string {
  return `${result.verdict}: ${JSON.stringify(result.violation ?? result.liveness)}`;
}

describe('safety and liveness under random faults', () => {
  it('random cluster sizes and fault schedules give no violation and converge after healing', () => {
    fc.assert(
      fc.property(chaosCase, (c) => {
        const result = simulate(optionsFor(c), new Trace({ hash: false }));
        if (result.verdict !== 'ok') throw new Error(describeFailure(result));
        expect(result.liveness?.convergedAfterUs).not.toBeNull();
      }),
      { numRuns: 25, seed: 20261121 },
    );
  });

  it('a deliberately broken Raft (votes granted without the up-to-date check, paper 5.4.1) is caught', () => {
    const outcome = fc.check(
      fc.property(chaosCase, (c) => {
        const result = simulate(optionsFor(c, { ...safeKnobs, skipUpToDateCheck: true }), new Trace({ hash: false }));
        return result.verdict === 'ok';
      }),
      { numRuns: 200, seed: 20261121 },
    );
    expect(outcome.failed).toBe(true);
    // Shrinking keeps a failing case; rerun it and read the violation it names.
    const counterexample = outcome.counterexample![0];
    const result = simulate(optionsFor(counterexample, { ...safeKnobs, skipUpToDateCheck: true }), new Trace({ hash: false }));
    expect(result.verdict).toBe('safety');
    expect(['LeaderCompleteness', 'StateMachineSafety', 'LogMatching', 'Durability', 'ElectionSafety']).toContain(result.violation!.invariant);
    expect(result.violation!.seed).toBe(counterexample.seed);
    expect(result.violation!.event.length).toBeGreaterThan(0);
  });

  it('a deliberately broken commit rule (one replica short of a majority) is caught', () => {
    const outcome = fc.check(
      fc.property(chaosCase, (c) => simulate(optionsFor(c, { ...safeKnobs, commitWithMinority: true }), new Trace({ hash: false })).verdict === 'ok'),
      { numRuns: 200, seed: 20261121 },
    );
    expect(outcome.failed).toBe(true);
    const result = simulate(optionsFor(outcome.counterexample![0], { ...safeKnobs, commitWithMinority: true }), new Trace({ hash: false }));
    expect(result.verdict).toBe('safety');
  });

  it('a liveness failure is reported as such, not as a safety violation', () => {
    const base = defaultClusterOptions(nodeIdsFor(3));
    const result = simulate(
      defaultSimulationOptions({
        seed: 1,
        cluster: { ...base, link: { ...base.link, dropChance: 1 } },
        durationUs: 500_000,
        livenessBoundUs: 1_000_000,
      }),
      new Trace({ hash: false }),
    );
    expect(result.verdict).toBe('liveness');
    expect(result.violation).toBeNull();
    expect(result.liveness).toMatchObject({ convergedAfterUs: null, reason: 'no leader' });
  });
});

describe('persistence before sending (paper Figure 2)', () => {
  it('a granted vote leaves the voter only after its fsync completes', () => {
    const base = defaultClusterOptions(nodeIdsFor(3));
    const sink = new MemorySink();
    simulate(
      defaultSimulationOptions({
        seed: 5,
        cluster: {
          ...base,
          link: { ...base.link, latency: { kind: 'constant', valueUs: 1_000 } },
          disk: { appendLatency: { kind: 'constant', valueUs: 0 }, fsyncLatency: { kind: 'constant', valueUs: 7_000 } },
        },
        workload: { ...defaultWorkloadOptions, ratePerSecond: 0 },
        durationUs: 1_000_000,
        livenessBoundUs: 1_000_000,
      }),
      new Trace({ sink }),
    );
    const records = sink.lines.map((line) => JSON.parse(line));
    const voteDelivered = records.find((r) => r.type === 'deliver' && r.msg === 'RequestVote');
    const voteSent = records.find((r) => r.type === 'send' && r.msg === 'RequestVoteResponse' && r.from === voteDelivered.to);
    expect(voteSent.t - voteDelivered.t).toBe(7_000);
    // The pre-vote answer changes no durable state, so it goes out at once.
    const preVoteDelivered = records.find((r) => r.type === 'deliver' && r.msg === 'PreVote');
    const preVoteSent = records.find((r) => r.type === 'send' && r.msg === 'PreVoteResponse' && r.from === preVoteDelivered.to);
    expect(preVoteSent.t).toBe(preVoteDelivered.t);
  });

  it('a crash loses unsynced state only: restarted nodes recover and the cluster converges with every acknowledged write', () => {
    const base = defaultSimulationOptions({ seed: 77 });
    const result = simulate({
      ...base,
      faults: [
        { atUs: 1_000_000, fault: { kind: 'crash', node: 'leader' } },
        { atUs: 1_500_000, fault: { kind: 'crash', node: 'follower' } },
        { atUs: 2_000_000, fault: { kind: 'restart-all' } },
        { atUs: 3_000_000, fault: { kind: 'crash', node: 'leader' } },
        { atUs: 3_200_000, fault: { kind: 'restart-all' } },
      ],
      durationUs: 5_000_000,
    }, new Trace({ hash: false }));
    expect(describeFailure(result)).toBe('ok: {"healedAtUs":5000000,"convergedAfterUs":' + result.liveness!.convergedAfterUs + ',"reason":"converged"}');
    expect(result.cluster.crashes).toBe(3);
    expect(result.cluster.restarts).toBe(3);
    expect(result.workload.ok).toBeGreaterThan(500);
  });
});

describe('client sessions (thesis 6.3)', () => {
  it('a command retried with the same sequence number is applied once', () => {
    const store = new KvStore();
    const first = makeKvCommand('c1', 1, { op: 'cas', key: 'k', expected: null, value: 'a' });
    expect(store.apply(1, first)).toEqual({ kind: 'cas', ok: true, value: 'a' });
    // The retry lands at a later index; it must not apply again (a second CAS would now fail and say so).
    expect(store.apply(2, first)).toEqual({ kind: 'cas', ok: true, value: 'a' });
    expect(store.read('k')).toBe('a');
    const second = makeKvCommand('c1', 2, { op: 'put', key: 'k', value: 'b' });
    store.apply(3, second);
    expect(store.read('k')).toBe('b');
  });

  it('under tight client timeouts clients retry, and every operation still completes exactly once', () => {
    const base = defaultSimulationOptions({ seed: 3 });
    const result = simulate({
      ...base,
      workload: { ...defaultWorkloadOptions, requestTimeoutUs: 3_000, backoffBaseUs: 1_000 },
      durationUs: 3_000_000,
    }, new Trace({ hash: false }));
    expect(result.verdict).toBe('ok');
    expect(result.workload.retries).toBeGreaterThan(50);
    expect(result.workload.ok + result.workload.timedOut).toBe(result.workload.invoked);
  });
});

describe('fault targets and triggers', () => {
  it("'last-crashed' restarts exactly the node a `crash: leader` picked", () => {
    const result = simulate(
      defaultSimulationOptions({
        seed: 12,
        faults: [
          { atUs: 1_000_000, fault: { kind: 'crash', node: 'leader' } },
          { atUs: 1_500_000, fault: { kind: 'crash', node: 'follower' } },
          { atUs: 2_000_000, fault: { kind: 'restart', node: 'last-crashed' } },
          { atUs: 2_500_000, fault: { kind: 'restart', node: 'last-crashed' } },
        ],
        durationUs: 4_000_000,
      }),
      new Trace({ hash: false }),
    );
    expect(result.cluster.crashes).toBe(2);
    expect(result.cluster.restarts).toBe(2);
    expect(result.verdict).toBe('ok');
  });

  it('an event trigger fires only inside its time window, at most `times` times', () => {
    const sink = new MemorySink();
    simulate(
      defaultSimulationOptions({
        seed: 13,
        faults: [
          { atUs: 1_000_000, fault: { kind: 'isolate', node: 'leader' } },
          { atUs: 2_000_000, fault: { kind: 'heal' } },
          { atUs: 3_000_000, fault: { kind: 'isolate', node: 'leader' } },
          { atUs: 4_000_000, fault: { kind: 'heal' } },
        ],
        triggers: [{ after: 'leader-elected', delayUs: 10_000, fault: { kind: 'pause', node: 'leader', durationUs: 50_000 }, times: 5, fromUs: 2_500_000, untilUs: 5_000_000 }],
        durationUs: 6_000_000,
      }),
      new Trace({ sink }),
    );
    const records = sink.lines.map((line) => JSON.parse(line));
    const pauses = records.filter((r) => r.type === 'pause');
    const elections = records.filter((r) => r.type === 'role' && r.role === 'leader' && r.t >= 2_500_000 && r.t < 5_000_000);
    expect(pauses.length).toBeGreaterThanOrEqual(1);
    expect(pauses.length).toBeLessThanOrEqual(Math.min(5, elections.length));
    expect(pauses.every((r) => r.t >= 2_510_000)).toBe(true);
  });
});
