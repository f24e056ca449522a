// The exploration aimed at the protocol (issue: the default exploration did not reach several classic Raft
// mistakes): faults keyed to protocol events (arm, after:), fast restarts (bounce), correlated power loss,
// filters on one class of messages, BUGGIFY's rare branches, pinned clients, and swarm draws that respect Raft's
// timing requirement with a liveness bound derived from the drawn configuration. Each mechanism is checked by
// what it does to a run, read back from the trace.
import { describe, expect, it } from 'vitest';
import { parseTrace } from '../reports/index.js';
import { MemorySink, Trace } from '../sim/trace.js';
import { runScenario } from '../src/api.js';
import { findScenario } from '../src/scenario/builtin.js';
import { compileScenario } from '../src/scenario/compile.js';
import { broadcastUs, derivedLivenessBoundUs, minimumElectionTimeoutUs } from '../src/scenario/fill-timing.js';
import { scenarioFromObject } from '../src/scenario/load.js';
import { specToDocument } from '../src/scenario/serialize.js';

interface Rec {
  t: number;
  type: string;
  node?: string;
  from?: string;
  to?: string;
  msg?: string;
  [key: string]: unknown;
}

function traced(spec: Record<string, unknown>, seed = 1, bugs: string[] = []): { records: Rec[]; run: ReturnType<typeof runScenario> } {
  const sink = new MemorySink(2_000_000);
  const run = runScenario(scenarioFromObject({ question: 'test', ...spec, ...(bugs.length > 0 ? { bugs } : {}) }), { seed, trace: new Trace({ sink }) });
  return { records: sink.lines.map((line) => JSON.parse(line) as Rec), run };
}

const quiet = { cluster: { nodes: 3 }, workload: { rate: '100/s' }, duration: '4s', livenessBound: '20s' };

