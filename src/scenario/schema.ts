// The scenario file schema (zod). Unknown keys are errors (a typo must not silently fall back to a default);
// every value in human units is parsed exactly here, and every failure is reported as an issue whose path
// names the place in the file and whose `expected` completes "found X, expected ...".
import * as z from 'zod';
import { safeKnobs, type UnsafeKnobs } from '../../raft/config.js';
import type { ClusterEventKind } from '../../sim/cluster/cluster.js';
import { allChaosKinds, type ChaosKind } from '../../sim/nemesis.js';
import { suggest } from './errors.js';
import { parseExpectation } from './expectations.js';
import type { ChaosSpec, FaultItemSpec, FaultSpec, ScenarioSpec, TargetList, When } from './spec.js';
import {
  UnitError,
  expectedText,
  parseCount,
  parseDistribution,
  parseDuration,
  parsePpm,
  parseProbability,
  parseRange,
  parseRate,
  parseSignedDuration,
  parseSize,
  parseSizeRate,
} from './units.js';

type Ctx = z.core.$RefinementCtx<unknown>;

function addIssue(ctx: Ctx, path: readonly PropertyKey[], input: unknown, expected: string, found?: string): void {
  ctx.addIssue({ code: 'custom', message: `expected ${expected}`, path: [...path] as (string | number)[], input, params: { expected, ...(found !== undefined ? { found } : {}) } });
}

function unknownKeyExpected(key: string, allowed: readonly string[]): string {
  const hint = suggest(key, allowed);
  return `${hint !== null ? `"${hint}" (did you mean it?), or ` : ''}one of the keys ${allowed.join(', ')}`;
}

/** A value parsed by one of the unit parsers; undefined stays undefined (the key is optional). */
function unit<T>(parse: (value: unknown) => T) {
  return required(parse).optional();
}

/** A value parsed by one of the unit parsers, as a schema that may also stand for a required key. */
function required<T>(parse: (value: unknown) => T) {
  return z.unknown().transform((value, ctx): T | undefined => {
    if (value === undefined) return undefined;
    try {
      return parse(value);
    } catch (error) {
      if (!(error instanceof UnitError)) throw error;
      addIssue(ctx, [], value, error.expected);
      return z.NEVER;
    }
  });
}

/** Like unit(), but null, false and "off" mean "switched off" (null). */
function unitOrOff<T>(parse: (value: unknown) => T, expected: string) {
  return z.unknown().transform((value, ctx): T | null | undefined => {
    if (value === undefined) return undefined;
    if (value === null || value === false || value === 'off') return null;
    try {
      return parse(value);
    } catch (error) {
      if (!(error instanceof UnitError)) throw error;
      addIssue(ctx, [], value, `${expected}, or off`);
      return z.NEVER;
    }
  }).optional();
}

const duration = unit(parseDuration);
const positiveDuration = unit((value) => {
  const us = parseDuration(value);
  if (us === 0) throw new UnitError(`${expectedText.duration}, above 0`);
  return us;
});
const signedDuration = unit(parseSignedDuration);
const range = unit(parseRange);
const distribution = unit(parseDistribution);
const probability = unit(parseProbability);
const ppm = unit(parsePpm);
const size = unit(parseSize);
const positiveSize = unit((value) => {
  const bytes = parseSize(value);
  if (bytes === 0) throw new UnitError(`${expectedText.size}, above 0`);
  return bytes;
});
const count = unit((value) => parseCount(value));
const positiveCount = unit((value) => {
  const n = parseCount(value);
  if (n === 0) throw new UnitError('a whole number >= 1');
  return n;
});
const switchValue = unit((value) => {
  if (typeof value !== 'boolean') throw new UnitError(expectedText.switch);
  return value;
});

/** One switch per broken variant of raft/ (raft/bugs.ts is the catalogue), so a new one needs no edit here. */
const raftUnsafeSwitches = Object.fromEntries(Object.keys(safeKnobs).map((name) => [name, switchValue])) as { [K in keyof UnsafeKnobs]: typeof switchValue };

const reserved = new Set(['leader', 'follower', 'random', 'last-crashed', 'all']);
const nodeIdPattern = /^[A-Za-z][\w-]{0,31}$/;

