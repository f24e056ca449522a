import type { ModelBuilder } from './builder.js';
import type { ReportRecordOf } from './records.js';
export declare function onCommit(b: ModelBuilder, r: ReportRecordOf<'commit'>): void;
export declare function onApply(b: ModelBuilder, r: ReportRecordOf<'apply'>): void;
export declare function onSnapshotInstall(b: ModelBuilder, r: ReportRecordOf<'snapshot-install'>): void;
