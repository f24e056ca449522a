import { formatCount, px } from '../format.js';
import { addTitle, appendText, translate } from '../svg.js';
const ROW_PX = 16;
/** Two columns of bars, seeds reaching each situation out of the sweep's; returns the height. */
export function drawCoveragePanel(g, topPx, widthPx, coverage, totalSeeds) {
    if (coverage.length === 0)
        return 0;
    const panel = g.append('g').attr('class', 'coverage').attr('transform', translate(0, topPx));
    const never = coverage.filter((entry) => entry.seeds === 0);
    appendText(panel, 16, 14, 'Coverage', 'h2');
    appendText(panel, 96, 14, never.length === 0 ? `every situation was reached · seeds reaching each, of ${formatCount(totalSeeds)}` : `${never.length} of ${coverage.length} situations NEVER REACHED: this sweep says nothing about them · seeds reaching each, of ${formatCount(totalSeeds)}`, never.length === 0 ? 'note' : 'note warn');
    const columns = widthPx >= 1100 ? 2 : 1;
    const columnWidth = (widthPx - 32 - (columns - 1) * 24) / columns;
    const labelWidth = 290;
    const barWidth = Math.max(60, columnWidth - labelWidth - 90);
    const perColumn = Math.ceil(coverage.length / columns);
    coverage.forEach((entry, k) => {
        const column = Math.floor(k / perColumn);
        const row = panel.append('g').attr('class', 'coverage-row').attr('data-situation', entry.name).attr('transform', translate(16 + column * (columnWidth + 24), 34 + (k % perColumn) * ROW_PX));
        appendText(row, 0, 0, entry.name, entry.seeds === 0 ? 'info warn' : 'info');
        const share = totalSeeds > 0 ? entry.seeds / totalSeeds : 0;
        row.append('rect').attr('x', px(labelWidth)).attr('y', -9).attr('width', px(barWidth)).attr('height', 10).attr('fill', '#eceff1');
        if (entry.seeds > 0)
            row.append('rect').attr('x', px(labelWidth)).attr('y', -9).attr('width', px(Math.max(1, barWidth * share))).attr('height', 10).attr('fill', '#5c8bb8');
        appendText(row, labelWidth + barWidth + 8, 0, entry.seeds === 0 ? 'never reached' : `${formatCount(entry.seeds)} (${(share * 100).toFixed(share < 0.1 ? 1 : 0)}%)`, entry.seeds === 0 ? 'note warn' : 'note');
        addTitle(row, `${entry.name}: reached in ${formatCount(entry.seeds)} of ${formatCount(totalSeeds)} seeds`);
    });
    return 34 + perColumn * ROW_PX + 8;
}
//# sourceMappingURL=coverage.js.map