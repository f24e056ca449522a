// Clients of the replicated key-value store. Each client runs one operation at a time: it sends the command to
// the node it believes leads, follows redirects, and on a timeout retries with exponential backoff plus jitter,
// reusing the command's sequence number so that a retried write is applied once (client sessions).
import type { Cluster, ClientMessage } from './cluster.js';
import { makeKvCommand, type KvCommand, type KvOperation, type KvResult } from './kv.js';
import type { NodeId } from './network.js';
import type { Random } from './random.js';
import type { Scheduler } from './scheduler.js';
import { BoundedSamples } from './samples.js';
import type { Trace } from './trace.js';

export interface WorkloadOptions {
  readonly clients: number;
  /** Operations started per second across all clients (each client waits for its previous one). */
  readonly ratePerSecond: number;
  readonly keys: number;
  /** Relative weights of the operation mix. */
  readonly mix: { readonly put: number; readonly get: number; readonly cas: number };
  readonly valueBytes: number;
  readonly requestTimeoutUs: number;
  readonly backoffBaseUs: number;
  readonly backoffMaxUs: number;
  /** Attempts before the client gives up; the outcome is then unknown (a `timeout` in the history). */
  readonly maxAttempts: number;
}

export const defaultWorkloadOptions: WorkloadOptions = {
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

interface Inflight {
  readonly command: KvCommand;
  readonly startUs: number;
  attempt: number;
  /** Identifies the current attempt's timeout event. */
  attemptToken: number;
}

/** One write to a key as the clients saw it, for the read check. */
interface WriteRecord {
  readonly value: string;
  readonly invokedUs: number;
  /** Log index and client-side completion time, once acknowledged. */
  index: number | null;
  completedUs: number | null;
}

interface KeyHistory {
  /** Writes invoked in the last writeMemoryUs, by their (unique) value, in invocation order. */
  readonly byValue: Map<string, WriteRecord>;
  /** Acknowledged writes in completion order, each with the highest-index write acknowledged up to then. */
  completions: { readonly completedUs: number; readonly maxRecord: WriteRecord }[];
  /** Completions before `head` are forgotten. */
  head: number;
}

/** How long writes are remembered for the read check (reads finish far sooner: timeouts x attempts). */
const writeMemoryUs = 120_000_000;

interface ClientState {
  readonly id: string;
  seq: number;
  leaderGuess: NodeId;
  inflight: Inflight | null;
}

export interface WorkloadStats {
  invoked: number;
  ok: number;
  failed: number;
  timedOut: number;
  retries: number;
  redirects: number;
  /** Completed-operation latencies, microseconds (writes and reads). */
  readonly writeLatenciesUs: BoundedSamples;
  readonly readLatenciesUs: BoundedSamples;
}

/** Bound on kept latency samples per kind; beyond it the sample is thinned evenly (see BoundedSamples). */
const maxLatencySamples = 200_000;

export class Workload {
  readonly clients: ClientState[] = [];
  readonly stats: WorkloadStats = { invoked: 0, ok: 0, failed: 0, timedOut: 0, retries: 0, redirects: 0, writeLatenciesUs: new BoundedSamples(maxLatencySamples), readLatenciesUs: new BoundedSamples(maxLatencySamples) };
  private running = false;
  private nextToken = 1;
  /** Per key, what the read check needs to know of its writes. */
  private readonly writesByKey = new Map<string, KeyHistory>();
  /** Called when a read returns a value older than a write that completed before the read was invoked. */
  onStaleRead: ((client: string, key: string, message: string, servedBy: NodeId) => void) | null = null;

  constructor(
    private readonly scheduler: Scheduler,
    private readonly random: Random,
    private readonly options: WorkloadOptions,
    private readonly trace: Trace,
    private readonly nodeIds: readonly NodeId[],
    private cluster: Cluster | null = null,
  ) {
    for (let k = 1; k <= options.clients; k++) {
      this.clients.push({ id: `c${k}`, seq: 0, leaderGuess: random.pick(nodeIds), inflight: null });
    }
  }

  static clientIds(options: WorkloadOptions): string[] {
    return Array.from({ length: options.clients }, (_, k) => `c${k + 1}`);
  }

  attach(cluster: Cluster): void {
    this.cluster = cluster;
  }

  start(): void {
    if (this.options.ratePerSecond <= 0 || this.options.clients === 0) return;
    this.running = true;
    for (const client of this.clients) this.scheduleNext(client);
  }

  /** Stops starting new operations; those in flight still finish or time out. */
  stop(): void {
    this.running = false;
  }

  /** At the end of a run, operations still in flight have an unknown outcome. */
  finish(): void {
    for (const client of this.clients) {
      if (client.inflight === null) continue;
      this.stats.timedOut++;
      this.emitOutcome('timeout', client, client.inflight, null);
      client.inflight = null;
    }
  }

  private scheduleNext(client: ClientState): void {
    if (!this.running) return;
    const meanGapUs = (this.options.clients * 1_000_000) / this.options.ratePerSecond;
    this.scheduler.after(Math.round(this.random.exponential(meanGapUs)), this.onStart, client);
  }

  private readonly onStart = (client: ClientState): void => {
    if (!this.running || client.inflight !== null) return;
    client.seq++;
    const operation = this.drawOperation(client);
    const command = makeKvCommand(client.id, client.seq, operation);
    client.inflight = { command, startUs: this.scheduler.nowUs, attempt: 1, attemptToken: 0 };
    this.stats.invoked++;
    if (operation.op !== 'get') this.rememberWrite(operation.key, operation.value);
    if (this.trace.enabled) {
      const value = operation.op === 'get' ? null : operation.value;
      this.trace.emit({ t: this.scheduler.nowUs, type: 'invoke', client: client.id, id: client.seq, op: operation.op, key: operation.key, value, ...(operation.op === 'cas' ? { expected: operation.expected } : {}) });
    }
    this.sendAttempt(client);
  };

  private drawOperation(client: ClientState): KvOperation {
    const mix = this.options.mix;
    const pick = this.random.int(1, mix.put + mix.get + mix.cas);
    const key = `k${this.random.int(1, this.options.keys)}`;
    const value = `${client.id}-${client.seq}`.padEnd(this.options.valueBytes, '.');
    if (pick <= mix.put) return { op: 'put', key, value };
    if (pick <= mix.put + mix.get) return { op: 'get', key };
    // Compare-and-set against the value this client last wrote to the key, or absent.
    const expected = this.random.chance(1, 2) ? null : `${client.id}-${client.seq - 1}`.padEnd(this.options.valueBytes, '.');
    return { op: 'cas', key, expected, value };
  }

  private sendAttempt(client: ClientState): void {
    const inflight = client.inflight;
    if (inflight === null || this.cluster === null) return;
    inflight.attemptToken = this.nextToken++;
    this.cluster.sendClientRequest(client.id, client.leaderGuess, inflight.command);
    this.scheduler.after(this.options.requestTimeoutUs, this.onTimeout, { client, token: inflight.attemptToken });
  }

  private readonly onTimeout = (arg: { client: ClientState; token: number }): void => {
    const inflight = arg.client.inflight;
    if (inflight === null || inflight.attemptToken !== arg.token) return;
    this.retry(arg.client, inflight, true);
  };

  private retry(client: ClientState, inflight: Inflight, rotate: boolean): void {
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
    if (rotate) client.leaderGuess = this.nextNode(client.leaderGuess);
    // Exponential backoff with full jitter, so retrying clients do not arrive in lockstep.
    const capUs = Math.min(this.options.backoffMaxUs, this.options.backoffBaseUs * 2 ** (inflight.attempt - 1));
    const delayUs = this.random.int(0, capUs);
    this.scheduler.after(delayUs, this.onRetry, { client, token: inflight.attemptToken });
  }

  private readonly onRetry = (arg: { client: ClientState; token: number }): void => {
    const inflight = arg.client.inflight;
    if (inflight === null || inflight.attemptToken !== arg.token) return;
    this.sendAttempt(arg.client);
  };

  private nextNode(current: NodeId): NodeId {
    const index = this.nodeIds.indexOf(current);
    return this.nodeIds[(index + 1) % this.nodeIds.length]!;
  }

  private history(key: string): KeyHistory {
    let history = this.writesByKey.get(key);
    if (history === undefined) {
      history = { byValue: new Map(), completions: [], head: 0 };
      this.writesByKey.set(key, history);
    }
    return history;
  }

  private rememberWrite(key: string, value: string): void {
    const history = this.history(key);
    history.byValue.set(value, { value, invokedUs: this.scheduler.nowUs, index: null, completedUs: null });
    // Forget writes invoked before the horizon, in batches: reads finish long before it.
    if (history.byValue.size > 256) {
      const horizonUs = this.scheduler.nowUs - writeMemoryUs;
      for (const [written, record] of history.byValue) {
        if (record.invokedUs >= horizonUs) break;
        history.byValue.delete(written);
      }
      // Keep the last completion before the horizon: its running maximum still speaks for everything older.
      while (history.head < history.completions.length - 1 && history.completions[history.head + 1]!.completedUs < horizonUs) history.head++;
      if (history.head > 1024) {
        history.completions = history.completions.slice(history.head);
        history.head = 0;
      }
    }
  }

  private completeWrite(key: string, value: string, index: number): void {
    const history = this.history(key);
    const record = history.byValue.get(value);
    if (record === undefined) return;
    record.index = index;
    record.completedUs = this.scheduler.nowUs;
    const previous = history.completions.length > history.head ? history.completions[history.completions.length - 1]! : null;
    const newest = previous === null || index > previous.maxRecord.index! ? record : previous.maxRecord;
    history.completions.push({ completedUs: record.completedUs, maxRecord: newest });
  }

  /**
   * Linearizable reads, checked per key as a register (thesis 6.4): a read must reflect every write that
   * completed before the read was invoked. Written values are unique, so a read's value names its write and,
   * once acknowledged, that write's log index.
   */
  private checkRead(client: string, key: string, value: string | null, invokedUs: number, servedBy: NodeId): void {
    const history = this.writesByKey.get(key);
    if (history === undefined) return;
    // Completions are in time order: binary search the last one before the read began; its running maximum is
    // the newest write the read must reflect.
    const completions = history.completions;
    let low = history.head;
    let high = completions.length - 1;
    let found = -1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      if (completions[middle]!.completedUs < invokedUs) {
        found = middle;
        low = middle + 1;
      } else {
        high = middle - 1;
      }
    }
    if (found < 0) return;
    const required = completions[found]!.maxRecord;
    if (value === required.value) return;
    const read = value === null ? null : history.byValue.get(value);
    if (read !== undefined && read !== null && (read.index === null || read.index >= required.index!)) return;
    const what = value === null ? 'no value' : read === undefined ? `"${value}", older than every write remembered` : `"${value}" (written at index ${read!.index})`;
    this.onStaleRead?.(
      client,
      key,
      `read of ${key} by ${client} (invoked at ${invokedUs}us, served by ${servedBy}) returned ${what}, but "${required.value}" was written at index ${required.index} and acknowledged at ${required.completedUs}us, before the read began`,
      servedBy,
    );
  }

  /** A message from a node to a client. */
  receive(clientId: string, message: ClientMessage, from: NodeId = ''): void {
    const client = this.clients[Number(clientId.slice(1)) - 1];
    if (client === undefined) return;
    const inflight = client.inflight;
    if (inflight === null || message.type === 'request' || message.seq !== inflight.command.seq) return;
    switch (message.type) {
      case 'reply': {
        const latencyUs = this.scheduler.nowUs - inflight.startUs;
        const samples = inflight.command.operation.op === 'get' ? this.stats.readLatenciesUs : this.stats.writeLatenciesUs;
        samples.add(latencyUs);
        this.stats.ok++;
        const operation = inflight.command.operation;
        if (operation.op === 'get') {
          if (message.result.kind === 'get') this.checkRead(client.id, operation.key, message.result.value, inflight.startUs, from);
        } else if (message.result.kind === 'put' || (message.result.kind === 'cas' && message.result.ok)) {
          this.completeWrite(operation.key, operation.value, message.index);
        }
        this.emitOutcome('ok', client, inflight, message.result);
        client.inflight = null;
        this.scheduleNext(client);
        return;
      }
      case 'redirect':
        this.stats.redirects++;
        if (message.leader !== null && message.leader !== client.leaderGuess) {
          client.leaderGuess = message.leader;
          inflight.attemptToken = this.nextToken++;
          this.sendAttempt(client);
        } else {
          // No leader known: back off before trying the next node.
          this.retry(client, inflight, true);
        }
        return;
      case 'busy':
        this.retry(client, inflight, false);
        return;
      default: {
        const unreachable: never = message;
        throw new Error(`unknown client message ${JSON.stringify(unreachable)}`);
      }
    }
  }

  private emitOutcome(type: 'ok' | 'fail' | 'timeout', client: ClientState, inflight: Inflight, result: KvResult | null): void {
    if (!this.trace.enabled) return;
    let value: unknown = null;
    if (result !== null) {
      if (result.kind === 'get') value = result.value;
      else if (result.kind === 'cas') value = { ok: result.ok, value: result.value };
      else value = 'ok';
    }
    this.trace.emit({ t: this.scheduler.nowUs, type, client: client.id, id: inflight.command.seq, value, latencyUs: this.scheduler.nowUs - inflight.startUs });
  }
}
