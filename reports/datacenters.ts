// Datacenter placement from meta.params.topology: lanes are ordered by datacenter (in the order the
// datacenters first appear) and the timelines group them under the datacenter's name.
import type { RunModel } from './model.js';

/** node -> datacenter, or null when the run has no topology (or it does not place every given node). */
export function datacenterOf(params: unknown, nodes: readonly string[]): ReadonlyMap<string, string> | null {
  const topology = params !== null && typeof params === 'object' ? (params as Record<string, unknown>).topology : undefined;
  const placement = topology !== null && typeof topology === 'object' ? (topology as Record<string, unknown>).datacenterOf : undefined;
  if (placement === null || typeof placement !== 'object') return null;
  const map = new Map<string, string>();
  for (const [node, dc] of Object.entries(placement as Record<string, unknown>)) if (typeof dc === 'string') map.set(node, dc);
  return nodes.every((node) => map.has(node)) ? map : null;
}

/** The nodes grouped by datacenter, keeping their order inside each; unchanged without a topology. */
export function laneOrder(params: unknown, nodes: readonly string[]): readonly string[] {
  const dcs = datacenterOf(params, nodes);
  if (dcs === null) return nodes;
  const order = [...new Set(nodes.map((node) => dcs.get(node)!))];
  return [...nodes].sort((a, b) => order.indexOf(dcs.get(a)!) - order.indexOf(dcs.get(b)!));
}

export interface LaneGroup {
  readonly datacenter: string;
  /** First and last lane index of the group. */
  readonly first: number;
  readonly last: number;
}

/** Consecutive lanes of one datacenter, or [] without a topology. */
export function laneGroups(model: Pick<RunModel, 'params' | 'nodes'>): LaneGroup[] {
  const dcs = datacenterOf(model.params, model.nodes);
  if (dcs === null) return [];
  const groups: LaneGroup[] = [];
  model.nodes.forEach((node, lane) => {
    const dc = dcs.get(node)!;
    const last = groups[groups.length - 1];
    if (last !== undefined && last.datacenter === dc && last.last === lane - 1) groups[groups.length - 1] = { ...last, last: lane };
    else groups.push({ datacenter: dc, first: lane, last: lane });
  });
  return groups;
}
