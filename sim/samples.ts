/** A bounded sample of a long stream of values: beyond `limit` values it keeps every other one and halves its
 *  intake, so memory stays bounded while the sample stays spread over the whole run (a distribution's shape,
 *  and so its percentiles, survive). */
export class BoundedSamples {
  values: number[] = [];
  private stride = 1;
  private seen = 0;

  constructor(private readonly limit: number) {
    if (!(limit >= 2)) throw new Error(`BoundedSamples: limit must be >= 2, got ${limit}`);
  }

  add(value: number): void {
    this.seen++;
    if (this.seen % this.stride !== 0) return;
    this.values.push(value);
    if (this.values.length >= this.limit) {
      this.values = this.values.filter((_, k) => k % 2 === 0);
      this.stride *= 2;
    }
  }
}
