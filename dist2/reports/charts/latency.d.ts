import type { Selection } from 'd3-node';
import { type ReportContext } from '../svg.js';
import { type ChartOptions } from './frame.js';
/** Smallest and largest client operation latency (µs, at least 1), or null without operations. */
export declare function latencyRange(ctx: ReportContext): [number, number] | null;
/** Client latency: p50 and p99 of completed operations per bucket (log scale), timeouts and failures as ×. */
export declare function drawLatencyChart(ctx: ReportContext, parent: Selection, topPx: number, options?: ChartOptions): number;
