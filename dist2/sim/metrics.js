import { quorumSize } from '../raft/quorum.js';
import { compactionDrift } from './compaction-drift.js';
import { distributionOf } from './distribution.js';
import { BoundedSamples } from './samples.js';
export { distributionOf, percentile } from './distribution.js';
const maxSamples = 200_000;
/** Growth-rate samples kept (the newest; one per metrics sample interval). */
const maxGrowthSamples = 20_000;
export class MetricsCollector {
    nodeIds;
    options;
    trace;
    electionLatencies = [];
    established = null;
    lostAtUs = null;
    firstLeaderUs = null;
    timeWithoutLeaderUs = 0;
    /** Followers that accepted a leader's AppendEntries/Heartbeat, per "leader/term", since the last loss. */
    contacts = new Map();
    candidateTerms = new Set();
    leaderTerms = new Set();
    maxTerm = 0;
    peak = new Map();
    /** The newest maxGrowthSamples (time, largest retained log) samples, for the growth rate: two typed columns used
     *  as a ring once full (one object per sample was most of this collector's heap in a day-long run). */
    growthTimeUs = new Float64Array(64);
    growthEntries = new Float64Array(64);
    /** Position of the oldest sample (0 until the ring is full), and the number kept. */
    growthHead = 0;
    growthCount = 0;
    compactions = [];
    snapshotCounts = new Map();
    maxSnapshotLag = 0;
    stalls = [];
    openStall = new Map();
    overThresholdSince = new Map();
    lastSnapshotUs = new Map();
    maxApplyLag = 0;
    applyLagSamples = new BoundedSamples(maxSamples);
    commitLatencies = new BoundedSamples(maxSamples);
    replication = new Map();
    constructor(nodeIds, options, trace) {
        this.nodeIds = nodeIds;
        this.options = options;
        this.trace = trace;
        for (const id of nodeIds) {
            this.peak.set(id, { peakEntries: 0, peakBytes: 0, finalEntries: 0 });
            this.snapshotCounts.set(id, 0);
            this.lastSnapshotUs.set(id, 0);
        }
    }
    quorum() {
        return quorumSize(this.nodeIds.length);
    }
    // ------------------------------------------------------------------ elections
    /** A follower accepted an AppendEntries or Heartbeat of `leader` in `term` (it recognizes it as leader). */
    onLeaderContact(nowUs, leader, term, follower) {
        if (this.established !== null && this.established.node === leader && this.established.term === term)
            return;
        const key = `${leader}/${term}`;
        let followers = this.contacts.get(key);
        if (followers === undefined) {
            followers = new Set();
            this.contacts.set(key, followers);
        }
        followers.add(follower);
        if (followers.size + 1 < this.quorum())
            return;
        // Established: a majority (the leader counted) accepted its leadership.
        this.contacts.clear();
        this.established = { node: leader, term };
        if (this.firstLeaderUs === null)
            this.firstLeaderUs = nowUs;
        if (this.lostAtUs !== null) {
            const latencyUs = nowUs - this.lostAtUs;
            this.electionLatencies.push(latencyUs);
            this.timeWithoutLeaderUs += latencyUs;
            if (this.trace.enabled)
                this.trace.emit({ t: nowUs, type: 'election-latency', latencyUs, fromUs: this.lostAtUs, toUs: nowUs, leader, term });
            this.lostAtUs = null;
        }
    }
    /** The established leader is gone for the cluster: crashed, paused, stepped down, or cut from a majority. */
    onLeaderLost(nowUs, node, term, why) {
        if (this.established === null || this.established.node !== node || this.established.term > term)
            return;
        this.established = null;
        this.contacts.clear();
        this.lostAtUs = nowUs;
        if (this.trace.enabled)
            this.trace.emit({ t: nowUs, type: 'leader-lost', node, term, why });
    }
    get establishedLeader() {
        return this.established;
    }
    onElectionStarted(term, preVote) {
        if (!preVote)
            this.candidateTerms.add(term);
        this.maxTerm = Math.max(this.maxTerm, term);
    }
    onLeaderElected(term) {
        this.leaderTerms.add(term);
        this.maxTerm = Math.max(this.maxTerm, term);
    }
    // ------------------------------------------------------------------ latencies
    onApplyLag(lag) {
        if (lag > this.maxApplyLag)
            this.maxApplyLag = lag;
    }
    onCommitLatency(latencyUs) {
        this.commitLatencies.add(latencyUs);
    }
    onReplicationLatency(datacenter, latencyUs) {
        let samples = this.replication.get(datacenter);
        if (samples === undefined) {
            samples = new BoundedSamples(maxSamples);
            this.replication.set(datacenter, samples);
        }
        samples.add(latencyUs);
    }
    // ------------------------------------------------------------------ compaction
    /** A time window fired with nothing new to snapshot: it still counts in the round's spread. */
    onNoopRound(record) {
        this.compactions.push(record);
        if (this.trace.enabled)
            this.trace.emit({ t: record.completedUs, type: 'snapshot-skip', node: record.node, index: record.index, round: record.round, ...(record.intendedUs !== null ? { intendedUs: record.intendedUs } : {}) });
    }
    onCompaction(record, term, bytes) {
        this.compactions.push(record);
        this.snapshotCounts.set(record.node, (this.snapshotCounts.get(record.node) ?? 0) + 1);
        this.lastSnapshotUs.set(record.node, record.completedUs);
        const stall = this.openStall.get(record.node);
        if (stall !== undefined) {
            stall.endedAtUs = record.completedUs;
            this.openStall.delete(record.node);
        }
        if (this.trace.enabled) {
            this.trace.emit({
                t: record.completedUs,
                type: 'snapshot',
                node: record.node,
                index: record.index,
                term,
                trigger: record.trigger,
                round: record.round,
                bytes,
                startedUs: record.startedUs,
                ...(record.intendedUs !== null ? { intendedUs: record.intendedUs } : {}),
            });
        }
    }
    /** Periodic sample of every node's log and compaction state; also detects compaction stalls. */
    onSample(nowUs, samples, stallReason) {
        let maxEntries = 0;
        for (const sample of samples) {
            const peak = this.peak.get(sample.node);
            peak.peakEntries = Math.max(peak.peakEntries, sample.retainedEntries);
            peak.peakBytes = Math.max(peak.peakBytes, sample.diskBytes);
            peak.finalEntries = sample.retainedEntries;
            maxEntries = Math.max(maxEntries, sample.retainedEntries);
            const lag = sample.applied - sample.snapshotIndex;
            if (lag > this.maxSnapshotLag)
                this.maxSnapshotLag = lag;
            const applyLag = sample.commit - sample.applied;
            this.applyLagSamples.add(applyLag);
            this.onApplyLag(applyLag);
            if (this.trace.enabled) {
                this.trace.emit({
                    t: nowUs,
                    type: 'log',
                    node: sample.node,
                    entries: sample.retainedEntries,
                    bytes: sample.diskBytes,
                    firstIndex: sample.firstIndex,
                    lastIndex: sample.lastIndex,
                    snapshotIndex: sample.snapshotIndex,
                    applied: sample.applied,
                    commit: sample.commit,
                });
            }
            this.detectStall(nowUs, sample, stallReason);
        }
        this.addGrowthSample(nowUs, maxEntries);
    }
    addGrowthSample(timeUs, entries) {
        if (this.growthCount < maxGrowthSamples) {
            if (this.growthCount === this.growthTimeUs.length) {
                const capacity = Math.min(maxGrowthSamples, this.growthCount * 2);
                const times = new Float64Array(capacity);
                times.set(this.growthTimeUs);
                this.growthTimeUs = times;
                const counts = new Float64Array(capacity);
                counts.set(this.growthEntries);
                this.growthEntries = counts;
            }
            this.growthTimeUs[this.growthCount] = timeUs;
            this.growthEntries[this.growthCount] = entries;
            this.growthCount++;
            return;
        }
        // Full: the newest sample replaces the oldest.
        this.growthTimeUs[this.growthHead] = timeUs;
        this.growthEntries[this.growthHead] = entries;
        this.growthHead = this.growthHead + 1 === maxGrowthSamples ? 0 : this.growthHead + 1;
    }
    detectStall(nowUs, sample, stallReason) {
        if (sample.retainedEntries <= this.options.stallEntries) {
            this.overThresholdSince.delete(sample.node);
            return;
        }
        if (!this.overThresholdSince.has(sample.node))
            this.overThresholdSince.set(sample.node, nowUs);
        if (this.openStall.has(sample.node) || !sample.up)
            return;
        const lastSnapshotUs = this.lastSnapshotUs.get(sample.node);
        if (nowUs - lastSnapshotUs <= this.options.stallBoundUs)
            return;
        const stall = {
            node: sample.node,
            beganAtUs: Math.max(lastSnapshotUs, this.overThresholdSince.get(sample.node)),
            detectedAtUs: nowUs,
            endedAtUs: null,
            reason: stallReason(sample.node),
        };
        this.stalls.push(stall);
        this.openStall.set(sample.node, stall);
        if (this.trace.enabled)
            this.trace.emit({ t: nowUs, type: 'stall', node: stall.node, beganAtUs: stall.beganAtUs, reason: stall.reason });
    }
    // ------------------------------------------------------------------ result
    result(input) {
        let splitVotes = 0;
        for (const term of this.candidateTerms)
            if (!this.leaderTerms.has(term))
                splitVotes++;
        const timeWithoutLeaderUs = this.timeWithoutLeaderUs + (this.lostAtUs !== null ? input.endUs - this.lostAtUs : 0);
        const snapshotsPerNode = {};
        let snapshots = 0;
        for (const [node, count] of this.snapshotCounts) {
            snapshotsPerNode[node] = count;
            snapshots += count;
        }
        const byDatacenter = {};
        for (const [datacenter, samples] of [...this.replication].sort(([a], [b]) => a.localeCompare(b)))
            byDatacenter[datacenter] = distributionOf(samples.view);
        const applyLag = distributionOf(this.applyLagSamples.view);
        return {
            electionLatency: distributionOf(this.electionLatencies),
            elections: {
                started: input.electionsStarted,
                preVoteRounds: input.preVoteRounds,
                splitVotes,
                termsUsed: this.maxTerm,
                leaderChanges: input.leaderChanges,
                timeWithoutLeaderUs,
                firstLeaderUs: this.firstLeaderUs,
            },
            logGrowth: this.logGrowth(),
            compaction: {
                snapshots,
                snapshotsPerNode,
                snapshotsInstalled: input.snapshotsInstalled,
                maxSnapshotLag: this.maxSnapshotLag,
                drift: compactionDrift(this.compactions),
                stalls: this.stalls,
                stallCount: this.stalls.length,
            },
            applyLag: { max: this.maxApplyLag, p50: applyLag.p50, p99: applyLag.p99 },
            commitLatency: distributionOf(this.commitLatencies.view),
            clientLatency: { write: distributionOf(input.writeLatenciesUs), read: distributionOf(input.readLatenciesUs) },
            replicationLatency: { byDatacenter },
            messages: messageTotals(input.messagesByType, input.droppedByReason),
        };
    }
    logGrowth() {
        const perNode = {};
        let peakEntries = 0;
        let peakBytes = 0;
        let finalEntries = 0;
        for (const [node, peak] of this.peak) {
            perNode[node] = { ...peak };
            peakEntries = Math.max(peakEntries, peak.peakEntries);
            peakBytes = Math.max(peakBytes, peak.peakBytes);
            finalEntries = Math.max(finalEntries, peak.finalEntries);
        }
        return { peakEntries, peakBytes, finalEntries, growthEntriesPerSecond: this.growthRate(), perNode };
    }
    /** Least-squares slope of the largest retained log over time, in entries per second. */
    growthRate() {
        const count = this.growthCount;
        if (count < 2)
            return 0;
        const times = this.growthTimeUs;
        const entries = this.growthEntries;
        // Oldest first, as the samples were taken.
        const at = (k) => (this.growthHead + k) % count;
        let sumT = 0;
        let sumE = 0;
        for (let k = 0; k < count; k++) {
            sumT += times[at(k)] / 1e6;
            sumE += entries[at(k)];
        }
        const meanT = sumT / count;
        const meanE = sumE / count;
        let numerator = 0;
        let denominator = 0;
        for (let k = 0; k < count; k++) {
            const dt = times[at(k)] / 1e6 - meanT;
            numerator += dt * (entries[at(k)] - meanE);
            denominator += dt * dt;
        }
        return denominator === 0 ? 0 : Math.round((numerator / denominator) * 100) / 100;
    }
}
function messageTotals(byType, droppedByReason) {
    let sent = 0;
    let delivered = 0;
    let dropped = 0;
    for (const counts of Object.values(byType)) {
        sent += counts.sent;
        delivered += counts.delivered;
        dropped += counts.dropped;
    }
    return { sent, delivered, dropped, byType, droppedByReason };
}
//# sourceMappingURL=metrics.js.map