describe('faults aimed at the protocol', () => {
  it('filter: holding AppendEntries from the leader stops commits until the filters are cleared, then they resume', () => {
    const { records, run } = traced({
      ...quiet,
      faults: [{ at: '1s', filter: { messages: 'append', action: 'hold', from: 'leader', to: 'all' }, for: '1s' }],
    });
    expect(run.verdict).toBe('ok');
    const filter = records.find((r) => r.type === 'filter')!;
    const cleared = records.find((r) => r.type === 'filters-cleared')!;
    expect(filter.t).toBe(1_000_000);
    expect(cleared.t).toBe(2_000_000);
    const leader = filter.from as unknown as string[];
    expect(leader).toHaveLength(1);
    // Followers get no new entries while held: no commit advance at the leader after the held entries' round.
    const commitsAt = (fromUs: number, toUs: number): number => records.filter((r) => r.type === 'commit' && r.node === leader[0] && r.t > fromUs && r.t < toUs).length;
    expect(commitsAt(1_100_000, 2_000_000)).toBe(0);
    expect(commitsAt(2_000_000, 3_000_000)).toBeGreaterThan(0);
    // Held, not lost: nothing was dropped by the filter.
    expect(records.some((r) => r.type === 'drop' && r.reason === 'filter')).toBe(false);
  });

  it('filter: dropping only votes keeps a new election from succeeding while heartbeats flow', () => {
    const { records } = traced({
      ...quiet,
      faults: [
        { at: '1s', filter: { messages: 'vote', action: 'drop', from: 'all', to: 'all' }, for: '1.5s' },
        { at: '1.2s', crash: 'leader', for: '3s' },
      ],
    });
    const drops = records.filter((r) => r.type === 'drop' && r.reason === 'filter');
    expect(drops.length).toBeGreaterThan(0);
    expect(drops.every((r) => r.msg === 'RequestVote')).toBe(true);
    const leadersDuring = records.filter((r) => r.type === 'role' && r.role === 'leader' && r.t > 1_200_000 && r.t < 2_500_000);
    expect(leadersDuring).toEqual([]);
  });

  it('bounce: a crash and a restart exactly `down` later', () => {
    const { records } = traced({ ...quiet, faults: [{ at: '1s', bounce: { node: 'n2', down: '40ms' } }] });
    const crash = records.find((r) => r.type === 'crash')!;
    const restart = records.find((r) => r.type === 'restart')!;
    expect([crash.node, crash.t]).toEqual(['n2', 1_000_000]);
    expect([restart.node, restart.t]).toEqual(['n2', 1_040_000]);
  });

  it('power-loss: every named node crashes at the same instant and all restart together', () => {
    const { records, run } = traced({ ...quiet, faults: [{ at: '1s', 'power-loss': { nodes: 'all', down: '200ms' } }] });
    const crashes = records.filter((r) => r.type === 'crash');
    const restarts = records.filter((r) => r.type === 'restart');
    expect(crashes.map((r) => [r.node, r.t])).toEqual([['n1', 1_000_000], ['n2', 1_000_000], ['n3', 1_000_000]]);
    expect(restarts.map((r) => r.t)).toEqual([1_200_000, 1_200_000, 1_200_000]);
    expect(run.verdict).toBe('ok');
  });

  it('arm: the fault lands on the node of the first matching protocol event, right after it', () => {
    const { records, run } = traced({ ...quiet, faults: [{ at: '1s', isolate: 'leader', for: '1s' }, { at: '1s', arm: { on: 'vote-granted', within: '3s', do: { bounce: { node: 'event-node', down: '10ms' } } } }] });
    const crash = records.find((r) => r.type === 'crash')!;
    // The voter crashed at the instant it sent its granted vote, and came back into the same election.
    const voteSent = records.filter((r) => r.type === 'send' && r.msg === 'RequestVoteResponse' && r.from === crash.node && r.t === crash.t);
    expect(voteSent.length).toBe(1);
    expect(run.result.coverage['vote-then-restart-same-term']).toBeGreaterThan(0);
    expect(records.filter((r) => r.type === 'crash')).toHaveLength(1);
  });

  it('arm on entries-written loses the written entries of the node it crashes (the fsync had not completed)', () => {
    const { records } = traced({ ...quiet, disk: { fsyncLatency: '5ms' }, faults: [{ at: '1s', arm: { on: 'entries-written', within: '1s', do: { bounce: { node: 'event-node', down: '5ms' } } } }] });
    const crash = records.find((r) => r.type === 'crash')!;
    expect((crash.lostRecords as number) + (crash.tornRecords as number)).toBeGreaterThan(0);
  });

  it('after: with a protocol event and event-node, at most `times` times', () => {
    const { records } = traced({ ...quiet, faults: [{ after: 'append-acked', times: 2, pause: { node: 'event-node', for: '50ms' } }] });
    const pauses = records.filter((r) => r.type === 'pause');
    expect(pauses).toHaveLength(2);
    for (const pause of pauses) expect(records.some((r) => r.type === 'send' && r.msg === 'AppendEntriesResponse' && r.from === pause.node && r.t === pause.t)).toBe(true);
  });

  // Leaders are crashed every 700ms, so that there are elections to arm on; the armed fault is a short pause.
  const churn = { every: '700ms', from: '1s', crash: 'leader', for: '200ms' };
  const pausesAtElection = (arm: Record<string, unknown>): Rec[] => {
    const { records, run } = traced({ ...quiet, faults: [churn, { at: '1s', arm: { on: 'leader-elected', within: '10s', ...arm, do: { pause: { node: 'event-node', for: '10ms' } } } }] });
    expect(run.verdict).toBe('ok');
    const pauses = records.filter((r) => r.type === 'pause');
    // Every pause hit a node at the instant it became leader.
    for (const pause of pauses) expect(records.some((r) => r.type === 'role' && r.role === 'leader' && r.node === pause.node && r.t === pause.t)).toBe(true);
    expect(records.filter((r) => r.type === 'role' && r.role === 'leader' && r.t > 1_000_000).length).toBeGreaterThan(3);
    return pauses;
  };

  it('arm with repeat is a storm: each firing waits for the next event, `repeat` firings in all', () => {
    const pauses = pausesAtElection({ repeat: 3 });
    expect(pauses).toHaveLength(3);
    expect(new Set(pauses.map((r) => r.t)).size).toBe(3);
  });

  it('without repeat an arm fires once, however many events follow', () => {
    expect(pausesAtElection({})).toHaveLength(1);
  });

  it('arm with for: an armed isolation of the node that just wrote ends `for` later for that node alone, and its in-flight entries are lost', () => {
    const { records, run } = traced({ ...quiet, faults: [{ at: '1s', isolate: 'n3' }, { at: '1s', arm: { on: 'entries-written', within: '1s', for: '400ms', do: { isolate: 'event-node' } } }] });
    const isolations = records.filter((r) => r.type === 'partition' && r.shape === 'isolate');
    expect(isolations.map((r) => r.node)).toHaveLength(2);
    const isolate = isolations[1]!;
    const rejoin = records.find((r) => r.type === 'rejoin')!;
    expect([rejoin.node, rejoin.t - isolate.t]).toEqual([isolate.node, 400_000]);
    // n3's own isolation stays: no heal before the liveness phase, and n3 still hears nothing.
    expect(records.some((r) => r.type === 'heal' && r.t < 4_000_000)).toBe(false);
    expect(records.some((r) => r.type === 'deliver' && r.to === 'n3' && r.t > rejoin.t && r.t < 4_000_000)).toBe(false);
    // The report ends the rejoined node's isolation region at the rejoin; n3's stays open until the heal.
    const regions = parseTrace(records.map((r) => JSON.stringify(r))).networkFaults.filter((f) => f.label.startsWith('isolate'));
    expect(regions.map((f) => [f.label, f.toUs])).toEqual([
      ['isolate n3', 4_000_000],
      [`isolate ${isolate.node}`, rejoin.t],
    ]);
    // The cut is checked again at delivery: the AppendEntries the leader had just sent never arrive.
    expect(records.some((r) => r.type === 'drop' && r.reason === 'partition' && r.msg === 'AppendEntries' && r.t > isolate.t && r.t < isolate.t + 50_000)).toBe(true);
    expect(run.verdict).toBe('ok');
  });

  it('for: on an armed fault that has no undo is an error naming the path', () => {
    expect(() =>
      compileScenario(scenarioFromObject({ question: 'q', ...quiet, faults: [{ at: '1s', arm: { on: 'candidate', within: '1s', for: '1s', do: { bounce: { node: 'event-node', down: '5ms' } } } }] }).spec, 1),
    ).toThrow(/faults\[0\]\.arm\.for.*no undo/s);
    expect(() =>
      compileScenario(scenarioFromObject({ question: 'q', ...quiet, faults: [{ at: '1s', arm: { on: 'candidate', within: '1s', for: '1s', do: { isolate: 'leader' } } }] }).spec, 1),
    ).toThrow(/faults\[0\]\.arm\.do\.isolate.*event-node or a named node/s);
    expect(() => scenarioFromObject({ question: 'q', faults: [{ at: '1s', arm: { on: 'candidate', within: '1s', repeat: 0, do: { bounce: { node: 'n1', down: '5ms' } } } }] })).toThrow(/faults\[0\]\.arm\.repeat.*1 to 100/s);
  });

  it('chaos.focus takes about half of the draws, and no focus draws nothing extra', () => {
    const kindsOf = (focus: string | undefined): string[] => {
      const chaos = { kinds: ['crash', 'partition', 'clock', 'link', 'clog', 'transfer'], meanGap: '200ms', ...(focus !== undefined ? { focus } : {}) };
      const { records } = traced({ ...quiet, duration: '20s', chaos });
      return records.filter((r) => ['crash', 'partition', 'clock', 'link', 'clog', 'transfer-start'].includes(r.type)).map((r) => r.type);
    };
    const focused = kindsOf('clog');
    const share = focused.filter((type) => type === 'clog').length / focused.length;
    expect(share).toBeGreaterThan(0.45);
    const plain = kindsOf(undefined).filter((type) => type === 'clog').length / kindsOf(undefined).length;
    expect(plain).toBeLessThan(0.35);
    expect(traced({ ...quiet, chaos: { kinds: ['crash'], focus: 'none' } }).run.result.traceHash).toBe(traced({ ...quiet, chaos: { kinds: ['crash'] } }).run.result.traceHash);
  });

  it('a run whose faults name no protocol event builds no protocol events (the tap stays off)', () => {
    const { run } = traced(quiet);
    expect(run.result.internals.cluster['protocolTap' as keyof typeof run.result.internals.cluster]).toEqual({ on: false });
  });

  it('each new fault kind is written back out as YAML that loads to the same faults', () => {
    const spec = {
      ...quiet,
      faults: [
        { at: '1s', bounce: { node: 'leader', down: '20ms' } },
        { at: '1.5s', 'power-loss': { nodes: ['n1', 'n2'], down: '100ms' } },
        { at: '2s', filter: { messages: 'responses', action: 'delay', delay: '50ms', from: 'n1', to: ['n2', 'n3'] }, for: '500ms' },
        { at: '3s', arm: { on: 'commit-advanced', within: '1s', delay: '1ms', do: { 'power-loss': { nodes: ['event-node', 'n3'], down: '30ms' } } } },
        { at: '3.5s', arm: { on: 'entries-written', within: '2s', repeat: 4, for: '250ms', do: { isolate: 'event-node' } } },
        { at: '3.9s', rejoin: 'n2' },
      ],
    };
    const loaded = scenarioFromObject({ question: 'q', ...spec });
    const again = scenarioFromObject(specToDocument(loaded.spec));
    expect(compileScenario(again.spec, 1).options.faults).toEqual(compileScenario(loaded.spec, 1).options.faults);
  });

  it('a mistyped message class or protocol event is named with its path and the choices', () => {
    expect(() => scenarioFromObject({ question: 'q', faults: [{ at: '1s', filter: { messages: 'apend', action: 'hold' } }] })).toThrow(/faults\[0\]\.filter\.messages.*append, append-responses, heartbeat, vote/s);
    expect(() => scenarioFromObject({ question: 'q', faults: [{ at: '1s', arm: { on: 'voted', within: '1s', do: { crash: 'n1' } } }] })).toThrow(/faults\[0\]\.arm\.on.*vote-granted/s);
  });
});

