// Linearizable reads (thesis 6.4): ReadIndex stays linearizable under leader isolation; lease reads do too while
// clock drift stays within the lease's bound, and go stale when it does not. The checker (a per-key register
// check on the client history) must catch the stale ones.
import { describe, expect, it } from 'vitest';
import { defaultClusterOptions } from '../sim/cluster/cluster.js';
import type { ScheduledFault } from '../sim/nemesis.js';
import { defaultSimulationOptions, nodeIdsFor, simulate, type SimulationResult } from '../sim/simulate.js';
import { Trace } from '../sim/trace.js';
import { defaultWorkloadOptions } from '../sim/workload.js';

/** The leader is isolated every 2 s for 1 s. Clients read nine times as often as they write and time out fast,
 *  so some keep reading from the isolated leader while others already write through the new one. With drift on,
 *  followers' clocks run 10% fast (their stickiness window ends early in true time) and every new leader's clock
 *  runs 10% slow (its lease lasts longer in true time), against a lease drift bound of 2%. */
function run(seed: number, leaseReads: boolean, drift: boolean): SimulationResult {
  const base = defaultClusterOptions(nodeIdsFor(3));
  const clocks = Object.fromEntries(base.nodeIds.map((id) => [id, { offsetUs: 0, driftPpm: drift ? 100_000 : 0 }]));
  const faults: ScheduledFault[] = [];
  for (let k = 0; k < 4; k++) {
    faults.push({ atUs: 1_000_000 + k * 2_000_000, fault: { kind: 'isolate', node: 'leader' } });
    faults.push({ atUs: 2_000_000 + k * 2_000_000, fault: { kind: 'heal' } });
  }
  return simulate(
    defaultSimulationOptions({
      seed,
      cluster: { ...base, clocks, raft: { ...base.raft, leaseReads, leaseDriftBoundPpm: 20_000, electionTimeoutMinUs: 150_000, electionTimeoutMaxUs: 160_000 } },
      faults,
      triggers: drift ? [{ after: 'leader-elected', delayUs: 0, fault: { kind: 'clock-drift', node: 'leader', driftPpm: -100_000 }, times: 1_000 }] : [],
      workload: { ...defaultWorkloadOptions, clients: 32, ratePerSecond: 3_000, keys: 2, mix: { put: 1, get: 9, cas: 0 }, requestTimeoutUs: 20_000, backoffBaseUs: 1_000, backoffMaxUs: 5_000, maxAttempts: 50 },
      durationUs: 8_500_000,
    }),
    new Trace({ hash: false }),
  );
}

/** The same isolations without drift, but the isolated leader's wall clock steps back 400 ms just after it is
 *  cut off (an NTP step). Raft runs on the monotonic clock, which the step does not touch; the host bug
 *  raft-on-wall-clock feeds Raft the wall clock, so the lease outlives the followers' stickiness. */
function runWithStep(seed: number, raftOnWallClock: boolean): SimulationResult {
  const base = defaultClusterOptions(nodeIdsFor(3));
  const faults: ScheduledFault[] = [];
  for (let k = 0; k < 4; k++) {
    faults.push({ atUs: 1_000_000 + k * 2_000_000, fault: { kind: 'isolate', node: 'leader' } });
    faults.push({ atUs: 1_000_500 + k * 2_000_000, fault: { kind: 'clock-step', node: 'leader', deltaUs: -400_000 } });
    faults.push({ atUs: 2_000_000 + k * 2_000_000, fault: { kind: 'heal' } });
  }
  return simulate(
    defaultSimulationOptions({
      seed,
      cluster: {
        ...base,
        hostBugs: { ...base.hostBugs, raftOnWallClock },
        raft: { ...base.raft, leaseReads: true, leaseDriftBoundPpm: 20_000, electionTimeoutMinUs: 150_000, electionTimeoutMaxUs: 160_000 },
      },
      faults,
      workload: { ...defaultWorkloadOptions, clients: 32, ratePerSecond: 3_000, keys: 2, mix: { put: 1, get: 9, cas: 0 }, requestTimeoutUs: 20_000, backoffBaseUs: 1_000, backoffMaxUs: 5_000, maxAttempts: 50 },
      durationUs: 8_500_000,
    }),
    new Trace({ hash: false }),
  );
}

describe('linearizable reads', () => {
  it('lease reads survive a backward wall-clock step on the isolated leader: Raft reads the monotonic clock', () => {
    for (const seed of [1, 2, 3]) expect(runWithStep(seed, false).verdict).toBe('ok');
  });

  it('with Raft on the wall clock (host bug raft-on-wall-clock) the same step serves stale lease reads', () => {
    const stale = [1, 2, 3].map((seed) => runWithStep(seed, true)).filter((result) => result.violation?.invariant === 'LinearizableRead');
    expect(stale.length).toBeGreaterThanOrEqual(1);
  });

  it('lease reads go stale when clock drift exceeds the lease bound, and the checker names it', () => {
    const results = [1, 2, 3].map((seed) => run(seed, true, true));
    const stale = results.filter((result) => result.violation?.invariant === 'LinearizableRead');
    expect(stale.length).toBeGreaterThanOrEqual(1);
    const violation = stale[0]!.violation!;
    expect(violation.message).toMatch(/^read of k\d by c\d+ \(invoked at \d+us, served by n\d\) returned .* but ".*" was written at index \d+ and acknowledged at \d+us, before the read began$/);
    expect(stale[0]!.verdict).toBe('safety');
  });

  it('ReadIndex reads stay linearizable under the same isolation and drift', () => {
    for (const seed of [1, 2]) expect(run(seed, false, true).verdict).toBe('ok');
  });

  it('lease reads stay linearizable when the clocks do not drift', () => {
    for (const seed of [1, 2]) expect(run(seed, true, false).verdict).toBe('ok');
  });
});
