// Writing a scenario back out in the file's own form (human units), e.g. the minimal scenario `raftsim shrink`
// produces, or the complete parameters of a run in result.json. Loading the written text gives back the same
// spec (tested for every built-in scenario).
import YAML from 'yaml';
import type { FullSpec } from './fill.js';
import type { FaultItemSpec, FaultSpec, ScenarioSpec, TargetList } from './spec.js';
import { formatDistribution, formatDuration, formatPpm, formatProbability, formatRange, formatSignedDuration, formatSize } from './units.js';

type Doc = Record<string, unknown>;

/** Drops undefined fields, and objects left empty. */
function compact(value: Doc): Doc | undefined {
  const out: Doc = {};
  for (const [key, item] of Object.entries(value)) if (item !== undefined) out[key] = item;
  return Object.keys(out).length === 0 ? undefined : out;
}

const opt = <T, R>(value: T | undefined, format: (value: T) => R): R | undefined => (value === undefined ? undefined : format(value));
const offOr = <R>(value: number | null | undefined, format: (value: number) => R): R | 'off' | undefined => (value === undefined ? undefined : value === null ? 'off' : format(value));

function targetList(list: TargetList): unknown {
  if (list === 'all') return 'all';
  return list.length === 1 ? list[0] : [...list];
}

function faultBody(fault: FaultSpec): [string, unknown] {
  switch (fault.kind) {
    case 'crash':
    case 'restart':
    case 'isolate':
      return [fault.kind, fault.node];
    case 'transfer-leadership':
      return [fault.kind, fault.to];
    case 'restart-all':
    case 'heal':
    case 'reset-links':
      return [fault.kind, true];
    case 'pause':
      return ['pause', fault.durationUs === undefined ? fault.node : { node: fault.node, for: formatDuration(fault.durationUs) }];
    case 'slow':
      return ['slow', { node: fault.node, delay: formatDuration(fault.delayUs) }];
    case 'partition':
      return ['partition', fault.groups.map((group) => [...group])];
    case 'cut-one-way':
      return ['cut-one-way', { from: targetList(fault.from), to: targetList(fault.to) }];
    case 'bridge':
      return ['bridge', { sideA: [...fault.sideA], sideB: [...fault.sideB], bridge: fault.bridge }];
    case 'clock-offset':
      return ['clock', { node: fault.node, offset: formatSignedDuration(fault.offsetUs) }];
    case 'clock-drift':
      return ['clock', { node: fault.node, drift: formatPpm(fault.driftPpm) }];
    case 'clock-step':
      return ['clock', { node: fault.node, step: formatSignedDuration(fault.deltaUs) }];
    case 'link':
      return [
        'link',
        compact({
          from: fault.from,
          to: fault.to,
          drop: opt(fault.drop, formatProbability),
          latency: opt(fault.latency, formatDistribution),
          duplicate: opt(fault.duplicate, formatProbability),
          reorder: opt(fault.reorder, formatProbability),
          bothWays: fault.bothWays ? true : undefined,
        }),
      ];
    case 'clog':
    case 'unclog':
      return [fault.kind, { from: fault.from, to: fault.to }];
    default: {
      const unreachable: never = fault;
      throw new Error(`unknown fault ${JSON.stringify(unreachable)}`);
    }
  }
}

export function faultItemToDocument(item: FaultItemSpec): Doc {
  const out: Doc = {};
  const when = item.when;
  switch (when.kind) {
    case 'at':
      out.at = formatDuration(when.atUs);
      break;
    case 'every':
      out.every = formatDuration(when.everyUs);
      if (when.fromUs !== undefined) out.from = formatDuration(when.fromUs);
      if (when.untilUs !== undefined) out.until = formatDuration(when.untilUs);
      break;
    case 'after':
      out.after = when.event;
      if (when.delayUs !== 0) out.delay = formatDuration(when.delayUs);
      if (when.times !== 1) out.times = when.times;
      break;
    case 'between':
      out.between = [formatDuration(when.fromUs), formatDuration(when.toUs)];
      break;
  }
  const [key, body] = faultBody(item.fault);
  out[key] = body;
  if (item.forUs !== undefined) out.for = formatDuration(item.forUs);
  return out;
}

