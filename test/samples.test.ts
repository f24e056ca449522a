// BoundedSamples keeps its values in typed arrays (Int32Array, switching to Float64Array at the first value that
// is not an int32) and thins them in place. It must keep exactly what the plain-array version kept: beyond
// `limit` values, every other one, with the intake halved.
import { describe, expect } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { BoundedSamples } from '../sim/samples.js';

/** The plain-array version the typed one replaced, as the reference. */
function reference(values: readonly number[], limit: number): number[] {
  let kept: number[] = [];
  let stride = 1;
  let seen = 0;
  for (const value of values) {
    seen++;
    if (seen % stride !== 0) continue;
    kept.push(value);
    if (kept.length >= limit) {
      kept = kept.filter((_, k) => k % 2 === 0);
      stride *= 2;
    }
  }
  return kept;
}

const value = fc.oneof(
  fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }),
  fc.constantFrom(-0, 0.5, 2 ** 31, -(2 ** 31) - 1, 1e15, Number.MAX_SAFE_INTEGER),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

describe('BoundedSamples', () => {
  test.prop([fc.array(value, { maxLength: 3000 }), fc.integer({ min: 2, max: 700 })])(
    'keeps exactly the values the plain-array version kept, -0 and non-integers included',
    (values, limit) => {
      const samples = new BoundedSamples(limit);
      for (const v of values) samples.add(v);
      const kept = Array.from(samples.view);
      const expected = reference(values, limit);
      expect(kept).toEqual(expected); // toEqual tells -0 from 0
      expect(kept.length).toBeLessThan(limit);
    },
  );

  test.prop([fc.integer({ min: 300, max: 998 })])('integers stay in an Int32Array; a non-integer switches to doubles', (count) => {
    // Fewer values than the limit: no thinning yet, so every value is taken in.
    const samples = new BoundedSamples(1000);
    for (let k = 0; k < count; k++) samples.add(k * 1000);
    expect(samples.view).toBeInstanceOf(Int32Array);
    samples.add(0.25);
    expect(samples.view).toBeInstanceOf(Float64Array);
    expect(Array.from(samples.view)).toEqual([...Array.from({ length: count }, (_, k) => k * 1000), 0.25]);
  });
});
