import type { RaftsimCommand } from './command.js';
export declare const commands: readonly RaftsimCommand[];
