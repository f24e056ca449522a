// Faults as mechanisms: a Fault value (sim/nemesis.ts) names what goes wrong and whom it hits; this file
// resolves the target when the fault fires and applies it to the processes, the network, the links or the
// clocks. Crash, restart, pause and resume are here too: the process faults also used by the liveness phase.
import { isVoter } from '../../raft/membership.js';
import { jointHasQuorum, quorumSize } from '../../raft/quorum.js';
import type { Message } from '../../raft/types.js';
import type { SafetyChecker } from '../checker.js';
import { KvStore, type KvImage } from '../kv.js';
import type { MetricsCollector } from '../metrics.js';
import { isMembershipFault, type Fault, type NodeTarget } from '../nemesis.js';
import type { Network, NodeId } from '../network.js';
import type { Random } from '../random.js';
import type { Scheduler } from '../scheduler.js';
import type { Trace } from '../trace.js';
import type { Compaction } from './compaction.js';
import type { ClusterContext } from './context.js';
import { MembershipOps } from './membership.js';
import { Upgrades } from './upgrades.js';
import type { NodeEvent, SimNode } from './node.js';
import { raftConfigFor, type ClusterOptions } from './options.js';
import { ProtocolFaults } from './protocol-faults.js';
import type { ReadyLoop } from './ready-loop.js';
import type { ClusterEvent, ClusterStats } from './types.js';
import { recover } from './wal.js';

type FaultOf<K extends Fault['kind']> = Extract<Fault, { kind: K }>;
type ProcessFault = FaultOf<'crash' | 'restart' | 'restart-all' | 'pause' | 'slow' | 'apply-stall' | 'transfer-leadership' | 'campaign'>;
type NetworkFault = FaultOf<'partition' | 'isolate' | 'cut-one-way' | 'bridge' | 'heal' | 'rejoin'>;
type LinkFault = FaultOf<'link' | 'reset-links' | 'clog' | 'unclog'>;
type ClockFault = FaultOf<'clock-offset' | 'clock-drift' | 'clock-step'>;

export class Faults {
  private readonly scheduler: Scheduler;
  private readonly options: ClusterOptions;
  private readonly trace: Trace;
  private readonly checker: SafetyChecker | null;
  private readonly metrics: MetricsCollector;
  private readonly stats: ClusterStats;
  private readonly network: Network<Message>;
  private readonly nodes: ReadonlyMap<NodeId, SimNode>;
  /** Nodes in the order they crashed (bounded: a node appears once, at its latest crash). */
  private crashOrder: NodeId[] = [];
  /** The node whose protocol event fired the fault being applied (the target event-node), else null. */
  private eventNode: NodeId | null = null;
  private readonly protocol: ProtocolFaults;
  readonly membershipOps: MembershipOps;
  private readonly upgrades: Upgrades;

  constructor(
    private readonly context: ClusterContext,
    private readonly readyLoop: ReadyLoop,
    private readonly compaction: Compaction,
  ) {
    this.scheduler = context.scheduler;
    this.options = context.options;
    this.trace = context.trace;
    this.checker = context.checker;
    this.metrics = context.metrics;
    this.stats = context.stats;
    this.network = context.network;
    this.nodes = context.nodes;
    this.protocol = new ProtocolFaults(context, this, (fault, random, node) => this.applyFault(fault, random, node));
    this.membershipOps = new MembershipOps(context, readyLoop, compaction, (target, random) => this.resolveTarget(target, random));
    this.upgrades = new Upgrades(context, this, context.versionCollector, (fault, random) => this.one(fault.node, random));
  }

  /** A cluster event: an armed fault may be waiting for it. */
  onEvent(event: ClusterEvent): void {
    this.protocol.onEvent(event);
  }

  /** `eventNode`: the node whose protocol event triggered the fault (what the target event-node means). */
  applyFault(fault: Fault, random: Random, eventNode: NodeId | null = null): void {
    this.context.event.text = `fault ${fault.kind}`;
    this.eventNode = eventNode;
    try {
      this.applyFaultNow(fault, random);
    } finally {
      this.eventNode = null;
    }
    this.context.notify({ kind: 'fault', fault });
    this.checkLeaderReachable();
  }

