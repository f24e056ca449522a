// The client history of a run, for the linearizability check (sim/linearizable.ts): every operation a client
// invoked, with its call and return on the exact virtual clock and what the client learned of its outcome.
// Recorded in every run, whether or not the run writes a trace; bounded by a cap (docs/linearizability.md).
import type { KvInput, KvOutput, Operation } from '../linearizability/index.js';
import type { KvOperation, KvResult } from './kv.js';

/** Operations a run records at most (about 80 bytes each plus the values). A 10 s run at 200 ops/s records
 *  about 2,000; beyond the cap the rest are not recorded and the verdict is Unknown (never a silent pass). */
export const DEFAULT_MAX_HISTORY_OPERATIONS = 200_000;

/** One recorded operation: the checker's Operation plus which client command it was. */
export interface RecordedOperation {
  /** The client's name (c1, c2, ...) and the command's sequence number: the trace's invoke/ok/timeout `client`
   *  and `id`. */
  readonly client: string;
  readonly id: number;
  readonly operation: Operation<KvInput, KvOutput>;
}

interface Pending {
  readonly slot: number;
  readonly input: KvInput;
  readonly callUs: number;
}

export class ClientHistory {
  private readonly operations: (Operation<KvInput, KvOutput> | null)[] = [];
  private readonly names: { client: string; id: number }[] = [];
  private readonly pending = new Map<string, Pending>();
  /** Invocations not recorded because the cap was reached. */
  dropped = 0;
  /** Call time of the first invocation not recorded (Infinity while none was). */
  firstDroppedUs = Infinity;

  constructor(readonly maxOperations: number = DEFAULT_MAX_HISTORY_OPERATIONS) {}

  get size(): number {
    return this.operations.length;
  }

  /** Whether the cap cut the history short (the check then answers Unknown). */
  get truncated(): boolean {
    return this.dropped > 0;
  }

  invoke(client: string, id: number, operation: KvOperation, callUs: number): void {
    if (this.operations.length >= this.maxOperations) {
      if (this.dropped === 0) this.firstDroppedUs = callUs;
      this.dropped++;
      return;
    }
    const slot = this.operations.length;
    this.operations.push(null);
    this.names.push({ client, id });
    this.pending.set(client, { slot, input: operation, callUs });
  }

  /** The client learned the outcome: `ok` with its result, or `unknown` (it gave up at returnUs; null: the run
   *  ended first). `fail` is for an operation known not to have taken effect (the workload has none today). */
  complete(client: string, id: number, status: 'ok' | 'fail' | 'unknown', result: KvResult | null, returnUs: number | null): void {
    const pending = this.pending.get(client);
    if (pending === undefined || this.names[pending.slot]!.id !== id) return;
    this.pending.delete(client);
    const clientId = Number(client.replace(/^\D+/, ''));
    let operation: Operation<KvInput, KvOutput>;
    if (status === 'ok' && result !== null) operation = makeOperation('ok', clientId, pending.callUs, returnUs ?? pending.callUs, pending.input, kvOutput(result));
    else if (status === 'fail') operation = makeOperation('fail', clientId, pending.callUs, returnUs ?? pending.callUs, pending.input, null);
    else operation = makeOperation('unknown', clientId, pending.callUs, returnUs, pending.input, null);
    this.operations[pending.slot] = operation;
  }

  /** The recorded operations in call order; an operation still pending (none after Workload.finish) is
   *  unknown, with no return. */
  entries(): RecordedOperation[] {
    const operations = this.recordedOperations();
    return operations.map((operation, slot) => ({ client: this.names[slot]!.client, id: this.names[slot]!.id, operation }));
  }

  /** The operations of entries(), without their client names: what the check reads. */
  recordedOperations(): Operation<KvInput, KvOutput>[] {
    const recorded = new Array<Operation<KvInput, KvOutput>>(this.operations.length);
    for (let slot = 0; slot < this.operations.length; slot++) {
      let operation = this.operations[slot]!;
      if (operation === null) {
        const name = this.names[slot]!;
        const pending = this.pending.get(name.client)!;
        const clientId = Number(name.client.replace(/^\D+/, ''));
        operation = makeOperation('unknown', clientId, pending.callUs, null, pending.input, null);
      }
      recorded[slot] = operation;
    }
    return recorded;
  }
}

/** Every operation is built here, by one literal: all of them share one hidden class, so the checker's reads of
 *  their fields stay monomorphic (a spread gives each object its own; docs/linearizability.md, Notes). */
function makeOperation(
  status: Operation<KvInput, KvOutput>['status'],
  clientId: number,
  callUs: number,
  returnUs: number | null,
  input: KvInput,
  output: KvOutput | null,
): Operation<KvInput, KvOutput> {
  return { status, clientId, callUs, returnUs, input, output } as Operation<KvInput, KvOutput>;
}

/** The simulator's KvResult as the model's output: a cas reports the register after it. */
function kvOutput(result: KvResult): KvOutput {
  switch (result.kind) {
    case 'get':
      return { kind: 'get', value: result.value };
    case 'put':
      return { kind: 'put' };
    case 'cas':
      return { kind: 'cas', ok: result.ok, value: result.value };
    default: {
      const unreachable: never = result;
      throw new Error(`client history: unknown result ${JSON.stringify(unreachable)}`);
    }
  }
}
