// The scenario as written — in a file, or inline from TypeScript (runScenarioSpec, loadScenario): the keys and
// human units of docs/scenarios.md ('2s', '1%', '64KiB', '150ms..300ms'). This is the public ScenarioSpec type;
// what the file is validated into (units converted to microseconds, bytes, [0, 1]) is spec.ts.
import type { ClusterEventKind } from '../../sim/cluster/cluster.js';
import type { BuggifySite } from '../../sim/buggify.js';
import type { ChaosKind, FilterAction, MessageClass } from '../../sim/nemesis.js';
import type { ArmEventKind } from '../../sim/protocol-events.js';
import type { ElectionTimerRestart, MembershipActivation, UnsafeKnobs } from '../../raft/config.js';
import type { RaftProfile } from './profile-names.js';

type DurationUnit = 'us' | 'µs' | 'ms' | 's' | 'min' | 'h';
/** `150ms`, `2s`, `1.5s`, `500us`, `2min`, `0` (a bare number other than 0 is refused). */
export type DurationText = `${number}${DurationUnit}` | 0 | '0';
/** `+80ms`, `-50ms`, `0`. */
export type SignedDurationText = DurationText | `+${number}${DurationUnit}`;
/** `150ms..300ms`, or one duration (min = max). */
export type RangeText = DurationText | `${number}${DurationUnit}..${number}${DurationUnit}`;
/** `5%`, `0.5%`, or a fraction such as 0.05. */
export type ProbabilityText = `${number}%` | number;
/** `50ppm`, `-20ppm`, `0.5%`. */
export type DriftText = `${number}ppm` | `${number}%` | 0;
/** `64KiB`, `1MiB`, `4MB`, `512B`, or a number of bytes. */
export type SizeText = `${number}${'B' | 'KiB' | 'MiB' | 'GiB' | 'KB' | 'MB' | 'GB'}` | number;
/** `200/s`, `30/min`, or a number per second. */
export type RateText = `${number}/${'s' | 'min'}` | number;
/** A latency distribution: constant, uniform (`1ms..5ms`), or a named shape; fixed, uniform, normal and
 *  exponential take a `floor` beside the kind (no draw below it). */
export type DistributionText =
  | RangeText
  | { fixed: DurationText; floor?: DurationText }
  | { constant: DurationText; floor?: DurationText }
  | { uniform: RangeText; floor?: DurationText }
  | { normal: { mean: DurationText; stddev: DurationText }; floor?: DurationText }
  | { lognormal: { median: DurationText; sigma: number } }
  | { exponential: { mean: DurationText } | DurationText; floor?: DurationText }
  | { tail: { base: DurationText; jitter: DurationText; chance: ProbabilityText; mean: DurationText } };
type Off = 'off' | false | null;
/** A node by id (`n2`) or chosen when the fault fires: `leader`, `follower`, `random`, `last-crashed`, `event-node`. */
export type NodeTargetText = string;
type NodesText = readonly NodeTargetText[] | 'all';

export interface ScenarioInput {
  name?: string;
  question: string;
  swarm?: boolean;
  cluster?: {
    nodes?: number | readonly string[];
    datacenters?: Record<string, readonly string[]>;
    latency?: { intra?: DistributionText; inter?: Record<string, DistributionText> };
    skew?: DurationText;
    clocks?: Record<string, { offset?: SignedDurationText; drift?: DriftText }>;
    versions?: number | Record<string, number>;
  };
  raft?: {
    profile?: RaftProfile;
    electionTimerRestart?: ElectionTimerRestart;
    membershipActivation?: MembershipActivation;
    electionTimeout?: RangeText;
    heartbeat?: DurationText;
    preVote?: boolean;
    checkQuorum?: boolean;
    leaderStickiness?: boolean;
    fastBackoff?: boolean;
    flowControl?: { maxEntriesPerMessage?: SizeText; maxInflightMessages?: number; maxInflightBytes?: SizeText; maxUncommittedBytes?: SizeText };
    maxPendingReads?: number;
    leaseReads?: boolean;
    leaseDriftBound?: DriftText;
    snapshotChunk?: SizeText;
    unsafe?: { [K in keyof UnsafeKnobs]?: boolean };
  };
  compaction?: {
    snapshotCount?: number | Off;
    snapshotInterval?: DurationText | Off;
    catchUpEntries?: number;
    applyCost?: DurationText;
    snapshotBytesPerSecond?: `${number}${'B' | 'KiB' | 'MiB' | 'GiB' | 'KB' | 'MB' | 'GB'}/s` | number;
    mistakes?: { triggerOnApplyLag?: boolean; applyLagTolerance?: number; noSnapshotFallback?: boolean };
    pauseWhileSendingSnapshot?: boolean;
  };
  metrics?: { sampleInterval?: DurationText; stallBound?: DurationText; stallEntries?: number };
  network?: {
    latency?: DistributionText;
    drop?: ProbabilityText;
    duplicate?: ProbabilityText;
    reorder?: ProbabilityText;
    reorderDelay?: DistributionText;
    maxMessageBytes?: SizeText;
    clientLatency?: DistributionText;
    /** Per link, over the datacenter latencies: `{'n1->n2': 20ms}` (one way) or `{'n1<->n2': ...}` (both ways). */
    links?: Record<string, DistributionText>;
  };
  disk?: { appendLatency?: DistributionText; fsyncLatency?: DistributionText; tearOnCrash?: boolean };
  workload?: {
    clients?: number;
    rate?: RateText;
    keys?: number;
    mix?: { put?: number; get?: number; cas?: number };
    valueBytes?: SizeText;
    timeout?: DurationText;
    backoff?: RangeText;
    maxAttempts?: number;
    pinnedReaders?: number;
    recentKeyReads?: ProbabilityText;
    /** Clients per home datacenter, e.g. `{eu: 3, us: 1}` (c1-c3 in eu, c4 in us); adds up to `clients`. */
    placement?: Record<string, number>;
  };
  faults?: readonly FaultItemInput[];
  chaos?: ChaosInput | 'on' | true | Off;
  buggify?: BuggifyInput | 'on' | true | Off;
  duration?: DurationText;
  livenessBound?: DurationText;
  checkInvariants?: boolean;
  maxEvents?: number;
  /** `PATH OP VALUE`, e.g. `electionLatency.p99 < 1s`. */
  expectations?: readonly string[];
  /** Catalogued bugs by name (`raftsim bugs`). */
  bugs?: readonly string[];
}

