// Mixed versions in swarm mode (issue #16): which seeds run a cluster of two versions, and which node runs which.
import type { Random } from '../../sim/random.js';

/** A fifth of the seeds: every node on version 1 or 2 at random, at least one of each (so leaders of either
 *  version meet followers of either); the others null (unversioned, as before). */
export function drawMixedVersions(nodeIds: readonly string[], random: Random): Record<string, number> | null {
  if (!random.chance(1, 5) || nodeIds.length < 2) return null;
  const versions: Record<string, number> = {};
  for (const id of nodeIds) versions[id] = random.chance(1, 2) ? 2 : 1;
  const values = Object.values(versions);
  if (values.every((v) => v === values[0])) versions[nodeIds[random.int(0, nodeIds.length - 1)]!] = values[0] === 1 ? 2 : 1;
  return versions;
}

export const showVersions = (value: Record<string, number> | null): unknown => value ?? 'none';
