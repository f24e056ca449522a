import type { Distribution } from '../../sim/random.js';
import type { ScenarioSpec } from './spec.js';
import { type DurationRange } from './units.js';
export interface Overrides {
    readonly nodes?: number;
    readonly duration?: number;
    readonly drop?: number;
    readonly delay?: Distribution;
    readonly skew?: number;
    readonly electionTimeout?: DurationRange;
    readonly heartbeat?: number;
    readonly snapshotCount?: number | null;
    readonly preVote?: boolean;
    readonly checkQuorum?: boolean;
    readonly swarm?: boolean;
    /** Catalogued bugs to switch on (sim/bugs.ts), in the order given; added to the file's `bugs:`. */
    readonly bug?: readonly string[];
    /** A module implementing raft/contract.ts to run instead of raftsim's Raft (src/raft-module.ts loads it). */
    readonly raft?: string;
}
interface OverrideFlag {
    readonly flag: string;
    readonly key: keyof Overrides;
    readonly expected: string;
    readonly describe: string;
    readonly boolean?: boolean;
    /** May be given several times (yargs hands over a list); parse sees one value at a time. */
    readonly repeatable?: boolean;
    parse(value: unknown): unknown;
    format(value: never): string;
}
/** Every override flag, in the order they are listed in --help and in replay commands. */
export declare const overrideFlags: readonly OverrideFlag[];
export declare function flagFor(key: keyof Overrides): OverrideFlag;
/** Parses override flag values (as yargs hands them over, undefined when absent); bad values are usage errors. */
export declare function parseOverrides(values: Readonly<Record<string, unknown>>, label?: (flag: string) => string): Overrides;
/** The flags that reproduce these overrides, in a canonical order (for replay commands). */
export declare function overridesToFlags(overrides: Overrides): string[];
export declare function hasOverrides(overrides: Overrides | undefined): boolean;
/** The spec paths an override sets. */
export declare function overriddenPaths(overrides: Overrides): Set<string>;
/** The scenario with the overrides written into it (a new object; the input is not changed). */
export declare function applyOverrides(spec: ScenarioSpec, overrides: Overrides | undefined): ScenarioSpec;
export {};
