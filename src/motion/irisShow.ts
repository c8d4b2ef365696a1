// Whether each eye's iris shows between its lids, read off the video's pixels (irisshow56, issue #14). The face mesh
// under-reads one eye of a real blink on a small face: Patrick Stewart (pcavs_Pose_Source_00473, 21-23 px eyes) shuts
// both eyes at f87-89 and the mesh reads them .35 and .62 of rest, where a real wink's open slit reads (Obama2 f81-82 .64,
// f115-116 .60), so the pairing rules kept his blink a half-wink. The lid skin between the mesh's lids of a shut eye is
// lighter than an iris: per eye, columns through the iris's middle are walked from above the mesh's upper lid to below its
// lower lid, and the longest dark run (darker than half way from the box's darkest to the skin around the eye) is the
// iris showing, in iris diameters. Lashes and a lash line (make-up) make a run of a pixel or two; an open eye's iris the
// height of its opening. The reading is raw: irisShowShares (below) sets it against the same eye's open frames.
import type { RgbaImage } from '../types.ts';

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

const luma = (img: RgbaImage, x: number, y: number): number => {
  const x0 = Math.max(0, Math.min(img.width - 2, Math.floor(x))), y0 = Math.max(0, Math.min(img.height - 2, Math.floor(y)));
  const fx = Math.min(1, Math.max(0, x - x0)), fy = Math.min(1, Math.max(0, y - y0));
  const at = (xx: number, yy: number) => { const o = (yy * img.width + xx) * 4; return 0.299 * img.data[o]! + 0.587 * img.data[o + 1]! + 0.114 * img.data[o + 2]!; };
  return (1 - fy) * ((1 - fx) * at(x0, y0) + fx * at(x0 + 1, y0)) + fy * ((1 - fx) * at(x0, y0 + 1) + fx * at(x0 + 1, y0 + 1));
};
const pct = (v: number[], p: number) => { const s = v.slice().sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? NaN; };

/**
 * One eye's iris show in iris diameters (>= 0; NaN if the eye is not readable): its corners, upper and lower lid middles,
 * iris centre (its four rim points follow it), flat landmarks' indices.
 */
export function irisShowOf(img: RgbaImage, lm: ArrayLike<number>, inner: number, outer: number, upper: number, lower: number, iris: number): number {
  const p = (i: number): [number, number] => [lm[i * 3]!, lm[i * 3 + 1]!];
  const a = p(inner), b = p(outer), c = p(iris);
  const w = Math.hypot(b[0] - a[0], b[1] - a[1]);
  const r = [1, 2, 3, 4].reduce((s, k) => s + Math.hypot(p(iris + k)[0] - c[0], p(iris + k)[1] - c[1]), 0) / 4;
  if (!(w > 4) || !(r > 1.5)) return NaN;
  const ux = (b[0] - a[0]) / w, uy = (b[1] - a[1]) / w;
  let nx = uy, ny = -ux;
  if (ny > 0) { nx = -nx; ny = -ny; }
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
  const light = pct(skin, 0.5);
  if (!(light > MIN_CONTRAST)) return NaN;
  // each column's darkness under the skin past a shadow's, summed along it: an iris is deep and tall, a lash line shallow and thin
  const mass = box.map((col) => col.reduce((s, v) => s + Math.max(0, (light - v) / light - SHADOW), 0) * STEP / (2 * r));
  return pct(mass, 0.5);
}

/** Both eyes' iris show off the pixels, [subject's left, right] (as eyeWhiteShows; NaN: unread). */
export function irisShows(img: RgbaImage, lm: ArrayLike<number>): [number, number] {
  if (lm.length < 478 * 3) return [NaN, NaN];
  return [irisShowOf(img, lm, 362, 263, 386, 374, 468), irisShowOf(img, lm, 133, 33, 159, 145, 473)];
}
