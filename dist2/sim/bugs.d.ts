import { type BugEntry } from '../raft/bugs.js';
import type { UnsafeKnobs } from '../raft/config.js';
import { type HostBugSwitches } from './host-bugs.js';
/** Where a bug's switch lives. */
export type BugSwitch = {
    readonly layer: 'raft';
    readonly key: keyof UnsafeKnobs;
} | {
    readonly layer: 'host';
    readonly key: keyof HostBugSwitches;
} | {
    readonly layer: 'compaction';
    readonly key: 'triggerOnApplyLag';
};
export interface CatalogueBug extends BugEntry {
    readonly switch: BugSwitch;
}
/** Every catalogued bug, raft/ first, in catalogue order. */
export declare const allBugs: readonly CatalogueBug[];
export declare function findBug(name: string): CatalogueBug | undefined;
export declare const bugNames: readonly string[];
