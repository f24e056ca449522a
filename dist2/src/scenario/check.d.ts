import { type Problem } from './errors.js';
import type { FullSpec } from './fill.js';
/** Every problem of the complete scenario. `context` ends each expected text (e.g. " (with --nodes 3)"). */
export declare function checkFull(full: FullSpec, overridden: ReadonlySet<string>, context: string, drawnDuration: boolean): Problem[];
