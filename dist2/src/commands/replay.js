// `raftsim replay`: reruns a recorded run from its result.json and confirms the trace hash, or shows where the
// runs first diverge.
import { preloadRaftModule } from '../raft-module.js';
import { recordedOverrides, replayResultFile } from '../replay.js';
import { replayText } from '../summary.js';
import { defineCommand } from './command.js';
import { fileIn, single } from './flags.js';
function replayJson(file, report) {
    const json = {
        file,
        reproduced: report.reproduced,
        recordedHash: report.recorded.traceHash,
        replayedHash: report.replayedHash,
        verdict: report.result.verdict,
        outcome: report.outcome,
        divergence: report.divergence,
        note: report.sourceNote,
    };
    return JSON.stringify(json, null, 2) + '\n';
}
export const replayCommand = defineCommand({
    command: 'replay <result>',
    describe: 'rerun a recorded run from its result.json and confirm the trace hash (or show the first divergence)',
    builder: (y) => y
        .positional('result', { type: 'string', demandOption: true, describe: 'a result.json written by `raftsim run --out DIR` (or its directory)' })
        .option('trace', { type: 'string', describe: 'the recorded trace.jsonl to compare line by line (default: the one next to result.json, if any)' })
        .option('json', { type: 'boolean', default: false, describe: 'print the replay report as JSON' })
        .example('$0 replay out/result.json', 'exit code of the run when the hash matches; 1 when it does not'),
    handler: async (args, io) => {
        // A result.json that cannot be read is reported by replayResultFile.
        const file = fileIn(String(single(args.result, 'result')), 'result.json');
        await preloadRaftModule(recordedOverrides(file));
        const report = replayResultFile(file, args.trace === undefined ? {} : { traceFile: String(single(args.trace, '--trace')) });
        io.out(args.json ? replayJson(file, report) : replayText(report));
        return report.exitCode;
    },
});
//# sourceMappingURL=replay.js.map