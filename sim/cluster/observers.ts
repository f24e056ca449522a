// Raft's events and the message traffic, reported to the checker, the metrics, the trace and the run's counters.
// observe() also runs the per-event invariant checks of a node.
import { describeUndecodable } from '../../raft/versions.js';
import type { VersionCollector } from '../version-metrics.js';
import { describeMembership, describeRequest, isJoint, sameMembership } from '../../raft/membership.js';
import type { Message, RaftEvent } from '../../raft/types.js';
import type { SafetyChecker } from '../checker.js';
import type { ContractChecker } from '../contract-checker.js';
import type { Coverage } from '../coverage.js';
import type { MembershipChecker } from '../membership-checker.js';
import type { MembershipCollector } from '../membership-metrics.js';
import type { CatchUps } from './catch-up.js';
import type { MetricsCollector } from '../metrics.js';
import type { DropReason, NodeId } from '../network.js';
import type { Scheduler } from '../scheduler.js';
import type { Trace } from '../trace.js';
import type { ClusterContext } from './context.js';
import { leaderOf } from './inspect.js';
import type { ProposalLatency } from './latency.js';
import type { SimNode } from './node.js';
import type { ClusterEvent, ClusterStats } from './types.js';

type RoleEvent = Extract<RaftEvent, { kind: 'role' }>;
type MembershipEvent = Extract<RaftEvent, { kind: 'membership' | 'conf-change-proposed' | 'removed-step-down' }>;

export class Observers {
  private readonly scheduler: Scheduler;
  private readonly trace: Trace;
  private readonly checker: SafetyChecker | null;
  private readonly contract: ContractChecker | null;
  private readonly membershipChecker: MembershipChecker | null;
  private readonly metrics: MetricsCollector;
  private readonly collector: MembershipCollector;
  private readonly catchUps: CatchUps;
  private readonly coverage: Coverage;
  private readonly nodes: ReadonlyMap<NodeId, SimNode>;
  private readonly stats: ClusterStats;
  private readonly notify: (event: ClusterEvent) => void;
  private readonly protocolTap: ClusterContext['protocolTap'];
  private readonly versions: VersionCollector | null;
  private readonly pauseWhileSendingSnapshot: boolean;

  constructor(
    context: ClusterContext,
    private readonly latency: ProposalLatency,
  ) {
    this.scheduler = context.scheduler;
    this.trace = context.trace;
    this.checker = context.checker;
    this.contract = context.contract;
    this.membershipChecker = context.membershipChecker;
    this.metrics = context.metrics;
    this.collector = context.membershipCollector;
    this.catchUps = context.catchUps;
    this.coverage = context.coverage;
    this.nodes = context.nodes;
    this.stats = context.stats;
    this.notify = (event) => context.notify(event);
    this.protocolTap = context.protocolTap;
    this.versions = context.versionCollector;
    this.pauseWhileSendingSnapshot = context.options.compaction.pauseWhileSendingSnapshot === true;
  }

  /** Reports Raft events to trace and stats, and runs the per-event invariant checks for this node. */
  observe(node: SimNode): void {
    const events = node.raft.takeEvents();
    for (let k = 0; k < events.length; k++) this.onRaftEvent(node, events[k]!);
    if (this.collector.catchingUp.size > 0 && this.collector.catchingUp.has(node.id)) this.noteCatchUp(node);
    if (this.catchUps.pending > 0 && this.catchUps.isCatchingUp(node.id)) this.catchUps.check(this.scheduler.nowUs, node);
    const checker = this.checker;
    if (checker !== null) {
      checker.onTerm(node.id, node.raft.currentTerm);
      if (node.raft.role === 'leader') checker.onLeaderEvent(node.id, node.raft.currentTerm, node.raft.log);
      this.membershipChecker?.onObserved(node.id);
    }
  }

