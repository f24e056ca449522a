// The checks that need the whole scenario (after overrides, defaults and draws): node ids named anywhere exist
// in the cluster, the datacenter placement and latency matrix are complete, Raft's timing and sizes fit
// together, fault times fall inside the run, and expectations name existing nodes and datacenters.
import { messageHeaderBytes } from '../../raft/node.js';
import { nodeIdsOf } from './cluster-options.js';
import { describeFound, suggest, type Problem, type SpecPath } from './errors.js';
import { checkFault, faultKey, type FaultCheck } from './faults/index.js';
import type { FullSpec } from './fill.js';
import { dynamicTargets } from './node-ids.js';
import type { FaultItemSpec } from './spec.js';
import { formatDuration } from './units.js';
import { findBug } from '../../sim/bugs.js';

class Checker {
  readonly problems: Problem[] = [];
  constructor(
    readonly nodeIds: readonly string[],
    readonly datacenters: readonly string[],
    private readonly context: string,
  ) {}

  add(path: SpecPath, found: string, expected: string): void {
    this.problems.push({ path, found, expected: `${expected}${this.context}` });
  }

  node(path: SpecPath, id: string, allowDynamic: boolean): void {
    if (allowDynamic && dynamicTargets.has(id)) return;
    if (!this.nodeIds.includes(id)) {
      this.add(path, describeFound(id), `${allowDynamic ? 'leader, follower, random, last-crashed or ' : ''}a node of the cluster (${this.nodeIds.join(', ')})`);
    }
  }

  /** The view of this checker a fault entry checks its nodes with. */
  forFault(item: FaultItemSpec, index: number): FaultCheck {
    return {
      path: ['faults', index, faultKey(item.fault)],
      forUs: item.forUs,
      node: (path, id, allowDynamic) => this.node(path, id, allowDynamic),
      add: (path, found, expected) => this.add(path, found, expected),
      nodeCount: this.nodeIds.length,
      datacenters: this.datacenters,
    };
  }
}

/** The bootstrap voters are nodes of the cluster (a count at most the node count). */
function checkInitialMembers(full: FullSpec, check: Checker): void {
  const members = full.cluster.initialMembers;
  if (members === null) return;
  if (typeof members === 'number') {
    if (members > check.nodeIds.length) check.add(['cluster', 'initialMembers'], String(members), `at most the ${check.nodeIds.length} nodes of the cluster`);
    return;
  }
  members.forEach((id, k) => check.node(['cluster', 'initialMembers', k], id, false));
}

function checkDatacenters(full: FullSpec, check: Checker): void {
  const c = full.cluster;
  if (c.datacenters === null) {
    if (c.latency.intra !== null || Object.keys(c.latency.inter).length > 0) {
      check.add(['cluster', 'latency'], 'a datacenter latency matrix', 'cluster.datacenters to place the nodes (or network.latency for one latency between all nodes)');
    }
    return;
  }
  const placed = new Map<string, string>();
  for (const [dc, ids] of Object.entries(c.datacenters)) {
    ids.forEach((id, k) => {
      check.node(['cluster', 'datacenters', dc, k], id, false);
      if (placed.has(id)) check.add(['cluster', 'datacenters', dc, k], describeFound(id), `each node in one datacenter only (${id} is also in ${placed.get(id)})`);
      placed.set(id, dc);
    });
  }
  const unplaced = check.nodeIds.filter((id) => !placed.has(id));
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
}

function checkRaft(full: FullSpec, overridden: ReadonlySet<string>, check: Checker): void {
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
}

