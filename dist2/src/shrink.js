// `raftsim shrink`: minimizes a failing run while it still fails the same way (same outcome, and for a safety
// violation the same invariant; for failed expectations the same first failed expectation).
//
// 1. Materialize: apply the overrides, pin every value drawn in swarm mode, and turn the whole fault schedule
//    (scripted items, `every` repetitions, `between` draws and the nemesis's random faults) into explicit
//    `at:` items with chaos off. The run is unchanged by this, and now every fault can be removed on its own.
// 2. Reduce, greedily, keeping each change only if the run still fails the same way: cut the fault phase just
//    after a safety violation; remove faults (delta debugging: halves, quarters, ... single items); fewer
//    nodes; fewer trigger firings; shorter `for` and pause durations; a shorter run; a lighter workload; and
//    finally every remaining setting back to its default, one by one.
// 3. Write the minimal scenario as YAML that `raftsim run FILE --seed N` reproduces.
import { simulate } from '../sim/simulate.js';
import { Trace } from '../sim/trace.js';
import { checkExpectations, outcomeOf } from './run-scenario.js';
import { compileScenario } from './scenario/compile.js';
import { fromSimFault } from './scenario/faults/index.js';
import { applyOverrides, overridesToFlags } from './scenario/overrides.js';
import { specToDocument, toYaml } from './scenario/serialize.js';
import { formatDuration } from './scenario/units.js';
import { CandidateRuns, Reducer, signatureOf } from './shrink-steps.js';
import { setPath, settingPaths } from './spec-edit.js';
import { plural } from './text.js';
function sizeOf(spec, options, result) {
    return {
        // The run's whole schedule (scripted and drawn by the nemesis), plus trigger items.
        faults: result.faults.length + (spec.faults ?? []).filter((item) => item.when.kind === 'after').length,
        nodes: options.cluster.nodeIds.length,
        durationUs: options.durationUs,
        ratePerSecond: options.workload.ratePerSecond,
        clients: options.workload.clients,
        events: result.events,
        settings: settingPaths(spec).length,
    };
}
export function describeSize(size) {
    return `${size.faults} fault${size.faults === 1 ? '' : 's'}, ${size.nodes} node${size.nodes === 1 ? '' : 's'}, ${formatDuration(size.durationUs)} fault phase, ${size.clients} client${size.clients === 1 ? '' : 's'} at ${size.ratePerSecond}/s, ${size.settings} settings, ${plural(size.events, 'event')}`;
}
export function describeSignature(signature) {
    switch (signature.outcome) {
        case 'safety':
            return `a safety violation of ${signature.invariant ?? 'an invariant'}`;
        case 'liveness':
            return 'a liveness failure (no convergence after healing)';
        case 'expectations':
            return `the failed expectation "${signature.expectation ?? '?'}"`;
        default:
            return 'no failure';
    }
}
function runOriginal(scenario, seed, overrides) {
    const compiled = scenario.compile(seed, overrides);
    const result = simulate(compiled.options, new Trace({ hash: false }));
    const expectations = checkExpectations(compiled, result);
    const outcome = outcomeOf(result.verdict, expectations);
    const target = signatureOf(outcome, result, expectations.filter((e) => !e.passed).map((e) => e.expression));
    return { compiledOptions: compiled.options, drawnValues: compiled.drawnValues, result, expectations, target, spec: applyOverrides(scenario.spec, overrides) };
}
/**
 * Step 1: pin the swarm draws and turn the whole fault schedule into explicit `at:` items (chaos off), keeping
 * only the expectation that failed. When the explicit schedule does not reproduce the failure, the random faults
 * stay; when nothing reproduces it, the original spec is shrunk no further.
 */
