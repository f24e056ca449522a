// Shared rendering context and small SVG helpers on top of d3 selections. Every coordinate goes through
// px() so output bytes do not depend on floating-point noise.
import type { ContinuousScale, D3Module, Selection } from 'd3-node';
import { cleanText, px, timeTickFormatter } from './format.js';
import type { RunModel } from './model.js';
import type { DetailWindow } from './window.js';

export interface ReportContext {
  readonly d3: D3Module;
  readonly model: RunModel;
  readonly widthPx: number;
  /** Horizontal extent of every time plot (lanes and charts share it). */
  readonly plotLeftPx: number;
  readonly plotRightPx: number;
  /** The whole run, [0, endUs], onto [plotLeftPx, plotRightPx]. */
  readonly x: ContinuousScale;
  readonly window: DetailWindow;
  readonly maxArrows: number;
  /** Per-node series colour (charts, lane swatches). */
  nodeColor(node: string): string;
}

/** Appends a <title> (the browser's hover tooltip) with trace-derived text made XML-safe. */
export function addTitle(selection: Selection, text: string): Selection {
  selection.append('title').text(cleanText(text, 1_000));
  return selection;
}

export function appendRect(parent: Selection, x: number, y: number, width: number, height: number, className: string): Selection {
  return parent
    .append('rect')
    .attr('x', px(x))
    .attr('y', px(y))
    .attr('width', px(Math.max(0, width)))
    .attr('height', px(Math.max(0, height)))
    .attr('class', className === '' ? null : className);
}

export function appendLine(parent: Selection, x1: number, y1: number, x2: number, y2: number, className: string): Selection {
  return parent.append('line').attr('x1', px(x1)).attr('y1', px(y1)).attr('x2', px(x2)).attr('y2', px(y2)).attr('class', className);
}

export function appendText(parent: Selection, x: number, y: number, text: string, className = ''): Selection {
  const node = parent.append('text').attr('x', px(x)).attr('y', px(y));
  if (className !== '') node.attr('class', className);
  return node.text(cleanText(text));
}

export function translate(x: number, y: number): string {
  return `translate(${px(x)},${px(y)})`;
}

/**
 * A time axis drawn with d3 scale ticks: a base line at `y`, tick labels above or below, and optional light
 * grid lines from gridTopPx to gridBottomPx. Labels are in s, ms or µs depending on the tick step.
 */
export function drawTimeAxis(
  parent: Selection,
  scale: ContinuousScale,
  y: number,
  options: { labels: 'above' | 'below'; gridTopPx?: number; gridBottomPx?: number; tickCount?: number },
): void {
  const [fromUs, toUs] = scale.domain() as [number, number];
  const [left, right] = scale.range() as [number, number];
  const ticks = scale.ticks(options.tickCount ?? Math.max(2, Math.round((right - left) / 110)));
  const stepUs = ticks.length > 1 ? ticks[1]! - ticks[0]! : Math.max(1, toUs - fromUs);
  const label = timeTickFormatter(stepUs);
  const g = parent.append('g').attr('class', 'time-axis');
  if (options.gridTopPx !== undefined && options.gridBottomPx !== undefined) {
    for (const tick of ticks) appendLine(g, scale(tick), options.gridTopPx, scale(tick), options.gridBottomPx, 'grid');
  }
  appendLine(g, left, y, right, y, 'axis');
  const direction = options.labels === 'above' ? -1 : 1;
  for (const tick of ticks) {
    const x = scale(tick);
    appendLine(g, x, y, x, y + direction * 4, 'axis');
    appendText(g, x, options.labels === 'above' ? y - 6 : y + 14, label(tick), 'note mid');
  }
}

/** Clip path with a fixed id, so marks never spill out of their panel. */
export function appendClip(defsParent: Selection, id: string, x: number, y: number, width: number, height: number): void {
  defsParent
    .append('clipPath')
    .attr('id', id)
    .append('rect')
    .attr('x', px(x))
    .attr('y', px(y))
    .attr('width', px(width))
    .attr('height', px(height));
}
