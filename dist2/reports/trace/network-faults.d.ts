import type { TraceLinkPatch } from '../../contract/trace.js';
import type { ModelBuilder } from './builder.js';
import type { ReportRecordOf } from './records.js';
export declare function onPartition(b: ModelBuilder, r: ReportRecordOf<'partition'>): void;
export declare function onHeal(b: ModelBuilder, r: ReportRecordOf<'heal'>): void;
export declare function onClog(b: ModelBuilder, r: ReportRecordOf<'clog'>): void;
export declare function onUnclog(b: ModelBuilder, r: ReportRecordOf<'unclog'>): void;
/** Describes a `link` record's patch, e.g. "drop 38%, latency 5–55 ms". */
export declare function describeLinkPatch(patch: TraceLinkPatch): string;
export declare function onLink(b: ModelBuilder, r: ReportRecordOf<'link'>): void;
export declare function onLinkReset(b: ModelBuilder, r: ReportRecordOf<'link-reset'>): void;
/** A filter on one class of messages, e.g. "hold append n1→n2,n3". */
export declare function onFilter(b: ModelBuilder, r: ReportRecordOf<'filter'>): void;
export declare function onFiltersCleared(b: ModelBuilder, r: ReportRecordOf<'filters-cleared'>): void;