  private applyFaultNow(fault: Fault, random: Random): void {
    switch (fault.kind) {
      case 'crash':
      case 'restart':
      case 'restart-all':
      case 'pause':
      case 'slow':
      case 'apply-stall':
      case 'transfer-leadership':
      case 'campaign':
        return this.applyProcessFault(fault, random);
      case 'partition':
      case 'isolate':
      case 'cut-one-way':
      case 'bridge':
      case 'heal':
      case 'rejoin':
        return this.applyNetworkFault(fault, random);
      case 'link':
      case 'reset-links':
      case 'clog':
      case 'unclog':
        return this.applyLinkFault(fault, random);
      case 'clock-offset':
      case 'clock-drift':
      case 'clock-step':
        return this.applyClockFault(fault, random);
      case 'bounce': {
        const node = this.one(fault.node, random);
        if (node !== null) this.protocol.bounce(node, fault.downUs);
        return;
      }
      case 'power-loss':
        return this.protocol.powerLoss([...new Set(this.ids(fault.nodes, random))].map((id) => this.nodes.get(id)!), fault.downUs);
      case 'filter':
        return this.protocol.filter(this.ids(fault.from, random), this.ids(fault.to, random), fault.messages, fault.action, fault.delayUs);
      case 'clear-filters':
        return this.protocol.clearFilters();
      case 'arm':
        return this.protocol.arm(fault, random);
      case 'upgrade':
      case 'rolling-upgrade':
        return this.upgrades.apply(fault, random);
      default:
        if (isMembershipFault(fault)) return this.membershipOps.apply(fault, random);
        return unknownFault(fault);
    }
  }

  // ------------------------------------------------------------------ targets

  resolveTarget(target: NodeTarget, random: Random): NodeId | null {
    const ids = this.options.nodeIds;
    switch (target) {
      case 'leader': {
        let best: SimNode | null = null;
        for (const node of this.nodes.values()) {
          if (node.process.status === 'down' || node.raft.role !== 'leader' || (best !== null && node.raft.currentTerm <= best.raft.currentTerm)) continue;
          // Not a removed leader before its step-down (it no longer votes in the configuration it leads).
          const membership = node.raft.membership;
          if (membership === undefined || isVoter(membership, node.id)) best = node;
        }
        return best?.id ?? null;
      }
      case 'follower': {
        const followers = ids.filter((id) => {
          const node = this.nodes.get(id)!;
          return node.process.status !== 'down' && node.raft.role !== 'leader';
        });
        return followers.length === 0 ? null : random.pick(followers);
      }
      case 'random':
        // Spares only when there are some, so that a run without them draws exactly what it drew before.
        return random.pick(this.options.initialMembers === undefined ? ids : ids.filter((id) => !this.nodes.get(id)!.process.spare));
      case 'event-node':
        return this.eventNode;
      case 'last-crashed':
        for (let k = this.crashOrder.length - 1; k >= 0; k--) {
          const id = this.crashOrder[k]!;
          if (this.nodes.get(id)!.process.status === 'down') return id;
        }
        return null;
      default:
        return ids.includes(target) ? target : null;
    }
  }

  private one(target: NodeTarget, random: Random): SimNode | null {
    const id = this.resolveTarget(target, random);
    return id === null ? null : this.nodes.get(id)!;
  }

  private ids(targets: readonly NodeTarget[], random: Random): NodeId[] {
    return targets.map((target) => this.resolveTarget(target, random)).filter((id): id is NodeId => id !== null);
  }

  // ------------------------------------------------------------------ the four fault families

