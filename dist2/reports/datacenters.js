/** node -> datacenter, or null when the run has no topology (or it does not place every given node). */
export function datacenterOf(params, nodes) {
    const topology = params !== null && typeof params === 'object' ? params.topology : undefined;
    const placement = topology !== null && typeof topology === 'object' ? topology.datacenterOf : undefined;
    if (placement === null || typeof placement !== 'object')
        return null;
    const map = new Map();
    for (const [node, dc] of Object.entries(placement))
        if (typeof dc === 'string')
            map.set(node, dc);
    return nodes.every((node) => map.has(node)) ? map : null;
}
/** The nodes grouped by datacenter, keeping their order inside each; unchanged without a topology. */
export function laneOrder(params, nodes) {
    const dcs = datacenterOf(params, nodes);
    if (dcs === null)
        return nodes;
    const order = [...new Set(nodes.map((node) => dcs.get(node)))];
    return [...nodes].sort((a, b) => order.indexOf(dcs.get(a)) - order.indexOf(dcs.get(b)));
}
/** Consecutive lanes of one datacenter, or [] without a topology. */
export function laneGroups(model) {
    const dcs = datacenterOf(model.params, model.nodes);
    if (dcs === null)
        return [];
    const groups = [];
    model.nodes.forEach((node, lane) => {
        const dc = dcs.get(node);
        const last = groups[groups.length - 1];
        if (last !== undefined && last.datacenter === dc && last.last === lane - 1)
            groups[groups.length - 1] = { ...last, last: lane };
        else
            groups.push({ datacenter: dc, first: lane, last: lane });
    });
    return groups;
}
//# sourceMappingURL=datacenters.js.map