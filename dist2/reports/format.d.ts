/** Rounds a pixel coordinate to 0.1 px: enough for any screen, and it keeps the SVG small and stable. */
export declare function px(value: number): number;
/** Groups thousands with a thin comma: 106899 -> "106,899". */
export declare function formatCount(value: number): string;
/** A duration for people: "12 µs", "1.25 ms", "3.4 s". Three significant digits at most. */
export declare function formatDurationUs(us: number): string;
/** A duration to the microsecond, as the command-line summary prints it: "169.677 ms", "1.455003 s", "850 µs". */
export declare function formatExactDurationUs(us: number): string;
/** An exact trace time for hover titles: "1.234567 s". */
export declare function formatTimeUs(us: number): string;
/**
 * Tick label formatter for a time axis whose ticks are `stepUs` apart: seconds when the step is at least
 * 100 ms, else milliseconds, else microseconds, with just enough decimals to tell ticks apart.
 */
export declare function timeTickFormatter(stepUs: number): (us: number) => string;
/** A size for people: "512 B", "1.5 KiB", "2.16 MiB". Three significant digits at most. */
export declare function formatBytes(bytes: number): string;
/** Percent with at most one decimal: 0.3812 -> "38.1%". */
export declare function formatPercent(fraction: number): string;
/** A value with up to `digits` decimals, trailing zeros trimmed. */
export declare function formatNumber(value: number, digits?: number): string;
/**
 * Makes trace-provided text safe for XML: removes characters XML 1.0 forbids, replaces no-break spaces
 * (jsdom's HTML serializer would write them as "&nbsp;", which is not an XML entity) and bounds the length.
 */
export declare function cleanText(text: string, maxChars?: number): string;
/** Rough width of a text in px: the report has no font metrics, and DejaVu Sans averages ~0.6 em. */
export declare function textWidthPx(text: string, fontSizePx: number): number;
/**
 * Rough width of a bold text in px, by character class (DejaVu Sans Bold): better than a flat 0.6 em for
 * headings that other text follows on the same line.
 */
export declare function boldTextWidthPx(text: string, fontSizePx: number): number;
