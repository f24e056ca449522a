// One item of a scenario's `faults:` list: exactly one timing (at, every, after or between, with their own
// keys), exactly one fault (a key from the fault catalogue, faults/), and optionally `for` (how long until the
// fault is undone, or how long a pause lasts) and a `note`.
import * as z from 'zod';
import { protocolEventKinds, type ClusterEventKind } from '../../sim/cluster/cluster.js';
import { faultKeys, faultParser, lastingFaultKeys, lastingKind, ownDuration } from './faults/index.js';
import { ItemReader } from './faults/reader.js';
import { parsePositiveDuration, unknownKeyExpected } from './schema-values.js';
import type { FaultItemSpec, FaultSpec, When } from './spec.js';
import { UnitError, parseCount, parseDuration, parseRange } from './units.js';

const clusterEvents: readonly ClusterEventKind[] = ['leader-elected', 'leader-lost', 'crash', 'restart', 'fault', 'snapshot', ...protocolEventKinds];
const timingKeys = ['at', 'every', 'after', 'between'] as const;
type TimingKey = (typeof timingKeys)[number];
/** Keys that belong to some timings only. */
const extraKeys: Record<string, readonly TimingKey[]> = { from: ['every', 'after'], until: ['every', 'after'], delay: ['after'], times: ['after'] };
export const faultItemKeys = [...timingKeys, 'from', 'until', 'delay', 'times', 'for', 'note', ...faultKeys];

const faultItemText = `a fault item: one timing (at, every, after or between) and one fault (${faultKeys.join(', ')})`;

/** "a, b or c". */
function orList(words: readonly string[]): string {
  return words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}

/** Unknown keys, and how many timings and faults the item has; the timing key and the fault key when one each. */
function checkItemKeys(item: Record<string, unknown>, value: unknown, reader: ItemReader): { timing: TimingKey; fault: string } | undefined {
  for (const key of Object.keys(item)) {
    if (!faultItemKeys.includes(key)) reader.fail([key], item[key], `${unknownKeyExpected(key, faultItemKeys)} (${faultItemText})`, `an unknown key "${key}"`);
  }
  const timings = timingKeys.filter((key) => item[key] !== undefined);
  const faults = faultKeys.filter((key) => Object.hasOwn(item, key));
  if (timings.length !== 1) reader.fail([], value, timings.length === 0 ? 'a timing: at: 2s, every: 5s, after: leader-elected or between: [10s, 20s]' : `one timing, not ${timings.join(' and ')}`);
  if (faults.length !== 1) reader.fail([], value, faults.length === 0 ? `a fault: one of ${faultKeys.join(', ')}` : `one fault per item, not ${faults.join(' and ')}`);
  for (const [key, owners] of Object.entries(extraKeys)) {
    if (item[key] !== undefined && !owners.includes(timings[0]!)) reader.fail([key], item[key], `${key} only together with ${owners.map((owner) => `${owner}:`).join(' or ')}`);
  }
  if (item.note !== undefined && typeof item.note !== 'string') reader.fail(['note'], item.note, 'a note (a string)');
  return reader.failed ? undefined : { timing: timings[0]!, fault: faults[0]! };
}

function parseEvery(item: Record<string, unknown>, reader: ItemReader): When | undefined {
  const everyUs = reader.read(item.every, ['every'], parsePositiveDuration);
  const fromUs = reader.optional(item.from, ['from'], parseDuration);
  const untilUs = reader.optional(item.until, ['until'], parseDuration);
  if (fromUs !== undefined && untilUs !== undefined && untilUs <= fromUs) reader.fail(['until'], item.until, `a time after from (${String(item.from)})`);
  if (everyUs === undefined || reader.failed) return undefined;
  return { kind: 'every', everyUs, ...(fromUs !== undefined ? { fromUs } : {}), ...(untilUs !== undefined ? { untilUs } : {}) };
}

