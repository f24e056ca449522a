/** Bounds. They are far above what a 20 s chaos run produces (~40k messages, <100 roles changes). */
export const MAX_NODES = 64;
export const MAX_LIST_ITEMS = 200_000;
export const MAX_SERIES_POINTS = 2_000_000;
//# sourceMappingURL=model.js.map