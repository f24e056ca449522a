// Version faults (docs/versions.md): `upgrade: {node: n2, to: 2, down: 1s}` restarts a node onto another version
// with the same disk (a downgrade when `to` is older), and `rolling-upgrade: {to: 2, every: 5s, order:
// leader-last}` takes every server there one at a time. Both need cluster.versions (check.ts says so).
import { isNodeVersion, newestVersion, nodeVersions, type NodeVersion } from '../../../raft/versions.js';
import { upgradeOrders, type UpgradeOrder } from '../../../sim/nemesis.js';
import { parseTarget } from '../node-ids.js';
import { formatDuration, parseDuration, UnitError } from '../units.js';
import type { FaultKindEntry } from './entry.js';

type VersionKind = 'upgrade' | 'rolling-upgrade';

/** A stop that is a process restart, not an outage: the new binary starts a moment later. */
const defaultDownUs = 100_000;

function parseVersion(value: unknown): NodeVersion {
  if (isNodeVersion(value)) return value;
  throw new UnitError(`a version: ${nodeVersions.join(' or ')} (the newest is ${newestVersion})`);
}

function parseOrder(value: unknown): UpgradeOrder {
  if (typeof value === 'string' && (upgradeOrders as readonly string[]).includes(value)) return value as UpgradeOrder;
  throw new UnitError(`an order: ${upgradeOrders.join(' or ')}`);
}

function parsePositiveDuration(value: unknown): number {
  const us = parseDuration(value);
  if (us === 0) throw new UnitError('a duration above 0');
  return us;
}

export const versionFaults: { readonly [K in VersionKind]: FaultKindEntry<K> } = {
  upgrade: {
    key: 'upgrade',
    parse: (value, reader, path) => {
      const body = reader.mapping(value, path, ['node', 'to'], ['down'], '{node: n2, to: 2, down: 100ms}');
      if (body === undefined) return undefined;
      const node = reader.read(body.node, [...path, 'node'], parseTarget);
      const to = reader.read(body.to, [...path, 'to'], parseVersion);
      const downUs = body.down === undefined ? defaultDownUs : reader.read(body.down, [...path, 'down'], parseDuration);
      return node === undefined || to === undefined || downUs === undefined ? undefined : { kind: 'upgrade', node, to, downUs };
    },
    lasting: { kind: 'instant' },
    check: (fault, check) => check.node([...check.path, 'node'], fault.node, true),
    toSim: (fault) => [fault],
    fromSim: (fault) => fault,
    write: (fault) => ({ node: fault.node, to: fault.to, down: formatDuration(fault.downUs) }),
    restrict: (fault, kept) => (kept.keepsTarget(fault.node) ? fault : null),
  },
  'rolling-upgrade': {
    key: 'rolling-upgrade',
    parse: (value, reader, path) => {
      const body = reader.mapping(value, path, ['to', 'every'], ['order', 'down'], '{to: 2, every: 5s, order: leader-last, down: 100ms}');
      if (body === undefined) return undefined;
      const to = reader.read(body.to, [...path, 'to'], parseVersion);
      const everyUs = reader.read(body.every, [...path, 'every'], parsePositiveDuration);
      const order = body.order === undefined ? 'leader-last' : reader.read(body.order, [...path, 'order'], parseOrder);
      const downUs = body.down === undefined ? defaultDownUs : reader.read(body.down, [...path, 'down'], parseDuration);
      if (to === undefined || everyUs === undefined || order === undefined || downUs === undefined) return undefined;
      return { kind: 'rolling-upgrade', to, everyUs, order, downUs };
    },
    lasting: { kind: 'instant' },
    check: () => undefined,
    toSim: (fault) => [fault],
    fromSim: (fault) => fault,
    write: (fault) => ({ to: fault.to, every: formatDuration(fault.everyUs), order: fault.order, down: formatDuration(fault.downUs) }),
    restrict: (fault) => fault,
  },
};
