// Replication ("sync") latency over time, per follower (docs/metrics.md): the writes a leader proposed, bucketed
// by the time they were proposed, with the mean and the largest time until the follower acknowledged them durable.
// The distribution of the whole run (replicationLatency.byDatacenter) cannot say *when* a follower was slow; the
// incident this project started from (sync latency 80 ms -> 2.3 s once snapshots stopped) is a change over time,
// and the two-dc-incident experiment (src/experiments/two-dc-incident.ts) reads this timeline to measure it.
import type { NodeId } from '../raft/types.js';

/** One bucket: the writes proposed in [fromUs, fromUs + bucketUs) that this follower acknowledged. */
export interface ReplicationBucket {
  readonly fromUs: number;
  readonly count: number;
  readonly meanUs: number;
  readonly maxUs: number;
}

export interface ReplicationTimeline {
  /** Bucket width: the metrics sample interval (metrics.sampleInterval). */
  readonly bucketUs: number;
  /** Per follower, the buckets with at least one acknowledged write, in time order. */
  readonly byNode: Record<NodeId, readonly ReplicationBucket[]>;
  /** Writes not bucketed because a follower already had maxBuckets buckets (0 in runs under ~3 hours at 1 s). */
  readonly dropped: number;
}

/** Buckets kept per follower: 10,000 sample intervals (2.8 hours at the default 1 s). */
export const maxReplicationBuckets = 10_000;

interface OpenBucket {
  count: number;
  sumUs: number;
  maxUs: number;
}

export class ReplicationTimelineCollector {
  private readonly byNode = new Map<NodeId, Map<number, OpenBucket>>();
  private dropped = 0;
  /** The bucket written last: one acknowledgement covers a run of entries proposed close together, so most adds
   *  go to the same bucket as the one before (this is on the path of every acknowledged entry). */
  private lastFollower: NodeId | null = null;
  private lastKey = -1;
  private lastBucket: OpenBucket | null = null;

  constructor(private readonly bucketUs: number) {}

  /** A write proposed at proposedUs was acknowledged durable by `follower` latencyUs later. */
  add(follower: NodeId, proposedUs: number, latencyUs: number): void {
    const key = Math.floor(proposedUs / this.bucketUs);
    const bucket = follower === this.lastFollower && key === this.lastKey ? this.lastBucket : this.bucketFor(follower, key);
    if (bucket === null) return;
    bucket.count++;
    bucket.sumUs += latencyUs;
    if (latencyUs > bucket.maxUs) bucket.maxUs = latencyUs;
  }

  /** The bucket of `key` for `follower`, opened if new; null (and counted) beyond maxReplicationBuckets. */
  private bucketFor(follower: NodeId, key: number): OpenBucket | null {
    let buckets = this.byNode.get(follower);
    if (buckets === undefined) {
      buckets = new Map();
      this.byNode.set(follower, buckets);
    }
    let bucket = buckets.get(key);
    if (bucket === undefined) {
      if (buckets.size >= maxReplicationBuckets) {
        this.dropped++;
        return null;
      }
      bucket = { count: 0, sumUs: 0, maxUs: 0 };
      buckets.set(key, bucket);
    }
    this.lastFollower = follower;
    this.lastKey = key;
    this.lastBucket = bucket;
    return bucket;
  }

  result(): ReplicationTimeline {
    const byNode: Record<NodeId, ReplicationBucket[]> = {};
    for (const node of [...this.byNode.keys()].sort((a, b) => a.localeCompare(b, undefined, { numeric: true }))) {
      const buckets = this.byNode.get(node)!;
      byNode[node] = [...buckets.keys()]
        .sort((a, b) => a - b)
        .map((key) => {
          const bucket = buckets.get(key)!;
          return { fromUs: key * this.bucketUs, count: bucket.count, meanUs: Math.round(bucket.sumUs / bucket.count), maxUs: bucket.maxUs };
        });
    }
    return { bucketUs: this.bucketUs, byNode, dropped: this.dropped };
  }
}
