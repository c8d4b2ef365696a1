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
// s53 (chord53): a gazed iris over a straight lower lid. The mesh's lower lid is straight under the iris (lp_s42:
// three landmarks on one line); at rest the photo's own round iris bottom shows past a short flat run, but a
// side glance slides the iris along the straight run and the cut becomes a 15-20 px chord (lp_s42 <- lp_d6 f180).
// A real lower lid is an arc: over the iris's run of columns the cut is raised toward the run's ends along a
// circle of radius SAG_RADIUS x the eye's width (only raised: lid colour over iris pixels), by the iris's shift.
import type { RasterTarget } from './raster.ts';
import { mix3 } from './textureSample.ts';
import { polylineYAt } from './slitEdge.ts';
import { smoothLidLine } from './smoothLidLine.ts';
import { lumaOf as luma } from './closedEye/lightCeiling.ts';

/** On: moved lids' edges over the eyeball redrawn along their curve (off: the raster's and the older covers' cut). */
export const lidCurveSetting = { on: true, width: 1.5, upperInset: 2, lowerInset: 0 };

/** On: a gazed iris's cut by the lower lid drawn along an arc raised toward the iris run's ends (off, the default: the lid's straight line; on, mt_man's lower lashes were raised into the iris as pale stripes, s53-chord53.md). */
export const lidSagSetting = { on: false, radius: 0.5, inset: 2 };

/** The cut is raised at most this far (px): a deeper dip would be the lid's own shape, not a rounded chord. */
const MAX_RAISE = 2;

/** The iris's run [first, last] (indices into the columns; -1 when none) and its threshold: the longest run of cut columns (those with cut >= 0) darker than halfway from the darkest to `white`. */
export function irisRun(cuts: ArrayLike<number>, lights: ArrayLike<number>, white: number): [number, number, number] {
  let dark = Infinity;
  for (let k = 0; k < cuts.length; k++) if (cuts[k]! >= 0) dark = Math.min(dark, lights[k]!);
  const t = (dark + white) / 2;
  let best: [number, number] = [-1, -1], a = -1, b = -1;
  for (let k = 0; k <= cuts.length; k++) {
    if (k < cuts.length && cuts[k]! < 0) continue;
    if (k < cuts.length && lights[k]! < t) { if (a < 0) a = k; b = k; continue; }
    if (a >= 0 && b - a > best[1] - best[0]) best = [a, b];
    a = -1;
  }
  return [best[0], best[1], t];
}

/** Whether the iris's side shows past run end `k` going `dir` (-1, +1): a cut column within 2 beyond it as light as `t` (the white). */
export function sideShows(cuts: ArrayLike<number>, lights: ArrayLike<number>, k: number, dir: number, t: number): boolean {
  for (let j = k + dir; Math.abs(j - k) <= 2 && j >= 0 && j < cuts.length; j += dir) if (cuts[j]! >= 0) return lights[j]! >= t;
  return false;
}

