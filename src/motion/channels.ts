// The video path's per-frame series by name (motion/framesFromRaw.ts and its post-smoothing steps).

/** Named per-frame series, each created on its first use; `names` keeps the order of creation. */
export class Channels {
  readonly names: string[] = [];
  private readonly series = new Map<string, Float64Array>();
  constructor(readonly length: number) {}
  get(name: string): Float64Array {
    let c = this.series.get(name);
    if (!c) {
      c = new Float64Array(this.length);
      this.series.set(name, c);
      this.names.push(name);
    }
    return c;
  }
  replace(name: string, c: Float64Array): void {
    this.series.set(name, c);
  }
  at(name: string, i: number): number {
    return this.series.get(name)![i]!;
  }
}
