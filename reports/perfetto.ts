// A raftsim trace as Chrome trace-event JSON (the "JSON trace format" that Perfetto and chrome://tracing open):
// one process per node, named after it; its roles as slices; every message as a flow from the sender's send
// slice to the receiver's deliver slice; counters for term, commit and applied index; faults as instant
// events (network faults on a "network" process). Timestamps are the trace's true time in µs.
//
//   perfettoTrace(model, records) — model: parseTrace of the trace (validates it, gives the role spans);
//   records: the same trace's records again (parsed JSON objects), in order.
import type { RunModel } from './model.js';

export interface TraceEvent {
  readonly name: string;
  readonly ph: 'X' | 'i' | 'C' | 's' | 'f' | 'M';
  readonly ts: number;
  readonly pid: number;
  readonly tid: number;
  readonly cat?: string;
  readonly dur?: number;
  readonly id?: number;
  readonly bp?: 'e';
  readonly s?: 'p' | 'g';
  readonly args?: Readonly<Record<string, unknown>>;
}

export interface PerfettoTrace {
  readonly traceEvents: TraceEvent[];
  readonly displayTimeUnit: 'ms';
  readonly metadata: Readonly<Record<string, unknown>>;
}

/** Threads of a node's process. */
export const PERFETTO_THREADS = { roles: 1, messages: 2, faults: 3 } as const;
/** The process of cluster-wide (network) faults. */
export const NETWORK_PID = 0;

const NODE_FAULTS = new Set(['crash', 'restart', 'pause', 'resume', 'slow', 'apply-stall', 'clock', 'stall', 'leader-lost', 'step-down', 'snapshot-install']);
const NETWORK_FAULTS = new Set(['partition', 'heal', 'rejoin', 'link', 'link-reset', 'clog', 'unclog']);

type Json = Record<string, unknown>;

/** The node's process id: its lane + 1 (0 is the network). */
function pidOf(model: RunModel, pids: Map<string, number>, node: string): number {
  let pid = pids.get(node);
  if (pid === undefined) {
    pid = model.nodes.indexOf(node) + 1 || pids.size + model.nodes.length + 1;
    pids.set(node, pid);
  }
  return pid;
}

function metadataEvents(model: RunModel, pids: Map<string, number>): TraceEvent[] {
  const events: TraceEvent[] = [
    { name: 'process_name', ph: 'M', ts: 0, pid: NETWORK_PID, tid: 0, args: { name: 'network' } },
    { name: 'process_sort_index', ph: 'M', ts: 0, pid: NETWORK_PID, tid: 0, args: { sort_index: 0 } },
  ];
  for (const node of model.nodes) {
    const pid = pidOf(model, pids, node);
    events.push({ name: 'process_name', ph: 'M', ts: 0, pid, tid: 0, args: { name: node } });
    events.push({ name: 'process_sort_index', ph: 'M', ts: 0, pid, tid: 0, args: { sort_index: pid } });
    for (const [name, tid] of Object.entries(PERFETTO_THREADS)) events.push({ name: 'thread_name', ph: 'M', ts: 0, pid, tid, args: { name } });
  }
  return events;
}

/** Role slices from the model's role spans (restarts, crashes and the end of the trace already closed). */
function roleEvents(model: RunModel, pids: Map<string, number>): TraceEvent[] {
  return model.roleSpans.map((span) => ({
    name: `${span.role} t${span.term}`,
    cat: 'role',
    ph: 'X' as const,
    ts: span.fromUs,
    dur: Math.max(0, span.toUs - span.fromUs),
    pid: pidOf(model, pids, span.node),
    tid: PERFETTO_THREADS.roles,
    args: { role: span.role, term: span.term, leader: span.leader },
  }));
}

/** Converts one record; `flows` remembers which message ids have a flow start (a duplicate's second copy gets none). */
function recordEvents(model: RunModel, pids: Map<string, number>, r: Json, flows: Map<number, 'sent' | 'done'>, out: TraceEvent[]): void {
  const type = String(r.type);
  const ts = Number(r.t);
  const pid = (node: unknown): number => pidOf(model, pids, String(node));
  switch (type) {
    case 'send': {
      const id = Number(r.id);
      out.push({ name: String(r.msg), cat: 'send', ph: 'X', ts, dur: 1, pid: pid(r.from), tid: PERFETTO_THREADS.messages, args: { id, to: r.to } });
      if (!flows.has(id)) {
        flows.set(id, 'sent');
        out.push({ name: String(r.msg), cat: 'rpc', ph: 's', ts, pid: pid(r.from), tid: PERFETTO_THREADS.messages, id });
      }
      return;
    }
    case 'deliver': {
      const id = Number(r.id);
      out.push({ name: String(r.msg), cat: 'deliver', ph: 'X', ts, dur: 1, pid: pid(r.to), tid: PERFETTO_THREADS.messages, args: { id, from: r.from } });
      if (flows.get(id) === 'sent') {
        flows.set(id, 'done');
        out.push({ name: String(r.msg), cat: 'rpc', ph: 'f', bp: 'e', ts, pid: pid(r.to), tid: PERFETTO_THREADS.messages, id });
      }
      return;
    }
    case 'drop':
      out.push({ name: `drop ${String(r.msg)}`, cat: 'drop', ph: 'i', s: 'p', ts, pid: pid(r.from), tid: PERFETTO_THREADS.messages, args: { id: r.id, to: r.to, reason: r.reason } });
      return;
    case 'role':
      out.push({ name: 'term', cat: 'counter', ph: 'C', ts, pid: pid(r.node), tid: 0, args: { term: r.term } });
      return;
    case 'commit':
      out.push({ name: 'commit', cat: 'counter', ph: 'C', ts, pid: pid(r.node), tid: 0, args: { commit: r.index } });
      return;
    case 'apply':
      out.push({ name: 'applied', cat: 'counter', ph: 'C', ts, pid: pid(r.node), tid: 0, args: { applied: r.index } });
      return;
    default:
      break;
  }
  const { t: _t, type: _type, ...args } = r;
  if (NODE_FAULTS.has(type)) out.push({ name: type, cat: 'fault', ph: 'i', s: 'p', ts, pid: pid(r.node), tid: PERFETTO_THREADS.faults, args });
  else if (NETWORK_FAULTS.has(type)) out.push({ name: type, cat: 'fault', ph: 'i', s: 'g', ts, pid: NETWORK_PID, tid: 0, args });
}

/** The trace as trace-event JSON (see the file comment). */
export function perfettoTrace(model: RunModel, records: Iterable<unknown>): PerfettoTrace {
  const pids = new Map<string, number>();
  const events = metadataEvents(model, pids);
  events.push(...roleEvents(model, pids));
  const flows = new Map<number, 'sent' | 'done'>();
  for (const record of records) {
    if (record === null || typeof record !== 'object') continue;
    recordEvents(model, pids, record as Json, flows, events);
  }
  return {
    traceEvents: events,
    displayTimeUnit: 'ms',
    metadata: { 'raftsim-scenario': model.scenario, 'raftsim-seed': model.seed, 'raftsim-trace-hash': model.end?.hash ?? null, 'raftsim-verdict': model.end?.verdict ?? null },
  };
}
