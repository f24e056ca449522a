// Catch-up times (docs/metrics.md, "Catch-up"): how long a node that fell behind — cut off and healed, restarted,
// resumed from a pause, or added as a new server — takes to hold everything the cluster has committed. One sample
// per episode, censored as election latencies are (contract/election-terms.ts isCensored): an episode that began
// before the liveness phase's full heal and ended at or after it measures how long the faults lasted.
import { isCensored } from '../../contract/election-terms.js';
import { distributionOf } from '../distribution.js';
import type { NodeId } from '../network.js';
import type { CatchUpMetrics, CatchUpSample } from '../run-metrics.js';
import type { SimNode } from './node.js';

/** A node more than this many entries behind the cluster's commit index when it comes back has fallen behind. */
export const catchUpBehindEntries = 10;
/** Samples a result lists one by one (the first ones; the rest are counted as dropped). */
export const maxCatchUpSamples = 1_000;

interface Episode {
  readonly cause: CatchUpSample['cause'];
  readonly startUs: number;
  readonly behindEntries: number;
  bySnapshot: boolean;
}

export class CatchUps {
  private readonly open = new Map<NodeId, Episode>();
  private readonly latencies: number[] = [];
  private readonly samples: CatchUpSample[] = [];
  private dropped = 0;
  private censored = 0;
  private abandoned = 0;
  private healUs: number | null = null;

  constructor(private readonly nodes: ReadonlyMap<NodeId, SimNode>) {}

  /** Nodes with an open episode: the observers check them as they handle input. */
  get pending(): number {
    return this.open.size;
  }

  isCatchingUp(node: NodeId): boolean {
    return this.open.has(node);
  }

  /** The cluster's commit index: the largest of any running node other than `self` (the leader's, when there is one). */
  private clusterCommit(self: NodeId): number {
    let commit = 0;
    for (const node of this.nodes.values()) {
      if (node.id !== self && node.process.status !== 'down' && !node.process.spare) commit = Math.max(commit, node.raft.log.committed);
    }
    return commit;
  }

  /** `node` is back (restarted, resumed, reconnected, booted): an episode opens if it is behind. An episode
   *  already open keeps its start and cause (a node restarted while cut off catches up from the restart). */
  onBack(nowUs: number, node: SimNode, cause: CatchUpSample['cause']): void {
    if (node.process.status === 'down' || this.open.has(node.id)) return;
    const behind = this.clusterCommit(node.id) - node.raft.log.persistedLastIndex();
    if (behind > catchUpBehindEntries) this.open.set(node.id, { cause, startUs: nowUs, behindEntries: behind, bySnapshot: false });
  }

  /** A heal (all cuts, or one node's): every running node is back on the network. */
  onHeal(nowUs: number, only: NodeId | null): void {
    for (const node of this.nodes.values()) if (only === null || node.id === only) this.onBack(nowUs, node, 'heal');
  }

  onLivenessHeal(nowUs: number): void {
    if (this.healUs === null) this.healUs = nowUs;
  }

  /** A crash ends the episode without a sample: the restart opens a new one. */
  onCrash(node: NodeId): void {
    if (this.open.delete(node)) this.abandoned++;
  }

  onSnapshotInstalled(node: NodeId): void {
    const episode = this.open.get(node);
    if (episode !== undefined) episode.bySnapshot = true;
  }

  /** A catching-up node handled input: does its durable log hold the cluster's commit index now? */
  check(nowUs: number, node: SimNode): void {
    const episode = this.open.get(node.id);
    if (episode === undefined || node.raft.log.persistedLastIndex() < this.clusterCommit(node.id)) return;
    this.open.delete(node.id);
    const catchUpUs = nowUs - episode.startUs;
    const censored = isCensored(episode.startUs, nowUs, this.healUs);
    this.record({ node: node.id, cause: episode.cause, startUs: episode.startUs, catchUpUs, behindEntries: episode.behindEntries, bySnapshot: episode.bySnapshot, censored });
  }

  private record(sample: CatchUpSample): void {
    if (sample.catchUpUs !== null && !sample.censored) this.latencies.push(sample.catchUpUs);
    else this.censored++;
    if (this.samples.length < maxCatchUpSamples) this.samples.push(sample);
    else this.dropped++;
  }

  /** The distribution (uncensored), and every sample; an episode still open at the end is a censored sample. */
  result(): { catchUp: CatchUpMetrics; samples: readonly CatchUpSample[]; dropped: number } {
    for (const [node, episode] of [...this.open].sort(([a], [b]) => a.localeCompare(b, undefined, { numeric: true }))) {
      this.record({ node, cause: episode.cause, startUs: episode.startUs, catchUpUs: null, behindEntries: episode.behindEntries, bySnapshot: episode.bySnapshot, censored: true });
    }
    this.open.clear();
    return { catchUp: { ...distributionOf(this.latencies), censored: this.censored, abandoned: this.abandoned }, samples: this.samples, dropped: this.dropped };
  }
}
