// compile(): a validated scenario + a seed (+ overrides) -> the simulator's SimulationOptions. Pure: no I/O, no
// clock; the only randomness is the seed's `swarm` stream (open parameters in swarm mode) and its `scenario`
// stream (fault times given as `between`). Everything filled in is reported: defaults by path, draws by path
// and value.
import { safeKnobs, type UnsafeKnobs } from '../../raft/config.js';
import { messageHeaderBytes } from '../../raft/node.js';
import type { ClusterOptions } from '../../sim/cluster/cluster.js';
import type { Fault, NodeTarget, ScheduledFault } from '../../sim/nemesis.js';
import { Random, type Distribution } from '../../sim/random.js';
import type { SimulationOptions, TriggeredFault } from '../../sim/simulate.js';
import { describeFound, SpecError, type Problem } from './errors.js';
import type { Expectation } from './expectations.js';
import { fillSpec, type FullSpec } from './fill.js';
import { applyOverrides, flagFor, overriddenPaths, overridesToFlags, type Overrides } from './overrides.js';
import type { FaultItemSpec, FaultSpec, ScenarioSpec, TargetList } from './spec.js';
import { formatDuration } from './units.js';

export interface CompiledScenario {
  readonly options: SimulationOptions;
  /** The complete scenario after overrides, defaults and draws (file form, numbers in base units). */
  readonly full: FullSpec;
  /** Every value drawn from the seed, formatted: swarm parameters by spec path, `between` times as faults[i].at. */
  readonly drawn: Readonly<Record<string, unknown>>;
  /** The drawn values in the file's own form, by spec path (for pinning them into a file). */
  readonly drawnValues: ReadonlyMap<string, unknown>;
  /** Fault times drawn for `between` items, by fault index. */
  readonly betweenTimes: ReadonlyMap<number, number>;
  /** Spec paths filled from defaults. */
  readonly defaults: readonly string[];
  readonly expectations: readonly Expectation[];
  /** Things worth telling the user (e.g. faults dropped because --duration cut the run short). */
  readonly notes: readonly string[];
}

export interface CompileOptions {
  readonly overrides?: Overrides;
  /** The scenario's name when the spec has none (the file name). */
  readonly name?: string;
}

/** Offsets spread evenly over [-skew, +skew]: the first node at -skew, the last at +skew. */
export function skewOffsetUs(skewUs: number, position: number, count: number): number {
  if (count <= 1 || skewUs === 0) return 0;
  return Math.round(-skewUs + (2 * skewUs * position) / (count - 1));
}

function nodeIdsOf(full: FullSpec): string[] {
  const nodes = full.cluster.nodes;
  return typeof nodes === 'number' ? Array.from({ length: nodes }, (_, k) => `n${k + 1}`) : [...nodes];
}

/** Targets chosen when the fault fires (sim/nemesis.ts NodeTarget): the current leader, a random follower, any
 *  node, or the most recently crashed node still down (to restart exactly the node a `crash: leader` took). */
export const dynamicTargets: ReadonlySet<string> = new Set(['leader', 'follower', 'random', 'last-crashed']);

class Checker {
  readonly problems: Problem[] = [];
  constructor(
    private readonly nodeIds: readonly string[],
    private readonly context: string,
  ) {}

  add(path: readonly (string | number)[], found: string, expected: string): void {
    this.problems.push({ path, found, expected: `${expected}${this.context}` });
  }

  node(path: readonly (string | number)[], id: string, allowDynamic: boolean): void {
    if (allowDynamic && dynamicTargets.has(id)) return;
    if (!this.nodeIds.includes(id)) {
      this.add(path, describeFound(id), `${allowDynamic ? 'leader, follower, random, last-crashed or ' : ''}a node of the cluster (${this.nodeIds.join(', ')})`);
    }
  }
}

