// Colours, CSS and shared <defs> (patterns, arrowheads) of the run report. Styling lives in one <style>
// element and marks carry class names: a class is ~10 bytes where inline fill/stroke attributes are ~40,
// which matters with thousands of arrows.
import type { Selection } from 'd3-node';
import type { Role } from './model.js';

export const ROLE_COLORS: Readonly<Record<Role, string>> = {
  follower: '#c9c9c9',
  precandidate: '#fdd0a2',
  candidate: '#f28e2b',
  leader: '#4e9a47',
};

/**
 * Per-node colours (lane swatches, chart series): distinct from every role colour — no green, orange, peach or
 * grey, which would read as leader, candidate, pre-candidate or follower.
 */
export const NODE_COLORS: readonly string[] = ['#4e79a7', '#e15759', '#76b7b2', '#af7aa1', '#9c755f', '#d6338a', '#17becf', '#edc949', '#7f3c8d', '#3969ac'];

export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  follower: 'follower',
  precandidate: 'pre-candidate',
  candidate: 'candidate',
  leader: 'leader',
};

export const VERDICT_COLORS: Readonly<Record<string, string>> = {
  ok: '#2e7d32',
  safety: '#c62828',
  liveness: '#ef6c00',
};

/** Message categories for arrow colours; the index into MESSAGE_CATEGORY_OF picks one. */
export type MessageCategory = 'vote' | 'append' | 'heartbeat' | 'snapshot' | 'transfer' | 'other';

export const MESSAGE_CATEGORY_COLORS: Readonly<Record<MessageCategory, string>> = {
  vote: '#8e44ad',
  append: '#1f5fa8',
  heartbeat: '#7f9bb8',
  snapshot: '#a0522d',
  transfer: '#e377c2',
  other: '#333333',
};

export const MESSAGE_CATEGORY_LABELS: Readonly<Record<MessageCategory, string>> = {
  vote: '(Pre)Vote',
  append: 'AppendEntries',
  heartbeat: 'Heartbeat',
  snapshot: 'InstallSnapshot',
  transfer: 'TimeoutNow',
  other: 'other',
};

export function messageCategory(type: string): MessageCategory {
  if (type.startsWith('PreVote') || type.startsWith('RequestVote')) return 'vote';
  if (type.startsWith('AppendEntries')) return 'append';
  if (type.startsWith('Heartbeat')) return 'heartbeat';
  if (type.startsWith('InstallSnapshot')) return 'snapshot';
  if (type === 'TimeoutNow') return 'transfer';
  return 'other';
}

export const FAULT_COLORS = {
  partition: '#7b3fe4',
  clog: '#0f8b8d',
  link: '#b8860b',
  down: '#3a3a3a',
  paused: '#4a5a80',
  slow: '#8c6d31',
} as const;

export const MARK_COLORS = {
  clock: '#9c27b0',
  'snapshot-install': '#1565c0',
  snapshot: '#6d4c41',
  'step-down': '#c62828',
  transfer: '#00838f',
  violation: '#d50000',
  liveness: '#1565c0',
  window: '#e6b800',
  timeout: '#d62728',
  fail: '#555555',
} as const;

const FONT = "'DejaVu Sans', 'Liberation Sans', Arial, sans-serif";

/** The report's stylesheet. No "<", ">" or "&" in it: the HTML serializer must not need to escape anything. */
/** Client operations (timeline/op-bars.ts): a bar per operation by outcome, the impossible one outlined. */
const OPERATION_RULES: readonly string[] = [
  '.op-ok { fill: #9ecae1; stroke: #3182bd; stroke-width: 0.6; }',
  '.op-fail { fill: #fcbba1; stroke: #cb181d; stroke-width: 0.6; }',
  '.op-timeout { fill: #fdd49e; stroke: #d94801; stroke-width: 0.6; stroke-dasharray: 3 2; }',
  '.op-open { fill: #fdd49e; stroke: #d94801; stroke-width: 0.6; stroke-dasharray: 1 2; }',
  '.op-stuck { stroke: #d62728; stroke-width: 2.5; }',
  '.op-context { fill-opacity: 0.45; stroke-opacity: 0.5; }',
  'text.op-label { font-size: 9.5px; fill: #1a1a1a; }',
  'text.client-lane { font-size: 11px; font-weight: bold; }',
  'text.op-stuck-label { font-size: 10px; font-weight: bold; fill: #d62728; }',
];

