// Reads Porcupine's public test histories (github.com/anishathalye/porcupine, test_data/) from a directory given
// on the command line, for a like-for-like figure. Nothing of Porcupine is committed here: only these parsers.
// Times are event positions in the log, as Porcupine's own parser uses them.
//
// Jepsen etcd logs: one register (key 'x'), values are small integers. An ':info' (timed out) write or cas
// never returns: its outcome is unknown. A ':fail :read :timed-out' read is unknown too (Porcupine keeps it
// with an unknown output). A ':fail :cas' is a cas that ran and found another value: 'ok' with ok: false.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { abbreviate, partitionByKey, UNKNOWN } from '../linearizability/index.js';
/** Collects invocations and completions per process into operations; pending ones end unknown. */
class LogHistory {
    pending = new Map();
    operations = [];
    invoke(process, timeUs, input) {
        if (this.pending.has(process))
            throw new Error(`porcupine log: process ${process} invoked twice`);
        this.pending.set(process, { clientId: process, callUs: timeUs, input });
    }
    complete(process, timeUs, completion) {
        const call = this.pending.get(process);
        if (call === undefined)
            throw new Error(`porcupine log: process ${process} completed without an invocation`);
        this.pending.delete(process);
        if (completion.status === 'ok')
            this.operations.push({ ...call, status: 'ok', returnUs: timeUs, output: completion.output });
        else
            this.operations.push({ ...call, status: 'unknown', returnUs: timeUs, output: null });
    }
    finish() {
        for (const call of this.pending.values())
            this.operations.push({ ...call, status: 'unknown', returnUs: null, output: null });
        this.pending.clear();
        return this.operations;
    }
}
const JEPSEN_LINE = /^INFO\s+jepsen\.util\s+-\s+(\d+)\s+:(invoke|ok|fail|info)\s+:(read|write|cas)\s+(.*)$/;
function jepsenInput(op, argument) {
    if (op === 'read')
        return { op: 'get', key: 'x' };
    if (op === 'write')
        return { op: 'put', key: 'x', value: argument };
    const [expected, value] = argument.replace(/[[\]]/g, '').split(/\s+/);
    return { op: 'cas', key: 'x', expected: expected, value: value };
}
function jepsenCompletion(type, op, argument) {
    if (type === 'info' || argument === ':timed-out')
        return { status: 'unknown' };
    if (op === 'read')
        return { status: 'ok', output: { kind: 'get', value: argument === 'nil' ? null : argument } };
    if (op === 'write')
        return { status: 'ok', output: { kind: 'put' } };
    return { status: 'ok', output: { kind: 'cas', ok: type === 'ok' } };
}
export function parseJepsenEtcdLog(text) {
    const log = new LogHistory();
    let position = 0;
    for (const line of text.split('\n')) {
        const match = JEPSEN_LINE.exec(line.trim());
        if (match === null)
            continue;
        const [, process, type, op, argument] = match;
        if (type === 'invoke')
            log.invoke(Number(process), position++, jepsenInput(op, argument));
        else
            log.complete(Number(process), position++, jepsenCompletion(type, op, argument));
    }
    return log.finish();
}
export const appendKvModel = {
    init: () => '',
    step(state, input, output) {
        switch (input.op) {
            case 'get':
                return output === UNKNOWN || output.value === state ? state : null;
            case 'put':
                return input.value;
            case 'append':
                return state + input.value;
        }
    },
    stateKey: (state) => state,
    partition: partitionByKey((input) => input.key),
    describeOperation: (input, output) => input.op === 'get' ? `get(${input.key}) -> '${output === UNKNOWN ? '?' : abbreviate(output.value)}'` : `${input.op}(${input.key}, '${abbreviate(input.value)}')`,
    describeState: (state, key) => `${key} = '${abbreviate(state)}'`,
};
const KV_LINE = /^\{:process (\d+), :type :(invoke|ok), :f :(get|put|append), :key "(.*?)", :value (nil|"(.*)")\}$/;
export function parsePorcupineKvLog(text) {
    const log = new LogHistory();
    let position = 0;
    for (const line of text.split('\n')) {
        const match = KV_LINE.exec(line.trim());
        if (match === null)
            continue;
        const [, process, type, op, key, , value] = match;
        if (type === 'invoke')
            log.invoke(Number(process), position++, { op, key, value: value ?? '' });
        else
            log.complete(Number(process), position++, { status: 'ok', output: { value: value ?? '' } });
    }
    return log.finish();
}
/** Porcupine's expected verdicts, read from its porcupine_test.go in the same directory (if present). */
function expectedVerdicts(root) {
    const expected = new Map();
    const testFile = join(root, 'porcupine_test.go');
    if (!existsSync(testFile))
        return expected;
    const source = readFileSync(testFile, 'utf8');
    for (const match of source.matchAll(/checkJepsen\(t, (\d+), (true|false)\)/g))
        expected.set(`etcd_${match[1].padStart(3, '0')}`, match[2] === 'true');
    for (const match of source.matchAll(/checkKv\(t, "([\w-]+)", (true|false), true\)/g))
        expected.set(match[1], match[2] === 'true');
    return expected;
}
/** Porcupine's Jepsen etcd and key-value histories under `root` (a checkout or extract of the repository). */
export function loadPorcupineHistories(root) {
    const expected = expectedVerdicts(root);
    const jepsen = join(root, 'test_data', 'jepsen');
    const kvFolder = join(root, 'test_data', 'kv');
    const etcd = readdirSync(jepsen)
        .filter((file) => /^etcd_\d+\.log$/.test(file))
        .sort()
        .map((file) => {
        const name = file.replace('.log', '');
        return { name, history: parseJepsenEtcdLog(readFileSync(join(jepsen, file), 'utf8')), expectedLinearizable: expected.get(name) ?? null };
    });
    const kv = (existsSync(kvFolder) ? readdirSync(kvFolder) : [])
        .filter((file) => file.endsWith('.txt'))
        .sort()
        .map((file) => {
        const name = file.replace('.txt', '');
        return { name, history: parsePorcupineKvLog(readFileSync(join(kvFolder, file), 'utf8')), expectedLinearizable: expected.get(name) ?? null };
    });
    return { etcd, kv };
}
//# sourceMappingURL=lincheck-porcupine.js.map