// The catalogue of fault kinds on the scenario side: one entry per kind of the simulator's Fault union
// (sim/nemesis.ts), from the families in this folder. Everything the scenario code does with a fault goes
// through here: reading it from a file (fault-items.ts), checking and compiling it (check.ts, compile.ts),
// writing it back (serialize.ts) and shrinking it (shrink.ts). Adding a kind to Fault is a compile error until
// its entry exists (FaultCatalogue is a mapped type over FaultKind).
import type { Fault, FaultKind } from '../../../sim/nemesis.js';
import type { FaultSpec } from '../spec.js';
import { armEntry } from './arm.js';
import { clockFaults } from './clocks.js';
import type { FaultCatalogue, FaultCheck, FaultContext, FaultParser, FaultSpecOf, KeptNodes, Lasting, SimFaultOf } from './entry.js';
import { linkFaults } from './links.js';
import { membershipFaults } from './membership.js';
import { networkFaults } from './network.js';
import { processFaults } from './process.js';
import { protocolFaults } from './protocol.js';
import { transferFaults } from './transfer.js';
import { versionFaults } from './versions.js';

export type { FaultCheck, FaultContext, KeptNodes } from './entry.js';

/** Every fault kind. The order is the order of the keys in messages ("one of crash, restart, ..."). */
export const faultCatalogue: FaultCatalogue = {
  crash: processFaults.crash,
  restart: processFaults.restart,
  'restart-all': processFaults['restart-all'],
  pause: processFaults.pause,
  partition: networkFaults.partition,
  isolate: networkFaults.isolate,
  'cut-one-way': networkFaults['cut-one-way'],
  bridge: networkFaults.bridge,
  heal: networkFaults.heal,
  rejoin: networkFaults.rejoin,
  'clock-offset': clockFaults['clock-offset'],
  'clock-drift': clockFaults['clock-drift'],
  'clock-step': clockFaults['clock-step'],
  link: linkFaults.link,
  'reset-links': linkFaults['reset-links'],
  clog: linkFaults.clog,
  unclog: linkFaults.unclog,
  slow: processFaults.slow,
  'apply-stall': processFaults['apply-stall'],
  'transfer-leadership': transferFaults['transfer-leadership'],
  campaign: transferFaults.campaign,
  bounce: protocolFaults.bounce,
  'power-loss': protocolFaults['power-loss'],
  filter: protocolFaults.filter,
  'clear-filters': protocolFaults['clear-filters'],
  'add-node': membershipFaults['add-node'],
  'add-learner': membershipFaults['add-learner'],
  'remove-node': membershipFaults['remove-node'],
  promote: membershipFaults.promote,
  demote: membershipFaults.demote,
  replace: membershipFaults.replace,
  'enter-joint': membershipFaults['enter-joint'],
  'leave-joint': membershipFaults['leave-joint'],
  churn: membershipFaults.churn,
  upgrade: versionFaults.upgrade,
  'rolling-upgrade': versionFaults['rolling-upgrade'],
  // The nested fault goes through this same table; the functions are called only once the table exists.
  arm: armEntry({
    parser: (key) => faultParser(key),
    keys: () => faultKeys.filter((key) => key !== 'arm'),
    check: (fault, check) => checkFault(fault, check),
    toSim: (fault, context) => toSimFaults(fault, context),
    undo: (fault, context) => undoOf(fault, context),
    undone: (fault) => lastingKind(fault) === 'undone',
    fromSim: (fault) => fromSimFault(fault),
    write: (fault) => writeFault(fault),
    restrict: (fault, kept) => restrictFault(fault, kept),
  }),
};

const entries = Object.values(faultCatalogue);

/** The parser of each key a fault item may use (kinds sharing a key share its parser). */
const parsers: ReadonlyMap<string, FaultParser> = (() => {
  const byKey = new Map<string, FaultParser>();
  for (const entry of entries) {
    const known = byKey.get(entry.key);
    if (known !== undefined && known !== entry.parse) throw new Error(`fault kinds written under ${entry.key} must share one parser`);
    byKey.set(entry.key, entry.parse);
  }
  return byKey;
})();

/** The keys a fault is written under in a fault item, in catalogue order. */
export const faultKeys: readonly string[] = [...parsers.keys()];

/** The keys of faults that take a `for:` (an undo, or a length), in catalogue order. */
export const lastingFaultKeys: readonly string[] = [...new Set(entries.filter((entry) => entry.lasting.kind !== 'instant').map((entry) => entry.key))];

