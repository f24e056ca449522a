import type { NodeId } from './types.js';
export type VoteOutcome = 'won' | 'lost' | 'pending';
export declare function quorumSize(voterCount: number): number;
export declare function committedIndex(voters: readonly NodeId[], matchOf: (id: NodeId) => number, quorum?: number): number;
/** Whether the recorded votes already decide an election. Voters who have not answered count as pending.
 *  `quorum` is the node's own notion of a quorum (it differs from the majority only in a broken variant). */
export declare function voteOutcome(voters: readonly NodeId[], votes: ReadonlyMap<NodeId, boolean>, quorum?: number): VoteOutcome;
/** True when the predicate holds for a quorum of voters. */
export declare function hasQuorum(voters: readonly NodeId[], holds: (id: NodeId) => boolean, quorum?: number): boolean;
/** The quorum-th largest of per-voter times: the moment by which a quorum had acknowledged. */
export declare function quorumTime(voters: readonly NodeId[], timeOf: (id: NodeId) => number, quorum?: number): number;
