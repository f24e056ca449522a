// Public API of the report renderer (docs/reports.md).
export { renderRunReport, renderModel, DEFAULT_MAX_ARROWS, DEFAULT_WIDTH_PX, TraceFormatError } from './run-report.js';
export { renderComparisonReport, renderComparisonModels, COMPARISON_CHARTS } from './compare/compare-report.js';
export { headlineMetrics, compareText } from './compare/headline-metrics.js';
export { parseTrace } from './trace/parse.js';
export { MessageTable } from './message-table.js';
export { chooseDetailWindow, DETAIL_WINDOW_US } from './window.js';
export { parameterDiff, flattenParams } from './params.js';
export { renderSweepReport } from './sweep/one-sweep.js';
export { renderSweepComparison } from './sweep/two-sweeps.js';
export { metricDistribution } from './sweep/distribution.js';
export { unitOf, formatMetric, SWEEP_VERDICTS } from './sweep/input.js';
export { withRunResult, verdictBadge, formatMeasured } from './outcome.js';
export { perfettoTrace, PERFETTO_THREADS, NETWORK_PID } from './perfetto.js';
//# sourceMappingURL=index.js.map