// The value types of versions (raft/versions.ts has the rules): in a file of their own, importing nothing, so that
// raft/types.ts can name them without an import cycle.
/** Snapshot encodings: `plain` (every version) and `compressed` (version 2 and later). */
export const snapshotEncodings = ['plain', 'compressed'] as const;
export type SnapshotEncoding = (typeof snapshotEncodings)[number];

/** Entry formats: 1 (every version); 2 carries a field only version 2 and later decode (etcd 3.5's new raft
 *  request fields, which a 3.4 member cannot apply). An entry without `format` is format 1. */
export type EntryFormat = 1 | 2;

export const nodeVersions = [1, 2] as const;
export type NodeVersion = (typeof nodeVersions)[number];
export const newestVersion: NodeVersion = 2;

/** What a receiver could not decode. */
export type Undecodable =
  | { readonly kind: 'snapshot-encoding'; readonly encoding: SnapshotEncoding }
  | { readonly kind: 'entry-format'; readonly format: EntryFormat; readonly index: number };
