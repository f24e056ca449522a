// Writing a scenario back out in the file's own form (human units), e.g. the minimal scenario `raftsim shrink`
// produces, or the complete parameters of a run in result.json. Loading the written text gives back the same
// spec (tested for every built-in scenario).
import YAML from 'yaml';
import { compact, offOr, opt, type Doc } from './document.js';
import { writeFault } from './faults/index.js';
import type { FullSpec } from './fill.js';
import type { FaultItemSpec, ScenarioSpec } from './spec.js';
import { formatDistribution, formatDuration, formatPpm, formatProbability, formatRange, formatSignedDuration, formatSize } from './units.js';

/** One fault item in the file's form: its timing keys, the fault's key and value, and `for`. */
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
      if (when.delayMaxUs !== undefined) out.delay = formatRange({ minUs: when.delayUs, maxUs: when.delayMaxUs });
      else if (when.delayUs !== 0) out.delay = formatDuration(when.delayUs);
      if (when.times !== 1) out.times = when.times;
      if (when.fromUs !== undefined) out.from = formatDuration(when.fromUs);
      if (when.untilUs !== undefined) out.until = formatDuration(when.untilUs);
      break;
    case 'between':
      out.between = [formatDuration(when.fromUs), formatDuration(when.toUs)];
      break;
  }
  const [key, body] = writeFault(item.fault);
  out[key] = body;
  if (item.forUs !== undefined) out.for = formatDuration(item.forUs);
  return out;
}

function clusterDocument(c: NonNullable<ScenarioSpec['cluster']>): Doc | undefined {
  return compact({
    nodes: c.nodes,
    initialMembers: c.initialMembers,
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
    versions: c.versions,
  });
}

function raftDocument(r: NonNullable<ScenarioSpec['raft']>): Doc | undefined {
  return compact({
    profile: r.profile,
    electionTimerRestart: r.electionTimerRestart,
    membershipActivation: r.membershipActivation,
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
  });
}

function compactionDocument(k: NonNullable<ScenarioSpec['compaction']>): Doc | undefined {
  return compact({
    snapshotCount: offOr(k.snapshotCount, (value) => value),
    snapshotInterval: offOr(k.snapshotInterval, formatDuration),
    catchUpEntries: k.catchUpEntries,
    applyCost: opt(k.applyCost, formatDuration),
    snapshotBytesPerSecond: opt(k.snapshotBytesPerSecond, (value) => `${formatSize(value)}/s`),
    mistakes: k.mistakes === undefined ? undefined : compact({ ...k.mistakes }),
    pauseWhileSendingSnapshot: k.pauseWhileSendingSnapshot,
  });
}

function networkDocument(n: NonNullable<ScenarioSpec['network']>): Doc | undefined {
  return compact({
    latency: opt(n.latency, formatDistribution),
    drop: opt(n.drop, formatProbability),
    duplicate: opt(n.duplicate, formatProbability),
    reorder: opt(n.reorder, formatProbability),
    reorderDelay: opt(n.reorderDelay, formatDistribution),
    maxMessageBytes: opt(n.maxMessageBytes, formatSize),
    clientLatency: opt(n.clientLatency, formatDistribution),
    links: n.links === undefined || Object.keys(n.links).length === 0 ? undefined : Object.fromEntries(Object.entries(n.links).map(([key, dist]) => [key, formatDistribution(dist)])),
  });
}

function workloadDocument(w: NonNullable<ScenarioSpec['workload']>): Doc | undefined {
  return compact({
    clients: w.clients,
    rate: opt(w.rate, (rate) => `${rate}/s`),
    keys: w.keys,
    mix: w.mix === undefined ? undefined : compact({ ...w.mix }),
    valueBytes: opt(w.valueBytes, formatSize),
    timeout: opt(w.timeout, formatDuration),
    backoff: opt(w.backoff, formatRange),
    maxAttempts: w.maxAttempts,
    pinnedReaders: w.pinnedReaders,
    recentKeyReads: opt(w.recentKeyReads, formatProbability),
    placement: w.placement,
  });
}

