// Leadership transfer: the leader hands over to a node (Raft dissertation 3.10, TimeoutNow); and a node told to
// campaign at once, as that TimeoutNow would (an experiment pinning its first leader).
import { parseTarget } from '../node-ids.js';
import { oneNodeFault } from './common.js';
import type { FaultKindEntry } from './entry.js';

export const transferFaults: { readonly 'transfer-leadership': FaultKindEntry<'transfer-leadership'>; readonly campaign: FaultKindEntry<'campaign'> } = {
  campaign: oneNodeFault('campaign'),

  'transfer-leadership': {
    key: 'transfer-leadership',
    parse: (value, reader, path) => {
      const to = reader.read(value, path, parseTarget);
      return to === undefined ? undefined : { kind: 'transfer-leadership', to };
    },
    lasting: { kind: 'instant' },
    check: (fault, check) => check.node(check.path, fault.to, true),
    toSim: (fault) => [fault],
    fromSim: (fault) => fault,
    write: (fault) => fault.to,
    restrict: (fault, kept) => (kept.keepsTarget(fault.to) ? fault : null),
  },
};
