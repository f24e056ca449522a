// The lanes of a timeline panel (one per node): their geometry, frames, role bands, and down, paused, slow and
// stalled periods.
import type { ContinuousScale, Selection } from 'd3-node';
import { cleanText, formatDurationUs, formatTimeUs, px, textWidthPx } from '../format.js';
import type { NodeSpan, Role, RoleSpan, RunModel } from '../model.js';
import { laneGroups } from '../datacenters.js';
import { addTitle, appendLine, appendRect, appendText, type ReportContext } from '../svg.js';
import { ROLE_LABELS, applyExtra, type ExtraStyle } from '../theme.js';

/** Role priority for a pixel that holds several short role spans: show the most notable one. */
const ROLE_PRIORITY: Readonly<Record<Role, number>> = { follower: 0, precandidate: 1, candidate: 2, leader: 3 };

/** Spans narrower than this are merged with their neighbours into one band (bounds rects per lane). */
const MIN_BAND_PX = 1;

/** Geometry of one lane panel. */
export interface LaneGeometry {
  readonly x: ContinuousScale;
  readonly fromUs: number;
  readonly toUs: number;
  /** Top of the first lane, in the panel group's coordinates. */
  readonly topPx: number;
  readonly laneHeightPx: number;
  /** Role band inside the lane: offset from the lane top and height. */
  readonly bandTopPx: number;
  readonly bandHeightPx: number;
}

export function laneTop(geometry: LaneGeometry, lane: number): number {
  return geometry.topPx + lane * geometry.laneHeightPx;
}

export function laneCentre(geometry: LaneGeometry, lane: number): number {
  return laneTop(geometry, lane) + geometry.bandTopPx + geometry.bandHeightPx / 2;
}

/** Visible pixel extent of [fromUs, toUs) in the panel, or null when outside it. */
export function clipX(geometry: LaneGeometry, fromUs: number, toUs: number): [number, number] | null {
  if (toUs < geometry.fromUs || fromUs > geometry.toUs) return null;
  return [geometry.x(Math.max(fromUs, geometry.fromUs)), geometry.x(Math.min(toUs, geometry.toUs))];
}

export function spanText(fromUs: number, toUs: number): string {
  return `${formatTimeUs(fromUs)} – ${formatTimeUs(toUs)} (${formatDurationUs(toUs - fromUs)})`;
}

/** Datacenter groups: a bracket left of the lane labels with the datacenter's name, a line between groups. */
function drawLaneGroups(ctx: ReportContext, g: Selection, geometry: LaneGeometry): void {
  const groups = laneGroups(ctx.model);
  groups.forEach((group, k) => {
    const top = laneTop(geometry, group.first) + 2;
    const bottom = laneTop(geometry, group.last + 1) - 2;
    const bracket = g.append('g').attr('class', 'dc-group').attr('data-datacenter', group.datacenter);
    appendLine(bracket, 14, top, 14, bottom, 'dc-bracket');
    appendLine(bracket, 14, top, 18, top, 'dc-bracket');
    appendLine(bracket, 14, bottom, 18, bottom, 'dc-bracket');
    appendText(bracket, 18, top + 9, cleanText(group.datacenter, 9), 'tiny dc-label');
    addTitle(bracket, `datacenter ${group.datacenter}: ${ctx.model.nodes.slice(group.first, group.last + 1).join(', ')}`);
    if (k > 0) appendLine(g, ctx.plotLeftPx - 60, laneTop(geometry, group.first), ctx.plotRightPx, laneTop(geometry, group.first), 'dc-separator');
  });
}

/** A node's version at boot in a mixed-version run, else null. */
function bootVersion(params: RunModel['params'], node: string): number | null {
  const versions = params['versions'] as { initial?: Record<string, unknown> } | undefined;
  const version = versions?.initial?.[node];
  return typeof version === 'number' ? version : null;
}

