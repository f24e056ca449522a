// Leadership transfer: the leader hands over to a node (Raft dissertation 3.10, TimeoutNow).
import { parseTarget } from '../node-ids.js';
export const transferFaults = {
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
//# sourceMappingURL=transfer.js.map