// `raftsim replay DIR/result.json`: reruns a recorded run from the options stored in result.json and confirms
// the trace hash. When it differs, it shows where the two runs first diverge: line by line against the
// recorded trace.jsonl when one is next to result.json (or given), else the window between two trace
// checkpoints stored in result.json.
import { loadedRaftModule } from './raft-module.js';
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import * as z from 'zod';
import { simulate } from '../sim/simulate.js';
import { Trace } from '../sim/trace.js';
import { CheckpointSink, firstDifferentCheckpoint } from './checkpoints.js';
import { UsageError } from './errors.js';
import { checkExpectations, exitCodeOf, outcomeOf, reopenScenario } from './run-scenario.js';
import { formatPath, problemsFromZod } from './scenario/errors.js';
import { parseOverrides, overrideFlags } from './scenario/overrides.js';
import { replayCommand } from './result.js';
import { abbreviate } from './text.js';
import { raftsimVersion, versionMismatch } from './version.js';
const checkpointSchema = z.object({ line: z.number().int(), t: z.number(), digest: z.string() });
/** What replay needs from result.json; the rest of the file is informative. */
const recordedSchema = z.object({
    raftsim: z.object({ resultVersion: z.literal(2, { error: 'expected resultVersion 2 (written by this raftsim)' }) }),
    scenario: z.string(),
    seed: z.number().int().nonnegative(),
    source: z.object({ kind: z.enum(['builtin', 'file', 'inline']), ref: z.string(), path: z.string().nullable(), text: z.string() }),
    overrides: z.array(z.string()),
    options: z.object({
        scenario: z.string(),
        seed: z.number().int().nonnegative(),
        cluster: z.object({ nodeIds: z.array(z.string()).min(1), raft: z.object({}).passthrough(), link: z.object({}).passthrough() }).passthrough(),
        workload: z.object({}).passthrough(),
        faults: z.array(z.object({ atUs: z.number().int().nonnegative(), fault: z.object({ kind: z.string() }).passthrough() })),
        triggers: z.array(z.object({}).passthrough()),
        chaos: z.object({}).passthrough().nullable(),
        durationUs: z.number().int().positive(),
        livenessBoundUs: z.number().int().positive(),
        checkInvariants: z.boolean(),
        maxEvents: z.number().int().positive(),
    }),
    verdict: z.enum(['ok', 'safety', 'liveness']),
    outcome: z.enum(['passed', 'safety', 'liveness', 'expectations']),
    violation: z.object({ invariant: z.string() }).passthrough().nullable(),
    traceHash: z.string().nullable(),
    traceLines: z.number().int().nonnegative(),
    traceCheckpoints: z.object({ every: z.number().int().positive(), points: z.array(checkpointSchema) }).nullable(),
    traceFile: z.string().nullable().optional(),
});
export function readResultFile(path) {
    let text;
    try {
        text = readFileSync(path, 'utf8');
    }
    catch (error) {
        const code = error.code;
        throw new UsageError(`${path}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : `cannot be read (${code ?? String(error)})`}; expected the result.json written by \`raftsim run --out DIR\`.`);
    }
    const trace = traceInstead(path, text);
    if (trace !== null)
        throw new UsageError(trace);
    let json;
    try {
        json = JSON.parse(text);
    }
    catch (error) {
        throw new UsageError(`${path}: found text that is not JSON (${error instanceof Error ? error.message : String(error)}), expected the result.json written by \`raftsim run --out DIR\`.`);
    }
    const mismatch = versionMismatch(path, json, 'resultVersion', 'result.json files');
    if (mismatch !== null) {
        const rerun = recordedRunCommand(json);
        throw new UsageError(`${mismatch}; run it again with this raftsim${rerun !== null ? ` (${rerun} --out DIR)` : ''} and replay the new DIR/result.json.`);
    }
    const parsed = recordedSchema.safeParse(json, { reportInput: true });
    if (!parsed.success) {
        const problem = problemsFromZod(parsed.error.issues, {})[0];
        throw new UsageError(`${path}: ${problem.path.length === 0 ? 'the file' : `field ${formatPath(problem.path)}`}: found ${problem.found}, expected ${problem.expected} (is this a result.json from \`raftsim run --out\`?).`);
    }
    return parsed.data;
}
/** When `text` is a trace.jsonl (its first line a meta record): the message saying so, else null. */
function traceInstead(path, text) {
    const first = text.slice(0, text.indexOf('\n') === -1 ? text.length : text.indexOf('\n'));
    try {
        const record = JSON.parse(first);
        if (record === null || typeof record !== 'object' || record.type !== 'meta' || first.length === text.trimEnd().length)
            return null;
    }
    catch {
        return null;
    }
    const beside = join(dirname(path), 'result.json');
    return `${path}: is a trace (trace.jsonl: one event per line), not a result.json; replay wants the result.json that \`raftsim run --out DIR\` writes next to it${existsSync(beside) ? ` (here: npx raftsim replay ${beside})` : ''}, and compares the trace itself with --trace ${path}.`;
}
/** `npx raftsim run SCENARIO --seed N FLAGS` from whatever a result.json of any version records, or null. */
function recordedRunCommand(json) {
    const data = json;
    if (typeof data?.source?.ref !== 'string' || typeof data.seed !== 'number')
        return null;
    const flags = Array.isArray(data.overrides) && data.overrides.every((flag) => typeof flag === 'string') ? data.overrides : [];
    return replayCommand(data.source.ref, data.seed, flags);
}
/** Compares every line of the replay with the recorded trace as it is emitted; keeps the first difference. */
class CompareSink {
    recorded;
    index = 0;
    metaDiffers = false;
    /** The first differing line after the meta record. */
    first = null;
    constructor(recorded) {
        this.recorded = recorded;
    }
    write(line) {
        const expected = this.recorded[this.index];
        if (this.index === 0)
            this.metaDiffers = expected === undefined || expected + '\n' !== line;
        else if (this.first === null && (expected === undefined || expected + '\n' !== line)) {
            this.first = { line: this.index + 1, recorded: expected ?? null, replayed: line.replace(/\n$/, '') };
        }
        this.index++;
    }
}
class TeeSink {
    sinks;
    constructor(sinks) {
        this.sinks = sinks;
    }
    write(line) {
        for (const sink of this.sinks)
            sink.write(line);
    }
}
/** The overrides a result.json records; none when the file cannot be read (replayResultFile says why). */
export function recordedOverrides(file) {
    try {
        return overridesFromFlags(readResultFile(file).overrides);
    }
    catch {
        return {};
    }
}
/** Parses override flags as written in result.json or sweep.json (`["--drop", "1%", "--no-prevote"]`). */
export function overridesFromFlags(flags, what = 'result.json') {
    const values = {};
    for (let k = 0; k < flags.length; k++) {
        const flag = flags[k];
        const negated = /^--no-(.+)$/.exec(flag);
        const name = negated !== null ? negated[1] : flag.replace(/^--/, '');
        const spec = overrideFlags.find((candidate) => candidate.flag === name);
        if (spec === undefined)
            throw new UsageError(`${what} overrides: found an unknown flag ${flag}, expected flags written by raftsim.`);
        if (spec.boolean === true)
            values[name] = negated === null;
        else
            values[name] = flags[++k];
    }
    return parseOverrides(values, (flag) => `${what} overrides --${flag}`);
}
/** The recorded trace to compare against: the one given, else the one written with this result (--trace) if it
 *  is still next to it (a trace.jsonl left there by another run is not used). */
