import type { ModelBuilder } from './builder.js';
import type { ReportRecordOf } from './records.js';
export declare function onSnapshotStart(b: ModelBuilder, r: ReportRecordOf<'snapshot-start'>): void;
export declare function onSnapshot(b: ModelBuilder, r: ReportRecordOf<'snapshot'>): void;
export declare function onSnapshotSkip(b: ModelBuilder, r: ReportRecordOf<'snapshot-skip'>): void;
/** Adds the compaction to the node's snapshot mark of the same instant (the simulator writes the two together). */
export declare function onCompact(b: ModelBuilder, r: ReportRecordOf<'compact'>): void;
export declare function onStall(b: ModelBuilder, r: ReportRecordOf<'stall'>): void;
export declare function onLogSample(b: ModelBuilder, r: ReportRecordOf<'log'>): void;
