// The bug catalogue: every deliberately broken variant of raft/ (config.unsafe), what the mistake is, where it
// comes from and which property it breaks. A chaos harness is judged by the bugs it finds (openraft validated its
// fuzzer by putting a real bug back in); this is the list it must find. Each switch is one realistic mistake at the
// place an implementer makes it (the `where` field), off by default; test/raft-bugs*.test.ts proves for each one
// the smallest message sequence where the broken node and the correct node part ways.
import type { UnsafeKnobs } from './config.js';

export type BugArea = 'election' | 'term' | 'replication' | 'commit' | 'persistence' | 'reads' | 'snapshots' | 'membership' | 'versions';

/** The Raft safety property a variant violates first (paper Figure 3, plus Durability of acknowledged entries and
 *  linearizable reads), or 'liveness' when the mistake can only stall the cluster. */
export type BrokenProperty = 'ElectionSafety' | 'LogMatching' | 'LeaderCompleteness' | 'StateMachineSafety' | 'Durability' | 'LinearizableRead' | 'liveness';

export interface BugEntry {
  /** Kebab-case, unique. */
  readonly name: string;
  readonly area: BugArea;
  /** One paragraph: the mistake, and how it goes wrong. */
  readonly summary: string;
  /** Paper / dissertation section, real issue, or the MIT 6.5840 students' guide section it comes from. */
  readonly source: string;
  readonly breaks: BrokenProperty;
  /** Where in raft/ the switch is read. */
  readonly where: string;
}

/** Exactly one entry per switch: adding a switch to UnsafeKnobs without documenting it fails the type check. */
export type BugCatalogue = { readonly [K in keyof UnsafeKnobs]: BugEntry };

const guide = "MIT 6.5840 students' guide to Raft";

