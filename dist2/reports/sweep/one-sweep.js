import { boldTextWidthPx, formatCount } from '../format.js';
import { appendText, translate } from '../svg.js';
import { planAxis, tallestBar, drawValueAxis } from './axis.js';
import { distributionNote, isIntegerValued, metricDistribution } from './distribution.js';
import { MAX_DOTS, drawDistribution } from './distribution-panel.js';
import { drawNameList, drawParameters, drawVerdictSummary, finish, newDocument, panelTitle, seedRange } from './document.js';
import { drawCoveragePanel } from './coverage.js';
import { drawFailingTable } from './failing.js';
import { DEFAULT_WIDTH_PX, MAX_PANELS, SWEEP_VERDICT_COLORS, checkInput, checkOptions, formatMetric, metricNames, unitOf } from './input.js';
/** Outliers labelled with their seed per panel. */
const MAX_LABELS = 10;
/**
 * Renders one sweep as a standalone SVG: header (scenario, seeds, verdict counts, parameters), one
 * distribution panel per metric (two columns), the metrics that are constant or have no values, and the
 * failing seeds with their replay commands.
 */
export function renderSweepReport(input, options = {}) {
    checkInput(input, 'renderSweepReport');
    checkOptions(options, 'renderSweepReport');
    const doc = newDocument(options.widthPx ?? DEFAULT_WIDTH_PX);
    const { root, widthPx, d3 } = doc;
    const seeds = input.seeds;
    const header = root.append('g').attr('class', 'header');
    appendText(header, 16, 28, options.title ?? `raftsim sweep report · ${input.scenario || 'unnamed scenario'}`, 'h1');
    appendText(header, 16, 54, seedRange(seeds), 'h2');
    drawVerdictSummary(header, 16 + boldTextWidthPx(seedRange(seeds), 13) + 16, 54, seeds);
    let y = drawParameters(header, 16, 74, widthPx, input.parameters) + 6;
    const names = metricNames([input], options);
    const { dists, constant, empty } = sortMetrics(names, seeds, options);
    const panels = dists.slice(0, MAX_PANELS);
    drawIntro(root, y, panels.length, seeds.length);
    y += 28;
    if (constant.length > 0)
        y = drawNameList(root, y, widthPx, 'Same for every seed:', constant);
    if (empty.length > 0)
        y = drawNameList(root, y, widthPx, 'No values:', empty);
    if (dists.length > panels.length)
        y = drawNameList(root, y, widthPx, `Not drawn (more than ${MAX_PANELS} metrics):`, dists.slice(MAX_PANELS).map((dist) => dist.name));
    if (names.length === 0) {
        appendText(root, 16, y + 12, 'The input has no metrics: only verdicts and failing seeds are shown.', 'note');
        y += 20;
    }
    const columns = widthPx >= 1100 ? 2 : 1;
    const columnWidth = (widthPx - 16 - 16 - (columns - 1) * 24) / columns;
    const panelHeight = 186;
    panels.forEach((dist, k) => {
        const left = 16 + (k % columns) * (columnWidth + 24);
        const g = root.append('g').attr('class', 'metric').attr('data-metric', dist.name).attr('transform', translate(left, y + Math.floor(k / columns) * panelHeight));
        drawPanel(d3, g, dist, seeds, columnWidth);
    });
    y += Math.ceil(panels.length / columns) * panelHeight + 4;
    y += drawCoveragePanel(root, y, widthPx, input.coverage ?? [], seeds.length);
    y += drawFailingTable(root, y, widthPx, [{ tag: null, seeds }], options.maxFailingRows ?? 30);
    return finish(doc, y, `Rendered by raftsim reports from ${formatCount(seeds.length)} seed results. Hover bars, dots and labels for seeds, values and replay commands.`);
}
/** The metrics with a distribution, the ones with one value for every seed, and the ones without values. */
function sortMetrics(names, seeds, options) {
    const dists = [];
    const constant = [];
    const empty = [];
    for (const name of names) {
        const dist = metricDistribution(seeds, name, options.units?.[name] ?? unitOf(name));
        if (dist === null)
            empty.push(name);
        else if (dist.min === dist.max)
            constant.push(`${name} ${formatMetric(dist.min, dist.unit)}${dist.missing > 0 ? ` (${formatCount(dist.values.length)} seeds)` : ''}`);
        else
            dists.push(dist);
    }
    return { dists, constant, empty };
}
/** The heading of the distributions with a key to what the panels draw. */
function drawIntro(root, y, panels, seeds) {
    const intro = root.append('g').attr('transform', translate(0, y));
    appendText(intro, 16, 14, 'Metric distributions across seeds', 'h2');
    const introX = 16 + boldTextWidthPx('Metric distributions across seeds', 13) + 10;
    if (panels === 0)
        appendText(intro, introX, 14, 'no metric varies across the seeds', 'note');
    else {
        appendText(intro, introX, 8, 'bars: seeds per value, failing seeds stacked on top in their verdict colour · lines: p50 (blue), p90 (purple), p99 (orange), nearest rank', 'note');
        appendText(intro, introX, 20, `strip: box from p25 to p75 with the median, whiskers to the last value within 1.5 IQR; one dot per seed${seeds > MAX_DOTS ? ' (here only outliers and failures)' : ''}; outliers beyond 1.5 IQR ringed, the most extreme labelled with their seed`, 'note');
    }
}
/** One metric's panel: title with the summary, distribution, value axis. */
function drawPanel(d3, g, dist, seeds, columnWidth) {
    const plotLeft = 58;
    const plotRight = columnWidth - 6;
    panelTitle(g, 0, columnWidth, dist.name, distributionNote(dist, seeds.length));
    const axis = planAxis(d3, [dist], isIntegerValued([dist]), plotLeft, plotRight);
    const yMax = Math.max(1, tallestBar(dist, seeds, axis.bins, false));
    const geometry = { axis, histTopPx: 22, histBottomPx: 96, stripTopPx: 99, stripHeightPx: 20, labelTopPx: 131 };
    drawDistribution(d3, g, dist, seeds, yMax, false, geometry, { okFill: SWEEP_VERDICT_COLORS.ok, lineColor: null, prefix: '', maxLabels: MAX_LABELS, labelRows: 2 });
    drawValueAxis(g, axis, 152, dist.unit);
}
//# sourceMappingURL=one-sweep.js.map