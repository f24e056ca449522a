// Pieces the fault families share: values read from a file (a target list, a key written alone) and the
// entry parts of kinds that name no node.
import type { NodeTarget } from '../../../sim/nemesis.js';
import { parseTarget } from '../node-ids.js';
import type { FaultSpec, TargetList } from '../spec.js';
import { UnitError } from '../units.js';
import type { FaultKindEntry, FaultParser } from './entry.js';

/** A node or a list of nodes; with allowAll also all (or others): every node. */
export function parseTargetList(value: unknown, allowAll: boolean): TargetList {
  if (allowAll && (value === 'all' || value === 'others')) return 'all';
  if (typeof value === 'string') return [parseTarget(value)];
  if (Array.isArray(value) && value.length > 0) return Array.from(value, (item) => parseTarget(item));
  throw new UnitError(`a node or a list of nodes${allowAll ? ', or all' : ''}`);
}

/** The targets of a list, with all expanded to the cluster's nodes. */
export function targetsOf(list: TargetList, nodeIds: readonly string[]): NodeTarget[] {
  return list === 'all' ? [...nodeIds] : [...list];
}

/** The file form of a target list: one target alone, several as a list. */
export function writeTargetList(list: TargetList): unknown {
  if (list === 'all') return 'all';
  return list.length === 1 ? list[0] : [...list];
}

function parseNoArgument(value: unknown): true {
  if (value === null || value === true || (typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length === 0)) return true;
  throw new UnitError('nothing (write the key alone, e.g. "heal:"), or true');
}

/** The parser of a key written alone (`heal:`), for the fault `{kind}`. */
export function noArgumentParser(fault: { readonly kind: 'restart-all' | 'heal' | 'reset-links' | 'clear-filters' | 'leave-joint' }): FaultParser {
  return (value, reader, path) => (reader.read(value, path, parseNoArgument) === undefined ? undefined : fault);
}

/** The entry parts of a fault that names no node and has no undo. */
export const nodeless = {
  lasting: { kind: 'instant' },
  check: (): void => undefined,
  write: (): true => true,
} as const;

/** The kinds written as one node alone (`restart: n2`), with no undo. */
type OneNodeKind = 'restart' | 'campaign' | 'rejoin';

/** The whole entry of such a kind: the node read, checked (a dynamic target allowed), written back and kept
 *  by a shrink only while it still means something. */
export function oneNodeFault<K extends OneNodeKind>(kind: K): FaultKindEntry<K> {
  const entry: FaultKindEntry<OneNodeKind> = {
    key: kind,
    parse: (value, reader, path) => {
      const node = reader.read(value, path, parseTarget);
      return node === undefined ? undefined : ({ kind, node } as FaultSpec);
    },
    lasting: { kind: 'instant' },
    check: (fault, check) => check.node(check.path, fault.node, true),
    toSim: (fault) => [fault],
    fromSim: (fault) => fault,
    write: (fault) => fault.node,
    restrict: (fault, kept) => (kept.keepsTarget(fault.node) ? fault : null),
  };
  return entry as unknown as FaultKindEntry<K>;
}
