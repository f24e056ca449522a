// `raftsim list`: the built-in scenarios, each with the question it answers.
import { exitCodes } from '../errors.js';
import { builtinScenarios } from '../scenario/builtin.js';
import { defineCommand } from './command.js';
export const listCommand = defineCommand({
    command: 'list',
    describe: 'list the built-in scenarios, each with the question it answers',
    builder: (y) => y.option('json', { type: 'boolean', default: false, describe: 'print the list as JSON' }).example('$0 list', 'one line per scenario: name and question'),
    handler: (args, io) => {
        if (args.json) {
            io.out(JSON.stringify(builtinScenarios.map((s) => ({ name: s.name, question: s.question, file: s.file })), null, 2) + '\n');
            return exitCodes.ok;
        }
        for (const scenario of builtinScenarios)
            io.out(`${scenario.name.padEnd(30)} ${scenario.question}\n`);
        return exitCodes.ok;
    },
});
//# sourceMappingURL=list.js.map