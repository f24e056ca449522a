// Faults, as values: a schedule of (time, fault) pairs, scripted by a scenario or drawn from the seed.
import { chaosArmEventKinds, membershipArmEventKinds, type ArmEventKind } from './protocol-events.js';
import type { LinkConfig, NodeId } from './network.js';
import type { Random } from './random.js';
import { newestVersion, type NodeVersion } from '../raft/versions.js';

/** A node named directly, or chosen when the fault fires: the current leader, a random follower, any node, or
 *  the node crashed most recently that is still down (so `crash: leader` can be undone by restarting it). */
export type NodeTarget = NodeId | 'leader' | 'follower' | 'random' | 'last-crashed' | 'event-node';

/** The messages a filter picks (a fault on one kind of traffic only: hold only AppendEntries, drop only votes). */
export const messageClasses = ['append', 'append-responses', 'heartbeat', 'vote', 'pre-vote', 'snapshot', 'responses', 'requests'] as const;
export type MessageClass = (typeof messageClasses)[number];
export type FilterAction = 'drop' | 'delay' | 'hold';
export const upgradeOrders = ['leader-last', 'leader-first'] as const;
export type UpgradeOrder = (typeof upgradeOrders)[number];

export type Fault =
  | { readonly kind: 'crash'; readonly node: NodeTarget }
  | { readonly kind: 'restart'; readonly node: NodeTarget }
  /** Restart every crashed node. */
  | { readonly kind: 'restart-all' }
  | { readonly kind: 'pause'; readonly node: NodeTarget; readonly durationUs: number }
  | { readonly kind: 'slow'; readonly node: NodeTarget; readonly delayUs: number }
  /** The node's state machine stops applying for durationUs while Raft goes on committing (a stalled apply
   *  loop: etcd's "apply request took too long", a TiKV apply worker blocked on its engine); the backlog between
   *  commit and apply grows, then drains. */
  | { readonly kind: 'apply-stall'; readonly node: NodeTarget; readonly durationUs: number }
  | { readonly kind: 'partition'; readonly groups: readonly (readonly NodeId[])[] }
  | { readonly kind: 'isolate'; readonly node: NodeTarget }
  | { readonly kind: 'cut-one-way'; readonly from: readonly NodeTarget[]; readonly to: readonly NodeTarget[] }
  | { readonly kind: 'bridge'; readonly sideA: readonly NodeId[]; readonly sideB: readonly NodeId[]; readonly bridge: NodeId }
  | { readonly kind: 'heal' }
  /** Ends one node's isolation (an armed isolation's undo): its links are uncut, except to nodes still isolated. */
  | { readonly kind: 'rejoin'; readonly node: NodeTarget }
  | { readonly kind: 'clock-offset'; readonly node: NodeTarget; readonly offsetUs: number }
  | { readonly kind: 'clock-drift'; readonly node: NodeTarget; readonly driftPpm: number }
  | { readonly kind: 'clock-step'; readonly node: NodeTarget; readonly deltaUs: number }
  | { readonly kind: 'link'; readonly from: NodeTarget; readonly to: NodeTarget; readonly patch: Partial<LinkConfig>; readonly bothWays: boolean }
  | { readonly kind: 'reset-links' }
  | { readonly kind: 'clog'; readonly from: NodeTarget; readonly to: NodeTarget }
  | { readonly kind: 'unclog'; readonly from: NodeTarget; readonly to: NodeTarget }
  | { readonly kind: 'transfer-leadership'; readonly to: NodeTarget }
  /** The node campaigns at once, as on a leader's TimeoutNow (thesis 3.10): an experiment pins who leads first.
   *  Only a follower acts on it (a candidate is already campaigning, a leader already leads). */
  | { readonly kind: 'campaign'; readonly node: NodeTarget }
  /** A crash and a restart downUs later (a supervisor restarting the process; fast when within one election
   *  timeout, so the node comes back into the same term). */
  | { readonly kind: 'bounce'; readonly node: NodeTarget; readonly downUs: number }
  /** Several nodes lose power at once: every write not yet fsynced is lost and the last one may be torn,
   *  whatever tearOnCrash says; all restart downUs later. */
  | { readonly kind: 'power-loss'; readonly nodes: readonly NodeTarget[]; readonly downUs: number }
  /** Drop, delay (by up to delayUs) or hold (until the filters are cleared) only one class of messages on the
   *  links from -> to. */
  | { readonly kind: 'filter'; readonly from: readonly NodeTarget[]; readonly to: readonly NodeTarget[]; readonly messages: MessageClass; readonly action: FilterAction; readonly delayUs: number }
  /** Removes every filter, releasing what they held. */
  | { readonly kind: 'clear-filters' }
  /** A node restarts onto another version with the same disk (raft/versions.ts): an upgrade, or a downgrade when
   *  `to` is older. A running node stops (as a crash: what was not fsynced is lost) and starts downUs later; a
   *  node that is down takes the new version at its next restart. */
  | { readonly kind: 'upgrade'; readonly node: NodeTarget; readonly to: NodeVersion; readonly downUs: number }
  /** Every server not yet at `to`, one at a time, everyUs apart (sim/cluster/upgrades.ts): `leader-last` takes
   *  followers first and the node leading at each step last; `leader-first` takes the node leading at each step
   *  first. Each step is an upgrade with downUs. */
  | { readonly kind: 'rolling-upgrade'; readonly to: NodeVersion; readonly everyUs: number; readonly order: UpgradeOrder; readonly downUs: number }
  /** Waits (at most withinUs) for the first protocol event of this kind at any node, then applies `fault`
   *  delayUs later, with the target event-node meaning that event's node. With `undo`, the fault is undone
   *  undo.afterUs after it fires (an isolation healed, filters cleared). With `repeat` > 1 it is a storm: once
   *  the fault has fired it waits for the next such event, `repeat` firings in all, within the same window. */
  | { readonly kind: 'arm'; readonly after: ArmEventKind; readonly withinUs: number; readonly delayUs: number; readonly fault: Fault; readonly repeat?: number; readonly undo?: ArmUndo }
  // Membership operations (Raft dissertation ch. 4), proposed to the current leader (sim/cluster/membership.ts:
  // retried while there is none or it refuses for a passing reason). A node that is not running yet (a spare of
  // ClusterOptions.initialMembers) boots empty when its add is appended.
  /** Adds a voter (a single-server change). */
  | { readonly kind: 'add-node'; readonly node: NodeTarget }
  /** Adds a learner: it replicates (also by snapshot) but never votes or counts. */
  | { readonly kind: 'add-learner'; readonly node: NodeTarget }
  /** Removes a voter or a learner. */
  | { readonly kind: 'remove-node'; readonly node: NodeTarget }
  /** Makes a learner a voter. */
  | { readonly kind: 'promote'; readonly node: NodeTarget }
  /** Makes a voter a learner. */
  | { readonly kind: 'demote'; readonly node: NodeTarget }
  /** Replaces `node` (the leader, usually) by `with` (null: the first spare not yet running): in one joint
   *  configuration left automatically (`joint`), or in two single-server steps, add first, then remove. */
  | { readonly kind: 'replace'; readonly node: NodeTarget; readonly with: NodeId | null; readonly joint: boolean }
  /** Enters a joint configuration with several changes; left automatically by the leader with autoLeave, else
   *  by a leave-joint. */
  | { readonly kind: 'enter-joint'; readonly changes: readonly MembershipStep[]; readonly autoLeave: boolean }
  /** Leaves the joint configuration in force (a request with no changes). */
  | { readonly kind: 'leave-joint' }
  /** One membership change chosen when it fires from the leader's configuration (sim/cluster/membership.ts):
   *  add or remove a voter or a learner, promote, demote, replace the leader, or a joint change, keeping the
   *  voters between minVoters and maxVoters; leaves a joint configuration first. */
  | { readonly kind: 'churn'; readonly minVoters: number; readonly maxVoters: number };

