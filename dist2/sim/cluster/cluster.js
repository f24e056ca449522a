import { RaftNode } from '../../raft/node.js';
import { quorumSize } from '../../raft/quorum.js';
import { SafetyChecker } from '../checker.js';
import { ContractChecker } from '../contract-checker.js';
import { Coverage } from '../coverage.js';
import { NodeClock } from '../clock.js';
import { Disk } from '../disk.js';
import { MetricsCollector } from '../metrics.js';
import { Network } from '../network.js';
import { ApplyPipeline, entryDigest } from './apply.js';
import { Compaction } from './compaction.js';
import { CurrentEvent } from './current-event.js';
import { Faults } from './faults.js';
import { convergence, describeNode, leaderOf } from './inspect.js';
import { ProposalLatency } from './latency.js';
import { SimNode } from './node.js';
import { Buggify } from '../buggify.js';
import { Observers } from './observers.js';
import { raftConfigFor } from './options.js';
import { ReadyLoop } from './ready-loop.js';
import { KvServer } from './server.js';
import { newClusterStats } from './types.js';
export { entryDigest } from './apply.js';
export { SimNode } from './node.js';
export { defaultClusterOptions } from './options.js';
export { protocolEventKinds } from './types.js';
export { recover } from './wal.js';
export class Cluster {
    scheduler;
    random;
    options;
    trace;
    seed;
    hooks;
    raftFactory;
    nodes = new Map();
    network;
    clientNetwork;
    checker;
    contract;
    metrics;
    coverage = new Coverage();
    stats = newClusterStats();
    event = new CurrentEvent();
    listeners = [];
    protocolTap = { on: false };
    observers;
    compaction;
    readyLoop;
    server;
    faults;
    constructor(scheduler, random, options, trace, seed, checkInvariants, hooks, clientIds, 
    /** Builds the nodes: raftsim's RaftNode, or the user's Raft (raft/contract.ts). */
    raftFactory = RaftNode) {
        this.scheduler = scheduler;
        this.random = random;
        this.options = options;
        this.trace = trace;
        this.seed = seed;
        this.hooks = hooks;
        this.raftFactory = raftFactory;
        this.checker = checkInvariants
            ? new SafetyChecker({ seed, nowUs: () => this.scheduler.nowUs, currentEvent: () => this.currentEvent, nodeState: (id) => this.describeNode(id) }, entryDigest)
            : null;
        this.metrics = new MetricsCollector(options.nodeIds, options.metrics, trace);
        this.addObserver((event) => {
            if (event.kind === 'leader-lost')
                this.metrics.onLeaderLost(this.scheduler.nowUs, event.node, event.term, event.why);
            else
                this.faults.onEvent(event);
        });
        this.network = this.raftNetwork();
        this.clientNetwork = this.clientFacingNetwork(clientIds);
        for (const id of options.nodeIds)
            this.nodes.set(id, this.createNode(id));
        this.contract = this.checker === null ? null : this.contractChecker(this.checker);
        const context = {
            scheduler,
            options,
            trace,
            checker: this.checker,
            contract: this.contract,
            metrics: this.metrics,
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
    contractChecker(checker) {
        const views = [...this.nodes.values()].map((node) => ({
            id: node.id,
            durable: node.durable,
            liveLog: () => (node.process.status === 'down' ? null : node.raft.log),
            leaderTerm: () => (node.process.status !== 'down' && node.raft.role === 'leader' ? node.raft.currentTerm : null),
        }));
        const voters = this.options.nodeIds;
        const quorum = quorumSize(voters.length);
        const configuration = { voters, isQuorum: (members) => members.length >= quorum };
        const context = { seed: this.seed, nowUs: () => this.scheduler.nowUs, currentEvent: () => this.currentEvent, nodeState: (id) => this.describeNode(id) };
        return new ContractChecker(context, views, () => configuration, (index) => checker.committedTermAt(index), this.coverage, (index) => checker.committedInTermAt(index));
    }
    raftNetwork() {
        const options = this.options;
        return new Network(this.scheduler, this.random.child('network'), {
            nodes: [...options.nodeIds],
            defaultLink: options.link,
            ...(options.topology !== null ? { topology: options.topology } : {}),
            maxMessageBytes: options.maxMessageBytes,
        }, {
            deliver: (from, to, message, id) => this.readyLoop.onDeliver(from, to, message, id),
            dropped: (from, to, message, id, reason) => this.observers.onDropped(from, to, message, id, reason),
            isUp: (id) => this.nodes.get(id).process.status !== 'down',
        }, this.random.child('network/filters'));
    }
    clientFacingNetwork(clientIds) {
        const options = this.options;
        return new Network(this.scheduler, this.random.child('client-network'), {
            nodes: [...options.nodeIds, ...clientIds],
            defaultLink: { latency: options.clientLatency, dropChance: 0, duplicateChance: 0, reorderChance: 0, reorderDelay: { kind: 'constant', valueUs: 0 } },
            maxMessageBytes: options.maxMessageBytes,
        }, {
            deliver: (from, to, message) => {
                if (this.nodes.has(to))
                    this.server.onClientRequest(this.nodes.get(to), message);
                else
                    this.hooks.clientMessage(to, message, from);
            },
            isUp: (id) => this.nodes.get(id)?.process.status !== 'down',
        });
    }
    createNode(id) {
        const setting = this.options.clocks[id] ?? { offsetUs: 0, driftPpm: 0 };
        const clock = new NodeClock({ offsetUs: setting.offsetUs, driftPpm: setting.driftPpm });
        const disk = new Disk(this.options.disk, this.random.child(`disk/${id}`));
        const timerRandom = this.random.child(`node/${id}/timers`);
        const raft = this.raftFactory.create({ config: raftConfigFor(this.options, id), random: () => timerRandom.next(), nowUs: clock.localAt(0) });
        return new SimNode(id, clock, disk, timerRandom, raft);
    }
    /** Describes the event being handled, for violation reports (built only when read: see current-event.ts). */
    get currentEvent() {
        return this.event.text;
    }
    set currentEvent(text) {
        this.event.text = text;
    }
    /** `protocol`: the observer also wants the protocol events (types.ts protocolEventKinds), which are built
     *  only while someone listens. */
    addObserver(observer, protocol = false) {
        this.listeners.push(observer);
        if (protocol)
            this.protocolTap.on = true;
    }
    notify(event) {
        for (const listener of this.listeners)
            listener(event);
    }
    start() {
        for (const node of this.nodes.values()) {
            if (this.trace.enabled)
                this.trace.emit({ t: 0, type: 'role', node: node.id, role: 'follower', term: 0, leader: null });
            this.readyLoop.armWake(node);
            this.compaction.armWindow(node);
        }
        this.compaction.startSampling();
    }
    // ------------------------------------------------------------------ clients
    sendClientRequest(client, to, command) {
        this.server.sendClientRequest(client, to, command);
    }
    // ------------------------------------------------------------------ faults
    applyFault(fault, random, eventNode = null) {
        this.faults.applyFault(fault, random, eventNode);
    }
    crash(node) {
        this.faults.crash(node);
    }
    restart(node) {
        this.faults.restart(node);
    }
    pause(node, durationUs) {
        this.faults.pause(node, durationUs);
    }
    resume(node) {
        this.faults.resume(node);
    }
    /** Liveness phase: heal the network, restart and resume every node, clear slow handlers. */
    healAll() {
        this.faults.healAll();
    }
    /** Takes a snapshot now, as a trigger would (tests crash a node at exact moments of it). */
    startSnapshot(node, trigger, round, intendedUs) {
        this.compaction.startSnapshot(node, trigger, round, intendedUs);
    }
    // ------------------------------------------------------------------ observation
    leader() {
        return leaderOf(this.nodes);
    }
    /** Liveness: one leader of the highest term, every node up and holding the same committed, applied log. */
    converged() {
        return convergence(this.nodes);
    }
    describeNode(id) {
        const node = this.nodes.get(id);
        return node === undefined ? null : describeNode(node, this.scheduler.nowUs);
    }
}
//# sourceMappingURL=cluster.js.map