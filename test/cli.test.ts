// The command line: summaries, result files, exit codes, and clear errors for bad input.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinScenarios } from '../src/scenario/builtin.js';
import { main } from '../src/cli.js';
import { parseSeeds, parseShard, shardSeeds } from '../src/sweep.js';

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (text) => (out += text), err: (text) => (err += text), isTerminal: false });
  return { code, out, err };
}

function temp(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `raftsim-${prefix}-`));
}

function scenarioFile(text: string): string {
  const file = join(temp('scenario'), 'my-scenario.yaml');
  writeFileSync(file, text);
  return file;
}

describe('raftsim run', () => {
  it('prints a summary with the question, the verdict, metrics, expectations, the trace hash and the replay command, and exits 0', async () => {
    const { code, out } = await cli('run', 'leader-crash', '--seed', '3');
    expect(code).toBe(0);
    expect(out).toMatch(/^raftsim leader-crash seed 3: PASSED/);
    expect(out).toMatch(/question {4}How long is a 5-node cluster without a leader/);
    expect(out).toMatch(/election latency p50 [\d.]+ms, p99/);
    expect(out).toMatch(/expectations all passed\n {4}pass {2}verdict == ok/);
    expect(out).toMatch(/pass {2}electionLatency.p99 < 1s {2}\(measured [\d.]+ms\)/);
    expect(out).toMatch(/trace hash {2}[0-9a-f]{16}/);
    expect(out).toContain('replay      npx raftsim run leader-crash --seed 3');
  });

  it('runs with no argument: the default scenario is leader-crash', async () => {
    const { code, out } = await cli('run');
    expect(code).toBe(0);
    expect(out).toMatch(/^raftsim leader-crash seed 1: PASSED/);
  });

  it('writes result.json (source, seed, overrides, parameters, compiled options) and trace.jsonl; the trace ends with the result hash', async () => {
    const dir = temp('run');
    const { code } = await cli('run', 'leader-crash', '--seed', '2', '--out', dir, '--trace', '--drop', '1%', '--nodes', '5');
    expect(code).toBe(0);
    const result = JSON.parse(readFileSync(join(dir, 'result.json'), 'utf8'));
    const lines = readFileSync(join(dir, 'trace.jsonl'), 'utf8').trimEnd().split('\n');
    expect(JSON.parse(lines[0]!).type).toBe('meta');
    expect(JSON.parse(lines[lines.length - 1]!)).toMatchObject({ type: 'end', hash: result.traceHash, verdict: 'ok' });
    expect(result).toMatchObject({ raftsim: { resultVersion: 2 }, scenario: 'leader-crash', seed: 2, verdict: 'ok', outcome: 'passed', exitCode: 0, overrides: ['--nodes', '5', '--drop', '1%'], swarm: false });
    expect(result.source).toMatchObject({ kind: 'builtin', ref: 'leader-crash' });
    expect(result.source.text).toContain('question:');
    expect(result.parameters.network.drop).toBe('1%');
    expect(result.options.cluster.link.dropChance).toBe(0.01);
    expect(result.defaults).toContain('workload.rate');
    expect(result.metrics.electionLatency.count).toBe(2);
    expect(result.expectations).toHaveLength(4);
    expect(result.traceCheckpoints.every).toBe(1000);
  });

  it('--json prints the result JSON; --check-determinism confirms the hash', async () => {
    const json = await cli('run', 'leader-crash', '--seed', '4', '--json');
    expect(JSON.parse(json.out)).toMatchObject({ seed: 4, verdict: 'ok' });
    const check = await cli('run', 'leader-crash', '--seed', '4', '--check-determinism');
    expect(check.out).toMatch(/^deterministic: two runs of leader-crash seed 4 gave the same trace hash [0-9a-f]{16}/);
    expect(check.code).toBe(0);
  });

  it('runs a scenario file; a failed expectation exits 3 and is named in the summary and in result.json', async () => {
    const file = scenarioFile('question: Is the leader ever lost in a quiet cluster?\nduration: 3s\nexpectations:\n  - verdict == ok\n  - elections.leaderChanges > 1\n');
    const dir = temp('expect');
    const { code, out } = await cli('run', file, '--seed', '5', '--out', dir);
    expect(code).toBe(3);
    expect(out).toMatch(/^raftsim my-scenario seed 5: FAILED EXPECTATIONS/);
    expect(out).toMatch(/expectations 1 of 2 FAILED/);
    expect(out).toMatch(/FAIL {2}elections.leaderChanges > 1 {2}\(measured 1\)/);
    expect(out).toContain(`replay      npx raftsim run ${file} --seed 5`);
    expect(out).toContain(`shrink      npx raftsim shrink ${file} --seed 5`);
    const result = JSON.parse(readFileSync(join(dir, 'result.json'), 'utf8'));
    expect(result.outcome).toBe('expectations');
    expect(result.expectations).toEqual([
      { expression: 'verdict == ok', actual: 'ok', passed: true },
      { expression: 'elections.leaderChanges > 1', actual: 1, passed: false },
    ]);
  });

  it('swarm mode prints every drawn value and records it in result.json', async () => {
    const dir = temp('swarm');
    const { code, out } = await cli('run', 'leader-crash', '--swarm', '--seed', '6', '--duration', '3s', '--out', dir);
    expect(code).toBe(0);
    expect(out).toMatch(/drawn {7}\d+ values drawn from the seed \(swarm\):/);
    expect(out).toMatch(/\n {4}network\.drop = [\d.]+%\n/);
    const result = JSON.parse(readFileSync(join(dir, 'result.json'), 'utf8'));
    expect(result.swarm).toBe(true);
    expect(Object.keys(result.drawn)).toEqual(expect.arrayContaining(['network.drop', 'disk.fsyncLatency', 'workload.clients']));
    // Values the scenario gives are not drawn.
    expect(result.drawn['raft.electionTimeout']).toBeUndefined();
    expect(result.overrides).toEqual(['--duration', '3s', '--swarm']);
  });

  it('list names every built-in scenario with its question', async () => {
    const { code, out } = await cli('list');
    expect(code).toBe(0);
    expect(out).toMatch(/^leader-crash +How long/m);
    for (const scenario of builtinScenarios) expect(out).toContain(`${scenario.name.padEnd(30)} ${scenario.question}`);
  });

  it('check validates files and prints every parameter with --print', async () => {
    const ok = await cli('check', 'leader-crash', 'bridge-partition');
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/^ok {2}leader-crash: leader-crash: 5 nodes, 4 scheduled faults/);
    const printed = await cli('check', 'leader-crash', '--print', '--nodes', '3');
    expect(printed.out).toMatch(/^# leader-crash seed 1 --nodes 3: every parameter of the run\./);
    expect(printed.out).toMatch(/\ncluster:\n {2}nodes: 3\n/);
    expect(printed.out).toMatch(/# Filled from defaults: .*raft\.preVote/);
  });

  it.each(['list', 'check', 'run', 'sweep', 'merge', 'replay', 'shrink'])('%s --help prints usage and exits 0', async (command) => {
    const { code, out, err } = await cli(command, '--help');
    expect(code).toBe(0);
    expect(out).toMatch(new RegExp(`raftsim ${command}`));
    expect(err).toBe('');
  });
});

describe('bad input: exit 2 with a one-paragraph message naming what is wrong', () => {
  const file = scenarioFile('question: q?\nfaults:\n  - at: 2 seconds\n    crash: leader\n');
  const out = temp('out-is-file');
  writeFileSync(join(out, 'file'), 'x');
  it.each([
    [['run', 'no-such-scenario'], /unknown scenario "no-such-scenario": the built-in scenarios are .*, or give the path of a \.yaml or \.json scenario file/],
    [['run', 'leader-crsh'], /unknown scenario "leader-crsh": did you mean "leader-crash"\?/],
    [['run', '--seed', 'abc'], /--seed abc: expected a non-negative integer/],
    [['run', '--bogus-flag'], /unknown flag --bogus-flag for raftsim run\. Run/],
    // an unknown flag gets the nearest flag of its command, as commands and scenario names do
    [['run', 'leader-crash', '--sed', '3'], /unknown flag --sed for raftsim run: did you mean --seed\?/],
    [['run', 'leader-crash', '--seeds', '3'], /unknown flag --seeds for raftsim run: did you mean --seed\?/],
    [['sweep', 'leader-crash', '--seed', '3'], /unknown flag --seed for raftsim sweep: did you mean --seeds\?/],
    [['run', 'leader-crash', '--no-prevot'], /unknown flag --no-prevot for raftsim run: did you mean --no-prevote\?/],
    [['run', 'leader-crash', 'extra'], /unexpected argument "extra" \(raftsim run takes no further positional arguments\)/],
    // a negative-looking value is the flag's value, which its validator judges
    [['run', 'leader-crash', '--duration', '-5s'], /^raftsim: --duration -5s: expected a duration such as 30s/],
    [['run', 'leader-crash', '--drop', '-1%'], /^raftsim: --drop -1%: expected a probability/],
    [['run', 'leader-crash', '--seed', '-1'], /^raftsim: --seed -1: expected a non-negative integer seed/],
    [['run', '--trace'], /--trace .* needs --out/],
    [['run', '--drop', '150'], /--drop 150: expected a probability such as 5% or 0\.05/],
    [['run', '--election-timeout', '300ms..150ms'], /--election-timeout 300ms..150ms: expected a range such as 150ms..300ms/],
    [['run', '--nodes', '0'], /--nodes 0: expected a node count from 1 to 51/],
    [['run', '--prevote=maybe'], /--prevote=maybe: expected true or false/],
    [['run', '--heartbeat', '500ms'], /leader-crash\.yaml:\d+:\d+: raft\.heartbeat: found 500ms, expected a heartbeat shorter than the minimum election timeout \(150ms; heartbeat 500ms\) \(with --heartbeat 500ms\)/],
    [['run', '--nodes', '3', 'minority-partition'], /minority-partition\.yaml:\d+:\d+: faults\[1\]\.partition\[1\]\[0\]: found "n4", expected a node of the cluster \(n1, n2, n3\) \(with --nodes 3\)/],
    [['run', file], /my-scenario\.yaml:3:9: faults\[0\]\.at: found "2 seconds", expected a duration such as 150ms, 2s, 1\.5s or 500us/],
    [['run', '/nonexistent/x.yaml'], /scenario file \/nonexistent\/x\.yaml: no such file/],
    [['run', 'leader-crash', '--out', join(out, 'file')], /--out .*file: is a file; expected a directory/],
    [['sweep', 'random-chaos', '--seeds', '10..1'], /--seeds "10..1"/],
    [['sweep', 'random-chaos', '--seeds', 'x'], /--seeds "x"/],
    [['sweep', 'random-chaos', '--shard', '3/2'], /--shard "3\/2"/],
    [['sweep', 'random-chaos', '--workers', '0'], /--workers 0/],
    [['replay', '/nonexistent/result.json'], /\/nonexistent\/result\.json: no such file; expected the result\.json written by `raftsim run --out DIR`/],
    [['merge', '/nonexistent/sweep.json'], /\/nonexistent\/sweep\.json: no such file; expected a sweep\.json/],
    [['shrink', 'leader-crash', '--budget', 'soon'], /--budget soon: expected a duration such as 60s or 5min/],
    [['frobnicate'], /unknown command "frobnicate": the commands are list, check, run/],
    [[], /name a command/],
  ])('%j', async (argv, pattern) => {
    const { code, err, out } = await cli(...argv);
    expect(code).toBe(2);
    expect(err).toMatch(pattern);
    expect(err).toMatch(/^raftsim: /);
    expect(err.trim().split('\n')).toHaveLength(1);
    expect(err).not.toMatch(/\n\s+at /);
    expect(out).toBe('');
  });

  // mkdir's recursive mode spins forever on /proc (ENOENT for a directory whose parent exists)
  it.skipIf(!existsSync('/proc/self'))('--out on /proc exits 2 at once, naming the directory that takes no new directories', async () => {
    for (const out of ['/proc/raftsim-x', '/proc/raftsim-x/y']) {
      const { code, err } = await cli('run', 'leader-crash', '--out', out, '--trace');
      expect(code).toBe(2);
      expect(err).toMatch(new RegExp(`^raftsim: --out ${out}: cannot be created: /proc takes no new directories \\(mkdir answers ENOENT`));
    }
  });

  it('a corrupt result.json or sweep.json names the file and the field', async () => {
    const dir = temp('corrupt');
    writeFileSync(join(dir, 'result.json'), '{"raftsim": {"resultVersion": 2}, "seed": "one"}');
    const replay = await cli('replay', join(dir, 'result.json'));
    expect(replay.code).toBe(2);
    expect(replay.err).toMatch(/result\.json: field scenario: found nothing \(the key is missing\)/);
    writeFileSync(join(dir, 'sweep.json'), 'not json');
    const merge = await cli('merge', join(dir, 'sweep.json'));
    expect(merge.code).toBe(2);
    expect(merge.err).toMatch(/sweep\.json: found text that is not JSON/);
  });
});

describe('replay', () => {
  it('says what is wrong with the file it is given: a trace, an edited seed, another version, edited options', async () => {
    const dir = temp('replay-messages');
    const run = await cli('run', 'flapping-links', '--seed', '2', '--duration', '2s', '--out', dir, '--trace');
    expect(run.code).toBe(0);
    const trace = await cli('replay', join(dir, 'trace.jsonl'));
    expect(trace.code).toBe(2);
    expect(trace.err).toContain(`trace.jsonl: is a trace (trace.jsonl: one event per line), not a result.json; replay wants the result.json that \`raftsim run --out DIR\` writes next to it (here: npx raftsim replay ${join(dir, 'result.json')})`);
    const recorded = JSON.parse(readFileSync(join(dir, 'result.json'), 'utf8'));
    const edited = (name: string, edit: (json: typeof recorded) => void): string => {
      const copy = JSON.parse(JSON.stringify(recorded));
      edit(copy);
      const file = join(dir, name);
      writeFileSync(file, JSON.stringify(copy));
      return file;
    };
    const seed = await cli('replay', edited('seed.json', (json) => (json.seed = 7)));
    expect(seed.code).toBe(0);
    expect(seed.out).toMatch(/^reproduced: flapping-links seed 2 \(result\.json says seed 7\) --duration 2s/);
    expect(seed.out).toContain("note: result.json's seed 7 differs from the seed 2 its recorded options were drawn from (the seed was edited?)");
    expect(seed.out).not.toContain('compiler');
    const version = await cli('replay', edited('old.json', (json) => (json.raftsim = { resultVersion: 1, version: '0.0.9' })));
    expect(version.code).toBe(2);
    expect(version.err).toMatch(/old\.json: written by raftsim 0\.0\.9 \(resultVersion 1\); this is raftsim \d+\.\d+\.\d+\S*, which reads result\.json files of resultVersion 2; run it again with this raftsim \(.*run flapping-links --seed 2 --duration 2s --out DIR\)/);
    const options = await cli('replay', edited('options.json', (json) => (json.options.cluster.raft.heartbeatIntervalUs = 40000)));
    expect(options.out).toMatch(/note: the recorded scenario text compiles to different options with this raftsim \S+ \(first at options\.cluster\.raft\.heartbeatIntervalUs: recorded 40000, now 50000\)/);
    writeFileSync(join(dir, 'sweep.json'), JSON.stringify({ raftsim: { sweepVersion: 0, version: '0.0.1' } }));
    const merge = await cli('merge', join(dir, 'sweep.json'));
    expect(merge.err).toMatch(/sweep\.json: written by raftsim 0\.0\.1 \(sweepVersion 0\); this is raftsim \S+, which reads sweep\.json files of sweepVersion 1/);
  });

  it('reproduces a recorded run from result.json and exits as the run did', async () => {
    const dir = temp('replay');
    const run = await cli('run', 'flapping-links', '--seed', '2', '--duration', '4s', '--out', dir);
    expect(run.code).toBe(0);
    const { code, out } = await cli('replay', join(dir, 'result.json'));
    expect(code).toBe(0);
    const recorded = JSON.parse(readFileSync(join(dir, 'result.json'), 'utf8'));
    expect(out).toMatch(new RegExp(`^reproduced: flapping-links seed 2 --duration 4s: trace hash ${recorded.traceHash}`));
    // A directory works as well as the file.
    expect((await cli('replay', dir)).code).toBe(0);
    // A trace.jsonl left in the directory by another run is not compared against.
    writeFileSync(join(dir, 'trace.jsonl'), '{"t":0,"type":"meta"}\n');
    expect((await cli('replay', dir)).out).toMatch(/^reproduced: /);
  });

  it('shows the first diverging event against the recorded trace, or the checkpoint window without it', async () => {
    const dir = temp('diverge');
    await cli('run', 'leader-crash', '--seed', '3', '--out', dir, '--trace');
    const path = join(dir, 'result.json');
    const result = JSON.parse(readFileSync(path, 'utf8'));
    result.options.faults[1].atUs += 1; // the first restart, one microsecond later
    writeFileSync(path, JSON.stringify(result));
    const withTrace = await cli('replay', path);
    expect(withTrace.code).toBe(1);
    expect(withTrace.out).toMatch(/^NOT reproduced: leader-crash seed 3: recorded trace hash [0-9a-f]{16}/);
    expect(withTrace.out).toMatch(/first diverging event at line \d+ of .*trace\.jsonl:\n {4}recorded: \{"t":6000000,.*\n {4}replayed: \{"t":600000\d,/);
    const withoutTrace = await cli('replay', path, '--trace', '/dev/null');
    expect(withoutTrace.out).toMatch(/first diverging event at line 2/);
    const noFile = temp('no-trace');
    writeFileSync(join(noFile, 'result.json'), JSON.stringify(result));
    const checkpoints = await cli('replay', join(noFile, 'result.json'));
    expect(checkpoints.out).toMatch(/the runs agree up to line \d+ \(t=5\.\d+s\) and first differ by line \d+ \(t=6\.\d+s\)/);
  });
});

describe('seeds, shards, sweeps and merges', () => {
  it('parses ranges, lists and single seeds', () => {
    expect(parseSeeds('3..6')).toEqual([3, 4, 5, 6]);
    expect(parseSeeds('1,5,9')).toEqual([1, 5, 9]);
    expect(parseSeeds('42')).toEqual([42]);
  });

  it('shards partition the seeds deterministically: every seed in exactly one shard', () => {
    const seeds = parseSeeds('1..103');
    const shards = [1, 2, 3, 4].map((index) => shardSeeds(seeds, parseShard(`${index}/4`)));
    expect(shards.flat().sort((a, b) => a - b)).toEqual(seeds);
    expect(shards[1]!.slice(0, 3)).toEqual([2, 6, 10]);
  });

  it('sweep in-process aggregates metric distributions across seeds and exits 0 when every seed passes', async () => {
    const { code, out } = await cli('sweep', 'leader-crash', '--seeds', '1..3', '--workers', '1');
    expect(code).toBe(0);
    expect(out).toMatch(/^raftsim sweep leader-crash: 3 seeds: 3 passed, 0 safety violations, 0 liveness failures, 0 with failed expectations/);
    expect(out).toMatch(/expect {6}held on every seed: electionLatency\.p99 < 1s/);
    expect(out).toMatch(/\n {4}electionLatency\.p99 +[\d.]+ms +[\d.]+ms/);
  });

  it('merging the sweep.json of shards 1/3, 2/3 and 3/3 gives the summary of the unsharded sweep', async () => {
    const dir = temp('merge');
    const args = ['leader-crash', '--seeds', '1..7', '--duration', '9s', '--workers', '1'];
    for (const shard of ['1/3', '2/3', '3/3']) expect((await cli('sweep', ...args, '--shard', shard, '--out', join(dir, shard.replace('/', 'of')))).code).toBe(0);
    await cli('sweep', ...args, '--out', join(dir, 'all'));
    const merged = await cli('merge', join(dir, '1of3'), join(dir, '2of3', 'sweep.json'), join(dir, '3of3'), '--out', join(dir, 'merged'));
    expect(merged.code).toBe(0);
    expect(merged.err).toBe('');
    const strip = (summary: Record<string, unknown>): unknown => ({ ...summary, cpuMs: 0, failing: (summary.failing as Record<string, unknown>[]).map((run) => ({ ...run, wallMs: 0 })) });
    const all = JSON.parse(readFileSync(join(dir, 'all', 'sweep.json'), 'utf8'));
    const combined = JSON.parse(readFileSync(join(dir, 'merged', 'sweep.json'), 'utf8'));
    expect(strip(combined.summary)).toEqual(strip(all.summary));
    expect(combined.runs.map((run: { seed: number }) => run.seed)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(combined.runs.map((run: { traceHash: string }) => run.traceHash)).toEqual(all.runs.map((run: { traceHash: string }) => run.traceHash));
    // The text is that of a single sweep too (apart from timings).
    const single = await cli('sweep', ...args);
    const timing = (text: string): string => text.replace(/ in \S+ of simulation.*\n/, '\n');
    expect(timing(merged.out)).toBe(timing(single.out));

    const partial = await cli('merge', join(dir, '1of3'), join(dir, '3of3'));
    expect(partial.err).toMatch(/shards 2\/3 are missing; the summary covers 5 seeds only/);
    const twice = await cli('merge', join(dir, '1of3'), join(dir, '1of3'));
    expect(twice.code).toBe(2);
    expect(twice.err).toMatch(/found seed 1 again/);
    await cli('sweep', 'bridge-partition', '--seeds', '8', '--duration', '3s', '--workers', '1', '--out', join(dir, 'other'));
    const mixed = await cli('merge', join(dir, '1of3'), join(dir, 'other'));
    expect(mixed.code).toBe(2);
    expect(mixed.err).toMatch(/found a sweep of scenario bridge-partition .* expected the same scenario text/);
  });
});

describe('the built executable', () => {
  const bin = join(process.cwd(), 'dist', 'src', 'bin.js');

  it.skipIf(!existsSync(bin))('sweeps over worker threads and gives the same per-seed hashes as single runs', () => {
    const dir = mkdtempSync(join(tmpdir(), 'raftsim-sweep-'));
    execFileSync(process.execPath, [bin, 'sweep', 'leader-crash', '--seeds', '1..4', '--workers', '2', '--out', dir], { encoding: 'utf8' });
    const sweep = JSON.parse(readFileSync(join(dir, 'sweep.json'), 'utf8'));
    expect(sweep.summary.verdicts).toEqual({ ok: 4, safety: 0, liveness: 0 });
    const single = JSON.parse(execFileSync(process.execPath, [bin, 'run', 'leader-crash', '--seed', '3', '--json'], { encoding: 'utf8' }));
    expect(sweep.runs.find((run: { seed: number }) => run.seed === 3).traceHash).toBe(single.traceHash);
  });

  it.skipIf(!existsSync(bin))('bad input exits 2 from the real process with no stack trace', () => {
    const result = spawnSync(process.execPath, [bin, 'run', 'nope'], { encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^raftsim: unknown scenario "nope"/);
    expect(result.stderr).not.toMatch(/\s+at /);
  });

  it.skipIf(!existsSync(bin))('finds the YAML scenario files from dist/ and lists them', () => {
    const result = spawnSync(process.execPath, [bin, 'list'], { encoding: 'utf8', cwd: tmpdir() });
    expect(result.status).toBe(0);
    expect(result.stdout.trim().split('\n')).toHaveLength(builtinScenarios.length);
  });
});