function parseNodeId(value: unknown): string {
  if (typeof value !== 'string' || !nodeIdPattern.test(value) || reserved.has(value)) {
    throw new UnitError('a node id such as n1 (a letter, then letters, digits, - or _; not leader, follower, random, last-crashed or all)');
  }
  return value;
}

function parseTarget(value: unknown): string {
  if (value === 'leader' || value === 'follower' || value === 'random' || value === 'last-crashed') return value;
  try {
    return parseNodeId(value);
  } catch {
    throw new UnitError('a node: leader, follower, random, last-crashed or a node id such as n2');
  }
}


const clusterSchema = z.strictObject({
  nodes: unit((value): number | string[] => {
    if (typeof value === 'number') {
      if (!Number.isSafeInteger(value) || value < 1 || value > 51) throw new UnitError('a node count from 1 to 51, or a list of node ids');
      return value;
    }
    if (Array.isArray(value) && value.length >= 1 && value.length <= 51) {
      const ids = Array.from(value, (id) => parseNodeId(id));
      if (new Set(ids).size !== ids.length) throw new UnitError('a list of distinct node ids');
      return ids;
    }
    throw new UnitError('a node count from 1 to 51, or a list of node ids such as [n1, n2, n3]');
  }),
  datacenters: unit((value): Record<string, string[]> => {
    const example = 'a mapping of datacenter to nodes such as {east: [n1, n2], west: [n3, n4, n5]}';
    if (typeof value !== 'object' || value === null || Array.isArray(value) || Object.keys(value).length === 0) throw new UnitError(example);
    const placement: Record<string, string[]> = {};
    for (const [dc, nodes] of Object.entries(value)) {
      if (!/^[A-Za-z][\w-]*$/.test(dc)) throw new UnitError(`${example} (datacenter names are words, found "${dc}")`);
      if (!Array.isArray(nodes) || nodes.length === 0) throw new UnitError(`${example} (${dc} needs a list of node ids)`);
      placement[dc] = Array.from(nodes, (id) => parseNodeId(id));
    }
    return placement;
  }),
  latency: z
    .strictObject({
      intra: distribution,
      inter: z.record(z.string(), distribution).optional(),
    })
    .optional(),
  skew: duration,
  clocks: z.record(z.string(), z.strictObject({ offset: signedDuration, drift: ppm })).optional(),
});

const raftSchema = z.strictObject({
  electionTimeout: range,
  heartbeat: positiveDuration,
  preVote: switchValue,
  checkQuorum: switchValue,
  leaderStickiness: switchValue,
  fastBackoff: switchValue,
  flowControl: z
    .strictObject({ maxEntriesPerMessage: positiveSize, maxInflightMessages: positiveCount, maxInflightBytes: positiveSize, maxUncommittedBytes: positiveSize })
    .optional(),
  maxPendingReads: positiveCount,
  leaseReads: switchValue,
  leaseDriftBound: unit((value) => {
    const bound = parsePpm(value);
    if (bound < 0 || bound >= 1_000_000) throw new UnitError('a drift bound from 0ppm to 999999ppm (or a percentage below 100%)');
    return bound;
  }),
  snapshotChunk: positiveSize,
  unsafe: z.strictObject({ ...raftUnsafeSwitches, forgetVoteOnRestart: switchValue }).optional(),
});

const compactionSchema = z.strictObject({
  snapshotCount: unitOrOff((value) => {
    const n = parseCount(value);
    if (n === 0) throw new UnitError('a number of entries >= 1');
    return n;
  }, 'a number of applied entries between snapshots'),
  snapshotInterval: unitOrOff((value) => {
    const us = parseDuration(value);
    if (us === 0) throw new UnitError('a duration above 0');
    return us;
  }, expectedText.duration),
  catchUpEntries: count,
  applyCost: duration,
  snapshotBytesPerSecond: unit((value) => {
    const rate = parseSizeRate(value);
    if (rate === 0) throw new UnitError('a throughput above 0, such as 200MiB/s');
    return rate;
  }),
  mistakes: z.strictObject({ triggerOnApplyLag: switchValue, applyLagTolerance: count, noSnapshotFallback: switchValue }).optional(),
});

const metricsSchema = z.strictObject({ sampleInterval: positiveDuration, stallBound: positiveDuration, stallEntries: count });

