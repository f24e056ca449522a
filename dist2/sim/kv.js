// The replicated key-value state machine (put, get, compare-and-set) with client sessions: each client
// numbers its commands, and the store remembers the last sequence number and result per client, so a command
// retried after a timeout is applied once (Raft thesis 6.3, "Implementing linearizable semantics").
import { hashString } from './hash.js';
/** Bytes a command occupies in the log (for message, inflight and disk accounting). */
export function kvCommandBytes(command) {
    const operation = command.operation;
    let bytes = 24 + command.client.length + operation.key.length;
    if (operation.op !== 'get')
        bytes += operation.value.length;
    if (operation.op === 'cas')
        bytes += operation.expected?.length ?? 0;
    return bytes;
}
export function makeKvCommand(client, seq, operation) {
    const canonical = `${client}|${seq}|${JSON.stringify(operation)}`;
    return { client, seq, operation, digest: hashString(canonical) };
}
export class KvStore {
    data = new Map();
    /** Per client: last applied sequence number and its result. One entry per client bounds memory. */
    sessions = new Map();
    /** The log index at which the last applied command took effect: its own index, or for a duplicate the index
     *  of the original (a retried write answers with where it really happened). */
    lastEffectIndex = 0;
    appliedIndex = 0;
    /** Bytes of keys and values held: the size of a snapshot of this store. */
    bytesHeld = 0;
    /** Applies a committed command at `index`. A duplicate (seq already applied) returns the remembered result
     *  without applying again. */
    apply(index, command) {
        if (index !== this.appliedIndex + 1)
            throw new Error(`KvStore.apply: index ${index} after ${this.appliedIndex}`);
        this.appliedIndex = index;
        const session = this.sessions.get(command.client);
        if (session !== undefined && command.seq <= session.seq) {
            this.lastEffectIndex = session.seq === command.seq ? session.index : 0;
            return session.seq === command.seq ? session.result : { kind: 'put', ok: true };
        }
        const result = this.execute(command.operation);
        this.sessions.set(command.client, { seq: command.seq, result, index });
        this.lastEffectIndex = index;
        return result;
    }
    /** A log position with no command (a leader's noop). */
    skip(index) {
        if (index !== this.appliedIndex + 1)
            throw new Error(`KvStore.skip: index ${index} after ${this.appliedIndex}`);
        this.appliedIndex = index;
    }
    /** Linearizable read, served after a ReadIndex round once appliedIndex >= the read index. */
    read(key) {
        return this.data.get(key) ?? null;
    }
    get sizeBytes() {
        return this.bytesHeld + this.sessions.size * 32;
    }
    get keyCount() {
        return this.data.size;
    }
    image() {
        return {
            data: [...this.data.entries()],
            sessions: [...this.sessions.entries()].map(([client, session]) => [client, session.seq, session.result, session.index]),
            appliedIndex: this.appliedIndex,
        };
    }
    static fromImage(image) {
        const store = new KvStore();
        for (const [key, value] of image.data)
            store.set(key, value);
        for (const [client, seq, result, index] of image.sessions)
            store.sessions.set(client, { seq, result, index });
        store.appliedIndex = image.appliedIndex;
        return store;
    }
    execute(operation) {
        switch (operation.op) {
            case 'put':
                this.set(operation.key, operation.value);
                return { kind: 'put', ok: true };
            case 'get':
                return { kind: 'get', value: this.read(operation.key) };
            case 'cas': {
                const current = this.read(operation.key);
                if (current !== operation.expected)
                    return { kind: 'cas', ok: false, value: current };
                this.set(operation.key, operation.value);
                return { kind: 'cas', ok: true, value: operation.value };
            }
            default: {
                const unreachable = operation;
                throw new Error(`KvStore: unknown operation ${JSON.stringify(unreachable)}`);
            }
        }
    }
    set(key, value) {
        const previous = this.data.get(key);
        if (previous !== undefined)
            this.bytesHeld -= key.length + previous.length;
        this.data.set(key, value);
        this.bytesHeld += key.length + value.length;
    }
}
//# sourceMappingURL=kv.js.map