export function styleSheet(): string {
  const rules: string[] = [
    `svg { font-family: ${FONT}; font-size: 11px; }`,
    'text { fill: #222; }',
    'text.h1 { font-size: 19px; font-weight: bold; }',
    'text.h2 { font-size: 13px; font-weight: bold; }',
    'text.note { font-size: 10px; fill: #555; }',
    'text.info { font-size: 11.5px; fill: #333; }',
    'text.tiny { font-size: 9px; fill: #333; }',
    'text.lane { font-size: 12px; font-weight: bold; }',
    'text.term { font-size: 10px; font-weight: bold; fill: #fff; text-anchor: middle; }',
    'text.white { fill: #fff; }',
    `text.leader-label { fill: #2e6b29; font-weight: bold; }`,
    'text.end { text-anchor: end; }',
    'text.mid { text-anchor: middle; }',
    'text.halo { paint-order: stroke; stroke: #fff; stroke-width: 3px; stroke-linejoin: round; }',
    '.bg { fill: #fff; }',
    '.panel { fill: #fbfbfb; stroke: #ddd; }',
    '.lane-bg { fill: #f4f4f4; }',
    '.grid { stroke: #e4e4e4; stroke-width: 1; }',
    '.axis { stroke: #888; stroke-width: 1; }',
    '.proc { stroke: #bbb; stroke-width: 1; }',
    ...(Object.keys(ROLE_COLORS) as Role[]).map((role) => `.r-${role} { fill: ${ROLE_COLORS[role]}; }`),
    '.r-mixed { fill: #f28e2b; fill-opacity: 0.7; }',
    `.down { fill: url(#hatch-down); stroke: ${FAULT_COLORS.down}; stroke-width: 0.5; }`,
    '.paused { fill: url(#hatch-paused); }',
    '.slow { fill: url(#hatch-slow); }',
    `.f-partition { fill: ${FAULT_COLORS.partition}; fill-opacity: 0.12; stroke: ${FAULT_COLORS.partition}; stroke-opacity: 0.75; stroke-dasharray: 4 2; }`,
    `.f-clog { fill: ${FAULT_COLORS.clog}; fill-opacity: 0.14; stroke: ${FAULT_COLORS.clog}; stroke-opacity: 0.75; stroke-dasharray: 2 2; }`,
    `.f-link { fill: ${FAULT_COLORS.link}; fill-opacity: 0.14; stroke: ${FAULT_COLORS.link}; stroke-opacity: 0.75; stroke-dasharray: 6 2; }`,
    '.ff { stroke: none; } .fo { fill: none; } .f-tick { stroke-dasharray: none; stroke-width: 1; } .dc-bracket { stroke: #666; } .dc-separator { stroke: #666; stroke-dasharray: 2 2; }',
    `text.l-partition { fill: ${FAULT_COLORS.partition}; }`,
    `text.l-clog { fill: ${FAULT_COLORS.clog}; }`,
    `text.l-link { fill: #7a5a00; }`,
    ...(Object.keys(MARK_COLORS) as (keyof typeof MARK_COLORS)[]).map((kind) => `.k-${kind} { fill: ${MARK_COLORS[kind]}; }`),
    '.mark { stroke: #fff; stroke-width: 0.8; }',
    `.mark.k-step-down { fill: none; stroke: ${MARK_COLORS['step-down']}; stroke-width: 2; }`,
    'text.warn { fill: #b71c1c; }',
    `text.verdict-liveness { fill: ${VERDICT_COLORS.liveness}; }`,
    `.violation { stroke: ${MARK_COLORS.violation}; stroke-width: 2; }`,
    `.liveness { stroke: ${MARK_COLORS.liveness}; stroke-width: 1.5; stroke-dasharray: 6 3; }`,
    `.window { fill: ${MARK_COLORS.window}; fill-opacity: 0.16; stroke: ${MARK_COLORS.window}; stroke-width: 1.5; }`,
    `.window-fill { fill: ${MARK_COLORS.window}; fill-opacity: 0.1; }`,
    `.zoom { fill: ${MARK_COLORS.window}; fill-opacity: 0.08; stroke: ${MARK_COLORS.window}; stroke-opacity: 0.6; }`,
    '.msg { fill: none; stroke-width: 0.9; }',
    ...(Object.keys(MESSAGE_CATEGORY_COLORS) as MessageCategory[]).map(
      (category) => `.m-${category} { stroke: ${MESSAGE_CATEGORY_COLORS[category]}; marker-end: url(#ah-${category}); }`,
    ),
    '.resp { stroke-dasharray: 3 2; stroke-opacity: 0.7; }',
    '.drop { stroke: #d62728; marker-end: none; stroke-width: 1.2; }',
    '.inflight { stroke-dasharray: 1 2; }',
    '.series { fill: none; stroke-width: 1.5; }',
    '.swatch-line { stroke-width: 3; }',
    '.dots { fill: none; stroke: #6b8fb5; stroke-opacity: 0.45; stroke-width: 2.5; stroke-linecap: round; }',
    '.q50 { fill: none; stroke: #1f77b4; stroke-width: 2; }',
    '.q99 { fill: none; stroke: #ff7f0e; stroke-width: 1.5; }',
    '.q90 { fill: none; stroke: #9467bd; stroke-width: 1.5; }',
    '.x-timeout { stroke: #d62728; stroke-width: 1.5; fill: none; }',
    '.x-fail { stroke: #555; stroke-width: 1.5; fill: none; }',
    '.bar-prevote { fill: #fdd0a2; }',
    '.bar-election { fill: #f28e2b; }',
    '.bar-leader { fill: #4e9a47; }',
    '.bar-hist { fill: #7f9bb8; }',
    '.area-sent { fill: #1f5fa8; fill-opacity: 0.35; stroke: #1f5fa8; stroke-width: 1; }',
    '.area-drop { fill: #d62728; fill-opacity: 0.6; }',
    '.cell-drop { fill: #d62728; }',
    ...OPERATION_RULES,
  ];
  return rules.join('\n');
}

