// A membrane over a hole that is harmonic (each pixel the mean of its neighbours) with the known
// pixels as its border: the smoothest surface through the hole's own border, as a seamless clone
// uses. Unlike a push-pull pyramid, whose coarse levels average whatever is known in a big cell,
// far pixels do not reach in past nearer ones (a wall's middle does not take the colour of a
// table beyond the wall's border).

/**
 * Fills `unknown` pixels of `values` (`channels` floats per pixel) harmonically from the known
 * ones: coarse-to-fine (the coarse solution starts each finer level) with over-relaxed Gauss-Seidel
 * sweeps; image edges are free (no flux). Returns a new array; values unchanged where all unknown.
 */
export function harmonicFill(values: Float32Array, unknown: Uint8Array, w: number, h: number, channels = 3): Float32Array {
  const out = values.slice();
  let known = 0;
  const mean = new Float64Array(channels);
  for (let i = 0; i < w * h; i++) if (!unknown[i]) { known++; for (let c = 0; c < channels; c++) mean[c]! += values[i * channels + c]!; }
  if (known === 0 || known === w * h) return out;
  if (w <= 24 || h <= 24) {
    for (let i = 0; i < w * h; i++) if (unknown[i]) for (let c = 0; c < channels; c++) out[i * channels + c] = mean[c]! / known;
    relax(out, unknown, w, h, channels, 300);
    return out;
  }
  // coarse level: a coarse pixel is known when any of its 4 is (their known mean)
  const cw = Math.ceil(w / 2), ch = Math.ceil(h / 2);
  const cv = new Float32Array(cw * ch * channels), cu = new Uint8Array(cw * ch);
  for (let y = 0; y < ch; y++) for (let x = 0; x < cw; x++) {
    const o = y * cw + x;
    let k = 0;
    for (let q = 0; q < 4; q++) {
      const fx = x * 2 + (q & 1), fy = y * 2 + (q >> 1);
      if (fx >= w || fy >= h) continue;
      const j = fy * w + fx;
      if (unknown[j]) continue;
      k++;
      for (let c = 0; c < channels; c++) cv[o * channels + c]! += values[j * channels + c]!;
    }
    if (k) for (let c = 0; c < channels; c++) cv[o * channels + c]! /= k;
    else cu[o] = 1;
  }
  const coarse = harmonicFill(cv, cu, cw, ch, channels);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
    const i = y * w + x;
    if (!unknown[i]) continue;
    const o = (y >> 1) * cw + (x >> 1);
    for (let c = 0; c < channels; c++) out[i * channels + c] = coarse[o * channels + c]!;
  }
  relax(out, unknown, w, h, channels, 24);
  return out;
}

/** Over-relaxed Gauss-Seidel sweeps of the unknown pixels toward their 4 neighbours' mean. */
function relax(v: Float32Array, unknown: Uint8Array, w: number, h: number, channels: number, sweeps: number): void {
  const omega = 1.7;
  const idx: number[] = [];
  for (let i = 0; i < w * h; i++) if (unknown[i]) idx.push(i);
  // neighbours of each unknown pixel, 4 slots (-1 past the image's edge)
  const nb = new Int32Array(idx.length * 4);
  idx.forEach((i, k) => {
    const x = i % w, y = (i - x) / w;
    nb[k * 4] = x > 0 ? i - 1 : -1;
    nb[k * 4 + 1] = x < w - 1 ? i + 1 : -1;
    nb[k * 4 + 2] = y > 0 ? i - w : -1;
    nb[k * 4 + 3] = y < h - 1 ? i + w : -1;
  });
  for (let s = 0; s < sweeps; s++) {
    for (let k = 0; k < idx.length; k++) {
      const i = idx[k]!;
      for (let c = 0; c < channels; c++) {
        let sum = 0, n = 0;
        for (let q = 0; q < 4; q++) { const j = nb[k * 4 + q]!; if (j >= 0) { sum += v[j * channels + c]!; n++; } }
        const at = i * channels + c;
        v[at] = v[at]! + omega * (sum / n - v[at]!);
      }
    }
  }
}