/** Fault times must fall inside the fault phase when the file sets both (an override may cut faults off). */
function checkFaults(full: FullSpec, durationFromFile: boolean, check: Checker): void {
  full.faults.forEach((item, index) => {
    checkFault(item.fault, check.forFault(item, index));
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
}

/** Expectations on per-node or per-datacenter metrics must name a node or datacenter of this scenario. */
function checkExpectationKeys(full: FullSpec, check: Checker): void {
  const datacenters = full.cluster.datacenters;
  full.expectations.forEach((expectation, index) => {
    const parts = expectation.path.replace(/^metrics\./, '').split('.');
    const keyed: Record<string, readonly string[]> = {
      'logGrowth.perNode': check.nodeIds,
      'compaction.snapshotsPerNode': check.nodeIds,
      'membership.catchUp': check.nodeIds,
      'versions.finalVersions': check.nodeIds,
      'versions.snapshotRejections': check.nodeIds,
      'versions.entryRejections': check.nodeIds,
      'replicationLatency.byDatacenter': datacenters === null ? [] : Object.keys(datacenters),
    };
    const owner = `${parts[0]}.${parts[1]}`;
    const known = keyed[owner];
    if (known !== undefined && parts[2] !== undefined && !known.includes(parts[2])) {
      check.add(['expectations', index], describeFound(expectation.expression), `a ${owner === 'replicationLatency.byDatacenter' ? 'datacenter' : 'node'} of this scenario in ${owner}.<key> (${known.join(', ') || 'none: no datacenters'})`);
    }
  });
}

/** cluster.clocks keys name a node, or a datacenter (whose setting applies to each of its nodes). */
function checkClockNames(full: FullSpec, check: Checker): void {
  const datacenters = check.datacenters;
  for (const name of Object.keys(full.cluster.clocks)) {
    if (check.nodeIds.includes(name) || datacenters.includes(name)) continue;
    const hint = suggest(name, [...check.nodeIds, ...datacenters]);
    const dcs = datacenters.length > 0 ? `, or a datacenter (${datacenters.join(', ')})` : ' (no datacenters: cluster.datacenters places none)';
    check.add(['cluster', 'clocks', name], describeFound(name), `${hint !== null ? `"${hint}" (did you mean it?), or ` : ''}a node of the cluster (${check.nodeIds.join(', ')})${dcs}`);
  }
}

/** network.links: each key "A->B" or "A<->B" between two different nodes of the cluster. */
function checkLinks(full: FullSpec, check: Checker): void {
  for (const key of Object.keys(full.network.links)) {
    const match = /^([A-Za-z][\w.-]*?)\s*(<->|->)\s*([A-Za-z][\w.-]*)$/.exec(key);
    if (match === null || !check.nodeIds.includes(match[1]!) || !check.nodeIds.includes(match[3]!) || match[1] === match[3]) {
      check.add(['network', 'links', key], `the key ${JSON.stringify(key)}`, `"A<->B" (both ways) or "A->B" (one way) with two different nodes of the cluster (${check.nodeIds.join(', ')})`);
    }
  }
}

/** workload.placement names datacenters and places exactly workload.clients clients. */
function checkClientPlacement(full: FullSpec, check: Checker): void {
  const placement = full.workload.placement;
  if (placement === null) return;
  const known = check.datacenters;
  for (const dc of Object.keys(placement)) {
    if (known.includes(dc)) continue;
    const hint = suggest(dc, known);
    const expected = known.length === 0 ? 'a datacenter of cluster.datacenters (this cluster places no nodes in datacenters)' : `${hint !== null ? `"${hint}" (did you mean it?), or ` : ''}a datacenter of the cluster (${known.join(', ')})`;
    check.add(['workload', 'placement', dc], describeFound(dc), expected);
  }
  const placed = Object.values(placement).reduce((a, b) => a + b, 0);
  if (placed !== full.workload.clients) check.add(['workload', 'placement'], `${placed} clients placed`, `counts that add up to workload.clients (${full.workload.clients})`);
}

/** cluster.versions names nodes of the cluster; upgrades and the negotiation mistakes need cluster.versions. */
function checkVersions(full: FullSpec, check: Checker): void {
  const versions = full.cluster.versions;
  if (versions !== null && typeof versions !== 'number') Object.keys(versions).forEach((id) => check.node(['cluster', 'versions', id], id, false));
  if (versions !== null) return;
  const needs = 'cluster.versions to give the nodes versions (e.g. versions: 1, or versions: {n4: 1})';
  full.faults.forEach((item, index) => {
    const fault = item.fault.kind === 'arm' ? item.fault.fault : item.fault;
    if (fault.kind === 'upgrade' || fault.kind === 'rolling-upgrade') check.add(['faults', index, faultKey(item.fault)], `a ${fault.kind} in an unversioned cluster`, needs);
  });
  if (full.chaos?.kinds.includes('upgrade') === true) check.add(['chaos', 'kinds'], 'upgrade in an unversioned cluster', needs);
  // In swarm mode a fifth of the seeds draw versions (fill-versions.ts): a negotiation mistake switched on for the
  // whole sweep acts in those and is inert in the others, as a membership mistake is without churn.
  if (full.swarm) return;
  full.bugs.forEach((name, index) => {
    if (findBug(name)?.switch.layer === 'versions') check.add(['bugs', index], name, `${needs}: ${name} is a negotiation mistake between versions`);
  });
}

/** Every problem of the complete scenario. `context` ends each expected text (e.g. " (with --nodes 3)"). */
export function checkFull(full: FullSpec, overridden: ReadonlySet<string>, context: string, drawnDuration: boolean): Problem[] {
  const check = new Checker(nodeIdsOf(full), full.cluster.datacenters === null ? [] : Object.keys(full.cluster.datacenters), context);
  checkInitialMembers(full, check);
  checkDatacenters(full, check);
  checkClockNames(full, check);
  checkLinks(full, check);
  checkClientPlacement(full, check);
  checkVersions(full, check);
  checkRaft(full, overridden, check);
  checkFaults(full, !overridden.has('duration') && !drawnDuration, check);
  checkExpectationKeys(full, check);
  return check.problems;
}
