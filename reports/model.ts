/**
 * Parses a raftsim JSON Lines trace (docs/trace-format.md) into a compact model for the run report.
 *
 * The model keeps what the report draws and nothing else: role intervals, fault intervals, marks, numeric
 * series and a struct-of-arrays message table. It does one pass over the lines, so a 100k-line trace costs
 * one JSON.parse per line and a few array pushes. Every list has a bound; records beyond it are counted in
 * `omitted` (and the report says so) instead of growing memory without limit.
 *
 * Pure: no I/O, no clock, no randomness. The renderer (run-report.ts and friends) only reads the model.
 */

/** Thrown for input that is not a raftsim trace; `line` is 1-based. */
export class TraceFormatError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(`trace line ${line}: ${message}`);
    this.name = 'TraceFormatError';
  }
}

export type Role = 'follower' | 'precandidate' | 'candidate' | 'leader';
const ROLES: readonly Role[] = ['follower', 'precandidate', 'candidate', 'leader'];

export type Verdict = 'ok' | 'safety' | 'liveness';

/** A node held one role in one term over [fromUs, toUs). */
export interface RoleSpan {
  readonly node: string;
  readonly role: Role;
  readonly term: number;
  readonly leader: string | null;
  readonly fromUs: number;
  readonly toUs: number;
}

/** A per-node condition over [fromUs, toUs): down (crash..restart), paused, slow. */
export interface NodeSpan {
  readonly node: string;
  readonly fromUs: number;
  readonly toUs: number;
  /** Human-readable details for the hover title. */
  readonly detail: string;
  /** True when the trace ended before the condition did. */
  readonly open: boolean;
}

export type NetworkFaultKind = 'partition' | 'clog' | 'link';

/** A network fault over [fromUs, toUs), drawn across the lanes of `nodes`. */
export interface NetworkFault {
  readonly kind: NetworkFaultKind;
  /** Short label drawn on the region, e.g. "isolate n3". */
  readonly label: string;
  readonly nodes: readonly string[];
  readonly fromUs: number;
  readonly toUs: number;
  readonly open: boolean;
}

export type MarkKind =
  | 'clock'
  | 'snapshot-install'
  | 'snapshot'
  | 'step-down'
  | 'transfer'
  /** The established leader was lost (`leader-lost`). */
  | 'leader-lost'
  /** A time window fired with nothing applied (`snapshot-skip`). */
  | 'snapshot-skip'
  /** A `snapshot-start` whose snapshot never became durable (a crash, or the trace ended). */
  | 'snapshot-incomplete';

/** A point event on one node's lane. */
export interface NodeMark {
  readonly node: string;
  readonly tUs: number;
  readonly kind: MarkKind;
  /** Short text drawn next to the mark ('' for none). */
  readonly label: string;
  /** Hover text. */
  readonly detail: string;
}

export interface ElectionEvent {
  readonly node: string;
  readonly tUs: number;
  readonly preVote: boolean;
  readonly term: number;
  readonly transfer: boolean;
}

/** A node became leader of `term` at tUs. */
export interface LeaderChange {
  readonly node: string;
  readonly term: number;
  readonly tUs: number;
}

/** A time series of (tUs, value) samples in time order. */
export interface Series {
  readonly tUs: number[];
  readonly value: number[];
}

export type Outcome = 'ok' | 'fail' | 'timeout';

export interface ClientOps {
  readonly tUs: number[];
  readonly latencyUs: number[];
  readonly outcome: Outcome[];
}

export interface ElectionLatency {
  readonly tUs: number;
  readonly latencyUs: number;
  readonly fromUs: number;
  readonly toUs: number;
}

/** A `leader-lost` record: the established leader `node` of `term` was lost at tUs. */
export interface LeaderLoss {
  readonly node: string;
  readonly term: number;
  readonly why: string;
  readonly tUs: number;
}

/** An interval without an established leader: from a `leader-lost` to the next `election-latency` record. */
export interface LeaderlessSpan {
  readonly fromUs: number;
  readonly toUs: number;
  /** True when the trace ended before a new leader was established. */
  readonly open: boolean;
  readonly detail: string;
}

/** How many records of the compaction and measurement types the trace has (unbounded counters). */
export interface RecordCounts {
  readonly snapshots: number;
  readonly snapshotStarts: number;
  readonly snapshotSkips: number;
  readonly snapshotInstalls: number;
  readonly compactions: number;
  readonly stalls: number;
  readonly leaderLost: number;
}

export interface EndRecord {
  readonly tUs: number;
  readonly hash: string | null;
  readonly verdict: string;
  readonly invariant: string | null;
  readonly message: string | null;
}

/** Message types of docs/trace-format.md, in a fixed order: their index is the `kind` code. */
export const MESSAGE_TYPES: readonly string[] = [
  'PreVote',
  'PreVoteResponse',
  'RequestVote',
  'RequestVoteResponse',
  'AppendEntries',
  'AppendEntriesResponse',
  'Heartbeat',
  'HeartbeatResponse',
  'TimeoutNow',
  'InstallSnapshot',
  'InstallSnapshotResponse',
];

