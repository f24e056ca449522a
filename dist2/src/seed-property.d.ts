import { type ScenarioRunOptions, type ScenarioRunResult, type ScenarioSourceInput } from './api.js';
/** The error assertSeedPasses throws: the failure, and the run it came from. */
export declare class SeedFailure extends Error {
    readonly run: ScenarioRunResult;
    constructor(message: string, run: ScenarioRunResult);
}
/** Runs `seed` of the scenario; returns the run when it passes, else throws a SeedFailure naming the failure and
 *  the replay command (and the trace file, when options.tracePath wrote one). */
export declare function assertSeedPasses(source: ScenarioSourceInput, seed: number, options?: Omit<ScenarioRunOptions, 'seed'>): ScenarioRunResult;
/** A property over seeds for fast-check (`fc.assert(fc.property(fc.nat(), seedProperty('leader-crash')))`) or
 *  any loop: the scenario is loaded once; each call runs one seed through assertSeedPasses. */
export declare function seedProperty(source: ScenarioSourceInput, options?: Omit<ScenarioRunOptions, 'seed'>): (seed: number) => void;
