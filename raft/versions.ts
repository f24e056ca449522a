// Node versions and what each can encode and decode (issue #16: mixed-version clusters and rolling upgrades).
//
// A Raft cluster is upgraded one node at a time, so every cluster runs mixed versions for a while; the protocol
// must degrade, not wedge. The incident this models: an etcd 3.4 -> 3.5 canary upgrade left a 3.4 learner stuck,
// the 3.5 leader sending it snapshots in an encoding 3.4 could not decode, the learner rejecting every one while
// the leader's retained log grew (etcd pauses compaction while a snapshot is in flight, server.go snapshot()).
//
// A node of version v decodes the snapshot encodings and entry formats of its capabilities (`capabilitiesOf`).
// Every message a versioned node sends carries its version (the handshake field etcd's rafthttp puts in the
// X-Server-Version header, and hashicorp/raft's ProtocolVersion in every RPC header), so a leader learns each
// peer's version from its replies. A receiver that cannot decode a message answers with an UnsupportedResponse
// naming what it could not decode, never by dropping it silently.
//
// Negotiation (the correct behaviour): the leader sends each follower the newest snapshot encoding that
// follower advertised it decodes (the common baseline `plain` until it has heard from it, or after it rejected
// an encoding), and writes entries in a newer format only once every member of the configuration in force has
// advertised a version that reads it (etcd decides its cluster version as the minimum over all members,
// server/etcdserver/version/monitor.go; hashicorp/raft gates protocol features on every server's version).
// Two real mistakes are catalogued (version-bugs.ts): the leader using its own newest encoding for everyone,
// and the new format switched on when the leader upgrades rather than when the cluster has.
import type { Entry, Message, NodeId } from './types.js';
import { newestVersion, nodeVersions, snapshotEncodings, type EntryFormat, type NodeVersion, type SnapshotEncoding, type Undecodable } from './version-types.js';

export { newestVersion, nodeVersions, snapshotEncodings, type EntryFormat, type NodeVersion, type SnapshotEncoding, type Undecodable };

export interface Capabilities {
  readonly snapshotEncodings: readonly SnapshotEncoding[];
  readonly entryFormats: readonly EntryFormat[];
}

/** What each version decodes (and may therefore encode). */
export const capabilitiesOf: { readonly [V in NodeVersion]: Capabilities } = {
  1: { snapshotEncodings: ['plain'], entryFormats: [1] },
  2: { snapshotEncodings: ['plain', 'compressed'], entryFormats: [1, 2] },
};

export function isNodeVersion(value: unknown): value is NodeVersion {
  return typeof value === 'number' && (nodeVersions as readonly number[]).includes(value);
}

/** The negotiation mistakes, off by default (version-bugs.ts is their catalogue). */
export interface VersionMistakes {
  /** The leader sends every follower snapshots in its own newest encoding, whatever the follower advertised. */
  readonly newestEncodingForAll: boolean;
  /** The leader writes entries in its newest format as soon as it runs a version that has it. */
  readonly featureOnLeaderUpgrade: boolean;
}

export const safeVersionMistakes: VersionMistakes = Object.freeze({ newestEncodingForAll: false, featureOnLeaderUpgrade: false });

/** RaftConfig.versioning: the node's version, and the negotiation mistakes switched on. Absent: the node is
 *  unversioned (the behaviour before versions existed: no version field, plain snapshots, format-1 entries). */
export interface VersionSettings {
  readonly version: NodeVersion;
  readonly mistakes: VersionMistakes;
}

function newest<T>(values: readonly T[]): T {
  return values[values.length - 1]!;
}

/** One node's view of versions: its own capabilities, and what it has learnt of each peer's. Volatile: a
 *  restarted node learns its peers' versions again from their next messages. */
