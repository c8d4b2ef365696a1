// A read-back shared by the tests of the band under the upper teeth (teethEdge, underTeeth): how dark the
// darkest point between the lip lines is against the lower lip, on a 512 px render.

/** Per middle column, the darkest pixel between the lip lines (under the teeth) over the lower lip's luma 0.03 IOD under its inner line. */
export function dipOverLip(d: Uint8ClampedArray | Uint8Array, lm: number[][]): number {
  const iod = Math.hypot(lm[263]![0]! - lm[33]![0]!, lm[263]![1]! - lm[33]![1]!);
  const cx = lm[13]![0]!, half = Math.abs(lm[308]![0]! - lm[78]![0]!) / 2, top = lm[13]![1]!, bottom = lm[14]![1]!;
  const luma = (x: number, y: number) => { const o = (Math.round(y) * 512 + Math.round(x)) * 4; return 0.299 * d[o]! + 0.587 * d[o + 1]! + 0.114 * d[o + 2]!; };
  const ratios: number[] = [];
  for (let x = Math.round(cx - 0.15 * half); x <= cx + 0.15 * half; x++) {
    let dip = 255;
    for (let y = Math.ceil(top); y <= Math.floor(bottom); y++) dip = Math.min(dip, luma(x, y));
    ratios.push(dip / Math.max(1, luma(x, bottom + 0.03 * iod)));
  }
  return ratios.sort((a, b) => a - b)[ratios.length >> 1]!;
}