/** Lane labels with the node's chart colour, lane backgrounds; datacenter groups when the run has them. */
export function drawLaneFrames(ctx: ReportContext, g: Selection, geometry: LaneGeometry): void {
  drawLaneGroups(ctx, g, geometry);
  ctx.model.nodes.forEach((node, lane) => {
    const top = laneTop(geometry, lane);
    appendRect(g, ctx.plotLeftPx, top + 1, ctx.plotRightPx - ctx.plotLeftPx, geometry.laneHeightPx - 2, 'lane-bg');
    g.append('rect')
      .attr('x', px(ctx.plotLeftPx - 58))
      .attr('y', px(top + geometry.laneHeightPx / 2 - 5))
      .attr('width', 10)
      .attr('height', 10)
      .attr('fill', ctx.nodeColor(node));
    // A mixed-version run names each node's boot version (meta.params.versions; docs/versions.md).
    const version = bootVersion(ctx.model.params, node);
    appendText(g, ctx.plotLeftPx - 44, top + geometry.laneHeightPx / 2 + 4, version === null ? node : `${node} v${version}`, 'lane');
  });
}

/** Role bands, coalescing sub-pixel spans so a flapping node costs at most ~one rect per pixel. */
export function drawRoles(ctx: ReportContext, g: Selection, geometry: LaneGeometry): void {
  const byNode = new Map<string, RoleSpan[]>();
  for (const span of ctx.model.roleSpans) {
    if (span.toUs < geometry.fromUs || span.fromUs > geometry.toUs) continue;
    let list = byNode.get(span.node);
    if (list === undefined) byNode.set(span.node, (list = []));
    list.push(span);
  }
  ctx.model.nodes.forEach((node, lane) => drawLaneRoles(ctx, g, geometry, node, laneTop(geometry, lane) + geometry.bandTopPx, byNode.get(node) ?? []));
}

/** Sub-pixel role spans merged into one band, drawn as the most notable role among them. */
interface MergedRoles {
  x0: number;
  x1: number;
  fromUs: number;
  toUs: number;
  role: Role;
  first: RoleSpan;
  count: number;
  terms: Set<number>;
}

function describeRole(span: RoleSpan): string {
  return `${span.node} ${ROLE_LABELS[span.role]} · term ${span.term}${span.leader !== null && span.role !== 'leader' ? ` · leader ${span.leader}` : ''} · ${spanText(span.fromUs, span.toUs)}`;
}

/** One lane's role bands at height y. */
function drawLaneRoles(ctx: ReportContext, g: Selection, geometry: LaneGeometry, node: string, y: number, spans: readonly RoleSpan[]): void {
  let pending: MergedRoles | null = null;
  const strip = { busyUntilPx: Number.NEGATIVE_INFINITY };
  const flushPending = (): void => {
    if (pending === null) return;
    const p = pending;
    pending = null;
    // Sub-pixel spans still get a 1 px rect: a leader elected for an instant must stay visible.
    const rect = appendRect(g, Math.min(p.x0, ctx.plotRightPx - MIN_BAND_PX), y, Math.max(MIN_BAND_PX, p.x1 - p.x0), geometry.bandHeightPx, `r-${p.role}`);
    const terms = [...p.terms].sort((a, b) => a - b);
    addTitle(
      rect,
      p.count === 1 ? describeRole(p.first) : `${node}: ${p.count} short role spans (most notable: ${ROLE_LABELS[p.role]}), terms ${terms[0]}–${terms[terms.length - 1]}, ${spanText(p.fromUs, p.toUs)}`,
    );
  };
  for (const span of spans) {
    const extent = clipX(geometry, span.fromUs, span.toUs);
    if (extent === null) continue;
    const [x0, x1] = extent;
    if (x1 - x0 < MIN_BAND_PX) {
      if (pending !== null && x0 - pending.x1 < MIN_BAND_PX) {
        pending.x1 = x1;
        pending.toUs = span.toUs;
        pending.count++;
        pending.terms.add(span.term);
        if (ROLE_PRIORITY[span.role] > ROLE_PRIORITY[pending.role]) pending.role = span.role;
        if (pending.x1 - pending.x0 >= MIN_BAND_PX) flushPending();
        continue;
      }
      flushPending();
      pending = { x0, x1, fromUs: span.fromUs, toUs: span.toUs, role: span.role, first: span, count: 1, terms: new Set([span.term]) };
      continue;
    }
    flushPending();
    const rect = appendRect(g, x0, y, x1 - x0, geometry.bandHeightPx, `r-${span.role}`);
    addTitle(rect, describeRole(span));
    if (span.role === 'leader') drawTermLabel(g, geometry, span.term, x0, x1, y, strip);
  }
  flushPending();
}

