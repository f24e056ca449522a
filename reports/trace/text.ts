// Number formats of the hover details the trace handlers write into the model.

/** A duration rounded to 0.1 ms: "12.3 ms". */
export function formatMs(us: number): string {
  return `${Math.round(us / 100) / 10} ms`;
}

/** A true time for hover details: "12.345678 s". */
export function formatSeconds(us: number): string {
  return `${(us / 1_000_000).toFixed(6)} s`;
}

/** A group of node ids: "{n1,n2}". */
export function brace(nodes: readonly string[]): string {
  return `{${nodes.join(',')}}`;
}
