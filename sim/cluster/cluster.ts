// The cluster: N Raft nodes wired to their clocks, disks and links, driven by the scheduler. This facade builds
// the layers of sim/cluster/ and is the only file the rest of the project imports; each layer imports only the
// ones below it (docs/architecture.md):
//
//   cluster.ts      this facade
//   faults.ts       Fault values -> crash, restart, pause, partitions, links, clocks
//   server.ts       client requests -> ReadIndex reads and proposals
//   ready-loop.ts   wake, deliver and step, then persist / send / apply / advance (raft/node.ts's contract)
//   apply.ts        committed entries -> KvStore, answers to waiting clients
//   compaction.ts   snapshot triggers, crash-consistent snapshots, WAL rewrite, the periodic sample
//   observers.ts    Raft events -> checker, metrics, trace, counters
//   membership.ts   membership faults -> configuration changes proposed to the leader; spares booted
//   latency.ts      commit and replication latency of proposals
//   context.ts      what every layer is handed; current-event.ts, inspect.ts
//   node.ts         one simulated process and the gate for its events; wal.ts, options.ts, types.ts
import type { RaftFactory } from '../../raft/contract.js';
import { RaftNode } from '../../raft/node.js';
import { simpleMembership } from '../../raft/membership.js';
import { quorumSize } from '../../raft/quorum.js';
import type { Message } from '../../raft/types.js';
import { SafetyChecker } from '../checker.js';
import { ContractChecker, type VotingConfiguration } from '../contract-checker.js';
import { MembershipChecker } from '../membership-checker.js';
import { Coverage } from '../coverage.js';
import { NodeClock } from '../clock.js';
import { Disk } from '../disk.js';
import type { KvCommand } from '../kv.js';
import { MembershipCollector, type MembershipMetrics } from '../membership-metrics.js';
import { CatchUps } from './catch-up.js';
import { MetricsCollector } from '../metrics.js';
import { membershipFaultIn, type Fault } from '../nemesis.js';
import { Network, type NodeId, type Topology } from '../network.js';
import type { Random } from '../random.js';
import type { Scheduler } from '../scheduler.js';
import type { Trace } from '../trace.js';
import { ApplyPipeline, entryDigest } from './apply.js';
import { Compaction } from './compaction.js';
import type { ClusterContext, ProtocolTap } from './context.js';
import { CurrentEvent } from './current-event.js';
import { Faults } from './faults.js';
import { convergence, describeNode, leaderOf, membersOf } from './inspect.js';
import { ProposalLatency } from './latency.js';
import { SimNode } from './node.js';
import { Buggify } from '../buggify.js';
import { Observers } from './observers.js';
import { UnsupportedByRaftError } from './membership.js';
import { bootstrapMembers, initialVersion, isSpare, raftConfigFor, type ClusterOptions } from './options.js';
import { VersionCollector, type VersionMetrics } from '../version-metrics.js';
import { ReadyLoop } from './ready-loop.js';
import { KvServer } from './server.js';
import { newClusterStats, type ClientMessage, type ClusterEvent, type ClusterHooks, type ClusterStats } from './types.js';
import type { WalRecord } from './wal.js';

export { entryDigest } from './apply.js';
export { SimNode } from './node.js';
export { churnRequest, type ChurnBounds } from './churn.js';
export { maxAttempts, retryIntervalUs, UnsupportedByRaftError } from './membership.js';
export { bootstrapMembers, defaultClusterOptions, type ClockSetting, type ClusterOptions, type VersionOptions } from './options.js';
export type { ClientMessage, ClusterEvent, ClusterEventKind, ClusterHooks, ClusterStats, NodeStatus, ProtocolEventKind } from './types.js';
export { protocolEventKinds } from './types.js';
export { recover, type Recovery, type WalRecord } from './wal.js';

export class Cluster {
  readonly nodes = new Map<NodeId, SimNode>();
  readonly network: Network<Message>;
  readonly clientNetwork: Network<ClientMessage>;
  readonly checker: SafetyChecker | null;
  readonly contract: ContractChecker | null;
  readonly membershipChecker: MembershipChecker | null;
  readonly metrics: MetricsCollector;
  readonly membershipCollector: MembershipCollector;
  readonly catchUps: CatchUps;
  readonly versionCollector: VersionCollector | null;
  readonly coverage = new Coverage();
  readonly stats: ClusterStats = newClusterStats();
  private readonly event = new CurrentEvent();
  private readonly listeners: ((event: ClusterEvent) => void)[] = [];
  private readonly protocolTap: ProtocolTap = { on: false };
  private readonly observers: Observers;
  private readonly compaction: Compaction;
  private readonly readyLoop: ReadyLoop;
  private readonly server: KvServer;
  private readonly faults: Faults;
  /** The configuration every node boots with. */