describe('BUGGIFY', () => {
  it('an enabled site takes its rare branch: every response sent twice at chance 100%', () => {
    const { run } = traced({ ...quiet, buggify: { sites: ['duplicate-response'], chance: '100%' } });
    const byType = run.result.cluster.messagesByType;
    const responses = Object.entries(byType).filter(([type]) => type.endsWith('Response')).reduce((sum, [, counts]) => sum + counts.sent, 0);
    const all = Object.values(byType).reduce((sum, counts) => sum + counts.sent, 0);
    expect(run.result.network.sent).toBe(all + responses);
  });

  it('a delayed message can arrive in a later term, and the run stays safe', () => {
    const { run } = traced({ ...quiet, buggify: { sites: ['delay-message', 'fsync-stall'], chance: '5%' }, faults: [{ every: '1s', crash: 'leader', for: '300ms' }] });
    expect(run.verdict).toBe('ok');
  });

  it('replay-message: every message also arrives once more later, as a stale copy, and the run stays safe', () => {
    const { records, run } = traced({ ...quiet, buggify: { sites: ['replay-message'], chance: '100%', maxDelay: '50ms' } });
    expect(run.verdict).toBe('ok');
    expect(records.some((r) => r.type === 'send')).toBe(true);
    // Twice as many sends as messages the nodes handed over: each original, and its copy at a later time.
    const byType = run.result.cluster.messagesByType;
    const handed = Object.values(byType).reduce((sum, counts) => sum + counts.sent, 0);
    // (copies due after the run ended are never sent: a handful)
    expect(run.result.network.sent).toBeLessThanOrEqual(2 * handed);
    expect(run.result.network.sent).toBeGreaterThan(1.99 * handed);
  });

  it('duplicated snapshot responses do not multiply the chunks in flight (random-chaos seed 4711, found by the 10,000-seed sweep)', () => {
    // Before the fix every duplicated InstallSnapshotResponse sent the next chunk again: a million messages in
    // flight and 14.6 million events, an Assertion. Now 47 thousand events.
    const run = runScenario(findScenario('random-chaos')!.scenario, { seed: 4711 });
    expect(run.verdict).toBe('ok');
    expect(run.result.events).toBeLessThan(200_000);
  });

  it('off by default: a scenario without buggify draws nothing from its streams (same trace as buggify: off)', () => {
    const a = traced(quiet).run.result.traceHash;
    const b = traced({ ...quiet, buggify: 'off' }).run.result.traceHash;
    expect(a).toBe(b);
  });
});

