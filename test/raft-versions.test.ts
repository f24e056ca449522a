// Versions and capabilities in raft/ (raft/versions.ts, docs/versions.md): what each version decodes, how a
// receiver rejects what it cannot decode, the correct negotiation, and for each negotiation mistake of the
// catalogue (raft/version-bugs.ts) the smallest sequence on which the broken leader and the correct one part ways.
import { describe, expect, it } from 'vitest';
import type { RaftConfig } from '../raft/config.js';
import type { Message, NodeId } from '../raft/types.js';
import { versionBugCatalogue } from '../raft/version-bugs.js';
import { safeVersionMistakes, VersionNegotiation, type NodeVersion, type VersionMistakes } from '../raft/versions.js';
import { findBug } from '../sim/bugs.js';
import { Harness } from './support/raft-harness.js';
import { three } from './support/raft-bugs.js';

type Mistake = keyof VersionMistakes;

function settings(version: NodeVersion, mistake: Mistake | null = null): Partial<RaftConfig> {
  return { versioning: { version, mistakes: mistake === null ? safeVersionMistakes : { ...safeVersionMistakes, [mistake]: true } } };
}

/** Three nodes with the given versions (unlisted: 2), n1 elected. */
function cluster(versions: Partial<Record<NodeId, NodeVersion>>, mistake: Mistake | null = null): Harness {
  const h = new Harness(three, { preVote: false, ...settings(2, mistake) });
  for (const [id, version] of Object.entries(versions)) {
    h.configs.set(id, { ...h.configs.get(id)!, ...settings(version!, mistake) });
    h.restart(id);
  }
  h.campaign('n1');
  h.advanceTo(h.nowUs + 200_000);
  expect(h.leaders()).toEqual(['n1']);
  return h;
}

/** n3 cut off while n1 commits and compacts past it, then healed: it needs a snapshot. */
function needsSnapshot(h: Harness): void {
  h.isolate('n3');
  for (let k = 0; k < 5; k++) h.propose('n1', `w${k}`);
  const n1 = h.node('n1');
  const index = n1.log.committed;
  n1.compact({ meta: { index, term: n1.log.term(index)!, membership: n1.membershipAt(index) }, data: { image: index }, bytes: 1_000 }, index);
  h.heal();
}

const sent = (h: Harness, predicate: (message: Message) => boolean): Message[] => {
  const seen: Message[] = [];
  const original = h.deliver.bind(h);
  h.deliver = (message: Message): void => {
    if (predicate(message)) seen.push(message);
    original(message);
  };
  return seen;
};

describe('capabilities and negotiation (VersionNegotiation)', () => {
  it('a leader sends plain until a peer advertises version 2, then compressed; a rejection takes it back to plain', () => {
    const leader = new VersionNegotiation({ version: 2, mistakes: safeVersionMistakes });
    expect(leader.snapshotEncodingFor('n2')).toBe('plain');
    leader.observe({ type: 'HeartbeatResponse', from: 'n2', to: 'n1', term: 1, readContext: 0, sentAtUs: 0, version: 2 });
    expect(leader.snapshotEncodingFor('n2')).toBe('compressed');
    leader.onRejection('n2', { kind: 'snapshot-encoding', encoding: 'compressed' });
    expect(leader.snapshotEncodingFor('n2')).toBe('plain');
    leader.observe({ type: 'HeartbeatResponse', from: 'n3', to: 'n1', term: 1, readContext: 0, sentAtUs: 0, version: 1 });
    expect(leader.snapshotEncodingFor('n3')).toBe('plain');
  });

  it('format 2 is used only once every other member advertised version 2', () => {
    const leader = new VersionNegotiation({ version: 2, mistakes: safeVersionMistakes });
    const hear = (from: NodeId, version: NodeVersion): void => leader.observe({ type: 'HeartbeatResponse', from, to: 'n1', term: 1, readContext: 0, sentAtUs: 0, version });
    expect(leader.entryFormat('n1', three)).toBe(1);
    hear('n2', 2);
    expect(leader.entryFormat('n1', three)).toBe(1);
    hear('n3', 1);
    expect(leader.entryFormat('n1', three)).toBe(1);
    hear('n3', 2);
    expect(leader.entryFormat('n1', three)).toBe(2);
    // A version-1 node never writes format 2.
    expect(new VersionNegotiation({ version: 1, mistakes: { ...safeVersionMistakes, featureOnLeaderUpgrade: true } }).entryFormat('n1', ['n1'])).toBe(1);
  });

  it('a version-1 node cannot decode a compressed snapshot or a format-2 entry; version 2 decodes both', () => {
    const old = new VersionNegotiation({ version: 1, mistakes: safeVersionMistakes });
    const snapshot: Message = { type: 'InstallSnapshot', from: 'n1', to: 'n2', term: 1, meta: { index: 5, term: 1, membership: { voters: three, outgoing: [], learners: [], learnersNext: [], autoLeave: false } }, offsetBytes: 0, chunkBytes: 10, totalBytes: 10, done: true, data: null, encoding: 'compressed' };
    const append: Message = { type: 'AppendEntries', from: 'n1', to: 'n2', term: 1, prevLogIndex: 0, prevLogTerm: 0, entries: [{ index: 1, term: 1, kind: 'normal', data: 'x', bytes: 1, format: 2 }], commit: 0, sentAtUs: 0 };
    expect(old.undecodable(snapshot)).toEqual({ kind: 'snapshot-encoding', encoding: 'compressed' });
    expect(old.undecodable(append)).toEqual({ kind: 'entry-format', format: 2, index: 1 });
    expect(old.undecodable({ ...snapshot, encoding: 'plain' })).toBeNull();
    const current = new VersionNegotiation({ version: 2, mistakes: safeVersionMistakes });
    expect(current.undecodable(snapshot)).toBeNull();
    expect(current.undecodable(append)).toBeNull();
  });
});