/** Bounds. They are far above what a 20 s chaos run produces (~40k messages, <100 roles changes). */
export const MAX_NODES = 64;
export const MAX_LIST_ITEMS = 200_000;
export const MAX_SERIES_POINTS = 2_000_000;
export const MAX_MESSAGES = 4_000_000;
const MAX_MESSAGE_KINDS = 255;

/**
 * Every message of the trace as parallel typed arrays (a 100k-message run needs ~4 MB instead of ~100
 * bytes per object). Times are NaN when the record was not seen.
 */
export class MessageTable {
  count = 0;
  /** Message type names; `kind` indexes this. Starts as MESSAGE_TYPES, unknown types are appended. */
  readonly kinds: string[] = [...MESSAGE_TYPES];
  /** Drop reasons; `dropReason` indexes this. */
  readonly dropReasons: string[] = [];
  id = new Float64Array(1024);
  sendUs = new Float64Array(1024);
  deliverUs = new Float64Array(1024);
  dropUs = new Float64Array(1024);
  from = new Uint8Array(1024);
  to = new Uint8Array(1024);
  kind = new Uint8Array(1024);
  dropReason = new Uint8Array(1024);
  /** Number of deliveries (a duplicated message is delivered twice with one id), saturating at 255. */
  deliveries = new Uint8Array(1024);
  private readonly indexById = new Map<number, number>();

  /** Index of the message with `id`, creating it (with NaN times) when new; -1 when the table is full. */
  slot(id: number, from: number, to: number, kind: number): number {
    const known = this.indexById.get(id);
    if (known !== undefined) return known;
    if (this.count >= MAX_MESSAGES) return -1;
    if (this.count === this.id.length) this.grow();
    const index = this.count++;
    this.indexById.set(id, index);
    this.id[index] = id;
    this.sendUs[index] = NaN;
    this.deliverUs[index] = NaN;
    this.dropUs[index] = NaN;
    this.from[index] = from;
    this.to[index] = to;
    this.kind[index] = kind;
    return index;
  }

  kindCode(name: string): number {
    const code = this.kinds.indexOf(name);
    if (code >= 0) return code;
    if (this.kinds.length >= MAX_MESSAGE_KINDS) return MAX_MESSAGE_KINDS;
    this.kinds.push(name);
    return this.kinds.length - 1;
  }

  reasonCode(name: string): number {
    const code = this.dropReasons.indexOf(name);
    if (code >= 0) return code;
    if (this.dropReasons.length >= MAX_MESSAGE_KINDS) return MAX_MESSAGE_KINDS;
    this.dropReasons.push(name);
    return this.dropReasons.length - 1;
  }

  /** Time the message entered the network: its send, or (a drop before the send record) its drop. */
  startUs(index: number): number {
    const send = this.sendUs[index]!;
    return Number.isNaN(send) ? this.dropUs[index]! : send;
  }

  private grow(): void {
    const size = this.id.length * 2;
    const f64 = (old: Float64Array): Float64Array<ArrayBuffer> => {
      const next = new Float64Array(size);
      next.set(old);
      return next;
    };
    const u8 = (old: Uint8Array): Uint8Array<ArrayBuffer> => {
      const next = new Uint8Array(size);
      next.set(old);
      return next;
    };
    this.id = f64(this.id);
    this.sendUs = f64(this.sendUs);
    this.deliverUs = f64(this.deliverUs);
    this.dropUs = f64(this.dropUs);
    this.from = u8(this.from);
    this.to = u8(this.to);
    this.kind = u8(this.kind);
    this.dropReason = u8(this.dropReason);
    this.deliveries = u8(this.deliveries);
  }
}

export interface RunModel {
  readonly seed: unknown;
  readonly scenario: string;
  /** meta.params as written (an empty object when absent). */
  readonly params: Readonly<Record<string, unknown>>;
  /** Lane order: meta.params.nodes, then any other node id in order of first appearance. */
  readonly nodes: readonly string[];
  /** Number of records (non-blank lines). */
  readonly records: number;
  /** Time of the last record: the run's simulated length. */
  readonly endUs: number;
  /** The end record, or null when the trace was cut short. */
  readonly end: EndRecord | null;
  /** Time of the liveness phase's full heal (`heal` with `all: true`), or null. */
  readonly livenessStartUs: number | null;
  readonly roleSpans: readonly RoleSpan[];
  readonly leaderChanges: readonly LeaderChange[];
  readonly elections: readonly ElectionEvent[];
  readonly downSpans: readonly NodeSpan[];
  readonly pauseSpans: readonly NodeSpan[];
  readonly slowSpans: readonly NodeSpan[];
  readonly networkFaults: readonly NetworkFault[];
  readonly marks: readonly NodeMark[];
  /** Commit index per node, from commit and restart records. */
  readonly commit: ReadonlyMap<string, Series>;
  /** Commit index minus last applied index per node, sampled at every commit and apply record. */
  readonly applyLag: ReadonlyMap<string, Series>;
  readonly clientOps: ClientOps;
  readonly messages: MessageTable;
  /** From periodic `log` records (a later trace version): retained entries and applied − snapshotIndex. */
  readonly logEntries: ReadonlyMap<string, Series>;
  readonly snapshotLag: ReadonlyMap<string, Series>;
  readonly electionLatencies: readonly ElectionLatency[];
  /** Compaction stalls (`stall` records): from `beganAtUs` to the node's next snapshot, or the end of the trace. */
  readonly stallSpans: readonly NodeSpan[];
  readonly leaderLosses: readonly LeaderLoss[];
  readonly leaderless: readonly LeaderlessSpan[];
  readonly counts: RecordCounts;
  /** Items dropped because a bound was reached, by list name. */
  readonly omitted: Readonly<Record<string, number>>;
}

