// `raftsim compare`: two runs (trace.jsonl) or two sweeps (sweep.json) side by side on shared axes, as one SVG.
import { exitCodes } from '../errors.js';
import { checkOutputFile } from '../files.js';
import { renderComparisonFiles } from '../reports.js';
import { defineCommand } from './command.js';
import { kib, optionalString, single, writeReport } from './flags.js';
export const compareCommand = defineCommand({
    command: 'compare <a> <b>',
    describe: 'draw two runs (two trace.jsonl files) or two sweeps (two sweep.json files) side by side on shared axes, as one SVG',
    builder: (y) => y
        .positional('a', { type: 'string', demandOption: true, describe: 'run or sweep A: a trace.jsonl or a sweep.json (or a directory holding one)' })
        .positional('b', { type: 'string', demandOption: true, describe: 'run or sweep B, of the same kind as A' })
        .option('o', { alias: 'output', type: 'string', default: 'compare.svg', describe: 'the SVG file to write' })
        .option('label-a', { type: 'string', describe: 'name of A in the report (default: scenario and seed(s))' })
        .option('label-b', { type: 'string', describe: 'name of B in the report (default: scenario and seed(s))' })
        .option('title', { type: 'string', describe: 'heading (default: raftsim comparison · A vs B)' })
        .example('$0 compare on/trace.jsonl off/trace.jsonl -o compare.svg --label-a "PreVote on" --label-b "PreVote off"', 'two runs on one time axis')
        .example('$0 compare fixed/sweep.json jittered/sweep.json -o sweeps.svg', 'two sweeps\' distributions on shared axes'),
    handler: (args, io) => {
        const output = String(single(args.o, '-o'));
        checkOutputFile(output, '-o', 'compare.svg');
        const labelA = optionalString(args['label-a'], '--label-a');
        const labelB = optionalString(args['label-b'], '--label-b');
        const title = optionalString(args.title, '--title');
        const report = renderComparisonFiles(String(single(args.a, 'a')), String(single(args.b, 'b')), {
            ...(labelA !== undefined ? { labelA } : {}),
            ...(labelB !== undefined ? { labelB } : {}),
            ...(title !== undefined ? { title } : {}),
        });
        writeReport(io, output, report, '-o');
        io.out(`wrote ${output} (${kib(report.svg)}): ${report.description}\n`);
        return exitCodes.ok;
    },
});
//# sourceMappingURL=compare.js.map