// Process faults: crash and restart a node (or all), pause one (a GC stall: it keeps its memory, messages wait),
// slow one down (every message it sends delayed), and stall its state machine (nothing applied for a while).
import type { FaultKind, NodeTarget } from '../../../sim/nemesis.js';
import { dynamicTargets, parseTarget } from '../node-ids.js';
import { formatDuration, parseDuration } from '../units.js';
import { noArgumentParser, nodeless, oneNodeFault } from './common.js';
import type { FaultKindEntry } from './entry.js';

type ProcessKind = Extract<FaultKind, 'crash' | 'restart' | 'restart-all' | 'pause' | 'slow' | 'apply-stall'>;

/** A fault on one node for a while, written `KIND: n2` with `for:` on the item or `KIND: {node: n2, for: 2s}`:
 *  a pause (the whole process) or an apply stall (its state machine). `noun` names the duration in problems. */
function timedNodeFault<K extends 'pause' | 'apply-stall'>(kind: K, noun: string): FaultKindEntry<K> {
  type Spec = { readonly kind: K; readonly node: NodeTarget; readonly durationUs?: number };
  const make = (node: NodeTarget, durationUs: number | undefined): Spec => ({ kind, node, ...(durationUs !== undefined ? { durationUs } : {}) });
  const entry: FaultKindEntry<'pause'> = {
    key: kind as 'pause',
    parse: (value, reader, path) => {
      if (typeof value === 'string') {
        const node = reader.read(value, path, parseTarget);
        return node === undefined ? undefined : (make(node, undefined) as never);
      }
      const body = reader.mapping(value, path, ['node'], ['for'], '{node: leader, for: 2s}');
      if (body === undefined) return undefined;
      const node = reader.read(body.node, [...path, 'node'], parseTarget);
      const durationUs = reader.optional(body.for, [...path, 'for'], parseDuration);
      return node === undefined || (body.for !== undefined && durationUs === undefined) ? undefined : (make(node, durationUs) as never);
    },
    lasting: {
      kind: 'duration',
      ownDurationUs: (fault) => fault.durationUs,
      withDurationUs: (fault, durationUs) => ({ ...fault, durationUs }),
      both: `one ${noun} duration: either ${kind}: {node, for} or for:, not both`,
      neither: `a ${noun} duration: ${kind}: {node: n2, for: 2s}, or for: 2s on the item`,
    },
    check: (fault, check) => check.node(check.path, fault.node, true),
    toSim: (fault, context) => [{ kind, node: fault.node, durationUs: fault.durationUs ?? context.forUs ?? 0 } as never],
    fromSim: (fault) => fault,
    write: (fault) => (fault.durationUs === undefined ? fault.node : { node: fault.node, for: formatDuration(fault.durationUs) }),
    restrict: (fault, kept) => (kept.keepsTarget(fault.node) ? fault : null),
  };
  return entry as unknown as FaultKindEntry<K>;
}

export const processFaults: { readonly [K in ProcessKind]: FaultKindEntry<K> } = {
  crash: {
    key: 'crash',
    parse: (value, reader, path) => {
      const node = reader.read(value, path, parseTarget);
      return node === undefined ? undefined : { kind: 'crash', node };
    },
    // A node chosen at run time (leader, follower, random) is known only when the crash fires: restart-all.
    lasting: { kind: 'undone', undo: (fault) => (dynamicTargets.has(fault.node) ? { kind: 'restart-all' } : { kind: 'restart', node: fault.node }) },
    check: (fault, check) => check.node(check.path, fault.node, true),
    toSim: (fault) => [fault],
    fromSim: (fault) => fault,
    write: (fault) => fault.node,
    restrict: (fault, kept) => (kept.keepsTarget(fault.node) ? fault : null),
  },
  restart: oneNodeFault('restart'),

  'restart-all': {
    key: 'restart-all',
    parse: noArgumentParser({ kind: 'restart-all' }),
    ...nodeless,
    toSim: (fault) => [fault],
    fromSim: (fault) => fault,
    restrict: (fault) => fault,
  },
  pause: timedNodeFault('pause', 'pause'),
  slow: {
    key: 'slow',
    parse: (value, reader, path) => {
      const body = reader.mapping(value, path, ['node', 'delay'], [], '{node: n2, delay: 20ms}');
      if (body === undefined) return undefined;
      const node = reader.read(body.node, [...path, 'node'], parseTarget);
      const delayUs = reader.read(body.delay, [...path, 'delay'], parseDuration);
      return node === undefined || delayUs === undefined ? undefined : { kind: 'slow', node, delayUs };
    },
    lasting: { kind: 'undone', undo: (fault) => ({ kind: 'slow', node: fault.node, delayUs: 0 }) },
    check: (fault, check) => check.node([...check.path, 'node'], fault.node, true),
    toSim: (fault) => [fault],
    fromSim: (fault) => fault,
    write: (fault) => ({ node: fault.node, delay: formatDuration(fault.delayUs) }),
    restrict: (fault, kept) => (kept.keepsTarget(fault.node) ? fault : null),
  },
  'apply-stall': timedNodeFault('apply-stall', 'stall'),
};