type Json = Record<string, unknown>;

/** Per-node state while scanning. */
interface NodeState {
  role: Role;
  term: number;
  leader: string | null;
  roleSinceUs: number;
  /** False while crashed: no role span is open then. */
  up: boolean;
  downSinceUs: number;
  downDetail: string;
  pausedSinceUs: number | null;
  pauseDetail: string;
  slowSinceUs: number | null;
  slowDetail: string;
  commit: number | null;
  applied: number | null;
}

/** Field readers that name the line and the field when a record is malformed. */
class Reader {
  constructor(
    readonly record: Json,
    readonly line: number,
  ) {}

  private fail(key: string, wanted: string): never {
    const value = this.record[key];
    const shown = value === undefined ? 'nothing' : JSON.stringify(value).slice(0, 80);
    throw new TraceFormatError(`${String(this.record.type)} record: field "${key}" must be ${wanted}, got ${shown}`, this.line);
  }

  str(key: string): string {
    const value = this.record[key];
    if (typeof value !== 'string') this.fail(key, 'a string');
    return value;
  }

  strOrNull(key: string): string | null {
    const value = this.record[key];
    if (value === null || value === undefined) return null;
    if (typeof value !== 'string') this.fail(key, 'a string or null');
    return value;
  }

  int(key: string): number {
    const value = this.record[key];
    if (typeof value !== 'number' || !Number.isSafeInteger(value)) this.fail(key, 'an integer');
    return value;
  }

  num(key: string): number {
    const value = this.record[key];
    if (typeof value !== 'number' || !Number.isFinite(value)) this.fail(key, 'a number');
    return value;
  }

  optNum(key: string): number | null {
    const value = this.record[key];
    if (value === undefined || value === null) return null;
    if (typeof value !== 'number' || !Number.isFinite(value)) this.fail(key, 'a number');
    return value;
  }

  bool(key: string): boolean {
    const value = this.record[key];
    if (value === undefined) return false;
    if (typeof value !== 'boolean') this.fail(key, 'a boolean');
    return value;
  }

  strList(key: string): string[] {
    const value = this.record[key];
    if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) this.fail(key, 'an array of strings');
    return value as string[];
  }
}

function formatMs(us: number): string {
  return `${Math.round(us / 100) / 10} ms`;
}

/** A true time for hover details: "12.345678 s". */
function formatSeconds(us: number): string {
  return `${(us / 1_000_000).toFixed(6)} s`;
}

function brace(nodes: readonly string[]): string {
  return `{${nodes.join(',')}}`;
}

/** Describes a `link` record's patch, e.g. "drop 38%, latency 5–55 ms". */
function describeLinkPatch(patch: unknown): string {
  if (patch === null || typeof patch !== 'object') return '';
  const parts: string[] = [];
  const p = patch as Json;
  if (typeof p.dropChance === 'number') parts.push(`drop ${Math.round(p.dropChance * 100)}%`);
  if (typeof p.duplicateChance === 'number') parts.push(`dup ${Math.round(p.duplicateChance * 100)}%`);
  if (typeof p.reorderChance === 'number') parts.push(`reorder ${Math.round(p.reorderChance * 100)}%`);
  const latency = p.latency as Json | undefined;
  if (latency !== undefined && latency !== null && typeof latency === 'object') {
    if (typeof latency.minUs === 'number' && typeof latency.maxUs === 'number') parts.push(`latency ${formatMs(latency.minUs)}–${formatMs(latency.maxUs)}`);
    else if (typeof latency.us === 'number') parts.push(`latency ${formatMs(latency.us)}`);
    else parts.push('latency changed');
  }
  return parts.join(', ');
}

/**
 * Parses trace lines (a file split on "\n"; blank lines are skipped) into a RunModel.
 * Throws TraceFormatError for anything that is not a well-formed raftsim trace.
 */
