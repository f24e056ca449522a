// Nearly sequential key-value histories, the shape most keys of a run's history have: each operation called a
// few microseconds after the previous one returned — or at the same microsecond (concurrent), or before it
// (overlapping) — outputs from a real register applied in call order, some of them corrupted (so the history
// may not be linearizable), some outcomes unknown (applied or not) or failed (not applied).
import { fc } from '@fast-check/vitest';
import type { KvInput, KvOutput } from '../../linearizability/index.js';
import type { KvOperation } from './kv-history.js';

type Fate = 'ok' | 'unknown-applied' | 'unknown-dropped' | 'fail';

export interface StepSpec {
  readonly key: string;
  readonly kind: 'get' | 'put' | 'cas';
  readonly value: string;
  readonly expected: string | null;
  /** Call time after the previous operation's return (<= 0: concurrent with it). */
  readonly gapUs: number;
  readonly durationUs: number;
  readonly fate: Fate;
  readonly corrupt: boolean;
  readonly gaveUp: boolean;
  readonly clientId: number;
}

export function stepSpec(keys: readonly string[]): fc.Arbitrary<StepSpec> {
  return fc.record({
    key: fc.constantFrom(...keys),
    kind: fc.constantFrom('get', 'put', 'cas'),
    value: fc.constantFrom('1', '2', '3'),
    expected: fc.constantFrom(null, '1', '2'),
    gapUs: fc.oneof(fc.integer({ min: 1, max: 6 }), fc.integer({ min: -3, max: 6 })),
    durationUs: fc.nat(4),
    fate: fc.constantFrom<Fate>('ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'unknown-applied', 'unknown-dropped', 'fail'),
    corrupt: fc.constantFrom(false, false, false, false, false, true),
    gaveUp: fc.boolean(),
    clientId: fc.nat(3),
  });
}

function inputOf(spec: StepSpec): KvInput {
  if (spec.kind === 'get') return { op: 'get', key: spec.key };
  if (spec.kind === 'put') return { op: 'put', key: spec.key, value: spec.value };
  return { op: 'cas', key: spec.key, expected: spec.expected, value: spec.value };
}

/** Applies the input to the register and returns what it returned (corrupted: a read of another value, a cas
 *  that says the opposite). */
function apply(register: Map<string, string>, input: KvInput, corrupt: boolean): KvOutput {
  const current = register.get(input.key) ?? null;
  if (input.op === 'get') return { kind: 'get', value: corrupt ? (current === '1' ? '2' : '1') : current };
  if (input.op === 'put') {
    register.set(input.key, input.value);
    return { kind: 'put' };
  }
  const ok = current === input.expected;
  if (ok) register.set(input.key, input.value);
  return { kind: 'cas', ok: corrupt ? !ok : ok };
}

/** The history of `specs`, in call order, on the keys' own time lines (each key's operations follow each other). */
export function nearlySequentialHistory(specs: readonly StepSpec[]): KvOperation[] {
  const register = new Map<string, string>();
  const lastReturn = new Map<string, number>();
  return specs.map((spec): KvOperation => {
    const callUs = Math.max(0, (lastReturn.get(spec.key) ?? 0) + spec.gapUs);
    const returnUs = callUs + spec.durationUs;
    lastReturn.set(spec.key, returnUs);
    const input = inputOf(spec);
    const base = { clientId: spec.clientId, callUs, input };
    switch (spec.fate) {
      case 'ok':
        return { ...base, status: 'ok', returnUs, output: apply(register, input, spec.corrupt) };
      case 'unknown-applied':
        apply(register, input, false);
        return { ...base, status: 'unknown', returnUs: spec.gaveUp ? returnUs : null, output: null };
      case 'unknown-dropped':
        return { ...base, status: 'unknown', returnUs: spec.gaveUp ? returnUs : null, output: null };
      case 'fail':
        return { ...base, status: 'fail', returnUs, output: null };
    }
  });
}
