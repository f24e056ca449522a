// One seeded run: a fault phase checked for safety after every event, then a liveness phase that heals
// everything and requires one leader and all nodes converged on the same committed log within a bound
// (TigerBeetle's VOPR does the same: safety first, then liveness with a core healed).
import type { RaftFactory } from '../raft/contract.js';
import { RaftNode } from '../raft/node.js';
import type { SituationName } from './coverage.js';
import type { TraceRunParams } from '../contract/trace.js';
import type { NodeId } from '../raft/types.js';
import { ClientHistory } from './client-history.js';
import { bootstrapMembers, Cluster, defaultClusterOptions, protocolEventKinds, type ClusterEventKind, type ClusterOptions, type ClusterStats } from './cluster/cluster.js';
import { SafetyViolation, type Violation } from './checker.js';
import { checkClientHistory, type LinearizabilityOptions, type LinearizabilityVerdict } from './linearizable.js';
import { defaultChaosOptions, membershipFaultIn, randomFaultSchedule, type ChaosOptions, type Fault, type ScheduledFault } from './nemesis.js';
import type { RunMetrics } from './metrics.js';
import { Random } from './random.js';
import { Scheduler } from './scheduler.js';
import { Trace } from './trace.js';
import { Workload, defaultWorkloadOptions, type WorkloadOptions, type WorkloadStats } from './workload.js';

export interface SimulationOptions {
  readonly scenario: string;
  readonly seed: number;
  readonly cluster: ClusterOptions;
  readonly workload: WorkloadOptions;
  /** Scripted faults. */
  readonly faults: readonly ScheduledFault[];
  /** Faults fired a delay after a cluster event (e.g. crash the leader 500 ms after each election). */
  readonly triggers: readonly TriggeredFault[];
  /** Random faults drawn from the seed's `nemesis` stream, in addition to the scripted ones; null for none. */
  readonly chaos: ChaosOptions | null;
  /** Length of the fault phase. */
  readonly durationUs: number;
  /** The liveness phase must converge within this long after healing. */
  readonly livenessBoundUs: number;
  readonly checkInvariants: boolean;
  /** Bound on the events of one run. */
  readonly maxEvents: number;
  /** The Raft under test (raft/contract.ts); undefined or null: raftsim's own RaftNode. `name` (the module a user
   *  gave with --raft) is recorded in the trace's meta record and result.json. */
  readonly raftImplementation?: RaftImplementation | null;
  /** The end-of-run linearizability check of checked runs (sim/linearizable.ts): the history cap and the search
   *  budgets; undefined for the defaults. Not a run parameter (it changes no event), so not in meta.params. */
  readonly linearizability?: LinearizabilityOptions & {
    readonly maxOperations?: number;
    /** false: no per-read first pass (LinearizableRead); stale reads are then caught at the end, as Linearizable. */
    readonly readCheck?: boolean;
  };
}

export interface RaftImplementation {
  readonly name: string;
  readonly factory: RaftFactory;
}

export interface TriggeredFault {
  readonly after: ClusterEventKind;
  readonly delayUs: number;
  readonly fault: Fault;
  /** How many times it may fire at most. */
  readonly times: number;
  /** Only events at or after this true time count (default: from the start). */
  readonly fromUs?: number;
  /** Only events before this true time count (default: until the fault phase ends). */
  readonly untilUs?: number;
  /** When set, each firing's delay is drawn uniformly from [delayUs, delayMaxUs] (stream `triggers/<position>`). */
  readonly delayMaxUs?: number;
}

export type Verdict = 'ok' | 'safety' | 'liveness';

export interface LivenessOutcome {
  readonly healedAtUs: number;
  /** True time from healing to convergence; null when it did not converge. */
  readonly convergedAfterUs: number | null;
  /** Why it did not converge (the last failed check), or 'converged'. */
  readonly reason: string;
}