const networkSchema = z.strictObject({
  latency: distribution,
  drop: probability,
  duplicate: probability,
  reorder: probability,
  reorderDelay: distribution,
  maxMessageBytes: positiveSize,
  clientLatency: distribution,
});

const diskSchema = z.strictObject({ appendLatency: distribution, fsyncLatency: distribution, tearOnCrash: switchValue });

const workloadSchema = z.strictObject({
  clients: unit((value) => parseCount(value, 10_000)),
  rate: unit(parseRate),
  keys: positiveCount,
  mix: z
    .strictObject({ put: count, get: count, cas: count })
    .refine((mix) => (mix.put ?? 0) + (mix.get ?? 0) + (mix.cas ?? 0) > 0, { message: 'expected weights that add up to more than 0', params: { expected: 'weights that add up to more than 0, such as {put: 6, get: 3, cas: 1}' } })
    .optional(),
  valueBytes: unit((value) => parseSize(value)),
  timeout: positiveDuration,
  backoff: range,
  maxAttempts: positiveCount,
});

const chaosKindText = `a list of fault kinds from: ${allChaosKinds.join(', ')} (or all)`;

const chaosObjectSchema = z.strictObject({
  kinds: unit((value): ChaosKind[] => {
    if (value === 'all') return [...allChaosKinds];
    if (!Array.isArray(value) || value.length === 0) throw new UnitError(chaosKindText);
    for (const kind of value) if (!allChaosKinds.includes(kind as ChaosKind)) throw new UnitError(chaosKindText);
    if (new Set(value).size !== value.length) throw new UnitError(`${chaosKindText}, each once`);
    return value as ChaosKind[];
  }),
  meanGap: positiveDuration,
  maxFaultDuration: positiveDuration,
  maxClockOffset: duration,
  maxDrift: unit((value) => {
    const drift = parsePpm(value);
    if (drift < 0 || drift > 100_000) throw new UnitError('a drift from 0ppm to 100000ppm');
    return drift;
  }),
  maxClockStep: duration,
});

/** Forwards the issues of a nested parse, so their paths stay relative to the current value. */
function forward(ctx: Ctx, issues: readonly z.core.$ZodIssue[]): void {
  for (const issue of issues) ctx.addIssue({ ...(issue as unknown as Record<string, unknown>), path: [...issue.path] } as never);
}

/** chaos: off | false | null (none), on | true (the defaults), or a mapping of settings. */
const chaosSchema = z.unknown().transform((value, ctx): ChaosSpec | null | undefined => {
  if (value === undefined) return undefined;
  if (value === null || value === false || value === 'off') return null;
  if (value === true || value === 'on') return {};
  if (typeof value !== 'object' || Array.isArray(value)) {
    addIssue(ctx, [], value, 'off, on, or a mapping such as {kinds: [crash, partition], meanGap: 1s, maxFaultDuration: 3s}');
    return z.NEVER;
  }
  const parsed = chaosObjectSchema.safeParse(value, { reportInput: true });
  if (!parsed.success) {
    forward(ctx, parsed.error.issues);
    return z.NEVER;
  }
  return parsed.data as ChaosSpec;
}).optional();

// ------------------------------------------------------------------------------------------------ faults

const clusterEvents: readonly ClusterEventKind[] = ['leader-elected', 'leader-lost', 'crash', 'restart', 'fault', 'snapshot'];
const timingKeys = ['at', 'every', 'after', 'between'] as const;
const faultKeys = [
  'crash',
  'restart',
  'restart-all',
  'pause',
  'partition',
  'isolate',
  'cut-one-way',
  'bridge',
  'heal',
  'clock',
  'link',
  'reset-links',
  'clog',
  'unclog',
  'slow',
  'transfer-leadership',
] as const;
const extraKeys: Record<string, string> = { from: 'every', until: 'every', delay: 'after', times: 'after' };
export const faultItemKeys = [...timingKeys, 'from', 'until', 'delay', 'times', 'for', 'note', ...faultKeys];

/** Reads one fault-item field with a parser, reporting problems at `path`; undefined when it failed. */
class ItemReader {
  failed = false;
  constructor(private readonly ctx: Ctx) {}

  read<T>(value: unknown, path: readonly PropertyKey[], parse: (value: unknown) => T): T | undefined {
    try {
      return parse(value);
    } catch (error) {
      if (!(error instanceof UnitError)) throw error;
      this.fail(path, value, error.expected);
      return undefined;
    }
  }

