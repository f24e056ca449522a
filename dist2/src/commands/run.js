// `raftsim run`: one scenario, one seed; prints a summary (or the result JSON) and optionally writes
// result.json, the trace and the run report.
import { preloadRaftModule } from '../raft-module.js';
import { join } from 'node:path';
import { simulate } from '../../sim/simulate.js';
import { checkDeterminism, FileSink, Trace } from '../../sim/trace.js';
import { CheckpointSink } from '../checkpoints.js';
import { UsageError, exitCodes } from '../errors.js';
import { ensureDirectory, writeFile } from '../files.js';
import { parseWindowFlags, renderTraceFile } from '../reports.js';
import { toResultJson } from '../result.js';
import { openScenario, runLoadedScenario } from '../run-scenario.js';
import { runSummary } from '../summary.js';
import { defineCommand } from './command.js';
import { addOverrideOptions, optionalString, overridesFrom, parseSeed, single, writeReport } from './flags.js';
import { plural } from '../text.js';
/** Runs the scenario twice and compares the traces; false (after saying where they diverge) when they differ. */
function deterministic(io, scenario, seed, overrides) {
    const options = scenario.compile(seed, overrides).options;
    const report = checkDeterminism((s, trace) => void simulate({ ...options, seed: s }, trace), seed);
    if (report.identical) {
        io.out(`deterministic: two runs of ${scenario.name} seed ${seed} gave the same trace hash ${report.hashA} over ${plural(report.lines, 'line')}\n`);
        return true;
    }
    io.out(`NOT deterministic: hashes ${report.hashA} and ${report.hashB}; first divergence at line ${report.firstDivergence?.line}:\n  run 1: ${report.firstDivergence?.a}\n  run 2: ${report.firstDivergence?.b}\n`);
    return false;
}
/** Draws DIR/report.svg from the trace file just written, read back line by line: memory stays bounded by the
 *  report's model. A trace the report cannot draw says which files were written and how to draw it again. */
function writeRunReport(io, out, written, window) {
    const path = join(out, 'report.svg');
    let rendered;
    try {
        rendered = renderTraceFile(join(out, 'trace.jsonl'), window);
    }
    catch (error) {
        if (!(error instanceof UsageError))
            throw error;
        throw new UsageError(`${error.message.replace(/\.$/, '')}. The run's ${written.join(' and ')} were written; draw the report again with \`raftsim report ${join(out, 'trace.jsonl')} -o ${path} --from ... --to ...\`.`);
    }
    writeReport(io, path, rendered, '--out');
    return path;
}
export const runCommand = defineCommand({
    command: 'run [scenario]',
    describe: 'run one scenario for one seed and print a summary',
    builder: (y) => addOverrideOptions(y
        .positional('scenario', { type: 'string', default: 'leader-crash', describe: 'built-in scenario name or scenario file' })
        .option('seed', { type: 'string', default: '1', describe: 'the seed; the same seed replays bit for bit' })
        .option('out', { type: 'string', describe: 'directory for result.json (and trace.jsonl with --trace, report.svg with --report)' })
        .option('trace', { type: 'boolean', default: false, describe: 'write DIR/trace.jsonl (needs --out)' })
        .option('report', { type: 'boolean', default: false, describe: 'write DIR/report.svg, the SVG run report, and the trace it is drawn from (needs --out)' })
        .option('from', { type: 'string', describe: 'start of the report\'s detail window, e.g. 12.5s (with --report)' })
        .option('to', { type: 'string', describe: 'end of the report\'s detail window, e.g. 14s (with --report)' })
        .option('json', { type: 'boolean', default: false, describe: 'print the result JSON to stdout instead of the summary' })
        .option('check-determinism', { type: 'boolean', default: false, describe: 'run twice and compare trace hashes' })
        .example('$0 run leader-crash --seed 7', 'one run; prints a summary and how to replay it')
        .example('$0 run my.yaml --seed 3 --out out/ --trace', 'also writes out/result.json and out/trace.jsonl')
        .example('$0 run random-chaos --seed 3 --out out --report', 'also writes out/trace.jsonl and out/report.svg (open it in a browser)')
        .example('$0 run leader-crash --out out --report --from 5.9s --to 6.4s', 'the report\'s detail panel shows 5.9 s to 6.4 s')
        .example('$0 run bridge-partition --no-prevote --no-check-quorum', 'the same scenario with PreVote and CheckQuorum off')),
    handler: async (args, io) => {
        const seed = parseSeed(single(args.seed, '--seed'));
        const ref = String(single(args.scenario, 'scenario'));
        const out = optionalString(args.out, '--out');
        if (args.trace && out === undefined)
            throw new UsageError('--trace writes DIR/trace.jsonl and needs --out DIR.');
        const report = args.report === true;
        if (report && out === undefined)
            throw new UsageError('--report writes DIR/report.svg (and DIR/trace.jsonl, which it is drawn from) and needs --out DIR.');
        if (!report && (args.from !== undefined || args.to !== undefined))
            throw new UsageError(`${args.from !== undefined ? '--from' : '--to'} selects the detail window of the report and needs --report (and --out DIR).`);
        const window = parseWindowFlags(args.from, args.to);
        const keepTrace = args.trace === true || report;
        const overrides = overridesFrom(args);
        await preloadRaftModule(overrides);
        const scenario = openScenario(ref);
        if (args['check-determinism'] && !deterministic(io, scenario, seed, overrides))
            return exitCodes.safety;
        // Validate everything before writing anything.
        scenario.compile(seed, overrides);
        if (out !== undefined)
            ensureDirectory(out);
        const checkpoints = new CheckpointSink(undefined, keepTrace ? new FileSink(join(out, 'trace.jsonl')) : null);
        const run = runLoadedScenario(scenario, seed, { overrides, trace: new Trace({ sink: checkpoints }) });
        checkpoints.close();
        const json = toResultJson(run, checkpoints.checkpoints(), keepTrace ? 'trace.jsonl' : null);
        if (out !== undefined)
            writeFile(join(out, 'result.json'), JSON.stringify(json, null, 2) + '\n');
        const files = out === undefined ? [] : [join(out, 'result.json'), ...(keepTrace ? [join(out, 'trace.jsonl')] : [])];
        if (report)
            files.push(writeRunReport(io, out, [...files], window));
        io.out(args.json ? JSON.stringify(json, null, 2) + '\n' : runSummary(json, files));
        return run.exitCode;
    },
});
//# sourceMappingURL=run.js.map