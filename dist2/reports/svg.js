import { boldTextWidthPx, cleanText, px, timeTickFormatter } from './format.js';
import { RUN_COLORS } from './theme.js';
/** Appends a <title> (the browser's hover tooltip) with trace-derived text made XML-safe. */
export function addTitle(selection, text) {
    selection.append('title').text(cleanText(text, 1_000));
    return selection;
}
export function appendRect(parent, x, y, width, height, className) {
    return parent
        .append('rect')
        .attr('x', px(x))
        .attr('y', px(y))
        .attr('width', px(Math.max(0, width)))
        .attr('height', px(Math.max(0, height)))
        .attr('class', className === '' ? null : className);
}
export function appendLine(parent, x1, y1, x2, y2, className) {
    return parent.append('line').attr('x1', px(x1)).attr('y1', px(y1)).attr('x2', px(x2)).attr('y2', px(y2)).attr('class', className);
}
export function appendText(parent, x, y, text, className = '') {
    const node = parent.append('text').attr('x', px(x)).attr('y', px(y));
    if (className !== '')
        node.attr('class', className);
    return node.text(cleanText(text));
}
export function translate(x, y) {
    return `translate(${px(x)},${px(y)})`;
}
/**
 * A time axis drawn with d3 scale ticks: a base line at `y`, tick labels above or below, and optional light
 * grid lines from gridTopPx to gridBottomPx. Labels are in s, ms or µs depending on the tick step.
 */
export function drawTimeAxis(parent, scale, y, 
/** labels 'none': the base line and tick marks only (a chart whose neighbour below carries the labels). */
options) {
    const [fromUs, toUs] = scale.domain();
    const [left, right] = scale.range();
    const ticks = scale.ticks(options.tickCount ?? Math.max(2, Math.round((right - left) / 110)));
    const stepUs = ticks.length > 1 ? ticks[1] - ticks[0] : Math.max(1, toUs - fromUs);
    const label = timeTickFormatter(stepUs);
    const g = parent.append('g').attr('class', 'time-axis');
    if (options.gridTopPx !== undefined && options.gridBottomPx !== undefined) {
        for (const tick of ticks)
            appendLine(g, scale(tick), options.gridTopPx, scale(tick), options.gridBottomPx, 'grid');
    }
    appendLine(g, left, y, right, y, 'axis');
    const direction = options.labels === 'above' ? -1 : 1;
    for (const tick of ticks) {
        const x = scale(tick);
        appendLine(g, x, y, x, y + direction * 4, 'axis');
        if (options.labels !== 'none')
            appendText(g, x, options.labels === 'above' ? y - 6 : y + 14, label(tick), 'note mid');
    }
}
/** Clip path with a fixed id, so marks never spill out of their panel. */
export function appendClip(defsParent, id, x, y, width, height) {
    defsParent
        .append('clipPath')
        .attr('id', id)
        .append('rect')
        .attr('x', px(x))
        .attr('y', px(y))
        .attr('width', px(width))
        .attr('height', px(height));
}
/**
 * A comparison's run tag at (x, baseline y): the run letter in a box of the run's colour, then its label in
 * that colour. Returns the width used.
 */
export function drawRunTag(parent, x, y, tag, fontPx = 13) {
    const g = parent.append('g').attr('class', 'run-tag').attr('transform', translate(x, y));
    const box = fontPx + 5;
    g.append('rect')
        .attr('x', 0)
        .attr('y', px(-box + 4))
        .attr('width', box)
        .attr('height', box)
        .attr('rx', 3)
        .attr('fill', RUN_COLORS[tag.letter]);
    g.append('text').attr('x', px(box / 2)).attr('y', 0).attr('class', 'h2 white mid').text(tag.letter);
    const label = cleanText(tag.label, 80);
    g.append('text').attr('x', box + 5).attr('y', 0).attr('class', 'h2').attr('style', `fill: ${RUN_COLORS[tag.letter]}`).text(label);
    return box + 5 + (label === '' ? 0 : boldTextWidthPx(label, fontPx));
}
//# sourceMappingURL=svg.js.map