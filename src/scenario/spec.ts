// The scenario as validated from a file: human units already converted (durations in microseconds, sizes in
// bytes, probabilities in [0, 1], drift in ppm). Every field except `question` is optional: what a scenario
// leaves open is filled from the simulator's defaults, or drawn from the seed in swarm mode (fill.ts).
import type { NodeVersion } from '../../raft/versions.js';
import type { UpgradeOrder } from '../../sim/nemesis.js';
import type { ElectionTimerRestart, MembershipActivation, UnsafeKnobs } from '../../raft/config.js';
import type { RaftProfile } from './profile-names.js';
import type { ClusterEventKind } from '../../sim/cluster/cluster.js';
import type { ArmEventKind } from '../../sim/protocol-events.js';
import type { ChaosKind, FilterAction, MembershipStep, MessageClass, NodeTarget } from '../../sim/nemesis.js';
import type { BuggifySite } from '../../sim/buggify.js';
import type { Distribution } from '../../sim/random.js';
import type { Expectation } from './expectations.js';
import type { DurationRange } from './units.js';

export interface ScenarioSpec {
  name?: string;
  question: string;
  swarm?: boolean;
  cluster?: ClusterSpec;
  raft?: RaftSpec;
  compaction?: CompactionSpec;
  metrics?: MetricsSpec;
  network?: NetworkSpec;
  disk?: DiskSpec;
  workload?: WorkloadSpec;
  faults?: FaultItemSpec[];
  /** null: explicitly off. */
  chaos?: ChaosSpec | null;
  /** Rare branches at the host's decision points (sim/buggify.ts); off unless given, drawn in swarm mode. */
  buggify?: BuggifySpec | null;
  duration?: number;
  livenessBound?: number;
  checkInvariants?: boolean;
  maxEvents?: number;
  expectations?: Expectation[];
  /** Catalogued bugs switched on (sim/bugs.ts names: raft/, host and compaction mistakes alike). */
  bugs?: string[];
}

export interface ClusterSpec {
  /** A count (ids n1..nN) or the ids themselves. */
  nodes?: number | string[];
  /** The bootstrap voters: a count (the first nodes) or their ids; the other nodes are spare servers, not running
   *  until a membership change adds them. Absent: every node. */
  initialMembers?: number | string[];
  /** Datacenter name -> the nodes placed there. */
  datacenters?: Record<string, string[]>;
  latency?: { intra?: Distribution; inter?: Record<string, Distribution> };
  /** Clock offsets spread evenly over [-skew, +skew] across the nodes (first node -skew, last +skew). */
  skew?: number;
  clocks?: Record<string, { offset?: number; drift?: number }>;
  /** Mixed versions (docs/versions.md): one version for every node, or node -> version (unlisted nodes run the
   *  newest). Absent: the nodes are unversioned. */
  versions?: number | Record<string, number>;
}

export interface RaftSpec {
  /** An implementation's settings (profiles.ts) for whatever the file leaves open; applied before filling. */
  profile?: RaftProfile;
  electionTimerRestart?: ElectionTimerRestart;
  /** When a configuration entry takes effect: `apply` (etcd) or `append` (hashicorp). */
  membershipActivation?: MembershipActivation;
  electionTimeout?: DurationRange;
  heartbeat?: number;
  preVote?: boolean;
  checkQuorum?: boolean;
  leaderStickiness?: boolean;
  fastBackoff?: boolean;
  flowControl?: { maxEntriesPerMessage?: number; maxInflightMessages?: number; maxInflightBytes?: number; maxUncommittedBytes?: number };
  maxPendingReads?: number;
  leaseReads?: boolean;
  leaseDriftBound?: number;
  snapshotChunk?: number;
  /** raft/'s broken variants by switch name (raft/bugs.ts); `bugs:` names them (and the host's) by catalogue name. */
  unsafe?: { [K in keyof UnsafeKnobs]?: boolean };
}

export interface CompactionSpec {
  snapshotCount?: number | null;
  snapshotInterval?: number | null;
  catchUpEntries?: number;
  applyCost?: number;
  snapshotBytesPerSecond?: number;
  mistakes?: { triggerOnApplyLag?: boolean; applyLagTolerance?: number; noSnapshotFallback?: boolean };
  /** etcd's rule: a leader sending a snapshot drops no log (docs/versions.md). */
  pauseWhileSendingSnapshot?: boolean;
}

export interface MetricsSpec {
  sampleInterval?: number;
  stallBound?: number;
  stallEntries?: number;
}

export interface NetworkSpec {
  latency?: Distribution;
  drop?: number;
  duplicate?: number;
  reorder?: number;
  reorderDelay?: Distribution;
  maxMessageBytes?: number;
  clientLatency?: Distribution;
  /** Per link: "n1->n2" (one way) or "n1<->n2" (both ways), over the datacenter latencies. */
  links?: Record<string, Distribution>;
}

export interface DiskSpec {
  appendLatency?: Distribution;
  fsyncLatency?: Distribution;
  tearOnCrash?: boolean;
}

export interface WorkloadSpec {
  clients?: number;
  rate?: number;
  keys?: number;
  mix?: { put?: number; get?: number; cas?: number };
  valueBytes?: number;
  timeout?: number;
  backoff?: DurationRange;
  maxAttempts?: number;
  pinnedReaders?: number;
  recentKeyReads?: number;
  /** Home datacenter -> how many clients live there (c1.. in this order); the counts add up to `clients`. */
  placement?: Record<string, number>;
}