/** One change of an enter-joint fault. */
export interface MembershipStep {
  readonly op: 'add-voter' | 'add-learner' | 'remove';
  readonly node: NodeTarget;
}

/** The fault kinds that change membership: they need proposeConfChange on the Raft under test. */
export const membershipFaultKinds = ['add-node', 'add-learner', 'remove-node', 'promote', 'demote', 'replace', 'enter-joint', 'leave-joint', 'churn'] as const;
export type MembershipFaultKind = (typeof membershipFaultKinds)[number];
export type MembershipFault = Extract<Fault, { readonly kind: MembershipFaultKind }>;

export function isMembershipFault(fault: Fault): fault is MembershipFault {
  return (membershipFaultKinds as readonly string[]).includes(fault.kind);
}

/** A membership fault in `fault` itself or inside an armed one, or null. */
export function membershipFaultIn(fault: Fault): MembershipFault | null {
  if (isMembershipFault(fault)) return fault;
  if (fault.kind === 'arm') return membershipFaultIn(fault.fault) ?? (fault.undo !== undefined ? membershipFaultIn(fault.undo.fault) : null);
  return null;
}

/** What undoes an armed fault, and how long after it fired. */
export interface ArmUndo {
  readonly fault: Fault;
  readonly afterUs: number;
}

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
  /** A kind that takes half of the draws (swarm mode draws one for half of the seeds: a seed of storms, a seed
   *  of filters), whether or not it is in `kinds`; null or absent: every draw picks among `kinds`. */
  readonly focus?: ChaosKind | null;
}

