// Membership on a timeline's lanes (runs with membership records only): the spans the cluster spent in a joint
// configuration shaded across the lanes, each lane's membership status (a spare not started, a learner, not a
// member or removed) over its role band, and a tick per configuration change (and per refused change) with its
// label packed into rows above the lanes. Everything is drawn with inline attributes (theme.ts EXTRA_ATTRS), so
// reports of runs without membership records keep their stylesheet, defs and bytes.
import type { Selection } from 'd3-node';
import { formatTimeUs, textWidthPx } from '../format.js';
import { packRows } from '../label-rows.js';
import type { ConfigChange, MemberSpan, MemberSpanKind, MembershipModel, RefusedChange } from '../model.js';
import { addTitle, appendLine, appendRect, appendText, type ReportContext } from '../svg.js';
import { applyExtra, type ExtraStyle } from '../theme.js';
import { clipX, laneTop, spanText, type LaneGeometry } from './lanes.js';

export const MEMBERSHIP_LABEL_FONT_PX = 9;
export const MEMBERSHIP_LABEL_ROW_PX = 11;
/** At most this many label rows; labels beyond them are left to the ticks' hover titles (and counted). */
export const MAX_MEMBERSHIP_LABEL_ROWS = 4;

const SPAN_STYLE: Readonly<Record<MemberSpanKind, ExtraStyle>> = { spare: 'spare', learner: 'learner', 'not-member': 'notMember', removed: 'notMember' };
const SPAN_TEXT: Readonly<Record<MemberSpanKind, string>> = { spare: 'spare (not started)', learner: 'learner', 'not-member': 'not a member', removed: 'removed' };

/** A tick across the lanes: a configuration change, or a refused one. */
interface Tick {
  readonly tUs: number;
  readonly text: string;
  readonly title: string;
  readonly refused: boolean;
}

export interface MembershipLabel {
  readonly tick: Tick;
  readonly tickX: number;
  readonly x: number;
  readonly row: number;
}

export interface MembershipLabelLayout {
  readonly ticks: readonly Tick[];
  readonly labels: readonly MembershipLabel[];
  readonly rows: number;
  readonly hidden: number;
}

export function changeTitle(change: ConfigChange): string {
  const proposal = change.proposal;
  const by = proposal !== null ? `; appended by ${proposal.node} at ${formatTimeUs(proposal.tUs)} (${proposal.auto ? 'auto-leave' : proposal.request}, term ${proposal.term})` : '';
  return `${change.label}: ${change.config} in force from ${formatTimeUs(change.tUs)} (first at ${change.node}, index ${change.index})${by}`;
}

function refusedTitle(r: RefusedChange): string {
  return `membership change refused${r.final ? ' (final)' : ` (attempt ${r.attempt}, retried)`} at ${formatTimeUs(r.tUs)}: ${r.request} · ${r.reason}${r.node !== null ? ` by ${r.node}` : ''}${r.detail !== '' ? ` · ${r.detail}` : ''}`;
}

function ticksOf(membership: MembershipModel): Tick[] {
  const ticks: Tick[] = membership.changes.map((change) => ({ tUs: change.tUs, text: change.label, title: changeTitle(change), refused: false }));
  // Refusals that are retried get a tick only; the final one is labelled.
  for (const r of membership.refused) ticks.push({ tUs: r.tUs, text: r.final ? `✗ ${r.request}: ${r.reason}` : '', title: refusedTitle(r), refused: true });
  return ticks.sort((a, b) => a.tUs - b.tUs);
}

/** The change labels, left-aligned at their ticks (pulled left at the plot's right edge), packed into rows. */
export function layoutMembershipLabels(ctx: ReportContext, geometry: Pick<LaneGeometry, 'x' | 'fromUs' | 'toUs'>): MembershipLabelLayout {
  const membership = ctx.model.membership;
  if (membership === null) return { ticks: [], labels: [], rows: 0, hidden: 0 };
  const ticks = ticksOf(membership).filter((t) => t.tUs >= geometry.fromUs && t.tUs <= geometry.toUs);
  const candidates = ticks
    .filter((tick) => tick.text !== '')
    .map((tick) => {
      const tickX = geometry.x(tick.tUs);
      const width = textWidthPx(tick.text, MEMBERSHIP_LABEL_FONT_PX);
      return { tick, tickX, width, x: Math.max(ctx.plotLeftPx + 2, Math.min(tickX + 2, ctx.plotRightPx - width - 2)) };
    });
  const rows = packRows(candidates.map((c) => ({ left: c.x, right: c.x + c.width })), 6, MAX_MEMBERSHIP_LABEL_ROWS);
  const labels: MembershipLabel[] = [];
  candidates.forEach((c, k) => {
    if (rows[k]! >= 0) labels.push({ tick: c.tick, tickX: c.tickX, x: c.x, row: rows[k]! });
  });
  return { ticks, labels, rows: labels.length === 0 ? 0 : Math.max(...labels.map((l) => l.row)) + 1, hidden: candidates.length - labels.length };
}

