// A raised lid's liner lighter as the lid rolls up (arch41). A lid going up rolls back under its fold: seen from the
// front its lash line and liner are foreshortened, a lighter, thinner line. Raised, lp_s42's image-left lid (her own
// heavy liner, depth .73 at rest) kept the liner's full darkness along the raised arch (a crisp 3-4 px core, luma
// 43-51: arch40, the lid mesh's own texture cut sharp over the bright redrawn white): a heavy dark "liner" arch over
// a stare, where the driver's raised lid shows a thin line (depth .2-.45). Here, on screen after the raster and the
// drawn lash line, each pixel of the lid (not the eyeball: an iris is dark by nature) near the raised line darker
// than a floor is mixed toward the lid skin's colour (read over the line, one per eye) until it reaches the floor:
// the floor goes from the photo's lash line's darkest (raisedLidEdge.ts photoLashLine) toward the skin by `lift`
// times the raise; fading out toward the corners (the lid barely moves there). (Scaling the pixel's own RGB instead
// turned lp_s5's dark iris top magenta.)
import type { RasterTarget } from './raster.ts';
import { polylineYAt } from './slitEdge.ts';

/** On: the raised liner is lightened (default off, arch41: lp_s42 lighter, but st_happy's smoky liner became a flat brown band / a grey smudge over a thin black line; as before s41); `lift` the share of the way from the lash's darkest to the skin at a full raise. */
export const raisedLinerSetting = { on: false, lift: 0.4 };
/** The raise (eyeWide over the photo's) at which the liner is lightened by the whole `lift`. */
const FULL_RAISE = 0.6;
/** The lid skin is read this far above the line (eye widths): its median luma. */
const SKIN_FROM = 0.3, SKIN_TO = 0.15;

/** The band limited: this share of the eye's width above the line and under it (the lid's pixels only). */
const ABOVE = 0.1, BELOW = 0.04;
/** The limit fades in over this share of the line's length from either corner. */
const TAPER = 0.2;

const lum = (c: number) => 0.299 * (c & 255) + 0.587 * ((c >>> 8) & 255) + 0.114 * ((c >>> 16) & 255);

/** A packed RGBA colour `c` (alpha kept) mixed toward the packed colour `to` (luma `toLum`) so its luma reaches `floor`, by share s (0..1); left when already as light. */
export function lightenTo(c: number, floor: number, s: number, to: number, toLum = lum(to)): number {
  const l = lum(c);
  if (!(s > 0) || l >= floor || toLum <= l) return c;
  const a = s * Math.min(1, (floor - l) / (toLum - l));
  const ch = (k: number) => Math.round((1 - a) * ((c >>> (8 * k)) & 255) + a * ((to >>> (8 * k)) & 255));
  return (ch(0) | (ch(1) << 8) | (ch(2) << 16) | (c & 0xff000000)) >>> 0;
}

/** The floor's share of the way from the lash's darkest to the skin at `raise`. */
export function linerLift(raise: number): number {
  return raisedLinerSetting.lift * Math.min(1, Math.max(0, raise) / FULL_RAISE);
}

/**
 * In place: the pixels within ABOVE / BELOW eye widths of the raised lid line (xs, ys on screen, corner to
 * corner) and on the lid (eyeballIz < 1/z <= maxIz) lightened to the floor: `lash` the photo's lash line's darkest luma,
 * the way linerLift(raise) from it to the lid skin's luma (one per eye); `strength` 0..1 (the raise's fade-in).
 */
export function limitRaisedLiner(t: RasterTarget, xs: ArrayLike<number>, ys: ArrayLike<number>, lash: number, raise: number, eyeballIz: number, maxIz: number, strength: number): void {
  const lift = linerLift(raise);
  if (!raisedLinerSetting.on || !(strength > 0) || !(lift > 0)) return;
  const W = t.width, H = t.height, color = t.color, depth = t.depth;
  const n = xs.length;
  const xa = Math.min(xs[0]!, xs[n - 1]!), xb = Math.max(xs[0]!, xs[n - 1]!);
  const ew = Math.hypot(xs[n - 1]! - xs[0]!, ys[n - 1]! - ys[0]!), span = Math.max(1, xb - xa);
  // the lid skin over the line: one colour per eye, the median-luma pixel of the middle columns' skin rows (read per
  // column, st_happy's lashes over its lid made the floor change column to column: stripes)
  const skinPx: number[] = [];
  for (let x = Math.max(0, Math.ceil(xa + TAPER * span)); x <= Math.min(W - 1, Math.floor(xb - TAPER * span)); x++) {
    const y = polylineYAt(xs, ys, x + 0.5);
    if (!Number.isFinite(y)) continue;
    for (let p = Math.max(0, Math.floor(y - SKIN_FROM * ew)); p <= Math.min(H - 1, Math.ceil(y - SKIN_TO * ew)); p++) skinPx.push(color[p * W + x]!);
  }
  if (!skinPx.length) return;
  skinPx.sort((a, b) => lum(a) - lum(b));
  const skinC = skinPx[skinPx.length >> 1]!, sk = lum(skinC);
  if (sk <= lash) return;
  const floor = lash + lift * (sk - lash);
  for (let x = Math.max(0, Math.ceil(xa)); x <= Math.min(W - 1, Math.floor(xb)); x++) {
    const cx = x + 0.5, y = polylineYAt(xs, ys, cx);
    if (!Number.isFinite(y)) continue;
    const s = strength * Math.min(1, Math.min(cx - xa, xb - cx) / (TAPER * span));
    if (s <= 0) continue;
    for (let p = Math.max(0, Math.floor(y - ABOVE * ew)); p <= Math.min(H - 1, Math.ceil(y + BELOW * ew)); p++) {
      const i = p * W + x, d = depth[i]!;
      if (!(d > eyeballIz && d <= maxIz)) continue;
      color[i] = lightenTo(color[i]!, floor, s, skinC, sk);
    }
  }
}