  private applyProcessFault(fault: ProcessFault, random: Random): void {
    switch (fault.kind) {
      case 'crash': {
        const node = this.one(fault.node, random);
        if (node !== null) this.crash(node);
        return;
      }
      case 'restart': {
        const node = this.one(fault.node, random);
        if (node !== null && node.process.status === 'down') this.restart(node);
        return;
      }
      case 'restart-all':
        for (const node of this.nodes.values()) if (node.process.status === 'down') this.restart(node);
        return;
      case 'pause': {
        const node = this.one(fault.node, random);
        if (node !== null && node.process.status === 'up') this.pause(node, fault.durationUs);
        return;
      }
      case 'slow': {
        const node = this.one(fault.node, random);
        if (node === null) return;
        node.process.slowDelayUs = fault.delayUs;
        const now = this.scheduler.nowUs;
        if (this.trace.enabled) this.trace.emit({ t: now, type: 'slow', node: node.id, delayUs: fault.delayUs });
        return;
      }
      case 'apply-stall': {
        const node = this.one(fault.node, random);
        if (node === null || node.process.status === 'down') return;
        const now = this.scheduler.nowUs;
        node.apply.stalledUntilUs = Math.max(node.apply.stalledUntilUs, now + fault.durationUs);
        if (this.trace.enabled) this.trace.emit({ t: now, type: 'apply-stall', node: node.id, durationUs: fault.durationUs });
        return;
      }
      case 'transfer-leadership': {
        const leader = this.one('leader', random);
        const target = this.one(fault.to, random);
        if (leader === null || target === null || leader === target || leader.process.status !== 'up') return;
        leader.raft.transferLeadership(target.id, leader.raftNowUs(this.scheduler.nowUs));
        this.readyLoop.afterInput(leader);
        return;
      }
      case 'campaign': {
        // Through the host contract only: the TimeoutNow a leader handing over would send, from the node itself.
        const node = this.one(fault.node, random);
        if (node === null || node.process.status !== 'up' || node.raft.role !== 'follower') return;
        node.raft.step({ type: 'TimeoutNow', from: node.id, to: node.id, term: node.raft.currentTerm }, node.raftNowUs(this.scheduler.nowUs));
        this.readyLoop.afterInput(node);
        return;
      }
      default:
        return unknownFault(fault);
    }
  }

  private applyNetworkFault(fault: NetworkFault, random: Random): void {
    const now = this.scheduler.nowUs;
    switch (fault.kind) {
      case 'partition':
        this.network.partition(fault.groups.map((group) => [...group]));
        if (this.trace.enabled) this.trace.emit({ t: now, type: 'partition', shape: 'groups', groups: fault.groups });
        return;
      case 'isolate': {
        const node = this.one(fault.node, random);
        if (node === null) return;
        this.network.isolate(node.id);
        if (this.trace.enabled) this.trace.emit({ t: now, type: 'partition', shape: 'isolate', node: node.id });
        return;
      }
      case 'cut-one-way': {
        const from = this.ids(fault.from, random);
        const to = this.ids(fault.to, random).filter((id) => !from.includes(id));
        this.network.cutOneWay(from, to);
        if (this.trace.enabled) this.trace.emit({ t: now, type: 'partition', shape: 'one-way', from, to });
        return;
      }
      case 'bridge':
        this.network.bridge([...fault.sideA], [...fault.sideB], fault.bridge);
        if (this.trace.enabled) this.trace.emit({ t: now, type: 'partition', shape: 'bridge', sideA: fault.sideA, sideB: fault.sideB, bridge: fault.bridge });
        return;
      case 'heal':
        this.network.heal();
        if (this.trace.enabled) this.trace.emit({ t: now, type: 'heal' });
        this.context.catchUps.onHeal(now, null);
        return;
      case 'rejoin': {
        const node = this.one(fault.node, random);
        if (node === null) return;
        this.network.rejoin(node.id);
        if (this.trace.enabled) this.trace.emit({ t: now, type: 'rejoin', node: node.id });
        this.context.catchUps.onHeal(now, node.id);
        return;
      }
      default:
        return unknownFault(fault);
    }
  }

  private applyLinkFault(fault: LinkFault, random: Random): void {
    const now = this.scheduler.nowUs;
    if (fault.kind === 'reset-links') {
      this.network.resetLinks();
      if (this.trace.enabled) this.trace.emit({ t: now, type: 'link-reset' });
      return;
    }
    const from = this.one(fault.from, random);
    const to = this.one(fault.to, random);
    if (from === null || to === null || from === to) return;
    switch (fault.kind) {
      case 'link':
        this.network.setLink(from.id, to.id, fault.patch);
        if (fault.bothWays) this.network.setLink(to.id, from.id, fault.patch);
        if (this.trace.enabled) this.trace.emit({ t: now, type: 'link', from: from.id, to: to.id, bothWays: fault.bothWays, patch: fault.patch });
        return;
      case 'clog':
      case 'unclog':
        if (fault.kind === 'clog') this.network.clog(from.id, to.id);
        else this.network.unclog(from.id, to.id);
        if (this.trace.enabled) this.trace.emit({ t: now, type: fault.kind, from: from.id, to: to.id });
        return;
      default:
        return unknownFault(fault);
    }
  }

