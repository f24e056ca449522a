// Network faults as regions across the lanes of the nodes they touch: partitions (until any heal), clogged
// links (until their unclog) and degraded links (until link-reset); the liveness phase's heal ends them all.
import type { TraceLinkPatch, TracePartitionFields } from '../../contract/trace.js';
import type { ModelBuilder } from './builder.js';
import type { ReportRecordOf } from './records.js';
import { brace, formatMs } from './text.js';

/** The region's label and the nodes it covers. */
function describePartition(cut: TracePartitionFields): { label: string; nodes: readonly string[] } {
  switch (cut.shape) {
    case 'groups':
      return { label: `partition ${cut.groups.map(brace).join(' | ')}`, nodes: cut.groups.flat() };
    case 'isolate':
      return { label: `isolate ${cut.node}`, nodes: [cut.node] };
    case 'one-way':
      return { label: `one-way cut ${cut.from.join(',')} → ${cut.to.join(',')}`, nodes: [...cut.from, ...cut.to.filter((id) => !cut.from.includes(id))] };
    case 'bridge':
      return { label: `bridge via ${cut.bridge}: ${brace(cut.sideA)} | ${brace(cut.sideB)}`, nodes: [...cut.sideA, ...cut.sideB, cut.bridge] };
    default: {
      const unreachable: never = cut;
      throw new Error(`unknown partition shape ${JSON.stringify(unreachable)}`);
    }
  }
}

export function onPartition(b: ModelBuilder, r: ReportRecordOf<'partition'>): void {
  const { label, nodes } = describePartition(r);
  b.openPartitions.push({ label, nodes: b.knownNodes(nodes), fromUs: r.t });
}

export function onHeal(b: ModelBuilder, r: ReportRecordOf<'heal'>): void {
  const t = r.t;
  for (const fault of b.openPartitions) b.closeNetwork('partition', fault, t, false);
  b.openPartitions = [];
  if (r.all !== true) return;
  // The liveness phase's heal also unclogs every link, resets links and clears slow handlers.
  b.livenessStartUs ??= t;
  for (const fault of b.openClogs.values()) b.closeNetwork('clog', fault, t, false);
  b.openClogs.clear();
  for (const fault of b.openLinks) b.closeNetwork('link', fault, t, false);
  b.openLinks = [];
  closeFilters(b, t);
  b.closeAllSlow(t);
}

/** One node's cuts removed: its isolation region ends (regions of other cuts stay open until a heal). */
export function onRejoin(b: ModelBuilder, r: ReportRecordOf<'rejoin'>): void {
  const { label } = describePartition({ shape: 'isolate', node: r.node });
  b.openPartitions = b.openPartitions.filter((fault) => {
    if (fault.label !== label) return true;
    b.closeNetwork('partition', fault, r.t, false);
    return false;
  });
}

const linkKey = (from: string, to: string): string => `${from}\u0000${to}`;

export function onClog(b: ModelBuilder, r: ReportRecordOf<'clog'>): void {
  const key = linkKey(r.from, r.to);
  if (!b.openClogs.has(key)) b.openClogs.set(key, { label: `clog ${r.from}→${r.to}`, nodes: b.knownNodes([r.from, r.to]), fromUs: r.t });
}

export function onUnclog(b: ModelBuilder, r: ReportRecordOf<'unclog'>): void {
  const key = linkKey(r.from, r.to);
  const fault = b.openClogs.get(key);
  if (fault === undefined) return;
  b.closeNetwork('clog', fault, r.t, false);
  b.openClogs.delete(key);
}

/** Describes a `link` record's patch, e.g. "drop 38%, latency 5–55 ms". */
export function describeLinkPatch(patch: TraceLinkPatch): string {
  const parts: string[] = [];
  if (patch.dropChance !== undefined) parts.push(`drop ${Math.round(patch.dropChance * 100)}%`);
  if (patch.duplicateChance !== undefined) parts.push(`dup ${Math.round(patch.duplicateChance * 100)}%`);
  if (patch.reorderChance !== undefined) parts.push(`reorder ${Math.round(patch.reorderChance * 100)}%`);
  const latency = patch.latency;
  if (latency !== undefined) {
    if (latency.kind === 'uniform') parts.push(`latency ${formatMs(latency.minUs)}–${formatMs(latency.maxUs)}`);
    else if (latency.kind === 'constant') parts.push(`latency ${formatMs(latency.valueUs)}`);
    else parts.push('latency changed');
  }
  return parts.join(', ');
}

export function onLink(b: ModelBuilder, r: ReportRecordOf<'link'>): void {
  const patch = describeLinkPatch(r.patch);
  const label = `link ${r.from}${r.bothWays ? '↔' : '→'}${r.to}${patch ? ` ${patch}` : ''}`;
  b.openLinks.push({ label, nodes: b.knownNodes([r.from, r.to]), fromUs: r.t });
}

export function onLinkReset(b: ModelBuilder, r: ReportRecordOf<'link-reset'>): void {
  for (const fault of b.openLinks) b.closeNetwork('link', fault, r.t, false);
  b.openLinks = [];
}

/** A filter on one class of messages, e.g. "hold append n1→n2,n3". */
export function onFilter(b: ModelBuilder, r: ReportRecordOf<'filter'>): void {
  const delay = r.action === 'delay' ? ` ≤${formatMs(r.delayUs)}` : '';
  const label = `${r.action} ${r.messages}${delay} ${r.from.join(',')}→${r.to.join(',')}`;
  b.openFilters.push({ label, nodes: b.knownNodes([...r.from, ...r.to.filter((id) => !r.from.includes(id))]), fromUs: r.t });
}

export function onFiltersCleared(b: ModelBuilder, r: ReportRecordOf<'filters-cleared'>): void {
  closeFilters(b, r.t);
}

function closeFilters(b: ModelBuilder, t: number): void {
  for (const fault of b.openFilters) b.closeNetwork('link', fault, t, false);
  b.openFilters = [];
}
