// The scenario file schema (zod). Unknown keys are errors (a typo must not silently fall back to a default);
// every value in human units is parsed exactly here, and every failure is reported as an issue whose path
// names the place in the file and whose `expected` completes "found X, expected ...".
import * as z from 'zod';
import { bugNames, findBug } from '../../sim/bugs.js';
import { suggest } from './errors.js';
import { electionTimerRestartRules, membershipActivations, safeKnobs, type UnsafeKnobs } from '../../raft/config.js';
import { raftProfiles } from './profile-names.js';
import { allChaosKinds, selectableChaosKinds, type ChaosKind } from '../../sim/nemesis.js';
import { buggifySites, type BuggifySite } from '../../sim/buggify.js';
import { parseExpectation } from './expectations.js';
import { faultItemSchema } from './fault-items.js';
import { parseNodeId } from './node-ids.js';
import { isNodeVersion, newestVersion, nodeVersions } from '../../raft/versions.js';
import {
  addIssue,
  count,
  distribution,
  duration,
  forward,
  positiveCount,
  positiveDuration,
  positiveSize,
  ppm,
  probability,
  range,
  required,
  signedDuration,
  switchValue,
  unit,
  unitOrOff,
} from './schema-values.js';
import type { BuggifySpec, ChaosSpec } from './spec.js';
import { UnitError, expectedText, parseCount, parseDuration, parsePpm, parseRate, parseSize, parseSizeRate } from './units.js';

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
  initialMembers: unit((value): number | string[] => {
    if (typeof value === 'number') {
      if (!Number.isSafeInteger(value) || value < 1 || value > 51) throw new UnitError('a member count from 1 to 51 (the first nodes), or a list of node ids');
      return value;
    }
    if (Array.isArray(value) && value.length >= 1) {
      const ids = Array.from(value, (id) => parseNodeId(id));
      if (new Set(ids).size !== ids.length) throw new UnitError('a list of distinct node ids');
      return ids;
    }
    throw new UnitError('a member count (the first nodes) or a list of node ids such as [n1, n2, n3]');
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
  versions: unit((value): number | Record<string, number> => {
    const example = `a version (${nodeVersions.join(' or ')}) for every node, or a mapping of node to version such as {n4: 1} (unlisted nodes run version ${newestVersion})`;
    if (isNodeVersion(value)) return value;
    if (typeof value !== 'object' || value === null || Array.isArray(value) || Object.keys(value).length === 0) throw new UnitError(example);
    const versions: Record<string, number> = {};
    for (const [id, version] of Object.entries(value)) {
      if (!isNodeVersion(version)) throw new UnitError(`${example} (${id}: found ${JSON.stringify(version)})`);
      versions[parseNodeId(id)] = version;
    }
    return versions;
  }),
});

/** One switch per broken variant of raft/ (raft/bugs.ts is the catalogue), so a new one needs no edit here. */
const raftUnsafeSwitches = Object.fromEntries(Object.keys(safeKnobs).map((name) => [name, switchValue])) as { [K in keyof UnsafeKnobs]: typeof switchValue };

/** One of a fixed set of names, with the nearest suggested for a typo. */
function oneOf<N extends string>(names: readonly N[], what: string) {
  return unit((value): N => {
    if (typeof value === 'string' && names.includes(value as N)) return value as N;
    const hint = typeof value === 'string' ? suggest(value, names) : null;
    throw new UnitError(`${hint !== null ? `"${hint}" (did you mean it?), or ` : ''}${what}: one of ${names.join(', ')}`);
  });
}

const raftSchema = z.strictObject({
  profile: oneOf(raftProfiles, 'an implementation profile'),
  electionTimerRestart: oneOf(electionTimerRestartRules, 'an election-timer restart rule'),
  membershipActivation: oneOf(membershipActivations, 'when a configuration entry takes effect'),
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
  unsafe: z.strictObject(raftUnsafeSwitches).optional(),
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
  pauseWhileSendingSnapshot: switchValue,
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
  links: z.record(z.string(), distribution).optional(),
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
  pinnedReaders: count,
  recentKeyReads: probability,
  placement: z.record(z.string(), positiveCount).optional(),
});

