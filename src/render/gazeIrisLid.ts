// A moved lid's edge over the eyeball (s52 irisedge52). A lowered upper lid (a blink's fall, a squint) or a moved
// lower lid (a stare's drop) is skin triangles over the eyeball's fan, and the z-buffer decides each pixel whole:
// the cut across the iris is the landmarks' polyline in 1-px steps, sharper than any edge the photo has, and
// the lid's last rows carry whatever the photo showed just inside its landmark line (lp_s7's catchlight and iris
// top: light flecks riding on the lowered lid over the dark iris). The slit's cover (slitEdge.ts) and the
// raised lid's (raisedLidEdge.ts) share the crossed pixel along the polyline; a stare's lower lid then still
// cuts a round iris with a hard straight chord (lp_s42 <- lp_d6 f180).
// Here, per column over the iris (the eyeball next to the cut darker than the eye's white), the edge is drawn again along one smooth curve through the lid's
// points (smoothLidLine.ts), as a ramp `width` px wide (the photo's own edges are that soft), from the lid's
// colour `inset` rows in from the raster's cut (the upper lid: its lash, not the photo's eye pixels under it)
// to the eyeball's a row past it. Nothing runs while the lid sits where the photo has it (the rest frame is
// the photo), and the pass fades out as the shut eye comes in over the lid.
import type { RasterTarget } from './raster.ts';
import { mix3 } from './textureSample.ts';
import { polylineYAt } from './slitEdge.ts';
import { smoothLidLine } from './smoothLidLine.ts';
import { lumaOf as luma } from './closedEye/lightCeiling.ts';

/** On: moved lids' edges over the eyeball redrawn along their curve (off: the raster's and the older covers' cut). */
export const lidCurveSetting = { on: true, width: 1.5, upperInset: 2, lowerInset: 0 };

/** The columns this share of the lid's width from either corner are left to the raster (the lids meet there, steep). */
const CORNER_SHARE = 0.12;
/** Rows either side of the curve a column is read over. */
const REACH = 3;
/** A column whose raster cut lies further than this (px) from the curve is left alone (another surface, a fold). */
const MAX_OFF = 2;
/** A column is over the iris where the eyeball next to the cut is under this share of the eye's white's luma (its lightest there). */
const IRIS_OF_WHITE = 0.75;
/** Columns where the curve falls more than this per column are left (the cut steps along rows there). */
const MAX_SLOPE = 1;

/** The lid's share of a pixel row p whose centre lies `d` px on the lid's side of the curve (a ramp `width` px wide). */
export function lidShare(d: number, width: number): number {
  return Math.min(1, Math.max(0, 0.5 + d / Math.max(1e-6, width)));
}

/** How much of the pass a lid gets: its middle points' travel off the photo's place over the eyeball (screen px), full from 1 px. */
export function movedStrength(travelPx: number): number {
  return Math.min(1, Math.max(0, travelPx));
}

const column = new Uint32Array(16);

/**
 * Redraws the lid's edge over the eyeball in place. (xs, ys): the lid's points on screen, corner to corner;
 * `below`: the lid lies below its line (a lower lid); the eyeball is the pixels with 0 < 1/z <= eyeballIz, the
 * lid those over it up to lidIz (a nearer surface is left). `strength` 0..1 from the raster's pixels to the redrawn.
 */
