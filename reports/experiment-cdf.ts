// An experiment's figure: one panel per graph, each a set of cumulative distributions (the share of trials whose
// value is at most x), drawn like the Raft paper's Figure 16, with the published statements marked on them.
// Plain numbers in, SVG text out: nothing here knows how the samples were measured.
import type { ContinuousScale, D3Node, Selection } from 'd3-node';
import { cleanText, px } from './format.js';
import { appendLine, appendText, translate } from './svg.js';
import { renderExperimentFigure } from './experiment-frame.js';

export interface CdfSeries {
  readonly label: string;
  /** Uncensored values, in ms. */
  readonly valuesMs: readonly number[];
  /** Every trial, censored ones included: the curve tops out at (trials - censored) / trials. */
  readonly trials: number;
  readonly censored: number;
  /** A colour kept across panels (the same series in two graphs); default: by position in the panel. */
  readonly color?: string;
}

/** A published statement placed on the plot: a point (fraction set) or a vertical line (fraction null). */
export interface CdfMark {
  readonly series: string;
  readonly xMs: number;
  readonly fraction: number | null;
  readonly label: string;
}

export interface CdfPanel {
  readonly title: string;
  readonly logX: boolean;
  readonly series: readonly CdfSeries[];
  readonly marks: readonly CdfMark[];
}

export interface CdfFigure {
  readonly title: string;
  readonly subtitle: string;
  readonly xLabel: string;
  readonly panels: readonly CdfPanel[];
  readonly notes: readonly string[];
}

const WIDTH_PX = 1100;
const PANEL_HEIGHT_PX = 320;
const LEFT_PX = 70;
const RIGHT_PX = 250;
const COLORS = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc949', '#af7aa1', '#ff9da7', '#9c755f', '#bab0ab'];

const STYLE = `
text { font-family: Helvetica, Arial, sans-serif; font-size: 12px; fill: #222; }
.h1 { font-size: 17px; font-weight: bold; } .h2 { font-size: 14px; font-weight: bold; } .note { font-size: 11px; fill: #555; }
.mid { text-anchor: middle; } .end { text-anchor: end; }
.axis { stroke: #333; stroke-width: 1; } .grid { stroke: #e3e3e3; stroke-width: 1; }
.cdf { fill: none; stroke-width: 1.8; } .paper { stroke: #111; stroke-width: 1.2; fill: #fff; } .paper-line { stroke: #111; stroke-dasharray: 4 3; }
.bg { fill: #fff; }`;

function xScale(d3: D3Node['d3'], panel: CdfPanel): ContinuousScale {
  const values = panel.series.flatMap((series) => series.valuesMs).concat(panel.marks.map((mark) => mark.xMs));
  const max = Math.max(1, ...values);
  if (!panel.logX) return d3.scaleLinear().domain([0, max * 1.05]).range([LEFT_PX, WIDTH_PX - RIGHT_PX]).nice();
  const min = Math.max(1, Math.min(...values.filter((value) => value > 0)));
  const lo = 10 ** Math.floor(Math.log10(min));
  const hi = 10 ** Math.ceil(Math.log10(max * 1.01));
  return d3.scaleLog().domain([lo, hi]).range([LEFT_PX, WIDTH_PX - RIGHT_PX]).clamp(true);
}

function drawAxes(g: Selection, x: ContinuousScale, y: ContinuousScale, panel: CdfPanel, xLabel: string): void {
  const [top, bottom] = [y(1), y(0)];
  const ticks = panel.logX ? x.ticks(4).filter((tick) => Number.isInteger(Math.log10(tick))) : x.ticks(8);
  for (const tick of ticks) {
    appendLine(g, x(tick), top, x(tick), bottom, 'grid');
    appendText(g, x(tick), bottom + 16, tick >= 1_000 ? `${tick / 1_000} s` : `${tick} ms`, 'note mid');
  }
  for (const share of [0, 0.25, 0.5, 0.75, 1]) {
    appendLine(g, LEFT_PX, y(share), WIDTH_PX - RIGHT_PX, y(share), 'grid');
    appendText(g, LEFT_PX - 6, y(share) + 4, `${Math.round(share * 100)}%`, 'note end');
  }
  appendLine(g, LEFT_PX, bottom, WIDTH_PX - RIGHT_PX, bottom, 'axis');
  appendLine(g, LEFT_PX, top, LEFT_PX, bottom, 'axis');
  appendText(g, (LEFT_PX + WIDTH_PX - RIGHT_PX) / 2, bottom + 32, `${xLabel}${panel.logX ? ' (log scale)' : ''}`, 'note mid');
  appendText(g, LEFT_PX - 50, top - 8, 'cumulative % of trials', 'note');
}