describe('a versioned cluster', () => {
  it('every message carries its sender version; an unversioned node sends none, and no encoding or format field', () => {
    const versioned = cluster({ n2: 1 });
    const seen = sent(versioned, () => true);
    versioned.propose('n1', 'x');
    expect(seen.length).toBeGreaterThan(0);
    for (const message of seen) expect(message.version).toBe(message.from === 'n2' ? 1 : 2);
    const plain = new Harness(three, { preVote: false });
    plain.campaign('n1');
    const none = sent(plain, () => true);
    plain.propose('n1', 'x');
    for (const message of none) {
      expect(message.version).toBeUndefined();
      if (message.type === 'AppendEntries') for (const entry of message.entries) expect(entry.format).toBeUndefined();
    }
  });

  it('a receiver rejects what it cannot decode with an UnsupportedResponse and an unsupported event, and installs nothing', () => {
    const h = cluster({ n2: 1, n3: 1 }, 'newestEncodingForAll');
    needsSnapshot(h);
    h.node('n3').takeEvents();
    const rejections = sent(h, (message) => message.type === 'UnsupportedResponse');
    h.advanceTo(h.nowUs + 300_000);
    expect(rejections.length).toBeGreaterThan(0);
    expect(rejections[0]).toMatchObject({ from: 'n3', to: 'n1', rejected: 'InstallSnapshot', what: { kind: 'snapshot-encoding', encoding: 'compressed' }, version: 1 });
    expect(h.node('n3').takeEvents().filter((event) => event.kind === 'unsupported').length).toBe(rejections.length);
    expect(h.node('n3').log.committed).toBeLessThan(h.node('n1').log.committed);
  });
});

describe('newestEncodingForAll: the leader sends each follower an encoding it decodes', () => {
  const outcome = (on: boolean): { caughtUp: boolean; rejections: number; encodings: string[] } => {
    const h = cluster({ n2: 1, n3: 1 }, on ? 'newestEncodingForAll' : null);
    needsSnapshot(h);
    const rejections = sent(h, (message) => message.type === 'UnsupportedResponse');
    const snapshots = sent(h, (message) => message.type === 'InstallSnapshot');
    h.advanceTo(h.nowUs + 1_000_000);
    const encodings = [...new Set(snapshots.map((message) => (message.type === 'InstallSnapshot' ? (message.encoding ?? 'none') : '')))];
    return { caughtUp: h.node('n3').log.committed === h.node('n1').log.committed, rejections: rejections.length, encodings };
  };
  it('broken: the version-1 follower gets compressed snapshots, rejects every one and never catches up', () => {
    const broken = outcome(true);
    expect(broken).toMatchObject({ caughtUp: false, encodings: ['compressed'] });
    expect(broken.rejections).toBeGreaterThanOrEqual(10);
  });
  it('correct: it gets a plain snapshot, installs it and catches up', () => {
    expect(outcome(false)).toEqual({ caughtUp: true, rejections: 0, encodings: ['plain'] });
  });
  it('correct, learning from a rejection: a follower downgraded while cut off rejects compressed once, then gets plain', () => {
    const h = cluster({});
    h.advanceTo(h.nowUs + 100_000); // n1 heard version 2 from everyone
    needsSnapshot(h);
    h.configs.set('n3', { ...h.configs.get('n3')!, ...settings(1) });
    h.restart('n3');
    const rejections = sent(h, (message) => message.type === 'UnsupportedResponse');
    h.advanceTo(h.nowUs + 1_000_000);
    expect(h.node('n3').log.committed).toBe(h.node('n1').log.committed);
    expect(rejections.length).toBeLessThanOrEqual(1);
  });
});

