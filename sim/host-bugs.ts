// Deliberately broken variants of the HOST side of raft/'s contract (the simulated server around the Raft node:
// its Ready loop, its restart, its compaction), off by default. raft/bugs.ts catalogues the mistakes inside the
// Raft node; these are the mistakes a team makes in the code that drives it, which is where many real
// durability bugs live (etcd's Ready contract exists because hosts get it wrong). Each is read at the place the
// mistake is made (`where`).
import type { BugEntry } from '../raft/bugs.js';

export interface HostBugSwitches {
  /** Restart with votedFor cleared: a voter that crashed can vote again in the same term. */
  readonly forgetVoteOnRestart: boolean;
  /** Send a Ready's messages as soon as it is taken, before its entries and hard state are fsynced. */
  readonly sendBeforeFsync: boolean;
  /** After a restart, tell Raft the state machine has applied everything committed, without replaying it. */
  readonly restartSkipsReplay: boolean;
  /** Take a snapshot labelled with the node's current term instead of the term of the entry at its index. */
  readonly snapshotTermOfCurrentTerm: boolean;
  /** Rewrite the WAL after compaction without the hard state (term and vote). */
  readonly walRewriteDropsHardState: boolean;
  /** Feed Raft the wall clock (stepped by NTP) instead of the monotonic clock. */
  readonly raftOnWallClock: boolean;
}

export const safeHostBugs: HostBugSwitches = Object.freeze({
  forgetVoteOnRestart: false,
  sendBeforeFsync: false,
  restartSkipsReplay: false,
  snapshotTermOfCurrentTerm: false,
  walRewriteDropsHardState: false,
  raftOnWallClock: false,
});

/** Exactly one entry per switch (a mapped type, as raft/bugs.ts does). */
export type HostBugCatalogue = { readonly [K in keyof HostBugSwitches]: BugEntry };

export const hostBugCatalogue: HostBugCatalogue = {
  forgetVoteOnRestart: {
    name: 'forget-vote-on-restart',
    area: 'persistence',
    summary:
      'The host persists term and vote but rebuilds the node with votedFor empty after a crash. A voter that granted its vote, crashed and restarted inside the same election grants it again to another candidate, and two leaders win one term.',
    source: 'Raft paper Figure 2 (votedFor is persistent state); MIT 6.5840 lab 3C (persist votedFor); hashicorp/raft#25-style restarts',
    breaks: 'ElectionSafety',
    where: 'sim/cluster/faults.ts restart',
  },
  sendBeforeFsync: {
    name: 'send-before-fsync',
    area: 'persistence',
    summary:
      "The host hands a Ready's messages to the network as soon as it takes the Ready, and fsyncs its entries and hard state afterwards (to hide disk latency). A follower acknowledges entries that a crash then loses, so a leader commits an entry a quorum does not hold; a voter's grant leaves before its vote is durable.",
    source: "etcd-io/raft rawnode.go Ready contract (persist, then send); Raft paper Figure 2 (persistent state updated before responding to RPCs); etcd#7331 class of durability bugs",
    breaks: 'Durability',
    where: 'sim/cluster/ready-loop.ts processReady',
  },
  restartSkipsReplay: {
    name: 'restart-skips-replay',
    area: 'persistence',
    summary:
      'After a restart the host reports everything committed as applied (it trusts a stale "applied index") while the state machine was rebuilt from the last snapshot only, so the entries between the snapshot and the commit index are never applied on that node and its state machine diverges.',
    source: "etcd's consistent index (etcd#11651, the applied index and the backend must move together); Raft paper 5.3 (apply every committed entry, in order)",
    breaks: 'StateMachineSafety',
    where: 'sim/cluster/faults.ts restart',
  },
  snapshotTermOfCurrentTerm: {
    name: 'snapshot-term-of-current-term',
    area: 'snapshots',
    summary:
      "The host labels a snapshot with the node's current term instead of the term of the entry at the snapshot's index (lastIncludedTerm). The log's term at the compacted index is then wrong: AppendEntries consistency checks against it pass where they must fail, and a follower installing the snapshot keeps or appends entries that do not match.",
    source: 'Raft paper 7 (lastIncludedTerm: the term of the last entry the snapshot replaces); Figure 13',
    breaks: 'LogMatching',
    where: 'sim/cluster/compaction.ts startSnapshot',
  },
  walRewriteDropsHardState: {
    name: 'wal-rewrite-drops-hard-state',
    area: 'persistence',
    summary:
      'When compaction rewrites the WAL (new file with the snapshot and the retained entries, then rename), the host forgets to carry over the hard state. The next crash restarts the node at term 0 with no vote: it forgets terms it revealed and votes again in terms it already voted in.',
    source: "etcd server/storage/wal (a WAL cut must re-write the HardState); Raft paper Figure 2 (currentTerm and votedFor are persistent)",
    breaks: 'ElectionSafety',
    where: 'sim/cluster/compaction.ts compactedWal',
  },
  raftOnWallClock: {
    name: 'raft-on-wall-clock',
    area: 'reads',
    summary:
      "The host gives Raft the wall clock (the time of day, which NTP and operators step) instead of a monotonic clock. Drift is covered by the lease's margin; a step is not: a leader whose clock steps back keeps serving lease reads after followers stopped honouring its lease and elected another leader, and a follower whose clock steps forward stops honouring the lease early.",
    source: 'Raft thesis 6.4.1 (leases assume bounded clock drift); golang/go#12914 (monotonic time after wall-clock steps broke elapsed-time measurement); TiKV reads its leader lease from a monotonic raw clock for this reason',
    breaks: 'LinearizableRead',
    where: 'sim/cluster/node.ts raftNowUs',
  },
};
