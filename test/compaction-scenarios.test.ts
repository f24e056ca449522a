// The three compaction scenarios of the library, measured: cross-datacenter compaction drift with a 30 s and a
// 120 s partition (each measured on its own), the compaction stall against the right trigger, and a slow
// follower catching up by InstallSnapshot. Bands are pinned for fixed seeds.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultCompactionOptions } from '../sim/compaction-options.js';
import { simulate, type SimulationOptions, type SimulationResult } from '../sim/simulate.js';
import { Trace } from '../sim/trace.js';
import { loadScenario } from '../src/api.js';
import { compileScenario } from '../src/scenario/compile.js';

function compiled(name: string, seed = 1): SimulationOptions {
  return compileScenario(loadScenario(join('scenarios', `${name}.yaml`)).spec, seed).options;
}

function run(options: SimulationOptions): SimulationResult {
  return simulate(options, new Trace({ hash: false }));
}

describe('cross-dc-compaction-drift', () => {
  const base = compiled('cross-dc-compaction-drift');
  const [short, , long] = base.faults;

  /** Only one of the two partitions, heal included, and the run cut to 40 s after it heals. */
  function onlyPartition(index: 0 | 2): SimulationOptions {
    const cut = base.faults[index]!;
    const heal = base.faults[index + 1]!;
    return { ...base, faults: [cut, heal], durationUs: heal.atUs + 40_000_000 };
  }

  it('the scenario holds a 30 s and a 120 s partition between datacenters', () => {
    expect(short!.fault.kind).toBe('partition');
    expect(base.faults[1]!.atUs - short!.atUs).toBe(30_000_000);
    expect(long!.fault.kind).toBe('partition');
    expect(base.faults[3]!.atUs - long!.atUs).toBe(120_000_000);
  });

  it('30 s partition: skewed clocks spread each round by ~130 ms, the cut-off datacenter lags in index', () => {
    const drift = run(onlyPartition(0)).metrics.compaction.drift;
    // Offsets +80 ms and -50 ms put at least 130 ms between the nodes that complete a window.
    expect(drift.maxTimeSpreadUs!).toBeGreaterThanOrEqual(130_000);
    expect(drift.maxTimeSpreadUs!).toBeLessThan(400_000);
    expect(drift.timeTrigger.skippedWindows).toBeGreaterThanOrEqual(2);
    expect(drift.maxIndexSpread!).toBeGreaterThan(500);
    expect(drift.timeTrigger.maxDelayUs!).toBeLessThan(500_000);
  });

  it('120 s partition: more skipped windows and a larger index spread than the 30 s one', () => {
    const short30 = run(onlyPartition(0)).metrics.compaction.drift;
    const long120 = run(onlyPartition(2)).metrics.compaction.drift;
    expect(long120.timeTrigger.skippedWindows).toBeGreaterThan(short30.timeTrigger.skippedWindows);
    expect(long120.maxIndexSpread!).toBeGreaterThan(short30.maxIndexSpread!);
  });
});

describe('compaction-stall', () => {
  it('the mistaken trigger stalls (log grows ~1,100 entries/s); the right trigger keeps it bounded', () => {
    const mistaken = compiled('compaction-stall');
    const right: SimulationOptions = {
      ...mistaken,
      cluster: { ...mistaken.cluster, compaction: { ...mistaken.cluster.compaction, mistakes: defaultCompactionOptions.mistakes } },
    };
    const stalled = run(mistaken).metrics;
    const bounded = run(right).metrics;
    expect(stalled.compaction.stallCount).toBe(3);
    expect(stalled.logGrowth.growthEntriesPerSecond).toBeGreaterThan(800);
    expect(stalled.logGrowth.peakEntries).toBeGreaterThan(12_000);
    expect(bounded.compaction.stallCount).toBe(0);
    expect(bounded.logGrowth.peakEntries).toBeLessThan(2_000);
    expect(bounded.compaction.snapshots).toBeGreaterThan(60);
    // The apply backlog is the same either way: the mistake is in the trigger, not in the load.
    expect(Math.abs(stalled.applyLag.max - bounded.applyLag.max)).toBeLessThan(200);
  });
});

describe('slow-follower-snapshot', () => {
  it('the follower that was away catches up by InstallSnapshot and the cluster converges', () => {
    const result = run(compiled('slow-follower-snapshot'));
    expect(result.verdict).toBe('ok');
    expect(result.metrics.compaction.snapshotsInstalled).toBeGreaterThanOrEqual(1);
    expect(result.liveness!.convergedAfterUs!).toBeLessThan(2_000_000);
  });
});
