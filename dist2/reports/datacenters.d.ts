import type { RunModel } from './model.js';
/** node -> datacenter, or null when the run has no topology (or it does not place every given node). */
export declare function datacenterOf(params: unknown, nodes: readonly string[]): ReadonlyMap<string, string> | null;
/** The nodes grouped by datacenter, keeping their order inside each; unchanged without a topology. */
export declare function laneOrder(params: unknown, nodes: readonly string[]): readonly string[];
export interface LaneGroup {
    readonly datacenter: string;
    /** First and last lane index of the group. */
    readonly first: number;
    readonly last: number;
}
/** Consecutive lanes of one datacenter, or [] without a topology. */
export declare function laneGroups(model: Pick<RunModel, 'params' | 'nodes'>): LaneGroup[];
