// Whether each eye's iris shows between its lids, read off the video's pixels (irisshow56, issue #14). The face mesh
// under-reads one eye of a real blink on a small face: Patrick Stewart (pcavs_Pose_Source_00473, 21-23 px eyes) shuts
// both eyes at f87-89 and the mesh reads them .35 and .62 of rest, where a real wink's open slit reads (Obama2 f81-82 .64,
// f115-116 .60), so the pairing rules kept his blink a half-wink. The lid skin between the mesh's lids of a shut eye is
// lighter than an iris: per eye, columns through the iris's middle are walked from above the mesh's upper lid to below its
// lower lid, and each pixel's darkness under the skin around the eye (less a shadow's) is summed along the column; the
// middle column's sum is the iris showing, in iris diameters. Lashes and a lash line (make-up) are shallow and a pixel or
// two tall; an open eye's iris is dark the height of its opening. The reading is raw: irisShowShares (below) sets it against the same eye's open frames.
import type { RgbaImage } from '../types.ts';
import { eyeAxesOf, lumaBilinear as luma } from './eyeAxes.ts';
import { nearestRank } from '../math/stats.ts';

/** Columns across the iris, at these shares of its radius from its centre along the eye's axis. */
const COLUMNS = [-0.45, -0.22, 0, 0.22, 0.45];
/** The walk starts this many radii above the mesh's upper lid and ends as far below its lower lid (the mesh's lids wander). */
const LID_PAD = 0.3;
/** Step along the walk (px). */
const STEP = 0.25;
/** The skin's light less the box's darkest under this (luma): nothing dark between the lids, no iris. */
const MIN_CONTRAST = 12;
/** Darkness under the skin's light (a share of it) that a lid's shadow or crease makes: not counted. */
const SHADOW = 0.15;


/**
 * One eye's iris show in iris diameters (>= 0; NaN if the eye is not readable): its corners, upper and lower lid middles,
 * iris centre (its four rim points follow it), flat landmarks' indices.
 */
export function irisShowOf(img: RgbaImage, lm: ArrayLike<number>, inner: number, outer: number, upper: number, lower: number, iris: number): number {
  const p = (i: number): [number, number] => [lm[i * 3]!, lm[i * 3 + 1]!];
  const { c, w, r, ux, uy, nx, ny } = eyeAxesOf(lm, inner, outer, iris);
  if (!(w > 4) || !(r > 1.5)) return NaN;
  // heights above the iris centre (along n, up) of the mesh's lids
  const up = (q: [number, number]) => (q[0] - c[0]) * nx + (q[1] - c[1]) * ny;
  const top = Math.max(up(p(upper)), up(p(lower))) + LID_PAD * r, bottom = Math.min(up(p(upper)), up(p(lower))) - LID_PAD * r;
  const at = (along: number, h: number) => luma(img, c[0] + along * ux + h * nx, c[1] + along * uy + h * ny);
  // the skin around the eye: above the box and below it (lid and under-eye), across the iris's width
  const skin: number[] = [], box: number[][] = [];
  for (let s = -1; s <= 1; s += 0.25) for (let t = 0.4; t <= 1.0; t += 0.2) skin.push(at(s * r, top + t * r), at(s * r, bottom - t * r));
  for (const col of COLUMNS) {
    const run: number[] = [];
    for (let h = top; h >= bottom; h -= STEP) run.push(at(col * r, h));
    box.push(run);
  }
  const light = nearestRank(skin, 0.5, NaN);
  if (!(light > MIN_CONTRAST)) return NaN;
  // each column's darkness under the skin past a shadow's, summed along it: an iris is deep and tall, a lash line shallow and thin
  const mass = box.map((col) => col.reduce((s, v) => s + Math.max(0, (light - v) / light - SHADOW), 0) * STEP / (2 * r));
  return nearestRank(mass, 0.5, NaN);
}

/** Both eyes' iris show off the pixels, [subject's left, right] (as eyeWhiteShows; NaN: unread). */
export function irisShows(img: RgbaImage, lm: ArrayLike<number>): [number, number] {
  if (lm.length < 478 * 3) return [NaN, NaN];
  return [irisShowOf(img, lm, 362, 263, 386, 374, 468), irisShowOf(img, lm, 133, 33, 159, 145, 473)];
}