/** Patterns and arrowheads referenced by the stylesheet. Ids are fixed strings: no randomness. */
export function appendDefs(svg: Selection): void {
  const defs = svg.append('defs');
  const hatch = defs.append('pattern').attr('id', 'hatch-down').attr('width', 6).attr('height', 6).attr('patternUnits', 'userSpaceOnUse').attr('patternTransform', 'rotate(45)');
  hatch.append('rect').attr('width', 6).attr('height', 6).attr('fill', '#4a4a4a');
  hatch.append('line').attr('x1', 0).attr('y1', 0).attr('x2', 0).attr('y2', 6).attr('stroke', '#9a9a9a').attr('stroke-width', 2);
  const paused = defs.append('pattern').attr('id', 'hatch-paused').attr('width', 4).attr('height', 4).attr('patternUnits', 'userSpaceOnUse').attr('patternTransform', 'rotate(45)');
  paused.append('line').attr('x1', 0).attr('y1', 0).attr('x2', 0).attr('y2', 4).attr('stroke', FAULT_COLORS.paused).attr('stroke-width', 1.6).attr('stroke-opacity', 0.85);
  const slow = defs.append('pattern').attr('id', 'hatch-slow').attr('width', 5).attr('height', 5).attr('patternUnits', 'userSpaceOnUse').attr('patternTransform', 'rotate(-45)');
  slow.append('line').attr('x1', 0).attr('y1', 0).attr('x2', 0).attr('y2', 5).attr('stroke', FAULT_COLORS.slow).attr('stroke-width', 1.2).attr('stroke-opacity', 0.6);
  for (const category of Object.keys(MESSAGE_CATEGORY_COLORS) as MessageCategory[]) {
    defs
      .append('marker')
      .attr('id', `ah-${category}`)
      .attr('viewBox', '0 0 8 8')
      .attr('refX', 8)
      .attr('refY', 4)
      .attr('markerWidth', 5)
      .attr('markerHeight', 5)
      .attr('markerUnits', 'userSpaceOnUse')
      .attr('orient', 'auto')
      .append('path')
      .attr('d', 'M0,0L8,4L0,8z')
      .attr('fill', MESSAGE_CATEGORY_COLORS[category]);
  }
}

