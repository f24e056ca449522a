import { MessageTable } from '../message-table.js';
import { MAX_LIST_ITEMS, MAX_NODES, MAX_SERIES_POINTS, } from '../model.js';
import { TraceFormatError } from './error.js';
import { formatSeconds } from './text.js';
const byStart = (a, b) => a.fromUs - b.fromUs;
export class ModelBuilder {
    /** The 1-based line being read, for errors. */
    line = 0;
    seed = 0;
    scenario = '';
    params = { nodes: [] };
    end = null;
    livenessStartUs = null;
    nodes = [];
    nodeIndex = new Map();
    states = [];
    omitted = {};
    roleSpans = [];
    leaderChanges = [];
    elections = [];
    downSpans = [];
    pauseSpans = [];
    slowSpans = [];
    networkFaults = [];
    marks = [];
    commit = new Map();
    applyLag = new Map();
    logEntries = new Map();
    snapshotLag = new Map();
    clientOps = { tUs: [], latencyUs: [], outcome: [] };
    clientHistory = [];
    clients = [];
    /** Operations invoked and not yet completed, by `client#id`. */
    openOperations = new Map();
    linearizability = null;
    electionLatencies = [];
    messages = new MessageTable();
    stallSpans = [];
    leaderLosses = [];
    leaderless = [];
    counts = { snapshots: 0, snapshotStarts: 0, snapshotSkips: 0, snapshotInstalls: 0, compactions: 0, stalls: 0, leaderLost: 0, sends: 0, drops: 0 };
    /** Time of every `drop` record (a dropped duplicate copy is a drop of its own). */
    dropTimesUs = [];
    /** Snapshots and skipped windows with their round, for the compaction drift chart. */
    compactionRounds = [];
    /** Per node: the stall detected and not yet ended by a snapshot. */
    openStalls = new Map();
    pendingSnapshots = new Map();
    /** Per node: position in `marks` of its last `snapshot` mark and its time, for the `compact` that follows. */
    lastSnapshotMark = new Map();
    openLeaderless = null;
    openPartitions = [];
    openClogs = new Map();
    openLinks = [];
    /** Message filters in force (drawn like degraded links, until filters-cleared or the full heal). */
    openFilters = [];
    /** Appends to a bounded list; beyond the bound the item is counted in `omitted` under `name`. */
    push(list, item, name) {
        if (list.length >= MAX_LIST_ITEMS)
            this.omitted[name] = (this.omitted[name] ?? 0) + 1;
        else
            list.push(item);
    }
    /** Adds a point to a node's series; several records at one instant keep the last value. */
    sample(map, node, tUs, value, name) {
        let series = map.get(node);
        if (series === undefined) {
            series = { tUs: [], value: [] };
            map.set(node, series);
        }
        const last = series.tUs.length - 1;
        // Several records at one instant (a restart re-applies hundreds of entries at once): keep the last value.
        if (last >= 0 && series.tUs[last] === tUs) {
            series.value[last] = value;
            return;
        }
        if (series.tUs.length >= MAX_SERIES_POINTS) {
            this.omitted[name] = (this.omitted[name] ?? 0) + 1;
            return;
        }
        series.tUs.push(tUs);
        series.value.push(value);
    }
    /** The lane index of a node id, adding a lane (a follower of term 0, up) the first time the id is seen. */
    addNode(id) {
        const known = this.nodeIndex.get(id);
        if (known !== undefined)
            return known;
        if (this.nodes.length >= MAX_NODES)
            throw new TraceFormatError(`more than ${MAX_NODES} node ids (at "${id.slice(0, 40)}")`, this.line);
        this.nodeIndex.set(id, this.nodes.length);
        this.nodes.push(id);
        this.states.push({
            role: 'follower',
            term: 0,
            leader: null,
            roleSinceUs: 0,
            up: true,
            downSinceUs: 0,
            downDetail: '',
            pausedSinceUs: null,
            pauseDetail: '',
            slowSinceUs: null,
            slowDetail: '',
            commit: null,
            applied: null,
        });
        return this.nodes.length - 1;
    }
    state(id) {
        return this.states[this.addNode(id)];
    }
    /** Adds every id as a lane and returns the ids. */
    knownNodes(ids) {
        for (const id of ids)
            this.addNode(id);
        return ids;
    }
    /** `final`: the trace ended; keep even a zero-length span (a leader elected at the very last instant). */
    closeRole(node, s, tUs, final = false) {
        if (s.up && (tUs > s.roleSinceUs || (final && s.role !== 'follower'))) {
            this.push(this.roleSpans, { node, role: s.role, term: s.term, leader: s.leader, fromUs: s.roleSinceUs, toUs: tUs }, 'role spans');
        }
        s.roleSinceUs = tUs;
    }
    closePause(node, s, tUs, open) {
        if (s.pausedSinceUs === null)
            return;
        this.push(this.pauseSpans, { node, fromUs: s.pausedSinceUs, toUs: tUs, detail: s.pauseDetail, open }, 'pause spans');
        s.pausedSinceUs = null;
    }
    closeSlow(node, s, tUs, open) {
        if (s.slowSinceUs === null)
            return;
        this.push(this.slowSpans, { node, fromUs: s.slowSinceUs, toUs: tUs, detail: s.slowDetail, open }, 'slow spans');
        s.slowSinceUs = null;
    }
    /** Clears every node's slow handler (the liveness phase's heal). */
    closeAllSlow(tUs) {
        this.nodes.forEach((node, k) => this.closeSlow(node, this.states[k], tUs, false));
    }
    sampleLag(node, s, tUs) {
        if (s.commit !== null && s.applied !== null)
            this.sample(this.applyLag, node, tUs, Math.max(0, s.commit - s.applied), 'apply lag samples');
    }
    closeNetwork(kind, fault, tUs, open) {
        this.push(this.networkFaults, { kind, label: fault.label, nodes: fault.nodes, fromUs: fault.fromUs, toUs: tUs, open }, 'network faults');
    }
    /** Closes everything still open at the end of the trace and returns the model. */
    finish(records, endUs) {
        this.closeNodes(endUs);
        this.closeMeasurements(endUs);
        for (const fault of this.openPartitions)
            this.closeNetwork('partition', fault, endUs, true);
        for (const fault of this.openClogs.values())
            this.closeNetwork('clog', fault, endUs, true);
        for (const fault of this.openLinks)
            this.closeNetwork('link', fault, endUs, true);
        for (const fault of this.openFilters)
            this.closeNetwork('link', fault, endUs, true);
        // Spans were closed in event order; the renderer wants them by start time for stable drawing order.
        this.downSpans.sort(byStart);
        this.pauseSpans.sort(byStart);
        this.slowSpans.sort(byStart);
        this.networkFaults.sort(byStart);
        this.stallSpans.sort(byStart);
        return this.model(records, endUs);
    }
    closeNodes(endUs) {
        this.nodes.forEach((node, k) => {
            const s = this.states[k];
            if (s.up)
                this.closeRole(node, s, endUs, true);
            else
                this.push(this.downSpans, { node, fromUs: s.downSinceUs, toUs: endUs, detail: `${s.downDetail}; still down at the end`, open: true }, 'down spans');
            this.closePause(node, s, endUs, true);
            this.closeSlow(node, s, endUs, true);
        });
    }
    closeMeasurements(endUs) {
        for (const [node, stall] of this.openStalls)
            this.push(this.stallSpans, { node, fromUs: stall.fromUs, toUs: endUs, detail: `${stall.detail}; no snapshot since`, open: true }, 'stall spans');
        for (const [node, pending] of this.pendingSnapshots) {
            const detail = `snapshot of index ${pending.index} (trigger ${pending.trigger}, round ${pending.round}) started ${formatSeconds(pending.tUs)}, not durable when the trace ended`;
            this.push(this.marks, { node, tUs: endUs, kind: 'snapshot-incomplete', label: '', detail }, 'marks');
        }
        const open = this.openLeaderless;
        if (open !== null)
            this.push(this.leaderless, { fromUs: open.fromUs, toUs: endUs, open: true, detail: `${open.detail}; no leader established by the end of the trace` }, 'leaderless spans');
    }
    model(records, endUs) {
        return {
            seed: this.seed,
            scenario: this.scenario,
            params: this.params,
            nodes: this.nodes,
            records,
            endUs,
            end: this.end,
            livenessStartUs: this.livenessStartUs,
            roleSpans: this.roleSpans,
            leaderChanges: this.leaderChanges,
            elections: this.elections,
            downSpans: this.downSpans,
            pauseSpans: this.pauseSpans,
            slowSpans: this.slowSpans,
            networkFaults: this.networkFaults,
            marks: this.marks,
            commit: this.commit,
            applyLag: this.applyLag,
            clientOps: this.clientOps,
            clientHistory: this.clientHistory,
            clients: this.clients,
            linearizability: this.linearizability,
            messages: this.messages,
            logEntries: this.logEntries,
            snapshotLag: this.snapshotLag,
            electionLatencies: this.electionLatencies,
            stallSpans: this.stallSpans,
            leaderLosses: this.leaderLosses,
            leaderless: this.leaderless,
            counts: this.counts,
            dropTimesUs: this.dropTimesUs,
            compactionRounds: this.compactionRounds,
            omitted: this.omitted,
        };
    }
}
//# sourceMappingURL=builder.js.map