import { kvCommandBytes } from '../kv.js';
/** Bytes a request adds to its command on the client network. */
const requestOverheadBytes = 64;
export class KvServer {
    readyLoop;
    apply;
    latency;
    scheduler;
    clientNetwork;
    event;
    coverage;
    /** Half the configured lease drift bound: a lease read on a clock drifting at least this much is "near" it. */
    nearDriftPpm;
    nextReadId = 1;
    context;
    constructor(context, readyLoop, apply, latency) {
        this.readyLoop = readyLoop;
        this.apply = apply;
        this.latency = latency;
        this.scheduler = context.scheduler;
        this.clientNetwork = context.clientNetwork;
        this.event = context.event;
        this.coverage = context.coverage;
        this.nearDriftPpm = context.options.raft.leaseDriftBoundPpm / 2;
        this.context = context;
    }
    /** A client sends a request to the node it believes leads. */
    sendClientRequest(client, to, command) {
        this.clientNetwork.send(client, to, { type: 'request', client, command }, kvCommandBytes(command) + requestOverheadBytes);
    }
    /** The client network delivered a message to a node. */
    onClientRequest(node, message) {
        if (message.type !== 'request')
            return;
        if (node.process.status === 'paused') {
            const event = { node, message, incarnation: node.process.incarnation };
            node.park(this.requestResumed, event);
            return;
        }
        if (node.process.status === 'down')
            return;
        this.event.clientRequest(node, message);
        const operation = message.command.operation;
        if (operation.op === 'get')
            this.read(node, message, operation.key);
        else
            this.write(node, message);
        this.readyLoop.afterInput(node);
    }
    requestResumed = (event) => {
        this.onClientRequest(event.node, event.message);
    };
    /** A linearizable read (ReadIndex, Raft dissertation 6.4): answered once the node applied its read index. */
    read(node, message, key) {
        const requestId = this.nextReadId++;
        const result = node.raft.read(requestId, node.clock.localAt(this.scheduler.nowUs));
        if (!result.ok)
            this.reject(node, message, result.reason === 'not-leader', result.leader);
        else {
            if (result.mode === 'lease' && Math.abs(node.clock.describe().driftPpm) >= this.nearDriftPpm)
                this.coverage.reach('lease-read-under-drift');
            node.clients.pendingReads.set(requestId, { client: message.client, seq: message.command.seq, key });
            if (this.context.protocolTap.on)
                this.context.notify({ kind: 'read-received', node: node.id });
        }
    }
    /** A write: proposed here, answered once its entry is applied. */
    write(node, message) {
        const command = message.command;
        const result = node.raft.propose(command, kvCommandBytes(command), node.clock.localAt(this.scheduler.nowUs));
        if (!result.ok) {
            this.reject(node, message, result.reason === 'not-leader', result.leader);
            return;
        }
        node.clients.pendingWrites.set(result.index, { client: message.client, seq: command.seq, digest: command.digest });
        this.latency.onProposed(node, result.index);
    }
    /** Not the leader: redirect the client to the leader it knows of; otherwise too busy: the client retries. */
    reject(node, message, notLeader, leader) {
        this.apply.reply(node, notLeader
            ? { type: 'redirect', client: message.client, seq: message.command.seq, leader }
            : { type: 'busy', client: message.client, seq: message.command.seq });
    }
}
//# sourceMappingURL=server.js.map