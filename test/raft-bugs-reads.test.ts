// Proof that each broken switch of the reads area deviates (see test/raft-bugs.test.ts for the catalogue and the
// scheme): one message sequence, run with the switch on and off. A read is stale when it is served at an index
// below a write that was committed (and acknowledged) before the read began.
import { describe, expect, it } from 'vitest';
import type { ReadResult } from '../raft/types.js';
import { Harness } from './support/raft-harness.js';
import { anyOf, appliedAt, heartbeatRound, is, three, wait, withSwitch } from './support/raft-bugs.js';

interface ReadOutcome {
  readonly result: ReadResult;
  readonly served: readonly { requestId: number; index: number }[];
  /** The index of "x", committed before the read began. */
  readonly xIndex: number;
}

/** Fixed election timeouts of 150 ms (so the timeline is exact) and lease reads. */
const leaseConfig = { leaseReads: true, electionTimeoutMinUs: 150_000, electionTimeoutMaxUs: 150_000 };

/** n1 leads term 1 and is then cut off without noticing; n2 wins term 2 with n3 and commits "x". n1 is asked
 *  for a read. */
function deposedLeaderReadRun(on: boolean): ReadOutcome {
  const h = new Harness(three, withSwitch('readIndexWithoutConfirmation', on));
  h.campaign('n1');
  h.isolate('n1');
  wait(h, 1_000_000);
  h.campaign('n2');
  h.propose('n2', 'x');
  const xIndex = h.node('n2').log.committed;
  const result = h.node('n1').read(7, h.localUs('n1'));
  h.deliverAll();
  return { result, served: h.reads.get('n1')!, xIndex };
}

describe('readIndexWithoutConfirmation: thesis 6.4, ReadIndex step 3, "the leader ... send[s] a new round of heartbeats and wait[s] for their acknowledgments from a majority"', () => {
  it('with the switch the deposed n1 serves the read at once, at index 1, below "x" at 3; without it the read waits for a confirmation that never comes', () => {
    expect(deposedLeaderReadRun(true)).toEqual({ result: { ok: true, mode: 'read-index' }, served: [{ requestId: 7, index: 1 }], xIndex: 3 });
    expect(deposedLeaderReadRun(false)).toEqual({ result: { ok: true, mode: 'read-index' }, served: [], xIndex: 3 });
  });
});

/** n1 wins term 1 at t0; its first AppendEntries (sent at t0) is acknowledged at once, and n1 is cut off. The
 *  followers' clocks run 4.7% fast (inside the 5% drift bound), so 143 ms later they read 150 ms since n1 was
 *  last heard: stickiness ends, n2 wins term 2 and commits "x". At t0 + 146 ms n1 is asked for a read. */
function driftedLeaseRun(on: boolean): ReadOutcome {
  const h = new Harness(three, withSwitch('leaseWithoutDriftMargin', on, leaseConfig));
  h.campaign('n1');
  const t0 = h.nowUs;
  h.isolate('n1');
  h.clockOffsetUs.set('n2', 7_000).set('n3', 7_000);
  h.nowUs = t0 + 143_000;
  h.campaign('n2');
  expect(h.node('n2').role).toBe('leader');
  h.propose('n2', 'x');
  const xIndex = h.node('n2').log.committed;
  h.nowUs = t0 + 146_000;
  const result = h.node('n1').read(1, h.localUs('n1'));
  h.flush('n1');
  return { result, served: h.reads.get('n1')!, xIndex };
}

describe('leaseWithoutDriftMargin: thesis 6.4.1, the lease must allow for clock drift between the leader and its followers', () => {
  it('with the switch n1 still holds a 150 ms lease at 146 ms and serves index 1, below "x" at 3; without it the lease ended at 142.5 ms', () => {
    expect(driftedLeaseRun(true)).toEqual({ result: { ok: true, mode: 'lease' }, served: [{ requestId: 1, index: 1 }], xIndex: 3 });
    expect(driftedLeaseRun(false)).toEqual({ result: { ok: true, mode: 'read-index' }, served: [], xIndex: 3 });
  });
});

