// The leader's view of one follower (etcd-io/raft tracker/progress.go). Three states:
// - probe: one AppendEntries at a time until the follower's match is found;
// - replicate: pipelined AppendEntries inside an inflight window;
// - snapshot: the follower is behind the log's first index and is being sent a snapshot.
import { Inflights } from './inflights.js';
export class Progress {
    /** Highest index known to be replicated on the follower. Invariant: match < next. */
    match = 0;
    /** Next index to send. */
    next;
    state = { kind: 'probe', probeSent: false };
    /** Heard from since the last CheckQuorum round. */
    recentActive = false;
    /** Leader-local send time of the newest AppendEntries/Heartbeat the follower acknowledged (lease reads). */
    ackedSentAtUs = Number.NEGATIVE_INFINITY;
    /** Leader-local time of the last message sent to this follower. */
    lastSendUs = Number.NEGATIVE_INFINITY;
    inflights;
    constructor(next, maxInflightMessages, maxInflightBytes) {
        this.next = next;
        this.inflights = new Inflights(maxInflightMessages, maxInflightBytes);
    }
    becomeProbe() {
        // After a snapshot the follower has at least the snapshot's index (etcd does the same).
        if (this.state.kind === 'snapshot') {
            this.next = Math.max(this.match + 1, this.state.pendingIndex + 1);
        }
        else {
            this.next = this.match + 1;
        }
        this.state = { kind: 'probe', probeSent: false };
        this.inflights.reset();
    }
    becomeReplicate() {
        this.next = this.match + 1;
        this.state = { kind: 'replicate' };
        this.inflights.reset();
    }
    becomeSnapshot(pendingIndex, totalBytes) {
        this.state = { kind: 'snapshot', pendingIndex, sentBytes: 0, ackedBytes: 0, totalBytes };
        this.inflights.reset();
    }
    /** An AppendEntries was acknowledged up to `index`; returns whether match advanced. */
    maybeUpdate(index) {
        let updated = false;
        if (this.match < index) {
            this.match = index;
            updated = true;
            if (this.state.kind === 'probe')
                this.state.probeSent = false;
        }
        this.next = Math.max(this.next, index + 1);
        this.assertInvariant();
        return updated;
    }
    /** A rejection of the AppendEntries at `rejected`; `hintNext` is where the leader wants to probe next.
     *  Returns false when the rejection is stale (an old message) and must be ignored. */
    maybeDecrease(rejected, hintNext) {
        if (this.state.kind === 'replicate') {
            // A rejection at or below match is stale: the follower already acknowledged more.
            if (rejected <= this.match)
                return false;
            this.next = this.match + 1;
            return true;
        }
        // In probe state only the rejection of the one probe in flight counts.
        if (this.next - 1 !== rejected)
            return false;
        this.next = Math.max(Math.min(rejected, hintNext), this.match + 1);
        if (this.state.kind === 'probe')
            this.state.probeSent = false;
        return true;
    }
    /** Whether sending AppendEntries must wait (heartbeats are always sent). */
    isPaused() {
        switch (this.state.kind) {
            case 'probe':
                return this.state.probeSent;
            case 'replicate':
                return this.inflights.isFull();
            case 'snapshot':
                return true;
            default: {
                const unreachable = this.state;
                throw new Error(`unknown progress state ${JSON.stringify(unreachable)}`);
            }
        }
    }
    /** Bookkeeping after sending entries up to lastIndex. */
    sentEntries(lastIndex, entryCount, bytes) {
        switch (this.state.kind) {
            case 'replicate':
                if (entryCount > 0) {
                    this.next = lastIndex + 1;
                    this.inflights.add(lastIndex, bytes);
                }
                break;
            case 'probe':
                this.state.probeSent = true;
                break;
            case 'snapshot':
                throw new Error('Progress.sentEntries: cannot send entries to a follower in snapshot state');
            default: {
                const unreachable = this.state;
                throw new Error(`unknown progress state ${JSON.stringify(unreachable)}`);
            }
        }
        this.assertInvariant();
    }
    assertInvariant() {
        // Invariant: match < next (etcd tracker/progress.go).
        if (!(this.match < this.next))
            throw new Error(`Progress invariant broken: match ${this.match} >= next ${this.next}`);
    }
}
//# sourceMappingURL=progress.js.map