// Membership churn in swarm mode (issue #12): which seeds draw it, and the tiny snapshot counts half of them take.
import type { Random } from '../../sim/random.js';
import type { ScenarioSpec } from './spec.js';

/** Off for a third of the seeds; churn seeds take a snapshot every 2 or 3 entries half of the time, so
 *  configuration entries fall below snapshots (issue #12). Other seeds draw what they drew before churn existed. */
export function drawSnapshotCount(random: Random, churn: boolean): number | null {
  if (churn && random.chance(1, 2)) return random.pick([2, 3]);
  return random.chance(1, 3) ? null : random.pick([10, 30, 100, 1_000, 10_000]);
}

/** Swarm mode: a third of the seeds add membership churn (the `membership` chaos kind: one change chosen at fire
 *  time from the leader's configuration, between 3 and 7 voters, with learners) to the kinds they draw. Drawn
 *  from its own stream, so the other seeds keep every draw. */
export function drawChurn(spec: ScenarioSpec, swarmOn: boolean, take: (draw: (random: Random) => boolean) => boolean): boolean {
  if (!swarmOn || spec.chaos === null || spec.chaos?.kinds !== undefined) return false;
  return take((random) => random.chance(1, 3));
}

