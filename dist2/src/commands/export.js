// `raftsim export`: a recorded trace.jsonl in another tool's format — today Chrome trace-event JSON, which
// Perfetto (ui.perfetto.dev) and chrome://tracing open (docs/cli.md, docs/reports.md).
import { dirname, join } from 'node:path';
import { UsageError, exitCodes } from '../errors.js';
import { checkOutputFile } from '../files.js';
import { renderPerfettoFile } from '../reports.js';
import { defineCommand } from './command.js';
import { fileIn, kib, optionalString, single, writeReport } from './flags.js';
const FORMATS = ['perfetto'];
export const exportCommand = defineCommand({
    command: 'export <trace>',
    describe: 'convert a recorded trace.jsonl for another tool: --format perfetto (Chrome trace-event JSON)',
    builder: (y) => y
        .positional('trace', { type: 'string', demandOption: true, describe: 'a trace.jsonl written by `raftsim run --out DIR --trace` (or --report), or its directory' })
        .option('format', { type: 'string', default: 'perfetto', describe: 'output format: perfetto (trace-event JSON: a process per node, role slices, RPC flows, counters, faults)' })
        .option('o', { alias: 'output', type: 'string', describe: 'the file to write (default: trace.perfetto.json next to the trace)' })
        .example('$0 export out/trace.jsonl --format perfetto -o run.json', 'open run.json in ui.perfetto.dev'),
    handler: (args, io) => {
        const format = String(single(args.format, '--format'));
        if (!FORMATS.includes(format))
            throw new UsageError(`--format ${format}: expected one of ${FORMATS.join(', ')}.`);
        const trace = fileIn(String(single(args.trace, 'trace')), 'trace.jsonl');
        const output = optionalString(args.o, '-o') ?? join(dirname(trace), 'trace.perfetto.json');
        checkOutputFile(output, '-o', 'run.json');
        const rendered = renderPerfettoFile(trace);
        writeReport(io, output, rendered, '-o');
        io.out(`wrote ${output} (${kib(rendered.svg)}): ${rendered.description}\n`);
        return exitCodes.ok;
    },
});
//# sourceMappingURL=export.js.map