  fail(path: readonly PropertyKey[], input: unknown, expected: string, found?: string): void {
    this.failed = true;
    addIssue(this.ctx, path, input, expected, found);
  }

  /** The value must be a mapping with exactly these keys (required ones present). */
  mapping(value: unknown, path: readonly PropertyKey[], required: readonly string[], optional: readonly string[], example: string): Record<string, unknown> | undefined {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      this.fail(path, value, `a mapping such as ${example}`);
      return undefined;
    }
    const record = value as Record<string, unknown>;
    let ok = true;
    for (const key of Object.keys(record)) {
      if (!required.includes(key) && !optional.includes(key)) {
        this.fail([...path, key], record[key], unknownKeyExpected(key, [...required, ...optional]), `an unknown key "${key}"`);
        ok = false;
      }
    }
    for (const key of required) {
      if (record[key] === undefined) {
        this.fail([...path, key], undefined, `a value for ${key} (as in ${example})`);
        ok = false;
      }
    }
    return ok ? record : undefined;
  }
}

function parseTargetList(value: unknown, allowAll: boolean): TargetList {
  if (allowAll && (value === 'all' || value === 'others')) return 'all';
  if (typeof value === 'string') return [parseTarget(value)];
  if (Array.isArray(value) && value.length > 0) return Array.from(value, (item) => parseTarget(item));
  throw new UnitError(`a node or a list of nodes${allowAll ? ', or all' : ''}`);
}

function parseNoArgument(value: unknown): true {
  if (value === null || value === true || (typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length === 0)) return true;
  throw new UnitError('nothing (write the key alone, e.g. "heal:"), or true');
}