/**
 * The term on a leader band: inside a band tall enough for 10 px text, else above it in the lane's label strip.
 * A band too narrow for its number gets it above the band, centred, when the strip is free there (a short
 * term keeps its label); `strip` tracks how far the lane's strip is taken.
 */
function drawTermLabel(g: Selection, geometry: LaneGeometry, term: number, x0: number, x1: number, y: number, strip: { busyUntilPx: number }): void {
  const width = x1 - x0;
  const long = `term ${term}`;
  const short = String(term);
  const text = width >= textWidthPx(long, 10) + 6 ? long : width >= textWidthPx(short, 10) + 4 ? short : '';
  if (text !== '' && geometry.bandHeightPx >= 14) {
    appendText(g, (x0 + x1) / 2, y + geometry.bandHeightPx / 2 + 3.5, text, 'term');
    return;
  }
  if (geometry.bandTopPx < 10) return;
  const above = text !== '' ? `leader, ${long}` : short;
  const labelWidth = textWidthPx(above, 9);
  const left = text !== '' ? x0 + 2 : (x0 + x1) / 2 - labelWidth / 2;
  if (left < strip.busyUntilPx) return;
  strip.busyUntilPx = left + labelWidth + 3;
  appendText(g, text !== '' ? left : (x0 + x1) / 2, y - 3, above, text !== '' ? 'tiny halo leader-label' : 'tiny halo leader-label mid short-term');
}

/** Down (hatched), paused (shaded) and slow (light hatch) periods. */
export function drawNodeSpans(ctx: ReportContext, g: Selection, geometry: LaneGeometry): void {
  const lanes = new Map(ctx.model.nodes.map((node, lane) => [node, lane]));
  const draw = (spans: readonly NodeSpan[], className: string, what: string, full: boolean, extra?: ExtraStyle): void => {
    for (const span of spans) {
      const extent = clipX(geometry, span.fromUs, span.toUs);
      const lane = lanes.get(span.node);
      if (extent === null || lane === undefined) continue;
      const [x0, x1] = extent;
      const top = laneTop(geometry, lane);
      const y = full ? top + 2 : top + geometry.bandTopPx;
      const height = full ? geometry.laneHeightPx - 4 : geometry.bandHeightPx;
      const rect = appendRect(g, x0, y, Math.max(1, x1 - x0), height, className);
      if (extra !== undefined) applyExtra(rect, extra);
      addTitle(rect, `${span.node} ${what} · ${spanText(span.fromUs, span.toUs)}${span.open ? ' (until the end of the trace)' : ''} · ${span.detail}`);
      const text = what === 'down' ? 'down' : what === 'paused' ? 'paused' : what === 'compaction stall' ? 'compaction stall' : '';
      if (text !== '' && x1 - x0 >= textWidthPx(text, 9) + 6) appendText(g, x0 + 3, y + height / 2 + 3, text, extra === 'stall' ? 'tiny halo' : 'tiny white');
    }
  };
  draw(ctx.model.slowSpans, 'slow', 'slow', false);
  draw(ctx.model.downSpans, 'down', 'down', true);
  draw(ctx.model.pauseSpans, 'paused', 'paused', false);
  draw(ctx.model.stallSpans, 'stall', 'compaction stall', false, 'stall');
}