/**
 * Presentation attributes of the marks added for the compaction and measurement records (stalls, leader
 * lost, skipped and incomplete snapshots, leaderless time). They are inline rather than stylesheet rules:
 * these elements are rare, and keeping the stylesheet unchanged keeps reports of traces without those
 * records byte-identical to earlier versions.
 */
export const EXTRA_ATTRS = {
  stall: { fill: '#d62728', 'fill-opacity': 0.16, stroke: '#c62828', 'stroke-width': 1.5, 'stroke-dasharray': '4 2' },
  leaderless: { fill: '#c62828', 'fill-opacity': 0.8 },
  afterEnd: { fill: '#e0e0e0', 'fill-opacity': 0.85 },
  'leader-lost': { fill: '#fff', stroke: '#b71c1c', 'stroke-width': 1.6 },
  'snapshot-skip': { fill: '#fff', stroke: '#6d4c41', 'stroke-width': 1.2 },
  'snapshot-incomplete': { fill: '#fff', stroke: '#d50000', 'stroke-width': 1.2, 'stroke-dasharray': '2 1' },
  // Membership (timeline/membership-lanes.ts): only runs with membership records draw these.
  'removed-step-down': { fill: 'none', stroke: '#6a1b9a', 'stroke-width': 2.2 },
  // Versions (docs/versions.md): only runs with upgrade or unsupported records draw these.
  upgrade: { fill: '#2e7d32', stroke: '#fff', 'stroke-width': 0.8 },
  unsupported: { fill: 'none', stroke: '#d50000', 'stroke-width': 1.4 },
  learner: { fill: '#6baed6', 'fill-opacity': 0.35, stroke: '#2171b5', 'stroke-width': 1, 'stroke-dasharray': '3 2' },
  notMember: { fill: '#ffffff', 'fill-opacity': 0.72, stroke: '#9e9e9e', 'stroke-width': 0.8, 'stroke-dasharray': '2 2' },
  spare: { fill: 'none', stroke: '#bdbdbd', 'stroke-width': 0.8, 'stroke-dasharray': '2 3' },
  joint: { fill: '#7e57c2', 'fill-opacity': 0.1 },
  confTick: { stroke: '#283593', 'stroke-width': 1, 'stroke-opacity': 0.55, 'stroke-dasharray': '3 2' },
  confLabel: { fill: '#283593' },
  refusedTick: { stroke: '#c62828', 'stroke-width': 1, 'stroke-opacity': 0.7, 'stroke-dasharray': '1 2' },
  refusedLabel: { fill: '#c62828' },
} as const satisfies Record<string, Record<string, string | number>>;

export type ExtraStyle = keyof typeof EXTRA_ATTRS;

/** Applies one of EXTRA_ATTRS to a selection. */
export function applyExtra(selection: Selection, style: ExtraStyle): Selection {
  for (const [name, value] of Object.entries(EXTRA_ATTRS[style])) selection.attr(name, value);
  return selection;
}

/** Colours of the two runs (or sweeps) of a comparison: A and B. */
export const RUN_COLORS = { A: '#2f4fb5', B: '#b5246e' } as const;
export const RUN_FILLS = { A: '#6f8ae0', B: '#e0679f' } as const;
export type RunLetter = keyof typeof RUN_COLORS;

/** A run's tag in a comparison: "A · label" in the run's colour. */
export interface RunTag {
  readonly letter: RunLetter;
  readonly label: string;
}
