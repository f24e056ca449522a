// A Raft under raftsim's harness: `raftsim run leader-crash --raft docs/examples/wrapped-raft.mjs`.
// A module given to --raft exports create() and restart() (raft/contract.ts RaftFactory); each returns a node
// with the methods of RaftUnderTest. This one wraps raftsim's own RaftNode and counts the Readies it hands out;
// put your Raft behind the same two functions instead.
import { RaftNode } from 'raftsim';

class CountingRaft {
  constructor(inner) {
    this.inner = inner;
    this.readies = 0;
  }
  get id() { return this.inner.id; }
  get config() { return this.inner.config; }
  get currentTerm() { return this.inner.currentTerm; }
  get votedFor() { return this.inner.votedFor; }
  get role() { return this.inner.role; }
  get leader() { return this.inner.leader; }
  get log() { return this.inner.log; }
  tick(nowUs) { this.inner.tick(nowUs); }
  step(message, nowUs) { this.inner.step(message, nowUs); }
  propose(data, bytes, nowUs) { return this.inner.propose(data, bytes, nowUs); }
  read(requestId, nowUs) { return this.inner.read(requestId, nowUs); }
  transferLeadership(target, nowUs) { return this.inner.transferLeadership(target, nowUs); }
  nextDeadlineUs() { return this.inner.nextDeadlineUs(); }
  hasReady() { return this.inner.hasReady(); }
  ready() {
    this.readies++;
    return this.inner.ready();
  }
  advance(ready) { this.inner.advance(ready); }
  appliedTo(index) { this.inner.appliedTo(index); }
  compact(snapshot, compactIndex) { this.inner.compact(snapshot, compactIndex); }
  takeEvents() { return this.inner.takeEvents(); }
}

export function create(options) {
  return new CountingRaft(RaftNode.create(options));
}

export function restart(options, durable) {
  return new CountingRaft(RaftNode.restart(options, durable));
}
