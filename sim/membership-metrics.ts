// The membership measurements of a run (docs/metrics.md "Membership"): how many configuration entries came into
// force, how long the cluster spent in joint configurations, and how long each added node took to catch up.
// Fed by the cluster's observers (sim/cluster/observers.ts) from the Raft events `membership`,
// `conf-change-proposed` and `snapshot-installed`; present in result.json only for runs that change membership.
import { allMembers, describeMembership, isJoint, sameMembership, type Membership } from '../raft/membership.js';
import type { NodeId } from '../raft/types.js';

/** An added node has caught up once its durable log ends within this many entries of the leader's last index. */
export const catchUpWithinEntries = 10;

export interface CatchUp {
  /** True time the change adding the node was first in force at a leader (applied there, by default). */
  readonly addedAtUs: number;
  /** True time its durable last index first came within catchUpWithinEntries of the leader's; null: never. */
  readonly caughtUpAtUs: number | null;
  readonly catchUpUs: number | null;
  /** It installed a snapshot from the leader on the way. */
  readonly bySnapshot: boolean;
}

export interface MembershipMetrics {
  /** Configurations that came into force, in index order, each different from the one before (at the first node
   *  where it did: by its entry or by a snapshot carrying it; auto-leaves included). */
  readonly changes: number;
  /** Configuration entries leaders appended (an entry lost with its leader and proposed again counts twice). */
  readonly proposed: number;
  /** Of those, the leaves of joint configurations the leader proposed on its own (auto-leave). */
  readonly autoLeaves: number;
  /** Joint periods: from a joint configuration first in force at any node to the next simple one first in force
   *  at any node (or the end of the run). */
  readonly jointPeriods: number;
  readonly timeJointUs: number;
  /** Leaders that stepped down because the configuration in force no longer had them as a voter. */
  readonly removedStepDowns: number;
  /** 1 when the run ended in a joint configuration (the latest one in force anywhere). */
  readonly jointAtEnd: number;
  /** The configuration latest in force anywhere, in etcd's notation (describeMembership). */
  readonly finalConfig: string;
  readonly finalVoters: number;
  readonly finalLearners: number;
  /** Each node added during the run (by id), and the slowest catch-up (null: none caught up). */
  readonly catchUp: Readonly<Record<NodeId, CatchUp>>;
  readonly maxCatchUpUs: number | null;
}

interface PendingCatchUp {
  addedAtUs: number;
  caughtUpAtUs: number | null;
  bySnapshot: boolean;
}

export class MembershipCollector {
  private latestIndex = 0;
  private latest: Membership;
  private changes = 0;
  private proposed = 0;
  private autoLeaves = 0;
  private removedStepDowns = 0;
  private jointSinceUs: number | null = null;
  private jointPeriods = 0;
  private timeJointUs = 0;
  /** Members of the configuration latest in force at a leader: a member not among them was added. */
  private leaderMembers: ReadonlySet<NodeId>;
  private readonly catchUps = new Map<NodeId, PendingCatchUp>();
  /** Nodes still catching up: the observers check only these. */
  readonly catchingUp = new Set<NodeId>();

  constructor(bootstrap: Membership) {
    this.latest = bootstrap;
    this.leaderMembers = new Set(allMembers(bootstrap));
  }

  onProposed(auto: boolean): void {
    this.proposed++;
    if (auto) this.autoLeaves++;
  }

  /** The configuration in force at a node changed; `atLeader`: the node leads. True when it is the configuration
   *  latest in force anywhere (a higher index than any before). */
  onMembership(nowUs: number, index: number, membership: Membership, atLeader: boolean): boolean {
    const latest = index > this.latestIndex;
    if (latest) {
      if (!sameMembership(membership, this.latest)) this.changes++;
      this.latestIndex = index;
      this.latest = membership;
      const joint = isJoint(membership);
      if (joint && this.jointSinceUs === null) {
        this.jointSinceUs = nowUs;
        this.jointPeriods++;
      } else if (!joint && this.jointSinceUs !== null) {
        this.timeJointUs += nowUs - this.jointSinceUs;
        this.jointSinceUs = null;
      }
    }
    if (atLeader) this.noteAdded(nowUs, membership);
    return latest;
  }

  private noteAdded(nowUs: number, membership: Membership): void {
    const members = allMembers(membership);
    for (const id of members) {
      if (this.leaderMembers.has(id)) continue;
      this.catchUps.set(id, { addedAtUs: nowUs, caughtUpAtUs: null, bySnapshot: false });
      this.catchingUp.add(id);
    }
    this.leaderMembers = new Set(members);
  }

  onRemovedStepDown(): void {
    this.removedStepDowns++;
  }

  onSnapshotInstalled(node: NodeId): void {
    const pending = this.catchUps.get(node);
    if (pending !== undefined && pending.caughtUpAtUs === null) pending.bySnapshot = true;
  }

  /** A catching-up node's durable last index against the leader's. */
  onProgress(nowUs: number, node: NodeId, durableLastIndex: number, leaderLastIndex: number): void {
    const pending = this.catchUps.get(node);
    if (pending === undefined || durableLastIndex + catchUpWithinEntries < leaderLastIndex) return;
    pending.caughtUpAtUs = nowUs;
    this.catchingUp.delete(node);
  }

  result(endUs: number): MembershipMetrics {
    const catchUp: Record<NodeId, CatchUp> = {};
    let maxCatchUpUs: number | null = null;
    for (const [id, pending] of this.catchUps) {
      const catchUpUs = pending.caughtUpAtUs === null ? null : pending.caughtUpAtUs - pending.addedAtUs;
      catchUp[id] = { addedAtUs: pending.addedAtUs, caughtUpAtUs: pending.caughtUpAtUs, catchUpUs, bySnapshot: pending.bySnapshot };
      if (catchUpUs !== null) maxCatchUpUs = Math.max(maxCatchUpUs ?? 0, catchUpUs);
    }
    const joint = this.jointSinceUs !== null;
    return {
      changes: this.changes,
      proposed: this.proposed,
      autoLeaves: this.autoLeaves,
      jointPeriods: this.jointPeriods,
      timeJointUs: this.timeJointUs + (joint ? endUs - this.jointSinceUs! : 0),
      removedStepDowns: this.removedStepDowns,
      jointAtEnd: joint ? 1 : 0,
      finalConfig: describeMembership(this.latest),
      finalVoters: new Set([...this.latest.voters, ...this.latest.outgoing]).size,
      finalLearners: this.latest.learners.length + this.latest.learnersNext.length,
      catchUp,
      maxCatchUpUs,
    };
  }
}