export interface ChaosSpec {
  kinds?: ChaosKind[];
  meanGap?: number;
  maxFaultDuration?: number;
  maxClockOffset?: number;
  maxDrift?: number;
  maxClockStep?: number;
  /** A kind that takes half of the draws (null: none). */
  focus?: ChaosKind | null;
}

export interface BuggifySpec {
  sites?: BuggifySite[];
  chance?: number;
  maxDelay?: number;
}

export type When =
  | { readonly kind: 'at'; readonly atUs: number }
  | { readonly kind: 'every'; readonly everyUs: number; readonly fromUs?: number; readonly untilUs?: number }
  /** `delayMaxUs`: the delay is drawn uniformly from [delayUs, delayMaxUs] at each firing (`delay: 0..75ms`);
   *  `fromUs`/`untilUs`: only events in that window of the fault phase count. */
  | { readonly kind: 'after'; readonly event: ClusterEventKind; readonly delayUs: number; readonly times: number; readonly delayMaxUs?: number; readonly fromUs?: number; readonly untilUs?: number }
  | { readonly kind: 'between'; readonly fromUs: number; readonly toUs: number };

/** Nodes on one side of a one-way cut: targets, or every node ('all'). */
export type TargetList = readonly NodeTarget[] | 'all';

export type FaultSpec =
  | { readonly kind: 'crash'; readonly node: NodeTarget }
  | { readonly kind: 'restart'; readonly node: NodeTarget }
  | { readonly kind: 'restart-all' }
  | { readonly kind: 'pause'; readonly node: NodeTarget; readonly durationUs?: number }
  | { readonly kind: 'slow'; readonly node: NodeTarget; readonly delayUs: number }
  | { readonly kind: 'apply-stall'; readonly node: NodeTarget; readonly durationUs?: number }
  | { readonly kind: 'partition'; readonly groups: readonly (readonly string[])[]; readonly datacenters?: undefined }
  /** One side per listed datacenter (the nodes of unlisted datacenters form one more side); compiled to groups. */
  | { readonly kind: 'partition'; readonly datacenters: readonly string[]; readonly groups?: undefined }
  | { readonly kind: 'isolate'; readonly node: NodeTarget }
  | { readonly kind: 'cut-one-way'; readonly from: TargetList; readonly to: TargetList }
  | { readonly kind: 'bridge'; readonly sideA: readonly string[]; readonly sideB: readonly string[]; readonly bridge: string }
  | { readonly kind: 'heal' }
  | { readonly kind: 'rejoin'; readonly node: string }
  | { readonly kind: 'clock-offset'; readonly node: NodeTarget; readonly offsetUs: number }
  | { readonly kind: 'clock-drift'; readonly node: NodeTarget; readonly driftPpm: number }
  | { readonly kind: 'clock-step'; readonly node: NodeTarget; readonly deltaUs: number }
  | {
      readonly kind: 'link';
      readonly from: NodeTarget;
      readonly to: NodeTarget;
      readonly bothWays: boolean;
      readonly drop?: number;
      readonly duplicate?: number;
      readonly reorder?: number;
      readonly latency?: Distribution;
    }
  | { readonly kind: 'reset-links' }
  | { readonly kind: 'clog'; readonly from: NodeTarget; readonly to: NodeTarget }
  | { readonly kind: 'unclog'; readonly from: NodeTarget; readonly to: NodeTarget }
  | { readonly kind: 'transfer-leadership'; readonly to: NodeTarget }
  | { readonly kind: 'campaign'; readonly node: NodeTarget }
  | { readonly kind: 'bounce'; readonly node: NodeTarget; readonly downUs: number }
  | { readonly kind: 'power-loss'; readonly nodes: TargetList; readonly downUs: number }
  | { readonly kind: 'filter'; readonly from: TargetList; readonly to: TargetList; readonly messages: MessageClass; readonly action: FilterAction; readonly delayUs: number }
  | { readonly kind: 'clear-filters' }
  // Versions (docs/versions.md): a restart onto another version, and every server one at a time.
  | { readonly kind: 'upgrade'; readonly node: NodeTarget; readonly to: NodeVersion; readonly downUs: number }
  | { readonly kind: 'rolling-upgrade'; readonly to: NodeVersion; readonly everyUs: number; readonly order: UpgradeOrder; readonly downUs: number }
  /** `repeat`: a storm of that many firings; `forUs`: the nested fault is undone that long after each firing. */
  | { readonly kind: 'arm'; readonly after: ArmEventKind; readonly withinUs: number; readonly delayUs: number; readonly fault: FaultSpec; readonly repeat?: number; readonly forUs?: number }
  // Membership changes: the simulator's forms (sim/nemesis.ts), written as in docs/scenarios.md.
  | { readonly kind: 'add-node'; readonly node: NodeTarget }
  | { readonly kind: 'add-learner'; readonly node: NodeTarget }
  | { readonly kind: 'remove-node'; readonly node: NodeTarget }
  | { readonly kind: 'promote'; readonly node: NodeTarget }
  | { readonly kind: 'demote'; readonly node: NodeTarget }
  | { readonly kind: 'replace'; readonly node: NodeTarget; readonly with: string | null; readonly joint: boolean }
  | { readonly kind: 'enter-joint'; readonly changes: readonly MembershipStep[]; readonly autoLeave: boolean }
  | { readonly kind: 'leave-joint' }
  /** Bounds absent: 3 and 7 voters (at most the cluster's nodes). */
  | { readonly kind: 'churn'; readonly minVoters?: number; readonly maxVoters?: number };

export interface FaultItemSpec {
  readonly when: When;
  readonly fault: FaultSpec;
  /** For paired faults: the undo is scheduled this long after the fault. */
  readonly forUs?: number;
}
