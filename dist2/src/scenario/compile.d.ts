import type { SimulationOptions } from '../../sim/simulate.js';
import type { Expectation } from './expectations.js';
import { type FullSpec } from './fill.js';
import { type Overrides } from './overrides.js';
import type { ScenarioSpec } from './spec.js';
export interface CompiledScenario {
    readonly options: SimulationOptions;
    /** The complete scenario after overrides, defaults and draws (file form, numbers in base units). */
    readonly full: FullSpec;
    /** Every value drawn from the seed, formatted: swarm parameters by spec path, `between` times as faults[i].at. */
    readonly drawn: Readonly<Record<string, unknown>>;
    /** The drawn values in the file's own form, by spec path (for pinning them into a file). */
    readonly drawnValues: ReadonlyMap<string, unknown>;
    /** Fault times drawn for `between` items, by fault index. */
    readonly betweenTimes: ReadonlyMap<number, number>;
    /** Spec paths filled from defaults. */
    readonly defaults: readonly string[];
    readonly expectations: readonly Expectation[];
    /** Things worth telling the user (e.g. faults dropped because --duration cut the run short). */
    readonly notes: readonly string[];
}
export interface CompileOptions {
    readonly overrides?: Overrides;
    /** The scenario's name when the spec has none (the file name). */
    readonly name?: string;
}
/** Compiles a validated scenario for one seed. Throws SpecError (with paths into the scenario) when invalid. */
export declare function compileScenario(spec: ScenarioSpec, seed: number, options?: CompileOptions): CompiledScenario;
