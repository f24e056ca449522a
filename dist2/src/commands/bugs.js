// `raftsim bugs`: the bug catalogue — every deliberately broken variant the harness must find, where it lives,
// what it breaks and where the mistake comes from. Switch one on with `--bug NAME` or a scenario's `bugs:`.
import { allBugs } from '../../sim/bugs.js';
import { exitCodes } from '../errors.js';
import { defineCommand } from './command.js';
export const bugsCommand = defineCommand({
    command: 'bugs',
    describe: 'list the catalogued bugs (switch one on with --bug NAME, or bugs: [NAME] in a scenario)',
    builder: (y) => y
        .option('json', { type: 'boolean', default: false, describe: 'print the catalogue as JSON' })
        .option('long', { type: 'boolean', default: false, describe: 'also print each summary and source' })
        .example('$0 bugs', 'one line per bug: name, layer, area, the property it breaks')
        .example('$0 run random-chaos --seed 7 --bug commit-old-term-by-counting', 'a run with one bug switched on'),
    handler: (args, io) => {
        if (args.json) {
            io.out(JSON.stringify(allBugs, null, 2) + '\n');
            return exitCodes.ok;
        }
        io.out(`${'name'.padEnd(42)} ${'layer'.padEnd(10)} ${'area'.padEnd(12)} breaks\n`);
        for (const bug of allBugs) {
            io.out(`${bug.name.padEnd(42)} ${bug.switch.layer.padEnd(10)} ${bug.area.padEnd(12)} ${bug.breaks}\n`);
            if (args.long)
                io.out(`    ${bug.summary}\n    source: ${bug.source}\n    where:  ${bug.where}\n`);
        }
        io.out(`\n${allBugs.length} bugs. Switch one on: raftsim run SCENARIO --bug NAME (repeatable), or bugs: [NAME] in a scenario file.\n`);
        return exitCodes.ok;
    },
});
//# sourceMappingURL=bugs.js.map