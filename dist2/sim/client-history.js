/** Operations a run records at most (about 80 bytes each plus the values). A 10 s run at 200 ops/s records
 *  about 2,000; beyond the cap the rest are not recorded and the verdict is Unknown (never a silent pass). */
export const DEFAULT_MAX_HISTORY_OPERATIONS = 200_000;
export class ClientHistory {
    maxOperations;
    operations = [];
    names = [];
    pending = new Map();
    /** Invocations not recorded because the cap was reached. */
    dropped = 0;
    /** Call time of the first invocation not recorded (Infinity while none was). */
    firstDroppedUs = Infinity;
    constructor(maxOperations = DEFAULT_MAX_HISTORY_OPERATIONS) {
        this.maxOperations = maxOperations;
    }
    get size() {
        return this.operations.length;
    }
    /** Whether the cap cut the history short (the check then answers Unknown). */
    get truncated() {
        return this.dropped > 0;
    }
    invoke(client, id, operation, callUs) {
        if (this.operations.length >= this.maxOperations) {
            if (this.dropped === 0)
                this.firstDroppedUs = callUs;
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
    complete(client, id, status, result, returnUs) {
        const pending = this.pending.get(client);
        if (pending === undefined || this.names[pending.slot].id !== id)
            return;
        this.pending.delete(client);
        const clientId = Number(client.replace(/^\D+/, ''));
        const base = { clientId, callUs: pending.callUs, input: pending.input };
        let operation;
        if (status === 'ok' && result !== null)
            operation = { ...base, status: 'ok', returnUs: returnUs ?? pending.callUs, output: kvOutput(result) };
        else if (status === 'fail')
            operation = { ...base, status: 'fail', returnUs: returnUs ?? pending.callUs, output: null };
        else
            operation = { ...base, status: 'unknown', returnUs, output: null };
        this.operations[pending.slot] = operation;
    }
    /** The recorded operations in call order; an operation still pending (none after Workload.finish) is
     *  unknown, with no return. */
    entries() {
        const recorded = [];
        for (let slot = 0; slot < this.operations.length; slot++) {
            const name = this.names[slot];
            let operation = this.operations[slot];
            if (operation === null) {
                const pending = this.pending.get(name.client);
                const clientId = Number(name.client.replace(/^\D+/, ''));
                operation = { status: 'unknown', clientId, callUs: pending.callUs, returnUs: null, input: pending.input, output: null };
            }
            recorded.push({ client: name.client, id: name.id, operation });
        }
        return recorded;
    }
}
/** The simulator's KvResult as the model's output: a cas reports the register after it. */
function kvOutput(result) {
    switch (result.kind) {
        case 'get':
            return { kind: 'get', value: result.value };
        case 'put':
            return { kind: 'put' };
        case 'cas':
            return { kind: 'cas', ok: result.ok, value: result.value };
        default: {
            const unreachable = result;
            throw new Error(`client history: unknown result ${JSON.stringify(unreachable)}`);
        }
    }
}
//# sourceMappingURL=client-history.js.map