  private onRaftEvent(node: SimNode, event: RaftEvent): void {
    // First, in event order: the configuration the contract checks below count quorums of moves with these events.
    this.membershipChecker?.onRaftEvent(node.id, event, node.raft.log);
    const now = this.scheduler.nowUs;
    switch (event.kind) {
      case 'role':
        this.onRole(node, event);
        return;
      case 'election-start':
        if (event.preVote) this.stats.preVoteRounds++;
        else this.stats.elections++;
        this.metrics.onElectionStarted(node.id, event.term, event.preVote);
        if (this.trace.enabled) this.trace.emit({ t: now, type: 'election', node: node.id, preVote: event.preVote, term: event.term, transfer: event.transfer });
        if (!event.preVote && this.protocolTap.on) this.notify({ kind: 'candidate', node: node.id });
        return;
      case 'election-lost':
        this.stats.electionsLost++;
        if (!event.preVote) this.coverage.reach('split-vote');
        if (this.trace.enabled) this.trace.emit({ t: now, type: 'election-lost', node: node.id, preVote: event.preVote, term: event.term, votesFor: event.votesFor, votesAgainst: event.votesAgainst });
        return;
      case 'commit':
        this.checker?.onCommit(node.id, event.index, node.raft.log, node.raft.currentTerm);
        this.membershipChecker?.onCommit(node.id, event.index, node.raft.log);
        this.contract?.onCommit(node.id, event.index, event.term);
        this.metrics.onApplyLag(event.index - node.raft.log.applied);
        this.noteCommitCoverage(node, event.index);
        this.latency.onCommit(node, event.index);
        this.versions?.onProgress(node.id, now);
        if (this.trace.enabled) this.trace.emitCommit(now, node.id, event.index, event.term);
        if (this.protocolTap.on && node.raft.role === 'leader') this.notify({ kind: 'commit-advanced', node: node.id });
        return;
      case 'check-quorum-step-down':
        this.stats.checkQuorumStepDowns++;
        if (this.trace.enabled) this.trace.emit({ t: now, type: 'step-down', node: node.id, term: event.term, reason: 'check-quorum' });
        return;
      case 'transfer-start':
      case 'transfer-abort':
        if (this.trace.enabled) this.trace.emit({ t: now, type: event.kind, node: node.id, to: event.to, term: event.term });
        return;
      case 'progress':
        if (this.pauseWhileSendingSnapshot) {
          if (event.state === 'snapshot') node.compaction.snapshotsInFlight.add(event.peer);
          else node.compaction.snapshotsInFlight.delete(event.peer);
        }
        if (this.trace.enabled) this.trace.emit({ t: now, type: 'progress', node: node.id, peer: event.peer, state: event.state });
        return;
      case 'snapshot-installed':
        this.collector.onSnapshotInstalled(node.id);
        this.catchUps.onSnapshotInstalled(node.id);
        this.versions?.onProgress(node.id, now);
        if (this.protocolTap.on) this.notify({ kind: 'snapshot-installed', node: node.id });
        return;
      case 'membership':
      case 'conf-change-proposed':
      case 'removed-step-down':
        return this.onMembershipEvent(node, event);
      case 'unsupported':
        // A request this node's version cannot decode, answered with an UnsupportedResponse (raft/versions.ts).
        this.versions?.onRejection(node.id, event.what, now);
        if (this.trace.enabled) {
          const version = node.raft.config.versioning?.version ?? 0;
          this.trace.emit({ t: now, type: 'unsupported', node: node.id, from: event.from, rejected: event.rejected, what: describeUndecodable(event.what), version });
        }
        return;
      default: {
        const unreachable: never = event;
        throw new Error(`unknown raft event ${JSON.stringify(unreachable)}`);
      }
    }
  }

  /** A configuration came into force, a leader appended a configuration entry, a removed leader stepped down.
   *  A `membership` record is written only when the configuration in force at the node differs from the one it
   *  last reported (a restart restoring the same one writes none, so runs without changes trace nothing new). */
  private onMembershipEvent(node: SimNode, event: MembershipEvent): void {
    const now = this.scheduler.nowUs;
    switch (event.kind) {
      case 'membership': {
        if (sameMembership(node.observed.membership, event.membership)) return;
        node.observed.membership = event.membership;
        this.metrics.onConfiguration(node.id, event.membership.voters, event.membership.outgoing);
        // The election-latency quorum follows the configuration latest in force (its incoming voters).
        if (this.collector.onMembership(now, event.index, event.membership, node.raft.role === 'leader')) this.metrics.voterCount = event.membership.voters.length;
        if (this.trace.enabled) {
          this.trace.emit({ t: now, type: 'membership', node: node.id, index: event.index, term: event.term, config: describeMembership(event.membership), joint: isJoint(event.membership) });
        }
        if (this.protocolTap.on) this.notify({ kind: 'config-in-force', node: node.id });
        return;
      }
      case 'conf-change-proposed':
        this.collector.onProposed(event.auto);
        if (this.trace.enabled) this.trace.emit({ t: now, type: 'conf-change', node: node.id, index: event.index, term: event.term, request: describeRequest(event.request), auto: event.auto });
        if (this.protocolTap.on) this.notify({ kind: 'config-appended', node: node.id });
        return;
      case 'removed-step-down':
        this.collector.onRemovedStepDown();
        if (this.trace.enabled) this.trace.emit({ t: now, type: 'removed-step-down', node: node.id, term: event.term });
        return;
    }
  }

