// raft.profile (src/scenario/profiles.ts): an implementation's settings for what the file leaves open, each
// still overridden by the file; the table in docs/raft.md lists the same values and sources.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileScenario } from '../src/scenario/compile.js';
import { parseScenarioText } from '../src/scenario/load.js';
import { profileSettings, raftProfiles } from '../src/scenario/profiles.js';
import type { ScenarioSpec } from '../src/scenario/spec.js';

const load = (text: string) => parseScenarioText(text, { kind: 'file', ref: 'p.yaml', path: null }, 'p');
const raftOf = (text: string) => load(text).compile(1).options.cluster.raft;

describe('implementation profiles', () => {
  it('without a profile nothing changes: the timer rule is absent from the Raft options (etcd)', () => {
    const raft = raftOf('question: q?\n');
    expect(raft.electionTimerRestart).toBeUndefined();
    expect(raft.heartbeatIntervalUs).toBe(50_000);
    expect(raft.maxInflightMessages).toBe(64);
  });

  it('logcabin: its timer rule, timeouts, no PreVote, one message in flight, no catch-up entries', () => {
    const compiled = load('question: q?\nraft: {profile: logcabin}\n').compile(1);
    const raft = compiled.options.cluster.raft;
    expect(raft.electionTimerRestart).toBe('logcabin');
    expect([raft.electionTimeoutMinUs, raft.electionTimeoutMaxUs, raft.heartbeatIntervalUs]).toEqual([500_000, 1_000_000, 250_000]);
    expect([raft.preVote, raft.checkQuorum, raft.leaderStickiness, raft.maxInflightMessages]).toEqual([false, true, true, 1]);
    expect(compiled.options.cluster.compaction.catchUpEntries).toBe(0);
  });

  it('etcd and hashicorp: their own values (etcd keeps the etcd rule, which is the default and not written)', () => {
    const etcd = load('question: q?\nraft: {profile: etcd}\n').compile(1).options.cluster;
    expect(etcd.raft.electionTimerRestart).toBeUndefined();
    expect([etcd.raft.electionTimeoutMinUs, etcd.raft.heartbeatIntervalUs, etcd.raft.maxInflightMessages, etcd.compaction.snapshotCount]).toEqual([1_000_000, 100_000, 512, 100_000]);
    const hashicorp = load('question: q?\nraft: {profile: hashicorp}\n').compile(1).options.cluster;
    expect(hashicorp.raft.electionTimerRestart).toBe('logcabin');
    expect([hashicorp.raft.maxInflightMessages, hashicorp.compaction.snapshotCount, hashicorp.compaction.catchUpEntries]).toEqual([2, 8_192, 10_240]);
  });

  it('every setting the file gives overrides the profile; a derived heartbeat follows a given timeout', () => {
    const raft = raftOf('question: q?\nraft: {profile: logcabin, electionTimerRestart: etcd, preVote: true, electionTimeout: 150ms..300ms}\n');
    expect(raft.electionTimerRestart).toBeUndefined();
    expect(raft.preVote).toBe(true);
    expect([raft.electionTimeoutMinUs, raft.heartbeatIntervalUs]).toEqual([150_000, 75_000]);
  });

  it('the timer rule is a setting of its own', () => {
    expect(raftOf('question: q?\nraft: {electionTimerRestart: logcabin}\n').electionTimerRestart).toBe('logcabin');
  });

  it('a profile survives writing the full spec back out (the replay form)', () => {
    const spec: ScenarioSpec = { question: 'q?', raft: { profile: 'logcabin' } };
    const compiled = compileScenario(spec, 1);
    expect(compiled.full.raft.profile).toBe('logcabin');
    expect(compiled.full.raft.electionTimerRestart).toBe('logcabin');
  });

  it('unknown names are errors that name the place and the choices', () => {
    expect(() => load('question: q?\nraft: {profile: logcabn}\n')).toThrow('p.yaml:2:17: raft.profile: found "logcabn", expected "logcabin" (did you mean it?), or an implementation profile: one of etcd, logcabin, hashicorp.');
    expect(() => load('question: q?\nraft: {electionTimerRestart: raft}\n')).toThrow(/raft\.electionTimerRestart: found "raft", expected an election-timer restart rule: one of etcd, logcabin/);
  });

  it('docs/raft.md lists every profile value with its source', () => {
    const doc = readFileSync('docs/raft.md', 'utf8');
    for (const profile of raftProfiles) {
      for (const setting of profileSettings[profile]) {
        expect(doc, `${profile} ${setting.path}`).toContain(`| ${profile} | \`${setting.path}\` | ${setting.shown} | ${setting.source} |`);
      }
    }
  });
});