  private applyClockFault(fault: ClockFault, random: Random): void {
    const now = this.scheduler.nowUs;
    const node = this.one(fault.node, random);
    if (node === null) return;
    if (fault.kind === 'clock-offset') node.clock.setOffset(now, fault.offsetUs);
    else if (fault.kind === 'clock-drift') node.clock.setDrift(now, fault.driftPpm);
    else node.clock.step(now, fault.deltaUs);
    if (this.trace.enabled) {
      const setting = node.clock.describe();
      this.trace.emit({ t: now, type: 'clock', node: node.id, change: fault.kind, offsetUs: node.clock.offsetAt(now), driftPpm: setting.driftPpm });
    }
    // The local deadline now maps to another true time, and so does the next snapshot window.
    if (node.process.status !== 'down') {
      this.readyLoop.armWake(node);
      this.compaction.armWindow(node);
    }
  }

  /** Election latency starts when the established leader can no longer reach a majority (both directions). */
  private checkLeaderReachable(): void {
    const established = this.metrics.establishedLeader;
    if (established === null) return;
    const reaches = (other: NodeId): boolean =>
      other === established.node || (this.nodes.get(other)!.process.status !== 'down' && !this.network.isBlocked(established.node, other) && !this.network.isBlocked(other, established.node));
    // Of the configuration in force at the leader when its Raft has one (both halves when joint).
    const membership = this.nodes.get(established.node)!.raft.membership;
    if (membership !== undefined ? !jointHasQuorum(membership, reaches) : this.reachableCount(reaches) < quorumSize(this.options.nodeIds.length)) {
      this.metrics.onLeaderLost(this.scheduler.nowUs, established.node, established.term, 'partition');
    }
  }

  private reachableCount(reaches: (id: NodeId) => boolean): number {
    let reachable = 0;
    for (const other of this.options.nodeIds) if (reaches(other)) reachable++;
    return reachable;
  }

  // ------------------------------------------------------------------ the process faults

  /** `tear`: the last unsynced write may be torn even when tearOnCrash is off (a power loss). */
  crash(node: SimNode, tear = false): void {
    if (node.process.status === 'down') return;
    node.loseVolatileState();
    const wasLeader = node.observed.role === 'leader';
    if (wasLeader) this.checker?.onLeaderLost(node.id);
    const { lostRecords, tornRecords } = node.disk.crash(tear || this.options.tearOnCrash);
    if (lostRecords + tornRecords > 0) this.context.coverage.reach('crash-lost-unsynced-data');
    this.stats.crashes++;
    this.crashOrder = this.crashOrder.filter((id) => id !== node.id);
    this.crashOrder.push(node.id);
    this.context.notify({ kind: 'crash', node: node.id });
    this.context.catchUps.onCrash(node.id);
    if (wasLeader) this.context.notify({ kind: 'leader-lost', node: node.id, term: node.observed.term, why: 'crash' });
    if (this.trace.enabled) this.trace.emit({ t: this.scheduler.nowUs, type: 'crash', node: node.id, lostRecords, tornRecords });
  }

