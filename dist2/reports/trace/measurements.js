import { formatMs } from './text.js';
export function onLeaderLost(b, r) {
    const { node, term, why, t } = r;
    b.addNode(node);
    b.counts.leaderLost++;
    b.push(b.leaderLosses, { node, term, why, tUs: t }, 'leader losses');
    b.push(b.marks, { node, tUs: t, kind: 'leader-lost', label: '', detail: `leader lost: ${node} was the established leader of term ${term} (${why})` }, 'marks');
    b.openLeaderless ??= { fromUs: t, detail: `${node} (term ${term}) lost: ${why}` };
}
export function onElectionLatency(b, r) {
    const latency = { tUs: r.t, latencyUs: r.latencyUs, fromUs: r.fromUs, toUs: r.toUs };
    b.push(b.electionLatencies, latency, 'election latencies');
    const open = b.openLeaderless;
    if (open === null)
        return;
    const leader = r.leader !== undefined ? ` ${r.leader}` : '';
    const term = r.term !== undefined ? ` (term ${r.term})` : '';
    const detail = `${open.detail}; new leader${leader}${term} established after ${formatMs(latency.toUs - open.fromUs)}`;
    b.push(b.leaderless, { fromUs: open.fromUs, toUs: latency.toUs, open: false, detail }, 'leaderless spans');
    b.openLeaderless = null;
}
//# sourceMappingURL=measurements.js.map