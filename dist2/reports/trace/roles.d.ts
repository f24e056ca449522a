import type { ModelBuilder } from './builder.js';
import type { ReportRecordOf } from './records.js';
export declare function onRole(b: ModelBuilder, r: ReportRecordOf<'role'>): void;
export declare function onElection(b: ModelBuilder, r: ReportRecordOf<'election'>): void;
export declare function onStepDown(b: ModelBuilder, r: ReportRecordOf<'step-down'>): void;
export declare function onTransfer(b: ModelBuilder, r: ReportRecordOf<'transfer-start'> | ReportRecordOf<'transfer-abort'>): void;
