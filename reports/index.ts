// Public API of the report renderer (docs/reports.md).
export { renderRunReport, renderModel, DEFAULT_MAX_ARROWS, DEFAULT_WIDTH_PX, TraceFormatError, type RunReportOptions } from './run-report.js';
export { renderComparisonReport, renderComparisonModels, COMPARISON_CHARTS, type ComparisonChart, type ComparisonRun, type ComparisonReportOptions } from './compare/compare-report.js';
export { headlineMetrics, compareText, type HeadlineMetrics } from './compare/headline-metrics.js';
export { parseTrace } from './trace/parse.js';
export { MessageTable } from './message-table.js';
export type { RunModel, RoleSpan, NodeSpan, NetworkFault, NodeMark, Series, LeaderLoss, LeaderlessSpan, RecordCounts } from './model.js';
export { chooseDetailWindow, DETAIL_WINDOW_US, type DetailWindow, type DetailRule } from './window.js';
export { parameterDiff, flattenParams } from './params.js';
export { renderSweepReport } from './sweep/one-sweep.js';
export { renderSweepComparison, type LabelledSweep } from './sweep/two-sweeps.js';
export { metricDistribution, type MetricDistribution } from './sweep/distribution.js';
export { unitOf, formatMetric, SWEEP_VERDICTS, type SweepReportInput, type SweepSeed, type SweepVerdict, type SweepReportOptions, type MetricUnit } from './sweep/input.js';
export { withRunResult, verdictBadge, formatMeasured, type Badge } from './outcome.js';
export type { RunResultInfo, RunOutcome, ReportExpectation, ReportFigures, ReportMembershipFigures, ExpectationQuantity } from './run-result.js';
export { perfettoTrace, PERFETTO_THREADS, NETWORK_PID, type PerfettoTrace, type TraceEvent } from './perfetto.js';
