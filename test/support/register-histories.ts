// Histories that are linearizable by construction: random operations applied one at a time to a real
// key-value register, each at its own linearization point, then given random real-time overlap consistent
// with that order (each operation's [call, return] interval contains its point). Some outcomes are made
// unknown (applied or not: both are allowed) or failed (not applied). Points are 100 us apart and intervals
// reach up to 250 us either side, so an operation overlaps several neighbours.
import { fc } from '@fast-check/vitest';
import type { KvInput, KvOutput } from '../../linearizability/index.js';
import type { KvOperation } from './kv-history.js';

type Fate = 'ok' | 'unknown-applied' | 'unknown-dropped' | 'fail';

export interface OperationSpec {
  readonly key: string;
  readonly kind: 'get' | 'put' | 'cas';
  readonly value: string;
  readonly expected: string | null;
  readonly beforeUs: number;
  readonly afterUs: number;
  readonly fate: Fate;
  readonly clientId: number;
  readonly gaveUp: boolean;
}

export function operationSpec(keys: readonly string[], values: readonly string[]): fc.Arbitrary<OperationSpec> {
  return fc.record({
    key: fc.constantFrom(...keys),
    kind: fc.constantFrom('get', 'put', 'cas'),
    value: fc.constantFrom(...values),
    expected: fc.constantFrom(null, ...values),
    beforeUs: fc.nat(250),
    afterUs: fc.nat(250),
    fate: fc.constantFrom<Fate>('ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'unknown-applied', 'unknown-dropped', 'fail'),
    clientId: fc.nat(7),
    gaveUp: fc.boolean(),
  });
}

function inputOf(spec: OperationSpec): KvInput {
  switch (spec.kind) {
    case 'get':
      return { op: 'get', key: spec.key };
    case 'put':
      return { op: 'put', key: spec.key, value: spec.value };
    case 'cas':
      return { op: 'cas', key: spec.key, expected: spec.expected, value: spec.value };
  }
}

/** Applies the input to the register and returns what it returned. */
function apply(register: Map<string, string>, input: KvInput): KvOutput {
  const current = register.get(input.key) ?? null;
  switch (input.op) {
    case 'get':
      return { kind: 'get', value: current };
    case 'put':
      register.set(input.key, input.value);
      return { kind: 'put' };
    case 'cas': {
      const ok = current === input.expected;
      if (ok) register.set(input.key, input.value);
      return { kind: 'cas', ok };
    }
  }
}

/** Operation k is linearized at 100 * (k + 1) us, inside its [call, return]. */
export function sequentialHistory(specs: readonly OperationSpec[]): KvOperation[] {
  const register = new Map<string, string>();
  return specs.map((spec, k): KvOperation => {
    const pointUs = 100 * (k + 1);
    const callUs = pointUs - spec.beforeUs;
    const returnUs = pointUs + spec.afterUs;
    const input = inputOf(spec);
    const base = { clientId: spec.clientId, callUs, input };
    switch (spec.fate) {
      case 'ok':
        return { ...base, status: 'ok', returnUs, output: apply(register, input) };
      case 'unknown-applied':
        apply(register, input);
        return { ...base, status: 'unknown', returnUs: spec.gaveUp ? returnUs : null, output: null };
      case 'unknown-dropped':
        return { ...base, status: 'unknown', returnUs: spec.gaveUp ? returnUs : null, output: null };
      case 'fail':
        return { ...base, status: 'fail', returnUs, output: null };
    }
  });
}