export function parseTrace(lines: Iterable<string>): RunModel {
  let lineNo = 0;
  let records = 0;
  let lastUs = 0;
  let seed: unknown = null;
  let scenario = '';
  let params: Json = {};
  let end: EndRecord | null = null;
  let livenessStartUs: number | null = null;

  const nodes: string[] = [];
  const nodeIndex = new Map<string, number>();
  const states: NodeState[] = [];
  const omitted: Record<string, number> = {};

  const roleSpans: RoleSpan[] = [];
  const leaderChanges: LeaderChange[] = [];
  const elections: ElectionEvent[] = [];
  const downSpans: NodeSpan[] = [];
  const pauseSpans: NodeSpan[] = [];
  const slowSpans: NodeSpan[] = [];
  const networkFaults: NetworkFault[] = [];
  const marks: NodeMark[] = [];
  const commit = new Map<string, Series>();
  const applyLag = new Map<string, Series>();
  const logEntries = new Map<string, Series>();
  const snapshotLag = new Map<string, Series>();
  const clientOps: ClientOps = { tUs: [], latencyUs: [], outcome: [] };
  const electionLatencies: ElectionLatency[] = [];
  const messages = new MessageTable();
  const stallSpans: NodeSpan[] = [];
  const leaderLosses: LeaderLoss[] = [];
  const leaderless: LeaderlessSpan[] = [];
  const counts = { snapshots: 0, snapshotStarts: 0, snapshotSkips: 0, snapshotInstalls: 0, compactions: 0, stalls: 0, leaderLost: 0 };
  /** Per node: the stall detected and not yet ended by a snapshot. */
  const openStalls = new Map<string, { fromUs: number; detail: string }>();
  /** Per node: the snapshot being written (after `snapshot-start`, before `snapshot`). */
  const pendingSnapshots = new Map<string, { tUs: number; index: number; trigger: string; round: string }>();
  /** Per node: position in `marks` of its last `snapshot` mark and its time, for the `compact` that follows. */
  const lastSnapshotMark = new Map<string, { position: number; tUs: number }>();
  let openLeaderless: { fromUs: number; detail: string } | null = null;

  /** Open network faults: partitions end at any heal; clogs at their unclog; links at link-reset. */
  let openPartitions: { label: string; nodes: string[]; fromUs: number }[] = [];
  const openClogs = new Map<string, { label: string; nodes: string[]; fromUs: number }>();
  let openLinks: { label: string; nodes: string[]; fromUs: number }[] = [];

  const push = <T>(list: T[], item: T, name: string): void => {
    if (list.length >= MAX_LIST_ITEMS) omitted[name] = (omitted[name] ?? 0) + 1;
    else list.push(item);
  };
  const sample = (map: Map<string, Series>, node: string, tUs: number, value: number, name: string): void => {
    let series = map.get(node);
    if (series === undefined) {
      series = { tUs: [], value: [] };
      map.set(node, series);
    }
    const last = series.tUs.length - 1;
    // Several records at one instant (a restart re-applies hundreds of entries at once): keep the last value.
    if (last >= 0 && series.tUs[last] === tUs) {
      series.value[last] = value;
      return;
    }
    if (series.tUs.length >= MAX_SERIES_POINTS) {
      omitted[name] = (omitted[name] ?? 0) + 1;
      return;
    }
    series.tUs.push(tUs);
    series.value.push(value);
  };

  const addNode = (id: string, line: number): number => {
    const known = nodeIndex.get(id);
    if (known !== undefined) return known;
    if (nodes.length >= MAX_NODES) throw new TraceFormatError(`more than ${MAX_NODES} node ids (at "${id.slice(0, 40)}")`, line);
    nodeIndex.set(id, nodes.length);
    nodes.push(id);
    states.push({
      role: 'follower',
      term: 0,
      leader: null,
      roleSinceUs: 0,
      up: true,
      downSinceUs: 0,
      downDetail: '',
      pausedSinceUs: null,
      pauseDetail: '',
      slowSinceUs: null,
      slowDetail: '',
      commit: null,
      applied: null,
    });
    return nodes.length - 1;
  };
  const state = (id: string, line: number): NodeState => states[addNode(id, line)]!;

  /** `final`: the trace ended; keep even a zero-length span (a leader elected at the very last instant). */
  const closeRole = (node: string, s: NodeState, tUs: number, final = false): void => {
    if (s.up && (tUs > s.roleSinceUs || (final && s.role !== 'follower'))) {
      push(roleSpans, { node, role: s.role, term: s.term, leader: s.leader, fromUs: s.roleSinceUs, toUs: tUs }, 'role spans');
    }
    s.roleSinceUs = tUs;
  };
  const closePause = (node: string, s: NodeState, tUs: number, open: boolean): void => {
    if (s.pausedSinceUs === null) return;
    push(pauseSpans, { node, fromUs: s.pausedSinceUs, toUs: tUs, detail: s.pauseDetail, open }, 'pause spans');
    s.pausedSinceUs = null;
  };
  const closeSlow = (node: string, s: NodeState, tUs: number, open: boolean): void => {
    if (s.slowSinceUs === null) return;
    push(slowSpans, { node, fromUs: s.slowSinceUs, toUs: tUs, detail: s.slowDetail, open }, 'slow spans');
    s.slowSinceUs = null;
  };
  const sampleLag = (node: string, s: NodeState, tUs: number): void => {
    if (s.commit !== null && s.applied !== null) sample(applyLag, node, tUs, Math.max(0, s.commit - s.applied), 'apply lag samples');
  };
  const closeNetwork = (kind: NetworkFaultKind, fault: { label: string; nodes: string[]; fromUs: number }, tUs: number, open: boolean): void => {
    push(networkFaults, { kind, label: fault.label, nodes: fault.nodes, fromUs: fault.fromUs, toUs: tUs, open }, 'network faults');
  };
  const knownNodes = (ids: string[], line: number): string[] => {
    for (const id of ids) addNode(id, line);
    return ids;
  };

  for (const raw of lines) {
    lineNo++;
    if (raw.trim() === '') continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch (error) {
      throw new TraceFormatError(`invalid JSON (${error instanceof Error ? error.message : String(error)})`, lineNo);
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new TraceFormatError('a record must be a JSON object', lineNo);
    const record = parsed as Json;
    if (!('t' in record)) throw new TraceFormatError('missing "t" (the event time in microseconds)', lineNo);
    if (!('type' in record)) throw new TraceFormatError('missing "type"', lineNo);
    const t = record.t;
    if (typeof t !== 'number' || !Number.isSafeInteger(t) || t < 0) {
      throw new TraceFormatError(`"t" must be a non-negative integer (microseconds), got ${JSON.stringify(t)}`, lineNo);
    }
    const type = record.type;
    if (typeof type !== 'string') throw new TraceFormatError(`"type" must be a string, got ${JSON.stringify(type)}`, lineNo);
    if (records === 0 && type !== 'meta') throw new TraceFormatError(`the first record must be "meta", got "${type.slice(0, 40)}"`, lineNo);
    if (records > 0 && type === 'meta') throw new TraceFormatError('a second "meta" record', lineNo);
    if (end !== null) throw new TraceFormatError(`a "${type.slice(0, 40)}" record after the "end" record`, lineNo);
    if (t < lastUs) throw new TraceFormatError(`time goes backwards: t=${t} after t=${lastUs}`, lineNo);
    lastUs = t;
    records++;
    const r = new Reader(record, lineNo);

    switch (type) {
      case 'meta': {
        seed = record.seed ?? null;
        scenario = typeof record.scenario === 'string' ? record.scenario : '';
        const p = record.params;
        if (p !== undefined && (p === null || typeof p !== 'object' || Array.isArray(p))) throw new TraceFormatError('meta record: "params" must be an object', lineNo);
        params = (p as Json | undefined) ?? {};
        if (params.nodes !== undefined) {
          if (!Array.isArray(params.nodes) || !params.nodes.every((id) => typeof id === 'string')) {
            throw new TraceFormatError('meta record: "params.nodes" must be an array of node ids', lineNo);
          }
          for (const id of params.nodes as string[]) addNode(id, lineNo);
        }
        break;
      }
      case 'end': {
        end = { tUs: t, hash: r.strOrNull('hash'), verdict: r.str('verdict'), invariant: r.strOrNull('invariant'), message: r.strOrNull('message') };
        break;
      }
      case 'role': {
        const node = r.str('node');
        const role = r.str('role') as Role;
        if (!ROLES.includes(role)) throw new TraceFormatError(`role record: unknown role "${role.slice(0, 40)}"`, lineNo);
        const term = r.int('term');
        const leader = r.strOrNull('leader');
        const s = state(node, lineNo);
        closeRole(node, s, t);
        if (!s.up) {
          // A role record for a crashed node: the trace format does not produce it, but draw it rather than hide it.
          s.up = true;
          push(downSpans, { node, fromUs: s.downSinceUs, toUs: t, detail: s.downDetail, open: false }, 'down spans');
        }
        if (role === 'leader' && (s.role !== 'leader' || s.term !== term)) push(leaderChanges, { node, term, tUs: t }, 'leader changes');
        s.role = role;
        s.term = term;
        s.leader = leader;
        break;
      }
      case 'election': {
        const node = r.str('node');
        addNode(node, lineNo);
        push(elections, { node, tUs: t, preVote: r.bool('preVote'), term: r.int('term'), transfer: r.bool('transfer') }, 'elections');
        break;
      }
      case 'step-down': {
        const node = r.str('node');
        addNode(node, lineNo);
        const reason = typeof record.reason === 'string' ? record.reason : '';
        push(marks, { node, tUs: t, kind: 'step-down', label: '', detail: `step-down from leader, term ${r.int('term')}${reason ? ` (${reason})` : ''}` }, 'marks');
        break;
      }
      case 'transfer-start':
      case 'transfer-abort': {
        const node = r.str('node');
        addNode(node, lineNo);
        const to = typeof record.to === 'string' ? record.to : '?';
        push(marks, { node, tUs: t, kind: 'transfer', label: '', detail: `${type === 'transfer-start' ? 'leadership transfer to' : 'transfer aborted, to'} ${to}, term ${r.int('term')}` }, 'marks');
        break;
      }
      case 'commit': {
        const node = r.str('node');
        const index = r.int('index');
        const s = state(node, lineNo);
        s.commit = index;
        sample(commit, node, t, index, 'commit samples');
        sampleLag(node, s, t);
        break;
      }
      case 'apply': {
        const node = r.str('node');
        const s = state(node, lineNo);
        s.applied = r.int('index');
        sampleLag(node, s, t);
        break;
      }
      case 'snapshot-install': {
        const node = r.str('node');
        const index = r.int('index');
        const term = r.int('term');
        const s = state(node, lineNo);
        s.applied = index;
        s.commit = Math.max(s.commit ?? 0, index);
        sampleLag(node, s, t);
        push(marks, { node, tUs: t, kind: 'snapshot-install', label: '', detail: `installed snapshot from leader: index ${index}, term ${term}` }, 'marks');
        counts.snapshotInstalls++;
        break;
      }
      case 'snapshot': {
        const node = r.str('node');
        addNode(node, lineNo);
        const trigger = typeof record.trigger === 'string' ? record.trigger : '';
        const bytes = typeof record.bytes === 'number' ? `, ${record.bytes} bytes` : '';
        const pending = pendingSnapshots.get(node);
        pendingSnapshots.delete(node);
        const startedUs = r.optNum('startedUs') ?? pending?.tUs ?? null;
        const round = typeof record.round === 'string' ? `, round ${record.round}` : '';
        const intendedUs = r.optNum('intendedUs');
        const timing =
          startedUs !== null
            ? `; started ${formatSeconds(startedUs)}, durable after ${formatMs(t - startedUs)}${intendedUs !== null ? ` (window intended at ${formatSeconds(intendedUs)}, ${formatMs(t - intendedUs)} late)` : ''}`
            : '';
        lastSnapshotMark.set(node, { position: marks.length, tUs: t });
        push(marks, { node, tUs: t, kind: 'snapshot', label: '', detail: `snapshot taken: index ${r.int('index')}, term ${r.int('term')}${trigger ? `, trigger ${trigger}` : ''}${bytes}${round}${timing}` }, 'marks');
        counts.snapshots++;
        const stall = openStalls.get(node);
        if (stall !== undefined) {
          openStalls.delete(node);
          push(stallSpans, { node, fromUs: stall.fromUs, toUs: t, detail: `${stall.detail}; ended by this snapshot at ${formatSeconds(t)}`, open: false }, 'stall spans');
        }
        break;
      }
      case 'snapshot-start': {
        const node = r.str('node');
        addNode(node, lineNo);
        counts.snapshotStarts++;
        pendingSnapshots.set(node, {
          tUs: t,
          index: r.int('index'),
          trigger: typeof record.trigger === 'string' ? record.trigger : '?',
          round: typeof record.round === 'string' ? record.round : '?',
        });
        break;
      }
      case 'snapshot-skip': {
        const node = r.str('node');
        addNode(node, lineNo);
        counts.snapshotSkips++;
        const intendedUs = r.optNum('intendedUs');
        const round = typeof record.round === 'string' ? record.round : '?';
        push(
          marks,
          {
            node,
            tUs: t,
            kind: 'snapshot-skip',
            label: '',
            detail: `snapshot window ${round} skipped: nothing applied since the last snapshot (stale applied index ${r.int('index')})${intendedUs !== null ? `; window intended at ${formatSeconds(intendedUs)}` : ''}`,
          },
          'marks',
        );
        break;
      }
      case 'compact': {
        const node = r.str('node');
        addNode(node, lineNo);
        counts.compactions++;
        const index = r.int('index');
        const retained = r.optNum('retained');
        const diskBytes = r.optNum('diskBytes');
        const text = `; log compacted to index ${index}${retained !== null ? `, ${retained} entries retained` : ''}${diskBytes !== null ? `, ${diskBytes} bytes on disk` : ''}`;
        const last = lastSnapshotMark.get(node);
        if (last !== undefined && last.tUs === t && marks[last.position]?.node === node) {
          const mark = marks[last.position]!;
          marks[last.position] = { ...mark, detail: mark.detail + text };
        }
        break;
      }
      case 'stall': {
        const node = r.str('node');
        addNode(node, lineNo);
        counts.stalls++;
        const beganAtUs = r.optNum('beganAtUs') ?? t;
        const reason = typeof record.reason === 'string' ? record.reason : 'no reason given';
        if (!openStalls.has(node)) openStalls.set(node, { fromUs: Math.min(beganAtUs, t), detail: `began ${formatSeconds(beganAtUs)}, detected ${formatSeconds(t)}: ${reason}` });
        break;
      }
      case 'leader-lost': {
        const node = r.str('node');
        addNode(node, lineNo);
        counts.leaderLost++;
        const term = r.int('term');
        const why = typeof record.why === 'string' ? record.why : '?';
        push(leaderLosses, { node, term, why, tUs: t }, 'leader losses');
        push(marks, { node, tUs: t, kind: 'leader-lost', label: '', detail: `leader lost: ${node} was the established leader of term ${term} (${why})` }, 'marks');
        openLeaderless ??= { fromUs: t, detail: `${node} (term ${term}) lost: ${why}` };
        break;
      }
      case 'log': {
        const node = r.str('node');
        addNode(node, lineNo);
        sample(logEntries, node, t, r.num('entries'), 'log samples');
        const snapshotIndex = r.optNum('snapshotIndex');
        const applied = r.optNum('applied');
        if (snapshotIndex !== null && applied !== null) sample(snapshotLag, node, t, Math.max(0, applied - snapshotIndex), 'snapshot lag samples');
        break;
      }
      case 'election-latency': {
        const latencyUs = r.num('latencyUs');
        const latency = { tUs: t, latencyUs, fromUs: r.optNum('fromUs') ?? t - latencyUs, toUs: r.optNum('toUs') ?? t };
        push(electionLatencies, latency, 'election latencies');
        if (openLeaderless !== null) {
          const leader = typeof record.leader === 'string' ? ` ${record.leader}` : '';
          const term = typeof record.term === 'number' ? ` (term ${record.term})` : '';
          push(
            leaderless,
            { fromUs: openLeaderless.fromUs, toUs: latency.toUs, open: false, detail: `${openLeaderless.detail}; new leader${leader}${term} established after ${formatMs(latency.toUs - openLeaderless.fromUs)}` },
            'leaderless spans',
          );
          openLeaderless = null;
        }
        break;
      }
      case 'send':
      case 'deliver':
      case 'drop': {
        const from = addNode(r.str('from'), lineNo);
        const to = addNode(r.str('to'), lineNo);
        const id = r.int('id');
        const index = messages.slot(id, from, to, messages.kindCode(r.str('msg')));
        if (index < 0) {
          omitted.messages = (omitted.messages ?? 0) + 1;
          break;
        }
        if (type === 'send') messages.sendUs[index] = t;
        else if (type === 'deliver') {
          if (Number.isNaN(messages.deliverUs[index]!)) messages.deliverUs[index] = t;
          messages.deliveries[index] = Math.min(255, messages.deliveries[index]! + 1);
        } else {
          messages.dropUs[index] = t;
          messages.dropReason[index] = messages.reasonCode(typeof record.reason === 'string' ? record.reason : 'unknown');
        }
        break;
      }
      case 'crash': {
        const node = r.str('node');
        const s = state(node, lineNo);
        if (!s.up) break;
        closeRole(node, s, t);
        closePause(node, s, t, false);
        closeSlow(node, s, t, false);
        s.up = false;
        s.downSinceUs = t;
        const lost = typeof record.lostRecords === 'number' ? record.lostRecords : 0;
        const torn = typeof record.tornRecords === 'number' ? record.tornRecords : 0;
        s.downDetail = `crashed (${lost} unsynced disk records lost, ${torn} torn)`;
        const pending = pendingSnapshots.get(node);
        if (pending !== undefined) {
          pendingSnapshots.delete(node);
          push(marks, { node, tUs: t, kind: 'snapshot-incomplete', label: '', detail: `snapshot of index ${pending.index} (trigger ${pending.trigger}, round ${pending.round}) started ${formatSeconds(pending.tUs)}, lost in the crash before it was durable` }, 'marks');
        }
        break;
      }
      case 'restart': {
        const node = r.str('node');
        const s = state(node, lineNo);
        const term = r.int('term');
        const commitIndex = r.int('commit');
        const lastIndex = typeof record.lastIndex === 'number' ? record.lastIndex : null;
        if (!s.up) {
          push(downSpans, { node, fromUs: s.downSinceUs, toUs: t, detail: `${s.downDetail}; restarted with term ${term}, commit ${commitIndex}${lastIndex !== null ? `, last index ${lastIndex}` : ''}`, open: false }, 'down spans');
        } else {
          closeRole(node, s, t);
        }
        // A restarted node is a follower of its durable term; the simulator writes no role record for that.
        s.up = true;
        s.role = 'follower';
        s.term = term;
        s.leader = null;
        s.roleSinceUs = t;
        s.commit = commitIndex;
        s.applied = null; // unknown until the first apply after the restart
        sample(commit, node, t, commitIndex, 'commit samples');
        break;
      }
      case 'pause': {
        const node = r.str('node');
        const s = state(node, lineNo);
        closePause(node, s, t, false);
        s.pausedSinceUs = t;
        const durationUs = r.optNum('durationUs');
        s.pauseDetail = `paused (stop-the-world)${durationUs !== null ? ` for ${formatMs(durationUs)}` : ''}`;
        break;
      }
      case 'resume': {
        const node = r.str('node');
        closePause(node, state(node, lineNo), t, false);
        break;
      }
      case 'slow': {
        const node = r.str('node');
        const s = state(node, lineNo);
        closeSlow(node, s, t, false);
        const delayUs = r.num('delayUs');
        if (delayUs > 0) {
          s.slowSinceUs = t;
          s.slowDetail = `slow: messages handled ${formatMs(delayUs)} late`;
        }
        break;
      }
      case 'clock': {
        const node = r.str('node');
        addNode(node, lineNo);
        const offsetUs = r.num('offsetUs');
        const driftPpm = r.optNum('driftPpm') ?? 0;
        const change = typeof record.change === 'string' ? record.change : 'clock';
        const sign = offsetUs > 0 ? '+' : offsetUs < 0 ? '−' : '±';
        const label = `${sign}${formatMs(Math.abs(offsetUs))}`;
        push(marks, { node, tUs: t, kind: 'clock', label, detail: `${change}: local clock now ${label} from true time, drift ${driftPpm} ppm` }, 'marks');
        break;
      }
      case 'partition': {
        const shape = r.str('shape');
        let label: string;
        let affected: string[];
        if (shape === 'groups') {
          const groups = record.groups;
          if (!Array.isArray(groups) || !groups.every((g) => Array.isArray(g) && g.every((id) => typeof id === 'string'))) {
            throw new TraceFormatError('partition record: "groups" must be an array of arrays of node ids', lineNo);
          }
          affected = knownNodes((groups as string[][]).flat(), lineNo);
          label = `partition ${(groups as string[][]).map(brace).join(' | ')}`;
        } else if (shape === 'isolate') {
          const node = r.str('node');
          affected = knownNodes([node], lineNo);
          label = `isolate ${node}`;
        } else if (shape === 'one-way') {
          const from = r.strList('from');
          const to = r.strList('to');
          affected = knownNodes([...from, ...to.filter((id) => !from.includes(id))], lineNo);
          label = `one-way cut ${from.join(',')} → ${to.join(',')}`;
        } else if (shape === 'bridge') {
          const sideA = r.strList('sideA');
          const sideB = r.strList('sideB');
          const bridge = r.str('bridge');
          affected = knownNodes([...sideA, ...sideB, bridge], lineNo);
          label = `bridge via ${bridge}: ${brace(sideA)} | ${brace(sideB)}`;
        } else {
          affected = [...nodes];
          label = `partition (${shape.slice(0, 40)})`;
        }
        openPartitions.push({ label, nodes: affected, fromUs: t });
        break;
      }
      case 'heal': {
        for (const fault of openPartitions) closeNetwork('partition', fault, t, false);
        openPartitions = [];
        if (record.all === true) {
          // The liveness phase's heal also unclogs every link, resets links and clears slow handlers.
          livenessStartUs ??= t;
          for (const fault of openClogs.values()) closeNetwork('clog', fault, t, false);
          openClogs.clear();
          for (const fault of openLinks) closeNetwork('link', fault, t, false);
          openLinks = [];
          nodes.forEach((node, k) => closeSlow(node, states[k]!, t, false));
        }
        break;
      }
      case 'clog': {
        const from = r.str('from');
        const to = r.str('to');
        const key = `${from}\u0000${to}`;
        if (!openClogs.has(key)) openClogs.set(key, { label: `clog ${from}→${to}`, nodes: knownNodes([from, to], lineNo), fromUs: t });
        break;
      }
      case 'unclog': {
        const key = `${r.str('from')}\u0000${r.str('to')}`;
        const fault = openClogs.get(key);
        if (fault !== undefined) {
          closeNetwork('clog', fault, t, false);
          openClogs.delete(key);
        }
        break;
      }
      case 'link': {
        const from = r.str('from');
        const to = r.str('to');
        const both = r.bool('bothWays');
        const patch = describeLinkPatch(record.patch);
        openLinks.push({ label: `link ${from}${both ? '↔' : '→'}${to}${patch ? ` ${patch}` : ''}`, nodes: knownNodes([from, to], lineNo), fromUs: t });
        break;
      }
      case 'link-reset': {
        for (const fault of openLinks) closeNetwork('link', fault, t, false);
        openLinks = [];
        break;
      }
      case 'invoke':
        break;
      case 'ok':
      case 'fail':
      case 'timeout': {
        if (clientOps.tUs.length >= MAX_SERIES_POINTS) {
          omitted['client operations'] = (omitted['client operations'] ?? 0) + 1;
          break;
        }
        clientOps.tUs.push(t);
        clientOps.latencyUs.push(r.num('latencyUs'));
        clientOps.outcome.push(type);
        break;
      }
      default:
        // progress, election-lost and record types added later: not drawn.
        break;
    }
  }

  if (records === 0) throw new TraceFormatError('empty trace: expected a "meta" record first', Math.max(1, lineNo));

  // Close everything still open at the end of the trace.
  const endUs = lastUs;
  nodes.forEach((node, k) => {
    const s = states[k]!;
    if (s.up) closeRole(node, s, endUs, true);
    else push(downSpans, { node, fromUs: s.downSinceUs, toUs: endUs, detail: `${s.downDetail}; still down at the end`, open: true }, 'down spans');
    closePause(node, s, endUs, true);
    closeSlow(node, s, endUs, true);
  });
  for (const [node, stall] of openStalls) push(stallSpans, { node, fromUs: stall.fromUs, toUs: endUs, detail: `${stall.detail}; no snapshot since`, open: true }, 'stall spans');
  for (const [node, pending] of pendingSnapshots) {
    push(marks, { node, tUs: endUs, kind: 'snapshot-incomplete', label: '', detail: `snapshot of index ${pending.index} (trigger ${pending.trigger}, round ${pending.round}) started ${formatSeconds(pending.tUs)}, not durable when the trace ended` }, 'marks');
  }
  if (openLeaderless !== null) push(leaderless, { fromUs: openLeaderless.fromUs, toUs: endUs, open: true, detail: `${openLeaderless.detail}; no leader established by the end of the trace` }, 'leaderless spans');
  for (const fault of openPartitions) closeNetwork('partition', fault, endUs, true);
  for (const fault of openClogs.values()) closeNetwork('clog', fault, endUs, true);
  for (const fault of openLinks) closeNetwork('link', fault, endUs, true);
  // Spans were closed in event order; the renderer wants them by start time for stable drawing order.
  const byStart = (a: { fromUs: number }, b: { fromUs: number }): number => a.fromUs - b.fromUs;
  downSpans.sort(byStart);
  pauseSpans.sort(byStart);
  slowSpans.sort(byStart);
  networkFaults.sort(byStart);
  stallSpans.sort(byStart);

  return {
    seed,
    scenario,
    params,
    nodes,
    records,
    endUs,
    end,
    livenessStartUs,
    roleSpans,
    leaderChanges,
    elections,
    downSpans,
    pauseSpans,
    slowSpans,
    networkFaults,
    marks,
    commit,
    applyLag,
    clientOps,
    messages,
    logEntries,
    snapshotLag,
    electionLatencies,
    stallSpans,
    leaderLosses,
    leaderless,
    counts,
    omitted,
  };
}
