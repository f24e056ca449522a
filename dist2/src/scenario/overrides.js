import { UsageError } from '../errors.js';
import { bugNames, findBug } from '../../sim/bugs.js';
import { suggest } from './errors.js';
import { UnitError, expectedText, formatDistribution, formatDuration, formatProbability, formatRange, parseCount, parseDistribution, parseDuration, parseProbability, parseRange, parseSwitch, } from './units.js';
const positiveDuration = (value) => {
    const us = parseDuration(value);
    if (us === 0)
        throw new UnitError(`${expectedText.duration}, above 0`);
    return us;
};
/** Every override flag, in the order they are listed in --help and in replay commands. */
export const overrideFlags = [
    {
        flag: 'nodes',
        key: 'nodes',
        expected: 'a node count from 1 to 51, e.g. --nodes 3',
        describe: 'cluster size (ids n1..nN)',
        parse: (value) => {
            const n = parseCount(value, 51);
            if (n === 0)
                throw new UnitError('a node count from 1 to 51');
            return n;
        },
        format: (value) => String(value),
    },
    { flag: 'duration', key: 'duration', expected: 'a duration such as 30s or 1.5s', describe: 'length of the fault phase, e.g. 30s', parse: positiveDuration, format: (value) => formatDuration(value) },
    { flag: 'drop', key: 'drop', expected: 'a probability such as 5% or 0.05', describe: 'message drop probability on every link, e.g. 5%', parse: parseProbability, format: (value) => formatProbability(value) },
    {
        flag: 'delay',
        key: 'delay',
        expected: 'a latency such as 5ms or a range 1ms..10ms',
        describe: 'one-way network latency, e.g. 2ms or 1ms..10ms',
        parse: (value) => {
            const dist = parseDistribution(typeof value === 'number' ? String(value) : value);
            if (typeof value !== 'string')
                throw new UnitError('a latency such as 5ms or a range 1ms..10ms');
            return dist;
        },
        format: (value) => String(formatDistribution(value)),
    },
    { flag: 'skew', key: 'skew', expected: 'a duration such as 50ms', describe: 'clock offsets spread evenly over [-D, +D] across the nodes', parse: parseDuration, format: (value) => formatDuration(value) },
    {
        flag: 'election-timeout',
        key: 'electionTimeout',
        expected: 'a range such as 150ms..300ms (or one duration for a fixed timeout)',
        describe: 'election timeout range, e.g. 150ms..300ms; one value = fixed',
        parse: (value) => {
            const range = parseRange(value);
            if (range.minUs === 0)
                throw new UnitError('a range above 0 such as 150ms..300ms');
            return range;
        },
        format: (value) => formatRange(value),
    },
    { flag: 'heartbeat', key: 'heartbeat', expected: 'a duration such as 50ms', describe: 'heartbeat interval, e.g. 50ms', parse: positiveDuration, format: (value) => formatDuration(value) },
    {
        flag: 'snapshot-count',
        key: 'snapshotCount',
        expected: 'a number of entries >= 1, or off',
        describe: 'snapshot every N applied entries (or off)',
        parse: (value) => {
            if (value === 'off')
                return null;
            const n = parseCount(value);
            if (n === 0)
                throw new UnitError('a number of entries >= 1, or off');
            return n;
        },
        format: (value) => (value === null ? 'off' : String(value)),
    },
    { flag: 'prevote', key: 'preVote', boolean: true, expected: 'true or false (--prevote, --no-prevote)', describe: 'PreVote on or off (--no-prevote)', parse: parseSwitch, format: (value) => String(value) },
    { flag: 'check-quorum', key: 'checkQuorum', boolean: true, expected: 'true or false (--check-quorum, --no-check-quorum)', describe: 'CheckQuorum on or off (--no-check-quorum)', parse: parseSwitch, format: (value) => String(value) },
    { flag: 'swarm', key: 'swarm', boolean: true, expected: 'true or false', describe: 'swarm mode: draw every parameter the scenario leaves open from the seed', parse: parseSwitch, format: (value) => String(value) },
    {
        flag: 'bug',
        key: 'bug',
        repeatable: true,
        expected: `a catalogued bug (raftsim bugs lists them), e.g. --bug ${bugNames[0]}`,
        describe: 'switch a catalogued bug on (repeatable; `raftsim bugs` lists them)',
        parse: (value) => {
            const name = String(value);
            if (findBug(name) !== undefined)
                return name;
            const hint = suggest(name, bugNames);
            throw new UnitError(`${hint !== null ? `"${hint}" (did you mean it?), or ` : ''}one of the catalogued bugs (raftsim bugs lists them)`);
        },
        format: (value) => value,
    },
    {
        flag: 'raft',
        key: 'raft',
        expected: 'the path of a JavaScript module implementing the host contract, e.g. --raft ./my-raft.js',
        describe: 'run your own Raft module (exports create and restart, see docs/raft.md) instead of raftsim\'s',
        parse: (value) => {
            if (typeof value !== 'string' || value.trim() === '')
                throw new UnitError('the path of a JavaScript module, e.g. --raft ./my-raft.js');
            return value;
        },
        format: (value) => value,
    },
];
export function flagFor(key) {
    return overrideFlags.find((flag) => flag.key === key);
}
/** Parses override flag values (as yargs hands them over, undefined when absent); bad values are usage errors. */
export function parseOverrides(values, label = (flag) => `--${flag}`) {
    const overrides = {};
    for (const flag of overrideFlags) {
        const value = values[flag.flag];
        if (value === undefined)
            continue;
        if (flag.repeatable === true) {
            overrides[flag.key] = (Array.isArray(value) ? value : [value]).map((one) => parseOne(flag, one, label));
            continue;
        }
        if (Array.isArray(value))
            throw new UsageError(`${label(flag.flag)} was given ${value.length} times: expected it once.`);
        try {
            overrides[flag.key] = flag.parse(typeof value === 'number' && flag.flag !== 'nodes' && flag.flag !== 'snapshot-count' ? String(value) : value);
        }
        catch (error) {
            if (!(error instanceof UnitError))
                throw error;
            const shown = typeof value === 'string' ? (value === '' ? '""' : value) : String(value);
            throw new UsageError(`${label(flag.flag)} ${shown}: expected ${flag.expected}.`);
        }
    }
    return overrides;
}
function parseOne(flag, value, label) {
    try {
        return flag.parse(value);
    }
    catch (error) {
        if (!(error instanceof UnitError))
            throw error;
        throw new UsageError(`${label(flag.flag)} ${String(value)}: expected ${error.expected}.`);
    }
}
/** The flags that reproduce these overrides, in a canonical order (for replay commands). */
export function overridesToFlags(overrides) {
    const flags = [];
    for (const flag of overrideFlags) {
        const value = overrides[flag.key];
        if (value === undefined)
            continue;
        if (flag.boolean === true)
            flags.push(value === true ? `--${flag.flag}` : `--no-${flag.flag}`);
        else if (flag.repeatable === true)
            for (const one of value)
                flags.push(`--${flag.flag}`, flag.format(one));
        else
            flags.push(`--${flag.flag}`, flag.format(value));
    }
    return flags;
}
export function hasOverrides(overrides) {
    return overrides !== undefined && Object.values(overrides).some((value) => value !== undefined);
}
/** The spec paths an override sets. */
export function overriddenPaths(overrides) {
    const paths = new Set();
    const map = {
        nodes: 'cluster.nodes',
        duration: 'duration',
        drop: 'network.drop',
        delay: 'network.latency',
        skew: 'cluster.skew',
        electionTimeout: 'raft.electionTimeout',
        heartbeat: 'raft.heartbeat',
        snapshotCount: 'compaction.snapshotCount',
        preVote: 'raft.preVote',
        checkQuorum: 'raft.checkQuorum',
        swarm: 'swarm',
        bug: 'bugs',
        raft: 'raft-module',
    };
    for (const [key, path] of Object.entries(map))
        if (overrides[key] !== undefined)
            paths.add(path);
    return paths;
}
/** The scenario with the overrides written into it (a new object; the input is not changed). */
export function applyOverrides(spec, overrides) {
    if (!hasOverrides(overrides))
        return spec;
    const o = overrides;
    const next = { ...spec };
    if (o.nodes !== undefined || o.skew !== undefined) {
        const cluster = { ...(spec.cluster ?? {}) };
        if (o.nodes !== undefined)
            cluster.nodes = o.nodes;
        if (o.skew !== undefined) {
            cluster.skew = o.skew;
            // The flag replaces the offsets written in the file; drifts stay.
            if (cluster.clocks !== undefined) {
                cluster.clocks = Object.fromEntries(Object.entries(cluster.clocks).map(([id, clock]) => [id, clock.drift === undefined ? {} : { drift: clock.drift }]));
            }
        }
        next.cluster = cluster;
    }
    if (o.duration !== undefined)
        next.duration = o.duration;
    if (o.drop !== undefined || o.delay !== undefined) {
        next.network = { ...(spec.network ?? {}), ...(o.drop !== undefined ? { drop: o.drop } : {}), ...(o.delay !== undefined ? { latency: o.delay } : {}) };
    }
    if (o.electionTimeout !== undefined || o.heartbeat !== undefined || o.preVote !== undefined || o.checkQuorum !== undefined) {
        next.raft = {
            ...(spec.raft ?? {}),
            ...(o.electionTimeout !== undefined ? { electionTimeout: o.electionTimeout } : {}),
            ...(o.heartbeat !== undefined ? { heartbeat: o.heartbeat } : {}),
            ...(o.preVote !== undefined ? { preVote: o.preVote } : {}),
            ...(o.checkQuorum !== undefined ? { checkQuorum: o.checkQuorum } : {}),
        };
    }
    if (o.snapshotCount !== undefined)
        next.compaction = { ...(spec.compaction ?? {}), snapshotCount: o.snapshotCount };
    if (o.swarm !== undefined)
        next.swarm = o.swarm;
    if (o.bug !== undefined)
        next.bugs = [...new Set([...(spec.bugs ?? []), ...o.bug])];
    return next;
}
//# sourceMappingURL=overrides.js.map