import type { ModelBuilder } from './builder.js';
import type { ReportRecordOf } from './records.js';
export declare function onLeaderLost(b: ModelBuilder, r: ReportRecordOf<'leader-lost'>): void;
export declare function onElectionLatency(b: ModelBuilder, r: ReportRecordOf<'election-latency'>): void;