function checkFault(check: Checker, item: FaultItemSpec, index: number): void {
  const fault = item.fault;
  const key = faultKey(fault);
  const path = ['faults', index, key];
  switch (fault.kind) {
    case 'crash':
    case 'restart':
    case 'isolate':
    case 'pause':
    case 'slow':
      check.node(fault.kind === 'slow' ? [...path, 'node'] : path, fault.node, true);
      break;
    case 'clock-offset':
    case 'clock-drift':
    case 'clock-step':
      check.node([...path, 'node'], fault.node, true);
      if (item.forUs !== undefined && dynamicTargets.has(fault.node)) {
        check.add([...path, 'node'], describeFound(fault.node), 'a named node when the clock change has a "for" (the undo must reach the same node)');
      }
      break;
    case 'transfer-leadership':
      check.node(path, fault.to, true);
      break;
    case 'partition': {
      const seen = new Set<string>();
      fault.groups.forEach((group, g) =>
        group.forEach((id, k) => {
          check.node([...path, g, k], id, false);
          if (seen.has(id)) check.add([...path, g, k], describeFound(id), 'each node in one group only');
          seen.add(id);
        }),
      );
      break;
    }
    case 'cut-one-way':
      for (const side of ['from', 'to'] as const) {
        const list: TargetList = fault[side];
        if (list !== 'all') list.forEach((id, k) => check.node([...path, side, ...(list.length > 1 ? [k] : [])], id, true));
      }
      break;
    case 'bridge':
      fault.sideA.forEach((id, k) => check.node([...path, 'sideA', k], id, false));
      fault.sideB.forEach((id, k) => check.node([...path, 'sideB', k], id, false));
      check.node([...path, 'bridge'], fault.bridge, false);
      for (const id of fault.sideA) if (fault.sideB.includes(id) && id !== fault.bridge) check.add([...path, 'sideB'], describeFound(id), 'sides with no node in common (except the bridge)');
      break;
    case 'link':
    case 'clog':
    case 'unclog':
      check.node([...path, 'from'], fault.from, true);
      check.node([...path, 'to'], fault.to, true);
      if (fault.from === fault.to && !dynamicTargets.has(fault.from)) check.add([...path, 'to'], describeFound(fault.to), 'a node other than from');
      break;
    case 'restart-all':
    case 'heal':
    case 'reset-links':
      break;
    default: {
      const unreachable: never = fault;
      throw new Error(`unknown fault ${JSON.stringify(unreachable)}`);
    }
  }
}

/** The file key a fault is written under. */
export function faultKey(fault: FaultSpec): string {
  return fault.kind === 'clock-offset' || fault.kind === 'clock-drift' || fault.kind === 'clock-step' ? 'clock' : fault.kind;
}

