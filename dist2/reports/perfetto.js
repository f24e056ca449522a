/** Threads of a node's process. */
export const PERFETTO_THREADS = { roles: 1, messages: 2, faults: 3 };
/** The process of cluster-wide (network) faults. */
export const NETWORK_PID = 0;
const NODE_FAULTS = new Set(['crash', 'restart', 'pause', 'resume', 'slow', 'clock', 'stall', 'leader-lost', 'step-down', 'snapshot-install']);
const NETWORK_FAULTS = new Set(['partition', 'heal', 'link', 'link-reset', 'clog', 'unclog']);
/** The node's process id: its lane + 1 (0 is the network). */
function pidOf(model, pids, node) {
    let pid = pids.get(node);
    if (pid === undefined) {
        pid = model.nodes.indexOf(node) + 1 || pids.size + model.nodes.length + 1;
        pids.set(node, pid);
    }
    return pid;
}
function metadataEvents(model, pids) {
    const events = [
        { name: 'process_name', ph: 'M', ts: 0, pid: NETWORK_PID, tid: 0, args: { name: 'network' } },
        { name: 'process_sort_index', ph: 'M', ts: 0, pid: NETWORK_PID, tid: 0, args: { sort_index: 0 } },
    ];
    for (const node of model.nodes) {
        const pid = pidOf(model, pids, node);
        events.push({ name: 'process_name', ph: 'M', ts: 0, pid, tid: 0, args: { name: node } });
        events.push({ name: 'process_sort_index', ph: 'M', ts: 0, pid, tid: 0, args: { sort_index: pid } });
        for (const [name, tid] of Object.entries(PERFETTO_THREADS))
            events.push({ name: 'thread_name', ph: 'M', ts: 0, pid, tid, args: { name } });
    }
    return events;
}
/** Role slices from the model's role spans (restarts, crashes and the end of the trace already closed). */
function roleEvents(model, pids) {
    return model.roleSpans.map((span) => ({
        name: `${span.role} t${span.term}`,
        cat: 'role',
        ph: 'X',
        ts: span.fromUs,
        dur: Math.max(0, span.toUs - span.fromUs),
        pid: pidOf(model, pids, span.node),
        tid: PERFETTO_THREADS.roles,
        args: { role: span.role, term: span.term, leader: span.leader },
    }));
}
/** Converts one record; `flows` remembers which message ids have a flow start (a duplicate's second copy gets none). */
function recordEvents(model, pids, r, flows, out) {
    const type = String(r.type);
    const ts = Number(r.t);
    const pid = (node) => pidOf(model, pids, String(node));
    switch (type) {
        case 'send': {
            const id = Number(r.id);
            out.push({ name: String(r.msg), cat: 'send', ph: 'X', ts, dur: 1, pid: pid(r.from), tid: PERFETTO_THREADS.messages, args: { id, to: r.to } });
            if (!flows.has(id)) {
                flows.set(id, 'sent');
                out.push({ name: String(r.msg), cat: 'rpc', ph: 's', ts, pid: pid(r.from), tid: PERFETTO_THREADS.messages, id });
            }
            return;
        }
        case 'deliver': {
            const id = Number(r.id);
            out.push({ name: String(r.msg), cat: 'deliver', ph: 'X', ts, dur: 1, pid: pid(r.to), tid: PERFETTO_THREADS.messages, args: { id, from: r.from } });
            if (flows.get(id) === 'sent') {
                flows.set(id, 'done');
                out.push({ name: String(r.msg), cat: 'rpc', ph: 'f', bp: 'e', ts, pid: pid(r.to), tid: PERFETTO_THREADS.messages, id });
            }
            return;
        }
        case 'drop':
            out.push({ name: `drop ${String(r.msg)}`, cat: 'drop', ph: 'i', s: 'p', ts, pid: pid(r.from), tid: PERFETTO_THREADS.messages, args: { id: r.id, to: r.to, reason: r.reason } });
            return;
        case 'role':
            out.push({ name: 'term', cat: 'counter', ph: 'C', ts, pid: pid(r.node), tid: 0, args: { term: r.term } });
            return;
        case 'commit':
            out.push({ name: 'commit', cat: 'counter', ph: 'C', ts, pid: pid(r.node), tid: 0, args: { commit: r.index } });
            return;
        case 'apply':
            out.push({ name: 'applied', cat: 'counter', ph: 'C', ts, pid: pid(r.node), tid: 0, args: { applied: r.index } });
            return;
        default:
            break;
    }
    const { t: _t, type: _type, ...args } = r;
    if (NODE_FAULTS.has(type))
        out.push({ name: type, cat: 'fault', ph: 'i', s: 'p', ts, pid: pid(r.node), tid: PERFETTO_THREADS.faults, args });
    else if (NETWORK_FAULTS.has(type))
        out.push({ name: type, cat: 'fault', ph: 'i', s: 'g', ts, pid: NETWORK_PID, tid: 0, args });
}
/** The trace as trace-event JSON (see the file comment). */
export function perfettoTrace(model, records) {
    const pids = new Map();
    const events = metadataEvents(model, pids);
    events.push(...roleEvents(model, pids));
    const flows = new Map();
    for (const record of records) {
        if (record === null || typeof record !== 'object')
            continue;
        recordEvents(model, pids, record, flows, events);
    }
    return {
        traceEvents: events,
        displayTimeUnit: 'ms',
        metadata: { 'raftsim-scenario': model.scenario, 'raftsim-seed': model.seed, 'raftsim-trace-hash': model.end?.hash ?? null, 'raftsim-verdict': model.end?.verdict ?? null },
    };
}
//# sourceMappingURL=perfetto.js.map