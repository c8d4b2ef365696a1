// Shared by bench/edges.ts and bench/fill.ts: which crop pixels the photo does not cover.
import type { Portrait } from '../src/types.ts';

/** Crop pixels whose centre maps outside the source photo (1 = invented). */
export function outsidePhoto(p: Portrait): Uint8Array {
  const { crop, source } = p.analysis;
  const n = crop.size, k = crop.side / crop.size;
  const m = new Uint8Array(n * n);
  for (let y = 0; y < n; y++) for (let x = 0; x < n; x++) {
    const sx = crop.x + (x + 0.5) * k, sy = crop.y + (y + 0.5) * k;
    m[y * n + x] = sx < 0 || sy < 0 || sx >= source.width || sy >= source.height ? 1 : 0;
  }
  return m;
}
