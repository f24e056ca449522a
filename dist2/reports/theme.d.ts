import type { Selection } from 'd3-node';
import type { Role } from './model.js';
export declare const ROLE_COLORS: Readonly<Record<Role, string>>;
/**
 * Per-node colours (lane swatches, chart series): distinct from every role colour — no green, orange, peach or
 * grey, which would read as leader, candidate, pre-candidate or follower.
 */
export declare const NODE_COLORS: readonly string[];
export declare const ROLE_LABELS: Readonly<Record<Role, string>>;
export declare const VERDICT_COLORS: Readonly<Record<string, string>>;
/** Message categories for arrow colours; the index into MESSAGE_CATEGORY_OF picks one. */
export type MessageCategory = 'vote' | 'append' | 'heartbeat' | 'snapshot' | 'transfer' | 'other';
export declare const MESSAGE_CATEGORY_COLORS: Readonly<Record<MessageCategory, string>>;
export declare const MESSAGE_CATEGORY_LABELS: Readonly<Record<MessageCategory, string>>;
export declare function messageCategory(type: string): MessageCategory;
export declare const FAULT_COLORS: {
    readonly partition: "#7b3fe4";
    readonly clog: "#0f8b8d";
    readonly link: "#b8860b";
    readonly down: "#3a3a3a";
    readonly paused: "#4a5a80";
    readonly slow: "#8c6d31";
};
export declare const MARK_COLORS: {
    readonly clock: "#9c27b0";
    readonly 'snapshot-install': "#1565c0";
    readonly snapshot: "#6d4c41";
    readonly 'step-down': "#c62828";
    readonly transfer: "#00838f";
    readonly violation: "#d50000";
    readonly liveness: "#1565c0";
    readonly window: "#e6b800";
    readonly timeout: "#d62728";
    readonly fail: "#555555";
};
export declare function styleSheet(): string;
/** Patterns and arrowheads referenced by the stylesheet. Ids are fixed strings: no randomness. */
export declare function appendDefs(svg: Selection): void;
/**
 * Presentation attributes of the marks added for the compaction and measurement records (stalls, leader
 * lost, skipped and incomplete snapshots, leaderless time). They are inline rather than stylesheet rules:
 * these elements are rare, and keeping the stylesheet unchanged keeps reports of traces without those
 * records byte-identical to earlier versions.
 */
export declare const EXTRA_ATTRS: {
    readonly stall: {
        readonly fill: "#d62728";
        readonly 'fill-opacity': 0.16;
        readonly stroke: "#c62828";
        readonly 'stroke-width': 1.5;
        readonly 'stroke-dasharray': "4 2";
    };
    readonly leaderless: {
        readonly fill: "#c62828";
        readonly 'fill-opacity': 0.8;
    };
    readonly afterEnd: {
        readonly fill: "#e0e0e0";
        readonly 'fill-opacity': 0.85;
    };
    readonly 'leader-lost': {
        readonly fill: "#fff";
        readonly stroke: "#b71c1c";
        readonly 'stroke-width': 1.6;
    };
    readonly 'snapshot-skip': {
        readonly fill: "#fff";
        readonly stroke: "#6d4c41";
        readonly 'stroke-width': 1.2;
    };
    readonly 'snapshot-incomplete': {
        readonly fill: "#fff";
        readonly stroke: "#d50000";
        readonly 'stroke-width': 1.2;
        readonly 'stroke-dasharray': "2 1";
    };
};
export type ExtraStyle = keyof typeof EXTRA_ATTRS;
/** Applies one of EXTRA_ATTRS to a selection. */
export declare function applyExtra(selection: Selection, style: ExtraStyle): Selection;
/** Colours of the two runs (or sweeps) of a comparison: A and B. */
export declare const RUN_COLORS: {
    readonly A: "#2f4fb5";
    readonly B: "#b5246e";
};
export declare const RUN_FILLS: {
    readonly A: "#6f8ae0";
    readonly B: "#e0679f";
};
export type RunLetter = keyof typeof RUN_COLORS;
/** A run's tag in a comparison: "A · label" in the run's colour. */
export interface RunTag {
    readonly letter: RunLetter;
    readonly label: string;
}
