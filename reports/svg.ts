// Shared rendering context and small SVG helpers on top of d3 selections. Every coordinate goes through
// px() so output bytes do not depend on floating-point noise.
import type { ContinuousScale, D3Module, Selection } from 'd3-node';
import { boldTextWidthPx, cleanText, px, timeTickFormatter } from './format.js';
import type { RunModel } from './model.js';
import { RUN_COLORS, type RunTag } from './theme.js';
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
  /** labels 'none': the base line and tick marks only (a chart whose neighbour below carries the labels). */
  options: { labels: 'above' | 'below' | 'none'; gridTopPx?: number; gridBottomPx?: number; tickCount?: number },
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
    if (options.labels !== 'none') appendText(g, x, options.labels === 'above' ? y - 6 : y + 14, label(tick), 'note mid');
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

/**
 * A comparison's run tag at (x, baseline y): the run letter in a box of the run's colour, then its label in
 * that colour. Returns the width used.
 */
export function drawRunTag(parent: Selection, x: number, y: number, tag: RunTag, fontPx = 13): number {
  const g = parent.append('g').attr('class', 'run-tag').attr('transform', translate(x, y));
  const box = fontPx + 5;
  g.append('rect')
    .attr('x', 0)
    .attr('y', px(-box + 4))
    .attr('width', box)
    .attr('height', box)
    .attr('rx', 3)
    .attr('fill', RUN_COLORS[tag.letter]);
  g.append('text').attr('x', px(box / 2)).attr('y', 0).attr('class', 'h2 white mid').text(tag.letter);
  const label = cleanText(tag.label, 80);
  g.append('text').attr('x', box + 5).attr('y', 0).attr('class', 'h2').attr('style', `fill: ${RUN_COLORS[tag.letter]}`).text(label);
  return box + 5 + (label === '' ? 0 : boldTextWidthPx(label, fontPx));
}