/** Height of the label rows (0 without membership records). */
export function membershipLabelsHeight(layout: MembershipLabelLayout): number {
  return layout.rows === 0 ? 0 : layout.rows * MEMBERSHIP_LABEL_ROW_PX + 3;
}

/** Joint configurations shaded across every lane, under the role bands. */
export function drawJointShading(ctx: ReportContext, g: Selection, geometry: LaneGeometry): void {
  const membership = ctx.model.membership;
  if (membership === null) return;
  const top = laneTop(geometry, 0);
  const height = ctx.model.nodes.length * geometry.laneHeightPx;
  for (const span of membership.jointSpans) {
    const extent = clipX(geometry, span.fromUs, span.toUs);
    if (extent === null) continue;
    const rect = applyExtra(appendRect(g, extent[0], top, Math.max(2, extent[1] - extent[0]), height, ''), 'joint');
    addTitle(rect, `joint configuration ${span.config} (index ${span.index}) · ${spanText(span.fromUs, span.toUs)}${span.open ? ' (until the end of the trace)' : ''}`);
  }
}

function spanTitle(span: MemberSpan): string {
  const since = span.index !== null ? ` (configuration @${span.index})` : '';
  return `${span.node} ${SPAN_TEXT[span.kind]}${since} · ${spanText(span.fromUs, span.toUs)}`;
}

/** Each lane's membership status over its role band: faded when not a member, tinted as a learner. */
export function drawMemberSpans(ctx: ReportContext, g: Selection, geometry: LaneGeometry): void {
  const membership = ctx.model.membership;
  if (membership === null) return;
  const lanes = new Map(ctx.model.nodes.map((node, lane) => [node, lane]));
  for (const span of membership.memberSpans) {
    const extent = clipX(geometry, span.fromUs, span.toUs);
    const lane = lanes.get(span.node);
    if (extent === null || lane === undefined) continue;
    const [x0, x1] = extent;
    const y = laneTop(geometry, lane) + geometry.bandTopPx;
    const rect = applyExtra(appendRect(g, x0, y, Math.max(1, x1 - x0), geometry.bandHeightPx, ''), SPAN_STYLE[span.kind]);
    addTitle(rect, spanTitle(span));
    const text = SPAN_TEXT[span.kind];
    // Clear of a mark at the span's start (a snapshot installed, a step-down).
    if (x1 - x0 >= textWidthPx(text, 9) + 14) appendText(g, x0 + 8, y + geometry.bandHeightPx / 2 + 3, text, 'tiny halo');
  }
}

/** A tick per change (and refusal) across the lanes, with its label in the rows above (`labelsBottomPx`). */
export function drawMembershipTicks(ctx: ReportContext, g: Selection, geometry: LaneGeometry, labelsBottomPx: number | null, layout: MembershipLabelLayout): void {
  const lanesTop = laneTop(geometry, 0);
  const lanesBottom = laneTop(geometry, ctx.model.nodes.length);
  for (const tick of layout.ticks) {
    const x = geometry.x(tick.tUs);
    addTitle(applyExtra(appendLine(g, x, lanesTop, x, lanesBottom, ''), tick.refused ? 'refusedTick' : 'confTick'), tick.title);
  }
  if (labelsBottomPx === null) return;
  for (const label of layout.labels) {
    const baseline = labelsBottomPx - 3 - label.row * MEMBERSHIP_LABEL_ROW_PX;
    applyExtra(appendLine(g, label.tickX, baseline + 1, label.tickX, lanesTop, ''), label.tick.refused ? 'refusedTick' : 'confTick');
    const text = applyExtra(appendText(g, label.x, baseline, label.tick.text, 'tiny halo'), label.tick.refused ? 'refusedLabel' : 'confLabel');
    addTitle(text, label.tick.title);
  }
  if (layout.hidden > 0) {
    appendText(g, ctx.plotLeftPx - 6, labelsBottomPx - 3, `+${layout.hidden} changes`, 'tiny end').append('title').text(`${layout.hidden} membership labels did not fit in ${layout.rows} rows; hover the ticks`);
  }
}