function checkFull(full: FullSpec, overridden: ReadonlySet<string>, context: string, drawnDuration: boolean): Problem[] {
  const nodeIds = nodeIdsOf(full);
  const check = new Checker(nodeIds, context);
  const c = full.cluster;

  if (c.datacenters !== null) {
    const placed = new Map<string, string>();
    for (const [dc, ids] of Object.entries(c.datacenters)) {
      ids.forEach((id, k) => {
        check.node(['cluster', 'datacenters', dc, k], id, false);
        if (placed.has(id)) check.add(['cluster', 'datacenters', dc, k], describeFound(id), `each node in one datacenter only (${id} is also in ${placed.get(id)})`);
        placed.set(id, dc);
      });
    }
    const unplaced = nodeIds.filter((id) => !placed.has(id));
    if (unplaced.length > 0) check.add(['cluster', 'datacenters'], `no datacenter for ${unplaced.join(', ')}`, 'every node placed in a datacenter');
    const names = Object.keys(c.datacenters);
    const covered = new Set<string>();
    for (const key of Object.keys(c.latency.inter)) {
      const match = /^([A-Za-z][\w-]*?)\s*(<->|->)\s*([A-Za-z][\w-]*)$/.exec(key);
      if (match === null || !names.includes(match[1]!) || !names.includes(match[3]!) || match[1] === match[3]) {
        check.add(['cluster', 'latency', 'inter', key], `the key ${JSON.stringify(key)}`, `"A<->B" (both ways) or "A->B" with two different datacenters from ${names.join(', ')}`);
        continue;
      }
      covered.add(`${match[1]}->${match[3]}`);
      covered.add(`${match[3]}->${match[1]}`);
    }
    const missing: string[] = [];
    for (let a = 0; a < names.length; a++) for (let b = a + 1; b < names.length; b++) if (!covered.has(`${names[a]}->${names[b]}`)) missing.push(`${names[a]}<->${names[b]}`);
    if (missing.length > 0) check.add(['cluster', 'latency', 'inter'], `no latency for ${missing.join(', ')}`, 'a latency between every two datacenters, e.g. inter: {east<->west: 30ms..40ms}');
  } else if (c.latency.intra !== null || Object.keys(c.latency.inter).length > 0) {
    check.add(['cluster', 'latency'], 'a datacenter latency matrix', 'cluster.datacenters to place the nodes (or network.latency for one latency between all nodes)');
  }
  for (const id of Object.keys(c.clocks)) check.node(['cluster', 'clocks', id], id, false);

  const r = full.raft;
  if (!(r.electionTimeout.minUs > r.heartbeat)) {
    const onHeartbeat = overridden.has('raft.heartbeat') || !overridden.has('raft.electionTimeout');
    check.add(
      onHeartbeat ? ['raft', 'heartbeat'] : ['raft', 'electionTimeout'],
      onHeartbeat ? formatDuration(r.heartbeat) : `${formatDuration(r.electionTimeout.minUs)}..${formatDuration(r.electionTimeout.maxUs)}`,
      `a heartbeat shorter than the minimum election timeout (${formatDuration(r.electionTimeout.minUs)}; heartbeat ${formatDuration(r.heartbeat)})`,
    );
  }
  if (r.leaseReads && !r.checkQuorum) check.add(['raft', 'leaseReads'], 'true', 'leaseReads only with checkQuorum: true (a lease is only safe while the leader checks its quorum)');
  const maxMessage = full.network.maxMessageBytes;
  if (r.snapshotChunk + messageHeaderBytes > maxMessage) check.add(['raft', 'snapshotChunk'], String(r.snapshotChunk), `a chunk that fits in network.maxMessageBytes (${maxMessage} bytes, ${messageHeaderBytes} of them header)`);
  if (r.flowControl.maxEntriesPerMessage + messageHeaderBytes > maxMessage) {
    check.add(['raft', 'flowControl', 'maxEntriesPerMessage'], String(r.flowControl.maxEntriesPerMessage), `a size that fits in network.maxMessageBytes (${maxMessage} bytes)`);
  }
  if (full.workload.valueBytes + 256 > Math.min(maxMessage, r.flowControl.maxUncommittedBytes)) {
    check.add(['workload', 'valueBytes'], String(full.workload.valueBytes), 'values that fit in one message and in raft.flowControl.maxUncommittedBytes');
  }

  // Fault times must fall inside the fault phase when the file sets both (an override may cut faults off).
  const durationFromFile = !overridden.has('duration') && !drawnDuration;
  full.faults.forEach((item, index) => {
    checkFault(check, item, index);
    const when = item.when;
    const latest = when.kind === 'at' ? when.atUs : when.kind === 'between' ? when.toUs : when.kind === 'every' ? (when.fromUs ?? when.everyUs) : -1;
    const key = when.kind === 'between' ? 'between' : when.kind === 'every' ? (when.fromUs !== undefined ? 'from' : 'every') : 'at';
    if (durationFromFile && latest >= full.duration) {
      check.add(['faults', index, key], formatDuration(latest), `a time before the end of the fault phase (duration: ${formatDuration(full.duration)})`);
    }
    if (when.kind === 'every') {
      const from = when.fromUs ?? when.everyUs;
      const until = Math.min(when.untilUs ?? full.duration, full.duration);
      if (until > from && (until - from) / when.everyUs > 100_000) check.add(['faults', index, 'every'], formatDuration(when.everyUs), 'at most 100000 repetitions over the run');
    }
  });

  full.expectations.forEach((expectation, index) => {
    const parts = expectation.path.replace(/^metrics\./, '').split('.');
    const keyed: Record<string, readonly string[]> = {
      'logGrowth.perNode': nodeIds,
      'compaction.snapshotsPerNode': nodeIds,
      'replicationLatency.byDatacenter': c.datacenters === null ? [] : Object.keys(c.datacenters),
    };
    const owner = `${parts[0]}.${parts[1]}`;
    const known = keyed[owner];
    if (known !== undefined && parts[2] !== undefined && !known.includes(parts[2])) {
      check.add(['expectations', index], describeFound(expectation.expression), `a ${owner === 'replicationLatency.byDatacenter' ? 'datacenter' : 'node'} of this scenario in ${owner}.<key> (${known.join(', ') || 'none: no datacenters'})`);
    }
  });
  return check.problems;
}