function recordedTrace(file, recorded, given) {
    const besideTrace = recorded.traceFile === null || recorded.traceFile === undefined ? null : join(dirname(file), basename(recorded.traceFile));
    const traceFile = given ?? (besideTrace !== null && existsSync(besideTrace) ? besideTrace : null);
    if (traceFile === null)
        return { traceFile, lines: null };
    try {
        const text = readFileSync(traceFile, 'utf8');
        return { traceFile, lines: text.length === 0 ? [] : text.replace(/\n$/, '').split('\n') };
    }
    catch (error) {
        throw new UsageError(`${traceFile}: cannot be read (${error.code ?? String(error)}); expected the trace.jsonl written by \`raftsim run --out DIR --trace\`.`);
    }
}
/** The scenario as recorded (its exact text), compiled again: tells whether result.json was edited (its seed no
 *  longer that of its options) or whether raftsim's compiler changed since (naming the first option that differs). */
function recompile(recorded) {
    const seed = recorded.options.seed;
    const seedNote = recorded.seed === seed ? null : `result.json's seed ${recorded.seed} differs from the seed ${seed} its recorded options were drawn from (the seed was edited?); replaying the recorded options, seed ${seed}; to run seed ${recorded.seed}: ${replayCommand(recorded.source.ref, recorded.seed, recorded.overrides)}`;
    try {
        const scenario = reopenScenario(recorded.source, recorded.scenario);
        const overrides = overridesFromFlags(recorded.overrides);
        const compiled = scenario.compile(seed, overrides);
        const difference = firstDifference(recorded.options, compiled.options, 'options');
        const compilerNote = difference === null ? null : `the recorded scenario text compiles to different options with this raftsim ${raftsimVersion} (first at ${difference}): its defaults or compiler changed, or result.json's options were edited; replaying the recorded options`;
        return { scenario, overrides, sourceNote: seedNote ?? compilerNote };
    }
    catch (error) {
        if (!(error instanceof UsageError))
            throw error;
        return { scenario: null, overrides: {}, sourceNote: seedNote ?? `the recorded scenario text no longer compiles (${error.message}); replaying the recorded options` };
    }
}
/** The path of the first value that differs between two JSON values, with both values (shortened), or null. */
function firstDifference(recorded, now, path) {
    if (JSON.stringify(recorded) === JSON.stringify(now))
        return null;
    if (recorded !== null && now !== null && typeof recorded === 'object' && typeof now === 'object' && Array.isArray(recorded) === Array.isArray(now)) {
        const keys = new Set([...Object.keys(recorded), ...Object.keys(now)]);
        for (const key of keys) {
            const found = firstDifference(recorded[key], now[key], Array.isArray(recorded) ? `${path}[${key}]` : `${path}.${key}`);
            if (found !== null)
                return found;
        }
    }
    return `${path}: recorded ${abbreviate(JSON.stringify(recorded) ?? 'nothing')}, now ${abbreviate(JSON.stringify(now) ?? 'nothing')}`;
}
/** Where a replay that did not reproduce first differs: the exact line when the recorded trace was compared, else
 *  the window between two checkpoints. */