  restart(node: SimNode): void {
    if (node.process.status !== 'down' || node.process.spare) return;
    this.context.event.text = `restart of ${node.id}`;
    const recovery = recover(node.disk.records());
    if (recovery.durable.hardState.vote !== null) this.context.coverage.reach('vote-then-restart-same-term');
    if (recovery.tornAt !== null) {
      this.context.coverage.reach('torn-record-recovered');
      this.stats.tornRecordsDiscarded++;
      node.disk.truncate(recovery.tornAt);
    }
    const durable = recovery.durable;
    // The host bug forget-vote-on-restart (host-bugs.ts): the vote the disk kept is dropped on the way in.
    const hardState = this.options.hostBugs.forgetVoteOnRestart ? { ...durable.hardState, vote: null } : durable.hardState;
    node.raft = this.context.raftFactory.restart(
      { config: raftConfigFor(this.options, node.id, node.process.version), random: () => node.timerRandom.next(), nowUs: node.raftNowUs(this.scheduler.nowUs) },
      { ...durable, hardState },
    );
    node.kv = durable.snapshot !== null ? KvStore.fromImage(durable.snapshot.data as KvImage) : new KvStore();
    node.ready.lastHardState = hardState;
    node.compaction.lastSnapshotIndex = durable.snapshot?.meta.index ?? 0;
    node.measurement.lastCommitSeen = node.raft.log.committed;
    node.process.status = 'up';
    node.observed.role = 'follower';
    node.observed.term = node.raft.currentTerm;
    this.stats.restarts++;
    this.context.notify({ kind: 'restart', node: node.id });
    this.context.catchUps.onBack(this.scheduler.nowUs, node, 'restart');
    this.checker?.onRestart(node.id, node.raft.currentTerm, node.raft.log.committed, node.raft.log.applied);
    this.context.contract?.onRestart(node.id, node.raft.currentTerm, node.raft.votedFor);
    this.context.membershipChecker?.onRestart(node.id);
    // The host bug restart-skips-replay (host-bugs.ts): a stale "applied index" makes the host treat every entry
    // committed before the crash as already in its state machine, which was rebuilt from the snapshot alone.
    node.apply.skipThrough = this.options.hostBugs.restartSkipsReplay ? node.raft.log.committed : 0;
    if (this.trace.enabled) {
      this.trace.emit({ t: this.scheduler.nowUs, type: 'restart', node: node.id, term: node.raft.currentTerm, commit: node.raft.log.committed, lastIndex: node.raft.log.lastIndex() });
      this.trace.emit({ t: this.scheduler.nowUs, type: 'role', node: node.id, role: 'follower', term: node.raft.currentTerm, leader: null });
    }
    this.metrics.onRole(node.id, 'follower', node.raft.currentTerm);
    this.readyLoop.afterInput(node);
    this.compaction.armWindow(node);
  }

  pause(node: SimNode, durationUs: number): void {
    node.process.status = 'paused';
    this.stats.pauses++;
    if (node.observed.role === 'leader') this.context.notify({ kind: 'leader-lost', node: node.id, term: node.observed.term, why: 'pause' });
    if (this.trace.enabled) this.trace.emit({ t: this.scheduler.nowUs, type: 'pause', node: node.id, durationUs });
    const event: NodeEvent = { node, incarnation: node.process.incarnation };
    this.scheduler.at(this.scheduler.nowUs + durationUs, this.onPauseOver, event);
  }

  /** The pause ends unless the node crashed meanwhile (a restarted node is up, not paused). */
  private readonly onPauseOver = (event: NodeEvent): void => {
    if (!event.node.isCurrent(event.incarnation)) return;
    this.resume(event.node);
  };

  resume(node: SimNode): void {
    if (node.process.status !== 'paused') return;
    node.process.status = 'up';
    this.context.event.text = `resume of ${node.id}`;
    if (this.trace.enabled) this.trace.emit({ t: this.scheduler.nowUs, type: 'resume', node: node.id });
    this.context.catchUps.onBack(this.scheduler.nowUs, node, 'resume');
    node.runBacklog();
    this.readyLoop.armWake(node);
  }

  /** Liveness phase: heal the network, restart and resume every node, clear slow handlers. */
  healAll(): void {
    this.context.event.text = 'heal all (liveness phase)';
    this.network.heal();
    this.network.resetLinks();
    for (const from of this.options.nodeIds) for (const to of this.options.nodeIds) if (from !== to) this.network.unclog(from, to);
    this.network.removeAllFilters();
    if (this.trace.enabled) this.trace.emit({ t: this.scheduler.nowUs, type: 'heal', all: true });
    this.metrics.onLivenessHeal(this.scheduler.nowUs);
    this.context.catchUps.onLivenessHeal(this.scheduler.nowUs);
    for (const node of this.nodes.values()) {
      node.process.slowDelayUs = 0;
      if (node.process.status === 'paused') this.resume(node);
      if (node.process.status === 'down') this.restart(node);
    }
    // After the restarts: a node restarted here catches up from its restart, every other one from the heal.
    this.context.catchUps.onHeal(this.scheduler.nowUs, null);
  }
}

/** The exhaustiveness check of the fault switches: a new fault kind fails to compile until it is handled. */
function unknownFault(fault: never): never {
  throw new Error(`unknown fault ${JSON.stringify(fault)}`);
}