export interface SimulationResult {
  readonly scenario: string;
  readonly seed: number;
  readonly verdict: Verdict;
  readonly violation: Violation | null;
  readonly liveness: LivenessOutcome | null;
  /** Null when the trace was neither hashed nor written (the fastest mode). */
  readonly traceHash: string | null;
  readonly traceLines: number;
  readonly simulatedUs: number;
  readonly events: number;
  readonly invariantChecks: number;
  readonly faults: readonly ScheduledFault[];
  readonly cluster: ClusterStats;
  readonly network: { sent: number; delivered: number; dropped: Record<string, number>; duplicated: number; reordered: number };
  readonly workload: Omit<WorkloadStats, 'writeLatenciesUs' | 'readLatenciesUs'>;
  readonly finalState: Record<NodeId, unknown>;
  /** The measurements: see docs/metrics.md. */
  readonly metrics: RunMetrics;
  /** How often the run reached each situation worth reaching (sim/coverage.ts). */
  readonly coverage: Record<SituationName, number>;
  /** The client history checked for linearizability at the end of the run; null when invariants are off. */
  readonly linearizability: LinearizabilityVerdict | null;
  /** Internal objects for metrics and tests; not serialized. */
  readonly internals: { readonly cluster: Cluster; readonly workload: Workload; readonly scheduler: Scheduler };
}

export function nodeIdsFor(count: number): NodeId[] {
  return Array.from({ length: count }, (_, k) => `n${k + 1}`);
}

export function defaultSimulationOptions(overrides: Partial<SimulationOptions> & { nodes?: number } = {}): SimulationOptions {
  const { nodes, ...rest } = overrides;
  const cluster = rest.cluster ?? defaultClusterOptions(nodeIdsFor(nodes ?? 5));
  return {
    scenario: 'default',
    seed: 1,
    cluster,
    workload: defaultWorkloadOptions,
    faults: [],
    triggers: [],
    chaos: null,
    durationUs: 10_000_000,
    livenessBoundUs: 10_000_000,
    checkInvariants: true,
    maxEvents: 200_000_000,
    ...rest,
  };
}

const livenessCheckIntervalUs = 50_000;

/** Observation hooks that are not part of the run's parameters (benchmarks sample memory with them). */
export interface SimulationHooks {
  /** Called every `everyUs` of simulated time. Must not touch the simulation's state. */
  readonly everyUs: number;
  readonly onTick: (nowUs: number) => void;
}

export function simulate(options: SimulationOptions, trace: Trace = new Trace(), hooks: SimulationHooks | null = null): SimulationResult {
  const run = setUp(options, trace);
  scheduleFaults(run);
  const liveness = new LivenessCheck(run);
  if (hooks !== null) scheduleHooks(run, hooks);
  const outcome = execute(run, liveness);
  return assembleResult(run, outcome);
}

/** The parts of one run, built by setUp and shared by its phases. */
interface Run {
  readonly options: SimulationOptions;
  readonly trace: Trace;
  readonly scheduler: Scheduler;
  readonly faults: readonly ScheduledFault[];
  readonly workload: Workload;
  readonly cluster: Cluster;
  /** Stream for resolving fault targets (leader, random follower) when they fire. */
  readonly faultRandom: Random;
  /** The seed's root stream: triggers with a drawn delay take their own child of it. */
  readonly root: Random;
  /** The fault phase ends and the liveness phase heals at healAtUs; the run ends at endUs at the latest. */
  readonly healAtUs: number;
  readonly endUs: number;
}

interface Outcome {
  readonly verdict: Verdict;
  readonly violation: Violation | null;
  readonly liveness: LivenessOutcome | null;
}

/** Draws the random faults, writes the trace's meta record, and builds the workload and the cluster. */
function setUp(options: SimulationOptions, trace: Trace): Run {
  const scheduler = new Scheduler();
  const root = Random.fromSeed(options.seed);
  const nodeIds = options.cluster.nodeIds;
  const drawnFaults = options.chaos === null ? [] : randomFaultSchedule(root.child('nemesis'), nodeIds, options.durationUs, options.chaos, {
        electionTimeoutMinUs: options.cluster.raft.electionTimeoutMinUs,
        electionTimeoutMaxUs: options.cluster.raft.electionTimeoutMaxUs,
      });
  const faults = [...options.faults, ...drawnFaults].sort((a, b) => a.atUs - b.atUs);
  trace.emit({ t: 0, type: 'meta', seed: options.seed, scenario: options.scenario, params: serializableParams(options, faults) });

  // Clients know the bootstrap members (spares are not running); redirects lead them to nodes added later.
  const workload = new Workload(scheduler, root.child('workload'), options.workload, trace, bootstrapMembers(options.cluster));
  const cluster = new Cluster(scheduler, root, options.cluster, trace, options.seed, options.checkInvariants, {
    clientMessage: (to, message, from) => workload.receive(to, message, from),
  }, Workload.clientIds(options.workload), options.raftImplementation?.factory ?? RaftNode);
  cluster.requireSupport([...faults.map((item) => item.fault), ...options.triggers.map((trigger) => trigger.fault)], options.raftImplementation?.name ?? 'RaftNode');
  workload.attach(cluster);
  workload.clientHistory = new ClientHistory(options.linearizability?.maxOperations);
  if (cluster.checker !== null && options.linearizability?.readCheck !== false) {
    const checker = cluster.checker;
    workload.onStaleRead = (_client, _key, message, servedBy) => checker.onStaleRead(servedBy, message);
  }
  const faultRandom = root.child('nemesis/targets');
  const healAtUs = options.durationUs;
  return { options, trace, scheduler, faults, workload, cluster, faultRandom, root, healAtUs, endUs: options.durationUs + options.livenessBoundUs };
}