function targets(list: TargetList, nodeIds: readonly string[]): NodeTarget[] {
  return list === 'all' ? [...nodeIds] : [...list];
}

/**
 * The simulator faults for one scenario fault. A one-way cut from `all` becomes one cut per node (each from
 * that node to the targets), so that a target resolved at run time (`to: leader`) is left out of the senders.
 */
function toSimFaults(fault: FaultSpec, nodeIds: readonly string[], forUs: number | undefined): Fault[] {
  if (fault.kind === 'cut-one-way' && fault.from === 'all') {
    return nodeIds.map((id) => ({ kind: 'cut-one-way', from: [id], to: targets(fault.to, nodeIds) }));
  }
  return [toSimFault(fault, nodeIds, forUs)];
}

function toSimFault(fault: FaultSpec, nodeIds: readonly string[], forUs: number | undefined): Fault {
  switch (fault.kind) {
    case 'pause':
      return { kind: 'pause', node: fault.node, durationUs: fault.durationUs ?? forUs ?? 0 };
    case 'cut-one-way':
      return { kind: 'cut-one-way', from: targets(fault.from, nodeIds), to: targets(fault.to, nodeIds) };
    case 'link': {
      const patch: { dropChance?: number; duplicateChance?: number; reorderChance?: number; latency?: Distribution } = {};
      if (fault.drop !== undefined) patch.dropChance = fault.drop;
      if (fault.duplicate !== undefined) patch.duplicateChance = fault.duplicate;
      if (fault.reorder !== undefined) patch.reorderChance = fault.reorder;
      if (fault.latency !== undefined) patch.latency = fault.latency;
      return { kind: 'link', from: fault.from, to: fault.to, bothWays: fault.bothWays, patch };
    }
    case 'partition':
      return { kind: 'partition', groups: fault.groups.map((group) => [...group]) };
    case 'bridge':
      return { kind: 'bridge', sideA: [...fault.sideA], sideB: [...fault.sideB], bridge: fault.bridge };
    default:
      return fault;
  }
}

/**
 * The fault that undoes `fault` after its `for`. Crashing a node chosen at run time (leader, follower, random)
 * is undone by restart-all (the node's id is only known when the crash fires); cuts of any shape by heal.
 */
