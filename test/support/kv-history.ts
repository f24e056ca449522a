// Small builders for hand-written key-value histories in the linearizability tests.
import type { KvInput, KvOutput, Operation } from '../../linearizability/index.js';

export type KvOperation = Operation<KvInput, KvOutput>;

/** [callUs, returnUs] of an operation that returned. */
export type Span = readonly [number, number];

let nextClient = 0;
function client(clientId: number | undefined): number {
  return clientId ?? nextClient++;
}

export function put(key: string, value: string, [callUs, returnUs]: Span, clientId?: number): KvOperation {
  return { status: 'ok', clientId: client(clientId), callUs, returnUs, input: { op: 'put', key, value }, output: { kind: 'put' } };
}

export function get(key: string, value: string | null, [callUs, returnUs]: Span, clientId?: number): KvOperation {
  return { status: 'ok', clientId: client(clientId), callUs, returnUs, input: { op: 'get', key }, output: { kind: 'get', value } };
}

export function cas(key: string, expected: string | null, value: string, ok: boolean, [callUs, returnUs]: Span, clientId?: number): KvOperation {
  return { status: 'ok', clientId: client(clientId), callUs, returnUs, input: { op: 'cas', key, expected, value }, output: { kind: 'cas', ok } };
}

/** An operation whose outcome is unknown: called at callUs, gave up at gaveUpUs (null: the run ended). */
export function unknown(input: KvInput, callUs: number, gaveUpUs: number | null = null, clientId?: number): KvOperation {
  return { status: 'unknown', clientId: client(clientId), callUs, returnUs: gaveUpUs, input, output: null };
}

/** An operation that definitely did not take effect. */
export function failed(input: KvInput, [callUs, returnUs]: Span, clientId?: number): KvOperation {
  return { status: 'fail', clientId: client(clientId), callUs, returnUs, input, output: null };
}
