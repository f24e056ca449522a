import type { RunModel } from '../model.js';
import type { ReportContext } from '../svg.js';
import type { RunLetter, RunTag } from '../theme.js';
import type { HeadlineMetrics } from './headline-metrics.js';
export interface Run {
    readonly letter: RunLetter;
    readonly label: string;
    readonly model: RunModel;
    readonly ctx: ReportContext;
    readonly tag: RunTag;
    readonly headline: HeadlineMetrics;
}
