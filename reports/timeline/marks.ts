// Point marks on a timeline's lanes: clock changes, snapshots, step-downs, transfers, leader losses.
import type { Selection } from 'd3-node';
import { formatTimeUs, textWidthPx } from '../format.js';
import type { MarkKind } from '../model.js';
import { addTitle, appendText, translate, type ReportContext } from '../svg.js';
import { applyExtra, type ExtraStyle } from '../theme.js';
import { laneCentre, laneTop, type LaneGeometry } from './lanes.js';

/** Marker shapes, centred on (0, 0). */
const MARK_PATHS: Readonly<Record<MarkKind, string>> = {
  clock: 'M-4,-4L4,-4L0,2z',
  'snapshot-install': 'M0,-5L5,0L0,5L-5,0z',
  snapshot: 'M-3.5,-3.5h7v7h-7z',
  'step-down': 'M-4,-3L0,3L4,-3',
  transfer: 'M-4,-3L4,0L-4,3z',
  'leader-lost': 'M-4.5,0a4.5,4.5 0 1,0 9,0a4.5,4.5 0 1,0 -9,0M-3.2,3.2L3.2,-3.2',
  'snapshot-skip': 'M-3,-3h6v6h-6z',
  'snapshot-incomplete': 'M-3,-3h6v6h-6z',
  'removed-step-down': 'M-4,-4L4,4M-4,4L4,-4',
  upgrade: 'M0,-5L5,1H2V5H-2V1H-5z',
  unsupported: 'M-3,-3L3,3M-3,3L3,-3',
};

/** Mark kinds drawn with inline attributes (see EXTRA_ATTRS) instead of the stylesheet's `mark k-*` rules. */
const EXTRA_MARKS: ReadonlySet<MarkKind> = new Set<MarkKind>(['leader-lost', 'snapshot-skip', 'snapshot-incomplete', 'removed-step-down', 'upgrade', 'unsupported']);

const MARK_NAMES: Readonly<Record<MarkKind, string>> = {
  clock: 'clock change',
  'snapshot-install': 'snapshot installed',
  snapshot: 'snapshot taken',
  'step-down': 'step-down',
  transfer: 'leadership transfer',
  'leader-lost': 'leader lost',
  'snapshot-skip': 'snapshot window skipped',
  'snapshot-incomplete': 'snapshot not completed',
  'removed-step-down': 'removed leader stepped down',
  upgrade: 'version change',
  unsupported: 'rejected what it cannot decode',
};

/** Point marks on lanes, at most one per (node, kind, pixel column): hover titles list what was merged. */
export function drawMarks(ctx: ReportContext, g: Selection, geometry: LaneGeometry): void {
  const lanes = new Map(ctx.model.nodes.map((node, lane) => [node, lane]));
  const merged = new Map<string, { node: string; kind: MarkKind; x: number; label: string; details: string[]; count: number }>();
  for (const mark of ctx.model.marks) {
    if (mark.tUs < geometry.fromUs || mark.tUs > geometry.toUs) continue;
    const x = geometry.x(mark.tUs);
    const key = `${mark.node} ${mark.kind} ${Math.round(x / 3)}`;
    const entry = merged.get(key);
    const detail = `${formatTimeUs(mark.tUs)}: ${mark.detail}`;
    if (entry === undefined) merged.set(key, { node: mark.node, kind: mark.kind, x, label: mark.label, details: [detail], count: 1 });
    else {
      entry.count++;
      if (entry.details.length < 5) entry.details.push(detail);
    }
  }
  for (const entry of merged.values()) {
    const lane = lanes.get(entry.node);
    if (lane === undefined) continue;
    const top = laneTop(geometry, lane);
    // Clock marks hang from the band top, snapshots sit at the band bottom, the rest on the band centre.
    const bandTop = top + geometry.bandTopPx;
    const atBottom = entry.kind === 'snapshot' || entry.kind === 'snapshot-skip' || entry.kind === 'snapshot-incomplete';
    // Leader-lost rings sit on the band's top edge, clear of step-down chevrons at the centre.
    const y = entry.kind === 'clock' ? bandTop + 4 : atBottom ? bandTop + geometry.bandHeightPx - 2 : entry.kind === 'leader-lost' ? bandTop + 1 : laneCentre(geometry, lane);
    const mark = g.append('path').attr('d', MARK_PATHS[entry.kind]).attr('transform', translate(entry.x, y));
    if (EXTRA_MARKS.has(entry.kind)) applyExtra(mark.attr('class', `k-${entry.kind}`), entry.kind as ExtraStyle);
    else mark.attr('class', `mark k-${entry.kind}`);
    const more = entry.count > entry.details.length ? ` (+${entry.count - entry.details.length} more here)` : '';
    addTitle(mark, `${entry.node} ${MARK_NAMES[entry.kind]}\n${entry.details.join('\n')}${more}`);
    if ((entry.kind === 'clock' || entry.kind === 'upgrade') && entry.label !== '') {
      const labelY = bandTop + Math.min(geometry.bandHeightPx, 12) - 2;
      const anchorEnd = entry.x + 5 + textWidthPx(entry.label, 9) > ctx.plotRightPx;
      appendText(g, anchorEnd ? entry.x - 5 : entry.x + 5, labelY, entry.label, `tiny halo${anchorEnd ? ' end' : ''}`);
    }
  }
}
