// The white a driver's upper lid shows above the iris, read off the video's pixels (stare40, issue #14). The face
// mesh's own reading (scleraShow.ts: the lid landmark over the iris ring) is held near an average eye: on lp_d6, who
// stares with white all round both irises at f130-133, f140-144, f162-170 and keeps her lids on the irises' tops at
// f116-128, the mesh reads -.16..+.03 at both (and -.10..+.08 at f162-164, the gaze-coupled lid of lash38), so the
// stare rules never saw those stares. Here, per eye, columns through the iris's middle are walked up from inside the
// iris: the first bright run (lighter than half way from the iris's dark to the eye's white) that starts at the
// iris's top is the white above it; its length in iris diameters is the show (0 where the lid sits on the iris).
import type { RgbaImage } from '../types.ts';
import { eyeAxesOf, lumaBilinear as luma } from './eyeAxes.ts';

/** Columns across the iris, at these shares of its radius from its centre (the middle: a lid's apex is round). */
const COLUMNS = [-0.45, -0.22, 0, 0.22, 0.45];
/** A run of white counts when it starts between these shares of the radius above the iris's centre (its top at 1). */
const RUN_FROM = 0.6, RUN_TO = 1.35;
/** The walk ends this many radii above the centre (a stare's white reaches ~1.6). */
const WALK_TO = 2.8;
/** Step along the walk (px). */
const STEP = 0.25;

const pct = (v: number[], p: number) => { const s = v.slice().sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? NaN; };

/** One eye's show in iris diameters (>= 0; NaN if the eye is not readable): corners, iris centre and its four rim points, flat landmarks' indices. */
export function eyeWhiteShowOf(img: RgbaImage, lm: ArrayLike<number>, inner: number, outer: number, iris: number): number {
  const { c, w, r, ux, uy, nx, ny } = eyeAxesOf(lm, inner, outer, iris);
  if (!(w > 4) || !(r > 2)) return NaN;
  const at = (along: number, up: number) => luma(img, c[0] + along * ux + up * nx, c[1] + along * uy + up * ny);
  // the iris's dark (inside .6 of its radius) and the eye's white beside it (1.3-1.9 radii out, either side, at the centre's height)
  const irisL: number[] = [], whiteL: number[] = [];
  for (let s = -0.6; s <= 0.6; s += 0.15) for (let t = -0.6; t <= 0.6; t += 0.15) irisL.push(at(s * r, t * r));
  for (const side of [-1, 1]) for (let s = 1.3; s <= 1.9; s += 0.1) for (let t = -0.3; t <= 0.3; t += 0.15) whiteL.push(at(side * s * r, t * r));
  const dark = pct(irisL, 0.3), white = pct(whiteL, 0.85);
  if (!(white - dark > 20)) return NaN;
  const bright = (dark + white) / 2;
  const runs = COLUMNS.map((col) => {
    let best = 0, start = -1;
    for (let t = RUN_FROM * r; t <= WALK_TO * r; t += STEP) {
      const lit = at(col * r, t) > bright;
      if (lit && start < 0) start = t;
      if ((!lit || t + STEP > WALK_TO * r) && start >= 0) {
        if (start <= RUN_TO * r) best = Math.max(best, t - start);
        start = -1;
      }
    }
    return best / (2 * r);
  });
  return pct(runs, 0.5);
}

/** Both eyes' show off the pixels, [subject's left, right] (as scleraShows). */
export function eyeWhiteShows(img: RgbaImage, lm: ArrayLike<number>): [number, number] {
  if (lm.length < 478 * 3) return [NaN, NaN];
  return [eyeWhiteShowOf(img, lm, 362, 263, 468), eyeWhiteShowOf(img, lm, 133, 33, 473)];
}