  constructor(
    readonly scheduler: Scheduler,
    readonly random: Random,
    readonly options: ClusterOptions,
    readonly trace: Trace,
    readonly seed: number,
    checkInvariants: boolean,
    private readonly hooks: ClusterHooks,
    clientIds: readonly string[],
    /** Builds the nodes: raftsim's RaftNode, or the user's Raft (raft/contract.ts). */
    private readonly raftFactory: RaftFactory = RaftNode,
  ) {
    this.checker = checkInvariants
      ? new SafetyChecker({ seed, nowUs: () => this.scheduler.nowUs, currentEvent: () => this.currentEvent, nodeState: (id) => this.describeNode(id) }, entryDigest)
      : null;
    this.metrics = new MetricsCollector(options.nodeIds, options.metrics, trace);
    this.metrics.bootstrap(bootstrapMembers(options));
    this.membershipCollector = new MembershipCollector(simpleMembership(bootstrapMembers(options)));
    this.versionCollector = options.versions === undefined ? null : new VersionCollector(new Map(options.nodeIds.map((id) => [id, initialVersion(options, id)!])));
    this.addObserver((event) => {
      if (event.kind === 'leader-lost') this.metrics.onLeaderLost(this.scheduler.nowUs, event.node, event.term, event.why);
      else this.faults.onEvent(event);
    });
    this.network = this.raftNetwork();
    this.clientNetwork = this.clientFacingNetwork(clientIds);
    for (const id of options.nodeIds) this.nodes.set(id, this.createNode(id));
    this.catchUps = new CatchUps(this.nodes);
    this.membershipChecker = this.checker === null ? null : this.buildMembershipChecker();
    this.contract = this.checker === null ? null : this.contractChecker(this.checker);
    const context: ClusterContext = {
      scheduler,
      options,
      trace,
      checker: this.checker,
      contract: this.contract,
      membershipChecker: this.membershipChecker,
      metrics: this.metrics,
      membershipCollector: this.membershipCollector,
      catchUps: this.catchUps,
      versionCollector: this.versionCollector,
      coverage: this.coverage,
      stats: this.stats,
      network: this.network,
      clientNetwork: this.clientNetwork,
      nodes: this.nodes,
      event: this.event,
      notify: (event) => this.notify(event),
      protocolTap: this.protocolTap,
      buggify: new Buggify(options.buggify ?? null, this.random),
      raftFactory,
    };
    const latency = new ProposalLatency(context);
    this.observers = new Observers(context, latency);
    this.compaction = new Compaction(context);
    const apply = new ApplyPipeline(context, this.compaction);
    this.readyLoop = new ReadyLoop(context, { observers: this.observers, latency, apply, compaction: this.compaction });
    this.server = new KvServer(context, this.readyLoop, apply, latency);
    this.faults = new Faults(context, this.readyLoop, this.compaction);
  }

  /** The host-contract checks read each node's durable shadow and, while it is up, its in-memory log. */
  private contractChecker(checker: SafetyChecker): ContractChecker {
    const views = [...this.nodes.values()].map((node) => ({
      id: node.id,
      durable: node.durable,
      liveLog: () => (node.process.status === 'down' ? null : node.raft.log),
      leaderTerm: () => (node.process.status !== 'down' && node.raft.role === 'leader' ? node.raft.currentTerm : null),
      liveTerm: () => (node.process.status === 'down' ? null : node.raft.currentTerm),
    }));
    const context = { seed: this.seed, nowUs: () => this.scheduler.nowUs, currentEvent: () => this.currentEvent, nodeState: (id: NodeId) => this.describeNode(id) };
    const voters = bootstrapMembers(this.options);
    const quorum = quorumSize(voters.length);
    const configuration: VotingConfiguration = { voters, isQuorum: (members) => members.length >= quorum };
    return new ContractChecker(context, views, this.configurationOf(configuration), (index) => checker.committedTermAt(index), this.coverage, (index) => checker.committedInTermAt(index));
  }