export function undoOf(fault: FaultSpec, full: FullSpec, nodeIds: readonly string[]): Fault | null {
  switch (fault.kind) {
    case 'crash':
      return dynamicTargets.has(fault.node) ? { kind: 'restart-all' } : { kind: 'restart', node: fault.node };
    case 'partition':
    case 'isolate':
    case 'cut-one-way':
    case 'bridge':
      return { kind: 'heal' };
    case 'clog':
      return { kind: 'unclog', from: fault.from, to: fault.to };
    case 'link': {
      // Named nodes: restore exactly the fields the fault changed, on exactly its link(s).
      if (dynamicTargets.has(fault.from) || dynamicTargets.has(fault.to)) return { kind: 'reset-links' };
      const base = baseLink(full, fault.from, fault.to);
      const patch: { dropChance?: number; duplicateChance?: number; reorderChance?: number; latency?: Distribution } = {};
      if (fault.drop !== undefined) patch.dropChance = base.dropChance;
      if (fault.duplicate !== undefined) patch.duplicateChance = base.duplicateChance;
      if (fault.reorder !== undefined) patch.reorderChance = base.reorderChance;
      if (fault.latency !== undefined) {
        if (fault.bothWays && JSON.stringify(baseLink(full, fault.to, fault.from).latency) !== JSON.stringify(base.latency)) return { kind: 'reset-links' };
        patch.latency = base.latency;
      }
      return { kind: 'link', from: fault.from, to: fault.to, bothWays: fault.bothWays, patch };
    }
    case 'slow':
      return { kind: 'slow', node: fault.node, delayUs: 0 };
    case 'clock-offset':
      return { kind: 'clock-offset', node: fault.node, offsetUs: configuredClock(full, nodeIds, fault.node).offsetUs };
    case 'clock-drift':
      return { kind: 'clock-drift', node: fault.node, driftPpm: configuredClock(full, nodeIds, fault.node).driftPpm };
    case 'clock-step':
      return { kind: 'clock-step', node: fault.node, deltaUs: -fault.deltaUs };
    default:
      return null;
  }
}

/** A link's configured settings (the network's, with the datacenter latency matrix applied). */
function baseLink(full: FullSpec, from: string, to: string): { dropChance: number; duplicateChance: number; reorderChance: number; latency: Distribution } {
  const n = full.network;
  let latency = n.latency;
  const placement = full.cluster.datacenters;
  if (placement !== null) {
    const dcOf = (id: string): string | undefined => Object.entries(placement).find(([, ids]) => ids.includes(id))?.[0];
    const a = dcOf(from);
    const b = dcOf(to);
    if (a !== undefined && b !== undefined) {
      if (a === b) latency = full.cluster.latency.intra ?? n.latency;
      else {
        const inter = full.cluster.latency.inter;
        latency = inter[`${a}->${b}`] ?? inter[`${a}<->${b}`] ?? inter[`${b}<->${a}`] ?? inter[`${b}->${a}`] ?? n.latency;
      }
    }
  }
  return { dropChance: n.drop, duplicateChance: n.duplicate, reorderChance: n.reorder, latency };
}

function configuredClock(full: FullSpec, nodeIds: readonly string[], id: string): { offsetUs: number; driftPpm: number } {
  const given = full.cluster.clocks[id] ?? {};
  return { offsetUs: given.offset ?? skewOffsetUs(full.cluster.skew, Math.max(0, nodeIds.indexOf(id)), nodeIds.length), driftPpm: given.drift ?? 0 };
}

