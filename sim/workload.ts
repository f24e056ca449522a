// Clients of the replicated key-value store. Each client runs one operation at a time: it sends the command to
// the node it believes leads, follows redirects, and on a timeout retries with exponential backoff plus jitter,
// reusing the command's sequence number so that a retried write is applied once (client sessions).
import type { TraceClientValue } from '../contract/trace.js';
import { ClientHistory } from './client-history.js';
import type { Cluster, ClientMessage } from './cluster/cluster.js';
import { makeKvCommand, type KvCommand, type KvOperation, type KvResult } from './kv.js';
import { KeyHistory } from './key-history.js';
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
  /** The first this-many clients only read, each pinned to one node (c1 to n1, c2 to n2, ...): they never follow
   *  a redirect or move on after a timeout, so they keep asking a node on the minority side or a deposed leader
   *  that still believes it leads — where stale reads are served — while the other clients write through the
   *  current leader. Absent: 0. */
  readonly pinnedReaders?: number;
  /** The chance that a get reads the key written most recently (by any client) rather than a random key: a read
   *  of a key just written is the one that can see a lost or stale write. Absent: 0. */
  readonly recentKeyReads?: number;
  /** Per client (c1 first), the nodes its first leader guess is drawn from (its home datacenter's); an empty or
   *  missing entry draws from every node. Absent: every client draws from every node. */
  readonly homeNodes?: readonly (readonly NodeId[])[];
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


/** How long writes are remembered for the read check (reads finish far sooner: timeouts x attempts). */
const writeMemoryUs = 120_000_000;

interface ClientState {
  readonly id: string;
  seq: number;
  leaderGuess: NodeId;
  inflight: Inflight | null;
  /** A pinned client's node (it never changes leaderGuess); null for a client that follows the leader. */
  readonly pinnedTo: NodeId | null;
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
  /** Key names k1..kN, made once rather than per operation (each operation's key lives as long as its log entry). */
  private readonly keyNames: readonly string[];
  /** The key of the last write invoked, for recentKeyReads. */
  private lastWrittenKey: string | null = null;
  /** Called when a read returns a value older than a write that completed before the read was invoked. */
  onStaleRead: ((client: string, key: string, message: string, servedBy: NodeId) => void) | null = null;
  /** Every operation with its call, return and outcome, for the linearizability check (sim/client-history.ts). */
  clientHistory = new ClientHistory();

  constructor(
    private readonly scheduler: Scheduler,
    private readonly random: Random,
    private readonly options: WorkloadOptions,
    private readonly trace: Trace,
    private readonly nodeIds: readonly NodeId[],
    private cluster: Cluster | null = null,
  ) {
    this.keyNames = Array.from({ length: options.keys }, (_, k) => `k${k + 1}`);
    const pinned = options.pinnedReaders ?? 0;
    for (let k = 1; k <= options.clients; k++) {
      const home = options.homeNodes?.[k - 1];
      const leaderGuess = random.pick(home !== undefined && home.length > 0 ? home : nodeIds);
      const pinnedTo = k <= pinned ? nodeIds[(k - 1) % nodeIds.length]! : null;
      this.clients.push({ id: `c${k}`, seq: 0, leaderGuess: pinnedTo ?? leaderGuess, inflight: null, pinnedTo });
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
      this.clientHistory.complete(client.id, client.inflight.command.seq, 'unknown', null, null);
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
    this.clientHistory.invoke(client.id, client.seq, operation, this.scheduler.nowUs);
    if (operation.op !== 'get') this.rememberWrite(operation.key, operation.value);
    if (this.trace.enabled) {
      const value = operation.op === 'get' ? null : operation.value;
      this.trace.emit({ t: this.scheduler.nowUs, type: 'invoke', client: client.id, id: client.seq, op: operation.op, key: operation.key, value, ...(operation.op === 'cas' ? { expected: operation.expected } : {}) });
    }
    this.sendAttempt(client);
  };

  private drawOperation(client: ClientState): KvOperation {
    const mix = this.options.mix;
    // A pinned reader only reads: it draws no operation kind.
    const pick = client.pinnedTo === null ? this.random.int(1, mix.put + mix.get + mix.cas) : null;
    const key = this.keyNames[this.random.int(1, this.options.keys) - 1]!;
    const value = `${client.id}-${client.seq}`.padEnd(this.options.valueBytes, '.');
    if (pick !== null && pick <= mix.put) return this.noteWritten({ op: 'put', key, value });
    if (pick === null || pick <= mix.put + mix.get) {
      const recent = this.options.recentKeyReads ?? 0;
      if (recent > 0 && this.lastWrittenKey !== null && this.random.next() < recent) return { op: 'get', key: this.lastWrittenKey };
      return { op: 'get', key };
    }
    // Compare-and-set against the value this client last wrote to the key, or absent.
    const expected = this.random.chance(1, 2) ? null : `${client.id}-${client.seq - 1}`.padEnd(this.options.valueBytes, '.');
    return this.noteWritten({ op: 'cas', key, expected, value });
  }

  private noteWritten(operation: KvOperation): KvOperation {
    this.lastWrittenKey = operation.key;
    return operation;
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
    if (rotate && client.pinnedTo === null) client.leaderGuess = this.nextNode(client.leaderGuess);
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
      history = new KeyHistory();
      this.writesByKey.set(key, history);
    }
    return history;
  }