export class VersionNegotiation {
  readonly version: NodeVersion;
  readonly capabilities: Capabilities;
  private readonly mistakes: VersionMistakes;
  /** The version each peer last advertised. */
  private readonly advertised = new Map<NodeId, NodeVersion>();
  /** Encodings a peer rejected since it last advertised a version (a peer that rejects what its version
   *  should decode is believed). */
  private readonly refused = new Map<NodeId, Set<SnapshotEncoding>>();

  constructor(settings: VersionSettings) {
    this.version = settings.version;
    this.capabilities = capabilitiesOf[settings.version];
    this.mistakes = settings.mistakes;
  }

  /** Every message this node sends carries its version. */
  stamp<M extends Message>(message: M): M {
    return { ...message, version: this.version };
  }

  /** Learns the sender's version from any message that carries one. */
  observe(message: Message): void {
    const version = message.version;
    if (version === undefined || !isNodeVersion(version)) return;
    if (this.advertised.get(message.from) !== version) {
      this.advertised.set(message.from, version);
      this.refused.delete(message.from);
    }
  }

  /** A peer rejected something: remember it (the correct variant stops sending it). */
  onRejection(peer: NodeId, what: Undecodable): void {
    if (what.kind !== 'snapshot-encoding') return;
    let set = this.refused.get(peer);
    if (set === undefined) this.refused.set(peer, (set = new Set()));
    set.add(what.encoding);
  }

  /** The encoding of a snapshot for `peer`: the newest both decode, from what the peer advertised (plain while
   *  unknown); the broken variant always takes this node's newest. */
  snapshotEncodingFor(peer: NodeId): SnapshotEncoding {
    if (this.mistakes.newestEncodingForAll) return newest(this.capabilities.snapshotEncodings);
    const version = this.advertised.get(peer);
    if (version === undefined) return 'plain';
    const theirs = capabilitiesOf[version].snapshotEncodings;
    const refused = this.refused.get(peer);
    let chosen: SnapshotEncoding = 'plain';
    for (const encoding of this.capabilities.snapshotEncodings) {
      if (theirs.includes(encoding) && !(refused?.has(encoding) ?? false)) chosen = encoding;
    }
    return chosen;
  }

  /** The format of entries a leader writes now: the newest every member (voters and learners: a learner that
   *  cannot read the log wedges as surely as a voter) has advertised it reads. The broken variant takes this
   *  node's newest as soon as it runs it. */
  entryFormat(self: NodeId, members: readonly NodeId[]): EntryFormat {
    const mine = newest(this.capabilities.entryFormats);
    if (this.mistakes.featureOnLeaderUpgrade) return mine;
    let format: EntryFormat = mine;
    for (const member of members) {
      if (member === self) continue;
      const version = this.advertised.get(member);
      if (version === undefined) return 1;
      const theirs = newest(capabilitiesOf[version].entryFormats);
      if (theirs < format) format = theirs;
    }
    return format;
  }

  /** What this node cannot decode of a request, or null. */
  undecodable(message: Message): Undecodable | null {
    switch (message.type) {
      case 'InstallSnapshot': {
        const encoding = message.encoding ?? 'plain';
        return this.capabilities.snapshotEncodings.includes(encoding) ? null : { kind: 'snapshot-encoding', encoding };
      }
      case 'AppendEntries':
        return this.undecodableEntry(message.entries);
      default:
        return null;
    }
  }

  private undecodableEntry(entries: readonly Entry[]): Undecodable | null {
    for (const entry of entries) {
      const format = entry.format ?? 1;
      if (!this.capabilities.entryFormats.includes(format)) return { kind: 'entry-format', format, index: entry.index };
    }
    return null;
  }
}

/** A one-line description of what was not decodable, for traces and reasons. */
export function describeUndecodable(what: Undecodable): string {
  switch (what.kind) {
    case 'snapshot-encoding':
      return `snapshot encoding ${what.encoding}`;
    case 'entry-format':
      return `entry format ${what.format} (index ${what.index})`;
    default: {
      const unreachable: never = what;
      return String(unreachable);
    }
  }
}
