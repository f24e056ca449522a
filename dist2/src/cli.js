// The raftsim command line: the commands (src/commands/), the global options, and the mapping from errors to
// exit codes. Exit codes: 0 passed, 1 safety violation (or a replay that did not reproduce), 2 bad input (one
// paragraph on stderr, never a stack trace), 3 liveness failure or failed expectation.
import yargs from 'yargs';
import { commands } from './commands/index.js';
import { UsageError, exitCodes } from './errors.js';
import { ScenarioError, suggest } from './scenario/errors.js';
import { raftsimVersion } from './version.js';
const processIo = {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    isTerminal: process.stderr.isTTY === true,
};
const booleanFlags = ['prevote', 'check-quorum', 'swarm', 'trace', 'json', 'check-determinism', 'print', 'report'];
/** yargs reads `--prevote=maybe` as false; refuse any value other than true or false instead. */
function checkBooleanValues(argv) {
    for (const arg of argv) {
        const match = /^--(?:no-)?([\w-]+)=(.*)$/.exec(arg);
        if (match !== null && booleanFlags.includes(match[1]) && !['true', 'false'].includes(match[2])) {
            throw new UsageError(`--${match[1]}=${match[2]}: expected true or false (or --${match[1]} / --no-${match[1]}).`);
        }
    }
}
const commandNames = commands.map((command) => command.name);
const description = `Deterministic Raft simulation: seeded runs over a simulated network, clocks and disks, with Raft safety checked after every event.

A scenario is a built-in name (see \`raftsim list\`) or the path of a .yaml/.json scenario file (docs/scenarios.md).
Exit codes: 0 passed, 1 safety violation, 2 bad input, 3 liveness failure or failed expectation.`;
/** The parser with every command; a command's exit code is handed to `done`. Unknown commands get a "did you
 *  mean" (yargs' recommendCommands); every parse failure becomes a UsageError. */
function parserFor(argv, io, done) {
    let parser = yargs(argv)
        .scriptName('raftsim')
        .usage(`$0 <command> [options]\n\n${description}`)
        .version(raftsimVersion)
        .wrap(Math.min(110, process.stdout.columns ?? 110));
    for (const command of commands)
        parser = command.register(parser, io, done);
    return parser
        .demandCommand(1, `name a command: ${commandNames.slice(0, -1).join(', ')} or ${commandNames[commandNames.length - 1]} (see --help)`)
        .recommendCommands()
        .strict()
        .help()
        .exitProcess(false)
        .fail((message, error, instance) => {
        if (error !== undefined && error !== null && !(error instanceof UsageError))
            throw error;
        throw error ?? new UsageError(unknownFlagMessage(message, argv, instance) ?? message ?? 'invalid command line');
    });
}
/** yargs' "Unknown argument: sed" as "unknown flag --sed: did you mean --seed?", the nearest known flag of the
 *  command (as commands and scenario names get a suggestion). */
function unknownFlagMessage(message, argv, instance) {
    const match = /^Unknown arguments?: (.*)$/.exec(message ?? '');
    if (match === null)
        return null;
    const listed = match[1].split(', ');
    // yargs lists --bogus-flag twice, also as bogusFlag.
    const names = listed.filter((name) => !(/[A-Z]/.test(name) && listed.includes(name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`))));
    // The usage instance yargs hands to fail(): its descriptions are keyed by the command's flags.
    const descriptions = instance.getDescriptions();
    const known = Object.keys(descriptions).filter((key) => key.length > 1 && !/[A-Z]/.test(key));
    const command = commandOf(argv).trim();
    const where = command === '' ? 'raftsim' : `raftsim ${command}`;
    const parts = names.map((name) => {
        const given = argv.find((arg) => [name, `no-${name}`].includes(arg.replace(/^-+/, '').replace(/=.*$/, '')));
        if ((given === undefined || !given.startsWith('-')) && command === '')
            return `unknown command "${name}": the commands are ${commandNames.join(', ')}`;
        if (given === undefined || !given.startsWith('-'))
            return `unexpected argument "${name}" (${where} takes no further positional arguments)`;
        const negated = given.startsWith('--no-') ? 'no-' : '';
        const hint = suggest(name, known);
        return `unknown flag --${negated}${name} for ${where}${hint !== null ? `: did you mean --${negated}${hint}?` : ''}`;
    });
    return parts.join('; ');
}
/** `--duration -5s` as `--duration=-5s`: a value flag followed by a negative-looking value (a minus sign and a
 *  digit or a dot) takes it as its value, which the flag's validator then judges, instead of yargs reading it
 *  as the short flags -5 and -s. */
export function joinNegativeValues(argv) {
    const out = [];
    for (let k = 0; k < argv.length; k++) {
        const arg = argv[k];
        const next = argv[k + 1];
        const flag = /^--([\w-]+)$/.exec(arg);
        if (flag !== null && !booleanFlags.includes(flag[1].replace(/^no-/, '')) && next !== undefined && /^-[\d.]/.test(next)) {
            out.push(`${arg}=${next}`);
            k++;
        }
        else
            out.push(arg);
    }
    return out;
}
/** The one paragraph a usage error prints, with where to read more. */
function usageMessage(error, argv) {
    const message = error.message.replace(/\s*\n\s*/g, ' ');
    const sentence = /[.!?]$/.test(message) ? message : `${message}.`;
    const hint = error instanceof ScenarioError ? ' See docs/scenarios.md for the format.' : ` Run \`npx raftsim ${commandOf(argv)}--help\` for usage.`;
    return `raftsim: ${sentence}${hint}\n`;
}
export async function main(givenArgv, io = processIo) {
    const argv = joinNegativeValues(givenArgv);
    let exitCode = exitCodes.ok;
    const parser = parserFor(argv, io, (code) => {
        exitCode = code;
    });
    try {
        checkBooleanValues(argv);
        let helpShown = false;
        await parser.parseAsync(argv, {}, (error, _argv, output) => {
            if ((error === null || error === undefined) && output !== '') {
                helpShown = true;
                io.out(output.endsWith('\n') ? output : `${output}\n`);
            }
        });
        if (helpShown)
            return exitCodes.ok;
    }
    catch (error) {
        if (error instanceof UsageError) {
            io.err(usageMessage(error, argv));
            return exitCodes.usage;
        }
        throw error;
    }
    return exitCode;
}
/** The command named on the command line ("run "), or '' when there is none. */
function commandOf(argv) {
    const command = argv.find((arg) => !arg.startsWith('-'));
    return command !== undefined && commandNames.includes(command) ? `${command} ` : '';
}
//# sourceMappingURL=cli.js.map