export const bugCatalogue: BugCatalogue = {
  skipUpToDateCheck: {
    name: 'skip-up-to-date-check',
    area: 'election',
    summary:
      'A voter grants its vote without the election restriction, so a candidate missing committed entries can win; as leader it overwrites them on the followers that held them.',
    source: 'Raft paper 5.4.1 (election restriction); Figure 2, RequestVote receiver rule 2',
    breaks: 'LeaderCompleteness',
    where: 'node.ts handleVoteRequest',
  },
  upToDateByIndexOnly: {
    name: 'up-to-date-by-index-only',
    area: 'election',
    summary:
      'The up-to-date check compares only the last log indexes ("the longer log wins"). A node holding a long tail of stale entries from an old term beats a voter whose shorter log ends in a committed entry of a later term, and the new leader lacks that entry.',
    source: `Raft paper 5.4.1 ("If the logs have last entries with different terms, then the log with the later term is more up-to-date"); ${guide}, "Incorrect RPC handlers" (implement the up-to-date check exactly, not by length)`,
    breaks: 'LeaderCompleteness',
    where: 'log.ts RaftLog.isUpToDate',
  },
  countDuplicateVotes: {
    name: 'count-duplicate-votes',
    area: 'election',
    summary:
      'The candidate counts granted responses with a running counter instead of recording one vote per voter, so a grant the network duplicates counts twice: in five nodes a candidate with two real votes wins while another wins the same term with three.',
    source: 'xnnyygn/xraft#27 ("Duplicate vote response can make illegal leader without a quorum"); Raft paper 5.2 (a candidate wins with votes from a majority of the servers)',
    breaks: 'ElectionSafety',
    where: 'node.ts stepCandidate',
  },
  stalePreVoteCountedAsVote: {
    name: 'stale-pre-vote-counted-as-vote',
    area: 'election',
    summary:
      'A granted PreVoteResponse carries the term the pre-candidate would have, which is the term it has once it campaigns; a candidate that checks only the term counts a late pre-vote grant as a vote, though a pre-vote binds nobody and the voter may since have voted for another candidate in that term.',
    source: 'canonical/raft#196 and canonical/raft#248 (a candidate could count a pre-vote result as a real vote); Raft thesis 9.6 (PreVote)',
    breaks: 'ElectionSafety',
    where: 'node.ts stepCandidate',
  },
  quorumCeilHalf: {
    name: 'quorum-ceil-half',
    area: 'election',
    summary:
      'The node computes its quorum as ceil(n/2) instead of floor(n/2)+1; the two agree for odd n, so tests on three or five nodes pass, but with four nodes two disjoint pairs each elect a leader in the same term (and commit, confirm reads and keep leases with half the cluster).',
    source: 'andrewjstone/rafter#16 (quorum_min incorrect for even numbers of servers); async-raft/async-raft#143 (read quorum off by one); Raft paper 5.2',
    breaks: 'ElectionSafety',
    where: 'node.ts RaftNode.constructor (quorumRule: votes, commit, CheckQuorum, read confirmation, lease)',
  },
  acceptStaleTermAppend: {
    name: 'accept-stale-term-append',
    area: 'term',
    summary:
      'A follower handles AppendEntries and heartbeats whose term is below its own instead of rejecting them, so a deposed leader still overwrites entries the follower acknowledged to the current leader, which may already have counted them to commit.',
    source: `Raft paper Figure 2, AppendEntries receiver rule 1 ("Reply false if term < currentTerm"), 5.1; ${guide}, "Incorrect RPC handlers"`,
    breaks: 'LeaderCompleteness',
    where: 'node.ts stepTerm',
  },
  acceptStaleResponses: {
    name: 'accept-stale-responses',
    area: 'term',
    summary:
      "A leader handles an AppendEntriesResponse from an earlier term as if it answered this term's request. An acknowledgement from the node's previous leadership, of entries since replaced in its log, raises a follower's matchIndex over entries it does not hold, and the leader commits with a minority.",
    source: `${guide}, "Term confusion" (drop a reply whose term differs from the request's); Raft paper 5.1`,
    breaks: 'LeaderCompleteness',
    where: 'node.ts stepTerm',
  },
  prevLogIndexOnly: {
    name: 'prev-log-index-only',
    area: 'replication',
    summary:
      'The AppendEntries consistency check asks only whether the follower has an entry at prevLogIndex, not whether its term is prevLogTerm. The follower appends after a conflicting entry, so two logs share an entry but not the prefix before it, and committing the new entry commits the stale one.',
    source: `Raft paper Figure 2, AppendEntries receiver rule 2 ("Reply false if log doesn't contain an entry at prevLogIndex whose term matches prevLogTerm"), 5.3 (Log Matching); ${guide}, "Incorrect RPC handlers"`,
    breaks: 'LogMatching',
    where: 'node.ts handleAppendEntries',
  },
  truncateOnEveryAppend: {
    name: 'truncate-on-every-append',
    area: 'replication',
    summary:
      'The follower cuts its log after prevLogIndex before appending the entries of every AppendEntries, even when they match what it holds. An older, shorter AppendEntries that the network delivers late (or twice) then removes entries the follower already acknowledged, and the leader committed them counting that acknowledgement.',
    source: `Raft paper Figure 2, AppendEntries receiver rule 3 (delete only on a conflict: same index, different term); ${guide}, "The importance of details" (the follower must not truncate when it has all the entries the leader sent)`,
    breaks: 'LeaderCompleteness',
    where: 'log.ts RaftLog.appendFromLeader',
  },
  heartbeatCommitBeyondMatch: {
    name: 'heartbeat-commit-beyond-match',
    area: 'replication',
    summary:
      "The leader puts its whole commit index in heartbeats instead of min(commit, the follower's matchIndex). A heartbeat carries no entries, so it proves nothing about the follower's log: a follower still holding stale entries of an old term at those indexes commits and applies them.",
    source: `Raft paper Figure 2, AppendEntries receiver rule 5 (commit no further than the last new entry); etcd-io/raft raft.go sendHeartbeat ("The leader MUST NOT forward the follower's commit to an unmatched index"); atomix/copycat#265 (an empty AppendRequest commits inconsistent entries)`,
    breaks: 'StateMachineSafety',
    where: 'node.ts broadcastHeartbeat',
  },
  commitOldTermByCounting: {
    name: 'commit-old-term-by-counting',
    area: 'commit',
    summary:
      'The leader commits an entry of an earlier term once a majority holds it. Figure 8: a leader that counts replicas of its predecessor-term entry commits it, and a later leader whose last entry has a higher term overwrites it.',
    source: `Raft paper 5.4.2 and Figure 8; ${guide}, "Failure to follow The Rules" (a leader may not set commitIndex to an entry of a previous term)`,
    breaks: 'LeaderCompleteness',
    where: 'node.ts maybeCommit',
  },
  commitWithMinority: {
    name: 'commit-with-minority',
    area: 'commit',
    summary:
      'The commit rule counts one replica short of a majority (an off-by-one in the quorum used for commit). The leader commits an entry only a minority holds; after it fails, a leader elected by the others never had the entry.',
    source: 'Raft paper 5.3 ("once the entry has been replicated on a majority of the servers"), Figure 2, rules for leaders',
    breaks: 'LeaderCompleteness',
    where: 'node.ts maybeCommit',
  },
  commitByNextIndex: {
    name: 'commit-by-next-index',
    area: 'commit',
    summary:
      "The leader decides commitment from each follower's nextIndex - 1 instead of its matchIndex. In replicate state nextIndex moves forward when an AppendEntries is sent, not when it is acknowledged, so a leader whose messages were lost commits entries that are only on its own disk.",
    source: `${guide}, "Failure to follow The Rules" (nextIndex is a guess, matchIndex is for safety; using matchIndex = nextIndex - 1 is not safe); Raft paper Figure 2, rules for leaders`,
    breaks: 'LeaderCompleteness',
    where: 'node.ts maybeCommit',
  },
  noSyncOnVoteChange: {
    name: 'no-sync-on-vote-change',
    area: 'persistence',
    summary:
      'Ready.mustSync does not report a changed term or vote, so the host sends the vote without fsyncing it. A voter that crashes after voting restarts without the vote and votes again in the same term: two leaders.',
    source: 'etcd-io/etcd#4758 (wal mustSync: term, vote or entries changed); tikv/tikv#1610 (a follower may vote twice in a term after a machine crash); Raft paper Figure 2, "Persistent state"',
    breaks: 'ElectionSafety',
    where: 'node.ts ready (mustSync)',
  },
  readIndexWithoutConfirmation: {
    name: 'read-index-without-confirmation',
    area: 'reads',
    summary:
      'ReadIndex answers with the commit index at once, without the heartbeat round that proves the node is still leader. A leader cut off from the others keeps serving reads after a new leader has committed writes.',
    source: 'Raft thesis 6.4, ReadIndex step 3; hashicorp/consul#54 (reads served from a deposed leader)',
    breaks: 'LinearizableRead',
    where: 'node.ts queueReadIndex',
  },
  leaseWithoutDriftMargin: {
    name: 'lease-without-drift-margin',
    area: 'reads',
    summary:
      'The read lease lasts the full minimum election timeout, ignoring leaseDriftBoundPpm. Followers whose clocks run fast (within the bound) end their stickiness, and elect a new leader, before the old leader believes its lease ran out.',
    source: 'Raft thesis 6.4.1 (the lease must account for clock drift)',
    breaks: 'LinearizableRead',
    where: 'node.ts leaseValid',
  },
  leaseFromReceiveTime: {
    name: 'lease-from-receive-time',
    area: 'reads',
    summary:
      'The lease is timed from when acknowledgements arrive instead of when the acknowledged heartbeat was sent. A slow reply extends the lease by its delay, past the moment the follower stops honouring the leader.',
    source: 'Raft thesis 6.4.1 (the lease starts when the heartbeat was sent); databendlabs/openraft#848 (the lease starts at the time the acknowledged RPC was initiated)',
    breaks: 'LinearizableRead',
    where: 'node.ts noteAcknowledged',
  },
  readBeforeCurrentTermCommit: {
    name: 'read-before-current-term-commit',
    area: 'reads',
    summary:
      "A new leader serves reads before it has committed an entry of its own term. Its commit index can lag the cluster's (the previous leader committed and acknowledged more than it told this node), so the read misses an acknowledged write.",
    source: 'Raft thesis 6.4, ReadIndex step 1; etcd-io/etcd#7331 ("ReadIndex may read stale value")',
    breaks: 'LinearizableRead',
    where: 'node.ts read',
  },
  noSnapshotFallback: {
    name: 'no-snapshot-fallback',
    area: 'snapshots',
    summary:
      'When a follower needs entries the leader has compacted away, the leader sends AppendEntries from its first retained index instead of falling back to InstallSnapshot. The follower lacks the previous entry, rejects every one, and never catches up.',
    source: 'Raft paper 7 ("the leader must occasionally send snapshots to followers that lag behind")',
    breaks: 'liveness',
    where: 'node.ts sendAppend',
  },
  installSnapshotKeepsConflictingLog: {
    name: 'install-snapshot-keeps-conflicting-log',
    area: 'snapshots',
    summary:
      "On InstallSnapshot the follower keeps its log whenever it has an entry at the snapshot's last index, without checking that entry's term. It keeps stale, conflicting entries in place of the snapshot and commits them up to the snapshot index.",
    source: "Raft paper Figure 13, InstallSnapshot receiver rule 6 (retain the suffix only if the entry has the snapshot's index and term), 7; hashicorp/raft#704",
    breaks: 'StateMachineSafety',
    where: 'node.ts keepsLogAfterSnapshot',
  },
  installSnapshotDiscardsMatchingSuffix: {
    name: 'install-snapshot-discards-matching-suffix',
    area: 'snapshots',
    summary:
      "On InstallSnapshot the follower discards its whole log even when it already holds the snapshot's last entry and entries after it. A retransmitted or reordered snapshot then removes entries the follower acknowledged and the leader may have committed.",
    source: 'Raft paper Figure 13, InstallSnapshot receiver rule 6, 7 ("entries following the snapshot are still valid and must be retained"); camunda/camunda#6092 (snapshot install on a follower can lose entries)',
    breaks: 'LeaderCompleteness',
    where: 'node.ts keepsLogAfterSnapshot',
  },
  manyVotersInSimpleChange: {
    name: 'many-voters-in-simple-change',
    area: 'membership',
    summary:
      'Several changes proposed together are applied in one step, as a simple configuration change, instead of through a joint configuration. A majority of the old voters and a majority of the new ones need not share a server, so while some servers use the old configuration and others the new, two leaders can be elected in the same term.',
    source: 'Raft dissertation 4.1 and Figure 4.2 (switching directly from one configuration to another is unsafe unless it changes one server); etcd confchange "more than one voter changed without entering joint config"',
    breaks: 'ElectionSafety',
    where: 'node.ts appendConfChange',
  },
  noPendingConfCheck: {
    name: 'no-pending-conf-check',
    area: 'membership',
    summary:
      'A leader appends a configuration entry while an earlier one is not yet applied. Each step is a valid one-voter change, but servers that activate configurations on apply may then act on configurations two steps apart, whose majorities need not overlap.',
    source: 'Raft dissertation 4.1 ("a leader may not begin a new configuration change until the previous one is committed"); etcd-io/raft pendingConfIndex',
    breaks: 'ElectionSafety',
    where: 'node.ts appendConfChange',
  },
  confChangeBeforeTermCommit: {
    name: 'conf-change-before-term-commit',
    area: 'membership',
    summary:
      'A newly elected leader appends a configuration entry before it has committed an entry of its own term, and counts as pending only the changes it proposed itself. An uncommitted change it inherited from a deposed leader and its own are then both in force (one after the other in its log, or on different servers), their majorities need not overlap, and each side commits entries the other overwrites.',
    source: 'Diego Ongaro, raft-dev 2015, "bug in single-server membership changes" (fix: a leader commits an entry of its term before appending a configuration entry); Raft dissertation 4.1 errata',
    breaks: 'StateMachineSafety',
    where: 'node.ts appendConfChange',
  },
  snapshotWithoutConfig: {
    name: 'snapshot-without-config',
    area: 'membership',
    summary:
      'The compaction path treats configuration entries like normal ones: a snapshot records the configuration of the previous snapshot, not the one its entries built. A server that restarts from it, or installs it, counts votes and commits with a configuration that no longer exists.',
    source: 'Raft dissertation 5.1 (the snapshot must include the latest configuration as of the last included index); openraft and etcd both store the membership in the snapshot metadata',
    breaks: 'ElectionSafety',
    where: 'node.ts membershipAt',
  },
  installSnapshotKeepsStaleConfig: {
    name: 'install-snapshot-keeps-stale-config',
    area: 'membership',
    summary:
      "On InstallSnapshot the follower discards its log but keeps the configuration of an uncommitted configuration entry from that log instead of the snapshot's. It then votes and, once elected, commits under a configuration the cluster never committed: disjoint quorums and lost committed entries.",
    source: 'databendlabs/openraft#1808 (2026: a snapshot install kept a stale membership from an uncommitted entry); Raft paper Figure 13, InstallSnapshot receiver rule 8 (reset the state machine and configuration from the snapshot)',
    breaks: 'ElectionSafety',
    where: 'node.ts handleInstallSnapshot',
  },
  removedLeaderCountsItself: {
    name: 'removed-leader-counts-itself',
    area: 'membership',
    summary:
      "A leader that applied its own removal keeps leading (etcd without StepDownOnRemoval) and still counts its own log toward the new configuration's majority. With one other voter it commits entries that a majority of the new configuration does not hold, and a new leader elected by them overwrites them.",
    source: 'etcd-io/raft testdata confchange_v1_remove_leader (a removed leader must not count itself); Raft dissertation 4.2.2 (the leader steps down once the configuration without it is committed)',
    breaks: 'StateMachineSafety',
    where: 'node.ts quorumCommitIndex',
  },
  autoLeaveOnlyOnce: {
    name: 'auto-leave-only-once',
    area: 'membership',
    summary:
      'The leave of a joint configuration entered with auto-leave is proposed only at the moment a leader applies the joint entry. A leader elected after it applied that entry as a follower never proposes it, and the cluster stays joint: every decision needs two majorities until an operator intervenes.',
    source: 'etcd-io/etcd#12136 (auto-leave stuck when the leader stepped down); etcd-io/raft raft.go advance (auto-leave is retried by every leader)',
    breaks: 'liveness',
    where: 'node.ts maybeAutoLeave',
  },
  campaignWithUnappliedConfig: {
    name: 'campaign-with-unapplied-config',
    area: 'membership',
    summary:
      'A server campaigns while configuration entries it knows to be committed are not applied yet, counting votes under the configuration before them. A server removed by such an entry, or one that would need a larger quorum, can win with voters who no longer form a majority of the configuration in force.',
    source: "etcd-io/raft raft.go hup() (\"cannot campaign ... since there are still pending configuration changes to apply\"); Raft dissertation 4.1",
    breaks: 'ElectionSafety',
    where: 'node.ts mayCampaign',
  },
};

/** The switches in catalogue order. */
export const bugSwitches: readonly (keyof UnsafeKnobs)[] = Object.keys(bugCatalogue) as (keyof UnsafeKnobs)[];
