import type { ArgumentsCamelCase, Argv } from 'yargs';
/** Where a command writes: stdout, stderr, and whether stderr is a terminal (progress bars, live messages). */
export interface Io {
    out(text: string): void;
    err(text: string): void;
    isTerminal: boolean;
    /** Where progress bars draw when isTerminal (default: process.stderr). */
    terminal?: NodeJS.WritableStream & {
        isTTY?: boolean;
    };
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
export declare function defineCommand<A>(spec: CommandSpec<A>): RaftsimCommand;
