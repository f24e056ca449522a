// `raftsim check`: validates scenario files (and built-in names) without running them; --print writes every
// parameter of the run, defaults and draws filled in.
import { preloadRaftModule } from '../raft-module.js';
import { exitCodes } from '../errors.js';
import { openScenario } from '../run-scenario.js';
import { overridesToFlags } from '../scenario/overrides.js';
import { fullToSpec, specToDocument, toYaml } from '../scenario/serialize.js';
import { plural, questionFor } from '../text.js';
import { defineCommand } from './command.js';
import { addOverrideOptions, overridesFrom, parseSeed, single } from './flags.js';
/** The complete scenario as YAML, under a header naming the defaults and the values drawn from the seed. */
function printed(name, seed, overrides, compiled) {
    const flags = overridesToFlags(overrides);
    const header = [`${name} seed ${seed}${flags.length > 0 ? ` ${flags.join(' ')}` : ''}: every parameter of the run.`, `Filled from defaults: ${compiled.defaults.join(', ') || 'none'}.`];
    for (const [path, value] of Object.entries(compiled.drawn))
        header.push(`Drawn from the seed: ${path} = ${typeof value === 'string' ? value : JSON.stringify(value)}`);
    const spec = fullToSpec(compiled.full);
    return toYaml(specToDocument({ ...spec, question: questionFor(spec.question, compiled.options.cluster.nodeIds.length, flags) }), header.join('\n'));
}
export const checkCommand = defineCommand({
    command: 'check <scenarios..>',
    describe: 'validate scenario files (and built-in names) without running them; --print shows every parameter with defaults filled in',
    builder: (y) => addOverrideOptions(y
        .positional('scenarios', { type: 'string', array: true, demandOption: true, describe: 'scenario names or files' })
        .option('seed', { type: 'string', default: '1', describe: 'the seed to compile for (swarm draws and `between` times depend on it)' })
        .option('print', { type: 'boolean', default: false, describe: 'print the complete scenario (defaults and draws filled in) as YAML' })
        .example('$0 check my-scenario.yaml', 'exit 0 when valid, 2 with the file, line, path and problem otherwise')
        .example('$0 check leader-crash --print --nodes 3', 'every parameter of leader-crash on 3 nodes')),
    handler: async (args, io) => {
        const seed = parseSeed(single(args.seed, '--seed'));
        const overrides = overridesFrom(args);
        await preloadRaftModule(overrides);
        for (const ref of args.scenarios) {
            const scenario = openScenario(ref);
            const compiled = scenario.compile(seed, overrides);
            if (args.print)
                io.out(printed(scenario.name, seed, overrides, compiled));
            else {
                const options = compiled.options;
                io.out(`ok  ${ref}: ${scenario.name}: ${plural(options.cluster.nodeIds.length, 'node')}, ${plural(options.faults.length, 'scheduled fault')}, ${plural(options.triggers.length, 'trigger')}, ${plural(compiled.expectations.length, 'expectation')}\n`);
            }
        }
        return exitCodes.ok;
    },
});
//# sourceMappingURL=check.js.map