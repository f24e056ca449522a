import type { ClusterOptions } from '../../sim/cluster/cluster.js';
import type { Distribution } from '../../sim/random.js';
import type { FullSpec } from './fill.js';
/** Offsets spread evenly over [-skew, +skew]: the first node at -skew, the last at +skew. */
export declare function skewOffsetUs(skewUs: number, position: number, count: number): number;
export declare function nodeIdsOf(full: FullSpec): string[];
/** A link's configured settings (the network's, with the datacenter latency matrix applied). */
export declare function baseLink(full: FullSpec, from: string, to: string): {
    dropChance: number;
    duplicateChance: number;
    reorderChance: number;
    latency: Distribution;
};
/** A node's configured clock: its own offset and drift, else its place in the skew spread and no drift. */
export declare function configuredClock(full: FullSpec, nodeIds: readonly string[], id: string): {
    offsetUs: number;
    driftPpm: number;
};
export declare function clusterOptionsOf(full: FullSpec): ClusterOptions;