/** A (partial) spec in the file's form; fields the spec leaves open are left out. */
export function specToDocument(spec: ScenarioSpec): Doc {
  const c = spec.cluster;
  const r = spec.raft;
  const k = spec.compaction;
  const n = spec.network;
  const d = spec.disk;
  const w = spec.workload;
  const doc: Doc = {
    name: spec.name,
    question: spec.question,
    swarm: spec.swarm,
    cluster:
      c === undefined
        ? undefined
        : compact({
            nodes: c.nodes,
            datacenters: c.datacenters,
            latency:
              c.latency === undefined
                ? undefined
                : compact({
                    intra: opt(c.latency.intra, formatDistribution),
                    inter: opt(c.latency.inter, (inter) => Object.fromEntries(Object.entries(inter).map(([key, dist]) => [key, formatDistribution(dist)]))),
                  }),
            skew: opt(c.skew, formatDuration),
            clocks: opt(c.clocks, (clocks) =>
              Object.fromEntries(Object.entries(clocks).map(([id, clock]) => [id, compact({ offset: opt(clock.offset, formatSignedDuration), drift: opt(clock.drift, formatPpm) }) ?? {}])),
            ),
          }),
    raft:
      r === undefined
        ? undefined
        : compact({
            electionTimeout: opt(r.electionTimeout, formatRange),
            heartbeat: opt(r.heartbeat, formatDuration),
            preVote: r.preVote,
            checkQuorum: r.checkQuorum,
            leaderStickiness: r.leaderStickiness,
            fastBackoff: r.fastBackoff,
            flowControl:
              r.flowControl === undefined
                ? undefined
                : compact({
                    maxEntriesPerMessage: opt(r.flowControl.maxEntriesPerMessage, formatSize),
                    maxInflightMessages: r.flowControl.maxInflightMessages,
                    maxInflightBytes: opt(r.flowControl.maxInflightBytes, formatSize),
                    maxUncommittedBytes: opt(r.flowControl.maxUncommittedBytes, formatSize),
                  }),
            maxPendingReads: r.maxPendingReads,
            leaseReads: r.leaseReads,
            leaseDriftBound: opt(r.leaseDriftBound, formatPpm),
            snapshotChunk: opt(r.snapshotChunk, formatSize),
            unsafe: r.unsafe === undefined ? undefined : compact({ ...r.unsafe }),
          }),
    compaction:
      k === undefined
        ? undefined
        : compact({
            snapshotCount: offOr(k.snapshotCount, (value) => value),
            snapshotInterval: offOr(k.snapshotInterval, formatDuration),
            catchUpEntries: k.catchUpEntries,
            applyCost: opt(k.applyCost, formatDuration),
            snapshotBytesPerSecond: opt(k.snapshotBytesPerSecond, (value) => `${formatSize(value)}/s`),
            mistakes: k.mistakes === undefined ? undefined : compact({ ...k.mistakes }),
          }),
    metrics:
      spec.metrics === undefined
        ? undefined
        : compact({
            sampleInterval: opt(spec.metrics.sampleInterval, formatDuration),
            stallBound: opt(spec.metrics.stallBound, formatDuration),
            stallEntries: spec.metrics.stallEntries,
          }),
    network:
      n === undefined
        ? undefined
        : compact({
            latency: opt(n.latency, formatDistribution),
            drop: opt(n.drop, formatProbability),
            duplicate: opt(n.duplicate, formatProbability),
            reorder: opt(n.reorder, formatProbability),
            reorderDelay: opt(n.reorderDelay, formatDistribution),
            maxMessageBytes: opt(n.maxMessageBytes, formatSize),
            clientLatency: opt(n.clientLatency, formatDistribution),
          }),
    disk:
      d === undefined
        ? undefined
        : compact({ appendLatency: opt(d.appendLatency, formatDistribution), fsyncLatency: opt(d.fsyncLatency, formatDistribution), tearOnCrash: d.tearOnCrash }),
    workload:
      w === undefined
        ? undefined
        : compact({
            clients: w.clients,
            rate: opt(w.rate, (rate) => `${rate}/s`),
            keys: w.keys,
            mix: w.mix === undefined ? undefined : compact({ ...w.mix }),
            valueBytes: opt(w.valueBytes, formatSize),
            timeout: opt(w.timeout, formatDuration),
            backoff: opt(w.backoff, formatRange),
            maxAttempts: w.maxAttempts,
          }),
    faults: spec.faults?.map(faultItemToDocument),
    chaos:
      spec.chaos === undefined
        ? undefined
        : spec.chaos === null
          ? 'off'
          : (compact({
              kinds: spec.chaos.kinds === undefined ? undefined : [...spec.chaos.kinds],
              meanGap: opt(spec.chaos.meanGap, formatDuration),
              maxFaultDuration: opt(spec.chaos.maxFaultDuration, formatDuration),
              maxClockOffset: opt(spec.chaos.maxClockOffset, formatDuration),
              maxDrift: opt(spec.chaos.maxDrift, formatPpm),
              maxClockStep: opt(spec.chaos.maxClockStep, formatDuration),
            }) ?? 'on'),
    duration: opt(spec.duration, formatDuration),
    livenessBound: opt(spec.livenessBound, formatDuration),
    checkInvariants: spec.checkInvariants,
    maxEvents: spec.maxEvents,
    expectations: spec.expectations?.map((expectation) => expectation.expression),
  };
  return compact(doc) ?? {};
}

