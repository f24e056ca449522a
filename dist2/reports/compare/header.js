import { cleanText, formatCount, formatDurationUs, formatTimeUs, px, textWidthPx } from '../format.js';
import { parameterLines } from '../header-params.js';
import { addTitle, appendText, drawRunTag, translate } from '../svg.js';
import { expectationLines, verdictBadge } from '../outcome.js';
/** Title and, per run, its tag, verdict badge, facts and key parameters. Returns the height used. */
export function drawComparisonHeader(a, b, root, widthPx, title) {
    const g = root.append('g').attr('class', 'header');
    appendText(g, 16, 28, title ?? `raftsim comparison · ${a.label} vs ${b.label}`, 'h1');
    let y = 56;
    for (const run of [a, b]) {
        const { model } = run;
        const tagWidth = drawRunTag(g, 16, y, run.tag);
        const badgeInfo = verdictBadge(model);
        const text = badgeInfo.text;
        const badgeWidth = textWidthPx(text, 11) * 1.1 + 14;
        const badgeX = 16 + tagWidth + 10;
        const badge = g.append('g').attr('class', 'verdict-badge').attr('data-run', run.tag.letter).attr('transform', translate(badgeX, y - 13));
        badge.append('rect').attr('width', px(badgeWidth)).attr('height', 17).attr('rx', 3).attr('fill', badgeInfo.color);
        appendText(badge, badgeWidth / 2, 12.5, text, 'white mid').attr('style', 'font-weight: bold');
        addTitle(badge, badgeInfo.title);
        const facts = `${model.scenario || 'unnamed scenario'} · seed ${JSON.stringify(model.seed)} · ${model.nodes.length} nodes · simulated ${formatDurationUs(model.endUs)} · ${formatCount(model.records)} records · trace hash ${model.end?.hash ?? '(none)'}`;
        appendText(g, badgeX + badgeWidth + 10, y, facts, 'info');
        y += 16;
        for (const line of parameterLines(model)) {
            appendText(g, 44, y, line, 'note');
            y += 13;
        }
        const failed = expectationLines(model).filter((line) => !line.passed);
        if (failed.length > 0) {
            appendText(g, 44, y, `Failed expectations: ${failed.map((line) => line.text.replace(/^✗ FAIL\s+/, '')).join(' · ')}`, 'note warn');
            y += 13;
        }
        if (model.end !== null && model.end.verdict === 'safety') {
            appendText(g, 44, y, `Safety violation at ${formatTimeUs(model.end.tUs)}: ${model.end.invariant ?? '?'} — ${cleanText(model.end.message ?? '', 200)}`, 'note warn');
            y += 13;
        }
        y += 10;
    }
    return y;
}
//# sourceMappingURL=header.js.map