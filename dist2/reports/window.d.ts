import type { RunModel } from './model.js';
/** Width of the automatic detail windows: about 1 s of a 5-node run is ~1-2k messages, readable as arrows. */
export declare const DETAIL_WINDOW_US = 1000000;
export type DetailRule = 'options' | 'violation' | 'liveness' | 'whole-run' | 'first-fault' | 'first-leader' | 'start';
export interface DetailWindow {
    readonly fromUs: number;
    readonly toUs: number;
    readonly rule: DetailRule;
    /** Why this window, for the panel title. */
    readonly reason: string;
    /** Indexes into model.messages of the messages that entered the network in the window. */
    readonly messages: readonly number[];
}
export interface WindowOptions {
    readonly fromUs?: number;
    readonly toUs?: number;
    readonly maxArrows: number;
}
/**
 * Picks the detail window:
 *  (a) options.fromUs..toUs when either is given;
 *  (b) a failed run: 1 s centred on the safety violation (the end record), or the last 1 s of a liveness failure;
 *  (c) the whole run when it has at most maxArrows messages;
 *  (d) else, when the run has faults, the first fault and the leader change it caused (see faultWindow);
 *  (e) else 1 s from the start of the first successful election (its pre-vote round).
 * The automatic windows (b)-(d) are narrowed, keeping their anchor, until they hold at most maxArrows
 * messages; a window given in options is kept as is and only its first maxArrows messages are drawn.
 */
export declare function chooseDetailWindow(model: RunModel, options: WindowOptions): DetailWindow;