  /** With membership changes, each node is judged by the configuration it acts under (membership-checker.ts); a
   *  Raft that does not report its configuration, by the fixed bootstrap voters. */
  private configurationOf(fixed: VotingConfiguration): (id: NodeId, purpose: 'election' | 'commit') => VotingConfiguration {
    const membership = this.membershipChecker;
    return membership === null ? () => fixed : (id, purpose) => membership.votingConfiguration(id, purpose);
  }

  /** The membership invariants, for a Raft that reports the configuration in force (raft/contract.ts). */
  private buildMembershipChecker(): MembershipChecker | null {
    const first = this.nodes.values().next().value;
    if (first === undefined || first.raft.membership === undefined) return null;
    const views = [...this.nodes.values()].map((node) => ({
      id: node.id,
      membership: () => (node.process.status === 'down' ? null : (node.raft.membership ?? null)),
      log: () => (node.process.status === 'down' ? null : node.raft.log),
    }));
    const config = raftConfigFor(this.options, first.id);
    const rules = { allowManyVotersInSimpleChange: config.unsafe.manyVotersInSimpleChange };
    const context = { seed: this.seed, nowUs: () => this.scheduler.nowUs, currentEvent: () => this.currentEvent, nodeState: (id: NodeId) => this.describeNode(id) };
    return new MembershipChecker(context, views, simpleMembership(config.voters), rules, config.membershipActivation ?? 'apply');
  }

  private raftNetwork(): Network<Message> {
    const options = this.options;
    return new Network<Message>(
      this.scheduler,
      this.random.child('network'),
      {
        nodes: [...options.nodeIds],
        defaultLink: options.link,
        ...(options.topology !== null ? { topology: options.topology } : {}),
        ...(options.linkLatency !== undefined ? { linkLatency: { ...options.linkLatency } } : {}),
        maxMessageBytes: options.maxMessageBytes,
      },
      {
        deliver: (from, to, message, id) => this.readyLoop.onDeliver(from, to, message, id),
        dropped: (from, to, message, id, reason) => this.observers.onDropped(from, to, message, id, reason),
        isUp: (id) => this.nodes.get(id)!.process.status !== 'down',
      },
      this.random.child('network/filters'),
    );
  }

  private clientFacingNetwork(clientIds: readonly string[]): Network<ClientMessage> {
    const options = this.options;
    return new Network<ClientMessage>(
      this.scheduler,
      this.random.child('client-network'),
      {
        nodes: [...options.nodeIds, ...clientIds],
        defaultLink: { latency: options.clientLatency, dropChance: 0, duplicateChance: 0, reorderChance: 0, reorderDelay: { kind: 'constant', valueUs: 0 } },
        maxMessageBytes: options.maxMessageBytes,
        ...this.clientTopology(),
      },
      {
        deliver: (from, to, message) => {
          if (this.nodes.has(to)) this.server.onClientRequest(this.nodes.get(to)!, message);
          else this.hooks.clientMessage(to, message, from);
        },
        isUp: (id) => this.nodes.get(id)?.process.status !== 'down',
      },
    );
  }

  /** With clients placed in datacenters: the raft topology with each client in its home datacenter. */
  private clientTopology(): { topology?: Topology } {
    const { topology, clientPlacement } = this.options;
    if (topology === null || clientPlacement === undefined) return {};
    return { topology: { ...topology, datacenterOf: { ...topology.datacenterOf, ...clientPlacement } } };
  }

  private createNode(id: NodeId): SimNode {
    const setting = this.options.clocks[id] ?? { offsetUs: 0, driftPpm: 0 };
    const clock = new NodeClock({ offsetUs: setting.offsetUs, driftPpm: setting.driftPpm });
    const disk = new Disk<WalRecord>(this.options.disk, this.random.child(`disk/${id}`));
    const timerRandom = this.random.child(`node/${id}/timers`);
    const raft = this.raftFactory.create({ config: raftConfigFor(this.options, id), random: () => timerRandom.next(), nowUs: clock.localAt(0) });
    const node = new SimNode(id, clock, disk, timerRandom, raft, simpleMembership(bootstrapMembers(this.options)));
    node.raftOnWallClock = this.options.hostBugs.raftOnWallClock;
    // A spare server is not running until a membership change adds it (membership.ts boots it then).
    if (isSpare(this.options, id)) {
      node.process.status = 'down';
      node.process.spare = true;
    }
    return node;
  }

