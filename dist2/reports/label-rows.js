// Packing labels so that none overlaps another: each label goes to the first row where it fits. Widths are
// estimated from the text length (textWidthPx): the report has no font metrics.
/**
 * Greedy interval partitioning: labels in order of their left edge, each in the first row whose last label
 * ends at least `gapPx` before it starts. Returns each label's row (in the input order), or -1 for a label
 * that would need more than `maxRows` rows (the caller leaves it to a hover title).
 */
export function packRows(boxes, gapPx = 4, maxRows = Number.POSITIVE_INFINITY) {
    const order = boxes.map((_, k) => k).sort((a, b) => boxes[a].left - boxes[b].left || a - b);
    const rowEnds = [];
    const rows = new Array(boxes.length).fill(-1);
    for (const k of order) {
        const box = boxes[k];
        let row = rowEnds.findIndex((end) => end + gapPx <= box.left);
        if (row === -1 && rowEnds.length < maxRows) {
            row = rowEnds.length;
            rowEnds.push(Number.NEGATIVE_INFINITY);
        }
        if (row === -1)
            continue;
        rowEnds[row] = box.right;
        rows[k] = row;
    }
    return rows;
}
/** True when two intervals overlap (touching edges do not). */
export function overlaps(a, b) {
    return a.left < b.right && b.left < a.right;
}
//# sourceMappingURL=label-rows.js.map