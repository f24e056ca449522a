// The replicated key-value state machine (put, get, compare-and-set) with client sessions: each client
// numbers its commands, and the store remembers the last sequence number and result per client, so a command
// retried after a timeout is applied once (Raft thesis 6.3, "Implementing linearizable semantics").
import { hashString } from './hash.js';

export type KvOperation =
  | { readonly op: 'put'; readonly key: string; readonly value: string }
  | { readonly op: 'get'; readonly key: string }
  | { readonly op: 'cas'; readonly key: string; readonly expected: string | null; readonly value: string };

/** What a log entry carries for the key-value store. */
export interface KvCommand {
  readonly client: string;
  readonly seq: number;
  readonly operation: KvOperation;
  /** Stable hash of the command, computed once at proposal: the trace's `digest` and the checker's identity. */
  readonly digest: string;
}

export type KvResult =
  | { readonly kind: 'put'; readonly ok: true }
  | { readonly kind: 'get'; readonly value: string | null }
  | { readonly kind: 'cas'; readonly ok: boolean; readonly value: string | null };

export interface KvImage {
  readonly data: readonly (readonly [string, string])[];
  /** Per client: last sequence number, its result, and the log index at which it took effect. */
  readonly sessions: readonly (readonly [string, number, KvResult, number])[];
  readonly appliedIndex: number;
}

/** Bytes a command occupies in the log (for message, inflight and disk accounting). */
export function kvCommandBytes(command: KvCommand): number {
  const operation = command.operation;
  let bytes = 24 + command.client.length + operation.key.length;
  if (operation.op !== 'get') bytes += operation.value.length;
  if (operation.op === 'cas') bytes += operation.expected?.length ?? 0;
  return bytes;
}

export function makeKvCommand(client: string, seq: number, operation: KvOperation): KvCommand {
  const canonical = `${client}|${seq}|${JSON.stringify(operation)}`;
  return { client, seq, operation, digest: hashString(canonical) };
}

export class KvStore {
  private data = new Map<string, string>();
  /** Per client: last applied sequence number and its result. One entry per client bounds memory. */
  private sessions = new Map<string, { seq: number; result: KvResult; index: number }>();
  /** The log index at which the last applied command took effect: its own index, or for a duplicate the index
   *  of the original (a retried write answers with where it really happened). */
  lastEffectIndex = 0;
  appliedIndex = 0;
  /** Bytes of keys and values held: the size of a snapshot of this store. */
  private bytesHeld = 0;

  /** Applies a committed command at `index`. A duplicate (seq already applied) returns the remembered result
   *  without applying again. */
  apply(index: number, command: KvCommand): KvResult {
    if (index !== this.appliedIndex + 1) throw new Error(`KvStore.apply: index ${index} after ${this.appliedIndex}`);
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
  skip(index: number): void {
    if (index !== this.appliedIndex + 1) throw new Error(`KvStore.skip: index ${index} after ${this.appliedIndex}`);
    this.appliedIndex = index;
  }

  /** Linearizable read, served after a ReadIndex round once appliedIndex >= the read index. */
  read(key: string): string | null {
    return this.data.get(key) ?? null;
  }

  get sizeBytes(): number {
    return this.bytesHeld + this.sessions.size * 32;
  }

  get keyCount(): number {
    return this.data.size;
  }

  image(): KvImage {
    return {
      data: [...this.data.entries()],
      sessions: [...this.sessions.entries()].map(([client, session]) => [client, session.seq, session.result, session.index] as const),
      appliedIndex: this.appliedIndex,
    };
  }

  static fromImage(image: KvImage): KvStore {
    const store = new KvStore();
    for (const [key, value] of image.data) store.set(key, value);
    for (const [client, seq, result, index] of image.sessions) store.sessions.set(client, { seq, result, index });
    store.appliedIndex = image.appliedIndex;
    return store;
  }

  private execute(operation: KvOperation): KvResult {
    switch (operation.op) {
      case 'put':
        this.set(operation.key, operation.value);
        return { kind: 'put', ok: true };
      case 'get':
        return { kind: 'get', value: this.read(operation.key) };
      case 'cas': {
        const current = this.read(operation.key);
        if (current !== operation.expected) return { kind: 'cas', ok: false, value: current };
        this.set(operation.key, operation.value);
        return { kind: 'cas', ok: true, value: operation.value };
      }
      default: {
        const unreachable: never = operation;
        throw new Error(`KvStore: unknown operation ${JSON.stringify(unreachable)}`);
      }
    }
  }

  private set(key: string, value: string): void {
    const previous = this.data.get(key);
    if (previous !== undefined) this.bytesHeld -= key.length + previous.length;
    this.data.set(key, value);
    this.bytesHeld += key.length + value.length;
  }
}