export function clusterOptionsOf(full: FullSpec): ClusterOptions {
  const nodeIds = nodeIdsOf(full);
  const r = full.raft;
  const n = full.network;
  const c = full.cluster;
  const clocks: Record<string, { offsetUs: number; driftPpm: number }> = {};
  for (const id of nodeIds) clocks[id] = configuredClock(full, nodeIds, id);
  let topology: ClusterOptions['topology'] = null;
  if (c.datacenters !== null) {
    const datacenterOf: Record<string, string> = {};
    for (const [dc, ids] of Object.entries(c.datacenters)) for (const id of ids) datacenterOf[id] = dc;
    const interLatency: Record<string, Distribution> = {};
    for (const [key, dist] of Object.entries(c.latency.inter)) {
      const [a, arrow, b] = /^(.+?)\s*(<->|->)\s*(.+)$/.exec(key)!.slice(1) as [string, string, string];
      interLatency[`${a}->${b}`] = dist;
      if (arrow === '<->') interLatency[`${b}->${a}`] = dist;
    }
    topology = { datacenterOf, intraLatency: c.latency.intra ?? n.latency, interLatency };
  }
  return {
    nodeIds,
    raft: {
      electionTimeoutMinUs: r.electionTimeout.minUs,
      electionTimeoutMaxUs: r.electionTimeout.maxUs,
      heartbeatIntervalUs: r.heartbeat,
      preVote: r.preVote,
      checkQuorum: r.checkQuorum,
      leaderStickiness: r.leaderStickiness,
      fastBackoff: r.fastBackoff,
      maxEntriesBytesPerMessage: r.flowControl.maxEntriesPerMessage,
      maxInflightMessages: r.flowControl.maxInflightMessages,
      maxInflightBytes: r.flowControl.maxInflightBytes,
      maxUncommittedBytes: r.flowControl.maxUncommittedBytes,
      maxPendingReads: r.maxPendingReads,
      leaseReads: r.leaseReads,
      leaseDriftBoundPpm: r.leaseDriftBound,
      snapshotChunkBytes: r.snapshotChunk,
      // Every raft.unsafe switch but the simulator's forgetVoteOnRestart (below); noSnapshotFallback may also be
      // written as compaction.mistakes.noSnapshotFallback (the cluster honours either switch).
      unsafe: raftUnsafeKnobs(r.unsafe),
    },
    link: { latency: n.latency, dropChance: n.drop, duplicateChance: n.duplicate, reorderChance: n.reorder, reorderDelay: n.reorderDelay },
    topology,
    maxMessageBytes: n.maxMessageBytes,
    clientLatency: n.clientLatency,
    clocks,
    disk: { appendLatency: full.disk.appendLatency, fsyncLatency: full.disk.fsyncLatency },
    tearOnCrash: full.disk.tearOnCrash,
    maxPausedBacklog: 100_000,
    forgetVoteOnRestart: r.unsafe.forgetVoteOnRestart,
    compaction: {
      snapshotCount: full.compaction.snapshotCount,
      snapshotIntervalUs: full.compaction.snapshotInterval,
      catchUpEntries: full.compaction.catchUpEntries,
      applyCostUs: full.compaction.applyCost,
      snapshotBytesPerSecond: full.compaction.snapshotBytesPerSecond,
      mistakes: { ...full.compaction.mistakes },
    },
    metrics: { sampleIntervalUs: full.metrics.sampleInterval, stallBoundUs: full.metrics.stallBound, stallEntries: full.metrics.stallEntries },
  };
}

