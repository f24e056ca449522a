// What the scenario side knows about one fault kind, in one place: how the file writes it, how it is checked
// against the cluster and compiled to the simulator's faults, what a `for:` on it means, how it is written
// back, and how `raftsim shrink` narrows it to fewer nodes. index.ts assembles the entries into a table keyed
// by the simulator's FaultKind (sim/nemesis.ts), so a kind added to the Fault union does not compile until its
// entry exists here.
import type { Fault, FaultKind } from '../../../sim/nemesis.js';
import type { SpecPath } from '../errors.js';
import type { FullSpec } from '../fill.js';
import type { FaultSpec } from '../spec.js';
import type { ItemReader } from './reader.js';

/** The scenario form (spec.ts) of each fault kind, by kind. */
export type FaultSpecOf = { readonly [F in FaultSpec as F['kind']]: F };

/** The simulator form (sim/nemesis.ts) of each fault kind, by kind. */
export type SimFaultOf = { readonly [F in Fault as F['kind']]: F };

/** Reads the value written under a fault's key in a fault item (`path` is [key]); undefined when it failed
 *  (the reader has then reported why). */
export type FaultParser = (value: unknown, reader: ItemReader, path: SpecPath) => FaultSpec | undefined;

/** Where a fault is compiled: the complete scenario, its node ids and the item's `for`. */
export interface FaultContext {
  readonly full: FullSpec;
  readonly nodeIds: readonly string[];
  readonly forUs: number | undefined;
}

/** Checking the nodes a fault names against the cluster; problems are reported against the file. */
export interface FaultCheck {
  /** The fault's place in the file: ['faults', index, key]. */
  readonly path: SpecPath;
  readonly forUs: number | undefined;
  /** A node id of the cluster, or (when allowDynamic) one of leader, follower, random, last-crashed. */
  node(path: SpecPath, id: string, allowDynamic: boolean): void;
  add(path: SpecPath, found: string, expected: string): void;
  /** How many nodes the cluster has. */
  readonly nodeCount: number;
  /** The cluster's datacenters (empty without cluster.datacenters). */
  readonly datacenters: readonly string[];
}

/** The nodes a shrink keeps. */
export interface KeptNodes {
  /** A named node that is kept. */
  keeps(id: string): boolean;
  /** A target that still means something: a dynamic target, or a kept node. */
  keepsTarget(id: string): boolean;
  /** A datacenter that still holds a kept node. */
  keepsDatacenter(dc: string): boolean;
}

/** What a `for:` on the item means for this kind. */
export type Lasting<K extends FaultKind> =
  /** No `for:` (the fault has no undo: a restart, a heal, ...). */
  | { readonly kind: 'instant' }
  /** The fault ends by itself and `for:` is its length, unless the fault gives its own (a pause). */
  | {
      readonly kind: 'duration';
      ownDurationUs(fault: FaultSpecOf[K]): number | undefined;
      /** The fault with its own length set (shrink halves it). */
      withDurationUs(fault: FaultSpecOf[K], durationUs: number): FaultSpecOf[K];
      readonly both: string;
      readonly neither: string;
    }
  /** The fault is undone `for` later by the fault `undo` returns. */
  | { readonly kind: 'undone'; undo(fault: FaultSpecOf[K], context: FaultContext): Fault };

export interface FaultKindEntry<K extends FaultKind> {
  /** The key the fault is written under in a fault item (clock-offset, clock-drift and clock-step share `clock`). */
  readonly key: string;
  /** Reads the value written under `key`; kinds that share a key share the parser, which picks the kind. */
  readonly parse: FaultParser;
  readonly lasting: Lasting<K>;
  /** Checks the nodes the fault names (compile time: the cluster's ids are known only then). */
  check(fault: FaultSpecOf[K], check: FaultCheck): void;
  /** The simulator faults it compiles to (usually one). */
  toSim(fault: FaultSpecOf[K], context: FaultContext): Fault[];
  /** Back from the simulator's form: shrink turns a run's whole schedule into explicit fault items. */
  fromSim(fault: SimFaultOf[K]): FaultSpecOf[K];
  /** The value written under `key`; loading it gives the same fault back. */
  write(fault: FaultSpecOf[K]): unknown;
  /** Shrink: the fault restricted to the kept nodes, or null when nothing meaningful is left. */
  restrict(fault: FaultSpecOf[K], kept: KeptNodes): FaultSpecOf[K] | null;
}

/** The table of every fault kind. */
export type FaultCatalogue = { readonly [K in FaultKind]: FaultKindEntry<K> };
