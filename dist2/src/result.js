import { lookup, expectationContext } from './scenario/expectations.js';
import { overridesToFlags } from './scenario/overrides.js';
import { fullToSpec, specToDocument } from './scenario/serialize.js';
import { raftsimVersion } from './version.js';
export const resultVersion = 2;
/** The command that runs a seed again, as typed after `npm ci` (`npx raftsim run REF --seed N FLAGS`). */
export function replayCommand(ref, seed, flags) {
    const quoted = /^[\w./@:+=-]+$/.test(ref) ? ref : `'${ref.replace(/'/g, `'\\''`)}'`;
    return ['npx', 'raftsim', 'run', quoted, '--seed', String(seed), ...flags].join(' ');
}
export function toResultJson(run, checkpoints = null, traceFile = null) {
    const result = run.result;
    const compiled = run.compiled;
    return {
        raftsim: { resultVersion, version: raftsimVersion },
        scenario: result.scenario,
        question: run.scenario.question,
        source: run.scenario.source,
        seed: result.seed,
        overrides: overridesToFlags(run.overrides),
        swarm: compiled.full.swarm,
        drawn: compiled.drawn,
        defaults: compiled.defaults,
        parameters: specToDocument(fullToSpec(compiled.full)),
        options: compiled.options,
        notes: compiled.notes,
        outcome: run.outcome,
        exitCode: run.exitCode,
        verdict: result.verdict,
        violation: result.violation,
        liveness: result.liveness,
        expectations: run.expectations,
        traceHash: result.traceHash,
        traceLines: result.traceLines,
        traceCheckpoints: checkpoints,
        traceFile,
        simulatedUs: result.simulatedUs,
        wallMs: Math.round(run.wallMs),
        events: result.events,
        invariantChecks: result.invariantChecks,
        metrics: result.metrics ?? null,
        coverage: result.coverage ?? null,
        linearizability: result.linearizability ?? null,
        cluster: result.cluster,
        network: result.network,
        workload: result.workload,
        faults: result.faults,
        finalState: result.finalState,
    };
}
/** Metrics a sweep aggregates across seeds (plus every path the scenario's expectations name). */
export const sweepMetricPaths = [
    'electionLatency.p50',
    'electionLatency.p99',
    'electionLatency.max',
    'elections.splitVotes',
    'elections.timeWithoutLeaderUs',
    'elections.firstLeaderUs',
    'logGrowth.peakEntries',
    'logGrowth.peakBytes',
    'logGrowth.growthEntriesPerSecond',
    'compaction.snapshots',
    'compaction.maxSnapshotLag',
    'compaction.drift.maxTimeSpreadUs',
    'compaction.drift.maxIndexSpread',
    'compaction.stallCount',
    'applyLag.max',
    'commitLatency.p50',
    'commitLatency.p99',
    'clientLatency.write.p50',
    'clientLatency.write.p99',
    'clientLatency.read.p99',
    'messages.sent',
    'messages.dropped',
    'liveness.convergedAfterUs',
];
/** How many seeds' client histories were linearizable, not, undecided, or unchecked; null when no seed says
 *  (sweep files written before the check existed). */
export function linearizabilityCounts(runs) {
    const counts = { ok: 0, violation: 0, unknown: 0, off: 0 };
    let any = false;
    for (const run of runs) {
        if (run.linearizability === undefined)
            continue;
        counts[run.linearizability]++;
        any = true;
    }
    return any ? counts : null;
}
export function summarizeSeed(run, metricPaths = sweepMetricPaths) {
    const result = run.result;
    const context = expectationContext(result);
    const metrics = {};
    for (const path of metricPaths) {
        const value = lookup(context, path);
        metrics[path] = typeof value === 'number' && Number.isFinite(value) ? value : null;
    }
    const failed = run.expectations.filter((expectation) => !expectation.passed);
    return {
        seed: result.seed,
        verdict: result.verdict,
        outcome: run.outcome,
        invariant: result.violation?.invariant ?? null,
        message: result.violation?.message ?? (result.verdict === 'liveness' ? (result.liveness?.reason ?? null) : null),
        failedExpectations: failed.map((expectation) => expectation.expression),
        traceHash: result.traceHash,
        events: result.events,
        simulatedUs: result.simulatedUs,
        wallMs: Math.round(run.wallMs),
        leaderChanges: result.cluster.leaderChanges,
        elections: result.cluster.elections,
        convergedAfterUs: result.liveness?.convergedAfterUs ?? null,
        clientOk: result.workload.ok,
        metrics,
        reached: Object.entries(result.coverage).filter(([, count]) => count > 0).map(([name]) => name),
        linearizability: result.linearizability?.verdict ?? 'off',
    };
}
//# sourceMappingURL=result.js.map