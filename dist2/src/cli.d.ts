import type { Io } from './commands/command.js';
export type { Io } from './commands/command.js';
/** `--duration -5s` as `--duration=-5s`: a value flag followed by a negative-looking value (a minus sign and a
 *  digit or a dot) takes it as its value, which the flag's validator then judges, instead of yargs reading it
 *  as the short flags -5 and -s. */
export declare function joinNegativeValues(argv: readonly string[]): string[];
export declare function main(givenArgv: string[], io?: Io): Promise<number>;
