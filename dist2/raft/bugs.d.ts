import type { UnsafeKnobs } from './config.js';
export type BugArea = 'election' | 'term' | 'replication' | 'commit' | 'persistence' | 'reads' | 'snapshots';
/** The Raft safety property a variant violates first (paper Figure 3, plus Durability of acknowledged entries and
 *  linearizable reads), or 'liveness' when the mistake can only stall the cluster. */
export type BrokenProperty = 'ElectionSafety' | 'LogMatching' | 'LeaderCompleteness' | 'StateMachineSafety' | 'Durability' | 'LinearizableRead' | 'liveness';
export interface BugEntry {
    /** Kebab-case, unique. */
    readonly name: string;
    readonly area: BugArea;
    /** One paragraph: the mistake, and how it goes wrong. */
    readonly summary: string;
    /** Paper / dissertation section, real issue, or the MIT 6.5840 students' guide section it comes from. */
    readonly source: string;
    readonly breaks: BrokenProperty;
    /** Where in raft/ the switch is read. */
    readonly where: string;
}
/** Exactly one entry per switch: adding a switch to UnsafeKnobs without documenting it fails the type check. */
export type BugCatalogue = {
    readonly [K in keyof UnsafeKnobs]: BugEntry;
};
export declare const bugCatalogue: BugCatalogue;
/** The switches in catalogue order. */
export declare const bugSwitches: readonly (keyof UnsafeKnobs)[];
