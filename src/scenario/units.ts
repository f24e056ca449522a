// Human units for scenario files and command-line flags: durations (150ms, 2s, 1.5s, 500us), ranges
// (150ms..300ms), probabilities (5% or 0.05), drift (50ppm), signed offsets (+80ms, -50ms), sizes (64KiB) and
// rates (200/s). Every parser is exact (decimal arithmetic on the digits, no floating-point rounding of
// microseconds) and every formatter writes a string its parser reads back to the same value, so a scenario can
// be written out (by `raftsim shrink`) and loaded again unchanged.
import type { Distribution } from '../../sim/random.js';

/** A value that could not be parsed: `expected` completes the sentence "found X, expected ...". */
export class UnitError extends Error {
  constructor(readonly expected: string) {
    super(`expected ${expected}`);
    this.name = 'UnitError';
  }
}

export const expectedText = {
  duration: 'a duration such as 150ms, 2s, 1.5s or 500us',
  signedDuration: 'a signed duration such as +80ms, -50ms or 0',
  range: 'a duration or a range such as 150ms..300ms',
  distribution:
    'a latency such as 5ms (constant), a range 1ms..5ms (uniform), or {fixed: 5ms}, {uniform: 1ms..5ms}, {normal: {mean, stddev}}, {lognormal: {median, sigma}}, {exponential: {mean}}, {tail: {base, jitter, chance, mean}}; fixed, uniform, normal and exponential take a floor beside the kind: {exponential: {mean: 3ms}, floor: 1ms}',
  probability: 'a probability such as 5% or 0.05 (between 0 and 1)',
  ppm: 'parts per million such as 50ppm or -20ppm (or a percentage such as 0.5%)',
  size: 'a size such as 64KiB, 1MiB, 4MB or a number of bytes',
  rate: 'a rate such as 200/s, 30/min or a number per second',
  count: 'a whole number >= 0',
  switch: 'true or false',
} as const;

const unitMicros: Record<string, number> = { us: 1, µs: 1, μs: 1, ms: 1_000, s: 1_000_000, m: 60_000_000, min: 60_000_000, h: 3_600_000_000 };

const decimalPattern = /^(\d+)(?:\.(\d+))?$|^\.(\d+)$/;

/** Exact value of a decimal string times an integer multiplier, or null when it is not a whole number. */
function scaleDecimal(text: string, multiplier: number): number | null {
  const match = decimalPattern.exec(text);
  if (match === null) return null;
  const whole = match[1] ?? '0';
  const fraction = (match[2] ?? match[3] ?? '').replace(/0+$/, '');
  const scale = 10n ** BigInt(fraction.length);
  const numerator = (BigInt(whole) * scale + BigInt(fraction === '' ? '0' : fraction)) * BigInt(multiplier);
  if (numerator % scale !== 0n) return null;
  const value = numerator / scale;
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) return null;
  return Number(value);
}

function asText(value: unknown): string | null {
  if (typeof value === 'string') return value.trim();
  return null;
}

/** A non-negative duration in whole microseconds. Bare 0 is accepted; other bare numbers need a unit. */
export function parseDuration(value: unknown): number {
  if (value === 0 || value === '0') return 0;
  const text = asText(value);
  if (text === null) throw new UnitError(expectedText.duration);
  const match = /^(\d+(?:\.\d+)?|\.\d+)\s*(us|µs|μs|ms|s|min|m|h)$/.exec(text);
  if (match === null) throw new UnitError(expectedText.duration);
  const us = scaleDecimal(match[1]!, unitMicros[match[2]!]!);
  if (us === null) throw new UnitError(`${expectedText.duration}, in whole microseconds`);
  return us;
}

/** A signed duration (+80ms, -50ms, 80ms, 0). */
export function parseSignedDuration(value: unknown): number {
  if (value === 0 || value === '0') return 0;
  const text = asText(value);
  if (text === null) throw new UnitError(expectedText.signedDuration);
  const sign = text.startsWith('-') ? -1 : 1;
  const body = text.startsWith('-') || text.startsWith('+') ? text.slice(1).trim() : text;
  try {
    const us = parseDuration(body);
    return us === 0 ? 0 : sign * us;
  } catch {
    throw new UnitError(expectedText.signedDuration);
  }
}

