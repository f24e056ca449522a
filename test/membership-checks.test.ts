// The membership invariants in the running simulator (sim/membership-checker.ts hooked into sim/cluster/): a
// broken node of the bug catalogue (raft/bugs.ts, membership switches) trips the check named for its mistake,
// and the correct node, driven through the same changes (and a stream of random ones under faults), trips none.
// Changes are proposed straight to the leader's RaftNode here; the scenario steps and faults that do it are
// sim/'s (issue #12).
import { describe, expect, it } from 'vitest';
import { safeKnobs, type UnsafeKnobs } from '../raft/config.js';
import { isVoter, type ConfChangeRequest, type MembershipChange } from '../raft/membership.js';
import type { NodeId } from '../raft/types.js';
import { SafetyViolation } from '../sim/checker.js';
import { Cluster, defaultClusterOptions, type ClusterOptions, type SimNode } from '../sim/cluster/cluster.js';
import { defaultCompactionOptions, type CompactionOptions } from '../sim/compaction-options.js';
import { Random } from '../sim/random.js';
import { Scheduler } from '../sim/scheduler.js';
import { nodeIdsFor } from '../sim/simulate.js';
import { kvCommandBytes, makeKvCommand } from '../sim/kv.js';
import { Trace } from '../sim/trace.js';
import { defaultWorkloadOptions, Workload } from '../sim/workload.js';

interface Setup {
  readonly nodes?: number;
  readonly seed?: number;
  readonly unsafe?: Partial<UnsafeKnobs>;
  readonly compaction?: Partial<CompactionOptions>;
  readonly activation?: 'apply' | 'append';
  readonly ratePerSecond?: number;
  readonly checkQuorum?: boolean;
}

interface Sim {
  readonly scheduler: Scheduler;
  readonly cluster: Cluster;
  readonly random: Random;
  /** Runs `us` more of simulated time; the violation that stopped it, as `Invariant: message`, or null. */
  run(us: number): string | null;
  leader(): SimNode;
  propose(request: ConfChangeRequest, on?: SimNode): ReturnType<NonNullable<SimNode['raft']['proposeConfChange']>>;
}

function sim(setup: Setup = {}): Sim {
  const ids = nodeIdsFor(setup.nodes ?? 5);
  const base = defaultClusterOptions(ids);
  const options: ClusterOptions = {
    ...base,
    compaction: { ...defaultCompactionOptions, ...setup.compaction },
    raft: { ...base.raft, preVote: false, checkQuorum: setup.checkQuorum ?? base.raft.checkQuorum, unsafe: { ...safeKnobs, ...setup.unsafe }, ...(setup.activation !== undefined ? { membershipActivation: setup.activation } : {}) },
  };
  const seed = setup.seed ?? 3;
  const scheduler = new Scheduler();
  const root = Random.fromSeed(seed);
  const workload = { ...defaultWorkloadOptions, ratePerSecond: setup.ratePerSecond ?? 100 };
  const clients = new Workload(scheduler, root.child('workload'), workload, new Trace({ hash: false }), options.nodeIds);
  const cluster = new Cluster(scheduler, root, options, new Trace({ hash: false }), seed, true, { clientMessage: (to, message, from) => clients.receive(to, message, from) }, Workload.clientIds(workload));
  clients.attach(cluster);
  cluster.start();
  clients.start();
  const random = root.child('test/faults');
  return {
    scheduler,
    cluster,
    random,
    run(us) {
      try {
        scheduler.runUntil(scheduler.nowUs + us);
        return null;
      } catch (error) {
        if (error instanceof SafetyViolation) return `${error.violation.invariant}: ${error.violation.message}`;
        throw error;
      }
    },
    leader() {
      for (let tries = 0; tries < 100; tries++) {
        const leader = cluster.leader();
        if (leader !== null && leader.raft.log.term(leader.raft.log.committed) === leader.raft.currentTerm) return leader;
        scheduler.runUntil(scheduler.nowUs + 50_000);
      }
      throw new Error('no leader with an entry of its term committed');
    },
    propose(request, on) {
      const node = on ?? this.leader();
      return node.raft.proposeConfChange!(request, node.clock.localAt(scheduler.nowUs));
    },
  };
}

