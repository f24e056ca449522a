import type { RunModel } from './model.js';
/** Reads a nested value of meta.params, e.g. at(params, 'raft', 'heartbeatIntervalUs'). */
export declare function at(value: unknown, ...path: string[]): unknown;
export declare function num(value: unknown): number | null;
/** A latency distribution of meta.params ({kind: 'uniform', minUs, maxUs} and the like) in words. */
export declare function describeDistribution(value: unknown): string;
/** Clock offsets and drifts per node: only the nodes whose clock is not exact, or "clocks exact". */
export declare function clocksText(params: unknown): string;
/** Links whose settings the fault schedule changes (scripted `link` faults), with how often: "n5↔n1 (4×)". */
export declare function linkScheduleText(params: unknown): string;
export declare function parameterLines(model: RunModel): string[];
