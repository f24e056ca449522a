import type { Selection } from 'd3-node';
import { type ReportContext } from '../svg.js';
import { type RunTag } from '../theme.js';
export interface MainTimelineOptions {
    /** Heading; default "Timeline". */
    readonly heading?: string;
    /** Note after the heading; default the run report's reading hint. */
    readonly note?: string;
    /** A comparison's run tag, drawn before the heading. */
    readonly tag?: RunTag;
    /** Per node-pair traffic strips under the lanes; default true. */
    readonly trafficStrips?: boolean;
    /** Extra attributes of the timeline's group (data-* attributes for readers of the SVG). */
    readonly dataAttributes?: Readonly<Record<string, string>>;
}
/**
 * The whole-run timeline, drawn on ctx.x: in a comparison that scale is shared by both runs and may reach
 * past this run's end, which is then greyed out. Returns its height and the lanes' bottom in parent coordinates.
 */
export declare function drawMainTimeline(ctx: ReportContext, parent: Selection, topPx: number, options?: MainTimelineOptions): {
    heightPx: number;
    lanesBottomPx: number;
};
