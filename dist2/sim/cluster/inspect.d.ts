import type { NodeId } from '../network.js';
import type { SimNode } from './node.js';
/** The running leader of the highest term, if any. */
export declare function leaderOf(nodes: ReadonlyMap<NodeId, SimNode>): SimNode | null;
/** Liveness: one leader of the highest term, every node up and holding the same committed, applied log. */
export declare function convergence(nodes: ReadonlyMap<NodeId, SimNode>): {
    ok: boolean;
    reason: string;
};
/** A node's state for violation reports and the run's final state (its log's last ten entries as [index, term]). */
export declare function describeNode(node: SimNode, nowUs: number): unknown;
