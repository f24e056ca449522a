// `raftsim shrink`: minimizes a failing run and writes the minimal scenario as a file `raftsim run` reproduces.
import { preloadRaftModule } from '../raft-module.js';
import { statSync } from 'node:fs';
import { dirname } from 'node:path';
import { UsageError, exitCodes } from '../errors.js';
import { ensureDirectory, writeFile } from '../files.js';
import { openScenario } from '../run-scenario.js';
import { parseDuration } from '../scenario/units.js';
import { shrinkScenario } from '../shrink.js';
import { shrinkText } from '../summary.js';
import { defineCommand } from './command.js';
import { addOverrideOptions, overridesFrom, parseSeed, single } from './flags.js';
function parseMaxRuns(value) {
    const maxRunsText = String(single(value, '--max-runs'));
    const maxRuns = /^\d+$/.test(maxRunsText) ? Number(maxRunsText) : Number.NaN;
    if (!(maxRuns >= 1 && maxRuns <= 1_000_000))
        throw new UsageError(`--max-runs ${maxRunsText}: expected a number of runs from 1 to 1000000.`);
    return maxRuns;
}
function parseBudgetMs(value) {
    let budgetMs;
    try {
        budgetMs = parseDuration(single(value, '--budget')) / 1000;
    }
    catch {
        throw new UsageError(`--budget ${String(value)}: expected a duration such as 60s or 5min.`);
    }
    if (budgetMs <= 0)
        throw new UsageError(`--budget ${String(value)}: expected a duration above 0 such as 60s.`);
    return budgetMs;
}
/** An --out given must be a file name (its directory is created). */
function prepareOutFile(outFile) {
    try {
        if (statSync(outFile).isDirectory())
            throw new UsageError(`--out ${outFile}: is a directory; expected a file name for the minimal scenario.`);
    }
    catch (error) {
        if (error instanceof UsageError)
            throw error;
    }
    ensureDirectory(dirname(outFile) === '' ? '.' : dirname(outFile));
}
export const shrinkCommand = defineCommand({
    command: 'shrink <scenario>',
    describe: 'minimize a failing run (fewer and shorter faults, fewer nodes, lighter workload, shorter run) and write the minimal scenario',
    builder: (y) => addOverrideOptions(y
        .positional('scenario', { type: 'string', demandOption: true, describe: 'built-in scenario name or scenario file' })
        .option('seed', { type: 'string', default: '1', describe: 'the failing seed' })
        .option('out', { type: 'string', describe: 'file for the minimal scenario (default: NAME.seedN.min.yaml in the current directory)' })
        .option('max-runs', { type: 'string', default: '400', describe: 'bound on candidate runs' })
        .option('budget', { type: 'string', default: '5min', describe: 'bound on wall time, e.g. 60s' })
        .example('$0 shrink my.yaml --seed 17', 'writes my.seed17.min.yaml, which `raftsim run` reproduces')),
    handler: async (args, io) => {
        const ref = String(single(args.scenario, 'scenario'));
        const seed = parseSeed(single(args.seed, '--seed'));
        const maxRuns = parseMaxRuns(args['max-runs']);
        const budgetMs = parseBudgetMs(args.budget);
        const overrides = overridesFrom(args);
        await preloadRaftModule(overrides);
        const scenario = openScenario(ref);
        scenario.compile(seed, overrides);
        const outFile = args.out === undefined ? `${scenario.name}.seed${seed}.min.yaml` : String(single(args.out, '--out'));
        if (args.out !== undefined)
            prepareOutFile(outFile);
        const report = shrinkScenario(scenario, seed, {
            overrides,
            maxRuns,
            budgetMs,
            outFile,
            onProgress: io.isTerminal ? (message) => io.err(`shrink: ${message}\n`) : undefined,
        });
        if (report.failed)
            writeFile(outFile, report.yaml);
        io.out(shrinkText(report, ref, seed, report.failed ? outFile : null));
        return exitCodes.ok;
    },
});
//# sourceMappingURL=shrink.js.map