export interface DurationRange {
  readonly minUs: number;
  readonly maxUs: number;
}

/** "150ms..300ms" or a single duration (min == max). */
export function parseRange(value: unknown): DurationRange {
  const text = typeof value === 'number' ? String(value) : asText(value);
  if (text === null) throw new UnitError(expectedText.range);
  const parts = text.split('..');
  if (parts.length > 2) throw new UnitError(expectedText.range);
  try {
    const minUs = parseDuration(parts[0]!.trim());
    const maxUs = parts.length === 2 ? parseDuration(parts[1]!.trim()) : minUs;
    if (maxUs < minUs) throw new UnitError(`${expectedText.range} whose first bound is not above the second`);
    return { minUs, maxUs };
  } catch (error) {
    if (error instanceof UnitError && error.expected.includes('first bound')) throw error;
    throw new UnitError(expectedText.range);
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function exactKeys(value: Record<string, unknown>, keys: readonly string[], what: string): void {
  const actual = Object.keys(value);
  if (actual.length !== keys.length || !keys.every((key) => actual.includes(key))) throw new UnitError(`${what} with exactly the keys ${keys.join(', ')}`);
}

function finitePositive(value: unknown, what: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) throw new UnitError(what);
  return value;
}

/** A latency distribution: "5ms" constant, "1ms..5ms" uniform, or an object naming the kind. */
export function parseDistribution(value: unknown): Distribution {
  if (typeof value === 'string' || typeof value === 'number') {
    const range = (() => {
      try {
        return parseRange(value);
      } catch {
        throw new UnitError(expectedText.distribution);
      }
    })();
    return range.minUs === range.maxUs && !String(value).includes('..')
      ? { kind: 'constant', valueUs: range.minUs }
      : { kind: 'uniform', minUs: range.minUs, maxUs: range.maxUs };
  }
  if (!isRecord(value)) throw new UnitError(expectedText.distribution);
  const { floor, ...rest } = value;
  if (Object.keys(rest).length !== 1) throw new UnitError(expectedText.distribution);
  const [kind, body] = Object.entries(rest)[0]!;
  const dist = parseDistributionKind(kind, body);
  if (floor === undefined) return dist;
  if (dist.kind === 'lognormal' || dist.kind === 'tail') throw new UnitError(`a floor only on fixed, uniform, normal or exponential latencies (${dist.kind} has none: tail's base is its floor)`);
  return { ...dist, floorUs: parseDuration(floor) };
}

/** The body of `{kind: body}`: `fixed` is another name for `constant`. */
function parseDistributionKind(kind: string, body: unknown): Distribution {
  switch (kind) {
    case 'fixed':
    case 'constant':
      return { kind: 'constant', valueUs: parseDuration(body) };
    case 'uniform': {
      const range = parseRange(body);
      return { kind: 'uniform', minUs: range.minUs, maxUs: range.maxUs };
    }
    case 'normal': {
      if (!isRecord(body)) throw new UnitError('normal: {mean: 5ms, stddev: 1ms}');
      exactKeys(body, ['mean', 'stddev'], 'normal: a mapping');
      return { kind: 'normal', meanUs: parseDuration(body.mean), stddevUs: parseDuration(body.stddev) };
    }
    case 'lognormal': {
      if (!isRecord(body)) throw new UnitError('lognormal: {median: 2ms, sigma: 0.5}');
      exactKeys(body, ['median', 'sigma'], 'lognormal: a mapping');
      const medianUs = parseDuration(body.median);
      if (medianUs === 0) throw new UnitError('lognormal: a median above 0');
      const sigma = finitePositive(body.sigma, 'lognormal: a sigma between 0 and 10');
      if (sigma > 10) throw new UnitError('lognormal: a sigma between 0 and 10');
      return { kind: 'lognormal', medianUs, sigma };
    }
    case 'exponential': {
      if (isRecord(body)) {
        exactKeys(body, ['mean'], 'exponential: a mapping');
        return { kind: 'exponential', meanUs: parseDuration(body.mean) };
      }
      return { kind: 'exponential', meanUs: parseDuration(body) };
    }
    case 'tail': {
      if (!isRecord(body)) throw new UnitError('tail: {base: 1ms, jitter: 1ms, chance: 1%, mean: 50ms}');
      exactKeys(body, ['base', 'jitter', 'chance', 'mean'], 'tail: a mapping');
      return { kind: 'tail', baseUs: parseDuration(body.base), jitterUs: parseDuration(body.jitter), tailChance: parseProbability(body.chance), tailMeanUs: parseDuration(body.mean) };
    }
    default:
      throw new UnitError(expectedText.distribution);
  }
}

/** Exact decimal of "mantissa * 10^exponent" as the nearest double (what Number("1.1e-2") gives). */
function decimalNumber(text: string, exponentShift: number): number | null {
  const match = /^(\d+(?:\.\d+)?|\.\d+)$/.exec(text);
  if (match === null) return null;
  return Number(`${text}e${exponentShift}`);
}

/** "5%", "0.5%", 0.05 or "0.05": a probability in [0, 1]. */
export function parseProbability(value: unknown): number {
  let probability: number | null = null;
  if (typeof value === 'number') probability = value;
  else if (typeof value === 'string') {
    const text = value.trim();
    probability = text.endsWith('%') ? decimalNumber(text.slice(0, -1).trim(), -2) : decimalNumber(text, 0);
  }
  if (probability === null || !Number.isFinite(probability) || probability < 0 || probability > 1) throw new UnitError(expectedText.probability);
  return probability;
}

/** "50ppm", "-20ppm", "0.5%" or 0: whole parts per million. */
export function parsePpm(value: unknown): number {
  if (value === 0 || value === '0') return 0;
  const text = asText(value);
  if (text === null) throw new UnitError(expectedText.ppm);
  const sign = text.startsWith('-') ? -1 : 1;
  const body = text.startsWith('-') || text.startsWith('+') ? text.slice(1).trim() : text;
  let ppm: number | null = null;
  if (body.endsWith('ppm')) ppm = scaleDecimal(body.slice(0, -3).trim(), 1);
  else if (body.endsWith('%')) ppm = scaleDecimal(body.slice(0, -1).trim(), 10_000);
  if (ppm === null) throw new UnitError(expectedText.ppm);
  return ppm === 0 ? 0 : sign * ppm;
}

const sizeUnits: Record<string, number> = { B: 1, KB: 1_000, KiB: 1_024, MB: 1_000_000, MiB: 1_048_576, GB: 1_000_000_000, GiB: 1_073_741_824 };

/** "64KiB", "4MB", "512B" or a whole number of bytes. */
export function parseSize(value: unknown): number {
  if (typeof value === 'number') {
    if (Number.isSafeInteger(value) && value >= 0) return value;
    throw new UnitError(expectedText.size);
  }
  const text = asText(value);
  if (text === null) throw new UnitError(expectedText.size);
  const match = /^(\d+(?:\.\d+)?|\.\d+)\s*(B|KB|KiB|MB|MiB|GB|GiB)?$/.exec(text);
  if (match === null) throw new UnitError(expectedText.size);
  const bytes = scaleDecimal(match[1]!, sizeUnits[match[2] ?? 'B']!);
  if (bytes === null) throw new UnitError(`${expectedText.size}, in whole bytes`);
  return bytes;
}

/** A size per second ("200MiB/s" or "200MiB"). */
export function parseSizeRate(value: unknown): number {
  const text = typeof value === 'string' ? value.trim().replace(/\s*\/\s*s$/, '') : value;
  try {
    return parseSize(text);
  } catch {
    throw new UnitError('a throughput such as 200MiB/s');
  }
}

/** "200/s", "30/min" or a number: operations per second. */
export function parseRate(value: unknown): number {
  let rate: number | null = null;
  if (typeof value === 'number') rate = value;
  else if (typeof value === 'string') {
    const match = /^(\d+(?:\.\d+)?|\.\d+)\s*(?:\/\s*(s|min|m|h))?$/.exec(value.trim());
    if (match !== null) rate = Number(match[1]) / ({ s: 1, min: 60, m: 60, h: 3_600 }[match[2] ?? 's'] ?? 1);
  }
  if (rate === null || !Number.isFinite(rate) || rate < 0 || rate > 1_000_000) throw new UnitError(expectedText.rate);
  return rate;
}

export function parseCount(value: unknown, max = Number.MAX_SAFE_INTEGER): number {
  const number = typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value.trim()) : value;
  if (typeof number !== 'number' || !Number.isSafeInteger(number) || number < 0 || number > max) {
    throw new UnitError(max === Number.MAX_SAFE_INTEGER ? expectedText.count : `a whole number from 0 to ${max}`);
  }
  return number;
}

