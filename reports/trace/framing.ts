// Run framing: the meta record (seed, scenario, parameters, the lane order) and the end record (hash, verdict).
import { laneOrder } from '../datacenters.js';
import type { ModelBuilder } from './builder.js';
import { initialMembersOf } from './membership-state.js';
import type { ReportRecordOf } from './records.js';

export function onMeta(b: ModelBuilder, r: ReportRecordOf<'meta'>): void {
  b.seed = r.seed;
  b.scenario = r.scenario;
  b.params = r.params;
  // Lane order: meta.params.nodes first (grouped by datacenter when the run has a topology), then other ids in
  // order of first appearance.
  for (const id of laneOrder(r.params, r.params.nodes)) b.addNode(id);
  // A run that can change membership names its bootstrap voters; the other nodes are spares, whose lanes begin
  // at their `boot` record.
  const initial = initialMembersOf(r.params);
  b.membership.initialMembers = initial;
  b.electionTerms.bootstrap({ voters: initial ?? r.params.nodes, outgoing: [] });
  if (initial !== null) for (const id of r.params.nodes) if (!initial.includes(id)) b.state(id).started = false;
}

export function onEnd(b: ModelBuilder, r: ReportRecordOf<'end'>): void {
  b.end = { tUs: r.t, hash: r.hash, verdict: r.verdict, invariant: r.invariant ?? null, message: r.message ?? null };
}