function parseFault(kind: (typeof faultKeys)[number], value: unknown, reader: ItemReader): FaultSpec | undefined {
  const path = [kind];
  switch (kind) {
    case 'crash':
    case 'restart':
    case 'isolate': {
      const node = reader.read(value, path, parseTarget);
      return node === undefined ? undefined : { kind, node };
    }
    case 'transfer-leadership': {
      const to = reader.read(value, path, parseTarget);
      return to === undefined ? undefined : { kind, to };
    }
    case 'restart-all':
    case 'heal':
    case 'reset-links':
      return reader.read(value, path, parseNoArgument) === undefined ? undefined : { kind };
    case 'pause': {
      if (typeof value === 'string') {
        const node = reader.read(value, path, parseTarget);
        return node === undefined ? undefined : { kind, node };
      }
      const body = reader.mapping(value, path, ['node'], ['for'], '{node: leader, for: 2s}');
      if (body === undefined) return undefined;
      const node = reader.read(body.node, [...path, 'node'], parseTarget);
      const durationUs = body.for === undefined ? undefined : reader.read(body.for, [...path, 'for'], parseDuration);
      return node === undefined || (body.for !== undefined && durationUs === undefined) ? undefined : { kind, node, ...(durationUs !== undefined ? { durationUs } : {}) };
    }
    case 'slow': {
      const body = reader.mapping(value, path, ['node', 'delay'], [], '{node: n2, delay: 20ms}');
      if (body === undefined) return undefined;
      const node = reader.read(body.node, [...path, 'node'], parseTarget);
      const delayUs = reader.read(body.delay, [...path, 'delay'], parseDuration);
      return node === undefined || delayUs === undefined ? undefined : { kind, node, delayUs };
    }
    case 'partition': {
      if (!Array.isArray(value) || value.length === 0) {
        reader.fail(path, value, 'a list of groups such as [[n1, n2], [n3, n4, n5]]');
        return undefined;
      }
      const groups: string[][] = [];
      for (let g = 0; g < value.length; g++) {
        const group: unknown = value[g];
        if (!Array.isArray(group) || group.length === 0) {
          reader.fail([...path, g], group, 'a group: a list of node ids such as [n1, n2]');
          continue;
        }
        const ids: (string | undefined)[] = [];
        for (let k = 0; k < group.length; k++) ids.push(reader.read(group[k], [...path, g, k], parseNodeId));
        if (ids.every((id): id is string => id !== undefined)) groups.push(ids);
      }
      return groups.length === value.length ? { kind, groups } : undefined;
    }
    case 'cut-one-way': {
      const body = reader.mapping(value, path, ['from'], ['to'], '{from: leader, to: all}');
      if (body === undefined) return undefined;
      const from = reader.read(body.from, [...path, 'from'], (v) => parseTargetList(v, true));
      const to = body.to === undefined ? 'all' : reader.read(body.to, [...path, 'to'], (v) => parseTargetList(v, true));
      return from === undefined || to === undefined ? undefined : { kind, from, to };
    }
    case 'bridge': {
      const body = reader.mapping(value, path, ['sideA', 'sideB', 'bridge'], [], '{sideA: [n1, n2], sideB: [n4, n5], bridge: n3}');
      if (body === undefined) return undefined;
      const list = (v: unknown): string[] => {
        if (!Array.isArray(v) || v.length === 0) throw new UnitError('a list of node ids such as [n1, n2]');
        return Array.from(v, (id) => parseNodeId(id));
      };
      const sideA = reader.read(body.sideA, [...path, 'sideA'], list);
      const sideB = reader.read(body.sideB, [...path, 'sideB'], list);
      const bridge = reader.read(body.bridge, [...path, 'bridge'], parseNodeId);
      return sideA === undefined || sideB === undefined || bridge === undefined ? undefined : { kind, sideA, sideB, bridge };
    }
    case 'clock': {
      const body = reader.mapping(value, path, ['node'], ['offset', 'drift', 'step'], '{node: n2, offset: +80ms}');
      if (body === undefined) return undefined;
      const node = reader.read(body.node, [...path, 'node'], parseTarget);
      const changes = (['offset', 'drift', 'step'] as const).filter((key) => body[key] !== undefined);
      if (changes.length !== 1) {
        reader.fail(path, value, 'exactly one of offset (+80ms), drift (50ppm) or step (-200ms)');
        return undefined;
      }
      const change = changes[0]!;
      if (node === undefined) return undefined;
      if (change === 'offset') {
        const offsetUs = reader.read(body.offset, [...path, 'offset'], parseSignedDuration);
        return offsetUs === undefined ? undefined : { kind: 'clock-offset', node, offsetUs };
      }
      if (change === 'drift') {
        const driftPpm = reader.read(body.drift, [...path, 'drift'], (v) => {
          const drift = parsePpm(v);
          if (Math.abs(drift) > 100_000) throw new UnitError('a drift from -100000ppm to +100000ppm');
          return drift;
        });
        return driftPpm === undefined ? undefined : { kind: 'clock-drift', node, driftPpm };
      }
      const deltaUs = reader.read(body.step, [...path, 'step'], parseSignedDuration);
      return deltaUs === undefined ? undefined : { kind: 'clock-step', node, deltaUs };
    }
    case 'link': {
      const body = reader.mapping(value, path, ['from', 'to'], ['drop', 'latency', 'duplicate', 'reorder', 'bothWays'], '{from: n1, to: n2, drop: 30%, latency: 20ms..80ms}');
      if (body === undefined) return undefined;
      const from = reader.read(body.from, [...path, 'from'], parseTarget);
      const to = reader.read(body.to, [...path, 'to'], parseTarget);
      if (body.drop === undefined && body.latency === undefined && body.duplicate === undefined && body.reorder === undefined) {
        reader.fail(path, value, 'at least one of drop, latency, duplicate or reorder');
        return undefined;
      }
      const drop = body.drop === undefined ? undefined : reader.read(body.drop, [...path, 'drop'], parseProbability);
      const duplicate = body.duplicate === undefined ? undefined : reader.read(body.duplicate, [...path, 'duplicate'], parseProbability);
      const reorder = body.reorder === undefined ? undefined : reader.read(body.reorder, [...path, 'reorder'], parseProbability);
      const latency = body.latency === undefined ? undefined : reader.read(body.latency, [...path, 'latency'], parseDistribution);
      const bothWays =
        body.bothWays === undefined
          ? false
          : reader.read(body.bothWays, [...path, 'bothWays'], (v) => {
              if (typeof v !== 'boolean') throw new UnitError(expectedText.switch);
              return v;
            });
      if (from === undefined || to === undefined || bothWays === undefined || reader.failed) return undefined;
      return {
        kind,
        from,
        to,
        bothWays,
        ...(drop !== undefined ? { drop } : {}),
        ...(duplicate !== undefined ? { duplicate } : {}),
        ...(reorder !== undefined ? { reorder } : {}),
        ...(latency !== undefined ? { latency } : {}),
      };
    }
    case 'clog':
    case 'unclog': {
      const body = reader.mapping(value, path, ['from', 'to'], [], '{from: n1, to: n2}');
      if (body === undefined) return undefined;
      const from = reader.read(body.from, [...path, 'from'], parseTarget);
      const to = reader.read(body.to, [...path, 'to'], parseTarget);
      return from === undefined || to === undefined ? undefined : { kind, from, to };
    }
    default: {
      const unreachable: never = kind;
      throw new Error(`unknown fault key ${String(unreachable)}`);
    }
  }
}

