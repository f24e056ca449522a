import type { ModelBuilder } from './builder.js';
import type { ReportRecordOf } from './records.js';
export declare function onCrash(b: ModelBuilder, r: ReportRecordOf<'crash'>): void;
export declare function onRestart(b: ModelBuilder, r: ReportRecordOf<'restart'>): void;
export declare function onPause(b: ModelBuilder, r: ReportRecordOf<'pause'>): void;
export declare function onResume(b: ModelBuilder, r: ReportRecordOf<'resume'>): void;
export declare function onSlow(b: ModelBuilder, r: ReportRecordOf<'slow'>): void;
