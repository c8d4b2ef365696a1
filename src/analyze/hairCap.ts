// The top of a head cut by the photo's top edge, completed in the continued matte (extend.ts):
// a rounded cap of hair grown from the widest person run of the first real row. Its outline is
// not a smooth ellipse: it wanders and frays as much as the photo's own hair outline does just
// below the cut (measured: how far the outline strays from its running mean, and how wide its soft
// fringe is), with a few finer jags where strands stick out. The synthesis then fills the cap with
// hair patches that carry real strands and real outline pieces.
import { CHIN, FOREHEAD_TOP } from './landmarks.ts';
import { mulberry32 } from '../math/random.ts';

type Landmarks = readonly (readonly number[])[];

/** How the photo's hair outline looks just below the cut (pixels). */
export interface OutlineLook {
  /** RMS distance of the outline from its running mean */
  roughness: number;
  /** width of the soft fringe (matte between 0.1 and 0.9) */
  fringe: number;
}

/**
 * The outline's look on rows y0 .. y0 + rows of the real matte: the left and right ends of the
 * person run around x = centre on each row.
 */
export function outlineLook(m: Float32Array, w: number, y0: number, rows: number, centre: number): OutlineLook {
  const h = m.length / w;
  const lefts: number[] = [], rights: number[] = [];
  let fringe = 0, fringeRows = 0;
  for (let y = y0; y < Math.min(h, y0 + rows); y++) {
    const c = Math.round(Math.min(w - 1, Math.max(0, centre)));
    if (m[y * w + c]! < 0.5) continue;
    let l = c, r = c;
    while (l > 0 && m[y * w + l - 1]! >= 0.5) l--;
    while (r < w - 1 && m[y * w + r + 1]! >= 0.5) r++;
    lefts.push(l); rights.push(r);
    // the soft fringe beyond each end
    for (const [from, dir] of [[l, -1], [r, 1]] as const) {
      let n = 0;
      for (let x = from + dir; x >= 0 && x < w && n < 20; x += dir) { const v = m[y * w + x]!; if (v < 0.1) break; if (v < 0.9) n++; }
      fringe += n; fringeRows++;
    }
  }
  const wander = (xs: number[]) => xs.map((x, k) => {
    const win = xs.slice(Math.max(0, k - 4), k + 5);
    return (x - win.reduce((a, b) => a + b, 0) / win.length) ** 2;
  });
  const dev = [...wander(lefts), ...wander(rights)];
  return {
    roughness: dev.length ? Math.sqrt(dev.reduce((a, b) => a + b, 0) / dev.length) : 0,
    fringe: fringeRows ? fringe / fringeRows : 0,
  };
}

/** Smooth 1-D value noise in [-1, 1] along an arc, periodic in nothing: sum of octaves with the given periods (px) and weights. */
function arcNoise(length: number, periods: readonly number[], weights: readonly number[], seed: number): Float32Array {
  const random = mulberry32(seed);
  const out = new Float32Array(Math.max(1, Math.ceil(length)) + 1);
  let total = 0;
  periods.forEach((period, o) => {
    const knots = Float32Array.from({ length: Math.ceil(out.length / period) + 2 }, () => random() * 2 - 1);
    for (let u = 0; u < out.length; u++) {
      const f = u / period, k = Math.floor(f), t = f - k, s = t * t * (3 - 2 * t);
      out[u]! += weights[o]! * (knots[k]! * (1 - s) + knots[k + 1]! * s);
    }
    total += weights[o]!;
  });
  for (let u = 0; u < out.length; u++) out[u] = out[u]! / total;
  return out;
}

/**
 * The widest run of person on the first real row (gaps under 8% of the width closed) grows a
 * rounded cap upward into `out` (the continued matte, rows above y0). `real` is the photo's own
 * matte (its outline below the cut sets how ragged and soft the cap's outline is).
 */
