// What the report knows of a run beyond its trace: the outcome, the expectations and the summary's figures,
// from result.json (see outcome.ts). Plain data, no imports: the model refers to it.
export {};
//# sourceMappingURL=run-result.js.map