// The contract of a raftsim command (src/commands/*.ts): its yargs command string, description, builder (the
// options and positionals) and handler, which returns the exit code instead of setting a global. src/cli.ts
// registers the commands and maps errors to exit codes.
import type { ArgumentsCamelCase, Argv } from 'yargs';

/** Where a command writes: stdout, stderr, and whether stderr is a terminal (progress bars, live messages). */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  isTerminal: boolean;
  /** Where progress bars draw when isTerminal (default: process.stderr). */
  terminal?: NodeJS.WritableStream & { isTTY?: boolean };
}

export interface CommandSpec<A> {
  /** The yargs command string: the name, then the positionals (`run [scenario]`, `merge <files..>`). */
  readonly command: string;
  readonly describe: string;
  readonly builder: (y: Argv) => Argv<A>;
  /** Runs the command and returns raftsim's exit code (exitCodes). Bad input throws a UsageError. */
  readonly handler: (args: ArgumentsCamelCase<A>, io: Io) => number | Promise<number>;
}

/** A command as the parser sees it, its argument types sealed inside register(). */
export interface RaftsimCommand {
  readonly name: string;
  readonly command: string;
  readonly describe: string;
  /** Adds the command to the parser; `done` receives the handler's exit code. */
  register(parser: Argv, io: Io, done: (exitCode: number) => void): Argv;
}

export function defineCommand<A>(spec: CommandSpec<A>): RaftsimCommand {
  return {
    name: spec.command.split(' ')[0]!,
    command: spec.command,
    describe: spec.describe,
    register: (parser, io, done) =>
      parser.command(spec.command, spec.describe, spec.builder, (args) => {
        // A synchronous handler stays synchronous: yargs reports its errors the same way as before.
        const exitCode = spec.handler(args, io);
        if (typeof exitCode === 'number') done(exitCode);
        else return exitCode.then(done);
      }),
  };
}
