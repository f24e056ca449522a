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
}
export declare const safeHostBugs: HostBugSwitches;
/** Exactly one entry per switch (a mapped type, as raft/bugs.ts does). */
export type HostBugCatalogue = {
    readonly [K in keyof HostBugSwitches]: BugEntry;
};
export declare const hostBugCatalogue: HostBugCatalogue;