describe('pinned clients', () => {
  it('a pinned client keeps asking its own node: every request of c1 goes to n1', () => {
    const { run } = traced({ ...quiet, workload: { rate: '100/s', clients: 2, pinnedReaders: 1 } });
    expect(run.result.workload.ok).toBeGreaterThan(0);
    const c1 = run.result.internals.workload.clients[0]!;
    expect(c1.leaderGuess).toBe('n1');
  });
});

describe('swarm timing', () => {
  const chaos = findScenario('random-chaos')!.scenario;

  it('every drawn election timeout is randomized and at least five broadcast times over the drawn links', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const compiled = compileScenario(chaos.spec, seed);
      const full = compiled.full;
      const links = [full.network.latency, ...(full.cluster.latency.intra !== null ? [full.cluster.latency.intra] : []), ...Object.values(full.cluster.latency.inter)];
      const timeout = full.raft.electionTimeout;
      expect(timeout.maxUs, `seed ${seed}`).toBe(2 * timeout.minUs);
      expect(timeout.minUs, `seed ${seed}`).toBeGreaterThanOrEqual(minimumElectionTimeoutUs(broadcastUs(links, full.disk.fsyncLatency)));
      expect(full.livenessBound, `seed ${seed}`).toBeGreaterThanOrEqual(60_000_000);
    }
  });

  it('the liveness bound grows with what catching up costs: fast backoff off, one entry per message, slow links', () => {
    const base = { electionTimeoutMaxUs: 300_000, roundTripUs: 4_000, entries: 3_000, entryBytes: 100, maxEntriesBytesPerMessage: 1_048_576, maxInflightMessages: 256, fastBackoff: true };
    const slow = { ...base, roundTripUs: 100_000, fastBackoff: false, maxEntriesBytesPerMessage: 4_096, entryBytes: 4_160, maxInflightMessages: 1 };
    expect(derivedLivenessBoundUs(base)).toBe(60_000_000);
    // 3,000 entries at one per 100 ms round trip, twice (probe back, then send): at least 10 minutes.
    expect(derivedLivenessBoundUs(slow)).toBeGreaterThanOrEqual(600_000_000);
  });

  it('mixed versions in about a fifth of the seeds without churn, never with it, with both versions and upgrades', () => {
    let versioned = 0;
    let unchurned = 0;
    for (let seed = 1; seed <= 300; seed++) {
      const compiled = compileScenario(chaos.spec, seed);
      const versions = compiled.full.cluster.versions;
      const churn = compiled.full.chaos!.kinds.includes('membership');
      if (!churn) unchurned++;
      if (versions === null) {
        expect(compiled.full.chaos!.kinds, `seed ${seed}`).not.toContain('upgrade');
        continue;
      }
      versioned++;
      expect(churn, `seed ${seed}`).toBe(false);
      expect(new Set(Object.values(versions as Record<string, number>)), `seed ${seed}`).toEqual(new Set([1, 2]));
      expect(Object.keys(versions as Record<string, number>).sort()).toEqual([...compiled.options.cluster.nodeIds].sort());
      expect(compiled.full.chaos!.kinds, `seed ${seed}`).toContain('upgrade');
    }
    expect(versioned / unchurned).toBeGreaterThan(0.12);
    expect(versioned / unchurned).toBeLessThan(0.28);
  });

  it('even cluster sizes are drawn', () => {
    const sizes = new Set<number>();
    for (let seed = 1; seed <= 100; seed++) sizes.add(compileScenario(chaos.spec, seed).options.cluster.nodeIds.length);
    expect(sizes.has(4) || sizes.has(6)).toBe(true);
  });
});
