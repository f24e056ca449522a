// Seeds as a property: `assertSeedPasses` runs one seed of a scenario and, when the run does not pass, throws
// an error that says how it failed and the exact command that reproduces it — so a property-based test over
// seeds (fast-check, or any loop) reports `npx raftsim run ... --seed N` for its counterexample.
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hashString } from '../sim/hash.js';
import { runScenario, loadScenario } from './api.js';
import { formatUs } from './text.js';
/** The error assertSeedPasses throws: the failure, and the run it came from. */
export class SeedFailure extends Error {
    run;
    constructor(message, run) {
        super(message);
        this.run = run;
        this.name = 'SeedFailure';
    }
}
/** The replay command of a run; an inline scenario is first saved as a JSON file in the temporary directory. */
function runnableReplay(run) {
    if (run.run.scenario.source.kind !== 'inline')
        return run.replay;
    const file = join(tmpdir(), `raftsim-${run.run.scenario.name}-${hashString(run.scenarioText).slice(0, 8)}.json`);
    writeFileSync(file, run.scenarioText);
    return run.replay.replace(`run ${run.run.scenario.name}.json `, `run ${file} `);
}
function failureText(run) {
    const violation = run.result.violation;
    if (violation !== null)
        return `safety violation of ${violation.invariant} at t=${formatUs(violation.timeUs)}: ${violation.message}`;
    if (run.verdict === 'liveness')
        return `liveness failure: ${run.result.liveness?.reason ?? 'no convergence after healing'}`;
    return `failed expectations: ${run.failedExpectations.map((expectation) => expectation.expression).join('; ')}`;
}
/** Runs `seed` of the scenario; returns the run when it passes, else throws a SeedFailure naming the failure and
 *  the replay command (and the trace file, when options.tracePath wrote one). */
export function assertSeedPasses(source, seed, options = {}) {
    const run = runScenario(source, { ...options, seed });
    if (run.passed)
        return run;
    const lines = [`raftsim: ${run.run.scenario.name} seed ${seed}: ${failureText(run)}`, `  replay: ${runnableReplay(run)}`];
    if (run.tracePath !== null)
        lines.push(`  trace:  ${run.tracePath}`);
    throw new SeedFailure(lines.join('\n'), run);
}
/** A property over seeds for fast-check (`fc.assert(fc.property(fc.nat(), seedProperty('leader-crash')))`) or
 *  any loop: the scenario is loaded once; each call runs one seed through assertSeedPasses. */
export function seedProperty(source, options = {}) {
    const scenario = loadScenario(source);
    return (seed) => {
        assertSeedPasses(scenario, seed, options);
    };
}
//# sourceMappingURL=seed-property.js.map