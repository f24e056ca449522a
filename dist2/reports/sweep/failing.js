import { cleanText, formatCount, px, textWidthPx } from '../format.js';
import { addTitle, appendText, drawRunTag, translate } from '../svg.js';
import { SWEEP_VERDICT_COLORS, SWEEP_VERDICT_LABELS } from './input.js';
/** Failing seeds, two lines each: seed, verdict, invariant, message; then the replay command. Returns the height. */
export function drawFailingTable(g, topPx, widthPx, sweeps, maxRows) {
    const order = { safety: 0, liveness: 1, expectation: 2, ok: 3 };
    const failingTotal = sweeps.reduce((sum, sweep) => sum + sweep.seeds.filter((seed) => seed.verdict !== 'ok').length, 0);
    const panel = g.append('g').attr('class', 'failing').attr('transform', translate(0, topPx));
    appendText(panel, 16, 14, 'Failing seeds', 'h2');
    appendText(panel, 120, 14, failingTotal === 0 ? 'none: every seed passed' : `${formatCount(failingTotal)} · safety first, then liveness, then expectations; each with the command that replays it`, 'note');
    let y = 34;
    if (failingTotal === 0)
        return y;
    const messageChars = Math.max(30, Math.floor((widthPx - 420 - 16) / 6.3));
    for (const sweep of sweeps) {
        const failing = sweep.seeds.filter((seed) => seed.verdict !== 'ok');
        if (failing.length === 0)
            continue;
        // Order by verdict, then seed; only the first maxRows are needed, but a full sort of the failures is cheap.
        failing.sort((p, q) => order[p.verdict] - order[q.verdict] || p.seed - q.seed);
        for (const seed of failing.slice(0, maxRows)) {
            const row = panel.append('g').attr('class', 'failing-seed').attr('transform', translate(0, y));
            let x = 16;
            if (sweep.tag !== null)
                x += drawRunTag(row, 16, 0, { letter: sweep.tag.letter, label: '' }, 10) + 6;
            appendText(row, x, 0, `seed ${seed.seed}`, 'info').attr('style', 'font-weight: bold');
            const chipX = x + 90;
            const label = SWEEP_VERDICT_LABELS[seed.verdict];
            const chipWidth = textWidthPx(label, 10) + 12;
            row.append('rect').attr('x', px(chipX)).attr('y', -11).attr('width', px(chipWidth)).attr('height', 14).attr('rx', 3).attr('fill', SWEEP_VERDICT_COLORS[seed.verdict]);
            appendText(row, chipX + chipWidth / 2, 0, label, 'note white mid');
            const what = `${seed.invariant ?? ''}${seed.invariant !== null && seed.message !== null ? ': ' : ''}${seed.message ?? ''}`;
            appendText(row, chipX + chipWidth + 10, 0, cleanText(what === '' ? '(no message)' : what, messageChars), 'info');
            appendText(row, x + 10, 14, `$ ${cleanText(seed.replay, 600)}`, 'mono');
            addTitle(row, `seed ${seed.seed} · ${label}${what !== '' ? ` · ${what}` : ''}\nreplay: ${seed.replay}`);
            y += 32;
        }
        if (failing.length > maxRows) {
            const rest = failing.slice(maxRows);
            const listed = rest.slice(0, 40).map((seed) => seed.seed);
            appendText(panel, 16, y - 4, `${sweep.tag !== null ? `${sweep.tag.letter}: ` : ''}and ${formatCount(rest.length)} more failing seeds: ${listed.join(', ')}${rest.length > listed.length ? ', …' : ''}`, 'note');
            y += 14;
        }
    }
    return y;
}
//# sourceMappingURL=failing.js.map