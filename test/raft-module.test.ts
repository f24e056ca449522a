// The Raft under test is a parameter (raft/contract.ts): the harness drives a node only through the host contract,
// so a pass-through adapter gives the same run byte for byte, and a user's Raft with a mistake the harness was never
// told about is caught by its checks — in a run, in a sweep over worker threads, and in a replay.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RaftFactory } from '../raft/contract.js';
import { RaftNode } from '../raft/node.js';
import { MemorySink, Trace } from '../sim/trace.js';
import { runScenario } from '../src/api.js';
import { findScenario } from '../src/scenario/builtin.js';

const bin = join(process.cwd(), 'dist', 'src', 'bin.js');
const buggy = join(process.cwd(), 'test', 'fixtures', 'raft-adapters', 'unsynced-votes.mjs');

function raftsim(...args: string[]): { code: number; out: string; err: string } {
  const run = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });
  return { code: run.status ?? -1, out: run.stdout, err: run.stderr };
}

function traceLines(raft?: RaftFactory): string[] {
  const sink = new MemorySink();
  runScenario(findScenario('leader-crash')!.scenario, { seed: 2, trace: new Trace({ sink }), ...(raft !== undefined ? { raft } : {}) });
  return sink.lines;
}

describe('your own Raft under the harness', () => {
  it('a pass-through implementation of the contract gives the same trace, line for line, as raftsim\'s own Raft', () => {
    const created: string[] = [];
    const passThrough: RaftFactory = {
      create: (options) => {
        created.push(options.config.id);
        return RaftNode.create(options);
      },
      restart: (options, durable) => RaftNode.restart(options, durable),
    };
    const own = traceLines();
    const theirs = traceLines(passThrough);
    expect(created).toEqual(['n1', 'n2', 'n3', 'n4', 'n5']);
    expect(theirs[0]).toContain('"raftImplementation":"custom (API)"');
    expect(own[0]).not.toContain('raftImplementation');
    // Apart from the meta record (which names the implementation) and the end record's hash, every line is the same.
    expect(theirs.slice(1, -1)).toEqual(own.slice(1, -1));
  });

  it('`run --raft` runs a module and its mistake is caught; the replay command repeats --raft and reproduces it', () => {
    const out = mkdtempSync(join(tmpdir(), 'raftsim-raft-module-'));
    const run = raftsim('run', 'leader-crash', '--seed', '1', '--raft', buggy, '--out', out);
    expect(run.code).toBe(1);
    expect(run.out).toMatch(/invariant {3}DurableBeforeSend: n\d sent RequestVote of term 1/);
    expect(run.out).toContain(`replay      npx raftsim run leader-crash --seed 1 --raft ${buggy}`);
    expect(JSON.parse(readFileSync(join(out, 'result.json'), 'utf8')).overrides).toEqual(['--raft', buggy]);
    const replay = raftsim('replay', join(out, 'result.json'));
    expect(replay.out).toMatch(/^reproduced/);
    expect(replay.code).toBe(1);
  });

  it('`sweep --raft` loads the module in every worker thread', () => {
    const sweep = raftsim('sweep', 'leader-crash', '--seeds', '1..4', '--workers', '2', '--raft', buggy);
    expect(sweep.code).toBe(1);
    expect(sweep.out).toMatch(/4 seeds: 0 passed, 4 safety violations/);
  });

  it('a module that is missing or does not implement the contract is a usage error, exit 2, one line', () => {
    const missing = raftsim('run', 'leader-crash', '--raft', 'no-such-raft.mjs');
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/^raftsim: --raft no-such-raft\.mjs: no such file/);
    const notRaft = raftsim('run', 'leader-crash', '--raft', join(process.cwd(), 'dist', 'sim', 'hash.js'));
    expect(notRaft.code).toBe(2);
    expect(notRaft.err).toMatch(/the module exports .*; expected create\(options\) and restart\(options, durable\)/);
    expect(notRaft.err.trim().split('\n')).toHaveLength(1);
  });
});
