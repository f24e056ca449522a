import type { Message, NodeId } from '../raft/types.js';
import { type CheckerContext, type LogView } from './checker.js';
import type { Coverage } from './coverage.js';
import type { DurableLog } from './durable-log.js';
/** What the contract checker reads of each node. */
export interface ContractNodeView {
    readonly id: NodeId;
    readonly durable: DurableLog;
    /** The node's in-memory log; null while the node is down. */
    liveLog(): LogView | null;
    /** The node's term while it leads (up or paused), else null. */
    leaderTerm(): number | null;
}
/** Who votes now, and which sets of them form a quorum (a simple majority, or both majorities of a joint
 *  configuration). */
export interface VotingConfiguration {
    readonly voters: readonly NodeId[];
    isQuorum(members: readonly NodeId[]): boolean;
}
export declare class ContractChecker {
    private readonly context;
    private readonly nodes;
    private readonly configuration;
    /** The term committed at `index` as far as the safety checker knows, or undefined. */
    private readonly committedTermAt;
    private readonly coverage;
    /** The term in which `index` was first seen committed (checker.ts committedInTermAt), or undefined. */
    private readonly committedInTermAt;
    checks: number;
    /** Per node: term -> the candidate it granted in that term. */
    private readonly votes;
    /** The highest index checked for CommitIrrevocable (each index is checked when first committed anywhere). */
    private irrevocableCheckedThrough;
    constructor(context: CheckerContext, nodes: readonly ContractNodeView[], configuration: () => VotingConfiguration, 
    /** The term committed at `index` as far as the safety checker knows, or undefined. */
    committedTermAt: (index: number) => number | undefined, coverage?: Coverage | null, 
    /** The term in which `index` was first seen committed (checker.ts committedInTermAt), or undefined. */
    committedInTermAt?: ((index: number) => number | undefined) | null);
    /** A durable record of `id` removed (newTerm undefined) or replaced its entry (index, oldTerm). */
    private onDurableTruncation;
    private view;
    /** A message is leaving `from` (the host is about to hand it to the network). */
    onSend(from: NodeId, message: Message): void;
    private checkTerm;
    private checkVote;
    private checkHolds;
    /** `id` became leader of `term`, holding its own vote `ownVote` (null when it holds none). */
    onElected(id: NodeId, term: number, ownVote: NodeId | null): void;
    /** The host restarted `id` from its disk: what it restarted with must be exactly what was durable. */
    onRestart(id: NodeId, term: number, vote: NodeId | null): void;
    /** `id` is applying the entry at `index` while its commit index is `commit`. */
    onApply(id: NodeId, index: number, commit: number): void;
    /** `id` advanced its commit index to `index`, whose entry has `term`. */
    onCommit(id: NodeId, index: number, term: number): void;
    /** Reused by onCommit, which runs on every commit of every node. */
    private readonly holdersScratch;
    private checkIrrevocable;
}
