import type { NodeId } from './types.js';
import { isNodeVersion, type VersionSettings } from './versions.js';

/** Every knob of a Raft node. Times are in the node's monotonic clock (raft/contract.ts), microseconds. */
export interface RaftConfig {
  readonly id: NodeId;
  /** The bootstrap configuration: the voters the cluster starts with (etcd's initial cluster). Later
   *  configurations come from the log and snapshots (raft/membership.ts). A node joining later is given the same
   *  bootstrap voters, without itself: it never campaigns until a configuration makes it a voter. */
  readonly voters: readonly NodeId[];
  /** When a configuration entry takes effect (docs/raft.md, "Membership"). Absent means 'apply' (etcd: once
   *  applied); 'append' is hashicorp/raft's and the dissertation's rule (as soon as it is in the log, reverted if
   *  the entry is truncated). Written only when set, so the meta record of every run without it is unchanged. */
  readonly membershipActivation?: MembershipActivation;

  /** Election timeouts are drawn uniformly from [min, max] (Raft paper 5.2). min == max gives a fixed timeout,
   *  which is how the split-vote storms of un-jittered clusters are reproduced. */
  readonly electionTimeoutMinUs: number;
  readonly electionTimeoutMaxUs: number;
  readonly heartbeatIntervalUs: number;
  /** When the election timer restarts (docs/raft.md, "Election-timer restart rule"). Absent means 'etcd': the
   *  field is written only when set, so the meta record of every run without it is unchanged. */
  readonly electionTimerRestart?: ElectionTimerRestart;

  /** PreVote (Raft thesis 9.6): a node first asks whether it could win before bumping its term. */
  readonly preVote: boolean;
  /** CheckQuorum (thesis 6.2): a leader that has not heard from a quorum for an election timeout steps down. */
  readonly checkQuorum: boolean;
  /** Leader stickiness (thesis 4.2.3): a node that heard from a live leader within the minimum election
   *  timeout ignores vote requests, so a partitioned node rejoining cannot depose a working leader. */
  readonly leaderStickiness: boolean;
  /** On rejection the follower returns a conflict hint so the leader skips a whole term per round trip
   *  (paper 5.3). Off: the leader backs off one index per round trip, to measure the difference. */
  readonly fastBackoff: boolean;

  /** Flow control (etcd's MaxSizePerMsg, MaxInflightMsgs, MaxInflightBytes). */
  readonly maxEntriesBytesPerMessage: number;
  readonly maxInflightMessages: number;
  readonly maxInflightBytes: number;
  /** Bound on bytes proposed but not committed; proposals beyond it are refused (etcd's MaxUncommittedEntriesSize). */
  readonly maxUncommittedBytes: number;
  /** Bound on pending ReadIndex requests. */
  readonly maxPendingReads: number;

  /** Lease reads: a leader serves reads locally while a quorum acknowledged it within
   *  electionTimeoutMin x (1 - leaseDriftBoundPpm / 1e6). Relies on CheckQuorum and stickiness. */
  readonly leaseReads: boolean;
  readonly leaseDriftBoundPpm: number;

  /** Snapshot chunk size for InstallSnapshot; must stay below the network's message size limit. */
  readonly snapshotChunkBytes: number;

  /** Deliberately broken variants, off by default (raft/bugs.ts is the catalogue), to prove the checker can fail. */
  readonly unsafe: UnsafeKnobs;

  /** The node's version and the negotiation mistakes (raft/versions.ts, docs/versions.md). Absent: unversioned,
   *  as before versions existed; written only when set, so the meta record of every run without it is unchanged. */
  readonly versioning?: VersionSettings;
}

/** When a node restarts its election timer, besides starting an election (both rules restart it then).
 *  - 'etcd' (etcd-io/raft raft.go: becomeFollower, becomeCandidate and becomePreCandidate all call reset(term),
 *    which zeroes electionElapsed and redraws randomizedElectionTimeout): on every step down, so also when a
 *    higher-term vote request arrives from a candidate that cannot win, and after losing an election; and on
 *    hearing a leader and granting a vote.
 *  - 'logcabin' (logcabin/logcabin Server/RaftConsensus.cc, the Raft paper's implementation: setElectionTimer is
 *    called from handleAppendEntries, handleInstallSnapshot, handleRequestVote when it grants the vote,
 *    startNewElection, and stepDown only `if (startElectionAt == TimePoint::max()) // was leader`): on hearing a
 *    current leader, on granting a vote, and when a leader steps down. A step down to a higher term for any other
 *    reason keeps the running deadline. */
export const electionTimerRestartRules = ['etcd', 'logcabin'] as const;
export const membershipActivations = ['apply', 'append'] as const;
export type MembershipActivation = (typeof membershipActivations)[number];
export type ElectionTimerRestart = (typeof electionTimerRestartRules)[number];

