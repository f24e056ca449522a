// Public API of the report renderer (docs/reports.md).
export { renderRunReport, renderModel, DEFAULT_MAX_ARROWS, DEFAULT_WIDTH_PX, TraceFormatError, type RunReportOptions } from './run-report.js';
export { parseTrace, MessageTable, type RunModel, type RoleSpan, type NodeSpan, type NetworkFault, type NodeMark, type Series } from './model.js';
export { chooseDetailWindow, DETAIL_WINDOW_US, type DetailWindow, type DetailRule } from './window.js';
