// compile(): a validated scenario + a seed (+ overrides) -> the simulator's SimulationOptions. Pure: no I/O, no
// clock; the only randomness is the seed's `swarm` stream (open parameters in swarm mode) and its `scenario`
// stream (fault times given as `between`). Everything filled in is reported: defaults by path, draws by path
// and value.
import type { Fault, ScheduledFault } from '../../sim/nemesis.js';
import { Random } from '../../sim/random.js';
import type { SimulationOptions, TriggeredFault } from '../../sim/simulate.js';
import { checkFull } from './check.js';
import { clientHomes, clusterOptionsOf, nodeIdsOf } from './cluster-options.js';
import { SpecError } from './errors.js';
import type { Expectation } from './expectations.js';
import { toSimFaults, undoOf } from './faults/index.js';
import { fillSpec, type FullSpec } from './fill.js';
import { applyOverrides, flagFor, overriddenPaths, overridesToFlags, type Overrides } from './overrides.js';
import type { ScenarioSpec } from './spec.js';
import { formatDuration } from './units.js';

export interface CompiledScenario {
  readonly options: SimulationOptions;
  /** The complete scenario after overrides, defaults and draws (file form, numbers in base units). */
  readonly full: FullSpec;
  /** Every value drawn from the seed, formatted: swarm parameters by spec path, `between` times as faults[i].at. */
  readonly drawn: Readonly<Record<string, unknown>>;
  /** The drawn values in the file's own form, by spec path (for pinning them into a file). */
  readonly drawnValues: ReadonlyMap<string, unknown>;
  /** Fault times drawn for `between` items, by fault index. */
  readonly betweenTimes: ReadonlyMap<number, number>;
  /** Spec paths filled from defaults. */
  readonly defaults: readonly string[];
  readonly expectations: readonly Expectation[];
  /** Things worth telling the user (e.g. faults dropped because --duration cut the run short). */
  readonly notes: readonly string[];
}

export interface CompileOptions {
  readonly overrides?: Overrides;
  /** The scenario's name when the spec has none (the file name). */
  readonly name?: string;
}

/** The run's fault schedule: scripted times (`at`, `every`, `between` drawn from the seed) and triggers. */
interface Schedule {
  readonly faults: ScheduledFault[];
  readonly triggers: TriggeredFault[];
  /** `between` times drawn, by fault index, and formatted by path (faults[i].at). */
  readonly betweenTimes: Map<number, number>;
  readonly drawn: Record<string, unknown>;
  /** Scheduled faults left out because they fall at or after the end of the fault phase. */
  dropped: number;
}

/** Expands every fault item into the schedule; a `for` adds the fault's undo that much later. */
function scheduleFaults(full: FullSpec, seed: number): Schedule {
  const nodeIds = nodeIdsOf(full);
  const scenarioRandom = Random.fromSeed(seed).child('scenario');
  const schedule: Schedule = { faults: [], triggers: [], betweenTimes: new Map(), drawn: {}, dropped: 0 };
  const put = (atUs: number, fault: Fault): void => {
    if (atUs < full.duration) schedule.faults.push({ atUs, fault });
    else schedule.dropped++;
  };
  full.faults.forEach((item, index) => {
    const context = { full, nodeIds, forUs: item.forUs };
    const simFaults = toSimFaults(item.fault, context);
    const undo = item.forUs !== undefined ? undoOf(item.fault, context) : null;
    const at = (atUs: number): void => {
      for (const fault of simFaults) put(atUs, fault);
      if (undo !== null) put(atUs + item.forUs!, undo);
    };
    const when = item.when;
    switch (when.kind) {
      case 'at':
        at(when.atUs);
        break;
      case 'between': {
        const atUs = scenarioRandom.int(when.fromUs, when.toUs);
        schedule.betweenTimes.set(index, atUs);
        schedule.drawn[`faults[${index}].at`] = formatDuration(atUs);
        at(atUs);
        break;
      }
      case 'every': {
        const until = Math.min(when.untilUs ?? full.duration, full.duration);
        for (let atUs = when.fromUs ?? when.everyUs; atUs < until; atUs += when.everyUs) at(atUs);
        break;
      }
      case 'after': {
        const window = { ...(when.delayMaxUs !== undefined ? { delayMaxUs: when.delayMaxUs } : {}), ...(when.fromUs !== undefined ? { fromUs: when.fromUs } : {}), ...(when.untilUs !== undefined ? { untilUs: when.untilUs } : {}) };
        for (const fault of simFaults) schedule.triggers.push({ after: when.event, delayUs: when.delayUs, fault, times: when.times, ...window });
        // A drawn delay has no `for` (fault-items.ts refuses it): the undo would draw a delay of its own.
        if (undo !== null) schedule.triggers.push({ after: when.event, delayUs: when.delayUs + item.forUs!, fault: undo, times: when.times, ...window });
        break;
      }
      default: {
        const unreachable: never = when;
        throw new Error(`unknown timing ${JSON.stringify(unreachable)}`);
      }
    }
  });
  return schedule;
}

