import type { ScenarioSpec } from './scenario/spec.js';
/** Sets a dotted spec path (creating objects on the way) in a copy of the spec. */
export declare function setPath(spec: ScenarioSpec, path: string, value: unknown): ScenarioSpec;
/** Removes a dotted spec path from a copy of the spec (objects left empty are removed too). */
export declare function deletePath(spec: ScenarioSpec, path: string): ScenarioSpec;
/** The leaves set in a spec (dotted paths), except the ones shrinking handles itself. */
export declare function settingPaths(spec: ScenarioSpec): string[];
export declare function specNodeIds(spec: ScenarioSpec): string[];
/** The spec with only the first `count` nodes (faults, placement and clocks of the others removed). */
export declare function withNodes(spec: ScenarioSpec, count: number): ScenarioSpec;