function divergenceOf(recorded, recordedLines, compare, checkpoints) {
    if (compare !== null) {
        const first = compare.first ?? (compare.index < recordedLines.length ? { line: compare.index + 1, recorded: recordedLines[compare.index], replayed: '<end of trace>' } : null);
        if (first !== null)
            return { parametersDiffer: compare.metaDiffers, line: first.line, recorded: first.recorded ?? '<end of trace>', replayed: first.replayed, window: null };
        if (compare.metaDiffers)
            return { parametersDiffer: true, line: null, recorded: null, replayed: null, window: null };
    }
    if (recorded.traceCheckpoints === null)
        return null;
    const found = firstDifferentCheckpoint(recorded.traceCheckpoints, checkpoints.checkpoints());
    if (found === null)
        return null;
    return {
        parametersDiffer: false,
        line: null,
        recorded: null,
        replayed: null,
        window: { afterLine: found.from?.line ?? 0, afterT: found.from?.t ?? 0, beforeLine: found.to?.line ?? null, beforeT: found.to?.t ?? null },
    };
}
export function replayResultFile(file, options = {}) {
    const recorded = readResultFile(file);
    const { traceFile, lines: recordedLines } = recordedTrace(file, recorded, options.traceFile);
    const { scenario, overrides, sourceNote } = recompile(recorded);
    const checkpoints = new CheckpointSink(recorded.traceCheckpoints?.every);
    const compare = recordedLines === null ? null : new CompareSink(recordedLines);
    const trace = new Trace({ sink: compare === null ? checkpoints : new TeeSink([checkpoints, compare]) });
    const started = performance.now();
    let result;
    try {
        const options = recorded.options;
        // A run of a user's Raft (--raft) replays with that module (loaded by the command before this call).
        result = simulate(overrides.raft === undefined ? options : { ...options, raftImplementation: loadedRaftModule(overrides.raft) }, trace);
    }
    catch (error) {
        throw new UsageError(`${file}: options: the recorded simulator options cannot be run (${error instanceof Error ? error.message : String(error)}); expected the unmodified result.json of a run.`);
    }
    const wallMs = performance.now() - started;
    const replayedHash = result.traceHash ?? '';
    const reproduced = recorded.traceHash === replayedHash;
    const expectations = scenario === null ? [] : checkExpectations(scenario.compile(recorded.options.seed, overrides), result);
    const outcome = outcomeOf(result.verdict, expectations);
    return {
        file,
        recorded,
        reproduced,
        replayedHash,
        replayedLines: result.traceLines,
        result,
        expectations,
        outcome,
        exitCode: reproduced ? exitCodeOf(outcome) : 1,
        divergence: reproduced ? null : divergenceOf(recorded, recordedLines, compare, checkpoints),
        traceFile,
        sourceNote,
        wallMs,
    };
}
//# sourceMappingURL=replay.js.map