import { roundSpreads } from '../contract/compaction-rounds.js';
import { distributionOf } from './distribution.js';
/** Spreads over the rounds that two or more nodes took part in, and the time trigger's deviations (no-op rounds
 *  count as skipped windows only). */
export function compactionDrift(compactions) {
    const spreads = roundSpreads(compactions);
    const timeSpreads = spreads.map((s) => s.timeSpreadUs);
    const indexSpreads = spreads.map((s) => s.indexSpread);
    const deviations = [];
    const delays = [];
    let skippedWindows = 0;
    for (const record of compactions) {
        if (record.noop)
            skippedWindows++;
        if (record.intendedUs === null || record.noop)
            continue;
        deviations.push(Math.abs(record.completedUs - record.intendedUs));
        delays.push(record.completedUs - record.intendedUs);
    }
    const timeSpread = distributionOf(timeSpreads);
    const deviation = distributionOf(deviations);
    return {
        rounds: timeSpreads.length,
        maxTimeSpreadUs: timeSpread.max,
        meanTimeSpreadUs: timeSpread.mean,
        maxIndexSpread: indexSpreads.length === 0 ? null : Math.max(...indexSpreads),
        timeTrigger: {
            samples: deviations.length,
            skippedWindows,
            meanDeviationUs: deviation.mean,
            maxDeviationUs: deviation.max,
            maxDelayUs: delays.length === 0 ? null : Math.max(...delays),
        },
    };
}
//# sourceMappingURL=compaction-drift.js.map