// The sweep reports' SVG document and the parts of their header: verdict chips, the seed range, the parameters,
// lists of metric names, panel titles.
import { D3Node } from 'd3-node';
import { boldTextWidthPx, cleanText, formatCount, formatPercent, px, textWidthPx } from '../format.js';
import { flattenParams } from '../params.js';
import { addTitle, appendRect, appendText, translate } from '../svg.js';
import { styleSheet } from '../theme.js';
import { SWEEP_VERDICT_COLORS, SWEEP_VERDICT_LABELS, SWEEP_VERDICTS, verdictCounts } from './input.js';
/** Stylesheet additions of the sweep reports. */
function sweepStyles() {
    return [
        "text.mono { font-family: 'DejaVu Sans Mono', 'Liberation Mono', monospace; font-size: 10.5px; fill: #333; }",
        '.box { fill: #e8eef6; stroke: #4a6a90; stroke-width: 1; }',
        '.whisker { stroke: #4a6a90; stroke-width: 1; }',
        '.median { stroke: #1f3f66; stroke-width: 2; }',
        '.seed-dots { fill: none; stroke: #5a7596; stroke-opacity: 0.5; stroke-width: 3; stroke-linecap: round; }',
        '.outlier { stroke: #fff; stroke-width: 0.6; }',
        '.leader-line { stroke: #999; stroke-width: 0.6; }',
    ].join('\n');
}
export function newDocument(widthPx) {
    const d3n = new D3Node();
    const svg = d3n.createSVG(widthPx, 100).attr('version', '1.1');
    svg.append('style').text(`${styleSheet()}\n${sweepStyles()}`);
    const background = svg.append('rect').attr('class', 'bg').attr('width', widthPx).attr('height', 100);
    const root = svg.append('g');
    return { d3n, d3: d3n.d3, svg, root, background, widthPx };
}
export function finish(doc, contentBottomPx, note) {
    appendText(doc.root, 16, contentBottomPx + 14, note, 'note');
    const heightPx = Math.ceil(contentBottomPx + 26);
    doc.svg.attr('height', heightPx).attr('viewBox', `0 0 ${doc.widthPx} ${heightPx}`);
    doc.background.attr('height', heightPx);
    return `<?xml version="1.0" encoding="UTF-8"?>\n${doc.d3n.svgString()}\n`;
}
/** Verdict counts as coloured chips and a proportional bar. Returns the x after them. */
export function drawVerdictSummary(g, x, y, seeds) {
    const counts = verdictCounts(seeds);
    const total = Math.max(1, seeds.length);
    let cx = x;
    for (const verdict of SWEEP_VERDICTS) {
        if (verdict !== 'ok' && counts[verdict] === 0)
            continue;
        const text = `${SWEEP_VERDICT_LABELS[verdict]} ${formatCount(counts[verdict])}`;
        const width = textWidthPx(text, 11) + 14;
        const chip = g.append('g').attr('transform', translate(cx, y - 12));
        chip.append('rect').attr('width', px(width)).attr('height', 16).attr('rx', 3).attr('fill', SWEEP_VERDICT_COLORS[verdict]);
        appendText(chip, width / 2, 12, text, 'white mid').attr('style', 'font-weight: bold');
        addTitle(chip, `${formatCount(counts[verdict])} of ${formatCount(seeds.length)} seeds (${formatPercent(counts[verdict] / total)}): ${SWEEP_VERDICT_LABELS[verdict]}`);
        cx += width + 6;
    }
    // Proportional bar: failures are visible even when they are a sliver.
    const barWidth = 220;
    let bx = cx + 8;
    appendRect(g, bx, y - 10, barWidth, 12, 'lane-bg');
    for (const verdict of SWEEP_VERDICTS) {
        if (counts[verdict] === 0)
            continue;
        const width = Math.max(2, (counts[verdict] / total) * barWidth);
        appendRect(g, bx, y - 10, Math.min(width, cx + 8 + barWidth - bx), 12, '').attr('fill', SWEEP_VERDICT_COLORS[verdict]);
        bx += width;
    }
    const failing = seeds.length - counts.ok;
    appendText(g, cx + 8 + barWidth + 8, y, seeds.length === 0 ? 'no seeds' : `${formatPercent(failing / total)} failing`, 'info');
    return cx + 8 + barWidth + 80;
}
export function seedRange(seeds) {
    if (seeds.length === 0)
        return 'no seeds';
    let lo = Number.POSITIVE_INFINITY;
    let hi = Number.NEGATIVE_INFINITY;
    for (const seed of seeds) {
        lo = Math.min(lo, seed.seed);
        hi = Math.max(hi, seed.seed);
    }
    return `${formatCount(seeds.length)} ${seeds.length === 1 ? 'seed' : 'seeds'}${lo === hi ? ` (seed ${lo})` : ` (${lo}–${hi})`}`;
}
/** The parameters as "key value" pairs wrapped to the width, at most `maxLines` lines. Returns the y after them. */
export function drawParameters(g, x, y, widthPx, parameters, maxLines = 5) {
    if (parameters === undefined)
        return y;
    const flat = new Map();
    flattenParams(parameters, '', flat);
    if (flat.size === 0)
        return y;
    const parts = [...flat].map(([key, value]) => `${key} ${cleanText(value, 60)}`);
    let line = '';
    let lines = 0;
    let shown = 0;
    const maxChars = Math.floor((widthPx - x - 16) / 6.1);
    for (const part of parts) {
        const next = line === '' ? part : `${line} · ${part}`;
        if (next.length > maxChars && line !== '') {
            if (lines === maxLines - 1)
                break;
            appendText(g, x, y, line, 'note');
            lines++;
            y += 13;
            line = part;
        }
        else
            line = next;
        shown++;
    }
    if (shown < parts.length)
        line += ` · and ${parts.length - shown} more`;
    appendText(g, x, y, line, 'note');
    return y + 13;
}
/** A wrapped list of metric names (constant ones, ones without values). Returns the y after it. */
export function drawNameList(root, y, widthPx, heading, items) {
    const maxChars = Math.floor((widthPx - 32 - 200) / 6);
    const lines = [];
    let line = '';
    for (const item of items.slice(0, 400)) {
        const next = line === '' ? item : `${line} · ${item}`;
        if (next.length > maxChars && line !== '') {
            lines.push(line);
            line = item;
        }
        else
            line = next;
    }
    if (line !== '')
        lines.push(line);
    const shown = lines.slice(0, 4);
    if (lines.length > shown.length || items.length > 400)
        shown[shown.length - 1] += ' · …';
    appendText(root, 16, y + 12, heading, 'info').attr('style', 'font-weight: bold');
    shown.forEach((text, k) => appendText(root, 200, y + 12 + k * 14, text, 'note'));
    return y + shown.length * 14 + 8;
}
/** Panel title: metric name, then a note cut to the panel's width (the full note is its hover title). */
export function panelTitle(g, leftPx, rightPx, name, note) {
    appendText(g, leftPx, 14, name, 'h2');
    const noteX = leftPx + boldTextWidthPx(name, 13) + 8;
    const chars = Math.floor((rightPx - noteX) / 5.7);
    if (chars >= 12)
        addTitle(appendText(g, noteX, 14, cleanText(note, chars), 'note'), note);
}
//# sourceMappingURL=document.js.map