// `raftsim merge`: the sweep.json files of a sharded sweep merged into the summary one sweep would give.
import { join } from 'node:path';
import { UsageError } from '../errors.js';
import { ensureDirectory, writeFile } from '../files.js';
import { mergeSweepFiles } from '../merge.js';
import { renderSweepFile } from '../reports.js';
import { sweepText } from '../summary.js';
import { sweepJsonText } from '../sweep.js';
import { defineCommand } from './command.js';
import { fileIn, optionalString, sweepExitCode, writeReport } from './flags.js';
import { plural } from '../text.js';
export const mergeCommand = defineCommand({
    command: 'merge <files..>',
    describe: 'merge the sweep.json files of a sharded sweep into the summary one sweep would give',
    builder: (y) => y
        .positional('files', { type: 'string', array: true, demandOption: true, describe: 'sweep.json files (or directories holding one)' })
        .option('out', { type: 'string', describe: 'directory for the merged sweep.json' })
        .option('report', { type: 'boolean', default: false, describe: 'also write DIR/sweep.svg, the sweep report of the merged seeds (needs --out)' })
        .option('json', { type: 'boolean', default: false, describe: 'print the merged summary as JSON' })
        .example('$0 merge out/*/sweep.json --out merged/', 'after `sweep --shard i/8 --out out/i` on 8 machines')
        .example('$0 merge out/*/sweep.json --out merged/ --report', 'and merged/sweep.svg'),
    handler: (args, io) => {
        const paths = args.files.map((path) => fileIn(path, 'sweep.json'));
        const out = optionalString(args.out, '--out');
        if (args.report === true && out === undefined)
            throw new UsageError('--report writes DIR/sweep.svg (next to the merged DIR/sweep.json) and needs --out DIR.');
        const merged = mergeSweepFiles(paths);
        let reportPath = null;
        if (out !== undefined) {
            ensureDirectory(out);
            writeFile(join(out, 'sweep.json'), sweepJsonText(merged.file));
            if (args.report === true) {
                reportPath = join(out, 'sweep.svg');
                writeReport(io, reportPath, renderSweepFile(merged.file), '--out');
            }
        }
        const summary = merged.file.summary;
        if (merged.missingShards.length > 0)
            io.err(`raftsim merge: shards ${merged.missingShards.join(', ')} are missing; the summary covers ${plural(summary.seeds, 'seed')} only.\n`);
        io.out(args.json ? JSON.stringify(summary, null, 2) + '\n' : sweepText(summary, null) + (reportPath !== null ? `  report      ${reportPath}\n` : ''));
        return sweepExitCode(summary);
    },
});
//# sourceMappingURL=merge.js.map