function drawSeries(d3: D3Node['d3'], g: Selection, x: ContinuousScale, y: ContinuousScale, series: CdfSeries, color: string): void {
  const sorted = [...series.valuesMs].sort((a, b) => a - b);
  const points: [number, number][] = [[x(sorted[0] ?? x.domain()[0]!), y(0)]];
  // A step per trial, thinned to what shows: a step under half a pixel up and a pixel across merges into the next.
  sorted.forEach((value, k) => {
    const point: [number, number] = [px(x(value)), px(y((k + 1) / Math.max(1, series.trials)))];
    const last = points[points.length - 1]!;
    if (k === sorted.length - 1 || Math.abs(point[1] - last[1]) >= 0.5 || point[0] - last[0] >= 1) points.push(point);
  });
  if (sorted.length > 0) points.push([WIDTH_PX - RIGHT_PX, points[points.length - 1]![1]]);
  g.append('path').attr('class', 'cdf').attr('stroke', color).attr('d', d3.line().curve(d3.curveStepAfter).digits(1)(points) ?? '');
}

function drawMark(g: Selection, x: ContinuousScale, y: ContinuousScale, mark: CdfMark, color: string): void {
  const cx = x(mark.xMs);
  if (mark.fraction === null) {
    appendLine(g, cx, y(1), cx, y(0), 'paper-line');
    appendText(g, cx - 4, y(0.08), `paper: ${mark.label}`, 'note end');
    return;
  }
  const cy = y(mark.fraction);
  g.append('path').attr('class', 'paper').attr('stroke', color).attr('d', `M${px(cx)},${px(cy - 6)}L${px(cx + 6)},${px(cy)}L${px(cx)},${px(cy + 6)}L${px(cx - 6)},${px(cy)}Z`);
  appendText(g, cx + 9, cy + (mark.fraction > 0.9 ? 14 : -6), `paper: ${mark.label}`, 'note');
}

function drawLegend(g: Selection, panel: CdfPanel, colorOf: (label: string) => string, top: number): void {
  let y = top;
  for (const series of panel.series) {
    const color = colorOf(series.label);
    appendLine(g, WIDTH_PX - RIGHT_PX + 16, y - 4, WIDTH_PX - RIGHT_PX + 36, y - 4, 'cdf').attr('stroke', color);
    const censored = series.censored > 0 ? `, ${series.censored} censored` : '';
    appendText(g, WIDTH_PX - RIGHT_PX + 42, y, `${series.label} (${series.trials} trials${censored})`);
    y += 17;
  }
  g.append('path').attr('class', 'paper').attr('d', `M${WIDTH_PX - RIGHT_PX + 26},${y - 10}l5,5l-5,5l-5,-5z`);
  appendText(g, WIDTH_PX - RIGHT_PX + 42, y, "the paper's stated numbers");
}

function drawPanel(d3: D3Node['d3'], root: Selection, panel: CdfPanel, top: number, xLabel: string): number {
  const g = root.append('g').attr('transform', translate(0, top));
  appendText(g, 16, 18, panel.title, 'h2');
  const x = xScale(d3, panel);
  const y = d3.scaleLinear().domain([0, 1]).range([PANEL_HEIGHT_PX - 50, 50]);
  drawAxes(g, x, y, panel, xLabel);
  const colorOf = (label: string): string => {
    const index = Math.max(0, panel.series.findIndex((series) => series.label === label));
    return panel.series[index]?.color ?? COLORS[index % COLORS.length]!;
  };
  for (const series of panel.series) drawSeries(d3, g, x, y, series, colorOf(series.label));
  for (const mark of panel.marks) drawMark(g, x, y, mark, colorOf(mark.series));
  drawLegend(g, panel, colorOf, 62);
  return PANEL_HEIGHT_PX;
}

export const CDF_COLORS: readonly string[] = COLORS;

export function renderCdfFigure(figure: CdfFigure): string {
  return renderExperimentFigure({ widthPx: WIDTH_PX, style: STYLE, ...figure }, (d3, root, top) => {
    let y = top;
    for (const panel of figure.panels) y += drawPanel(d3, root, panel, y, figure.xLabel);
    return y;
  });
}
