// Number and text formatting for the report. Everything here is deterministic and locale-free (no
// toLocaleString, no Intl): the same trace must give the same bytes on every machine.
/** Rounds a pixel coordinate to 0.1 px: enough for any screen, and it keeps the SVG small and stable. */
export function px(value) {
    const rounded = Math.round(value * 10) / 10;
    return rounded === 0 ? 0 : rounded; // no "-0"
}
/** Groups thousands with a thin comma: 106899 -> "106,899". */
export function formatCount(value) {
    const sign = value < 0 ? '-' : '';
    const digits = String(Math.round(Math.abs(value)));
    return sign + digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
/** Trims a decimal string's trailing zeros: "1.500" -> "1.5", "2.000" -> "2". */
function trimZeros(text) {
    return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}
/** A duration for people: "12 µs", "1.25 ms", "3.4 s". Three significant digits at most. */
export function formatDurationUs(us) {
    const abs = Math.abs(us);
    // Rounding may carry into the next unit (999.6 µs is "1 ms", not "1000 µs").
    if (Math.round(abs) < 1_000)
        return `${trimZeros(us.toFixed(0))} µs`;
    if (abs < 1_000_000 && Number((abs / 1_000).toFixed(abs < 10_000 ? 2 : abs < 100_000 ? 1 : 0)) < 1_000) {
        return `${trimZeros((us / 1_000).toFixed(abs < 10_000 ? 2 : abs < 100_000 ? 1 : 0))} ms`;
    }
    return `${trimZeros((us / 1_000_000).toFixed(abs < 10_000_000 ? 3 : abs < 100_000_000 ? 2 : 1))} s`;
}
/** A duration to the microsecond, as the command-line summary prints it: "169.677 ms", "1.455003 s", "850 µs". */
export function formatExactDurationUs(us) {
    const abs = Math.abs(us);
    if (abs < 1_000)
        return `${Math.round(us)} µs`;
    if (abs < 1_000_000)
        return `${trimZeros((us / 1_000).toFixed(3))} ms`;
    return `${trimZeros((us / 1_000_000).toFixed(6))} s`;
}
/** An exact trace time for hover titles: "1.234567 s". */
export function formatTimeUs(us) {
    return `${(us / 1_000_000).toFixed(6)} s`;
}
/**
 * Tick label formatter for a time axis whose ticks are `stepUs` apart: seconds when the step is at least
 * 100 ms, else milliseconds, else microseconds, with just enough decimals to tell ticks apart.
 */
export function timeTickFormatter(stepUs) {
    const decimalsFor = (step) => Math.max(0, Math.min(6, Math.ceil(-Math.log10(step) - 1e-9)));
    if (stepUs >= 100_000) {
        const decimals = decimalsFor(stepUs / 1_000_000);
        return (us) => `${(us / 1_000_000).toFixed(decimals)} s`;
    }
    if (stepUs >= 100) {
        const decimals = decimalsFor(stepUs / 1_000);
        return (us) => `${(us / 1_000).toFixed(decimals)} ms`;
    }
    return (us) => `${us.toFixed(0)} µs`;
}
/** A size for people: "512 B", "1.5 KiB", "2.16 MiB". Three significant digits at most. */
export function formatBytes(bytes) {
    const abs = Math.abs(bytes);
    const digits = (value) => trimZeros(value.toFixed(Math.abs(value) < 10 ? 2 : Math.abs(value) < 100 ? 1 : 0));
    if (abs < 1024)
        return `${Math.round(bytes)} B`;
    if (abs < 1024 * 1024)
        return `${digits(bytes / 1024)} KiB`;
    if (abs < 1024 * 1024 * 1024)
        return `${digits(bytes / 1024 / 1024)} MiB`;
    return `${digits(bytes / 1024 / 1024 / 1024)} GiB`;
}
/** Percent with at most one decimal: 0.3812 -> "38.1%". */
export function formatPercent(fraction) {
    return `${trimZeros((fraction * 100).toFixed(1))}%`;
}
/** A value with up to `digits` decimals, trailing zeros trimmed. */
export function formatNumber(value, digits = 2) {
    return trimZeros(value.toFixed(digits));
}
/**
 * Makes trace-provided text safe for XML: removes characters XML 1.0 forbids, replaces no-break spaces
 * (jsdom's HTML serializer would write them as "&nbsp;", which is not an XML entity) and bounds the length.
 */
export function cleanText(text, maxChars = 400) {
    // eslint-disable-next-line no-control-regex
    const cleaned = text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '').replace(/\u00A0/g, ' ')
        .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
    return cleaned.length > maxChars ? `${cleaned.slice(0, maxChars - 1)}…` : cleaned;
}
/** Rough width of a text in px: the report has no font metrics, and DejaVu Sans averages ~0.6 em. */
export function textWidthPx(text, fontSizePx) {
    return text.length * fontSizePx * 0.6;
}
/**
 * Rough width of a bold text in px, by character class (DejaVu Sans Bold): better than a flat 0.6 em for
 * headings that other text follows on the same line.
 */
export function boldTextWidthPx(text, fontSizePx) {
    let em = 0;
    for (const char of text) {
        if (/[ijlt.,:;'|!()[\]{}\s]/.test(char))
            em += 0.38;
        else if (/[fr\-–]/.test(char))
            em += 0.48;
        else if (/[mwMW@%]/.test(char))
            em += 1.0;
        else if (/[A-Z]/.test(char))
            em += 0.76;
        else
            em += 0.68;
    }
    return em * fontSizePx;
}
//# sourceMappingURL=format.js.map