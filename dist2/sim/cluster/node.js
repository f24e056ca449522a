import { DurableLog } from '../durable-log.js';
import { KvStore } from '../kv.js';
import { ProposalTimes } from '../proposal-times.js';
/** Bound on proposal timestamps a leader keeps for latency metrics. */
const maxProposalTimes = 100_000;
export class SimNode {
    id;
    clock;
    disk;
    timerRandom;
    raft;
    kv = new KvStore();
    process = { status: 'up', incarnation: 0, backlog: [], slowDelayUs: 0, busyUntilUs: 0 };
    ready = { inFlight: false, armedWakeUs: Number.POSITIVE_INFINITY, lastHardState: { term: 0, vote: null, commit: 0 } };
    apply = { queue: [], scheduled: false, busyUntilUs: 0, skipThrough: 0 };
    compaction = { lastSnapshotIndex: 0, inProgress: false, pending: null, countRounds: 0, lastWindow: 0, windowToken: 0 };
    clients = { pendingWrites: new Map(), pendingReads: new Map(), readyReads: [] };
    measurement = { lastCommitSeen: 0, proposedAtUs: new ProposalTimes(maxProposalTimes), replicationAcked: new Map() };
    observed = { role: 'follower', term: 0 };
    /** What the disk would give back after a crash now, for the host-contract checks (read only when they run). */
    durable = new DurableLog();
    constructor(id, clock, disk, timerRandom, raft) {
        this.id = id;
        this.clock = clock;
        this.disk = disk;
        this.timerRandom = timerRandom;
        this.raft = raft;
    }
    /** Whether an event stamped with `incarnation` belongs to the node's current life. */
    isCurrent(incarnation) {
        return incarnation === this.process.incarnation;
    }
    /**
     * The one gate for an event the node scheduled for itself, in this order:
     * 1. an event of an earlier incarnation is ignored (the process that scheduled it crashed; a node schedules
     *    events only while it is not down, and a crash bumps the incarnation, so a current event never finds it
     *    down);
     * 2. `whenCurrent`, if given, does what the event does whether or not the node is paused (the disk finishing
     *    a sync, the wake-up being disarmed) and may drop the event by returning false;
     * 3. a paused node parks the event: `whenResumed(event)` runs on resume;
     * 4. otherwise it returns true and the caller handles the event now.
     * Both functions are created once (class fields), so admitting an event allocates nothing unless it parks.
     */
    admit(event, whenCurrent, whenResumed) {
        if (event.incarnation !== this.process.incarnation)
            return false;
        if (whenCurrent !== null && !whenCurrent(event))
            return false;
        if (this.process.status === 'paused') {
            this.park(whenResumed, event);
            return false;
        }
        return true;
    }
    /** Parks an event of the current incarnation until the node resumes (admit, and deliveries while paused). */
    park(whenResumed, event) {
        this.process.backlog.push({ resume: whenResumed, event });
    }
    /** On resume: hands each parked event of the current incarnation to its handler, in arrival order. Should the
     *  node stop running meanwhile, the rest stay parked. */
    runBacklog() {
        const process = this.process;
        const backlog = process.backlog;
        process.backlog = [];
        for (let k = 0; k < backlog.length; k++) {
            const parked = backlog[k];
            if (parked.event.incarnation !== process.incarnation)
                continue;
            if (process.status !== 'up') {
                process.backlog.push(parked);
                continue;
            }
            parked.resume(parked.event);
        }
    }
    /** The process dies: it starts a new incarnation and loses everything it held in memory. What it had on disk
     *  stays (the disk's own crash decides what of it survives); recovery rebuilds the rest on restart. */
    loseVolatileState() {
        const process = this.process;
        process.status = 'down';
        process.incarnation++;
        process.backlog = [];
        process.slowDelayUs = 0;
        this.ready.inFlight = false;
        this.ready.armedWakeUs = Number.POSITIVE_INFINITY;
        this.apply.queue = [];
        this.apply.scheduled = false;
        this.apply.busyUntilUs = 0;
        this.compaction.inProgress = false;
        this.compaction.pending = null;
        this.dropClientRequests();
        this.measurement.proposedAtUs.clear();
        this.measurement.replicationAcked.clear();
    }
    /** Drops the client requests waiting here (crash, or lost leadership); clients time out and retry. */
    dropClientRequests() {
        this.clients.pendingWrites.clear();
        this.clients.pendingReads.clear();
        this.clients.readyReads = [];
    }
}
//# sourceMappingURL=node.js.map