/** Compiles a validated scenario for one seed. Throws SpecError (with paths into the scenario) when invalid. */
export function compileScenario(spec: ScenarioSpec, seed: number, options: CompileOptions = {}): CompiledScenario {
  if (!Number.isSafeInteger(seed) || seed < 0) throw new SpecError([{ path: [], found: `seed ${String(seed)}`, expected: 'a seed that is a whole number >= 0' }]);
  const overrides = options.overrides ?? {};
  const overridden = overriddenPaths(overrides);
  const effective = applyOverrides(spec, overrides);
  const name = effective.name ?? options.name ?? 'scenario';
  const filled = fillSpec(effective, seed, name);
  const full = filled.full;
  const flags = overridesToFlags(overrides);
  const context = flags.length > 0 ? ` (with ${flags.join(' ')})` : '';
  const problems = checkFull(full, overridden, context, filled.drawn.has('duration'));
  if (problems.length > 0) throw new SpecError(problems);

  const nodeIds = nodeIdsOf(full);
  const scenarioRandom = Random.fromSeed(seed).child('scenario');
  const drawn: Record<string, unknown> = { ...filled.drawnText };
  const betweenTimes = new Map<number, number>();
  const faults: ScheduledFault[] = [];
  const triggers: TriggeredFault[] = [];
  const notes: string[] = [];
  let dropped = 0;
  const schedule = (atUs: number, fault: Fault): void => {
    if (atUs < full.duration) faults.push({ atUs, fault });
    else dropped++;
  };
  full.faults.forEach((item, index) => {
    const simFaults = toSimFaults(item.fault, nodeIds, item.forUs);
    const undo = item.forUs !== undefined && item.fault.kind !== 'pause' ? undoOf(item.fault, full, nodeIds) : null;
    const at = (atUs: number): void => {
      for (const fault of simFaults) schedule(atUs, fault);
      if (undo !== null) schedule(atUs + item.forUs!, undo);
    };
    const when = item.when;
    switch (when.kind) {
      case 'at':
        at(when.atUs);
        break;
      case 'between': {
        const atUs = scenarioRandom.int(when.fromUs, when.toUs);
        betweenTimes.set(index, atUs);
        drawn[`faults[${index}].at`] = formatDuration(atUs);
        at(atUs);
        break;
      }
      case 'every': {
        const until = Math.min(when.untilUs ?? full.duration, full.duration);
        for (let atUs = when.fromUs ?? when.everyUs; atUs < until; atUs += when.everyUs) at(atUs);
        break;
      }
      case 'after':
        for (const fault of simFaults) triggers.push({ after: when.event, delayUs: when.delayUs, fault, times: when.times });
        if (undo !== null) triggers.push({ after: when.event, delayUs: when.delayUs + item.forUs!, fault: undo, times: when.times });
        break;
      default: {
        const unreachable: never = when;
        throw new Error(`unknown timing ${JSON.stringify(unreachable)}`);
      }
    }
  });
  if (dropped > 0) notes.push(`${dropped} scheduled fault${dropped === 1 ? '' : 's'} fall at or after the end of the fault phase (${formatDuration(full.duration)}) and are left out`);
  if (overrides.duration !== undefined && full.chaos === null && faults.length === 0 && triggers.length === 0 && full.faults.length > 0) {
    notes.push(`--duration ${flagFor('duration').format(overrides.duration as never)} leaves no scripted fault inside the run`);
  }

  const optionsOut: SimulationOptions = {
    scenario: name,
    seed,
    cluster: clusterOptionsOf(full),
    workload: {
      clients: full.workload.clients,
      ratePerSecond: full.workload.rate,
      keys: full.workload.keys,
      mix: { ...full.workload.mix },
      valueBytes: full.workload.valueBytes,
      requestTimeoutUs: full.workload.timeout,
      backoffBaseUs: full.workload.backoff.minUs,
      backoffMaxUs: full.workload.backoff.maxUs,
      maxAttempts: full.workload.maxAttempts,
    },
    faults,
    triggers,
    chaos:
      full.chaos === null
        ? null
        : {
            kinds: [...full.chaos.kinds],
            meanGapUs: full.chaos.meanGap,
            maxFaultDurationUs: full.chaos.maxFaultDuration,
            maxClockOffsetUs: full.chaos.maxClockOffset,
            maxDriftPpm: full.chaos.maxDrift,
            maxClockStepUs: full.chaos.maxClockStep,
          },
    durationUs: full.duration,
    livenessBoundUs: full.livenessBound,
    checkInvariants: full.checkInvariants,
    maxEvents: full.maxEvents,
  };
  return {
    options: optionsOut,
    full,
    drawn,
    drawnValues: filled.drawn,
    betweenTimes,
    defaults: filled.defaults,
    expectations: full.expectations,
    notes,
  };
}

/** The raft/ switches of a filled raft.unsafe (raft/bugs.ts is their catalogue). */
function raftUnsafeKnobs(given: Readonly<Record<keyof UnsafeKnobs, boolean>>): UnsafeKnobs {
  const knobs: { -readonly [K in keyof UnsafeKnobs]: boolean } = { ...safeKnobs };
  for (const name of Object.keys(safeKnobs) as (keyof UnsafeKnobs)[]) knobs[name] = given[name];
  return knobs;
}