describe('featureOnLeaderUpgrade: a new entry format only once every member reads it', () => {
  const outcome = (on: boolean): { committed: boolean; formats: number[]; rejected: number } => {
    const h = cluster({ n2: 1, n3: 1 }, on ? 'featureOnLeaderUpgrade' : null);
    const appends = sent(h, (message) => message.type === 'AppendEntries' && message.entries.length > 0);
    const rejections = sent(h, (message) => message.type === 'UnsupportedResponse');
    const before = h.node('n1').log.committed;
    h.node('n1').propose('x', 1, h.localUs('n1'));
    h.advanceTo(h.nowUs + 500_000);
    const formats = [...new Set(appends.flatMap((message) => (message.type === 'AppendEntries' ? message.entries.map((entry) => entry.format ?? 1) : [])))];
    return { committed: h.node('n1').log.committed > before, formats, rejected: rejections.length };
  };
  it('broken: a version-2 leader of version-1 followers writes format 2; they reject it and nothing commits', () => {
    const broken = outcome(true);
    expect(broken).toMatchObject({ committed: false, formats: [2] });
    expect(broken.rejected).toBeGreaterThan(0);
  });
  it('correct: it writes format 1 until the followers run version 2, and the entry commits', () => {
    expect(outcome(false)).toEqual({ committed: true, formats: [1], rejected: 0 });
  });
  it('correct: once every member advertised version 2, entries are written in format 2', () => {
    const h = cluster({});
    h.propose('n1', 'x');
    const last = h.node('n1').log.entry(h.node('n1').log.lastIndex())!;
    expect(last.format).toBe(2);
    expect(h.node('n2').log.committed).toBe(h.node('n1').log.committed);
  });
});

describe('a follower that cannot read entries already written (downgraded after format 2 was on)', () => {
  /** All on version 2 (format 2 in use), n3 cut off and downgraded; n1 snapshots at `snapshotAt` keeping its log. */
  const outcome = (snapshotAt: 'commit' | 'before-format-2'): { caughtUp: boolean; rejections: number; snapshots: number } => {
    const h = cluster({});
    h.advanceTo(h.nowUs + 100_000);
    const firstFormat2 = h.node('n1').log.lastIndex() + 1;
    h.isolate('n3');
    for (let k = 0; k < 5; k++) h.propose('n1', `w${k}`);
    const n1 = h.node('n1');
    expect(n1.log.entry(n1.log.lastIndex())!.format).toBe(2);
    const index = snapshotAt === 'commit' ? n1.log.committed : firstFormat2 - 1;
    // A snapshot that drops no log (compactIndex at the first index): the leader could still send the entries.
    n1.compact({ meta: { index, term: n1.log.term(index)!, membership: n1.membershipAt(index) }, data: { image: index }, bytes: 1_000 }, n1.log.compacted.index);
    h.configs.set('n3', { ...h.configs.get('n3')!, ...settings(1) });
    h.restart('n3');
    h.heal();
    const rejections = sent(h, (message) => message.type === 'UnsupportedResponse');
    const snapshots = sent(h, (message) => message.type === 'InstallSnapshot');
    h.advanceTo(h.nowUs + 1_000_000);
    return { caughtUp: h.node('n3').log.committed === n1.log.committed, rejections: rejections.length, snapshots: snapshots.length };
  };
  it('the leader sends the snapshot that covers them instead, and the follower catches up', () => {
    const covered = outcome('commit');
    expect(covered.caughtUp).toBe(true);
    expect(covered.snapshots).toBeGreaterThanOrEqual(1);
    expect(covered.rejections).toBeLessThanOrEqual(2);
  });
  it('without a snapshot covering them it stays behind, rejecting them', () => {
    const uncovered = outcome('before-format-2');
    expect(uncovered.caughtUp).toBe(false);
    expect(uncovered.rejections).toBeGreaterThan(5);
  });
});

describe('the catalogue', () => {
  it('lists both negotiation mistakes with sources, in the one catalogue under the versions layer', () => {
    for (const [key, entry] of Object.entries(versionBugCatalogue)) {
      expect(findBug(entry.name)?.switch).toEqual({ layer: 'versions', key });
      expect(entry.breaks).toBe('liveness');
      expect(entry.source.length).toBeGreaterThan(40);
    }
  });
});