/** Schedules the scripted and drawn faults, and arms the event triggers (they act in the fault phase only). */
function scheduleFaults(run: Run): void {
  const { scheduler, cluster, faultRandom, healAtUs } = run;
  for (const item of run.faults) {
    scheduler.at(item.atUs, (fault: ScheduledFault) => cluster.applyFault(fault.fault, faultRandom), item);
  }
  const triggers = run.options.triggers;
  if (triggers.length === 0) return;
  const firings = triggers.map(() => 0);
  // Only triggers with a drawn delay have a stream, so a run without them draws nothing more.
  const delays = triggers.map((trigger, position) => (trigger.delayMaxUs !== undefined ? run.root.child(`triggers/${position}`) : null));
  const fire = (arg: { fault: Fault; node: NodeId | null }): void => {
    if (scheduler.nowUs < healAtUs) cluster.applyFault(arg.fault, faultRandom, arg.node);
  };
  const protocol = triggers.some((trigger) => (protocolEventKinds as readonly string[]).includes(trigger.after));
  cluster.addObserver((event) => {
    for (let position = 0; position < triggers.length; position++) {
      const trigger = triggers[position]!;
      // Triggers act in the fault phase only; the liveness phase heals.
      if (trigger.after !== event.kind || firings[position]! >= trigger.times || scheduler.nowUs >= healAtUs) continue;
      if (scheduler.nowUs < (trigger.fromUs ?? 0) || scheduler.nowUs >= (trigger.untilUs ?? healAtUs)) continue;
      firings[position]!++;
      const drawn = delays[position];
      const delayUs = drawn !== null && drawn !== undefined ? drawn.int(trigger.delayUs, trigger.delayMaxUs!) : trigger.delayUs;
      // The event's node is what the target event-node means.
      scheduler.after(delayUs, fire, { fault: trigger.fault, node: 'node' in event ? event.node : null });
    }
  }, protocol);
}

/** The liveness phase: at healAtUs the workload stops and everything heals; then the cluster must converge,
 *  checked every livenessCheckIntervalUs, before endUs. */
class LivenessCheck {
  outcome: LivenessOutcome | null = null;
  /** Why the last check failed ('not checked' before the first). */
  lastReason = 'not checked';

  constructor(private readonly run: Run) {
    run.scheduler.at(run.healAtUs, () => {
      run.workload.stop();
      run.cluster.healAll();
      run.scheduler.after(0, this.check);
    });
  }

  private readonly check = (): void => {
    const { cluster, scheduler, healAtUs, endUs } = this.run;
    cluster.currentEvent = 'liveness check';
    const state = cluster.converged();
    this.lastReason = state.reason;
    if (state.ok) {
      // Every member holds every acknowledged write (spares never started and removed nodes are not members).
      for (const node of cluster.members()) cluster.checker?.checkAcknowledgedIn(node.id, node.raft.log);
      this.outcome = { healedAtUs: healAtUs, convergedAfterUs: scheduler.nowUs - healAtUs, reason: 'converged' };
      scheduler.stop();
      return;
    }
    if (scheduler.nowUs + livenessCheckIntervalUs <= endUs) scheduler.after(livenessCheckIntervalUs, this.check);
  };
}