/** chaos: off when switched off, on when on with every default. */
function chaosDocument(chaos: ScenarioSpec['chaos']): Doc | 'on' | 'off' | undefined {
  if (chaos === undefined) return undefined;
  if (chaos === null) return 'off';
  return (
    compact({
      kinds: chaos.kinds === undefined ? undefined : [...chaos.kinds],
      meanGap: opt(chaos.meanGap, formatDuration),
      maxFaultDuration: opt(chaos.maxFaultDuration, formatDuration),
      maxClockOffset: opt(chaos.maxClockOffset, formatDuration),
      maxDrift: opt(chaos.maxDrift, formatPpm),
      maxClockStep: opt(chaos.maxClockStep, formatDuration),
      focus: chaos.focus === undefined ? undefined : (chaos.focus ?? 'none'),
    }) ?? 'on'
  );
}

function buggifyDocument(buggify: ScenarioSpec['buggify']): Doc | 'on' | 'off' | undefined {
  if (buggify === undefined) return undefined;
  if (buggify === null) return 'off';
  return compact({ sites: buggify.sites === undefined ? undefined : [...buggify.sites], chance: opt(buggify.chance, formatProbability), maxDelay: opt(buggify.maxDelay, formatDuration) }) ?? 'on';
}

/** A (partial) spec in the file's form; fields the spec leaves open are left out. */
export function specToDocument(spec: ScenarioSpec): Doc {
  const doc: Doc = {
    name: spec.name,
    question: spec.question,
    swarm: spec.swarm,
    cluster: opt(spec.cluster, clusterDocument),
    raft: opt(spec.raft, raftDocument),
    compaction: opt(spec.compaction, compactionDocument),
    metrics: opt(spec.metrics, (m) => compact({ sampleInterval: opt(m.sampleInterval, formatDuration), stallBound: opt(m.stallBound, formatDuration), stallEntries: m.stallEntries })),
    network: opt(spec.network, networkDocument),
    disk: opt(spec.disk, (d) => compact({ appendLatency: opt(d.appendLatency, formatDistribution), fsyncLatency: opt(d.fsyncLatency, formatDistribution), tearOnCrash: d.tearOnCrash })),
    workload: opt(spec.workload, workloadDocument),
    faults: spec.faults?.map(faultItemToDocument),
    chaos: chaosDocument(spec.chaos),
    buggify: buggifyDocument(spec.buggify),
    duration: opt(spec.duration, formatDuration),
    livenessBound: opt(spec.livenessBound, formatDuration),
    checkInvariants: spec.checkInvariants,
    maxEvents: spec.maxEvents,
    expectations: spec.expectations?.map((expectation) => expectation.expression),
    bugs: spec.bugs !== undefined && spec.bugs.length > 0 ? [...spec.bugs] : undefined,
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
      ...(full.cluster.initialMembers !== null ? { initialMembers: full.cluster.initialMembers } : {}),
      ...(full.cluster.datacenters !== null ? { datacenters: full.cluster.datacenters } : {}),
      ...(full.cluster.datacenters !== null ? { latency: { ...(full.cluster.latency.intra !== null ? { intra: full.cluster.latency.intra } : {}), inter: full.cluster.latency.inter } } : {}),
      skew: full.cluster.skew,
      clocks: full.cluster.clocks,
      ...(full.cluster.versions !== null ? { versions: full.cluster.versions } : {}),
    },
    raft: (({ profile, ...rest }) => (profile === null ? rest : { ...rest, profile }))(full.raft),
    compaction: full.compaction,
    metrics: full.metrics,
    network: full.network,
    disk: full.disk,
    workload: (({ placement, ...rest }) => (placement === null ? rest : { ...rest, placement }))(full.workload),
    faults: full.faults,
    chaos: full.chaos,
    duration: full.duration,
    livenessBound: full.livenessBound,
    checkInvariants: full.checkInvariants,
    maxEvents: full.maxEvents,
    expectations: full.expectations,
    bugs: full.bugs,
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