  /** An added node still catching up: is its durable log within reach of the leader's last index? */
  private noteCatchUp(node: SimNode): void {
    const leader = leaderOf(this.nodes);
    if (leader === null) return;
    // A node elected leader holds every committed entry: caught up.
    this.collector.onProgress(this.scheduler.nowUs, node.id, node.raft.log.persistedLastIndex(), leader.raft.log.lastIndex());
  }

  /** A leader committing past entries of earlier terms commits them through one of its own (paper 5.4.2). */
  private noteCommitCoverage(node: SimNode, index: number): void {
    if (node.raft.role !== 'leader') return;
    const previous = node.measurement.lastCommitSeen;
    const log = node.raft.log;
    if (previous + 1 < index && previous + 1 >= log.firstIndex() && (log.term(previous + 1) ?? node.raft.currentTerm) < node.raft.currentTerm) {
      this.coverage.reach('earlier-term-entries-committed-by-own-term');
    }
  }

  private noteRoleCoverage(node: SimNode, event: RoleEvent): void {
    const observed = node.observed;
    if (observed.role === 'leader' && event.role !== 'leader') {
      if (event.term > observed.term) this.coverage.reach('leader-deposed-by-higher-term');
      if (node.clients.pendingReads.size > 0 || node.clients.readyReads.length > 0) this.coverage.reach('read-pending-at-leader-change');
    }
    if (event.role !== 'leader') return;
    const log = node.raft.log;
    const beforeNoop = log.lastIndex() - 1;
    if (beforeNoop > log.committed && (log.term(beforeNoop) ?? event.term) < event.term) this.coverage.reach('leader-with-uncommitted-earlier-term-entries');
    for (const other of this.nodes.values()) {
      if (other !== node && other.process.status !== 'down' && other.raft.role === 'leader') {
        this.coverage.reach('two-leaders-in-different-terms');
        return;
      }
    }
  }

  private onRole(node: SimNode, event: RoleEvent): void {
    this.noteRoleCoverage(node, event);
    if (event.role !== 'leader') node.compaction.snapshotsInFlight.clear();
    const observed = node.observed;
    if (observed.role === 'leader' && event.role !== 'leader') {
      this.checker?.onLeaderLost(node.id);
      this.notify({ kind: 'leader-lost', node: node.id, term: observed.term, why: 'step-down' });
    }
    if (event.role === 'leader') {
      this.contract?.onElected(node.id, event.term, node.raft.votedFor);
      this.stats.leaderChanges++;
      this.checker?.onLeader(node.id, event.term, node.raft.log);
      this.metrics.onLeaderElected(event.term);
      this.latency.onLeadership(node);
      this.notify({ kind: 'leader-elected', node: node.id, term: event.term });
    }
    if (observed.role !== event.role || observed.term !== event.term) {
      observed.role = event.role;
      observed.term = event.term;
      this.metrics.onRole(node.id, event.role, event.term);
      const now = this.scheduler.nowUs;
      if (this.trace.enabled) this.trace.emit({ t: now, type: 'role', node: node.id, role: event.role, term: event.term, leader: event.leader });
    }
    // A node that lost leadership drops its pending client requests; clients time out and retry.
    if (event.role !== 'leader') node.dropClientRequests();
  }

  /** A message left the network undelivered (or a paused node's backlog was full). */
  onDropped(from: NodeId, to: NodeId, message: Message, id: number, reason: DropReason): void {
    this.countMessage(message.type, 'dropped');
    this.stats.droppedByReason[reason] = (this.stats.droppedByReason[reason] ?? 0) + 1;
    if (this.trace.enabled) this.trace.emit({ t: this.scheduler.nowUs, type: 'drop', from, to, msg: message.type, id, reason });
  }

  countMessage(type: string, what: 'sent' | 'delivered' | 'dropped'): void {
    let counts = this.stats.messagesByType[type];
    if (counts === undefined) {
      counts = { sent: 0, delivered: 0, dropped: 0 };
      this.stats.messagesByType[type] = counts;
    }
    // A switch, not counts[what]++: a store keyed by a variable name is a generic (slow) property access.
    switch (what) {
      case 'sent':
        counts.sent++;
        return;
      case 'delivered':
        counts.delivered++;
        return;
      case 'dropped':
        counts.dropped++;
        return;
    }
  }
}