export function parseSwitch(value: unknown): boolean {
  if (value === true || value === false) return value;
  if (typeof value === 'string') {
    const text = value.trim().toLowerCase();
    if (['true', 'on', 'yes'].includes(text)) return true;
    if (['false', 'off', 'no'].includes(text)) return false;
  }
  throw new UnitError(expectedText.switch);
}

// ------------------------------------------------------------------------------------------------ formatting

/** Exact: formatDuration(parseDuration(x)) parses back to the same number. */
export function formatDuration(us: number): string {
  const abs = Math.abs(us);
  const sign = us < 0 ? '-' : '';
  if (abs === 0) return '0s';
  if (abs >= 1_000_000 && abs % 1_000 === 0) return `${sign}${abs / 1_000_000}s`;
  if (abs >= 1_000) return `${sign}${abs / 1_000}ms`;
  return `${sign}${abs}us`;
}

export function formatSignedDuration(us: number): string {
  return us > 0 ? `+${formatDuration(us)}` : formatDuration(us);
}

export function formatRange(range: DurationRange): string {
  return range.minUs === range.maxUs ? formatDuration(range.minUs) : `${formatDuration(range.minUs)}..${formatDuration(range.maxUs)}`;
}

/** A distribution in the scenario-file form (a string when it has one, else the object form). */
export function formatDistribution(dist: Distribution): string | Record<string, unknown> {
  const floorUs = 'floorUs' in dist ? dist.floorUs : undefined;
  if (floorUs === undefined) return formatUnfloored(dist);
  const body = formatUnfloored(dist);
  // A bare duration or range cannot carry a floor: write the kind out.
  const withKind = typeof body !== 'string' ? body : dist.kind === 'constant' ? { fixed: body } : { uniform: body };
  return { ...withKind, floor: formatDuration(floorUs) };
}

