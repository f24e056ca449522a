// Measurements of mixed-version runs (raft/versions.ts, docs/versions.md): how long some node could not catch up
// because it could not decode what it was sent, how often each node rejected something (the incident's learner
// rejected every snapshot, forever), and how far the leader's retained log grew meanwhile (etcd pauses
// compaction while a snapshot is in flight, so a snapshot that never lands keeps the whole log).
import { describeUndecodable, type NodeVersion, type Undecodable } from '../raft/versions.js';
import type { NodeId } from './network.js';

export interface VersionMetrics {
  /** Each node's version at the end of the run (after upgrades and downgrades). */
  readonly finalVersions: Readonly<Record<NodeId, number>>;
  /** Version changes carried out (upgrade faults and the steps of rolling upgrades). */
  readonly upgrades: number;
  /** Time during which at least one node was blocked: it rejected a request it could not decode and has not
   *  committed or installed a snapshot since. Runs to the end of the run for a node still blocked then. */
  readonly blockedUs: number;
  /** Nodes still blocked at the end of the run. */
  readonly blockedAtEnd: number;
  /** Rejections of undecodable requests, all nodes. */
  readonly rejections: number;
  /** Snapshot chunks each node rejected (its snapshot retries: every one is a transfer that failed). */
  readonly snapshotRejections: Readonly<Record<NodeId, number>>;
  /** AppendEntries each node rejected (entries in a format it cannot read). */
  readonly entryRejections: Readonly<Record<NodeId, number>>;
  /** The leader's retained log (entries after its compacted index) at the first block, its largest value while
   *  some node was blocked, and its value when the last block ended (or at the end of the run). Sampled with
   *  the periodic log sample (metrics.sampleInterval); 0 when nothing was ever blocked. */
  readonly leaderRetainedAtBlock: number;
  readonly leaderRetainedMax: number;
  readonly leaderRetainedAtEnd: number;
}

export class VersionCollector {
  private readonly versions = new Map<NodeId, number>();
  private upgrades = 0;
  private rejections = 0;
  private readonly snapshotRejections = new Map<NodeId, number>();
  private readonly entryRejections = new Map<NodeId, number>();
  private readonly lastRejected = new Map<NodeId, Undecodable>();
  /** Blocked nodes and since when. */
  private readonly blocked = new Map<NodeId, number>();
  private blockedSinceUs: number | null = null;
  private blockedUs = 0;
  private retainedAtBlock: number | null = null;
  private retainedMax = 0;
  private retainedLast = 0;

  constructor(initial: ReadonlyMap<NodeId, NodeVersion>) {
    for (const [id, version] of initial) this.versions.set(id, version);
    for (const id of initial.keys()) {
      this.snapshotRejections.set(id, 0);
      this.entryRejections.set(id, 0);
    }
  }

  onUpgrade(node: NodeId, to: NodeVersion): void {
    this.versions.set(node, to);
    this.upgrades++;
  }

  /** `node` rejected what it could not decode. */
  onRejection(node: NodeId, what: Undecodable, nowUs: number): void {
    this.rejections++;
    const counts = what.kind === 'snapshot-encoding' ? this.snapshotRejections : this.entryRejections;
    counts.set(node, (counts.get(node) ?? 0) + 1);
    this.lastRejected.set(node, what);
    if (this.blocked.has(node)) return;
    this.blocked.set(node, nowUs);
    if (this.blockedSinceUs === null) this.blockedSinceUs = nowUs;
  }

  /** `node` committed or installed a snapshot: it decodes what it is sent again. */
  onProgress(node: NodeId, nowUs: number): void {
    if (!this.blocked.delete(node) || this.blocked.size > 0 || this.blockedSinceUs === null) return;
    this.blockedUs += nowUs - this.blockedSinceUs;
    this.blockedSinceUs = null;
  }

  /** The periodic sample: the retained log of the current leader (null: none). */
  onSample(leaderRetained: number | null): void {
    if (this.blocked.size === 0 || leaderRetained === null) return;
    this.retainedAtBlock ??= leaderRetained;
    this.retainedMax = Math.max(this.retainedMax, leaderRetained);
    this.retainedLast = leaderRetained;
  }

  isBlocked(node: NodeId): boolean {
    return this.blocked.has(node);
  }

  /** Why `node` is blocked, for the liveness reason; null when it is not. */
  blockedReason(node: NodeId): string | null {
    const what = this.lastRejected.get(node);
    if (!this.blocked.has(node) || what === undefined) return null;
    const count = (this.snapshotRejections.get(node) ?? 0) + (this.entryRejections.get(node) ?? 0);
    return `${node} has rejected ${count} requests it cannot decode, the last ${describeUndecodable(what)}`;
  }

  result(endUs: number): VersionMetrics {
    const blockedUs = this.blockedUs + (this.blockedSinceUs !== null ? endUs - this.blockedSinceUs : 0);
    return {
      finalVersions: Object.fromEntries(this.versions),
      upgrades: this.upgrades,
      blockedUs,
      blockedAtEnd: this.blocked.size,
      rejections: this.rejections,
      snapshotRejections: Object.fromEntries(this.snapshotRejections),
      entryRejections: Object.fromEntries(this.entryRejections),
      leaderRetainedAtBlock: this.retainedAtBlock ?? 0,
      leaderRetainedMax: this.retainedMax,
      leaderRetainedAtEnd: this.retainedLast,
    };
  }
}