const faultItemText = `a fault item: one timing (at, every, after or between) and one fault (${faultKeys.join(', ')})`;

const faultItemSchema = z.unknown().transform((value, ctx): FaultItemSpec => {
  const reader = new ItemReader(ctx);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    reader.fail([], value, `${faultItemText}, e.g. {at: 2s, crash: leader}`);
    return z.NEVER;
  }
  const item = value as Record<string, unknown>;
  for (const key of Object.keys(item)) {
    if (!faultItemKeys.includes(key)) reader.fail([key], item[key], `${unknownKeyExpected(key, faultItemKeys)} (${faultItemText})`, `an unknown key "${key}"`);
  }
  const timings = timingKeys.filter((key) => item[key] !== undefined);
  const faults = faultKeys.filter((key) => Object.hasOwn(item, key));
  if (timings.length !== 1) reader.fail([], value, timings.length === 0 ? 'a timing: at: 2s, every: 5s, after: leader-elected or between: [10s, 20s]' : `one timing, not ${timings.join(' and ')}`);
  if (faults.length !== 1) reader.fail([], value, faults.length === 0 ? `a fault: one of ${faultKeys.join(', ')}` : `one fault per item, not ${faults.join(' and ')}`);
  for (const [key, owner] of Object.entries(extraKeys)) {
    if (item[key] !== undefined && timings[0] !== owner) reader.fail([key], item[key], `${key} only together with ${owner}:`);
  }
  if (item.note !== undefined && typeof item.note !== 'string') reader.fail(['note'], item.note, 'a note (a string)');
  if (reader.failed) return z.NEVER;

  let when: When | undefined;
  switch (timings[0]!) {
    case 'at': {
      const atUs = reader.read(item.at, ['at'], parseDuration);
      if (atUs !== undefined) when = { kind: 'at', atUs };
      break;
    }
    case 'every': {
      const everyUs = reader.read(item.every, ['every'], (v) => {
        const us = parseDuration(v);
        if (us === 0) throw new UnitError(`${expectedText.duration}, above 0`);
        return us;
      });
      const fromUs = item.from === undefined ? undefined : reader.read(item.from, ['from'], parseDuration);
      const untilUs = item.until === undefined ? undefined : reader.read(item.until, ['until'], parseDuration);
      if (fromUs !== undefined && untilUs !== undefined && untilUs <= fromUs) reader.fail(['until'], item.until, `a time after from (${String(item.from)})`);
      if (everyUs !== undefined && !reader.failed) when = { kind: 'every', everyUs, ...(fromUs !== undefined ? { fromUs } : {}), ...(untilUs !== undefined ? { untilUs } : {}) };
      break;
    }
    case 'after': {
      const event = reader.read(item.after, ['after'], (v) => {
        if (!clusterEvents.includes(v as ClusterEventKind)) throw new UnitError(`a cluster event: ${clusterEvents.join(', ')}`);
        return v as ClusterEventKind;
      });
      const delayUs = item.delay === undefined ? 0 : reader.read(item.delay, ['delay'], parseDuration);
      const times = item.times === undefined ? 1 : reader.read(item.times, ['times'], (v) => {
        const n = parseCount(v, 1_000_000);
        if (n === 0) throw new UnitError('a number of times >= 1');
        return n;
      });
      if (event !== undefined && delayUs !== undefined && times !== undefined) when = { kind: 'after', event, delayUs, times };
      break;
    }
    case 'between': {
      const bounds = reader.read(item.between, ['between'], (v) => {
        if (Array.isArray(v) && v.length === 2) {
          const fromUs = parseDuration(v[0]);
          const toUs = parseDuration(v[1]);
          if (toUs < fromUs) throw new UnitError('[earliest, latest] with earliest <= latest, such as [10s, 20s]');
          return { minUs: fromUs, maxUs: toUs };
        }
        if (typeof v === 'string' && v.includes('..')) return parseRange(v);
        throw new UnitError('two times [earliest, latest] such as [10s, 20s]');
      });
      if (bounds !== undefined) when = { kind: 'between', fromUs: bounds.minUs, toUs: bounds.maxUs };
      break;
    }
  }
  const fault = parseFault(faults[0]!, item[faults[0]!], reader);
  const forUs = item.for === undefined ? undefined : reader.read(item.for, ['for'], (v) => {
    const us = parseDuration(v);
    if (us === 0) throw new UnitError(`${expectedText.duration}, above 0`);
    return us;
  });
  // Every way of failing above reports its own problem; this is a safety net so nothing fails silently.
  if (!reader.failed && (when === undefined || fault === undefined)) reader.fail([], value, `${faultItemText}, e.g. {at: 2s, crash: leader}`);
  if (when === undefined || fault === undefined || reader.failed) return z.NEVER;
  if (forUs !== undefined) {
    const undoable = ['crash', 'pause', 'partition', 'isolate', 'cut-one-way', 'bridge', 'clock-offset', 'clock-drift', 'clock-step', 'link', 'clog', 'slow'];
    if (!undoable.includes(fault.kind)) {
      reader.fail(['for'], item.for, `no "for" on ${faults[0]} (it has no undo); "for" goes with crash, pause, partition, isolate, cut-one-way, bridge, clock, link, clog or slow`);
      return z.NEVER;
    }
    if (fault.kind === 'pause' && fault.durationUs !== undefined) {
      reader.fail(['for'], item.for, 'one pause duration: either pause: {node, for} or for:, not both');
      return z.NEVER;
    }
  }
  if (fault.kind === 'pause' && fault.durationUs === undefined && forUs === undefined) {
    reader.fail(['pause'], item.pause, 'a pause duration: pause: {node: n2, for: 2s}, or for: 2s on the item');
    return z.NEVER;
  }
  return { when, fault, ...(forUs !== undefined ? { forUs } : {}) };
});