function scheduleHooks(run: Run, hooks: SimulationHooks): void {
  const { scheduler, endUs } = run;
  const tick = (): void => {
    hooks.onTick(scheduler.nowUs);
    if (scheduler.nowUs + hooks.everyUs <= endUs) scheduler.after(hooks.everyUs, tick);
  };
  scheduler.at(hooks.everyUs, tick);
}

/** Runs both phases; a safety violation or an assertion inside the simulation ends the run with verdict safety. */
function execute(run: Run, liveness: LivenessCheck): Outcome {
  const { options, scheduler, cluster } = run;
  try {
    cluster.start();
    run.workload.start();
    const stopped = scheduler.runUntil(run.endUs, options.maxEvents);
    if (stopped === 'maxEvents') throw new Error(`run exceeded the bound of ${options.maxEvents} events (maxEvents) at t=${scheduler.nowUs}us`);
    if (liveness.outcome === null) {
      return { verdict: 'liveness', violation: null, liveness: { healedAtUs: run.healAtUs, convergedAfterUs: null, reason: liveness.lastReason } };
    }
    return { verdict: 'ok', violation: null, liveness: liveness.outcome };
  } catch (error) {
    if (error instanceof SafetyViolation) return { verdict: 'safety', violation: error.violation, liveness: liveness.outcome };
    if (error instanceof Error && !(error instanceof RangeError)) {
      // An assertion inside the Raft node or the simulator: the run reached a state that must not exist.
      const nodeIds = options.cluster.nodeIds;
      const violation: Violation = {
        invariant: 'Assertion' as Violation['invariant'],
        message: error.message,
        timeUs: scheduler.nowUs,
        event: cluster.currentEvent,
        seed: options.seed,
        nodes: [...nodeIds],
        state: Object.fromEntries(nodeIds.map((id) => [id, cluster.describeNode(id)])),
      };
      return { verdict: 'safety', violation, liveness: liveness.outcome };
    }
    throw error;
  }
}

/** Collects the metrics, closes the trace with its end record, and builds the result. */
function assembleResult(run: Run, outcome: Outcome): SimulationResult {
  const { options, trace, scheduler, workload, cluster } = run;
  const nodeIds = options.cluster.nodeIds;
  workload.finish();
  const { verdict, violation, linearizability } = checkHistory(run, outcome);
  const measured = cluster.metrics.result({
    leaderChanges: cluster.stats.leaderChanges,
    preVoteRounds: cluster.stats.preVoteRounds,
    electionsStarted: cluster.stats.elections,
    snapshotsInstalled: cluster.stats.snapshotsInstalled,
    writeLatenciesUs: workload.stats.writeLatenciesUs.view,
    readLatenciesUs: workload.stats.readLatenciesUs.view,
    messagesByType: cluster.stats.messagesByType,
    droppedByReason: cluster.stats.droppedByReason,
    endUs: scheduler.nowUs,
    catchUp: cluster.catchUps.result(),
  });
  // Only for runs that can change membership, so that result.json of every other run is unchanged.
  const membership = options.cluster.initialMembers !== undefined || run.faults.some((item) => membershipFaultIn(item.fault) !== null) || options.triggers.some((trigger) => membershipFaultIn(trigger.fault) !== null);
  const withMembership: RunMetrics = membership ? { ...measured, membership: cluster.membershipMetrics(scheduler.nowUs) } : measured;
  // Only for mixed-version runs, so that result.json of every other run is unchanged.
  const versions = cluster.versionMetrics(scheduler.nowUs);
  const metrics: RunMetrics = versions !== null ? { ...withMembership, versions } : withMembership;
  cluster.coverage.add('client-outcome-unknown', workload.stats.timedOut);
  if (linearizability !== null) emitVerdict(trace, scheduler.nowUs, linearizability);
  const traceHash = trace.hashing ? trace.digest() : null;
  trace.emit({ t: scheduler.nowUs, type: 'end', hash: traceHash, verdict, ...(violation !== null ? { invariant: violation.invariant, message: violation.message } : {}) });
  trace.close();
  const { writeLatenciesUs: _w, readLatenciesUs: _r, ...workloadStats } = workload.stats;
  return {
    scenario: options.scenario,
    seed: options.seed,
    verdict,
    violation,
    liveness: outcome.liveness,
    traceHash,
    traceLines: trace.lines,
    simulatedUs: scheduler.nowUs,
    events: scheduler.eventsProcessed,
    invariantChecks: cluster.checker?.checks ?? 0,
    faults: run.faults,
    cluster: cluster.stats,
    network: { ...cluster.network.stats, dropped: { ...cluster.network.stats.dropped } },
    workload: { ...workloadStats },
    finalState: Object.fromEntries(nodeIds.map((id) => [id, cluster.describeNode(id)])),
    metrics,
    coverage: cluster.coverage.result(),
    linearizability,
    internals: { cluster, workload, scheduler },
  };
}

