// Faults, as values: a schedule of (time, fault) pairs, scripted by a scenario or drawn from the seed.
import type { LinkConfig, NodeId } from './network.js';
import type { Random } from './random.js';

/** A node named directly, or chosen when the fault fires: the current leader, a random follower, any node, or
 *  the node crashed most recently that is still down (so `crash: leader` can be undone by restarting it). */
export type NodeTarget = NodeId | 'leader' | 'follower' | 'random' | 'last-crashed';

export type Fault =
  | { readonly kind: 'crash'; readonly node: NodeTarget }
  | { readonly kind: 'restart'; readonly node: NodeTarget }
  /** Restart every crashed node. */
  | { readonly kind: 'restart-all' }
  | { readonly kind: 'pause'; readonly node: NodeTarget; readonly durationUs: number }
  | { readonly kind: 'slow'; readonly node: NodeTarget; readonly delayUs: number }
  | { readonly kind: 'partition'; readonly groups: readonly (readonly NodeId[])[] }
  | { readonly kind: 'isolate'; readonly node: NodeTarget }
  | { readonly kind: 'cut-one-way'; readonly from: readonly NodeTarget[]; readonly to: readonly NodeTarget[] }
  | { readonly kind: 'bridge'; readonly sideA: readonly NodeId[]; readonly sideB: readonly NodeId[]; readonly bridge: NodeId }
  | { readonly kind: 'heal' }
  | { readonly kind: 'clock-offset'; readonly node: NodeTarget; readonly offsetUs: number }
  | { readonly kind: 'clock-drift'; readonly node: NodeTarget; readonly driftPpm: number }
  | { readonly kind: 'clock-step'; readonly node: NodeTarget; readonly deltaUs: number }
  | { readonly kind: 'link'; readonly from: NodeTarget; readonly to: NodeTarget; readonly patch: Partial<LinkConfig>; readonly bothWays: boolean }
  | { readonly kind: 'reset-links' }
  | { readonly kind: 'clog'; readonly from: NodeTarget; readonly to: NodeTarget }
  | { readonly kind: 'unclog'; readonly from: NodeTarget; readonly to: NodeTarget }
  | { readonly kind: 'transfer-leadership'; readonly to: NodeTarget };

export type FaultKind = Fault['kind'];

export interface ScheduledFault {
  readonly atUs: number;
  readonly fault: Fault;
}

export interface ChaosOptions {
  /** Mean gap between two faults. */
  readonly meanGapUs: number;
  /** How long a crash, pause, partition or clog lasts before it is undone, at most. */
  readonly maxFaultDurationUs: number;
  /** Which kinds to draw; swarm testing switches whole kinds off per seed. */
  readonly kinds: readonly ChaosKind[];
  readonly maxClockOffsetUs: number;
  readonly maxDriftPpm: number;
  readonly maxClockStepUs: number;
}

export type ChaosKind = 'crash' | 'pause' | 'partition' | 'isolate' | 'one-way' | 'bridge' | 'clock' | 'link' | 'clog' | 'transfer';

export const allChaosKinds: readonly ChaosKind[] = ['crash', 'pause', 'partition', 'isolate', 'one-way', 'bridge', 'clock', 'link', 'clog', 'transfer'];

export const defaultChaosOptions: ChaosOptions = {
  meanGapUs: 1_000_000,
  maxFaultDurationUs: 3_000_000,
  kinds: allChaosKinds,
  maxClockOffsetUs: 200_000,
  maxDriftPpm: 20_000,
  maxClockStepUs: 500_000,
};

/**
 * Draws a fault schedule over [0, durationUs). Crashes are kept to a minority at any moment, so the cluster
 * can still make progress; every fault that has an undo (restart, heal, unclog, reset) gets one within
 * maxFaultDurationUs. Draws come only from `random` (the `nemesis` stream).
 */
export function randomFaultSchedule(random: Random, nodes: readonly NodeId[], durationUs: number, options: ChaosOptions): ScheduledFault[] {
  const schedule: ScheduledFault[] = [];
  if (options.kinds.length === 0 || durationUs <= 0) return schedule;
  const state: ScheduleState = { minority: Math.floor((nodes.length - 1) / 2), crashEnds: [], networkBusyUntilUs: 0 };
  const maxFaults = 10_000;
  let timeUs = Math.round(random.exponential(options.meanGapUs));
  for (let count = 0; timeUs < durationUs && count < maxFaults; count++) {
    const kind = random.pick(options.kinds);
    const lengthUs = random.int(Math.min(100_000, options.maxFaultDurationUs), options.maxFaultDurationUs);
    const node = random.pick(nodes);
    const other = random.pick(nodes.filter((id) => id !== node));
    const draw: Draw = { kind, timeUs, lengthUs, endUs: timeUs + lengthUs, node, other };
    drawFault(random, draw, state, nodes, options, schedule);
    timeUs += 1 + Math.round(random.exponential(options.meanGapUs));
  }
  // Undo events may fall after the fault phase; the liveness phase heals everything anyway.
  schedule.sort((a, b) => a.atUs - b.atUs);
  return schedule.filter((item) => item.atUs < durationUs);
}

