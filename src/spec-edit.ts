// Editing a scenario spec the way `raftsim shrink` does: set or remove one setting by its dotted path, list the
// settings a spec writes, and cut the cluster down to its first nodes. Every edit returns a copy.
import { newestVersion } from '../raft/versions.js';
import { dynamicTargets } from './scenario/node-ids.js';
import { restrictFault, type KeptNodes } from './scenario/faults/index.js';
import type { ScenarioSpec } from './scenario/spec.js';

/** Sets a dotted spec path (creating objects on the way) in a copy of the spec. */
export function setPath(spec: ScenarioSpec, path: string, value: unknown): ScenarioSpec {
  const parts = path.split('.');
  const root: Record<string, unknown> = { ...(spec as unknown as Record<string, unknown>) };
  let node = root;
  for (const part of parts.slice(0, -1)) {
    const existing = node[part];
    const copy = typeof existing === 'object' && existing !== null && !Array.isArray(existing) ? { ...(existing as Record<string, unknown>) } : {};
    node[part] = copy;
    node = copy;
  }
  node[parts[parts.length - 1]!] = value;
  return root as unknown as ScenarioSpec;
}

/** Removes a dotted spec path from a copy of the spec (objects left empty are removed too). */
export function deletePath(spec: ScenarioSpec, path: string): ScenarioSpec {
  const parts = path.split('.');
  const root: Record<string, unknown> = { ...(spec as unknown as Record<string, unknown>) };
  const chain: Record<string, unknown>[] = [root];
  let node = root;
  for (const part of parts.slice(0, -1)) {
    const existing = node[part];
    if (typeof existing !== 'object' || existing === null || Array.isArray(existing)) return spec;
    const copy = { ...(existing as Record<string, unknown>) };
    node[part] = copy;
    node = copy;
    chain.push(copy);
  }
  delete node[parts[parts.length - 1]!];
  for (let depth = parts.length - 1; depth >= 1; depth--) {
    if (Object.keys(chain[depth]!).length === 0) delete chain[depth - 1]![parts[depth - 1]!];
  }
  return root as unknown as ScenarioSpec;
}

/** The leaves set in a spec (dotted paths), except the ones shrinking handles itself. */
export function settingPaths(spec: ScenarioSpec): string[] {
  const skip = new Set(['name', 'question', 'faults', 'expectations', 'swarm', 'chaos', 'cluster.nodes', 'duration']);
  const paths: string[] = [];
  const walk = (value: unknown, path: string): void => {
    if (skip.has(path)) return;
    if (typeof value === 'object' && value !== null && !Array.isArray(value) && !('kind' in value) && !('minUs' in value) && !path.endsWith('.mix') && !path.endsWith('.clocks') && !path.endsWith('.inter') && !path.endsWith('.placement')) {
      for (const [key, inner] of Object.entries(value)) walk(inner, path === '' ? key : `${path}.${key}`);
      return;
    }
    if (value !== undefined) paths.push(path);
  };
  walk(spec, '');
  return paths;
}

export function specNodeIds(spec: ScenarioSpec): string[] {
  const nodes = spec.cluster?.nodes ?? 5;
  return typeof nodes === 'number' ? Array.from({ length: nodes }, (_, k) => `n${k + 1}`) : [...nodes];
}

/** The spec with only the first `count` nodes (faults, placement and clocks of the others removed). */
export function withNodes(spec: ScenarioSpec, count: number): ScenarioSpec {
  const keepIds = specNodeIds(spec).slice(0, count);
  const keep = new Set(keepIds);
  const cluster = { ...(spec.cluster ?? {}) };
  cluster.nodes = typeof spec.cluster?.nodes === 'object' ? keepIds : count;
  // The bootstrap voters among the kept nodes (none left: every kept node is one).
  if (cluster.initialMembers !== undefined) {
    const members = typeof cluster.initialMembers === 'number' ? Math.min(cluster.initialMembers, count) : cluster.initialMembers.filter((id) => keep.has(id));
    if (members === 0 || (Array.isArray(members) && members.length === 0)) delete cluster.initialMembers;
    else cluster.initialMembers = members;
  }
  let datacenters: string[] = [];
  // A drawn 'none' is pinned as null: nothing to narrow.
  if (cluster.datacenters !== undefined && cluster.datacenters !== null) {
    const placement = Object.fromEntries(Object.entries(cluster.datacenters).map(([dc, nodes]) => [dc, nodes.filter((id) => keep.has(id))]).filter(([, nodes]) => nodes!.length > 0));
    datacenters = Object.keys(placement);
    cluster.datacenters = placement;
    if (cluster.latency?.inter !== undefined) {
      const inter = Object.fromEntries(Object.entries(cluster.latency.inter).filter(([key]) => key.split(/<->|->/).every((dc) => datacenters.includes(dc.trim()))));
      cluster.latency = { ...cluster.latency, inter };
    }
  }
  // A clock setting may name a node or a datacenter.
  if (cluster.clocks !== undefined) cluster.clocks = Object.fromEntries(Object.entries(cluster.clocks).filter(([id]) => keep.has(id) || datacenters.includes(id)));
  // Versions of removed nodes go with them (no entry left: every node runs the newest version, as unlisted ones do).
  if (cluster.versions !== undefined && typeof cluster.versions !== 'number') {
    const versions = Object.fromEntries(Object.entries(cluster.versions).filter(([id]) => keep.has(id)));
    cluster.versions = Object.keys(versions).length > 0 ? versions : newestVersion;
  }
  const kept: KeptNodes = { keeps: (id) => keep.has(id), keepsTarget: (id) => dynamicTargets.has(id) || keep.has(id), keepsDatacenter: (dc) => datacenters.includes(dc) };
  const faults = (spec.faults ?? []).flatMap((item) => {
    const fault = restrictFault(item.fault, kept);
    return fault === null ? [] : [{ ...item, fault }];
  });
  // Clients placed in a datacenter left without nodes go with it.
  const placement = spec.workload?.placement;
  if (placement === undefined || cluster.datacenters === undefined || cluster.datacenters === null) return { ...spec, cluster, faults };
  const kept2 = Object.fromEntries(Object.entries(placement).filter(([dc]) => datacenters.includes(dc)));
  const clients = Object.values(kept2).reduce((a, b) => a + b, 0);
  const { placement: _dropped, ...workload } = spec.workload!;
  return { ...spec, cluster, faults, workload: clients > 0 ? { ...workload, clients, placement: kept2 } : workload };
}