export interface ChaosInput {
  kinds?: readonly ChaosKind[] | 'all';
  meanGap?: DurationText;
  maxFaultDuration?: DurationText;
  maxClockOffset?: DurationText;
  maxDrift?: DriftText;
  maxClockStep?: DurationText;
  focus?: ChaosKind | 'none';
}

export interface BuggifyInput {
  sites?: readonly BuggifySite[] | 'all';
  chance?: ProbabilityText;
  maxDelay?: DurationText;
}

/** One timing (at, every, between or after), one fault, optionally `for` and `note` (docs/scenarios.md). */
export interface FaultItemInput {
  at?: DurationText;
  every?: DurationText;
  from?: DurationText;
  until?: DurationText;
  between?: readonly [DurationText, DurationText] | RangeText;
  after?: ClusterEventKind;
  delay?: DurationText;
  times?: number;
  for?: DurationText;
  note?: string;
  crash?: NodeTargetText;
  restart?: NodeTargetText;
  'restart-all'?: null | '' | Record<string, never>;
  pause?: NodeTargetText | { node: NodeTargetText; for?: DurationText };
  /** Groups of node ids, or `{datacenters: [east, west]}`: one side per listed datacenter. */
  partition?: readonly (readonly string[])[] | { datacenters: readonly string[] };
  isolate?: NodeTargetText;
  'cut-one-way'?: { from: NodeTargetText | NodesText; to: NodeTargetText | NodesText };
  bridge?: { sideA: readonly string[]; sideB: readonly string[]; bridge: string };
  heal?: null | '' | Record<string, never>;
  clock?: { node: NodeTargetText; offset?: SignedDurationText; drift?: DriftText; step?: SignedDurationText };
  link?: { from: NodeTargetText; to: NodeTargetText; drop?: ProbabilityText; duplicate?: ProbabilityText; reorder?: ProbabilityText; latency?: DistributionText; bothWays?: boolean };
  'reset-links'?: null | '' | Record<string, never>;
  clog?: { from: NodeTargetText; to: NodeTargetText };
  unclog?: { from: NodeTargetText; to: NodeTargetText };
  slow?: { node: NodeTargetText; delay: DurationText };
  'apply-stall'?: NodeTargetText | { node: NodeTargetText; for?: DurationText };
  'transfer-leadership'?: NodeTargetText;
  campaign?: NodeTargetText;
  bounce?: { node: NodeTargetText; down: DurationText };
  'power-loss'?: { nodes: NodeTargetText | NodesText; down: DurationText };
  filter?: { messages: MessageClass; action: FilterAction; from?: NodeTargetText | NodesText; to?: NodeTargetText | NodesText; delay?: DurationText };
  'clear-filters'?: null | '' | Record<string, never>;
  upgrade?: { node: NodeTargetText; to: number; down?: DurationText };
  'rolling-upgrade'?: { to: number; every: DurationText; order?: 'leader-last' | 'leader-first'; down?: DurationText };
  arm?: { on: ArmEventKind; within: DurationText; delay?: DurationText; repeat?: number; for?: DurationText; do: Omit<FaultItemInput, 'at' | 'every' | 'from' | 'until' | 'between' | 'after' | 'delay' | 'times' | 'for' | 'note' | 'arm'> };
}
