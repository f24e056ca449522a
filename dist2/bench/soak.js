// Memory soak: 24 simulated hours of the steady-state scenario with compaction on and the trace off.
// Run in its own process (bench/run.ts spawns it) so its peak resident memory is its own.
import { performance } from 'node:perf_hooks';
import { builtinScenarios } from '../src/scenario/builtin.js';
import { simulate } from '../sim/simulate.js';
import { Trace } from '../sim/trace.js';
const hourUs = 3_600_000_000;
const hours = Number(process.argv[2] ?? 24);
const scenario = builtinScenarios.find((s) => s.name === 'steady-state');
const base = scenario.build(1);
// About 13 million events per simulated hour: the default bound (200 million) stopped a 24-hour soak after about
// 15 hours with an 'Assertion' verdict. Allow 50 million per hour.
const options = { ...base, durationUs: hours * hourUs, livenessBoundUs: 10_000_000, maxEvents: Math.max(base.maxEvents, Math.ceil(hours * 50_000_000)) };
const mib = (bytes) => Math.round((bytes / 2 ** 20) * 10) / 10;
let rssAtHour2 = 0;
let heapAtHour2 = 0;
let peakRss = 0;
const started = performance.now();
const result = simulate(options, new Trace({ hash: false }), {
    everyUs: hourUs / 4,
    onTick: (nowUs) => {
        const usage = process.memoryUsage();
        peakRss = Math.max(peakRss, usage.rss);
        if (nowUs === 2 * hourUs) {
            global.gc?.();
            rssAtHour2 = process.memoryUsage().rss;
            heapAtHour2 = process.memoryUsage().heapUsed;
        }
    },
});
global.gc?.();
const end = process.memoryUsage();
const soak = {
    simulatedHours: hours,
    wallSeconds: Math.round((performance.now() - started) / 100) / 10,
    peakRssMiB: mib(Math.max(peakRss, process.resourceUsage().maxRSS * 1024)),
    rssAtHour2MiB: mib(rssAtHour2),
    rssAtEndMiB: mib(end.rss),
    heapAtHour2MiB: mib(heapAtHour2),
    heapAtEndMiB: mib(end.heapUsed),
    growthHour2ToEndPercent: heapAtHour2 === 0 ? 0 : Math.round(((end.heapUsed - heapAtHour2) / heapAtHour2) * 1000) / 10,
    peakLogEntries: result.metrics.logGrowth.peakEntries,
    snapshots: result.metrics.compaction.snapshots,
    verdict: result.verdict,
};
process.stdout.write(JSON.stringify(soak) + '\n');
//# sourceMappingURL=soak.js.map