function materialize(original, name, candidates, progress) {
    const target = original.target;
    let spec = original.spec;
    for (const [path, value] of original.drawnValues)
        spec = setPath(spec, path, value);
    spec = { ...spec, swarm: false, name: `${name}-min` };
    if (target.outcome !== 'expectations')
        delete spec.expectations;
    else
        spec.expectations = (spec.expectations ?? []).filter((expectation) => expectation.expression === target.expectation);
    const triggers = (spec.faults ?? []).filter((item) => item.when.kind === 'after');
    const explicit = {
        ...spec,
        chaos: null,
        faults: [...original.result.faults.map((item) => ({ when: { kind: 'at', atUs: item.atUs }, fault: fromSimFault(item.fault) })), ...triggers],
    };
    const first = candidates.attempt(explicit);
    if (first.matches)
        return { spec: explicit, result: first.result, expectations: first.expectations };
    progress('the explicit fault schedule did not reproduce the failure; shrinking without removing random faults');
    const second = candidates.attempt(spec);
    if (second.matches)
        return { spec, result: second.result, expectations: second.expectations };
    // Nothing safe to shrink: report the original.
    return { spec: original.spec, result: original.result, expectations: original.expectations };
}
/** Step 3: the minimal scenario as YAML, with a header saying where it came from and how to replay it. */
function minimalYaml(scenario, seed, overrides, minimal, lines) {
    const flags = overridesToFlags(overrides);
    const header = [
        `Shrunk by \`raftsim shrink\` from ${scenario.source.ref} seed ${seed}${flags.length > 0 ? ` (${flags.join(' ')})` : ''}.`,
        `It still fails with ${describeSignature(lines.target)}.`,
        `Before: ${describeSize(lines.before)}.`,
        `After:  ${describeSize(lines.after)} (${lines.runs} runs).`,
        `Replay: npx raftsim run ${lines.outFile ?? 'THIS-FILE.yaml'} --seed ${seed}`,
    ].join('\n');
    const documentSpec = specToDocument(minimal);
    delete documentSpec.swarm;
    if (documentSpec.chaos === 'off')
        delete documentSpec.chaos;
    return toYaml(documentSpec, header);
}
function finalMessage(target, best, bestExpectations) {
    if (target.outcome === 'expectations')
        return bestExpectations.filter((e) => !e.passed).map((e) => `${e.expression} (measured ${e.actual === null ? 'nothing' : String(e.actual)})`).join('; ');
    return best.violation?.message ?? best.liveness?.reason ?? null;
}
function failureOf(target, result, expectations, size) {
    return {
        verdict: result.verdict,
        invariant: result.violation?.invariant ?? null,
        message: target.outcome === 'passed' ? null : finalMessage(target, result, expectations),
        timeUs: result.violation?.timeUs ?? null,
        events: result.events,
        faults: size.faults,
    };
}
export function shrinkScenario(scenario, seed, options = {}) {
    const startedMs = performance.now();
    const overrides = options.overrides ?? {};
    const progress = options.onProgress ?? (() => undefined);
    const original = runOriginal(scenario, seed, overrides);
    const target = original.target;
    const before = sizeOf(original.spec, original.compiledOptions, original.result);
    const originalFailure = failureOf(target, original.result, original.expectations, before);
    if (target.outcome === 'passed') {
        return { signature: target, failed: false, before, after: before, spec: original.spec, yaml: '', runs: 1, wallMs: performance.now() - startedMs, final: originalFailure, original: originalFailure, budgetExhausted: false };
    }
    const bounds = { events: original.result.events, timeUs: target.outcome === 'safety' ? (original.result.violation?.timeUs ?? null) : null };
    const candidates = new CandidateRuns(seed, target, { maxRuns: options.maxRuns ?? 400, budgetMs: options.budgetMs ?? 300_000, startedMs }, bounds);
    const start = materialize(original, scenario.name, candidates, progress);
    // Step 2: reduce.
    const reducer = new Reducer(candidates, seed, target, progress, start.spec, start.result, start.expectations);
    reducer.reduce();
    const { spec, best } = reducer;
    const after = sizeOf(spec, compileScenario(spec, seed).options, best);
    const minimal = { ...spec, question: `What is the smallest run that still fails like ${scenario.name} seed ${seed}? (${describeSignature(target)})` };
    return {
        signature: target,
        failed: true,
        before,
        after,
        spec: minimal,
        yaml: minimalYaml(scenario, seed, overrides, minimal, { before, after, runs: candidates.runs, outFile: options.outFile, target }),
        runs: candidates.runs,
        wallMs: performance.now() - startedMs,
        final: failureOf(target, best, reducer.bestExpectations, after),
        original: originalFailure,
        budgetExhausted: candidates.budgetExhausted,
    };
}
//# sourceMappingURL=shrink.js.map