/** mulberry32: a tiny, fast 32-bit PRNG; plenty for shaping a benchmark input. */
export class BenchRandom {
    state;
    constructor(seed) {
        this.state = seed >>> 0;
    }
    /** Uniform in [0, 1). */
    next() {
        this.state = (this.state + 0x6d2b79f5) | 0;
        let t = this.state;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    }
    /** Uniform integer in [low, high]. */
    int(low, high) {
        return low + Math.floor(this.next() * (high - low + 1));
    }
}
function planInput(random, options, clientId, seq) {
    const key = `k${random.int(0, options.keys - 1)}`;
    const value = () => (options.valueDomain === null ? `c${clientId}-${seq}` : String(random.int(0, options.valueDomain - 1)));
    const { get, put, cas } = options.mix;
    const roll = random.next() * (get + put + cas);
    if (roll < get)
        return { op: 'get', key };
    if (roll < get + put)
        return { op: 'put', key, value: value() };
    const expected = options.valueDomain === null ? null : String(random.int(0, options.valueDomain - 1));
    return { op: 'cas', key, expected, value: value() };
}
/** Each client runs one operation at a time; times depend only on latencies, not on outputs. */
function plan(options, random) {
    const planned = [];
    for (let clientId = 0; clientId < options.clients; clientId++) {
        let nowUs = random.int(0, options.latencyMaxUs);
        for (let seq = 0; seq < options.operationsPerClient; seq++) {
            const input = planInput(random, options, clientId, seq);
            const effectUs = nowUs + random.int(1, options.latencyMaxUs);
            const replyUs = effectUs + random.int(1, options.latencyMaxUs);
            const unknown = random.next() < options.unknownChance;
            if (unknown) {
                // Crash-like: the request may or may not have been applied; the client gives up at its timeout.
                const applied = random.next() < 0.5;
                const gaveUpUs = nowUs + options.timeoutUs;
                planned.push({ clientId, callUs: nowUs, effectUs: applied ? effectUs : null, returnUs: gaveUpUs, unknown, input });
                nowUs = Math.max(gaveUpUs, replyUs) + random.int(1, options.latencyMaxUs);
            }
            else {
                planned.push({ clientId, callUs: nowUs, effectUs, returnUs: replyUs, unknown, input });
                nowUs = replyUs + random.int(0, options.latencyMaxUs);
            }
        }
    }
    return planned;
}
function apply(register, input) {
    const current = register.get(input.key) ?? null;
    switch (input.op) {
        case 'get':
            return { kind: 'get', value: current };
        case 'put':
            register.set(input.key, input.value);
            return { kind: 'put' };
        case 'cas': {
            const ok = current === input.expected;
            if (ok)
                register.set(input.key, input.value);
            return { kind: 'cas', ok };
        }
    }
}
/** A linearizable history: the store applies operations in the order of their effect instants. */
export function generateHistory(options) {
    const random = new BenchRandom(options.seed);
    const planned = plan(options, random);
    const outputs = new Array(planned.length).fill(null);
    const byEffect = planned.map((_, index) => index).filter((index) => planned[index].effectUs !== null);
    byEffect.sort((a, b) => planned[a].effectUs - planned[b].effectUs || a - b);
    const register = new Map();
    for (const index of byEffect)
        outputs[index] = apply(register, planned[index].input);
    const history = planned.map((op, index) => {
        const base = { clientId: op.clientId, callUs: op.callUs, input: op.input };
        if (op.unknown)
            return { ...base, status: 'unknown', returnUs: op.returnUs, output: null };
        return { ...base, status: 'ok', returnUs: op.returnUs, output: outputs[index] };
    });
    return history.sort((a, b) => a.callUs - b.callUs);
}
/**
 * The same history with `count` reads made stale: each returns the value of a put on its key from at least
 * `staleBy` operations earlier (in call order), long since overwritten. Not linearizable, and not trivially
 * so: the value was written, so the search must rule out every order.
 */
export function staleReads(history, count, seed, staleBy = 40) {
    const random = new BenchRandom(seed);
    const corrupted = [...history];
    const reads = corrupted.flatMap((op, index) => (op.status === 'ok' && op.input.op === 'get' && index > staleBy ? [index] : []));
    for (let k = 0; k < count && reads.length > 0; k++) {
        const index = reads[random.int(0, reads.length - 1)];
        const read = corrupted[index];
        if (read.status !== 'ok' || read.output.kind !== 'get')
            continue;
        const current = read.output.value;
        for (let earlier = index - staleBy; earlier >= 0; earlier--) {
            const put = corrupted[earlier];
            if (put.status === 'ok' && put.input.op === 'put' && put.input.key === read.input.key && put.input.value !== current) {
                corrupted[index] = { ...read, output: { kind: 'get', value: put.input.value } };
                break;
            }
        }
    }
    return corrupted;
}
//# sourceMappingURL=lincheck-histories.js.map