function scheduleNotes(full: FullSpec, overrides: Overrides, schedule: Schedule): string[] {
  const notes: string[] = [];
  const dropped = schedule.dropped;
  if (dropped > 0) notes.push(`${dropped} scheduled fault${dropped === 1 ? '' : 's'} fall at or after the end of the fault phase (${formatDuration(full.duration)}) and are left out`);
  if (overrides.duration !== undefined && full.chaos === null && schedule.faults.length === 0 && schedule.triggers.length === 0 && full.faults.length > 0) {
    notes.push(`--duration ${flagFor('duration').format(overrides.duration as never)} leaves no scripted fault inside the run`);
  }
  return notes;
}

function simulationOptionsOf(full: FullSpec, seed: number, schedule: Schedule): SimulationOptions {
  const w = full.workload;
  const chaos = full.chaos;
  return {
    scenario: full.name,
    seed,
    cluster: clusterOptionsOf(full),
    workload: {
      clients: w.clients,
      ratePerSecond: w.rate,
      keys: w.keys,
      mix: { ...w.mix },
      valueBytes: w.valueBytes,
      requestTimeoutUs: w.timeout,
      backoffBaseUs: w.backoff.minUs,
      backoffMaxUs: w.backoff.maxUs,
      maxAttempts: w.maxAttempts,
      // Written only when on, so that the meta record (and every golden hash) of a run without them is unchanged.
      ...(w.pinnedReaders > 0 ? { pinnedReaders: w.pinnedReaders } : {}),
      ...(w.recentKeyReads > 0 ? { recentKeyReads: w.recentKeyReads } : {}),
      ...(w.placement !== null ? { homeNodes: clientHomes(full).map((dc) => [...(full.cluster.datacenters?.[dc] ?? [])]) } : {}),
    },
    faults: schedule.faults,
    triggers: schedule.triggers,
    chaos:
      chaos === null
        ? null
        : {
            kinds: [...chaos.kinds],
            meanGapUs: chaos.meanGap,
            maxFaultDurationUs: chaos.maxFaultDuration,
            maxClockOffsetUs: chaos.maxClockOffset,
            maxDriftPpm: chaos.maxDrift,
            maxClockStepUs: chaos.maxClockStep,
            focus: chaos.focus,
          },
    durationUs: full.duration,
    livenessBoundUs: full.livenessBound,
    checkInvariants: full.checkInvariants,
    maxEvents: full.maxEvents,
  };
}

/** Compiles a validated scenario for one seed. Throws SpecError (with paths into the scenario) when invalid. */
export function compileScenario(spec: ScenarioSpec, seed: number, options: CompileOptions = {}): CompiledScenario {
  if (!Number.isSafeInteger(seed) || seed < 0) throw new SpecError([{ path: [], found: `seed ${String(seed)}`, expected: 'a seed that is a whole number >= 0' }]);
  const overrides = options.overrides ?? {};
  const effective = applyOverrides(spec, overrides);
  const filled = fillSpec(effective, seed, effective.name ?? options.name ?? 'scenario');
  const full = filled.full;
  const flags = overridesToFlags(overrides);
  const problems = checkFull(full, overriddenPaths(overrides), flags.length > 0 ? ` (with ${flags.join(' ')})` : '', filled.drawn.has('duration'));
  if (problems.length > 0) throw new SpecError(problems);
  const schedule = scheduleFaults(full, seed);
  return {
    options: simulationOptionsOf(full, seed, schedule),
    full,
    drawn: { ...filled.drawnText, ...schedule.drawn },
    drawnValues: filled.drawn,
    betweenTimes: schedule.betweenTimes,
    defaults: filled.defaults,
    expectations: full.expectations,
    notes: scheduleNotes(full, overrides, schedule),
  };
}
