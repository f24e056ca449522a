import type { SimulationOptions } from '../../sim/simulate.js';
import { type LoadedScenario } from './load.js';
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
export declare function findScenariosDirectory(moduleUrl?: string): string;
export declare const scenariosDirectory: string;
export declare const builtinScenarios: readonly BuiltinScenario[];
export declare function findScenario(name: string): BuiltinScenario | undefined;