function parseAfter(item: Record<string, unknown>, reader: ItemReader): When | undefined {
  const event = reader.read(item.after, ['after'], (v) => {
    if (!clusterEvents.includes(v as ClusterEventKind)) throw new UnitError(`a cluster event: ${clusterEvents.join(', ')}`);
    return v as ClusterEventKind;
  });
  // A delay, or a range it is drawn from at each firing (`delay: 0..75ms`).
  const delay = item.delay === undefined ? { minUs: 0, maxUs: 0 } : reader.read(item.delay, ['delay'], parseRange);
  const times = item.times === undefined ? 1 : reader.read(item.times, ['times'], (v) => {
    const n = parseCount(v, 1_000_000);
    if (n === 0) throw new UnitError('a number of times >= 1');
    return n;
  });
  const fromUs = reader.optional(item.from, ['from'], parseDuration);
  const untilUs = reader.optional(item.until, ['until'], parseDuration);
  if (fromUs !== undefined && untilUs !== undefined && untilUs <= fromUs) reader.fail(['until'], item.until, `a time after from (${String(item.from)})`);
  if (event === undefined || delay === undefined || times === undefined || reader.failed) return undefined;
  return {
    kind: 'after',
    event,
    delayUs: delay.minUs,
    times,
    ...(delay.maxUs > delay.minUs ? { delayMaxUs: delay.maxUs } : {}),
    ...(fromUs !== undefined ? { fromUs } : {}),
    ...(untilUs !== undefined ? { untilUs } : {}),
  };
}

function parseBetween(value: unknown): { minUs: number; maxUs: number } {
  if (Array.isArray(value) && value.length === 2) {
    const fromUs = parseDuration(value[0]);
    const toUs = parseDuration(value[1]);
    if (toUs < fromUs) throw new UnitError('[earliest, latest] with earliest <= latest, such as [10s, 20s]');
    return { minUs: fromUs, maxUs: toUs };
  }
  if (typeof value === 'string' && value.includes('..')) return parseRange(value);
  throw new UnitError('two times [earliest, latest] such as [10s, 20s]');
}

function parseWhen(timing: TimingKey, item: Record<string, unknown>, reader: ItemReader): When | undefined {
  switch (timing) {
    case 'at': {
      const atUs = reader.read(item.at, ['at'], parseDuration);
      return atUs === undefined ? undefined : { kind: 'at', atUs };
    }
    case 'every':
      return parseEvery(item, reader);
    case 'after':
      return parseAfter(item, reader);
    case 'between': {
      const bounds = reader.read(item.between, ['between'], parseBetween);
      return bounds === undefined ? undefined : { kind: 'between', fromUs: bounds.minUs, toUs: bounds.maxUs };
    }
    default: {
      const unreachable: never = timing;
      throw new Error(`unknown timing ${String(unreachable)}`);
    }
  }
}

/** Whether `for:` (or its absence) suits the fault: a fault without undo takes none, a pause exactly one length. */
function checkFor(item: Record<string, unknown>, key: string, fault: FaultSpec, forUs: number | undefined, reader: ItemReader): boolean {
  const own = ownDuration(fault);
  if (forUs !== undefined) {
    if (lastingKind(fault) === 'instant') {
      reader.fail(['for'], item.for, `no "for" on ${key} (it has no undo); "for" goes with ${orList(lastingFaultKeys)}`);
      return false;
    }
    if (own !== null && own.durationUs !== undefined) {
      reader.fail(['for'], item.for, own.both);
      return false;
    }
  }
  if (own !== null && own.durationUs === undefined && forUs === undefined) {
    reader.fail([key], item[key], own.neither);
    return false;
  }
  return true;
}

export const faultItemSchema = z.unknown().transform((value, ctx): FaultItemSpec => {
  const reader = new ItemReader(ctx);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    reader.fail([], value, `${faultItemText}, e.g. {at: 2s, crash: leader}`);
    return z.NEVER;
  }
  const item = value as Record<string, unknown>;
  const keys = checkItemKeys(item, value, reader);
  if (keys === undefined) return z.NEVER;
  const when = parseWhen(keys.timing, item, reader);
  const fault = faultParser(keys.fault)!(item[keys.fault], reader, [keys.fault]);
  const forUs = reader.optional(item.for, ['for'], parsePositiveDuration);
  // Every way of failing above reports its own problem; this is a safety net so nothing fails silently.
  if (!reader.failed && (when === undefined || fault === undefined)) reader.fail([], value, `${faultItemText}, e.g. {at: 2s, crash: leader}`);
  if (when === undefined || fault === undefined || reader.failed) return z.NEVER;
  if (!checkFor(item, keys.fault, fault, forUs, reader)) return z.NEVER;
  if (forUs !== undefined && when.kind === 'after' && when.delayMaxUs !== undefined) {
    reader.fail(['for'], item.for, 'no "for" with a drawn delay (delay: a..b); give the undo an item of its own');
    return z.NEVER;
  }
  return { when, fault, ...(forUs !== undefined ? { forUs } : {}) };
});
