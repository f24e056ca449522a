import type { ModelBuilder } from './builder.js';
import type { ReportRecordOf } from './records.js';
export declare function onMeta(b: ModelBuilder, r: ReportRecordOf<'meta'>): void;
export declare function onEnd(b: ModelBuilder, r: ReportRecordOf<'end'>): void;
