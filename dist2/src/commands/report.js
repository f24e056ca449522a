// `raftsim report`: the SVG run report of a recorded trace.jsonl.
import { dirname, join } from 'node:path';
import { exitCodes } from '../errors.js';
import { checkOutputFile } from '../files.js';
import { parseWindowFlags, renderTraceFile } from '../reports.js';
import { defineCommand } from './command.js';
import { fileIn, kib, optionalString, single, writeReport } from './flags.js';
export const reportCommand = defineCommand({
    command: 'report <trace>',
    describe: 'draw the SVG run report of a recorded trace.jsonl',
    builder: (y) => y
        .positional('trace', { type: 'string', demandOption: true, describe: 'a trace.jsonl written by `raftsim run --out DIR --trace` (or --report), or its directory' })
        .option('o', { alias: 'output', type: 'string', describe: 'the SVG file to write (default: report.svg next to the trace)' })
        .option('from', { type: 'string', describe: 'start of the detail window, e.g. 12.5s' })
        .option('to', { type: 'string', describe: 'end of the detail window, e.g. 14s' })
        .option('title', { type: 'string', describe: 'heading (default: raftsim run report · SCENARIO · seed N)' })
        .example('$0 report out/trace.jsonl -o report.svg', 'the whole run; the detail panel picks its own window')
        .example('$0 report out/trace.jsonl -o zoom.svg --from 12.5s --to 14s', 'the detail panel shows 12.5 s to 14 s'),
    handler: (args, io) => {
        // A trace that cannot be read is reported when it is read.
        const trace = fileIn(String(single(args.trace, 'trace')), 'trace.jsonl');
        const output = optionalString(args.o, '-o') ?? join(dirname(trace), 'report.svg');
        checkOutputFile(output, '-o', 'report.svg');
        const window = parseWindowFlags(args.from, args.to);
        const title = optionalString(args.title, '--title');
        const report = renderTraceFile(trace, { ...window, ...(title !== undefined ? { title } : {}) });
        writeReport(io, output, report, '-o');
        io.out(`wrote ${output} (${kib(report.svg)}): ${report.description}\n`);
        return exitCodes.ok;
    },
});
//# sourceMappingURL=report.js.map