/** How far (px, >= 0) the cut is raised at a column `off` px from the iris run's middle (half-length `half`), on an arc of radius `radius` px. */
export function sagRaise(off: number, half: number, radius: number): number {
  const o = Math.min(Math.abs(off), Math.max(0, half));
  return radius > 0 ? Math.min(MAX_RAISE, radius - Math.sqrt(Math.max(0, radius * radius - o * o))) : 0;
}

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
export function coverLidCurve(t: RasterTarget, xs: readonly number[], ys: readonly number[], below: boolean, eyeballIz: number, lidIz: number, strength: number, width = lidCurveSetting.width, inset = below ? lidCurveSetting.lowerInset : lidCurveSetting.upperInset, sag = 0): void {
  if (!(strength > 0 || sag > 0) || xs.length < 3) return;
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
  // the iris's run of columns: the longest one darker than halfway from its darkest to the eye's white (a shaded
  // white beside it is darker than IRIS_OF_WHITE too); columns without a cut neither end nor count in it
  // the cut rises toward an end only where the iris's side meets the white past it (a run ending at a dark corner or
  // shadow would step up there: st_art_1 f60): both ends, an arc round the middle; one, half an arc from the other end
  const [ia, ib, tr] = irisRun(cuts, lights, white);
  const openA = ia >= 0 && sideShows(cuts, lights, ia, -1, tr), openB = ia >= 0 && sideShows(cuts, lights, ib, 1, tr);
  // and only a skin lid: a waterline (or painted white) under the run lighter than the eye's white would be raised
  // into the iris as a pale block (st_art_1 gaze dr)
  let lidLum = 0, n = 0;
  for (let k = Math.max(0, ia); k <= ib; k++) if (cuts[k]! >= 0) { const p = Math.min(H - 1, cuts[k]! + lidSagSetting.inset); lidLum += luma(color[p * W + x0 + k]!); n++; }
  const skinLid = n > 0 && lidLum / n < white;
  // without the arc the pass is the lid's own (its travel's strength, the lid's first row), as before
  const arc = below && sag > 0 && skinLid && ia >= 0, k = arc ? Math.max(strength, sag) : strength;
  if (!(k > 0)) return;
  const radius = lidSagSetting.radius * (xb - xa), len = ib - ia + 1;
  const raiseAt = (cx: number) => !skinLid ? 0 : openA && openB ? sagRaise(cx - (x0 + ia + len / 2), len / 2, radius)
    : openB ? sagRaise(cx - (x0 + ia), len, radius) : openA ? sagRaise(x0 + ib + 1 - cx, len, radius) : 0;
  for (let x = x0; x <= x1; x++) {
    const cutRow = cuts[x - x0]!;
    if (cutRow < 0 || !(lights[x - x0]! < IRIS_OF_WHITE * white)) continue;
    // a gazed iris's run under the lower lid: the cut raised along the arc, the lid's colour from under the carried iris rows
    const inRun = arc && x - x0 >= ia && x - x0 <= ib;
    const y = polylineYAt(line.xs, line.ys, x + 0.5) - (inRun ? sag * raiseAt(x + 0.5) : 0);
    // the lid's colour `inset` rows in from its last raster row (the upper lid's lash), the eyeball's a row past its first
    const lidEnd = below ? cutRow + (inRun ? Math.max(inset, lidSagSetting.inset) : inset) : cutRow - 1 - inset;
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
      // (the lower lid's: no darker, the photo's iris bottom carried on the lid under a moved iris)
      const lidHere = !rasterLid ? lidC : inInset && (below ? luma(own) < luma(lidC) : luma(own) > luma(lidC)) ? lidC : own;
      const eyeHere = onEye ? own : eyeC;
      const drawn = mix3(lidHere, a, eyeHere, 1 - a, 0, 0);
      color[p * W + x] = k >= 1 ? drawn : mix3(own, 1 - k, drawn, k, 0, 0);
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
export function coverMovedLids(t: RasterTarget, eyes: readonly LidPair[], sx: ArrayLike<number>, sy: ArrayLike<number>, siz: ArrayLike<number>, cropDisp: ArrayLike<number>, S: number, fade: readonly [number, number], irisShift: readonly number[] = []): void {
  if (!lidCurveSetting.on) return;
  for (const [e, eye] of eyes.entries()) {
    const f = fade[eye.closureSide]!;
    if (!(f > 0)) continue;
    let near = 0, far = Infinity;
    for (const i of [...eye.upper, ...eye.lower]) { near = Math.max(near, siz[i]!); far = Math.min(far, siz[i]!); }
    const travel = (lid: readonly number[], down: boolean) => {
      let m = 0;
      for (let q = 1; q + 1 < lid.length; q++) { const dy = cropDisp[lid[q]! * 3 + 1]! * S; m = Math.max(m, down ? dy : Math.abs(dy)); }
      return m;
    };
    // the iris moved off its photo place (texture px, full from 1): the lower lid's cut over it drawn along its arc
    const gazed = lidSagSetting.on ? movedStrength(irisShift[e] ?? 0) : 0;
    for (const [lid, below] of [[eye.upper, false], [eye.lower, true]] as const) {
      const s = movedStrength(travel(lid, !below)) * f, sag = below ? gazed * f : 0;
      if (s > 0 || sag > 0) coverLidCurve(t, lid.map((i) => sx[i]!), lid.map((i) => sy[i]!), below, EYEBALL_BELOW * far, LID_NEAR * near, s, undefined, undefined, sag);
    }
  }
}
