/** Targets chosen when the fault fires (sim/nemesis.ts NodeTarget): the current leader, a random follower, any
 *  node, or the most recently crashed node still down (to restart exactly the node a `crash: leader` took).
 *  An event-node is the node whose protocol event fired the fault's trigger (`after: vote-granted`). */
export declare const dynamicTargets: ReadonlySet<string>;
export declare function parseNodeId(value: unknown): string;
export declare function parseTarget(value: unknown): string;