export type ChaosKind = 'crash' | 'pause' | 'partition' | 'isolate' | 'one-way' | 'bridge' | 'clock' | 'link' | 'clog' | 'transfer' | 'bounce' | 'power-loss' | 'filter' | 'arm' | 'membership' | 'apply-stall' | 'upgrade';

/** What a chaos section uses when it names no kinds: the time-keyed faults. */
export const classicChaosKinds: readonly ChaosKind[] = ['crash', 'pause', 'partition', 'isolate', 'one-way', 'bridge', 'clock', 'link', 'clog', 'transfer'];

/** Every kind (`kinds: all`, and what swarm mode draws its subset from): the classic ones, fast restarts,
 *  correlated power loss, message-class filters and faults armed on protocol events. */
export const allChaosKinds: readonly ChaosKind[] = [...classicChaosKinds, 'bounce', 'power-loss', 'filter', 'arm'];

/** Every kind a chaos section may name: all of the above and `membership` (a `churn` fault per draw), which is
 *  not in `all`; swarm mode adds it for a third of its seeds (src/scenario/fill.ts drawChurn), so every seed
 *  without it draws what it drew before. `apply-stall` and `upgrade` (one node to the newest version; needs
 *  cluster.versions) are not in `all` either: swarm mode adds apply-stall to a quarter of its seeds and upgrade to
 *  those that draw mixed versions (fill.ts), each from a stream of its own. */
export const selectableChaosKinds: readonly ChaosKind[] = [...allChaosKinds, 'membership', 'apply-stall', 'upgrade'];

/** The voter bounds of drawn membership churn (issue #12: between 3 and 7 voters). */
export const churnVoterBounds = { min: 3, max: 7 } as const;

export const defaultChaosOptions: ChaosOptions = {
  meanGapUs: 1_000_000,
  maxFaultDurationUs: 3_000_000,
  kinds: classicChaosKinds,
  maxClockOffsetUs: 200_000,
  maxDriftPpm: 20_000,
  maxClockStepUs: 500_000,
};

