// Determinism is the product: nothing in sim/ or raft/ may read the real clock, Math.random, timers or
// crypto, and the same seed must give a byte-identical trace.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultChaosOptions, defaultSimulationOptions, simulate, type SimulationOptions } from '../sim/simulate.js';
import { checkDeterminism, MemorySink, Trace } from '../sim/trace.js';

const banned: readonly { name: string; pattern: RegExp }[] = [
  { name: 'Date', pattern: /\bDate\b/ },
  { name: 'Math.random', pattern: /\bMath\.random\b/ },
  { name: 'setTimeout', pattern: /\bsetTimeout\b/ },
  { name: 'setInterval', pattern: /\bsetInterval\b/ },
  { name: 'setImmediate', pattern: /\bsetImmediate\b/ },
  { name: 'queueMicrotask', pattern: /\bqueueMicrotask\b/ },
  { name: 'performance', pattern: /\bperformance\b/ },
  { name: 'process.hrtime', pattern: /\bhrtime\b/ },
  { name: 'crypto', pattern: /\bcrypto\b/ },
  { name: 'async', pattern: /\basync\b|\bawait\b|\bPromise\b/ },
];

/** Removes comments and string contents so that prose cannot trip (or hide from) the scan. */
function codeOnly(source: string): string {
  return source
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\/\/.*$/gm, '')
    .replace(/'(?:[^'\\\n]|\\.)*'/g, "''")
    .replace(/`(?:[^`\\]|\\.)*`/g, '``');
}

export function findBanned(source: string): string[] {
  const code = codeOnly(source);
  return banned.filter(({ pattern }) => pattern.test(code)).map(({ name }) => name);
}

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts'))
    .map((file) => join(folder, file));
}

describe('nondeterminism ban', () => {
  it('the scan catches each banned API (it can fail)', () => {
    expect(findBanned('const x = Math.random();')).toEqual(['Math.random']);
    expect(findBanned('const now = Date.now();')).toEqual(['Date']);
    expect(findBanned('setTimeout(() => 1, 5)')).toEqual(['setTimeout']);
    expect(findBanned("import { randomBytes } from 'node:crypto'; randomBytes(4); crypto.getRandomValues(a)")).toEqual(['crypto']);
    expect(findBanned('const t = performance.now()')).toEqual(['performance']);
    expect(findBanned('// Date.now() in a comment is fine\nconst a = 1;')).toEqual([]);
  });

  it.each(['sim', 'raft', 'linearizability'])('nothing in %s/ reads the clock, Math.random, timers or crypto', (folder) => {
    const offenders: string[] = [];
    for (const file of sourceFiles(folder)) {
      const found = findBanned(readFileSync(file, 'utf8'));
      // sim/trace.ts's FileSink writes synchronously; async I/O would make ordering depend on the event loop.
      if (found.length > 0) offenders.push(`${file}: ${found.join(', ')}`);
    }
    expect(offenders).toEqual([]);
  });

  it('raft/ imports nothing from sim/ (the Raft node is a pure state machine)', () => {
    for (const file of sourceFiles('raft')) {
      expect(readFileSync(file, 'utf8'), file).not.toMatch(/from\s+['"][^'"]*sim\//);
      expect(readFileSync(file, 'utf8'), file).not.toMatch(/from\s+['"]node:/);
    }
  });
});

function chaosOptions(seed: number): SimulationOptions {
  const base = defaultSimulationOptions({ seed, chaos: { ...defaultChaosOptions, meanGapUs: 500_000 }, durationUs: 4_000_000, livenessBoundUs: 4_000_000 });
  return { ...base, cluster: { ...base.cluster, link: { ...base.cluster.link, dropChance: 0.05, reorderChance: 0.05, duplicateChance: 0.02 } } };
}

function traceText(seed: number): string {
  const sink = new MemorySink();
  simulate(chaosOptions(seed), new Trace({ sink }));
  return sink.text();
}

describe('same seed, same trace', () => {
  it('a chaos run with the same seed gives a byte-identical trace twice', () => {
    const first = traceText(11);
    const second = traceText(11);
    expect(first.length).toBeGreaterThan(10_000);
    expect(second).toBe(first);
  });

  it('different seeds give different traces', () => {
    expect(traceText(12)).not.toBe(traceText(13));
  });

  it('the trace starts with meta and ends with end, whose hash is the result hash', () => {
    const sink = new MemorySink();
    const result = simulate(chaosOptions(14), new Trace({ sink }));
    const lines = sink.text().trimEnd().split('\n');
    const first = JSON.parse(lines[0]!);
    const last = JSON.parse(lines[lines.length - 1]!);
    expect(first).toMatchObject({ t: 0, type: 'meta', seed: 14 });
    expect(first.params.faults.length).toBe(result.faults.length);
    expect(last).toMatchObject({ type: 'end', hash: result.traceHash, verdict: result.verdict });
  });

  it('checkDeterminism confirms a run and pinpoints a deliberately nondeterministic one', () => {
    const report = checkDeterminism((seed, trace) => void simulate(chaosOptions(seed), trace), 15);
    expect(report.identical).toBe(true);
    let calls = 0;
    const leaky = checkDeterminism((seed, trace) => {
      calls++;
      // The second run changes one parameter that the first did not: the drift must be found at the meta line.
      const options = chaosOptions(seed);
      simulate(calls === 2 ? { ...options, durationUs: options.durationUs + 1 } : options, trace);
    }, 15);
    expect(leaky.identical).toBe(false);
    expect(leaky.firstDivergence?.line).toBe(1);
  });
});
