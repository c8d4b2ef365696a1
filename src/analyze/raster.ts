// Small raster kernels over typed arrays: polygon fill, box blur, dilation, connected components,
// chamfer distance to a region.

/** Sets mask[i] = value for pixels whose centre is inside the polygon (even-odd rule, scanline). */
export function fillPolygon(mask: Uint8Array, width: number, height: number, poly: Float64Array, value = 1): void {
  const n = poly.length / 2;
  const xs: number[] = [];
  for (let y = 0; y < height; y++) {
    const cy = y + 0.5;
    xs.length = 0;
    for (let i = 0, j = n - 1; i < n; j = i++) {
      const yi = poly[i * 2 + 1]!, yj = poly[j * 2 + 1]!;
      if ((yi > cy) !== (yj > cy)) {
        const xi = poly[i * 2]!, xj = poly[j * 2]!;
        xs.push(xi + ((cy - yi) / (yj - yi)) * (xj - xi));
      }
    }
    xs.sort((a, b) => a - b);
    for (let k = 0; k + 1 < xs.length; k += 2) {
      const x0 = Math.max(0, Math.ceil(xs[k]! - 0.5));
      const x1 = Math.min(width - 1, Math.floor(xs[k + 1]! - 0.5));
      for (let x = x0; x <= x1; x++) mask[y * width + x] = value;
    }
  }
}

/** Separable box blur of a float image, radius r, edges clamped. Returns a new array. */
export function boxBlur(src: Float32Array, width: number, height: number, r: number): Float32Array {
  if (r <= 0) return src.slice();
  const tmp = new Float32Array(src.length);
  const out = new Float32Array(src.length);
  const norm = 1 / (2 * r + 1);
  for (let y = 0; y < height; y++) {
    const row = y * width;
    let acc = 0;
    for (let k = -r; k <= r; k++) acc += src[row + Math.min(width - 1, Math.max(0, k))]!;
    for (let x = 0; x < width; x++) {
      tmp[row + x] = acc * norm;
      acc += src[row + Math.min(width - 1, x + r + 1)]! - src[row + Math.max(0, x - r)]!;
    }
  }
  for (let x = 0; x < width; x++) {
    let acc = 0;
    for (let k = -r; k <= r; k++) acc += tmp[Math.min(height - 1, Math.max(0, k)) * width + x]!;
    for (let y = 0; y < height; y++) {
      out[y * width + x] = acc * norm;
      acc += tmp[Math.min(height - 1, y + r + 1) * width + x]! - tmp[Math.max(0, y - r) * width + x]!;
    }
  }
  return out;
}

/** Binary dilation by a square of radius r (two 1-D passes of running counts). */
export function dilate(mask: Uint8Array, width: number, height: number, r: number): Uint8Array {
  if (r <= 0) return mask.slice();
  const tmp = new Uint8Array(mask.length);
  const out = new Uint8Array(mask.length);
  for (let y = 0; y < height; y++) {
    const row = y * width;
    let count = 0;
    for (let k = 0; k <= Math.min(r, width - 1); k++) count += mask[row + k]!;
    for (let x = 0; x < width; x++) {
      tmp[row + x] = count > 0 ? 1 : 0;
      if (x + r + 1 < width) count += mask[row + x + r + 1]!;
      if (x - r >= 0) count -= mask[row + x - r]!;
    }
  }
  for (let x = 0; x < width; x++) {
    let count = 0;
    for (let k = 0; k <= Math.min(r, height - 1); k++) count += tmp[k * width + x]!;
    for (let y = 0; y < height; y++) {
      out[y * width + x] = count > 0 ? 1 : 0;
      if (y + r + 1 < height) count += tmp[(y + r + 1) * width + x]!;
      if (y - r >= 0) count -= tmp[(y - r) * width + x]!;
    }
  }
  return out;
}

/**
 * Keeps only the 4-connected components of `mask` that contain at least one pixel of `seed`.
 * Returns the kept mask.
 */
export function keepComponentsTouching(mask: Uint8Array, seed: Uint8Array, width: number, height: number): Uint8Array {
  const kept = new Uint8Array(mask.length);
  const stack = new Int32Array(mask.length);
  for (let start = 0; start < mask.length; start++) {
    if (!seed[start] || !mask[start] || kept[start]) continue;
    let top = 0;
    stack[top++] = start;
    kept[start] = 1;
    while (top > 0) {
      const i = stack[--top]!;
      const x = i % width, y = (i - x) / width;
      if (x > 0 && mask[i - 1] && !kept[i - 1]) { kept[i - 1] = 1; stack[top++] = i - 1; }
      if (x < width - 1 && mask[i + 1] && !kept[i + 1]) { kept[i + 1] = 1; stack[top++] = i + 1; }
      if (y > 0 && mask[i - width] && !kept[i - width]) { kept[i - width] = 1; stack[top++] = i - width; }
      if (y < height - 1 && mask[i + width] && !kept[i + width]) { kept[i + width] = 1; stack[top++] = i + width; }
    }
  }
  return kept;
}

/**
 * Chamfer distance (px, 3-4 weights / 3) of every pixel to the nearest pixel where `outside` is
 * true, capped at `cap`. Two raster passes.
 */
export function distanceToOutside(outside: (i: number) => boolean, w: number, h: number, cap: number): Float32Array {
  const big = cap * 3;
  const d = new Float32Array(w * h);
  for (let i = 0; i < w * h; i++) d[i] = outside(i) ? 0 : big;
  const relax = (i: number, j: number, cost: number) => { if (d[j]! + cost < d[i]!) d[i] = d[j]! + cost; };
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
    const i = y * w + x;
    if (x > 0) relax(i, i - 1, 3);
    if (y > 0) { relax(i, i - w, 3); if (x > 0) relax(i, i - w - 1, 4); if (x < w - 1) relax(i, i - w + 1, 4); }
  }
  for (let y = h - 1; y >= 0; y--) for (let x = w - 1; x >= 0; x--) {
    const i = y * w + x;
    if (x < w - 1) relax(i, i + 1, 3);
    if (y < h - 1) { relax(i, i + w, 3); if (x < w - 1) relax(i, i + w + 1, 4); if (x > 0) relax(i, i + w - 1, 4); }
  }
  for (let i = 0; i < w * h; i++) d[i] = Math.min(cap, d[i]! / 3);
  return d;
}