  /** Refuses, before the run, faults the Raft under test cannot carry out: a membership change needs
   *  proposeConfChange (optional in raft/contract.ts). */
  requireSupport(faults: readonly Fault[], implementation: string): void {
    const needing = faults.map((fault) => membershipFaultIn(fault)).find((fault) => fault !== null);
    const sample = this.nodes.values().next().value;
    if (needing === undefined || needing === null || sample === undefined || typeof sample.raft.proposeConfChange === 'function') return;
    throw new UnsupportedByRaftError(
      `the fault ${needing.kind} changes membership, which needs proposeConfChange(request, nowUs) (and membership) on the Raft under test; ${implementation} does not implement it (raft/contract.ts; docs/scenarios.md "Membership changes"). Run the scenario without membership faults, or implement the method.`,
    );
  }

  /** Describes the event being handled, for violation reports (built only when read: see current-event.ts). */
  get currentEvent(): string {
    return this.event.text;
  }
  set currentEvent(text: string) {
    this.event.text = text;
  }

  /** `protocol`: the observer also wants the protocol events (types.ts protocolEventKinds), which are built
   *  only while someone listens. */
  addObserver(observer: (event: ClusterEvent) => void, protocol = false): void {
    this.listeners.push(observer);
    if (protocol) this.protocolTap.on = true;
  }

  notify(event: ClusterEvent): void {
    for (const listener of this.listeners) listener(event);
  }

  start(): void {
    for (const node of this.nodes.values()) {
      if (node.process.spare) continue;
      if (this.trace.enabled) this.trace.emit({ t: 0, type: 'role', node: node.id, role: 'follower', term: 0, leader: null });
      this.metrics.onRole(node.id, 'follower', 0);
      this.readyLoop.armWake(node);
      this.compaction.armWindow(node);
    }
    this.compaction.startSampling();
  }

  // ------------------------------------------------------------------ clients

  sendClientRequest(client: string, to: NodeId, command: KvCommand): void {
    this.server.sendClientRequest(client, to, command);
  }

  // ------------------------------------------------------------------ faults

  applyFault(fault: Fault, random: Random, eventNode: NodeId | null = null): void {
    this.faults.applyFault(fault, random, eventNode);
  }

  crash(node: SimNode): void {
    this.faults.crash(node);
  }

  restart(node: SimNode): void {
    this.faults.restart(node);
  }

  pause(node: SimNode, durationUs: number): void {
    this.faults.pause(node, durationUs);
  }

  resume(node: SimNode): void {
    this.faults.resume(node);
  }

  /** Liveness phase: heal the network, restart and resume every node, clear slow handlers. */
  healAll(): void {
    this.faults.healAll();
  }

  /** Takes a snapshot now, as a trigger would (tests crash a node at exact moments of it). */
  startSnapshot(node: SimNode, trigger: 'count' | 'time', round: string, intendedUs: number | null): void {
    this.compaction.startSnapshot(node, trigger, round, intendedUs);
  }

  // ------------------------------------------------------------------ observation

  leader(): SimNode | null {
    return leaderOf(this.nodes);
  }

  /** Liveness: one leader of the highest term in a simple configuration, every member of it up and holding the
   *  same committed, applied log (inspect.ts). */
  converged(): { ok: boolean; reason: string } {
    const outcome = convergence(this.nodes);
    // A mixed-version run says why a node that is behind cannot catch up (version-metrics.ts).
    const versions = this.versionCollector;
    if (outcome.ok || versions === null) return outcome;
    const blocked = outcome.node === undefined ? null : versions.blockedReason(outcome.node);
    return blocked === null ? outcome : { ok: false, reason: `${outcome.reason} (${blocked})` };
  }

  /** The members of the leader's configuration (what converged() holds to the leader's log). */
  members(): SimNode[] {
    return membersOf(this.nodes);
  }

  /** The mixed-version measurements, or null for an unversioned run. */
  versionMetrics(endUs: number): VersionMetrics | null {
    return this.versionCollector?.result(endUs) ?? null;
  }

  /** The membership measurements at `endUs` (result.json metrics.membership). */
  membershipMetrics(endUs: number): MembershipMetrics {
    return this.membershipCollector.result(endUs);
  }

  describeNode(id: NodeId): unknown {
    const node = this.nodes.get(id);
    return node === undefined ? null : describeNode(node, this.scheduler.nowUs);
  }
}
