import type { RaftImplementation } from '../sim/simulate.js';
/** Loads the module at `path` (once per process). Missing files and modules without the contract's functions are
 *  usage errors that say what was expected. */
export declare function loadRaftModule(path: string): Promise<RaftImplementation>;
/** The module loaded for `path`; a usage error when nothing loaded it first (a caller forgot to await it). */
export declare function loadedRaftModule(path: string): RaftImplementation;
/** Loads the module an override names, if any. */
export declare function preloadRaftModule(overrides: {
    readonly raft?: string;
}): Promise<void>;
