import { ClientHistory } from './client-history.js';
import { makeKvCommand } from './kv.js';
import { KeyHistory } from './key-history.js';
import { BoundedSamples } from './samples.js';
export const defaultWorkloadOptions = {
    clients: 4,
    ratePerSecond: 200,
    keys: 16,
    mix: { put: 6, get: 3, cas: 1 },
    valueBytes: 16,
    requestTimeoutUs: 500_000,
    backoffBaseUs: 20_000,
    backoffMaxUs: 1_000_000,
    maxAttempts: 8,
};
/** How long writes are remembered for the read check (reads finish far sooner: timeouts x attempts). */
const writeMemoryUs = 120_000_000;
/** Bound on kept latency samples per kind; beyond it the sample is thinned evenly (see BoundedSamples). */
const maxLatencySamples = 200_000;
export class Workload {
    scheduler;
    random;
    options;
    trace;
    nodeIds;
    cluster;
    clients = [];
    stats = { invoked: 0, ok: 0, failed: 0, timedOut: 0, retries: 0, redirects: 0, writeLatenciesUs: new BoundedSamples(maxLatencySamples), readLatenciesUs: new BoundedSamples(maxLatencySamples) };
    running = false;
    nextToken = 1;
    /** Per key, what the read check needs to know of its writes. */
    writesByKey = new Map();
    /** Key names k1..kN, made once rather than per operation (each operation's key lives as long as its log entry). */
    keyNames;
    /** The key of the last write invoked, for recentKeyReads. */
    lastWrittenKey = null;
    /** Called when a read returns a value older than a write that completed before the read was invoked. */
    onStaleRead = null;
    /** Every operation with its call, return and outcome, for the linearizability check (sim/client-history.ts). */
    clientHistory = new ClientHistory();
    constructor(scheduler, random, options, trace, nodeIds, cluster = null) {
        this.scheduler = scheduler;
        this.random = random;
        this.options = options;
        this.trace = trace;
        this.nodeIds = nodeIds;
        this.cluster = cluster;
        this.keyNames = Array.from({ length: options.keys }, (_, k) => `k${k + 1}`);
        const pinned = options.pinnedReaders ?? 0;
        for (let k = 1; k <= options.clients; k++) {
            const leaderGuess = random.pick(nodeIds);
            const pinnedTo = k <= pinned ? nodeIds[(k - 1) % nodeIds.length] : null;
            this.clients.push({ id: `c${k}`, seq: 0, leaderGuess: pinnedTo ?? leaderGuess, inflight: null, pinnedTo });
        }
    }
    static clientIds(options) {
        return Array.from({ length: options.clients }, (_, k) => `c${k + 1}`);
    }
    attach(cluster) {
        this.cluster = cluster;
    }
    start() {
        if (this.options.ratePerSecond <= 0 || this.options.clients === 0)
            return;
        this.running = true;
        for (const client of this.clients)
            this.scheduleNext(client);
    }
    /** Stops starting new operations; those in flight still finish or time out. */
    stop() {
        this.running = false;
    }
    /** At the end of a run, operations still in flight have an unknown outcome. */
    finish() {
        for (const client of this.clients) {
            if (client.inflight === null)
                continue;
            this.stats.timedOut++;
            this.clientHistory.complete(client.id, client.inflight.command.seq, 'unknown', null, null);
            this.emitOutcome('timeout', client, client.inflight, null);
            client.inflight = null;
        }
    }
    scheduleNext(client) {
        if (!this.running)
            return;
        const meanGapUs = (this.options.clients * 1_000_000) / this.options.ratePerSecond;
        this.scheduler.after(Math.round(this.random.exponential(meanGapUs)), this.onStart, client);
    }
    onStart = (client) => {
        if (!this.running || client.inflight !== null)
            return;
        client.seq++;
        const operation = this.drawOperation(client);
        const command = makeKvCommand(client.id, client.seq, operation);
        client.inflight = { command, startUs: this.scheduler.nowUs, attempt: 1, attemptToken: 0 };
        this.stats.invoked++;
        this.clientHistory.invoke(client.id, client.seq, operation, this.scheduler.nowUs);
        if (operation.op !== 'get')
            this.rememberWrite(operation.key, operation.value);
        if (this.trace.enabled) {
            const value = operation.op === 'get' ? null : operation.value;
            this.trace.emit({ t: this.scheduler.nowUs, type: 'invoke', client: client.id, id: client.seq, op: operation.op, key: operation.key, value, ...(operation.op === 'cas' ? { expected: operation.expected } : {}) });
        }
        this.sendAttempt(client);
    };
    drawOperation(client) {
        const mix = this.options.mix;
        const pick = client.pinnedTo === null ? this.random.int(1, mix.put + mix.get + mix.cas) : mix.put + 1;
        const key = this.keyNames[this.random.int(1, this.options.keys) - 1];
        const value = `${client.id}-${client.seq}`.padEnd(this.options.valueBytes, '.');
        if (pick <= mix.put)
            return this.noteWritten({ op: 'put', key, value });
        if (pick <= mix.put + mix.get || client.pinnedTo !== null) {
            const recent = this.options.recentKeyReads ?? 0;
            if (recent > 0 && this.lastWrittenKey !== null && this.random.next() < recent)
                return { op: 'get', key: this.lastWrittenKey };
            return { op: 'get', key };
        }
        // Compare-and-set against the value this client last wrote to the key, or absent.
        const expected = this.random.chance(1, 2) ? null : `${client.id}-${client.seq - 1}`.padEnd(this.options.valueBytes, '.');
        return this.noteWritten({ op: 'cas', key, expected, value });
    }
    noteWritten(operation) {
        this.lastWrittenKey = operation.key;
        return operation;
    }
    sendAttempt(client) {
        const inflight = client.inflight;
        if (inflight === null || this.cluster === null)
            return;
        inflight.attemptToken = this.nextToken++;
        this.cluster.sendClientRequest(client.id, client.leaderGuess, inflight.command);
        this.scheduler.after(this.options.requestTimeoutUs, this.onTimeout, { client, token: inflight.attemptToken });
    }
    onTimeout = (arg) => {
        const inflight = arg.client.inflight;
        if (inflight === null || inflight.attemptToken !== arg.token)
            return;
        this.retry(arg.client, inflight, true);
    };
    retry(client, inflight, rotate) {
        if (inflight.attempt >= this.options.maxAttempts) {
            this.stats.timedOut++;
            this.emitOutcome('timeout', client, inflight, null);
            client.inflight = null;
            this.scheduleNext(client);
            return;
        }
        inflight.attempt++;
        this.stats.retries++;
        inflight.attemptToken = this.nextToken++;
        if (rotate && client.pinnedTo === null)
            client.leaderGuess = this.nextNode(client.leaderGuess);
        // Exponential backoff with full jitter, so retrying clients do not arrive in lockstep.
        const capUs = Math.min(this.options.backoffMaxUs, this.options.backoffBaseUs * 2 ** (inflight.attempt - 1));
        const delayUs = this.random.int(0, capUs);
        this.scheduler.after(delayUs, this.onRetry, { client, token: inflight.attemptToken });
    }
    onRetry = (arg) => {
        const inflight = arg.client.inflight;
        if (inflight === null || inflight.attemptToken !== arg.token)
            return;
        this.sendAttempt(arg.client);
    };
    nextNode(current) {
        const index = this.nodeIds.indexOf(current);
        return this.nodeIds[(index + 1) % this.nodeIds.length];
    }
    history(key) {
        let history = this.writesByKey.get(key);
        if (history === undefined) {
            history = new KeyHistory();
            this.writesByKey.set(key, history);
        }
        return history;
    }
    rememberWrite(key, value) {
        const history = this.history(key);
        history.addWrite(value, this.scheduler.nowUs);
        // Forget writes invoked before the horizon, in batches: reads finish long before it.
        if (history.writeCount > 256) {
            const horizonUs = this.scheduler.nowUs - writeMemoryUs;
            history.forgetWritesBefore(horizonUs);
            history.forgetCompletionsBefore(horizonUs);
        }
    }
    completeWrite(key, value, index) {
        const history = this.history(key);
        const write = history.findWrite(value);
        if (write < 0)
            return;
        history.complete(write, index, this.scheduler.nowUs);
    }
    /**
     * Linearizable reads, checked per key as a register (thesis 6.4): a read must reflect every write that
     * completed before the read was invoked. Written values are unique, so a read's value names its write and,
     * once acknowledged, that write's log index.
     */
    checkRead(client, key, value, invokedUs, servedBy) {
        const history = this.writesByKey.get(key);
        if (history === undefined)
            return;
        // Completions are in time order: binary search the last one before the read began; its running maximum is
        // the newest write the read must reflect.
        let low = history.head;
        let high = history.completionNext - 1;
        let found = -1;
        while (low <= high) {
            const middle = Math.floor((low + high) / 2);
            if (history.completionUs(middle) < invokedUs) {
                found = middle;
                low = middle + 1;
            }
            else {
                high = middle - 1;
            }
        }
        if (found < 0)
            return;
        const requiredValue = history.maxValue(found);
        if (value === requiredValue)
            return;
        const requiredIndex = history.maxIndexOf(found);
        const write = value === null ? -1 : history.findWrite(value);
        const readIndex = write < 0 ? null : history.writeIndexOf(write);
        if (write >= 0 && (readIndex === null || readIndex >= requiredIndex))
            return;
        const what = value === null ? 'no value' : write < 0 ? `"${value}", older than every write remembered` : `"${value}" (written at index ${readIndex})`;
        this.onStaleRead?.(client, key, `read of ${key} by ${client} (invoked at ${invokedUs}us, served by ${servedBy}) returned ${what}, but "${requiredValue}" was written at index ${requiredIndex} and acknowledged at ${history.maxCompletedUsOf(found)}us, before the read began`, servedBy);
    }
    /** A message from a node to a client. */
    receive(clientId, message, from = '') {
        const client = this.clients[Number(clientId.slice(1)) - 1];
        if (client === undefined)
            return;
        const inflight = client.inflight;
        if (inflight === null || message.type === 'request' || message.seq !== inflight.command.seq)
            return;
        switch (message.type) {
            case 'reply': {
                const latencyUs = this.scheduler.nowUs - inflight.startUs;
                const samples = inflight.command.operation.op === 'get' ? this.stats.readLatenciesUs : this.stats.writeLatenciesUs;
                samples.add(latencyUs);
                this.stats.ok++;
                const operation = inflight.command.operation;
                // Recorded before the read check, which may end the run: the stale read is then in the history and trace.
                this.emitOutcome('ok', client, inflight, message.result);
                client.inflight = null;
                if (operation.op === 'get') {
                    if (message.result.kind === 'get')
                        this.checkRead(client.id, operation.key, message.result.value, inflight.startUs, from);
                }
                else if (message.result.kind === 'put' || (message.result.kind === 'cas' && message.result.ok)) {
                    this.completeWrite(operation.key, operation.value, message.index);
                }
                this.scheduleNext(client);
                return;
            }
            case 'redirect':
                this.stats.redirects++;
                if (client.pinnedTo === null && message.leader !== null && message.leader !== client.leaderGuess) {
                    client.leaderGuess = message.leader;
                    inflight.attemptToken = this.nextToken++;
                    this.sendAttempt(client);
                }
                else {
                    // No leader known: back off before trying the next node.
                    this.retry(client, inflight, true);
                }
                return;
            case 'busy':
                this.retry(client, inflight, false);
                return;
            default: {
                const unreachable = message;
                throw new Error(`unknown client message ${JSON.stringify(unreachable)}`);
            }
        }
    }
    emitOutcome(type, client, inflight, result) {
        this.clientHistory.complete(client.id, inflight.command.seq, type === 'timeout' ? 'unknown' : type, result, this.scheduler.nowUs);
        if (!this.trace.enabled)
            return;
        let value = null;
        if (result !== null) {
            if (result.kind === 'get')
                value = result.value;
            else if (result.kind === 'cas')
                value = { ok: result.ok, value: result.value };
            else
                value = 'ok';
        }
        this.trace.emit({ t: this.scheduler.nowUs, type, client: client.id, id: inflight.command.seq, value, latencyUs: this.scheduler.nowUs - inflight.startUs });
    }
}
//# sourceMappingURL=workload.js.map