const change = (op: MembershipChange['op'], node: NodeId): MembershipChange => ({ op, node });
const simple = (op: MembershipChange['op'], node: NodeId): ConfChangeRequest => ({ changes: [change(op, node)], transition: 'auto' });

describe('a broken node trips the check named for its mistake; the correct one trips none', () => {
  it('manyVotersInSimpleChange: ConfigQuorumOverlap when the two-voter step commits', () => {
    const outcome = (on: boolean): string | null => {
      const s = sim({ unsafe: { manyVotersInSimpleChange: on } });
      s.run(1_000_000);
      expect(s.propose({ changes: [change('remove', 'n4'), change('remove', 'n5')], transition: 'auto' }).ok).toBe(true);
      return s.run(2_000_000);
    };
    expect(outcome(true)).toMatch(/^ConfigQuorumOverlap: n\d committed the configuration entry at index \d+ \(remove n4, remove n5\): voters=\(n1 n2 n3 n4 n5\) -> voters=\(n1 n2 n3\), configurations with disjoint quorums/);
    expect(outcome(false)).toBeNull();
  });

  it('noPendingConfCheck: OnePendingConfig when a second change is appended before the first commits', () => {
    const outcome = (on: boolean): { second: boolean; violation: string | null } => {
      const s = sim({ unsafe: { noPendingConfCheck: on } });
      s.run(1_000_000);
      const leader = s.leader();
      expect(s.propose(simple('add-learner', 'n5'), leader).ok).toBe(true);
      const second = s.propose(simple('add-learner', 'n4'), leader).ok;
      return { second, violation: s.run(1_000_000) };
    };
    const broken = outcome(true);
    expect(broken.second).toBe(true);
    expect(broken.violation).toMatch(/^OnePendingConfig: leader n\d appended a configuration entry at index (\d+) while its log holds another one not yet committed at index \d+ \(add-learner n5;/);
    expect(outcome(false)).toEqual({ second: false, violation: null });
  });

  it('confChangeBeforeTermCommit: ConfigAfterTermCommit when a new leader changes before its noop commits', () => {
    const outcome = (on: boolean): { ok: boolean; violation: string | null } => {
      const s = sim({ unsafe: { confChangeBeforeTermCommit: on } });
      let ok = false;
      let proposed = false;
      s.cluster.addObserver((event) => {
        if (event.kind !== 'leader-elected' || proposed) return;
        proposed = true;
        const leader = s.cluster.nodes.get(event.node)!;
        ok = s.propose(simple('add-learner', 'n5'), leader).ok;
      });
      return { ok, violation: s.run(1_000_000) };
    };
    const broken = outcome(true);
    expect(broken.violation).toMatch(/^ConfigAfterTermCommit: leader n\d of term \d+ appended a configuration entry at index \d+ before committing an entry of its term/);
    expect(outcome(false)).toEqual({ ok: false, violation: null });
  });

  it('snapshotWithoutConfig: SnapshotConfig when the first snapshot after a change is taken', () => {
    const outcome = (on: boolean): string | null => {
      const s = sim({ unsafe: { snapshotWithoutConfig: on }, compaction: { snapshotCount: 20 } });
      s.run(500_000);
      expect(s.propose(simple('add-learner', 'n5')).ok).toBe(true);
      return s.run(3_000_000);
    };
    expect(outcome(true)).toMatch(/^SnapshotConfig: n\d took a snapshot at index \d+ carrying voters=\(n1 n2 n3 n4 n5\), where the committed configuration entries up to it give voters=\(n1 n2 n3 n4\) learners=\(n5\)/);
    expect(outcome(false)).toBeNull();
  });

  it('removedLeaderCountsItself: CommitDurable when the removed leader commits with itself as a voter', () => {
    const outcome = (on: boolean): { violation: string | null; leads: boolean } => {
      // Without CheckQuorum, which would depose the removed leader on its own (etcd's testdata has none either).
      const s = sim({ unsafe: { removedLeaderCountsItself: on }, checkQuorum: false });
      s.run(1_000_000);
      const leader = s.leader();
      const others = [...s.cluster.nodes.keys()].filter((id) => id !== leader.id);
      // Two followers go away: the leader and the other two are a majority of the five, and two of the remaining four.
      s.cluster.applyFault({ kind: 'partition', groups: [[leader.id, others[0]!, others[1]!], [others[2]!, others[3]!]] }, s.random);
      s.run(300_000);
      expect(s.propose(simple('remove', leader.id), leader).ok).toBe(true);
      const violation = s.run(2_000_000);
      return { violation, leads: leader.raft.role === 'leader' && !isVoter(leader.raft.membership!, leader.id) };
    };
    expect(outcome(true).violation).toMatch(/^CommitDurable: n\d committed index \d+ \(term \d+\) while only 2 of 4 voters hold it durably/);
    expect(outcome(false)).toEqual({ violation: null, leads: false });
  });

  it('installSnapshotKeepsStaleConfig: ConfigInForce when a follower keeps a deposed leader\'s change over a snapshot', () => {
    const outcome = (on: boolean): string | null => {
      const s = sim({ unsafe: { installSnapshotKeepsStaleConfig: on }, compaction: { snapshotCount: 10, catchUpEntries: 2 }, checkQuorum: false, ratePerSecond: 0 });
      s.run(1_000_000);
      const old = s.leader();
      const ids = [...s.cluster.nodes.keys()];
      const follower = ids.find((id) => id !== old.id)!;
      const majority = ids.filter((id) => id !== old.id && id !== follower);
      s.cluster.applyFault({ kind: 'partition', groups: [[old.id, follower], majority] }, s.random);
      // The deposed leader's side: a long uncommitted suffix ending in a configuration entry, on its follower too.
      for (let seq = 1; seq <= 40; seq++) {
        const command = makeKvCommand('stale', seq, { op: 'put', key: 'k', value: `v${seq}` });
        old.raft.propose(command, kvCommandBytes(command), old.clock.localAt(s.scheduler.nowUs));
      }
      expect(s.propose(simple('add-learner', majority[0]!), old).ok).toBe(true);
      s.run(1_000_000);
      expect(s.cluster.nodes.get(follower)!.raft.log.lastIndex()).toBeGreaterThan(40);
      // The majority elects a leader, commits past the divergence and compacts; healed, the follower gets a
      // snapshot below its stale configuration entry.
      for (let k = 0; k < 3; k++) {
        const leader = [...s.cluster.nodes.values()].find((node) => majority.includes(node.id) && node.raft.role === 'leader');
        if (leader !== undefined) {
          for (let seq = 1; seq <= 10; seq++) {
            const command = makeKvCommand(`new${k}`, seq, { op: 'put', key: 'k', value: `w${seq}` });
            leader.raft.propose(command, kvCommandBytes(command), leader.clock.localAt(s.scheduler.nowUs));
          }
        }
        const stopped = s.run(500_000);
        if (stopped !== null) return stopped;
      }
      s.cluster.applyFault({ kind: 'heal' }, s.random);
      return s.run(2_000_000);
    };
    expect(outcome(true)).toMatch(/^ConfigInForce: n\d acts under voters=\(.*\) learners=\(n\d\), but its snapshot and log give voters=\(n1 n2 n3 n4 n5\)/);
    expect(outcome(false)).toBeNull();
  });

  it('campaignWithUnappliedConfig: ElectedByQuorum when a candidate counts votes under the configuration it has not left', () => {
    const outcome = (on: boolean): string | null => {
      // A slow state machine: followers commit the change long before they apply it.
      const s = sim({ unsafe: { campaignWithUnappliedConfig: on }, compaction: { applyCostUs: 200_000 }, checkQuorum: false });
      s.run(1_000_000);
      const leader = s.leader();
      const others = [...s.cluster.nodes.keys()].filter((id) => id !== leader.id);
      const demoted = others[0]!;
      expect(s.propose(simple('add-learner', demoted), leader).ok).toBe(true);
      s.run(100_000);
      // The leader goes, and one voter of the new configuration is cut off: the three left can elect only
      // under the old configuration, with the demoted node's vote.
      s.cluster.crash(leader);
      s.cluster.applyFault({ kind: 'isolate', node: others[1]! }, s.random);
      return s.run(1_000_000);
    };
    expect(outcome(true)).toMatch(/^ElectedByQuorum: n\d became leader of term \d+ with granted votes of that term from only .*, not a quorum of /);
    expect(outcome(false)).toBeNull();
  });
});

/** A valid random change of the leader's configuration (never emptying it, never leaving fewer than 3 voters). */
function randomChange(s: Sim, leader: SimNode): ConfChangeRequest {
  const membership = leader.raft.membership!;
  if (membership.outgoing.length > 0) return { changes: [], transition: 'auto' };
  const ids = [...s.cluster.nodes.keys()];
  const node = ids[s.random.int(0, ids.length - 1)]!;
  const voter = membership.voters.includes(node);
  const learner = membership.learners.includes(node);
  const pick = s.random.int(0, 3);
  if (pick === 3 && !voter) {
    const other = ids.find((id) => id !== node && !membership.voters.includes(id));
    const changes = [change('add-voter', node), ...(other !== undefined ? [change('add-voter', other)] : [])];
    return { changes, transition: s.random.chance(1, 2) ? 'auto' : 'joint-explicit' };
  }
  if (!voter) return simple('add-voter', node);
  if (membership.voters.length <= 3) return learner ? simple('add-voter', node) : simple('add-voter', ids.find((id) => !membership.voters.includes(id)) ?? node);
  return simple(pick === 0 ? 'remove' : 'add-learner', node);
}

describe('no false alarm while the configuration changes under faults (correct node)', () => {
  for (const activation of ['apply', 'append'] as const) {
    for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
      it(`${activation}-time activation, seed ${seed}: 8 s of changes every 150 ms, crashes, partitions and snapshots every 20 entries`, () => {
        const s = sim({ seed, activation, compaction: { snapshotCount: 20, catchUpEntries: 5 } });
        let accepted = 0;
        const nodes = [...s.cluster.nodes.values()];
        for (let step = 0; step < 54; step++) {
          const violation = s.run(150_000);
          expect(violation).toBeNull();
          const leader = s.cluster.leader();
          if (leader !== null) {
            const result = s.propose(randomChange(s, leader), leader);
            if (result.ok) accepted++;
          }
          if (step % 9 === 4) {
            const victim = nodes[s.random.int(0, nodes.length - 1)]!;
            if (victim.process.status === 'up') s.cluster.crash(victim);
          }
          if (step % 9 === 7) for (const node of nodes) if (node.process.status === 'down') s.cluster.restart(node);
          if (step % 12 === 2) s.cluster.applyFault({ kind: 'isolate', node: nodes[s.random.int(0, nodes.length - 1)]!.id }, s.random);
          if (step % 12 === 6) s.cluster.applyFault({ kind: 'heal' }, s.random);
        }
        s.cluster.healAll();
        expect(s.run(3_000_000)).toBeNull();
        expect(accepted).toBeGreaterThan(5);
        expect(s.cluster.membershipChecker!.checks).toBeGreaterThan(accepted);
      });
    }
  }
});
