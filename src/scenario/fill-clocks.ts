// Clocks in swarm mode: per-node offsets and drifts drawn from the seed (off for half of the seeds), some of them
// close to the lease's drift bound.
import type { Random } from '../../sim/random.js';
import { formatPpm, formatSignedDuration } from './units.js';

export type Clocks = Record<string, { offset?: number; drift?: number }>;

/** `driftBoundPpm`: the lease's drift bound; some seeds drift close to it, where a lease without its margin
 *  (thesis 6.4.1) outlives the followers' patience. */
export function drawClocks(nodeIds: readonly string[], random: Random, driftBoundPpm: number): Clocks {
  // Switched off entirely for half of the seeds.
  if (random.chance(1, 2)) return {};
  const big = random.chance(1, 4);
  const nearBound = random.chance(1, 4);
  const settings: Clocks = {};
  for (const id of nodeIds) {
    const offset = random.int(-100, 100) * 1_000;
    const magnitude = nearBound ? random.int(Math.floor(driftBoundPpm / 2), Math.floor(driftBoundPpm * 0.95)) : 0;
    const drift = nearBound ? (random.chance(1, 2) ? magnitude : -magnitude) : big ? random.int(-5_000, 5_000) : random.int(-200, 200);
    settings[id] = { offset, drift };
  }
  return settings;
}

export const showClocks = (value: Clocks): unknown =>
  Object.keys(value).length === 0 ? 'none' : Object.fromEntries(Object.entries(value).map(([id, clock]) => [id, { offset: formatSignedDuration(clock.offset ?? 0), drift: formatPpm(clock.drift ?? 0) }]));