  private rememberWrite(key: string, value: string): void {
    const history = this.history(key);
    history.addWrite(value, this.scheduler.nowUs);
    // Forget writes invoked before the horizon, in batches: reads finish long before it.
    if (history.writeCount > 256) {
      const horizonUs = this.scheduler.nowUs - writeMemoryUs;
      history.forgetWritesBefore(horizonUs);
      history.forgetCompletionsBefore(horizonUs);
    }
  }

  private completeWrite(key: string, value: string, index: number): void {
    const history = this.history(key);
    const write = history.findWrite(value);
    if (write < 0) return;
    history.complete(write, index, this.scheduler.nowUs);
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
    let low = history.head;
    let high = history.completionNext - 1;
    let found = -1;
    while (low <= high) {
      const middle = Math.floor((low + high) / 2);
      if (history.completionUs(middle) < invokedUs) {
        found = middle;
        low = middle + 1;
      } else {
        high = middle - 1;
      }
    }
    if (found < 0) return;
    const requiredValue = history.maxValue(found);
    if (value === requiredValue) return;
    const requiredIndex = history.maxIndexOf(found);
    const write = value === null ? -1 : history.findWrite(value);
    const readIndex = write < 0 ? null : history.writeIndexOf(write);
    if (write >= 0 && (readIndex === null || readIndex >= requiredIndex)) return;
    const what = value === null ? 'no value' : write < 0 ? `"${value}", older than every write remembered` : `"${value}" (written at index ${readIndex})`;
    this.onStaleRead?.(
      client,
      key,
      `read of ${key} by ${client} (invoked at ${invokedUs}us, served by ${servedBy}) returned ${what}, but "${requiredValue}" was written at index ${requiredIndex} and acknowledged at ${history.maxCompletedUsOf(found)}us, before the read began`,
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
        // Recorded before the read check, which may end the run: the stale read is then in the history and trace.
        this.emitOutcome('ok', client, inflight, message.result);
        client.inflight = null;
        if (operation.op === 'get') {
          if (message.result.kind === 'get') this.checkRead(client.id, operation.key, message.result.value, inflight.startUs, from);
        } else if (message.result.kind === 'put' || (message.result.kind === 'cas' && message.result.ok)) {
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
    this.clientHistory.complete(client.id, inflight.command.seq, type === 'timeout' ? 'unknown' : type, result, this.scheduler.nowUs);
    if (!this.trace.enabled) return;
    let value: TraceClientValue = null;
    if (result !== null) {
      if (result.kind === 'get') value = result.value;
      else if (result.kind === 'cas') value = { ok: result.ok, value: result.value };
      else value = 'ok';
    }
    this.trace.emit({ t: this.scheduler.nowUs, type, client: client.id, id: inflight.command.seq, value, latencyUs: this.scheduler.nowUs - inflight.startUs });
  }
}