function formatUnfloored(dist: Distribution): string | Record<string, unknown> {
  switch (dist.kind) {
    case 'constant':
      return Number.isSafeInteger(dist.valueUs) ? formatDuration(dist.valueUs) : { constant: formatDuration(Math.round(dist.valueUs)) };
    case 'uniform':
      return `${formatDuration(dist.minUs)}..${formatDuration(dist.maxUs)}`;
    case 'normal':
      return { normal: { mean: formatDuration(Math.round(dist.meanUs)), stddev: formatDuration(Math.round(dist.stddevUs)) } };
    case 'lognormal':
      return { lognormal: { median: formatDuration(Math.round(dist.medianUs)), sigma: dist.sigma } };
    case 'exponential':
      return { exponential: { mean: formatDuration(Math.round(dist.meanUs)) } };
    case 'tail':
      return { tail: { base: formatDuration(dist.baseUs), jitter: formatDuration(dist.jitterUs), chance: formatProbability(dist.tailChance), mean: formatDuration(Math.round(dist.tailMeanUs)) } };
    default:
      return String((dist as { kind: unknown }).kind);
  }
}

/** A one-line description of a distribution for summaries. */
export function describeLatency(dist: Distribution): string {
  const formatted = formatDistribution(dist);
  return typeof formatted === 'string' ? formatted : JSON.stringify(formatted).replace(/"/g, '');
}

export function formatProbability(probability: number): string {
  if (probability === 0) return '0%';
  const percent = Number((probability * 100).toPrecision(12));
  const text = `${percent}%`;
  return parseProbability(text) === probability ? text : String(probability);
}

export function formatPpm(ppm: number): string {
  return `${ppm}ppm`;
}

export function formatSize(bytes: number): string {
  for (const [unit, factor] of [['GiB', 1_073_741_824], ['MiB', 1_048_576], ['KiB', 1_024]] as const) {
    if (bytes >= factor && bytes % factor === 0) return `${bytes / factor}${unit}`;
  }
  return `${bytes}B`;
}

export function formatRate(perSecond: number): string {
  return `${perSecond}/s`;
}
