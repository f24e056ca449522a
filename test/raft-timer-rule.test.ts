// raft.electionTimerRestart: when a node restarts its election timer. 'etcd' (the default) restarts it on every
// step down; 'logcabin' (the Raft paper's implementation) only on hearing a leader, on granting a vote, and when
// it was leader. Each test steps one node by hand and reads its deadline, so ignoring the rule fails it.
import { describe, expect, it } from 'vitest';
import { defaultRaftConfig, type ElectionTimerRestart, type RaftConfig } from '../raft/config.js';
import { RaftNode } from '../raft/node.js';
import type { Entry } from '../raft/types.js';

const five = ['n1', 'n2', 'n3', 'n4', 'n5'];
/** A constant draw: every timeout is min + floor(0.5 * (span + 1)) = 150 ms + 75 ms. */
const half = (): number => 0.5;
const timeoutUs = 225_000;

function entry(index: number, term: number): Entry {
  return { index, term, kind: 'normal', data: `e${index}`, bytes: 8 };
}

function node(rule: ElectionTimerRestart | undefined, patch: Partial<RaftConfig> = {}, term = 1, entries: Entry[] = [entry(1, 1)]): RaftNode {
  const config: RaftConfig = { ...defaultRaftConfig('n1', five), preVote: false, checkQuorum: false, leaderStickiness: false, ...patch, ...(rule !== undefined ? { electionTimerRestart: rule } : {}) };
  return RaftNode.restart({ config, random: half, nowUs: 0 }, { hardState: { term, vote: null, commit: 0 }, snapshot: null, entries });
}

function drain(n: RaftNode): void {
  while (n.hasReady()) n.advance(n.ready());
}

describe('election-timer restart rule', () => {
  it.each([
    ['etcd (default)', undefined, 100_000 + timeoutUs],
    ['etcd', 'etcd' as const, 100_000 + timeoutUs],
    ['logcabin', 'logcabin' as const, timeoutUs],
  ])('%s: a vote request of a higher term from a candidate whose log is behind', (_name, rule, deadline) => {
    const n = node(rule);
    expect(n.nextDeadlineUs()).toBe(timeoutUs);
    n.step({ type: 'RequestVote', from: 'n2', to: 'n1', term: 2, lastLogIndex: 0, lastLogTerm: 0, transfer: false }, 100_000);
    expect(n.currentTerm).toBe(2);
    expect(n.votedFor).toBeNull();
    expect(n.nextDeadlineUs()).toBe(deadline);
  });

  it.each([
    ['etcd', 'etcd' as const, 400_000 + timeoutUs],
    ['logcabin', 'logcabin' as const, 2 * timeoutUs],
  ])('%s: a candidate that loses its election', (_name, rule, deadline) => {
    const n = node(rule, {}, 1, []);
    n.tick(timeoutUs);
    expect(n.role).toBe('candidate');
    drain(n);
    for (const from of ['n2', 'n3', 'n4']) n.step({ type: 'RequestVoteResponse', from, to: 'n1', term: 2, reject: true }, 400_000);
    expect(n.role).toBe('follower');
    expect(n.nextDeadlineUs()).toBe(deadline);
  });

  it.each(['etcd', 'logcabin'] as const)('%s: hearing a leader, granting a vote, and a leader stepping down all restart it', (rule) => {
    const heard = node(rule);
    heard.step({ type: 'Heartbeat', from: 'n2', to: 'n1', term: 2, commit: 0, readContext: 0, sentAtUs: 0 }, 100_000);
    expect(heard.nextDeadlineUs()).toBe(100_000 + timeoutUs);

    const voter = node(rule);
    voter.step({ type: 'RequestVote', from: 'n2', to: 'n1', term: 2, lastLogIndex: 1, lastLogTerm: 1, transfer: false }, 100_000);
    expect(voter.votedFor).toBe('n2');
    expect(voter.nextDeadlineUs()).toBe(100_000 + timeoutUs);

    const leader = node(rule, {}, 1, []);
    leader.tick(timeoutUs);
    drain(leader);
    for (const from of ['n2', 'n3']) leader.step({ type: 'RequestVoteResponse', from, to: 'n1', term: 2, reject: false }, timeoutUs + 1_000);
    expect(leader.role).toBe('leader');
    drain(leader);
    leader.step({ type: 'AppendEntriesResponse', from: 'n2', to: 'n1', term: 3, reject: true, index: 0, hintIndex: 0, hintTerm: 0, sentAtUs: 0 }, 600_000);
    expect(leader.role).toBe('follower');
    expect(leader.nextDeadlineUs()).toBe(600_000 + timeoutUs);
  });

  it('an unknown rule is a configuration error', () => {
    expect(() => node('raft' as ElectionTimerRestart)).toThrow(/electionTimerRestart must be one of etcd, logcabin/);
  });
});
