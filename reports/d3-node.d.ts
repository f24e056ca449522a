// Minimal type declarations for d3-node 4 (which ships none) and for the small part of d3 7 that the
// reports use through `D3Node#d3`. Only what reports/ calls is declared, so a wrong call fails to compile
// instead of silently accepting `any`. If the project later adds `@types/d3`, these can be narrowed to
// re-exports of it.
declare module 'd3-node' {
  export type AttrValue = string | number;

  /** A d3 selection, reduced to the untyped-datum calls the reports make. */
  export interface Selection {
    append(name: string): Selection;
    attr(name: string, value: AttrValue | null): Selection;
    attr(name: string): string | null;
    text(value: string): Selection;
    select(selector: string): Selection;
    selectAll(selector: string): Selection;
    node(): Element | null;
    size(): number;
    remove(): Selection;
  }

  /** d3-scale continuous scales (linear, log). */
  export interface ContinuousScale {
    (value: number): number;
    domain(): number[];
    domain(domain: readonly number[]): ContinuousScale;
    range(): number[];
    range(range: readonly number[]): ContinuousScale;
    clamp(clamp: boolean): ContinuousScale;
    nice(count?: number): ContinuousScale;
    ticks(count?: number): number[];
    invert(value: number): number;
  }

  /** d3-shape line generator over [x, y] pixel pairs. */
  export interface LineGenerator {
    (data: readonly (readonly [number, number])[]): string | null;
    curve(curve: CurveFactory): LineGenerator;
    digits(digits: number): LineGenerator;
  }

  /** d3-shape area generator over [x, y0, y1] pixel triples. */
  export interface AreaGenerator {
    (data: readonly (readonly [number, number, number])[]): string | null;
    x(accessor: (datum: readonly [number, number, number]) => number): AreaGenerator;
    y0(accessor: (datum: readonly [number, number, number]) => number): AreaGenerator;
    y1(accessor: (datum: readonly [number, number, number]) => number): AreaGenerator;
    curve(curve: CurveFactory): AreaGenerator;
    digits(digits: number): AreaGenerator;
  }

  /** Opaque d3-shape curve factory. */
  export interface CurveFactory {
    readonly __curveFactory?: never;
  }

  export interface D3Module {
    scaleLinear(): ContinuousScale;
    scaleLog(): ContinuousScale;
    line(): LineGenerator;
    area(): AreaGenerator;
    curveStepAfter: CurveFactory;
    curveLinear: CurveFactory;
    interpolateBlues(t: number): string;
    quantileSorted(values: ArrayLike<number>, p: number): number | undefined;
    readonly schemeTableau10: readonly string[];
  }

  export interface D3NodeOptions {
    selector?: string;
    container?: string;
    styles?: string;
  }

  /** Server-side DOM (jsdom) with d3 bound to it. */
  export class D3Node {
    constructor(options?: D3NodeOptions);
    readonly d3: D3Module;
    readonly document: Document;
    createSVG(width?: number, height?: number, attrs?: Record<string, AttrValue>): Selection;
    /** The first <svg> under the container, serialized (HTML serialization of jsdom). */
    svgString(): string;
  }
}