/** n1 leads term 1 from t0. At t1 = t0 + 50 ms it sends a heartbeat, which the followers get at once; their replies
 *  take 60 ms to come back. n1 is then cut off. At t1 + 150 ms the followers' stickiness ends and n2 wins term 2 and
 *  commits "x"; at t1 + 160 ms n1 is asked for a read. */
function slowReplyLeaseRun(on: boolean): ReadOutcome {
  const h = new Harness(three, withSwitch('leaseFromReceiveTime', on, leaseConfig));
  h.campaign('n1');
  heartbeatRound(h, 'n1', is('Heartbeat', 'n1'));
  const t1 = h.nowUs;
  h.nowUs = t1 + 60_000;
  h.deliverWhere(is('HeartbeatResponse', undefined, 'n1'));
  h.isolate('n1');
  h.nowUs = t1 + 150_000;
  h.campaign('n2');
  expect(h.node('n2').role).toBe('leader');
  h.propose('n2', 'x');
  const xIndex = h.node('n2').log.committed;
  h.nowUs = t1 + 160_000;
  const result = h.node('n1').read(1, h.localUs('n1'));
  h.flush('n1');
  return { result, served: h.reads.get('n1')!, xIndex };
}

describe('leaseFromReceiveTime: thesis 6.4.1, the lease runs from when the leader sent the heartbeat that a majority acknowledged', () => {
  it('with the switch the slow replies move the lease start to t1 + 60 ms and n1 serves index 1 at t1 + 160 ms, below "x"; without it the lease ended at t1 + 142.5 ms', () => {
    expect(slowReplyLeaseRun(true)).toEqual({ result: { ok: true, mode: 'lease' }, served: [{ requestId: 1, index: 1 }], xIndex: 3 });
    expect(slowReplyLeaseRun(false)).toEqual({ result: { ok: true, mode: 'read-index' }, served: [], xIndex: 3 });
  });
});

/** n1 leads term 1, replicates "x" to n2 only, commits and applies it (its client is answered); the commit index
 *  never reaches n2. n1 fails; n2 wins term 2 with n3 and is asked for a read before its noop commits. */
function newLeaderReadRun(on: boolean): ReadOutcome {
  const h = new Harness(three, withSwitch('readBeforeCurrentTermCommit', on));
  h.campaign('n1');
  h.cut.add('n1->n3');
  h.node('n1').propose('x', 1, h.localUs('n1'));
  h.deliverWhere(anyOf((m) => m.type === 'AppendEntries' && m.to === 'n2' && m.entries.length > 0, is('AppendEntriesResponse', 'n2', 'n1')));
  expect(appliedAt(h, 'n1', 2)?.data).toBe('x');
  expect(h.node('n2').log.committed).toBe(1);
  h.isolate('n1');
  wait(h, 1_000_000);
  h.timeout('n2');
  h.deliverWhere(anyOf(is('PreVote'), is('PreVoteResponse'), is('RequestVote'), is('RequestVoteResponse')));
  expect(h.node('n2').role).toBe('leader');
  const result = h.node('n2').read(9, h.localUs('n2'));
  h.deliverAll();
  return { result, served: h.reads.get('n2')!, xIndex: 2 };
}

describe('readBeforeCurrentTermCommit: thesis 6.4, ReadIndex step 1, "If the leader has not yet marked an entry from its current term committed, it waits until it has done so"', () => {
  it("with the switch n2 reads at its lagging commit index 1, missing the acknowledged \"x\" at 2; without it the read waits for n2's noop and is served at 3", () => {
    expect(newLeaderReadRun(true)).toEqual({ result: { ok: true, mode: 'read-index' }, served: [{ requestId: 9, index: 1 }], xIndex: 2 });
    expect(newLeaderReadRun(false)).toEqual({ result: { ok: true, mode: 'read-index' }, served: [{ requestId: 9, index: 3 }], xIndex: 2 });
  });
});