/** The complete spec (every default and draw filled in) as a partial spec with every field set. */
export function fullToSpec(full: FullSpec): ScenarioSpec {
  return {
    name: full.name,
    question: full.question,
    swarm: full.swarm,
    cluster: {
      nodes: full.cluster.nodes,
      ...(full.cluster.datacenters !== null ? { datacenters: full.cluster.datacenters } : {}),
      ...(full.cluster.datacenters !== null ? { latency: { ...(full.cluster.latency.intra !== null ? { intra: full.cluster.latency.intra } : {}), inter: full.cluster.latency.inter } } : {}),
      skew: full.cluster.skew,
      clocks: full.cluster.clocks,
    },
    raft: full.raft,
    compaction: full.compaction,
    metrics: full.metrics,
    network: full.network,
    disk: full.disk,
    workload: full.workload,
    faults: full.faults,
    chaos: full.chaos,
    duration: full.duration,
    livenessBound: full.livenessBound,
    checkInvariants: full.checkInvariants,
    maxEvents: full.maxEvents,
    expectations: full.expectations,
  };
}

/** YAML text for a document: short lists and small mappings on one line, as people write them. */
export function toYaml(document: Doc, header = ''): string {
  const doc = new YAML.Document(document);
  YAML.visit(doc, {
    Seq(_, node) {
      const simple = node.items.every((item) => YAML.isScalar(item) || (YAML.isSeq(item) && item.items.every((inner) => YAML.isScalar(inner))));
      if (simple && JSON.stringify(node.toJSON()).length <= 70) node.flow = true;
    },
    Map(_, node) {
      if (node.items.length <= 4 && node.items.every((pair) => YAML.isScalar(pair.value) || (YAML.isSeq(pair.value) && pair.value.items.every((inner) => YAML.isScalar(inner))))) {
        const text = JSON.stringify(node.toJSON());
        if (text.length <= 70 && doc.contents !== node) node.flow = true;
      }
    },
  });
  const body = doc.toString({ lineWidth: 0, flowCollectionPadding: false });
  const comment = header === '' ? '' : `${header.split('\n').map((line) => (line === '' ? '#' : `# ${line}`)).join('\n')}\n`;
  return comment + body;
}