export function addHairCap(out: Float32Array, real: Float32Array, w: number, y0: number, top: Float32Array, lm: Landmarks): void {
  const faceLength = Math.hypot(lm[CHIN]![0]! - lm[FOREHEAD_TOP]![0]!, lm[CHIN]![1]! - lm[FOREHEAD_TOP]![1]!);
  const headTop = lm[CHIN]![1]! - 1.55 * faceLength;
  const gap = Math.round(w * 0.08);
  let best: [number, number] | null = null;
  for (let x = 0; x < w; ) {
    if (top[x]! < 0.5) { x++; continue; }
    let end = x;
    for (let k = x; k < w && k <= end + gap; k++) if (top[k]! >= 0.5) end = k;
    if (!best || end - x > best[1] - best[0]) best = [x, end];
    x = end + 1;
  }
  if (!best || best[1] - best[0] < 0.3 * faceLength) return;
  const half = (best[1] - best[0] + 1) / 2, centre = (best[0] + best[1] + 1) / 2;
  // The outline's slope just below the cut says how close the top of the head is: an outline that
  // widens fast going down is near the crown (a low cap), a vertical one is far from it.
  const probe = Math.max(4, Math.round(0.06 * faceLength));
  const below = halfWidthAt(out, w, y0 + probe, centre);
  const slope = Math.max(0.1, (below - half) / probe);
  const capH = Math.max(0.12 * half, Math.min(0.7 * half, 0.6 * half / slope, Math.max(0.12 * half, y0 - headTop)));
  // the base sits a few rows inside the photo, so the first real rows (matted next to the padding) join it seamlessly
  const base = y0 + Math.max(3, probe >> 1);
  // the photo's own outline: its wander (at least 1 px, at most 6% of the cap's half width) and fringe (2-8 px)
  const look = outlineLook(real, w, y0 + 2, 3 * probe, centre);
  const wander = Math.min(0.06 * half, Math.max(1, 1.5 * look.roughness));
  const soft = Math.min(8, Math.max(2, look.fringe + 1));
  // noise along the outline (arc length ~ the half-ellipse's): broad waves, locks, strand tips
  const arc = Math.PI * (half + capH) / 2;
  const noise = arcNoise(arc, [Math.max(8, half / 2), 10, 3], [1, 0.6, 0.35], Math.round(centre * 31 + y0));
  const reach = wander * 2 + soft;
  for (let y = base - 1; y >= 0; y--) {
    const dy = (base - (y + 0.5)) / capH;
    if (dy > 1 + reach / capH) break;
    for (let px = Math.max(0, Math.floor(centre - half - reach)); px <= Math.min(w - 1, Math.ceil(centre + half + reach)); px++) {
      const dx = (px + 0.5 - centre) / half;
      const rho = Math.hypot(dx, dy);
      // distance to the ellipse in pixels (rho's level sets, divided by rho's gradient), moved by the noise at this angle
      const grad = Math.hypot(dx / half, dy / capH) / Math.max(1e-6, rho);
      const angle = Math.atan2(dy, dx); // 0 (right) .. pi (left)
      const n = noise[Math.min(noise.length - 1, Math.round((angle / Math.PI) * arc))]!;
      const inside = (1 - rho) / Math.max(1e-6, grad) + wander * 2 * n;
      const a = Math.min(1, Math.max(0, 0.5 + inside / soft));
      out[y * w + px] = Math.max(out[y * w + px]!, a);
    }
  }
}

/** Half the width of the person (matte >= 0.5) on row y around x = centre. */
export function halfWidthAt(m: Float32Array, w: number, y: number, centre: number): number {
  const c = Math.round(Math.min(w - 1, Math.max(0, centre)));
  let l = c, r = c;
  while (l > 0 && m[y * w + l - 1]! >= 0.5) l--;
  while (r < w - 1 && m[y * w + r + 1]! >= 0.5) r++;
  return (r - l + 1) / 2;
}
