// An experiment's figure over time: one panel per variant, each a set of lines (a value in ms against the run's
// time in s, on a log scale), with the moments that matter (a fault, a heal) as vertical lines and the published
// figures as dashed horizontal ones. Plain numbers in, SVG text out: nothing here knows how the values were measured.
import type { ContinuousScale, D3Node, Selection } from 'd3-node';
import { cleanText, px } from './format.js';
import { appendLine, appendText, translate } from './svg.js';
import { renderExperimentFigure } from './experiment-frame.js';

export interface TimelineLine {
  readonly label: string;
  /** [time s, value ms] points in time order. */
  readonly points: readonly (readonly [number, number])[];
  readonly color: string;
  readonly dashed?: boolean;
  /** Points further apart than this (s) are not joined: a gap in the data stays a gap in the line. */
  readonly maxStepS?: number;
}

export interface TimelineMoment {
  readonly atS: number;
  readonly label: string;
}

export interface TimelineReference {
  readonly valueMs: number;
  readonly label: string;
}

export interface TimelinePanel {
  readonly title: string;
  readonly lines: readonly TimelineLine[];
  readonly moments: readonly TimelineMoment[];
  readonly references: readonly TimelineReference[];
}

export interface TimelineFigure {
  readonly title: string;
  readonly subtitle: string;
  readonly yLabel: string;
  readonly xLabel: string;
  /** Shared by every panel, so the panels compare at a glance. */
  readonly xDomainS: readonly [number, number];
  readonly yDomainMs: readonly [number, number];
  readonly panels: readonly TimelinePanel[];
  readonly notes: readonly string[];
}

const WIDTH_PX = 1100;
const PANEL_HEIGHT_PX = 300;
const LEFT_PX = 70;
const RIGHT_PX = 250;

const STYLE = `
text { font-family: Helvetica, Arial, sans-serif; font-size: 12px; fill: #222; }
.h1 { font-size: 17px; font-weight: bold; } .h2 { font-size: 14px; font-weight: bold; } .note { font-size: 11px; fill: #555; }
.mid { text-anchor: middle; } .end { text-anchor: end; }
.axis { stroke: #333; stroke-width: 1; } .grid { stroke: #e3e3e3; stroke-width: 1; }
.series { fill: none; stroke-width: 1.6; } .dashed { stroke-dasharray: 5 3; }
.moment { stroke: #888; stroke-width: 1; stroke-dasharray: 2 3; } .published { stroke: #111; stroke-width: 1.2; stroke-dasharray: 6 4; }
.bg { fill: #fff; }`;

const msText = (value: number): string => (value >= 1_000 ? `${value / 1_000} s` : `${value} ms`);

function drawAxes(g: Selection, x: ContinuousScale, y: ContinuousScale, yLabel: string, xLabel: string): void {
  const [left, right] = x.range() as [number, number];
  const [bottom, top] = y.range() as [number, number];
  for (const tick of x.ticks(10)) {
    appendLine(g, x(tick), top, x(tick), bottom, 'grid');
    appendText(g, x(tick), bottom + 16, `${tick} s`, 'note mid');
  }
  for (const tick of y.ticks(6).filter((value) => Number.isInteger(Math.log10(value)))) {
    appendLine(g, left, y(tick), right, y(tick), 'grid');
    appendText(g, left - 6, y(tick) + 4, msText(tick), 'note end');
  }
  appendLine(g, left, bottom, right, bottom, 'axis');
  appendLine(g, left, top, left, bottom, 'axis');
  appendText(g, (left + right) / 2, bottom + 32, xLabel, 'note mid');
  appendText(g, left - 50, top - 8, `${yLabel} (log scale)`, 'note');
}

function drawPanel(d3: D3Node['d3'], root: Selection, figure: TimelineFigure, panel: TimelinePanel, top: number): void {
  const g = root.append('g').attr('transform', translate(0, top));
  appendText(g, 16, 18, panel.title, 'h2');
  const x = d3.scaleLinear().domain([...figure.xDomainS]).range([LEFT_PX, WIDTH_PX - RIGHT_PX]);
  const y = d3.scaleLog().domain([...figure.yDomainMs]).range([PANEL_HEIGHT_PX - 50, 40]).clamp(true);
  drawAxes(g, x, y, figure.yLabel, figure.xLabel);
  for (const moment of panel.moments) {
    appendLine(g, x(moment.atS), y.range()[1]!, x(moment.atS), y.range()[0]!, 'moment');
    appendText(g, x(moment.atS) + 4, y.range()[1]! + 12, moment.label, 'note');
  }
  let legendY = 52;
  for (const reference of panel.references) {
    appendLine(g, LEFT_PX, y(reference.valueMs), WIDTH_PX - RIGHT_PX, y(reference.valueMs), 'published');
    appendText(g, WIDTH_PX - RIGHT_PX - 4, y(reference.valueMs) - 4, reference.label, 'note end');
  }
  for (const line of panel.lines) {
    const segments: [number, number][][] = [];
    let previousS = Number.NEGATIVE_INFINITY;
    for (const [t, value] of line.points) {
      if (segments.length === 0 || t - previousS > (line.maxStepS ?? Number.POSITIVE_INFINITY)) segments.push([]);
      segments[segments.length - 1]!.push([px(x(t)), px(y(Math.max(figure.yDomainMs[0], value)))]);
      previousS = t;
    }
    const path = segments.map((points) => d3.line().digits(1)(points.length === 1 ? [points[0]!, [points[0]![0] + 1, points[0]![1]]] : points) ?? '').join('');
    g.append('path').attr('class', `series${line.dashed === true ? ' dashed' : ''}`).attr('stroke', line.color).attr('d', path);
    appendLine(g, WIDTH_PX - RIGHT_PX + 16, legendY - 4, WIDTH_PX - RIGHT_PX + 36, legendY - 4, `series${line.dashed === true ? ' dashed' : ''}`).attr('stroke', line.color);
    appendText(g, WIDTH_PX - RIGHT_PX + 42, legendY, cleanText(line.label, 40));
    legendY += 17;
  }
  if (panel.references.length > 0) {
    appendLine(g, WIDTH_PX - RIGHT_PX + 16, legendY - 4, WIDTH_PX - RIGHT_PX + 36, legendY - 4, 'published');
    appendText(g, WIDTH_PX - RIGHT_PX + 42, legendY, 'the published figures');
  }
}

export function renderTimelineFigure(figure: TimelineFigure): string {
  return renderExperimentFigure({ widthPx: WIDTH_PX, style: STYLE, ...figure }, (d3, root, top) => {
    let y = top;
    for (const panel of figure.panels) {
      drawPanel(d3, root, figure, panel, y);
      y += PANEL_HEIGHT_PX;
    }
    return y;
  });
}