/** Deliberately broken variants of Raft, one switch per mistake, each placed where a real implementer makes it.
 *  raft/bugs.ts documents every switch (what goes wrong, where it comes from, which property it breaks);
 *  the scenario schema reads them as `raft.unsafe.<name>`. All are off by default (`safeKnobs`). */
export interface UnsafeKnobs {
  // --- election (paper 5.2, 5.4.1)
  /** Grant votes without checking that the candidate's log is at least as up-to-date (breaks paper 5.4.1). */
  readonly skipUpToDateCheck: boolean;
  /** The up-to-date check compares last indexes only, ignoring last terms (RaftLog.isUpToDate). */
  readonly upToDateByIndexOnly: boolean;
  /** A candidate counts granted responses with a counter instead of once per voter. */
  readonly countDuplicateVotes: boolean;
  /** A candidate counts late PreVoteResponse grants of its pre-vote phase as votes. */
  readonly stalePreVoteCountedAsVote: boolean;
  /** The node computes its quorum as ceil(n/2), which is a majority only for odd n. */
  readonly quorumCeilHalf: boolean;
  // --- term handling (paper 5.1)
  /** A follower processes AppendEntries/Heartbeat of a term below its own instead of rejecting it. */
  readonly acceptStaleTermAppend: boolean;
  /** A leader processes an AppendEntriesResponse of an earlier term as if it answered this term's request. */
  readonly acceptStaleResponses: boolean;
  // --- replication (paper 5.3, Figure 2 receiver rules)
  /** The consistency check only asks for an entry at prevLogIndex, not for its term. */
  readonly prevLogIndexOnly: boolean;
  /** The follower deletes everything after prevLogIndex before appending, even when the entries match. */
  readonly truncateOnEveryAppend: boolean;
  /** The leader sends its whole commit index in heartbeats instead of min(commit, the follower's matchIndex). */
  readonly heartbeatCommitBeyondMatch: boolean;
  // --- commit (paper 5.3, 5.4.2)
  /** Commit entries of earlier terms by counting replicas: the Figure 8 bug (paper 5.4.2). */
  readonly commitOldTermByCounting: boolean;
  /** Commit once one replica short of a majority holds an entry (a broken commit rule, paper 5.3). */
  readonly commitWithMinority: boolean;
  /** The leader counts a follower's nextIndex - 1 (what it sent) instead of matchIndex (what it acknowledged). */
  readonly commitByNextIndex: boolean;
  // --- persistence (paper Figure 2, "Persistent state")
  /** Ready.mustSync ignores a changed term or vote, so the host need not fsync before sending the vote. */
  readonly noSyncOnVoteChange: boolean;
  // --- reads (thesis 6.4)
  /** ReadIndex answers at once, without the heartbeat round that confirms leadership. */
  readonly readIndexWithoutConfirmation: boolean;
  /** The lease lasts the whole minimum election timeout, ignoring leaseDriftBoundPpm. */
  readonly leaseWithoutDriftMargin: boolean;
  /** The lease is timed from when acknowledgements arrive instead of when the acknowledged message was sent. */
  readonly leaseFromReceiveTime: boolean;
  /** Reads are served before the leader has committed an entry of its own term. */
  readonly readBeforeCurrentTermCommit: boolean;
  // --- snapshots (paper 7)
  /** A compaction mistake: when a follower needs entries the leader compacted away, send AppendEntries from the
   *  first retained index anyway instead of falling back to InstallSnapshot; the follower never catches up. */
  readonly noSnapshotFallback: boolean;
  /** On InstallSnapshot the follower keeps its log whenever it has an entry at the snapshot's index, whatever its term. */
  readonly installSnapshotKeepsConflictingLog: boolean;
  /** On InstallSnapshot the follower discards its whole log even when it holds the snapshot's last entry and more. */
  readonly installSnapshotDiscardsMatchingSuffix: boolean;
  // --- membership (dissertation 4)
  /** A simple (non-joint) change may change several voters at once. */
  readonly manyVotersInSimpleChange: boolean;
  /** A leader appends a configuration entry while an earlier one is not yet applied. */
  readonly noPendingConfCheck: boolean;
  /** A new leader appends a configuration entry before committing an entry of its own term, ignoring inherited ones. */
  readonly confChangeBeforeTermCommit: boolean;
  /** The compaction path treats configuration entries as normal ones: a snapshot carries the previous snapshot's configuration. */
  readonly snapshotWithoutConfig: boolean;
  /** On InstallSnapshot the follower keeps the configuration of an entry the snapshot discards. */
  readonly installSnapshotKeepsStaleConfig: boolean;
  /** A leader removed from the configuration keeps leading and counts itself toward the new configuration's quorum. */
  readonly removedLeaderCountsItself: boolean;
  /** Auto-leave is proposed only by the apply that crosses the joint entry, never retried. */
  readonly autoLeaveOnlyOnce: boolean;
  /** A node campaigns while committed configuration entries are not applied yet. */
  readonly campaignWithUnappliedConfig: boolean;
}

