// The raftsim command line: the commands (src/commands/), the global options, and the mapping from errors to
// exit codes. Exit codes: 0 passed, 1 safety violation (or a replay that did not reproduce), 2 bad input (one
// paragraph on stderr, never a stack trace), 3 liveness failure or failed expectation.
import yargs, { type Argv } from 'yargs';
import type { Io } from './commands/command.js';
import { commands } from './commands/index.js';
import { UsageError, exitCodes } from './errors.js';
import { ScenarioError } from './scenario/errors.js';
import { raftsimVersion } from './version.js';

export type { Io } from './commands/command.js';

const processIo: Io = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  isTerminal: process.stderr.isTTY === true,
};

const booleanFlags = ['prevote', 'check-quorum', 'swarm', 'trace', 'json', 'check-determinism', 'print', 'report'];

/** yargs reads `--prevote=maybe` as false; refuse any value other than true or false instead. */
function checkBooleanValues(argv: readonly string[]): void {
  for (const arg of argv) {
    const match = /^--(?:no-)?([\w-]+)=(.*)$/.exec(arg);
    if (match !== null && booleanFlags.includes(match[1]!) && !['true', 'false'].includes(match[2]!)) {
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
function parserFor(argv: string[], io: Io, done: (exitCode: number) => void): Argv {
  let parser: Argv = yargs(argv)
    .scriptName('raftsim')
    .usage(`$0 <command> [options]\n\n${description}`)
    .version(raftsimVersion)
    .wrap(Math.min(110, process.stdout.columns ?? 110));
  for (const command of commands) parser = command.register(parser, io, done);
  return parser
    .demandCommand(1, `name a command: ${commandNames.slice(0, -1).join(', ')} or ${commandNames[commandNames.length - 1]} (see --help)`)
    .recommendCommands()
    .strict()
    .help()
    .exitProcess(false)
    .fail((message, error) => {
      if (error !== undefined && error !== null && !(error instanceof UsageError)) throw error;
      throw error ?? new UsageError(message ?? 'invalid command line');
    });
}

/** The one paragraph a usage error prints, with where to read more. */
function usageMessage(error: UsageError, argv: readonly string[]): string {
  const message = error.message.replace(/\s*\n\s*/g, ' ');
  const sentence = /[.!?]$/.test(message) ? message : `${message}.`;
  const hint = error instanceof ScenarioError ? ' See docs/scenarios.md for the format.' : ` Run \`raftsim ${commandOf(argv)}--help\` for usage.`;
  return `raftsim: ${sentence}${hint}\n`;
}

export async function main(argv: string[], io: Io = processIo): Promise<number> {
  let exitCode: number = exitCodes.ok;
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
    if (helpShown) return exitCodes.ok;
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(usageMessage(error, argv));
      return exitCodes.usage;
    }
    throw error;
  }
  return exitCode;
}

/** The command named on the command line ("run "), or '' when there is none. */
function commandOf(argv: readonly string[]): string {
  const command = argv.find((arg) => !arg.startsWith('-'));
  return command !== undefined && commandNames.includes(command) ? `${command} ` : '';
}
