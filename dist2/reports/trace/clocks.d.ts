import type { ModelBuilder } from './builder.js';
import type { ReportRecordOf } from './records.js';
export declare function onClock(b: ModelBuilder, r: ReportRecordOf<'clock'>): void;
