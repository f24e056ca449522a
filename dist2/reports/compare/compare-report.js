/**
 * The comparison report: two runs on the same axes (docs/reports.md, "Comparing two runs").
 *
 *   renderComparisonReport({ label, lines }, { label, lines })
 *
 * Both traces are parsed into RunModels (model.ts) and drawn with the run report's timeline and chart code on
 * ONE time scale, [0, the longer run's end]: A's timeline above B's, then each key chart once per run with
 * the y extents of both runs, so a taller line is a larger value. A table of headline metrics computed from
 * the trace records, and the parameters in which the two runs differ, head the report.
 *
 * Deterministic like the run report: the same traces, labels and options give the same bytes.
 */
import { D3Node } from 'd3-node';
import { drawElectionChart } from '../charts/elections.js';
import { chartExtents, mergeExtents } from '../charts/extents.js';
import { drawLatencyChart } from '../charts/latency.js';
import { drawApplyLagChart, drawCommitChart, drawLogSizeChart } from '../charts/node-series.js';
import { cleanText, formatCount, formatDurationUs } from '../format.js';
import { DEFAULT_WIDTH_PX, drawLegend } from '../run-report.js';
import { appendText } from '../svg.js';
import { NODE_COLORS, appendDefs, styleSheet } from '../theme.js';
import { drawMainTimeline } from '../timeline/main-timeline.js';
import { TraceFormatError } from '../trace/error.js';
import { parseTrace } from '../trace/parse.js';
import { drawElectionLatencyComparison } from './election-latency.js';
import { drawComparisonHeader } from './header.js';
import { headlineMetrics } from './headline-metrics.js';
import { drawHeadlineTable } from './headline-table.js';
export const COMPARISON_CHARTS = ['elections', 'election-latency', 'commit-index', 'client-latency', 'retained-log', 'apply-lag'];
const MIN_WIDTH_PX = 600;
const MAX_WIDTH_PX = 20_000;
const PLOT_LEFT_PX = 110;
const PLOT_RIGHT_MARGIN_PX = 24;
/** Plot height of each chart of a pair. */
const PAIR_PLOT_PX = 64;
/** Renders two traces as one comparison SVG document. Throws TraceFormatError naming the run of a bad trace. */
export function renderComparisonReport(a, b, options = {}) {
    checkWidth(options.widthPx);
    const models = ['A', 'B'].map((letter, k) => {
        const run = k === 0 ? a : b;
        try {
            return parseTrace(run.lines);
        }
        catch (error) {
            if (error instanceof TraceFormatError) {
                throw new TraceFormatError(`${error.message.replace(/^trace line \d+: /, '')} (run ${letter}, "${cleanText(run.label, 60)}")`, error.line);
            }
            throw error;
        }
    });
    return renderComparisonModels({ label: a.label, model: models[0] }, { label: b.label, model: models[1] }, options);
}
function checkWidth(widthPx) {
    if (widthPx !== undefined && (!Number.isInteger(widthPx) || widthPx < MIN_WIDTH_PX || widthPx > MAX_WIDTH_PX)) {
        throw new RangeError(`renderComparisonReport: widthPx must be an integer in ${MIN_WIDTH_PX}..${MAX_WIDTH_PX}, got ${widthPx}`);
    }
}
/** Renders two parsed models (for callers that already hold them). */
export function renderComparisonModels(a, b, options = {}) {
    checkWidth(options.widthPx);
    const widthPx = options.widthPx ?? DEFAULT_WIDTH_PX;
    const d3n = new D3Node();
    // The shared time axis: the union of both runs' durations.
    const domainEndUs = Math.max(1, a.model.endUs, b.model.endUs);
    const [runA, runB] = comparisonRuns(d3n, a, b, widthPx, domainEndUs);
    const svg = d3n.createSVG(widthPx, 100).attr('version', '1.1');
    svg.append('style').text(styleSheet());
    appendDefs(svg);
    const background = svg.append('rect').attr('class', 'bg').attr('width', widthPx).attr('height', 100);
    const root = svg.append('g');
    let y = drawComparisonHeader(runA, runB, root, widthPx, options.title);
    y += drawHeadlineTable(runA, runB, root, y, widthPx) + 10;
    y += drawLegend(runA.ctx, root, y, [runA.model, runB.model], false) + 6;
    y = drawTimelines([runA, runB], root, y, domainEndUs, options);
    y += 8;
    y = drawCharts([runA, runB], root, y, options);
    appendText(root, 16, y + 14, `Rendered by raftsim reports from the two traces alone (${formatCount(runA.model.records)} and ${formatCount(runB.model.records)} records). Hover marks for exact values.`, 'note');
    const heightPx = Math.ceil(y + 26);
    svg.attr('height', heightPx).attr('viewBox', `0 0 ${widthPx} ${heightPx}`);
    background.attr('height', heightPx);
    return `<?xml version="1.0" encoding="UTF-8"?>\n${d3n.svgString()}\n`;
}
/** Both runs with their drawing contexts on the one shared time scale, tags and headline metrics. */
function comparisonRuns(d3n, a, b, widthPx, domainEndUs) {
    const d3 = d3n.d3;
    const plotLeftPx = PLOT_LEFT_PX;
    const plotRightPx = widthPx - PLOT_RIGHT_MARGIN_PX;
    const x = d3.scaleLinear().domain([0, domainEndUs]).range([plotLeftPx, plotRightPx]);
    const palette = NODE_COLORS;
    const runs = [
        { letter: 'A', label: a.label, model: a.model },
        { letter: 'B', label: b.label, model: b.model },
    ].map((run) => {
        const colorByNode = new Map(run.model.nodes.map((node, k) => [node, palette[k % palette.length]]));
        const ctx = {
            d3,
            model: run.model,
            widthPx,
            plotLeftPx,
            plotRightPx,
            x,
            // No detail panel: the "window" is the whole run, which draws no window band anywhere.
            window: { fromUs: 0, toUs: Math.max(1, run.model.endUs), rule: 'whole-run', reason: 'the whole run', messages: [] },
            maxArrows: 0,
            nodeColor: (node) => colorByNode.get(node) ?? '#333',
        };
        const tag = { letter: run.letter, label: run.label };
        return { ...run, ctx, tag, headline: headlineMetrics(run.model) };
    });
    return [runs[0], runs[1]];
}
/** A's timeline above B's on the shared scale. Returns the y after them. */
function drawTimelines(runs, root, topPx, domainEndUs, options) {
    const [a, b] = [runs[0].model, runs[1].model];
    const axisNote = a.endUs === b.endUs
        ? `both runs on one time axis, 0 – ${formatDurationUs(domainEndUs)}; hover any mark for exact values`
        : `both runs on one time axis, 0 – ${formatDurationUs(domainEndUs)} (the longer run, ${a.endUs > b.endUs ? 'A' : 'B'}); the shorter run is greyed out after its end`;
    let y = topPx;
    for (const run of runs) {
        // data-* attributes say which run a timeline is and the shared domain (for readers of the SVG and tests).
        const main = drawMainTimeline(run.ctx, root, y, {
            tag: run.tag,
            heading: 'Timeline',
            note: axisNote,
            trafficStrips: options.trafficStrips ?? false,
            dataAttributes: { 'data-run': run.letter, 'data-x-domain-us': `0 ${domainEndUs}` },
        });
        y += main.heightPx + 4;
    }
    return y;
}
const CHART_PAIRS = {
    elections: { heading: 'Elections', draw: drawElectionChart, present: (model) => model.elections.length > 0 || model.leaderChanges.length > 0 },
    'commit-index': { heading: 'Commit index', draw: drawCommitChart, present: (model) => model.commit.size > 0 },
    'client-latency': { heading: 'Client latency', draw: drawLatencyChart, present: (model) => model.clientOps.tUs.length > 0 },
    'retained-log': { heading: 'Retained log', draw: drawLogSizeChart, present: (model) => model.logEntries.size > 0 },
    'apply-lag': { heading: 'Apply lag', draw: drawApplyLagChart, present: (model) => model.applyLag.size > 0 },
};
/** The chosen charts, each once per run on the y extents of both. Returns the y after them. */
function drawCharts(runs, root, topPx, options) {
    const [runA, runB] = [runs[0], runs[1]];
    const shared = mergeExtents(chartExtents(runA.ctx), chartExtents(runB.ctx));
    let y = topPx;
    for (const chart of new Set(options.charts ?? COMPARISON_CHARTS)) {
        if (chart === 'election-latency') {
            y += drawElectionLatencyComparison(runA, runB, root, y) + 8;
            continue;
        }
        const pair = CHART_PAIRS[chart];
        if (pair === undefined)
            throw new RangeError(`renderComparisonReport: unknown chart "${String(chart)}"; known: ${COMPARISON_CHARTS.join(', ')}`);
        if (!runs.some((run) => pair.present(run.model)))
            continue;
        runs.forEach((run, k) => {
            y += pair.draw(run.ctx, root, y, {
                tag: run.tag,
                plotHeightPx: PAIR_PLOT_PX,
                timeAxisLabels: k === 1,
                shared,
                emptyNote: `no ${pair.heading.toLowerCase()} records in run ${run.letter}`,
            });
        });
        y += 8;
    }
    return y;
}
//# sourceMappingURL=compare-report.js.map