export const safeKnobs: UnsafeKnobs = Object.freeze({
  skipUpToDateCheck: false,
  upToDateByIndexOnly: false,
  countDuplicateVotes: false,
  stalePreVoteCountedAsVote: false,
  quorumCeilHalf: false,
  acceptStaleTermAppend: false,
  acceptStaleResponses: false,
  prevLogIndexOnly: false,
  truncateOnEveryAppend: false,
  heartbeatCommitBeyondMatch: false,
  commitOldTermByCounting: false,
  commitWithMinority: false,
  commitByNextIndex: false,
  noSyncOnVoteChange: false,
  readIndexWithoutConfirmation: false,
  leaseWithoutDriftMargin: false,
  leaseFromReceiveTime: false,
  readBeforeCurrentTermCommit: false,
  noSnapshotFallback: false,
  installSnapshotKeepsConflictingLog: false,
  installSnapshotDiscardsMatchingSuffix: false,
  manyVotersInSimpleChange: false,
  noPendingConfCheck: false,
  confChangeBeforeTermCommit: false,
  snapshotWithoutConfig: false,
  installSnapshotKeepsStaleConfig: false,
  removedLeaderCountsItself: false,
  autoLeaveOnlyOnce: false,
  campaignWithUnappliedConfig: false,
});

export function defaultRaftConfig(id: NodeId, voters: readonly NodeId[]): RaftConfig {
  return {
    id,
    voters,
    electionTimeoutMinUs: 150_000,
    electionTimeoutMaxUs: 300_000,
    heartbeatIntervalUs: 50_000,
    preVote: true,
    checkQuorum: true,
    leaderStickiness: true,
    fastBackoff: true,
    maxEntriesBytesPerMessage: 64 * 1024,
    maxInflightMessages: 64,
    maxInflightBytes: 1024 * 1024,
    maxUncommittedBytes: 4 * 1024 * 1024,
    maxPendingReads: 4096,
    leaseReads: false,
    leaseDriftBoundPpm: 50_000,
    snapshotChunkBytes: 256 * 1024,
    unsafe: safeKnobs,
  };
}

export function validateRaftConfig(config: RaftConfig): void {
  const problems: string[] = [];
  if (config.voters.length === 0) problems.push('the bootstrap configuration needs at least one voter');
  if (new Set(config.voters).size !== config.voters.length) problems.push('voters contain duplicates');
  if (!(config.heartbeatIntervalUs > 0)) problems.push('heartbeatIntervalUs must be > 0');
  if (!(config.electionTimeoutMinUs > config.heartbeatIntervalUs)) {
    problems.push(`electionTimeoutMinUs (${config.electionTimeoutMinUs}) must exceed heartbeatIntervalUs (${config.heartbeatIntervalUs})`);
  }
  if (config.electionTimeoutMaxUs < config.electionTimeoutMinUs) problems.push('electionTimeoutMaxUs must be >= electionTimeoutMinUs');
  const rule = config.electionTimerRestart;
  if (rule !== undefined && !electionTimerRestartRules.includes(rule)) problems.push(`electionTimerRestart must be one of ${electionTimerRestartRules.join(', ')}`);
  const activation = config.membershipActivation;
  if (activation !== undefined && !membershipActivations.includes(activation)) problems.push(`membershipActivation must be one of ${membershipActivations.join(', ')}`);
  if (!(config.maxInflightMessages >= 1)) problems.push('maxInflightMessages must be >= 1');
  if (!(config.maxEntriesBytesPerMessage >= 1)) problems.push('maxEntriesBytesPerMessage must be >= 1');
  if (!(config.snapshotChunkBytes >= 1)) problems.push('snapshotChunkBytes must be >= 1');
  if (config.versioning !== undefined && !isNodeVersion(config.versioning.version)) problems.push(`versioning.version must be a known version, found ${String(config.versioning.version)}`);
  if (config.leaseReads && !config.checkQuorum) problems.push('leaseReads requires checkQuorum');
  if (config.leaseDriftBoundPpm < 0 || config.leaseDriftBoundPpm >= 1_000_000) problems.push('leaseDriftBoundPpm must be in [0, 1e6)');
  if (problems.length > 0) throw new Error(`invalid Raft configuration for ${config.id}: ${problems.join('; ')}`);
}