export function faultParser(key: string): FaultParser | undefined {
  return parsers.get(key);
}

/** The key a fault is written under. */
export function faultKey(fault: FaultSpec): string {
  return faultCatalogue[fault.kind].key;
}

// Each function below dispatches on the kind with a type parameter K, so that the entry for K is handed the
// fault of kind K (TypeScript correlates `faultCatalogue[kind]` with `FaultSpecOf[K]`; no casts).

function lastingAs<K extends FaultKind>(kind: K): Lasting<K> {
  return faultCatalogue[kind].lasting;
}

/** What a `for:` means for this fault: none, its own length, or an undo. */
export function lastingKind(fault: FaultSpec): Lasting<FaultKind>['kind'] {
  return lastingAs(fault.kind).kind;
}

function ownDurationAs<K extends FaultKind>(kind: K, fault: FaultSpecOf[K]): OwnDuration | null {
  const lasting = lastingAs(kind);
  return lasting.kind === 'duration' ? { durationUs: lasting.ownDurationUs(fault), both: lasting.both, neither: lasting.neither } : null;
}

/** A fault that ends by itself: the length it gives itself (undefined when it leaves it to `for:`), and the
 *  messages for an item that gives both or neither. */
export interface OwnDuration {
  readonly durationUs: number | undefined;
  readonly both: string;
  readonly neither: string;
}

/** For a fault that ends by itself, its own length; null for other faults. */
export function ownDuration(fault: FaultSpec): OwnDuration | null {
  return ownDurationAs(fault.kind, fault);
}

function withOwnDurationAs<K extends FaultKind>(kind: K, fault: FaultSpecOf[K], durationUs: number): FaultSpec {
  const lasting = lastingAs(kind);
  return lasting.kind === 'duration' ? lasting.withDurationUs(fault, durationUs) : fault;
}

/** A fault that ends by itself, with its own length set; other faults unchanged. */
export function withOwnDuration(fault: FaultSpec, durationUs: number): FaultSpec {
  return withOwnDurationAs(fault.kind, fault, durationUs);
}

function checkAs<K extends FaultKind>(kind: K, fault: FaultSpecOf[K], check: FaultCheck): void {
  faultCatalogue[kind].check(fault, check);
}

export function checkFault(fault: FaultSpec, check: FaultCheck): void {
  checkAs(fault.kind, fault, check);
}

function toSimAs<K extends FaultKind>(kind: K, fault: FaultSpecOf[K], context: FaultContext): Fault[] {
  return faultCatalogue[kind].toSim(fault, context);
}

/** The simulator faults for one scenario fault. */
export function toSimFaults(fault: FaultSpec, context: FaultContext): Fault[] {
  return toSimAs(fault.kind, fault, context);
}

function undoAs<K extends FaultKind>(kind: K, fault: FaultSpecOf[K], context: FaultContext): Fault | null {
  const lasting = lastingAs(kind);
  return lasting.kind === 'undone' ? lasting.undo(fault, context) : null;
}

/** The fault that undoes `fault` after its `for`, or null when the fault has no undo (it is instant, or ends by
 *  itself). */
export function undoOf(fault: FaultSpec, context: FaultContext): Fault | null {
  return undoAs(fault.kind, fault, context);
}

function fromSimAs<K extends FaultKind>(kind: K, fault: SimFaultOf[K]): FaultSpecOf[K] {
  return faultCatalogue[kind].fromSim(fault);
}

/** A simulator fault in the scenario's form (as an explicit item would write it). */
export function fromSimFault(fault: Fault): FaultSpec {
  return fromSimAs(fault.kind, fault);
}

function writeAs<K extends FaultKind>(kind: K, fault: FaultSpecOf[K]): unknown {
  return faultCatalogue[kind].write(fault);
}

/** The fault in the file's form: its key and the value written under it. */
export function writeFault(fault: FaultSpec): [string, unknown] {
  return [faultKey(fault), writeAs(fault.kind, fault)];
}

function restrictAs<K extends FaultKind>(kind: K, fault: FaultSpecOf[K], kept: KeptNodes): FaultSpec | null {
  return faultCatalogue[kind].restrict(fault, kept);
}

/** The fault restricted to the kept nodes, or null when it no longer makes sense. */
export function restrictFault(fault: FaultSpec, kept: KeptNodes): FaultSpec | null {
  return restrictAs(fault.kind, fault, kept);
}
