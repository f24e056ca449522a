// The built-in scenario library: the *.yaml files in the repository's scenarios/ folder, each opening with a
// comment block and a `question:` field. They are read when this module loads, found from this module's
// location both when running from source (src/scenario/builtin.ts) and from the build
// (dist/src/scenario/builtin.js; dist/ has no YAML).
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { loadScenarioFile } from './load.js';
/** The folder holding the YAML files, found from this module's location: src/scenario/ (source) or
 *  dist/src/scenario/ (build), both two or three levels below the repository. */
export function findScenariosDirectory(moduleUrl = import.meta.url) {
    const candidates = [new URL('../../scenarios/', moduleUrl), new URL('../../../scenarios/', moduleUrl)].map((url) => fileURLToPath(url));
    for (const candidate of candidates) {
        if (existsSync(join(candidate, 'leader-crash.yaml')))
            return candidate;
    }
    throw new Error(`raftsim: the built-in scenario files were not found (looked in ${candidates.join(' and ')}); the installation is incomplete`);
}
export const scenariosDirectory = findScenariosDirectory();
/** The order of `raftsim list`: from the basics to the broken variants; files not listed here follow by name. */
const listOrder = [
    'steady-state',
    'leader-crash',
    'minority-partition',
    'majority-partition',
    'leader-one-way-cut',
    'flapping-links',
    'bridge-partition',
    'fixed-vs-randomized-timeouts',
    'clock-skew-drift',
    'lost-unsynced-writes',
    'slow-follower-snapshot',
    'compaction-stall',
    'cross-dc-compaction-drift',
    'figure-8',
    'figure-8-broken',
    'leader-crash-loop',
    'random-chaos',
];
function loadBuiltins() {
    const files = readdirSync(scenariosDirectory).filter((file) => file.endsWith('.yaml'));
    const rank = (name) => {
        const position = listOrder.indexOf(name);
        return position < 0 ? listOrder.length : position;
    };
    return files
        .map((file) => {
        const name = file.slice(0, -'.yaml'.length);
        const scenario = loadScenarioFile(join(scenariosDirectory, file), 'builtin', name);
        return { name, question: scenario.question, file: join(scenariosDirectory, file), scenario, build: (seed) => scenario.compile(seed).options };
    })
        .sort((a, b) => rank(a.name) - rank(b.name) || a.name.localeCompare(b.name));
}
export const builtinScenarios = loadBuiltins();
export function findScenario(name) {
    return builtinScenarios.find((scenario) => scenario.name === name);
}
//# sourceMappingURL=builtin.js.map