// ------------------------------------------------------------------------------------------------ the file

const expectationSchema = z.unknown().transform((value, ctx) => {
  try {
    return parseExpectation(value);
  } catch (error) {
    if (!(error instanceof UnitError)) throw error;
    addIssue(ctx, [], value, error.expected);
    return z.NEVER;
  }
});

export const scenarioSchema = z.strictObject({
  name: unit((value) => {
    if (typeof value !== 'string' || !/^[a-z0-9][a-z0-9._-]{0,79}$/i.test(value)) throw new UnitError('a name of letters, digits, ., _ or - such as leader-crash');
    return value;
  }),
  question: required((value) => {
    if (typeof value !== 'string' || value.trim().length === 0) throw new UnitError('the question the scenario answers, in one sentence');
    return value.trim();
  }).pipe(z.string({ error: 'expected the question the scenario answers, in one sentence' })),
  swarm: switchValue,
  cluster: clusterSchema.optional(),
  raft: raftSchema.optional(),
  compaction: compactionSchema.optional(),
  metrics: metricsSchema.optional(),
  network: networkSchema.optional(),
  disk: diskSchema.optional(),
  workload: workloadSchema.optional(),
  faults: z.array(faultItemSchema).optional(),
  chaos: chaosSchema.optional(),
  duration: positiveDuration,
  livenessBound: positiveDuration,
  checkInvariants: switchValue,
  maxEvents: positiveCount,
  expectations: z.array(expectationSchema).optional(),
});

/** Keys allowed at each level, for "did you mean" suggestions. */
export const knownKeys: Record<string, readonly string[]> = {
  '': Object.keys(scenarioSchema.shape),
  cluster: Object.keys(clusterSchema.shape),
  raft: Object.keys(raftSchema.shape),
  compaction: Object.keys(compactionSchema.shape),
  metrics: Object.keys(metricsSchema.shape),
  network: Object.keys(networkSchema.shape),
  disk: Object.keys(diskSchema.shape),
  workload: Object.keys(workloadSchema.shape),
  chaos: Object.keys(chaosObjectSchema.shape),
};

export type ParsedScenario = ScenarioSpec;
