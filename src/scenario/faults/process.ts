// Process faults: crash and restart a node (or all), pause one (a GC stall: it keeps its memory, messages wait),
// slow one down (every message it sends delayed), and stall its state machine (nothing applied for a while).
import type { FaultKind } from '../../../sim/nemesis.js';
import { dynamicTargets, parseTarget } from '../node-ids.js';
import { formatDuration, parseDuration } from '../units.js';
import { noArgumentParser, nodeless, oneNodeFault } from './common.js';
import type { FaultKindEntry } from './entry.js';

type ProcessKind = Extract<FaultKind, 'crash' | 'restart' | 'restart-all' | 'pause' | 'slow' | 'apply-stall'>;

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
  pause: {
    key: 'pause',
    parse: (value, reader, path) => {
      if (typeof value === 'string') {
        const node = reader.read(value, path, parseTarget);
        return node === undefined ? undefined : { kind: 'pause', node };
      }
      const body = reader.mapping(value, path, ['node'], ['for'], '{node: leader, for: 2s}');
      if (body === undefined) return undefined;
      const node = reader.read(body.node, [...path, 'node'], parseTarget);
      const durationUs = reader.optional(body.for, [...path, 'for'], parseDuration);
      return node === undefined || (body.for !== undefined && durationUs === undefined) ? undefined : { kind: 'pause', node, ...(durationUs !== undefined ? { durationUs } : {}) };
    },
    lasting: {
      kind: 'duration',
      ownDurationUs: (fault) => fault.durationUs,
      withDurationUs: (fault, durationUs) => ({ ...fault, durationUs }),
      both: 'one pause duration: either pause: {node, for} or for:, not both',
      neither: 'a pause duration: pause: {node: n2, for: 2s}, or for: 2s on the item',
    },
    check: (fault, check) => check.node(check.path, fault.node, true),
    toSim: (fault, context) => [{ kind: 'pause', node: fault.node, durationUs: fault.durationUs ?? context.forUs ?? 0 }],
    fromSim: (fault) => fault,
    write: (fault) => (fault.durationUs === undefined ? fault.node : { node: fault.node, for: formatDuration(fault.durationUs) }),
    restrict: (fault, kept) => (kept.keepsTarget(fault.node) ? fault : null),
  },
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
  'apply-stall': {
    key: 'apply-stall',
    parse: (value, reader, path) => {
      if (typeof value === 'string') {
        const node = reader.read(value, path, parseTarget);
        return node === undefined ? undefined : { kind: 'apply-stall', node };
      }
      const body = reader.mapping(value, path, ['node'], ['for'], '{node: leader, for: 2s}');
      if (body === undefined) return undefined;
      const node = reader.read(body.node, [...path, 'node'], parseTarget);
      const durationUs = reader.optional(body.for, [...path, 'for'], parseDuration);
      return node === undefined || (body.for !== undefined && durationUs === undefined) ? undefined : { kind: 'apply-stall', node, ...(durationUs !== undefined ? { durationUs } : {}) };
    },
    lasting: {
      kind: 'duration',
      ownDurationUs: (fault) => fault.durationUs,
      withDurationUs: (fault, durationUs) => ({ ...fault, durationUs }),
      both: 'one stall duration: either apply-stall: {node, for} or for:, not both',
      neither: 'a stall duration: apply-stall: {node: n2, for: 2s}, or for: 2s on the item',
    },
    check: (fault, check) => check.node(check.path, fault.node, true),
    toSim: (fault, context) => [{ kind: 'apply-stall', node: fault.node, durationUs: fault.durationUs ?? context.forUs ?? 0 }],
    fromSim: (fault) => fault,
    write: (fault) => (fault.durationUs === undefined ? fault.node : { node: fault.node, for: formatDuration(fault.durationUs) }),
    restrict: (fault, kept) => (kept.keepsTarget(fault.node) ? fault : null),
  },
};
