import type { ModelBuilder } from './builder.js';
import type { ReportRecordOf } from './records.js';
export declare function onInvoke(b: ModelBuilder, r: ReportRecordOf<'invoke'>): void;
export declare function onOutcome(b: ModelBuilder, r: ReportRecordOf<'ok'> | ReportRecordOf<'fail'> | ReportRecordOf<'timeout'>): void;
export declare function onLinearizability(b: ModelBuilder, r: ReportRecordOf<'linearizability'>): void;
