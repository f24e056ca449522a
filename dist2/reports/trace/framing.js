// Run framing: the meta record (seed, scenario, parameters, the lane order) and the end record (hash, verdict).
import { laneOrder } from '../datacenters.js';
export function onMeta(b, r) {
    b.seed = r.seed;
    b.scenario = r.scenario;
    b.params = r.params;
    // Lane order: meta.params.nodes first (grouped by datacenter when the run has a topology), then other ids in
    // order of first appearance.
    for (const id of laneOrder(r.params, r.params.nodes))
        b.addNode(id);
}
export function onEnd(b, r) {
    b.end = { tUs: r.t, hash: r.hash, verdict: r.verdict, invariant: r.invariant ?? null, message: r.message ?? null };
}
//# sourceMappingURL=framing.js.map