import { assertNonNegativeInteger, assertProbability, fail } from './assert.js';
import { sampleUs, validateDistribution } from './random.js';
/** Bound on filters in force at once. */
export const MAX_FILTERS = 64;
/** Messages held on one clogged link at most; beyond this they are dropped 'clog-overflow'. */
export const MAX_HELD_PER_LINK = 10_000;
function validateLinkPatch(patch, what) {
    if (patch.latency !== undefined)
        validateDistribution(patch.latency, `${what}.latency`);
    if (patch.reorderDelay !== undefined)
        validateDistribution(patch.reorderDelay, `${what}.reorderDelay`);
    if (patch.dropChance !== undefined)
        assertProbability(patch.dropChance, `${what}.dropChance`);
    if (patch.duplicateChance !== undefined)
        assertProbability(patch.duplicateChance, `${what}.duplicateChance`);
    if (patch.reorderChance !== undefined)
        assertProbability(patch.reorderChance, `${what}.reorderChance`);
}
export class Network {
    stats = {
        sent: 0,
        delivered: 0,
        dropped: { random: 0, partition: 0, oversize: 0, 'node-down': 0, 'clog-overflow': 0, filter: 0 },
        duplicated: 0,
        reordered: 0,
    };
    nodes;
    scheduler;
    random;
    hooks;
    options;
    n;
    indexOfNode = new Map();
    /** blocked[from * n + to] === 1 when that directed pair is cut. */
    blocked;
    links = [];
    maxInFlight;
    inFlightCount = 0;
    nextId = 1;
    /** Filters in force, each with the links it covers (a bitmap over the n*n link table) and what it holds. */
    filters = [];
    nextFilterId = 1;
    /** Draws for filters' extra delays (null: filters that delay are refused). */
    filterRandom;
    /** Created once: the scheduler calls it with the envelope, so no closure is allocated per message. */
    onDeliver = (env) => this.deliverNow(env);
    constructor(scheduler, random, options, hooks, filterRandom = null) {
        this.scheduler = scheduler;
        this.random = random;
        this.filterRandom = filterRandom;
        this.hooks = hooks;
        this.options = options;
        if (options.nodes.length === 0)
            fail('Network: at least one node is required');
        options.nodes.forEach((node, i) => {
            if (typeof node !== 'string' || node.length === 0)
                fail('Network: node ids must be non-empty strings');
            if (this.indexOfNode.has(node))
                fail(`Network: duplicate node id ${node}`);
            this.indexOfNode.set(node, i);
        });
        this.nodes = [...options.nodes];
        this.n = options.nodes.length;
        assertNonNegativeInteger(options.maxMessageBytes, 'Network maxMessageBytes');
        this.maxInFlight = options.maxInFlight ?? 1_000_000;
        assertNonNegativeInteger(this.maxInFlight, 'Network maxInFlight');
        const d = options.defaultLink;
        if (d === undefined || d.latency === undefined || d.reorderDelay === undefined || d.dropChance === undefined || d.duplicateChance === undefined || d.reorderChance === undefined) {
            fail('Network: defaultLink must set latency, dropChance, duplicateChance, reorderChance and reorderDelay');
        }
        validateLinkPatch(d, 'Network defaultLink');
        if (options.topology !== undefined)
            this.validateTopology(options.topology);
        this.blocked = new Uint8Array(this.n * this.n);
        for (let f = 0; f < this.n; f++) {
            for (let t = 0; t < this.n; t++)
                this.links.push({ config: this.baseConfig(f, t), clogged: false, held: [], lastInOrderDeliveryUs: 0 });
        }
    }
    /** Scheduled message copies not yet delivered or dropped (held clogged messages not included). */
    get inFlight() {
        return this.inFlightCount;
    }
    /** Sends one message; returns its id (ids increase from 1). */
    send(from, to, message, bytes) {
        const f = this.indexOf(from);
        const t = this.indexOf(to);
        if (!(bytes >= 0 && Number.isSafeInteger(bytes)))
            fail(`Network.send: bytes must be a non-negative integer, got ${String(bytes)}`);
        const id = this.nextId++;
        this.stats.sent++;
        const link = f * this.n + t;
        const env = { from, to, link, message, id };
        if (bytes > this.options.maxMessageBytes) {
            this.drop(env, 'oversize');
            return id;
        }
        if (this.blocked[link] === 1) {
            this.drop(env, 'partition');
            return id;
        }
        const state = this.links[link];
        if (this.random.ratio(state.config.dropChance)) {
            this.drop(env, 'random');
            return id;
        }
        if (this.filters.length > 0 && this.filterMessage(env))
            return id;
        if (state.clogged) {
            if (state.held.length >= MAX_HELD_PER_LINK)
                this.drop(env, 'clog-overflow');
            else
                state.held.push(env);
            return id;
        }
        this.dispatch(env, state.config);
        return id;
    }
    /** Puts a message filter in force; returns the id that removeFilter takes. */
    addFilter(filter) {
        if (this.filters.length >= MAX_FILTERS)
            fail(`Network.addFilter: more than ${MAX_FILTERS} filters in force`);
        if (filter.action.kind === 'delay') {
            if (this.filterRandom === null)
                fail('Network.addFilter: a delaying filter needs the network to be built with a filter random stream');
            validateDistribution(filter.action.delay, 'Network.addFilter delay');
        }
        const links = new Uint8Array(this.n * this.n);
        for (const from of filter.fromNodes) {
            for (const to of filter.toNodes)
                if (from !== to)
                    links[this.indexOf(from) * this.n + this.indexOf(to)] = 1;
        }
        const id = this.nextFilterId++;
        this.filters.push({ id, filter, links, held: [] });
        return id;
    }
    /** Removes a filter; messages it held are released in send order with fresh draws. Unknown ids are a no-op. */
    removeFilter(id) {
        const position = this.filters.findIndex((entry) => entry.id === id);
        if (position < 0)
            return;
        const [entry] = this.filters.splice(position, 1);
        for (const env of entry.held)
            this.dispatch(env, this.links[env.link].config);
    }
    /** Removes every filter (in the order they were added), releasing what they held. */
    removeAllFilters() {
        while (this.filters.length > 0)
            this.removeFilter(this.filters[0].id);
    }
    get filterCount() {
        return this.filters.length;
    }
    /** Applies the first filter that covers this message; true when the message was dropped, held or delayed. */
    filterMessage(env) {
        for (const entry of this.filters) {
            if (entry.links[env.link] !== 1 || !entry.filter.matches(env.message))
                continue;
            const action = entry.filter.action;
            switch (action.kind) {
                case 'drop':
                    this.drop(env, 'filter');
                    return true;
                case 'hold':
                    if (entry.held.length >= MAX_HELD_PER_LINK)
                        this.drop(env, 'clog-overflow');
                    else
                        entry.held.push(env);
                    return true;
                case 'delay': {
                    const config = this.links[env.link].config;
                    this.schedule(this.scheduler.nowUs + sampleUs(config.latency, this.random) + sampleUs(action.delay, this.filterRandom), env);
                    return true;
                }
                default: {
                    const unreachable = action;
                    fail(`Network: unknown filter action ${JSON.stringify(unreachable)}`);
                }
            }
        }
        return false;
    }
    /** Degrades (or restores) one directed link; fields not in the patch keep their current values. */
    setLink(from, to, patch) {
        validateLinkPatch(patch, `Network.setLink(${from}->${to})`);
        const state = this.links[this.indexOf(from) * this.n + this.indexOf(to)];
        state.config = { ...state.config, ...patch };
    }
    /** All link configurations back to defaults / topology. Does not touch cuts or clogs. */
    resetLinks() {
        for (let f = 0; f < this.n; f++) {
            for (let t = 0; t < this.n; t++)
                this.links[f * this.n + t].config = this.baseConfig(f, t);
        }
    }
    /**
     * Cuts between groups: nodes in different groups cannot talk; unlisted nodes form one extra group.
     * Cuts are additive (they never remove an existing cut); call heal() first to replace a partition.
     */
    partition(groups) {
        const groupOf = new Int32Array(this.n).fill(groups.length);
        const seen = new Uint8Array(this.n);
        groups.forEach((group, g) => {
            for (const node of group) {
                const i = this.indexOf(node);
                if (seen[i] === 1)
                    fail(`Network.partition: node ${node} appears in more than one group`);
                seen[i] = 1;
                groupOf[i] = g;
            }
        });
        for (let f = 0; f < this.n; f++) {
            for (let t = 0; t < this.n; t++)
                if (groupOf[f] !== groupOf[t])
                    this.blocked[f * this.n + t] = 1;
        }
    }
    /** Cuts `node` from every other node, both directions. */
    isolate(node) {
        const i = this.indexOf(node);
        for (let j = 0; j < this.n; j++) {
            if (j === i)
                continue;
            this.blocked[i * this.n + j] = 1;
            this.blocked[j * this.n + i] = 1;
        }
    }
    /** Blocks every from[i] -> to[j] (i.e. asymmetric: the reverse direction is untouched). */
    cutOneWay(from, to) {
        const fs = from.map((node) => this.indexOf(node));
        const ts = to.map((node) => this.indexOf(node));
        for (const f of fs)
            for (const t of ts)
                if (f !== t)
                    this.blocked[f * this.n + t] = 1;
    }
    /** A and B cannot talk to each other; bridgeNode (even if listed in A or B) keeps talking to both. */
    bridge(sideA, sideB, bridgeNode) {
        const bridge = this.indexOf(bridgeNode);
        const a = sideA.map((node) => this.indexOf(node)).filter((i) => i !== bridge);
        const b = sideB.map((node) => this.indexOf(node)).filter((i) => i !== bridge);
        for (const i of a)
            if (b.includes(i))
                fail(`Network.bridge: node ${this.nodes[i]} is on both sides`);
        for (const i of a) {
            for (const j of b) {
                this.blocked[i * this.n + j] = 1;
                this.blocked[j * this.n + i] = 1;
            }
        }
    }
    /** Removes all cuts (not clogs, not link degradations). */
    heal() {
        this.blocked.fill(0);
    }
    /** Whether any directed pair is cut now. */
    hasCuts() {
        return this.blocked.includes(1);
    }
    isBlocked(from, to) {
        return this.blocked[this.indexOf(from) * this.n + this.indexOf(to)] === 1;
    }
    /** Holds messages sent on from->to from now on until unclog (messages already in flight are unaffected). */
    clog(from, to) {
        this.links[this.indexOf(from) * this.n + this.indexOf(to)].clogged = true;
    }
    /** Releases held messages in send order, each with fresh decision and latency draws. */
    unclog(from, to) {
        const state = this.links[this.indexOf(from) * this.n + this.indexOf(to)];
        state.clogged = false;
        const held = state.held;
        state.held = [];
        for (const env of held)
            this.dispatch(env, state.config);
    }
    /** Unclogs every link (in link order, so the release order is deterministic). */
    unclogAll() {
        for (let f = 0; f < this.n; f++) {
            for (let t = 0; t < this.n; t++)
                if (this.links[f * this.n + t].clogged)
                    this.unclog(this.nodes[f], this.nodes[t]);
        }
    }
    isClogged(from, to) {
        return this.links[this.indexOf(from) * this.n + this.indexOf(to)].clogged;
    }
    /** Messages currently held on a clogged link. */
    heldCount(from, to) {
        return this.links[this.indexOf(from) * this.n + this.indexOf(to)].held.length;
    }
    /** Effective latency (link override > topology > default). */
    latencyFor(from, to) {
        return this.links[this.indexOf(from) * this.n + this.indexOf(to)].config.latency;
    }
    /** Effective configuration of one directed link (a copy). */
    linkConfig(from, to) {
        return { ...this.links[this.indexOf(from) * this.n + this.indexOf(to)].config };
    }
    // -------------------------------------------------------------------------------------------------------
    /** Puts one message (and maybe its duplicate) on the wire. Draw order documented at the top of the file. */
    dispatch(env, config) {
        const random = this.random;
        const nowUs = this.scheduler.nowUs;
        const reordered = random.ratio(config.reorderChance);
        let delayUs = sampleUs(config.latency, random);
        if (reordered) {
            delayUs += sampleUs(config.reorderDelay, random);
            this.stats.reordered++;
            this.schedule(nowUs + delayUs, env);
        }
        else {
            const link = this.links[env.link];
            const deliveryUs = Math.max(nowUs + delayUs, link.lastInOrderDeliveryUs);
            link.lastInOrderDeliveryUs = deliveryUs;
            this.schedule(deliveryUs, env);
        }
        if (random.ratio(config.duplicateChance)) {
            this.stats.duplicated++;
            this.schedule(nowUs + sampleUs(config.latency, random), env);
        }
    }
    schedule(timeUs, env) {
        if (this.inFlightCount >= this.maxInFlight) {
            fail(`Network: in-flight messages would exceed maxInFlight=${this.maxInFlight}`);
        }
        this.inFlightCount++;
        this.scheduler.at(timeUs, this.onDeliver, env);
    }
    deliverNow(env) {
        this.inFlightCount--;
        if (this.blocked[env.link] === 1) {
            this.drop(env, 'partition');
            return;
        }
        const isUp = this.hooks.isUp;
        if (isUp !== undefined && !isUp.call(this.hooks, env.to)) {
            this.drop(env, 'node-down');
            return;
        }
        this.stats.delivered++;
        this.hooks.deliver(env.from, env.to, env.message, env.id);
    }
    drop(env, reason) {
        this.stats.dropped[reason]++;
        const dropped = this.hooks.dropped;
        if (dropped !== undefined)
            dropped.call(this.hooks, env.from, env.to, env.message, env.id, reason);
    }
    indexOf(node) {
        const i = this.indexOfNode.get(node);
        if (i === undefined)
            fail(`Network: unknown node ${String(node)}`);
        return i;
    }
    baseConfig(f, t) {
        const config = { ...this.options.defaultLink };
        const topology = this.options.topology;
        if (topology !== undefined) {
            const dcFrom = topology.datacenterOf[this.nodes[f]];
            const dcTo = topology.datacenterOf[this.nodes[t]];
            if (dcFrom !== undefined && dcTo !== undefined) {
                config.latency =
                    dcFrom === dcTo
                        ? topology.intraLatency
                        : (topology.interLatency[`${dcFrom}->${dcTo}`] ?? topology.interLatency[`${dcTo}->${dcFrom}`]);
            }
        }
        return config;
    }
    validateTopology(topology) {
        validateDistribution(topology.intraLatency, 'Network topology.intraLatency');
        for (const [node, dc] of Object.entries(topology.datacenterOf)) {
            if (!this.indexOfNode.has(node))
                fail(`Network topology: unknown node ${node}`);
            if (typeof dc !== 'string' || dc.length === 0)
                fail(`Network topology: datacenter of ${node} must be a non-empty string`);
        }
        for (const [key, dist] of Object.entries(topology.interLatency))
            validateDistribution(dist, `Network topology.interLatency[${key}]`);
        const dcs = [...new Set(Object.values(topology.datacenterOf))].sort();
        for (const a of dcs) {
            for (const b of dcs) {
                if (a !== b && topology.interLatency[`${a}->${b}`] === undefined && topology.interLatency[`${b}->${a}`] === undefined) {
                    fail(`Network topology: no interLatency for "${a}->${b}"`);
                }
            }
        }
    }
}
//# sourceMappingURL=network.js.map