/** One draw of the schedule: its kind, when it starts and ends, and the nodes it may hit. */
interface Draw {
  readonly kind: ChaosKind;
  readonly timeUs: number;
  readonly lengthUs: number;
  readonly endUs: number;
  readonly node: NodeId;
  readonly other: NodeId;
}

/** What the schedule keeps across draws. */
interface ScheduleState {
  readonly minority: number;
  /** End times of crashes in force, to keep them a minority. */
  crashEnds: number[];
  /** One network fault at a time: the next waits until the last one is healed. */
  networkBusyUntilUs: number;
}

/** Adds the fault of one draw and its undo (if it has one) to the schedule. */
function drawFault(random: Random, draw: Draw, state: ScheduleState, nodes: readonly NodeId[], options: ChaosOptions, schedule: ScheduledFault[]): void {
  const { kind, timeUs, endUs, node, other } = draw;
  const at = (fault: Fault, when = timeUs): void => {
    schedule.push({ atUs: when, fault });
  };
  switch (kind) {
    case 'crash': {
      state.crashEnds = state.crashEnds.filter((end) => end > timeUs);
      if (state.crashEnds.length >= state.minority) return;
      const target: NodeTarget = random.chance(1, 3) ? 'leader' : node;
      at({ kind: 'crash', node: target });
      at({ kind: 'restart-all' }, endUs);
      state.crashEnds.push(endUs);
      return;
    }
    case 'pause':
      at({ kind: 'pause', node: random.chance(1, 3) ? 'leader' : node, durationUs: draw.lengthUs });
      return;
    case 'partition':
    case 'isolate':
    case 'one-way':
    case 'bridge':
      if (timeUs < state.networkBusyUntilUs) return;
      state.networkBusyUntilUs = endUs;
      if (drawNetworkFault(random, kind, node, nodes, at)) at({ kind: 'heal' }, endUs);
      return;
    case 'clock': {
      const which = random.int(0, 2);
      if (which === 0) at({ kind: 'clock-offset', node, offsetUs: random.int(-options.maxClockOffsetUs, options.maxClockOffsetUs) });
      else if (which === 1) at({ kind: 'clock-drift', node, driftPpm: random.int(-options.maxDriftPpm, options.maxDriftPpm) });
      else at({ kind: 'clock-step', node, deltaUs: random.int(-options.maxClockStepUs, options.maxClockStepUs) });
      return;
    }
    case 'link':
      at({
        kind: 'link',
        from: node,
        to: other,
        bothWays: random.chance(1, 2),
        patch: { dropChance: random.int(10, 50) / 100, latency: { kind: 'uniform', minUs: 5_000, maxUs: random.int(10_000, 100_000) } },
      });
      at({ kind: 'reset-links' }, endUs);
      return;
    case 'clog':
      at({ kind: 'clog', from: node, to: other });
      at({ kind: 'unclog', from: node, to: other }, endUs);
      return;
    case 'transfer':
      at({ kind: 'transfer-leadership', to: 'follower' });
      return;
    default: {
      const unreachable: never = kind;
      throw new Error(`unknown chaos kind ${String(unreachable)}`);
    }
  }
}

/** A network fault; false when the cluster is too small for it (a bridge needs three nodes). */
function drawNetworkFault(random: Random, kind: 'partition' | 'isolate' | 'one-way' | 'bridge', node: NodeId, nodes: readonly NodeId[], at: (fault: Fault) => void): boolean {
  switch (kind) {
    case 'partition': {
      const shuffled = random.shuffle(nodes.slice());
      const cut = random.int(1, nodes.length - 1);
      at({ kind: 'partition', groups: [shuffled.slice(0, cut), shuffled.slice(cut)] });
      return true;
    }
    case 'isolate':
      at({ kind: 'isolate', node: random.chance(1, 2) ? 'leader' : node });
      return true;
    case 'one-way':
      at({ kind: 'cut-one-way', from: [random.chance(1, 2) ? 'leader' : node], to: nodes.filter((id) => id !== node) });
      return true;
    case 'bridge': {
      if (nodes.length < 3) return false;
      const shuffled = random.shuffle(nodes.slice());
      const bridge = shuffled[0]!;
      const rest = shuffled.slice(1);
      const cut = random.int(1, rest.length - 1);
      at({ kind: 'bridge', sideA: rest.slice(0, cut), sideB: rest.slice(cut), bridge });
      return true;
    }
  }
}
