import type { ModelBuilder } from './builder.js';
import type { ReportRecordOf } from './records.js';
export declare function onSend(b: ModelBuilder, r: ReportRecordOf<'send'>): void;
export declare function onDeliver(b: ModelBuilder, r: ReportRecordOf<'deliver'>): void;
export declare function onDrop(b: ModelBuilder, r: ReportRecordOf<'drop'>): void;