/** A list of names from `names`, each once, or `all` (every name). */
/** `all` names `all` (every name when not given): chaos kinds' `all` leaves the opt-in membership kind out. */
function nameList<N extends string>(names: readonly N[], what: string, all: readonly N[] = names) {
  const text = `a list of ${what} from: ${names.join(', ')} (or all${all.length < names.length ? `: ${all.join(', ')}` : ''})`;
  return unit((value): N[] => {
    if (value === 'all') return [...all];
    if (!Array.isArray(value) || value.length === 0) throw new UnitError(text);
    for (const name of value) if (!names.includes(name as N)) throw new UnitError(text);
    if (new Set(value).size !== value.length) throw new UnitError(`${text}, each once`);
    return value as N[];
  });
}

/** A section that is off | false | null (none), on | true (its defaults), or a mapping of its settings. */
function switchableSection<T>(settings: z.ZodType, example: string) {
  return z.unknown().transform((value, ctx): T | null | undefined => {
    if (value === undefined) return undefined;
    if (value === null || value === false || value === 'off') return null;
    if (value === true || value === 'on') return {} as T;
    if (typeof value !== 'object' || Array.isArray(value)) {
      addIssue(ctx, [], value, `off, on, or a mapping such as ${example}`);
      return z.NEVER;
    }
    const parsed = settings.safeParse(value, { reportInput: true });
    if (!parsed.success) {
      forward(ctx, parsed.error.issues);
      return z.NEVER;
    }
    return parsed.data as T;
  }).optional();
}

const chaosObjectSchema = z.strictObject({
  kinds: nameList<ChaosKind>(selectableChaosKinds, 'fault kinds', allChaosKinds),
  meanGap: positiveDuration,
  maxFaultDuration: positiveDuration,
  maxClockOffset: duration,
  maxDrift: unit((value) => {
    const drift = parsePpm(value);
    if (drift < 0 || drift > 100_000) throw new UnitError('a drift from 0ppm to 100000ppm');
    return drift;
  }),
  maxClockStep: duration,
  focus: z
    .string()
    .transform((value, ctx) => {
      if (value === 'none') return null;
      if ((selectableChaosKinds as readonly string[]).includes(value)) return value as ChaosKind;
      ctx.addIssue({ code: 'custom', message: `expected none or one fault kind: ${selectableChaosKinds.join(', ')}` });
      return z.NEVER;
    })
    .optional(),
});

const chaosSchema = switchableSection<ChaosSpec>(chaosObjectSchema, '{kinds: [crash, partition], meanGap: 1s, maxFaultDuration: 3s}');

const buggifyObjectSchema = z.strictObject({
  sites: nameList<BuggifySite>(buggifySites, 'buggify sites'),
  chance: probability,
  maxDelay: positiveDuration,
});

/** Every site at the defaults when `on`. */
const buggifySchema = switchableSection<BuggifySpec>(buggifyObjectSchema, '{sites: [fsync-stall, delay-message], chance: 1%, maxDelay: 600ms}');

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

/** A catalogued bug's name (sim/bugs.ts), with the nearest name suggested for a typo. */
const bugName = z.unknown().transform((value, ctx) => {
  if (typeof value === 'string' && findBug(value) !== undefined) return value;
  const hint = typeof value === 'string' ? suggest(value, bugNames) : null;
  addIssue(ctx, [], value, `${hint !== null ? `"${hint}" (did you mean it?), or ` : ''}a catalogued bug (raftsim bugs lists them)`);
  return z.NEVER;
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
  buggify: buggifySchema.optional(),
  duration: positiveDuration,
  livenessBound: positiveDuration,
  checkInvariants: switchValue,
  maxEvents: positiveCount,
  expectations: z.array(expectationSchema).optional(),
  bugs: z.array(bugName).optional(),
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
  buggify: Object.keys(buggifyObjectSchema.shape),
};
