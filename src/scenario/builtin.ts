// The built-in scenario library: the *.yaml files in the repository's scenarios/ folder, each opening with a
// comment block and a `question:` field. They are read when this module loads, found from this module's
// location both when running from source (src/scenario/builtin.ts) and from the build
// (dist/src/scenario/builtin.js; dist/ has no YAML).
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { SimulationOptions } from '../../sim/simulate.js';
import { loadScenarioFile, type LoadedScenario } from './load.js';

export interface BuiltinScenario {
  readonly name: string;
  /** The question the scenario answers, in one line. */
  readonly question: string;
  /** Absolute path of the YAML file. */
  readonly file: string;
  readonly scenario: LoadedScenario;
  /** Builds the run's options for a seed (no overrides). Everything not in the file comes from the defaults. */
  readonly build: (seed: number) => SimulationOptions;
}

/** The folder holding the YAML files, found from this module's location: src/scenario/ (source) or
 *  dist/src/scenario/ (build), both two or three levels below the repository. */
export function findScenariosDirectory(moduleUrl: string = import.meta.url): string {
  const candidates = [new URL('../../scenarios/', moduleUrl), new URL('../../../scenarios/', moduleUrl)].map((url) => fileURLToPath(url));
  for (const candidate of candidates) {
    if (existsSync(join(candidate, 'leader-crash.yaml'))) return candidate;
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
  'grow-3-to-5',
  'replace-leader',
  'remove-partitioned-node',
  'removed-node-keeps-running',
  'joint-change-leader-crash',
  'learner-snapshot-catch-up',
  'random-chaos',
];

function loadBuiltins(): BuiltinScenario[] {
  const files = readdirSync(scenariosDirectory).filter((file) => file.endsWith('.yaml'));
  const rank = (name: string): number => {
    const position = listOrder.indexOf(name);
    return position < 0 ? listOrder.length : position;
  };
  return files
    .map((file) => {
      const name = file.slice(0, -'.yaml'.length);
      const scenario = loadScenarioFile(join(scenariosDirectory, file), 'builtin', name);
      return { name, question: scenario.question, file: join(scenariosDirectory, file), scenario, build: (seed: number) => scenario.compile(seed).options };
    })
    .sort((a, b) => rank(a.name) - rank(b.name) || a.name.localeCompare(b.name));
}

export const builtinScenarios: readonly BuiltinScenario[] = loadBuiltins();

export function findScenario(name: string): BuiltinScenario | undefined {
  return builtinScenarios.find((scenario) => scenario.name === name);
}