export function coverLidCurve(t: RasterTarget, xs: readonly number[], ys: readonly number[], below: boolean, eyeballIz: number, lidIz: number, strength: number, width = lidCurveSetting.width, inset = below ? lidCurveSetting.lowerInset : lidCurveSetting.upperInset): void {
  if (!(strength > 0) || xs.length < 3) return;
  const W = t.width, H = t.height, color = t.color, depth = t.depth;
  const line = smoothLidLine(xs, ys);
  const xa = Math.min(xs[0]!, xs.at(-1)!), xb = Math.max(xs[0]!, xs.at(-1)!), cut = CORNER_SHARE * (xb - xa);
  // +1 on the lid's side going down the column (upper lid: above, toward smaller p)
  const lidDir = below ? 1 : -1;
  // first each column's cut and the eyeball's light next to it; then only the columns over the iris (darker than
  // the eye's white there) are drawn again: the white beside it keeps the older covers' cut (a stare's band of white)
  const x0 = Math.max(1, Math.ceil(xa + cut)), x1 = Math.min(W - 2, Math.floor(xb - cut));
  if (x1 < x0) return;
  const cuts = new Int32Array(x1 - x0 + 1).fill(-1), lights = new Float64Array(x1 - x0 + 1);
  for (let x = x0; x <= x1; x++) {
    const cx = x + 0.5, y = polylineYAt(line.xs, line.ys, cx);
    if (!(y >= REACH + 2 && y < H - REACH - 2)) continue;
    if (Math.abs(polylineYAt(line.xs, line.ys, cx + 0.5) - polylineYAt(line.xs, line.ys, cx - 0.5)) > MAX_SLOPE) continue;
    // the raster's cut in this column: one change from lid to eyeball within REACH of the curve
    const p0 = Math.floor(y) - REACH, p1 = Math.floor(y) + REACH;
    let cutRow = -1, ok = true, prev = -1;
    for (let p = p0; p <= p1 && ok; p++) {
      const d = depth[p * W + x]!;
      const kind = d > 0 && d <= eyeballIz ? 0 : d > eyeballIz && d <= lidIz ? 1 : 2;
      if (kind === 2) ok = false;
      else if (prev >= 0 && kind !== prev) {
        // going down: lid then eyeball (upper lid) or eyeball then lid (lower lid)
        if (cutRow >= 0 || kind !== (below ? 1 : 0)) ok = false;
        else cutRow = p; // the first row past the change
      }
      prev = kind;
    }
    if (!ok || cutRow < 0) continue;
    // the boundary line between rows cutRow - 1 and cutRow
    if (Math.abs(cutRow - y) > MAX_OFF) continue;
    const eyeRow = below ? cutRow - 2 : cutRow + 1;
    if (eyeRow < 0 || eyeRow >= H) continue;
    cuts[x - x0] = cutRow; lights[x - x0] = luma(color[eyeRow * W + x]!);
  }
  let white = 0;
  for (let k = 0; k < cuts.length; k++) if (cuts[k]! >= 0) white = Math.max(white, lights[k]!);
  for (let x = x0; x <= x1; x++) {
    const cutRow = cuts[x - x0]!;
    if (cutRow < 0 || !(lights[x - x0]! < IRIS_OF_WHITE * white)) continue;
    const y = polylineYAt(line.xs, line.ys, x + 0.5);
    // the lid's colour `inset` rows in from its last raster row (the upper lid's lash), the eyeball's a row past its first
    const lidEnd = below ? cutRow + inset : cutRow - 1 - inset;
    const eyeRow = below ? cutRow - 2 : cutRow + 1;
    const lo = Math.max(0, Math.min(lidEnd, eyeRow, Math.floor(y - width) - 1)), hi = Math.min(H - 1, Math.max(lidEnd, eyeRow, Math.ceil(y + width) + 1));
    if (hi - lo >= column.length || lidEnd < lo || lidEnd > hi || eyeRow < lo) continue;
    const eyeC = color[eyeRow * W + x]!;
    const lidC = color[lidEnd * W + x]!;
    // the rows round the cut drawn again (read first: nothing read is written before)
    for (let p = lo; p <= hi; p++) column[p - lo] = color[p * W + x]!;
    for (let p = lo; p <= hi; p++) {
      // the pixel's centre on the lid's side of the curve by d px
      const d = lidDir * (p + 0.5 - y);
      const a = lidShare(d, width);
      const own = column[p - lo]!;
      // the eyeball's own pixel where the raster gave it the eyeball (past its source row), else the source's colour;
      // the lid's own pixel where the raster gave it the lid, but within `inset` rows of the cut no lighter than the
      // lid's colour there (a catchlight or white the photo showed just inside its lid line, carried down on the lid)
      const rasterLid = below ? p >= cutRow : p < cutRow, onEye = below ? p <= eyeRow : p >= eyeRow;
      const inInset = below ? p <= lidEnd : p >= lidEnd;
      const lidHere = !rasterLid ? lidC : inInset && luma(own) > luma(lidC) ? lidC : own;
      const eyeHere = onEye ? own : eyeC;
      const drawn = mix3(lidHere, a, eyeHere, 1 - a, 0, 0);
      color[p * W + x] = strength >= 1 ? drawn : mix3(own, 1 - strength, drawn, strength, 0, 0);
    }
  }
}

/** The eyeball's pixels are at most this share of the nearest-lying lid point's 1/z (set back, depth-biased by .99: as wideEyes.ts). */
const EYEBALL_BELOW = 0.995;
/** The lid's pixels are at most this share over its nearest landmark's 1/z (a nose in front of a turned eye is not drawn on). */
const LID_NEAR = 1.02;

/** One eye's lids (landmarks corner to corner) and which blink closure is its (closure[0] the image-left eye, EYE_R). */
export interface LidPair { upper: readonly number[]; lower: readonly number[]; closureSide: number }

/**
 * Both lids of each eye redrawn along their curves where they moved off the photo's place: `cropDisp` the
 * landmarks' expression displacement (crop px, x y z per landmark), `S` screen px per crop px, `fade` per
 * closure side the share left once the shut eye's lid shows (1 - shutEyeShown(c).lid). A raised upper lid is
 * left to raisedLidEdge.ts (only a lowered one's travel counts here).
 */
export function coverMovedLids(t: RasterTarget, eyes: readonly LidPair[], sx: ArrayLike<number>, sy: ArrayLike<number>, siz: ArrayLike<number>, cropDisp: ArrayLike<number>, S: number, fade: readonly [number, number]): void {
  if (!lidCurveSetting.on) return;
  for (const eye of eyes) {
    const f = fade[eye.closureSide]!;
    if (!(f > 0)) continue;
    let near = 0, far = Infinity;
    for (const i of [...eye.upper, ...eye.lower]) { near = Math.max(near, siz[i]!); far = Math.min(far, siz[i]!); }
    const travel = (lid: readonly number[], down: boolean) => {
      let m = 0;
      for (let q = 1; q + 1 < lid.length; q++) { const dy = cropDisp[lid[q]! * 3 + 1]! * S; m = Math.max(m, down ? dy : Math.abs(dy)); }
      return m;
    };
    for (const [lid, below] of [[eye.upper, false], [eye.lower, true]] as const) {
      const s = movedStrength(travel(lid, !below)) * f;
      if (s > 0) coverLidCurve(t, lid.map((i) => sx[i]!), lid.map((i) => sy[i]!), below, EYEBALL_BELOW * far, LID_NEAR * near, s);
    }
  }
}
