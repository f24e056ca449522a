// Client history: the latency and outcome of every completed operation, each operation from its call to its
// return (the per-client timeline), and the end-of-run linearizability verdict.
import { MAX_LIST_ITEMS, MAX_SERIES_POINTS } from '../model.js';
export function onInvoke(b, r) {
    if (b.clientHistory.length >= MAX_LIST_ITEMS) {
        b.omitted['client operations (timeline)'] = (b.omitted['client operations (timeline)'] ?? 0) + 1;
        return;
    }
    const ref = `${r.client}#${r.id}`;
    const operation = { ref, client: r.client, id: r.id, op: r.op, key: r.key, value: r.value, expected: r.expected, callUs: r.t, returnUs: null, outcome: 'open', result: null };
    if (!b.clients.includes(r.client)) {
        b.clients.push(r.client);
        // Lanes in client order (c1, c2, ..., c10), not in order of first call.
        b.clients.sort((a, c) => a.localeCompare(c, 'en', { numeric: true }));
    }
    b.clientHistory.push(operation);
    b.openOperations.set(ref, operation);
}
export function onOutcome(b, r) {
    const ref = `${r.client}#${r.id}`;
    const open = b.openOperations.get(ref);
    if (open !== undefined) {
        b.openOperations.delete(ref);
        open.returnUs = r.t;
        open.outcome = r.type;
        open.result = r.value;
    }
    const ops = b.clientOps;
    if (ops.tUs.length >= MAX_SERIES_POINTS) {
        b.omitted['client operations'] = (b.omitted['client operations'] ?? 0) + 1;
        return;
    }
    ops.tUs.push(r.t);
    ops.latencyUs.push(r.latencyUs);
    ops.outcome.push(r.type);
}
export function onLinearizability(b, r) {
    b.linearizability = {
        tUs: r.t,
        verdict: r.verdict,
        operations: r.operations,
        keys: r.keys,
        unknownOutcomes: r.unknownOutcomes,
        notRecorded: r.notRecorded,
        stepsUsed: r.stepsUsed,
        reason: r.reason,
        key: r.key ?? null,
        stuck: r.stuck ?? null,
        subHistory: r.subHistory ?? [],
        context: r.context ?? [],
    };
}
//# sourceMappingURL=client.js.map