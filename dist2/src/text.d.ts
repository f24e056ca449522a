import { formatUs } from '../sim/random.js';
export { formatUs };
/** A count and its noun: "1 leader", "2 leaders", "1 entry", "3 entries". */
export declare function plural(count: number, singular: string, pluralForm?: string): string;
/** A duration in simulated microseconds; '-' when unknown. */
export declare function us(value: number | null | undefined): string;
/** A real (wall-clock) duration in milliseconds, in the same style as simulated time: 392ms, 1.234s. */
export declare function ms(value: number): string;
/** Text cut to `max` characters with its full length, for quoting values inside messages (whole in result.json). */
export declare function abbreviate(text: string, max?: number): string;
/** A message with every long value in it (a quoted string, or a run of text without spaces) abbreviated. */
export declare function abbreviateValues(message: string, max?: number): string;
/** A scenario's question as it applies to this run: a node count it names ("a 5-node cluster", "5 nodes") is
 *  the run's, and override flags are said (the question was written for the file's own values). */
export declare function questionFor(question: string, nodes: number, flags: readonly string[]): string;
/** A size for people, in the units of scenario files: 512B, 159KiB, 1.5MiB (one decimal at most). */
export declare function size(bytes: number): string;
