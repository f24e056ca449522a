import { FileSink, Trace } from '../sim/trace.js';
import { UsageError } from './errors.js';
import { replayCommand, toResultJson } from './result.js';
import { loadScenario as load, runLoadedScenario } from './run-scenario.js';
import { overrideFlags, overridesToFlags, parseOverrides } from './scenario/overrides.js';
function toOverrides(input) {
    if (input === undefined)
        return {};
    const values = {};
    for (const [key, value] of Object.entries(input)) {
        const flag = overrideFlags.find((candidate) => candidate.key === key || candidate.flag === key);
        if (flag === undefined)
            throw new UsageError(`overrides.${key}: found an unknown override, expected one of ${overrideFlags.map((candidate) => candidate.key).join(', ')}.`);
        values[flag.flag] = typeof value === 'number' && !['nodes', 'snapshot-count'].includes(flag.flag) ? String(value) : value;
    }
    return parseOverrides(values, (flag) => `overrides.${overrideFlags.find((candidate) => candidate.flag === flag).key}`);
}
/** A scenario from a built-in name, a .yaml/.json path, or an inline object in the file's form. */
export function loadScenario(source) {
    return load(source);
}
/** The command line's reference to a scenario: its name or path, or NAME.json for an inline one. */
function commandRef(scenario) {
    return scenario.source.kind === 'inline' ? `${scenario.name}.json` : scenario.source.ref;
}
export function runScenario(source, options = {}) {
    const scenario = loadScenario(source);
    const seed = options.seed ?? 1;
    const overrides = toOverrides(options.overrides);
    if (options.trace !== undefined && options.tracePath !== undefined)
        throw new UsageError('runScenario: give trace or tracePath, not both.');
    const sink = options.tracePath !== undefined ? new FileSink(options.tracePath) : null;
    let run;
    try {
        run = runLoadedScenario(scenario, seed, {
            overrides,
            ...(sink !== null ? { trace: new Trace({ sink }) } : options.trace !== undefined ? { trace: options.trace } : {}),
            ...(options.raft !== undefined ? { raft: { name: 'custom (API)', factory: options.raft } } : {}),
        });
    }
    finally {
        sink?.close();
    }
    return {
        verdict: run.result.verdict,
        outcome: run.outcome,
        passed: run.outcome === 'passed',
        exitCode: run.exitCode,
        expectations: run.expectations,
        failedExpectations: run.expectations.filter((expectation) => !expectation.passed),
        result: run.result,
        metrics: run.result.metrics,
        compiled: run.compiled,
        drawn: run.compiled.drawn,
        run,
        replay: replayCommand(commandRef(scenario), seed, overridesToFlags(overrides)),
        scenarioText: scenario.source.text,
        tracePath: options.tracePath ?? null,
        json: () => toResultJson(run),
    };
}
/** Runs a scenario file (or a built-in scenario by name) for one seed. */
export function runScenarioFile(path, options = {}) {
    return runScenario(path, options);
}
/** Runs a scenario written inline as an object (same fields and units as a file). */
export function runScenarioSpec(spec, options = {}) {
    return runScenario(spec, options);
}
//# sourceMappingURL=api.js.map