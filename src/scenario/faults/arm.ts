// A fault armed for one protocol event: `arm: {on: vote-granted, within: 2s, do: {bounce: {node: event-node,
// down: 20ms}}}` waits from the moment it is applied until the first such event (at most `within`), then applies
// its fault (after `delay`), with event-node meaning the node of the event. Random exploration draws these so
// that faults land right after a vote, between a write and its fsync, after a leader commits, ... (issue:
// the classic mistakes live at those moments, and time-keyed faults almost never hit them).
import { armEventKinds, type ArmEventKind } from '../../../sim/protocol-events.js';
import type { Fault } from '../../../sim/nemesis.js';
import { dynamicTargets } from '../node-ids.js';
import type { FaultSpec } from '../spec.js';
import { formatDuration, parseCount, parseDuration, UnitError } from '../units.js';
import type { FaultCheck, FaultContext, FaultKindEntry, FaultParser, KeptNodes } from './entry.js';

/** The catalogue functions for the nested fault (index.ts passes them, which keeps this file below it). */
export interface NestedFaults {
  parser(key: string): FaultParser | undefined;
  keys(): readonly string[];
  check(fault: FaultSpec, check: FaultCheck): void;
  toSim(fault: FaultSpec, context: FaultContext): Fault[];
  /** The fault that undoes it after a `for:` (null when it has none: it is instant or ends by itself). */
  undo(fault: FaultSpec, context: FaultContext): Fault | null;
  /** Whether it has such an undo. */
  undone(fault: FaultSpec): boolean;
  fromSim(fault: Fault): FaultSpec;
  write(fault: FaultSpec): [string, unknown];
  restrict(fault: FaultSpec, kept: KeptNodes): FaultSpec | null;
}

function parseArmEvent(value: unknown): ArmEventKind {
  if (typeof value === 'string' && (armEventKinds as readonly string[]).includes(value)) return value as ArmEventKind;
  throw new UnitError(`a protocol event: ${armEventKinds.join(', ')}`);
}

/** A storm's number of firings: 1 (the default, one firing) up to 100 (bounded, like everything). */
function parseRepeat(value: unknown): number {
  const count = parseCount(value, 100);
  if (count < 1) throw new UnitError('a whole number from 1 to 100');
  return count;
}

export function armEntry(nested: NestedFaults): FaultKindEntry<'arm'> {
  return {
    key: 'arm',
    parse: (value, reader, path) => {
      const body = reader.mapping(value, path, ['on', 'within', 'do'], ['delay', 'repeat', 'for'], '{on: vote-granted, within: 2s, do: {bounce: {node: event-node, down: 20ms}}}');
      if (body === undefined) return undefined;
      const after = reader.read(body.on, [...path, 'on'], parseArmEvent);
      const withinUs = reader.read(body.within, [...path, 'within'], parseDuration);
      const delayUs = body.delay === undefined ? 0 : reader.read(body.delay, [...path, 'delay'], parseDuration);
      const repeat = body.repeat === undefined ? 1 : reader.read(body.repeat, [...path, 'repeat'], parseRepeat);
      const forUs = body.for === undefined ? 0 : reader.read(body.for, [...path, 'for'], parseDuration);
      const inner = body.do;
      const keys = typeof inner === 'object' && inner !== null && !Array.isArray(inner) ? Object.keys(inner) : [];
      if (keys.length !== 1) {
        reader.fail([...path, 'do'], inner, `one fault, written as in a fault item: one of ${nested.keys().join(', ')}`);
        return undefined;
      }
      const key = keys[0]!;
      const parse = nested.parser(key);
      if (parse === undefined) {
        reader.fail([...path, 'do', key], (inner as Record<string, unknown>)[key], `a fault: one of ${nested.keys().join(', ')}`, `an unknown fault "${key}"`);
        return undefined;
      }
      const fault = parse((inner as Record<string, unknown>)[key], reader, [...path, 'do', key]);
      if (after === undefined || withinUs === undefined || delayUs === undefined || repeat === undefined || forUs === undefined || fault === undefined) return undefined;
      return { kind: 'arm', after, withinUs, delayUs, fault, ...(repeat > 1 ? { repeat } : {}), ...(forUs > 0 ? { forUs } : {}) };
    },
    // The arm itself is instant: its nested fault ends by itself (a bounce, a pause, a power loss) or by its own `for:`.
    lasting: { kind: 'instant' },
    check: (fault, check) => {
      nested.check(fault.fault, { ...check, path: [...check.path, 'do'] });
      if (fault.forUs !== undefined && fault.fault.kind === 'isolate' && fault.fault.node !== 'event-node' && dynamicTargets.has(fault.fault.node)) {
        check.add([...check.path, 'do', 'isolate'], fault.fault.node, 'event-node or a named node when the arm has a `for:` (its undo rejoins that same node; the leader may be another node by then)');
      }
      if (fault.forUs !== undefined && !nested.undone(fault.fault)) {
        check.add([...check.path, 'for'], formatDuration(fault.forUs), 'no `for:` here: the armed fault has no undo (it is instant, or ends by itself: give a bounce its `down`, a pause its own `for` inside it)');
      }
    },
    toSim: (fault, context) => armToSim(nested, fault, context),
    fromSim: (fault) => armFromSim(nested, fault),
    write: (fault) => writeArm(nested, fault),
    restrict: (fault, kept) => {
      const inner = nested.restrict(fault.fault, kept);
      return inner === null ? null : { ...fault, fault: inner };
    },
  };
}

type ArmSpec = Extract<FaultSpec, { kind: 'arm' }>;
type ArmSim = Extract<Fault, { kind: 'arm' }>;

function armToSim(nested: NestedFaults, fault: ArmSpec, context: FaultContext): Fault[] {
  const inner = { ...context, forUs: undefined };
  // An armed isolation is undone for its node alone (a rejoin, not a heal of every cut), so that the isolations of
  // a storm's firings overlap as they were drawn.
  const undo = fault.forUs === undefined ? null : fault.fault.kind === 'isolate' ? ({ kind: 'rejoin', node: fault.fault.node } as const) : nested.undo(fault.fault, inner);
  return nested.toSim(fault.fault, inner).map((simFault) => ({
    kind: 'arm',
    after: fault.after,
    withinUs: fault.withinUs,
    delayUs: fault.delayUs,
    fault: simFault,
    ...(fault.repeat !== undefined ? { repeat: fault.repeat } : {}),
    ...(undo !== null && fault.forUs !== undefined ? { undo: { fault: undo, afterUs: fault.forUs } } : {}),
  }));
}

function armFromSim(nested: NestedFaults, fault: ArmSim): ArmSpec {
  return {
    kind: 'arm',
    after: fault.after,
    withinUs: fault.withinUs,
    delayUs: fault.delayUs,
    fault: nested.fromSim(fault.fault),
    ...(fault.repeat !== undefined && fault.repeat > 1 ? { repeat: fault.repeat } : {}),
    ...(fault.undo !== undefined ? { forUs: fault.undo.afterUs } : {}),
  };
}

function writeArm(nested: NestedFaults, fault: ArmSpec): Record<string, unknown> {
  const [key, value] = nested.write(fault.fault);
  return {
    on: fault.after,
    within: formatDuration(fault.withinUs),
    ...(fault.delayUs > 0 ? { delay: formatDuration(fault.delayUs) } : {}),
    ...(fault.repeat !== undefined ? { repeat: fault.repeat } : {}),
    ...(fault.forUs !== undefined ? { for: formatDuration(fault.forUs) } : {}),
    do: { [key]: value },
  };
}