/**
 * Draws a fault schedule over [0, durationUs). Crashes are kept to a minority at any moment, so the cluster
 * can still make progress; every fault that has an undo (restart, heal, unclog, reset) gets one within
 * maxFaultDurationUs. Draws come only from `random` (the `nemesis` stream).
 */
export function randomFaultSchedule(random: Random, nodes: readonly NodeId[], durationUs: number, options: ChaosOptions, timing: ChaosTiming = defaultChaosTiming): ScheduledFault[] {
  const schedule: ScheduledFault[] = [];
  if (options.kinds.length === 0 || durationUs <= 0) return schedule;
  const state: ScheduleState = { minority: Math.floor((nodes.length - 1) / 2), crashEnds: [], networkBusyUntilUs: 0, timing };
  const maxFaults = 10_000;
  let timeUs = Math.round(random.exponential(options.meanGapUs));
  for (let count = 0; timeUs < durationUs && count < maxFaults; count++) {
    // No focus, no draw: a schedule without one draws exactly what it drew before focus existed.
    const kind = options.focus != null && random.chance(1, 2) ? options.focus : random.pick(options.kinds);
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
  readonly timing: ChaosTiming;
}

/** The cluster's timing, which the protocol-keyed draws follow (a fast restart is one within an election
 *  timeout; a pause long enough to matter outlasts one). */
export interface ChaosTiming {
  readonly electionTimeoutMinUs: number;
  readonly electionTimeoutMaxUs: number;
}

export const defaultChaosTiming: ChaosTiming = { electionTimeoutMinUs: 150_000, electionTimeoutMaxUs: 300_000 };

/** Whether one more node may go down at timeUs and crashes stay a minority (forgetting the ones over by then). */
function crashSlotFree(state: ScheduleState, timeUs: number): boolean {
  state.crashEnds = state.crashEnds.filter((end) => end > timeUs);
  return state.crashEnds.length < state.minority;
}

/** Adds the fault of one draw and its undo (if it has one) to the schedule. */
function drawFault(random: Random, draw: Draw, state: ScheduleState, nodes: readonly NodeId[], options: ChaosOptions, schedule: ScheduledFault[]): void {
  const { kind, timeUs, endUs, node, other } = draw;
  const at = (fault: Fault, when = timeUs): void => {
    schedule.push({ atUs: when, fault });
  };
  switch (kind) {
    case 'crash': {
      if (!crashSlotFree(state, timeUs)) return;
      const target: NodeTarget = random.chance(1, 3) ? 'leader' : node;
      at({ kind: 'crash', node: target });
      at({ kind: 'restart-all' }, endUs);
      state.crashEnds.push(endUs);
      return;
    }
    case 'pause':
      at({ kind: 'pause', node: random.chance(1, 3) ? 'leader' : node, durationUs: draw.lengthUs });
      return;
    case 'apply-stall':
      at({ kind: 'apply-stall', node: random.chance(1, 3) ? 'leader' : node, durationUs: draw.lengthUs });
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
    case 'membership':
      // What changes is chosen when it fires, from the configuration then in force: nothing more is drawn here.
      at(churnFault(nodes));
      return;
    case 'upgrade':
      return at(upgradeFault(random, node));
    case 'bounce':
    case 'power-loss':
    case 'filter':
    case 'arm':
      return drawProtocolFault(random, kind, draw, state, nodes, options, at);
    default: {
      const unreachable: never = kind;
      throw new Error(`unknown chaos kind ${String(unreachable)}`);
    }
  }
}

/** One node upgraded to the newest version (a canary, or a rolling upgrade in random order); drawn where the
 *  chaos kinds have `upgrade` (with cluster.versions), never by `all`. No downgrades: a node
 *  downgraded after the newest entry format was switched on waits for a snapshot covering what it cannot read
 *  (docs/versions.md), which an idle liveness phase never takes. */
function upgradeFault(random: Random, node: NodeId): Fault {
  return { kind: 'upgrade', node: random.chance(1, 3) ? 'leader' : node, to: newestVersion, downUs: random.int(10, 500) * 1_000 };
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

/** The kinds aimed at the protocol: fast restarts, power loss, message-class filters, armed faults. */
function drawProtocolFault(random: Random, kind: 'bounce' | 'power-loss' | 'filter' | 'arm', draw: Draw, state: ScheduleState, nodes: readonly NodeId[], options: ChaosOptions, at: (fault: Fault, when?: number) => void): void {
  const { timeUs, endUs, node } = draw;
  switch (kind) {
    case 'bounce': {
      if (!crashSlotFree(state, timeUs)) return;
      const downUs = drawDownUs(random, state.timing, options);
      at({ kind: 'bounce', node: random.chance(1, 3) ? 'leader' : node, downUs });
      state.crashEnds.push(timeUs + downUs);
      return;
    }
    case 'power-loss': {
      // Correlated: two nodes up to all of them at once; the cluster stops until they are back.
      const hit = random.shuffle(nodes.slice()).slice(0, random.int(Math.min(2, nodes.length), nodes.length));
      at({ kind: 'power-loss', nodes: hit, downUs: random.int(1_000, Math.max(1_000, Math.min(draw.lengthUs, 2 * state.timing.electionTimeoutMaxUs))) });
      return;
    }
    case 'filter':
      at(drawFilter(random, node, nodes, state.timing));
      at({ kind: 'clear-filters' }, endUs);
      return;
    case 'arm':
      at(drawArm(random, draw, nodes, state.timing, options));
      return;
  }
}

/** How long a bounced node stays down: half the time within one election timeout (it restarts into the term it
 *  voted in), else up to the longest fault. */
function drawDownUs(random: Random, timing: ChaosTiming, options: ChaosOptions): number {
  if (random.chance(1, 2)) return random.int(1_000, Math.max(1_000, timing.electionTimeoutMinUs));
  return random.int(timing.electionTimeoutMinUs, Math.max(timing.electionTimeoutMinUs, options.maxFaultDurationUs));
}

/** A filter on one class of messages: from the leader, to the leader, or around one node. */
function drawFilter(random: Random, node: NodeId, nodes: readonly NodeId[], timing: ChaosTiming): Fault {
  const messages = random.pick(messageClasses);
  const action = random.pick<FilterAction>(['drop', 'delay', 'hold']);
  const delayUs = action === 'delay' ? random.int(1_000, 2 * timing.electionTimeoutMaxUs) : 0;
  const others = nodes.filter((id) => id !== node);
  switch (random.int(0, 3)) {
    case 0:
      return { kind: 'filter', from: ['leader'], to: [...nodes], messages, action, delayUs };
    case 1:
      return { kind: 'filter', from: [...nodes], to: ['leader'], messages, action, delayUs };
    case 2:
      return { kind: 'filter', from: [node], to: others, messages, action, delayUs };
    default:
      return { kind: 'filter', from: others, to: [node], messages, action, delayUs };
  }
}

const leaderMoments: readonly ArmEventKind[] = ['leader-elected', 'entries-written', 'commit-advanced'];

function churnFault(nodes: readonly NodeId[]): Fault {
  return { kind: 'churn', minVoters: Math.min(churnVoterBounds.min, nodes.length), maxVoters: Math.min(churnVoterBounds.max, nodes.length) };
}

/** The moments a churn seed may time a change to: during an election, as a leader takes over, right after a
 *  configuration entry is appended (refused while it is pending, then chosen again) or comes into force. */
const changeMoments: readonly ArmEventKind[] = ['candidate', 'leader-elected', 'config-appended', 'config-in-force'];

/** Half of the arms wait for one of the leader's moments the issue names: just elected, entries written before
 *  their fsync, a commit decided before it is broadcast. Seeds that churn membership first give a quarter of them
 *  to a membership moment: a leader that just appended a configuration entry, a node where one just came into
 *  force (the leader lost mid-change: etcd #12136, #12359); other seeds draw nothing more. */
function drawArmEvent(random: Random, options: ChaosOptions): ArmEventKind {
  if (options.kinds.includes('membership') && random.chance(1, 4)) return random.pick(membershipArmEventKinds);
  return random.chance(1, 2) ? random.pick(leaderMoments) : random.pick(chaosArmEventKinds);
}

/** A fault armed on a protocol event: the node of the event (or the leader) is bounced, paused, loses power with
 *  others, is cut off, or has one class of its messages filtered, right then or a moment later, and a cut or a
 *  filter is undone a drawn time later. Half of the arms are storms: after firing they wait for the next such
 *  event, up to five firings in the window (a leader cut off right after writing, then its successor, then the
 *  next: the leadership churn of Figure 8, and divergent logs that a snapshot must replace). */
function drawArm(random: Random, draw: Draw, nodes: readonly NodeId[], timing: ChaosTiming, options: ChaosOptions): Fault {
  const after = drawArmEvent(random, options);
  const target: NodeTarget = random.chance(1, 4) ? 'leader' : 'event-node';
  const delayUs = random.chance(1, 2) ? 0 : random.int(1, Math.max(1, Math.floor(timing.electionTimeoutMinUs / 10)));
  const repeat = random.chance(1, 2) ? 1 : random.int(2, 5);
  const forUs = random.int(Math.max(1, Math.floor(timing.electionTimeoutMinUs / 2)), Math.max(1, 3 * timing.electionTimeoutMaxUs));
  const arm = { kind: 'arm', after, withinUs: draw.lengthUs, delayUs, ...(repeat > 1 ? { repeat } : {}) } as const;
  // Churn seeds: one arm in six is the change itself, timed to a protocol moment (issue #12).
  if (options.kinds.includes('membership') && random.chance(1, 6)) return { ...arm, after: random.pick(changeMoments), fault: churnFault(nodes) };
  // Two in seven are isolations: the one fault that also stops what the node has just sent (cuts are checked
  // again at delivery), so an entry written at that moment stays on the node alone.
  switch (random.int(0, 6)) {
    case 0:
    case 1:
      return { ...arm, fault: { kind: 'bounce', node: target, downUs: drawDownUs(random, timing, options) } };
    case 2:
      return { ...arm, fault: { kind: 'pause', node: target, durationUs: random.int(timing.electionTimeoutMinUs, Math.max(timing.electionTimeoutMinUs, 3 * timing.electionTimeoutMaxUs)) } };
    case 3: {
      const others = random.shuffle(nodes.slice()).slice(0, random.int(1, Math.max(1, nodes.length - 1)));
      return { ...arm, fault: { kind: 'power-loss', nodes: [target, ...others], downUs: random.int(1_000, Math.max(1_000, 2 * timing.electionTimeoutMaxUs)) } };
    }
    case 4:
    case 5:
      // The node of the event, so that the undo finds the same node (the leader may have changed by then); its
      // own rejoin, so that the next storm firing's isolation outlives this one's.
      return { ...arm, fault: { kind: 'isolate', node: 'event-node' }, undo: { fault: { kind: 'rejoin', node: 'event-node' }, afterUs: forUs } };
    default: {
      const messages = random.pick(messageClasses);
      const action = random.pick<FilterAction>(['drop', 'delay', 'hold']);
      const filterDelayUs = action === 'delay' ? random.int(1_000, 2 * timing.electionTimeoutMaxUs) : 0;
      // Every node on the other side: a filter never applies to a node's messages to itself.
      const [from, to]: [NodeTarget[], NodeTarget[]] = random.chance(1, 2) ? [[target], [...nodes]] : [[...nodes], [target]];
      return { ...arm, fault: { kind: 'filter', from, to, messages, action, delayUs: filterDelayUs }, undo: { fault: { kind: 'clear-filters' }, afterUs: forUs } };
    }
  }
}