/** The end-of-run linearizability check (checked runs only): a violation fails a run that had not failed yet,
 *  with invariant 'Linearizable'; after an earlier violation the verdict is kept alongside it. */
function checkHistory(run: Run, outcome: Outcome): Outcome & { linearizability: LinearizabilityVerdict | null } {
  const { options, scheduler } = run;
  if (!options.checkInvariants) return { ...outcome, linearizability: null };
  const linearizability = checkClientHistory(run.workload.clientHistory, options.seed, options.linearizability);
  if (linearizability.verdict !== 'violation' || outcome.verdict === 'safety') return { ...outcome, linearizability };
  const violation: Violation = {
    invariant: 'Linearizable',
    message: linearizability.reason,
    timeUs: linearizability.stuck?.returnUs ?? scheduler.nowUs,
    event: 'the linearizability check of the client history at the end of the run',
    seed: options.seed,
    nodes: [],
    state: {},
  };
  return { verdict: 'safety', violation, liveness: outcome.liveness, linearizability };
}

function emitVerdict(trace: Trace, nowUs: number, verdict: LinearizabilityVerdict): void {
  if (!trace.enabled) return;
  const { operations, keys, unknownOutcomes, notRecorded, stepsUsed, reason } = verdict;
  trace.emit({
    t: nowUs,
    type: 'linearizability',
    verdict: verdict.verdict,
    operations,
    keys,
    unknownOutcomes,
    notRecorded,
    stepsUsed,
    reason,
    ...(verdict.key !== null ? { key: verdict.key } : {}),
    ...(verdict.stuck !== null ? { stuck: verdict.stuck.ref, subHistory: verdict.subHistory.map((op) => op.ref), context: verdict.context.map((op) => op.ref) } : {}),
  });
}

/** Every parameter of the run, given or drawn, for the trace's meta record and result.json. */
export function serializableParams(options: SimulationOptions, faults: readonly ScheduledFault[]): TraceRunParams {
  return {
    nodes: options.cluster.nodeIds,
    // Only when set, so that the meta record (and every golden hash) of a run without spares is unchanged.
    ...(options.cluster.initialMembers !== undefined ? { initialMembers: options.cluster.initialMembers } : {}),
    durationUs: options.durationUs,
    livenessBoundUs: options.livenessBoundUs,
    checkInvariants: options.checkInvariants,
    raft: options.cluster.raft,
    link: options.cluster.link,
    topology: options.cluster.topology,
    // Only when set (network.links), so that the meta record (and every golden hash) of a run without it is unchanged.
    ...(options.cluster.linkLatency !== undefined ? { linkLatency: options.cluster.linkLatency } : {}),
    maxMessageBytes: options.cluster.maxMessageBytes,
    clocks: options.cluster.clocks,
    disk: options.cluster.disk,
    tearOnCrash: options.cluster.tearOnCrash,
    hostBugs: options.cluster.hostBugs,
    compaction: options.cluster.compaction,
    metrics: options.cluster.metrics,
    // Only when set, so that the meta record (and every golden hash) of a run without it is unchanged.
    ...(options.cluster.clientPlacement !== undefined ? { clientPlacement: options.cluster.clientPlacement } : {}),
    ...(options.cluster.versions !== undefined ? { versions: options.cluster.versions } : {}),
    workload: options.workload,
    triggers: options.triggers,
    chaos: options.chaos,
    ...(options.cluster.buggify !== undefined && options.cluster.buggify !== null ? { buggify: options.cluster.buggify } : {}),
    faults,
    ...(options.raftImplementation !== undefined && options.raftImplementation !== null ? { raftImplementation: options.raftImplementation.name } : {}),
  };
}

export { defaultChaosOptions };
