import { boldTextWidthPx, cleanText, formatCount, formatNumber, textWidthPx } from '../format.js';
import { parameterDiff } from '../params.js';
import { appendRect, appendText, drawRunTag, translate } from '../svg.js';
import { RUN_COLORS, RUN_FILLS } from '../theme.js';
import { planAxis, tallestBar, drawValueAxis } from './axis.js';
import { isIntegerValued, metricDistribution } from './distribution.js';
import { drawDistribution } from './distribution-panel.js';
import { drawNameList, drawVerdictSummary, finish, newDocument, panelTitle, seedRange } from './document.js';
import { drawFailingTable } from './failing.js';
import { DEFAULT_WIDTH_PX, MAX_PANELS, checkInput, checkOptions, formatMetric, metricNames, unitOf } from './input.js';
const PANEL_HEIGHT_PX = 236;
/**
 * Two sweeps on shared axes: per metric, A's distribution above B's on the same value axis and the same
 * y scale (seed counts, or shares of seeds when the sweeps have different sizes), each with its p50/p90/p99
 * in its colour; then both sweeps' failing seeds.
 */
export function renderSweepComparison(a, b, options = {}) {
    checkInput(a, 'renderSweepComparison (A)');
    checkInput(b, 'renderSweepComparison (B)');
    checkOptions(options, 'renderSweepComparison');
    const doc = newDocument(options.widthPx ?? DEFAULT_WIDTH_PX);
    const { root, widthPx, d3 } = doc;
    const sweeps = [
        { letter: 'A', input: a },
        { letter: 'B', input: b },
    ].map((sweep) => ({ ...sweep, tag: { letter: sweep.letter, label: sweep.input.label } }));
    let y = drawComparisonHeader(root, sweeps, widthPx, options);
    const share = a.seeds.length !== b.seeds.length;
    drawComparisonIntro(root, y, share);
    y += 28;
    const { constant, empty, panels } = comparisonPanels(metricNames([a, b], options), a, b, options);
    if (constant.length > 0)
        y = drawNameList(root, y, widthPx, 'Same for every seed of both:', constant);
    if (empty.length > 0)
        y = drawNameList(root, y, widthPx, 'No values:', empty);
    const drawn = panels.slice(0, MAX_PANELS);
    if (panels.length > drawn.length)
        y = drawNameList(root, y, widthPx, `Not drawn (more than ${MAX_PANELS} metrics):`, panels.slice(MAX_PANELS).map((panel) => panel.name));
    const columns = widthPx >= 1100 ? 2 : 1;
    const columnWidth = (widthPx - 16 - 16 - (columns - 1) * 24) / columns;
    drawn.forEach((panel, k) => {
        const left = 16 + (k % columns) * (columnWidth + 24);
        const g = root.append('g').attr('class', 'metric').attr('data-metric', panel.name).attr('transform', translate(left, y + Math.floor(k / columns) * PANEL_HEIGHT_PX));
        drawComparisonPanel(d3, g, panel, sweeps, share, columnWidth);
    });
    y += Math.ceil(drawn.length / columns) * PANEL_HEIGHT_PX + 4;
    y += drawFailingTable(root, y, widthPx, sweeps.map((sweep) => ({ tag: sweep.tag, seeds: sweep.input.seeds })), options.maxFailingRows ?? 30);
    return finish(doc, y, `Rendered by raftsim reports from ${formatCount(a.seeds.length)} + ${formatCount(b.seeds.length)} seed results. Hover bars, dots and labels for seeds, values and replay commands.`);
}
/** Title, one line per sweep (scenario, seeds, verdicts), and the parameters that differ. Returns the y after it. */
function drawComparisonHeader(root, sweeps, widthPx, options) {
    const [a, b] = [sweeps[0].input, sweeps[1].input];
    const header = root.append('g').attr('class', 'header');
    appendText(header, 16, 28, options.title ?? `raftsim sweep comparison · ${a.label} vs ${b.label}`, 'h1');
    let y = 56;
    for (const sweep of sweeps) {
        const tagWidth = drawRunTag(header, 16, y, sweep.tag);
        const range = `${sweep.input.scenario || 'unnamed scenario'} · ${seedRange(sweep.input.seeds)}`;
        appendText(header, 16 + tagWidth + 12, y, range, 'info');
        drawVerdictSummary(header, 16 + tagWidth + 12 + textWidthPx(range, 11.5) + 16, y, sweep.input.seeds);
        y += 22;
    }
    const diffs = parameterDiff(a.parameters ?? {}, b.parameters ?? {});
    if (diffs.length > 0) {
        appendText(header, 16, y, 'What differs:', 'info').attr('style', 'font-weight: bold');
        const text = diffs.slice(0, 12).map((diff) => `${diff.key} A ${cleanText(diff.a, 40)} · B ${cleanText(diff.b, 40)}`).join('   |   ');
        appendText(header, 110, y, cleanText(`${text}${diffs.length > 12 ? `   |   and ${diffs.length - 12} more` : ''}`, Math.floor((widthPx - 126) / 6.2)), 'info');
        y += 18;
    }
    else if (a.parameters !== undefined || b.parameters !== undefined) {
        appendText(header, 16, y, 'The two sweeps have the same parameters.', 'note');
        y += 16;
    }
    return y + 6;
}
function drawComparisonIntro(root, y, share) {
    const intro = root.append('g').attr('transform', translate(0, y));
    appendText(intro, 16, 14, 'Metric distributions, A above B on the same axes', 'h2');
    const introX = 16 + boldTextWidthPx('Metric distributions, A above B on the same axes', 13) + 10;
    appendText(intro, introX, 8, `bars: ${share ? 'share of each sweep’s seeds (the sweeps differ in size)' : 'seeds'} per value, same bins and y scale for both, failing seeds stacked in their verdict colour`, 'note');
    appendText(intro, introX, 20, 'lines: p50 solid, p90 dashed, p99 dotted, in the sweep’s colour · strip: quartile box, whiskers to 1.5 IQR, outliers ringed and labelled with their seed', 'note');
}
/** Sorts the metrics into panels, the ones constant over both sweeps, and the ones without values. */
function comparisonPanels(names, a, b, options) {
    const constant = [];
    const empty = [];
    const panels = [];
    for (const name of names) {
        const unit = options.units?.[name] ?? unitOf(name);
        const dists = [metricDistribution(a.seeds, name, unit), metricDistribution(b.seeds, name, unit)];
        const present = dists.filter((dist) => dist !== null);
        if (present.length === 0)
            empty.push(name);
        else if (Math.min(...present.map((dist) => dist.min)) === Math.max(...present.map((dist) => dist.max))) {
            constant.push(`${name} ${formatMetric(present[0].min, present[0].unit)}${present.length < 2 ? ` (${dists[0] === null ? 'B' : 'A'} only)` : ''}`);
        }
        else
            panels.push({ name, dists });
    }
    return { constant, empty, panels };
}
/** The panel title's note: each sweep's p50 and p99, and B's p99 over A's. */
function comparisonSummary(panel, sweeps, unit) {
    const summary = panel.dists
        .map((dist, k) => (dist === null ? `${sweeps[k].letter}: no values` : `${sweeps[k].letter} p50 ${formatMetric(dist.p50, unit)}, p99 ${formatMetric(dist.p99, unit)}`))
        .join(' · ');
    const [da, db] = panel.dists;
    const ratio = da !== null && db !== null && da !== undefined && db !== undefined && da.p99 > 0 && db.p99 > 0 ? ` · p99 B/A ×${formatNumber(db.p99 / da.p99, db.p99 / da.p99 >= 10 ? 0 : 2)}` : '';
    return `${summary}${ratio}`;
}
/** One metric: A's distribution above B's, on one value axis and one y scale. */
function drawComparisonPanel(d3, g, panel, sweeps, share, columnWidth) {
    const present = panel.dists.filter((dist) => dist !== null);
    const unit = present[0].unit;
    const plotLeft = 58;
    const plotRight = columnWidth - 6;
    const axis = planAxis(d3, present, isIntegerValued(panel.dists), plotLeft, plotRight);
    let yMax = share ? 0.01 : 1;
    panel.dists.forEach((dist, k) => {
        if (dist !== null)
            yMax = Math.max(yMax, tallestBar(dist, sweeps[k].input.seeds, axis.bins, share));
    });
    panelTitle(g, 0, columnWidth, panel.name, comparisonSummary(panel, sweeps, unit));
    panel.dists.forEach((dist, k) => {
        const sweep = sweeps[k];
        const top = 22 + k * 96;
        const tagG = g.append('g');
        drawRunTag(tagG, 0, top + 16, { letter: sweep.letter, label: '' }, 10);
        if (dist === null) {
            appendRect(g, plotLeft, top, plotRight - plotLeft, 66, 'panel');
            appendText(g, (plotLeft + plotRight) / 2, top + 36, `no values in sweep ${sweep.letter}`, 'note mid');
            return;
        }
        const geometry = { axis, histTopPx: top, histBottomPx: top + 50, stripTopPx: top + 53, stripHeightPx: 16, labelTopPx: top + 80 };
        drawDistribution(d3, g, dist, sweep.input.seeds, yMax, share, geometry, {
            okFill: RUN_FILLS[sweep.letter],
            lineColor: RUN_COLORS[sweep.letter],
            prefix: `${sweep.letter} `,
            maxLabels: 6,
            labelRows: 1,
        });
    });
    drawValueAxis(g, axis, 22 + 2 * 96 - 6, unit);
}
//# sourceMappingURL=two-sweeps.js.map