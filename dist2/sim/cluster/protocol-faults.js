/** Whether a message belongs to a class. */
export function inMessageClass(message, messages) {
    switch (messages) {
        case 'append':
            return message.type === 'AppendEntries';
        case 'append-responses':
            return message.type === 'AppendEntriesResponse';
        case 'heartbeat':
            return message.type === 'Heartbeat';
        case 'vote':
            return message.type === 'RequestVote';
        case 'pre-vote':
            return message.type === 'PreVote';
        case 'snapshot':
            return message.type === 'InstallSnapshot';
        case 'responses':
            return message.type.endsWith('Response');
        case 'requests':
            return !message.type.endsWith('Response');
        default: {
            const unreachable = messages;
            throw new Error(`unknown message class ${String(unreachable)}`);
        }
    }
}
const matchers = {
    append: (m) => inMessageClass(m, 'append'),
    'append-responses': (m) => inMessageClass(m, 'append-responses'),
    heartbeat: (m) => inMessageClass(m, 'heartbeat'),
    vote: (m) => inMessageClass(m, 'vote'),
    'pre-vote': (m) => inMessageClass(m, 'pre-vote'),
    snapshot: (m) => inMessageClass(m, 'snapshot'),
    responses: (m) => inMessageClass(m, 'responses'),
    requests: (m) => inMessageClass(m, 'requests'),
};
/** Armed faults waiting at once, at most: arming more drops the oldest (bounded, like everything). */
const MAX_ARMED = 32;
export class ProtocolFaults {
    processes;
    apply;
    scheduler;
    trace;
    network;
    tap;
    armed = [];
    constructor(context, processes, apply) {
        this.processes = processes;
        this.apply = apply;
        this.scheduler = context.scheduler;
        this.trace = context.trace;
        this.network = context.network;
        this.tap = context.protocolTap;
    }
    /** Waits for the first event of the kind (within the window), then applies the fault to its node. */
    arm(fault, random) {
        if (this.armed.length >= MAX_ARMED)
            this.armed.shift();
        this.armed.push({ fault, untilUs: this.scheduler.nowUs + fault.withinUs, random });
        // From now on the Ready loop reports protocol events.
        this.tap.on = true;
    }
    onEvent(event) {
        if (this.armed.length === 0 || !('node' in event))
            return;
        const now = this.scheduler.nowUs;
        let kept = 0;
        const fired = [];
        for (const entry of this.armed) {
            if (entry.untilUs < now)
                continue;
            if (entry.fault.after === event.kind)
                fired.push(entry);
            else
                this.armed[kept++] = entry;
        }
        this.armed.length = kept;
        for (const entry of fired) {
            const firing = { fault: entry.fault.fault, random: entry.random, node: event.node };
            this.scheduler.after(entry.fault.delayUs, this.onFire, firing);
        }
    }
    onFire = (firing) => {
        this.apply(firing.fault, firing.random, firing.node);
    };
    /** Crash now, restart downUs later (unless something else restarted it meanwhile). */
    bounce(node, downUs) {
        if (node.process.status === 'down')
            return;
        this.processes.crash(node);
        this.restartLater([node], downUs);
    }
    /** Every node named loses power at once; unsynced writes are lost and the last one may tear. */
    powerLoss(nodes, downUs) {
        const hit = nodes.filter((node) => node.process.status !== 'down');
        for (const node of hit)
            this.processes.crash(node, true);
        this.restartLater(hit, downUs);
    }
    restartLater(nodes, downUs) {
        for (const node of nodes) {
            // The incarnation after the crash: a restart by anyone else in between makes this one stale.
            const event = { node, incarnation: node.process.incarnation };
            this.scheduler.after(Math.max(1, downUs), this.onRestartDue, event);
        }
    }
    onRestartDue = (event) => {
        if (event.node.isCurrent(event.incarnation) && event.node.process.status === 'down')
            this.processes.restart(event.node);
    };
    filter(from, to, messages, action, delayUs) {
        if (from.length === 0 || to.length === 0)
            return;
        this.network.addFilter({
            fromNodes: from,
            toNodes: to,
            matches: matchers[messages],
            action: action === 'delay' ? { kind: 'delay', delay: { kind: 'uniform', minUs: Math.floor(delayUs / 2), maxUs: Math.max(1, delayUs) } } : { kind: action },
        });
        if (this.trace.enabled)
            this.trace.emit({ t: this.scheduler.nowUs, type: 'filter', from, to, messages, action, delayUs });
    }
    clearFilters() {
        if (this.network.filterCount === 0)
            return;
        this.network.removeAllFilters();
        if (this.trace.enabled)
            this.trace.emit({ t: this.scheduler.nowUs, type: 'filters-cleared' });
    }
}
//# sourceMappingURL=protocol-faults.js.map