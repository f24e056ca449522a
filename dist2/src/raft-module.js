// The Raft under test as a parameter: `--raft ./my-raft.js` names a module that implements raft/contract.ts
// (exports `create` and `restart`, or a default export with both). Modules load asynchronously, before a run
// starts; compiling and running stay synchronous and find the loaded module here by its path.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { UsageError } from './errors.js';
const loaded = new Map();
function factoryOf(module) {
    const candidates = [module, module.default];
    for (const candidate of candidates) {
        if (candidate !== undefined && candidate !== null && typeof candidate.create === 'function' && typeof candidate.restart === 'function') {
            return { create: candidate.create.bind(candidate), restart: candidate.restart.bind(candidate) };
        }
    }
    return null;
}
/** Loads the module at `path` (once per process). Missing files and modules without the contract's functions are
 *  usage errors that say what was expected. */
export async function loadRaftModule(path) {
    const known = loaded.get(path);
    if (known !== undefined)
        return known;
    const absolute = resolve(path);
    if (!existsSync(absolute))
        throw new UsageError(`--raft ${path}: no such file (expected a JavaScript module that exports create() and restart(), see docs/raft.md "Your own Raft under the harness").`);
    let module;
    try {
        module = (await import(pathToFileURL(absolute).href));
    }
    catch (error) {
        throw new UsageError(`--raft ${path}: the module could not be loaded: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}.`);
    }
    const factory = factoryOf(module);
    if (factory === null) {
        throw new UsageError(`--raft ${path}: the module exports ${Object.keys(module).join(', ') || 'nothing'}; expected create(options) and restart(options, durable) (raft/contract.ts RaftFactory), as named exports or on the default export.`);
    }
    const implementation = { name: path, factory };
    loaded.set(path, implementation);
    return implementation;
}
/** The module loaded for `path`; a usage error when nothing loaded it first (a caller forgot to await it). */
export function loadedRaftModule(path) {
    const implementation = loaded.get(path);
    if (implementation === undefined)
        throw new UsageError(`--raft ${path}: the module was not loaded before the run (call loadRaftModule first).`);
    return implementation;
}
/** Loads the module an override names, if any. */
export async function preloadRaftModule(overrides) {
    if (overrides.raft !== undefined)
        await loadRaftModule(overrides.raft);
}
//# sourceMappingURL=raft-module.js.map