import { Random } from '../../sim/random.js';
import { checkFull } from './check.js';
import { clusterOptionsOf, nodeIdsOf } from './cluster-options.js';
import { SpecError } from './errors.js';
import { toSimFaults, undoOf } from './faults/index.js';
import { fillSpec } from './fill.js';
import { applyOverrides, flagFor, overriddenPaths, overridesToFlags } from './overrides.js';
import { formatDuration } from './units.js';
/** Expands every fault item into the schedule; a `for` adds the fault's undo that much later. */
function scheduleFaults(full, seed) {
    const nodeIds = nodeIdsOf(full);
    const scenarioRandom = Random.fromSeed(seed).child('scenario');
    const schedule = { faults: [], triggers: [], betweenTimes: new Map(), drawn: {}, dropped: 0 };
    const put = (atUs, fault) => {
        if (atUs < full.duration)
            schedule.faults.push({ atUs, fault });
        else
            schedule.dropped++;
    };
    full.faults.forEach((item, index) => {
        const context = { full, nodeIds, forUs: item.forUs };
        const simFaults = toSimFaults(item.fault, context);
        const undo = item.forUs !== undefined ? undoOf(item.fault, context) : null;
        const at = (atUs) => {
            for (const fault of simFaults)
                put(atUs, fault);
            if (undo !== null)
                put(atUs + item.forUs, undo);
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
                for (let atUs = when.fromUs ?? when.everyUs; atUs < until; atUs += when.everyUs)
                    at(atUs);
                break;
            }
            case 'after':
                for (const fault of simFaults)
                    schedule.triggers.push({ after: when.event, delayUs: when.delayUs, fault, times: when.times });
                if (undo !== null)
                    schedule.triggers.push({ after: when.event, delayUs: when.delayUs + item.forUs, fault: undo, times: when.times });
                break;
            default: {
                const unreachable = when;
                throw new Error(`unknown timing ${JSON.stringify(unreachable)}`);
            }
        }
    });
    return schedule;
}
function scheduleNotes(full, overrides, schedule) {
    const notes = [];
    const dropped = schedule.dropped;
    if (dropped > 0)
        notes.push(`${dropped} scheduled fault${dropped === 1 ? '' : 's'} fall at or after the end of the fault phase (${formatDuration(full.duration)}) and are left out`);
    if (overrides.duration !== undefined && full.chaos === null && schedule.faults.length === 0 && schedule.triggers.length === 0 && full.faults.length > 0) {
        notes.push(`--duration ${flagFor('duration').format(overrides.duration)} leaves no scripted fault inside the run`);
    }
    return notes;
}
function simulationOptionsOf(full, seed, schedule) {
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
        },
        faults: schedule.faults,
        triggers: schedule.triggers,
        chaos: chaos === null
            ? null
            : {
                kinds: [...chaos.kinds],
                meanGapUs: chaos.meanGap,
                maxFaultDurationUs: chaos.maxFaultDuration,
                maxClockOffsetUs: chaos.maxClockOffset,
                maxDriftPpm: chaos.maxDrift,
                maxClockStepUs: chaos.maxClockStep,
            },
        durationUs: full.duration,
        livenessBoundUs: full.livenessBound,
        checkInvariants: full.checkInvariants,
        maxEvents: full.maxEvents,
    };
}
/** Compiles a validated scenario for one seed. Throws SpecError (with paths into the scenario) when invalid. */
export function compileScenario(spec, seed, options = {}) {
    if (!Number.isSafeInteger(seed) || seed < 0)
        throw new SpecError([{ path: [], found: `seed ${String(seed)}`, expected: 'a seed that is a whole number >= 0' }]);
    const overrides = options.overrides ?? {};
    const effective = applyOverrides(spec, overrides);
    const filled = fillSpec(effective, seed, effective.name ?? options.name ?? 'scenario');
    const full = filled.full;
    const flags = overridesToFlags(overrides);
    const problems = checkFull(full, overriddenPaths(overrides), flags.length > 0 ? ` (with ${flags.join(' ')})` : '', filled.drawn.has('duration'));
    if (problems.length > 0)
        throw new SpecError(problems);
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
//# sourceMappingURL=compile.js.map