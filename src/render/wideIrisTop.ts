// The iris's upper half under a raised lid (stare33). wideEyes.ts drew the uncovered eye only down to the
// end of the photo's lid shadow, measured on the white beside the iris; the photo's iris below that row
// still carries the lid's shade and the lash line's shadow (the lashes reach further over the dark iris
// than the white shows): a dark stripe across the iris's top under the drawn band, read as the lid's
// outline (critic32, lp_s42 <- lp_d6 f70 / f151), and wherever the photo's iris edge and the drawn disc's
// differ, a notch at the band's end (lp_s12 <- lp_d14 f59). Here, over the iris, the drawing goes on down
// to the iris's centre row, its pixels the iris's lower half mirrored across the horizontal diameter,
// which meets the photo's own iris exactly at that row (a mirror is continuous on its axis).
import { luminance } from '../math/colour.ts';
import { irisColourAt, limbusAt, type RaisedEye } from './wideEyeModel.ts';

/** The drawing over the iris gives way to the photo's own iris over this many px above its centre row. */
export const IRIS_HANDOVER_PX = 2;
/** An own pixel this much lighter than its mirrored one is a catchlight, kept in its place. */
const CATCHLIGHT_OVER = 1.3;

type Tex = { width: number; height: number; data: Uint8ClampedArray };
const lumOf = (t: Tex, o: number) => luminance(t.data[o]!, t.data[o + 1]!, t.data[o + 2]!);

/**
 * The iris's colour at offset (dx, dy) from its centre into out (RGBA). In the upper half (dy < 0) the
 * visible iris pixel mirrored across the horizontal diameter (out of the lid's shade), except a catchlight
 * the photo shows in its own place; elsewhere, or where no mirrored pixel shows, irisColourAt.
 */
export function irisTopColourAt(tex: Tex, eye: RaisedEye, dx: number, dy: number, out: Float64Array): void {
  const disc = eye.iris!;
  const x = Math.floor(disc.cx + dx), own = Math.floor(disc.cy + dy), mirrored = Math.floor(disc.cy - dy);
  if (dy >= 0 || own === mirrored || !eye.irisSource(x, mirrored)) { irisColourAt(tex, eye, dx, dy, out); return; }
  const m = (mirrored * tex.width + x) * 4, o = (own * tex.width + x) * 4;
  // a catchlight under the photo's lid shade is still lighter than the iris: kept (the lid's own pixels are not)
  const col = eye.columns[x - (eye.columns[0]?.x ?? 0)];
  const shown = !!col && own + 0.5 > col.top + 1 && own + 0.5 < col.bottom - 1;
  const src = shown && lumOf(tex, o) > CATCHLIGHT_OVER * lumOf(tex, m) + 8 ? o : m;
  const rim = limbusAt(Math.hypot(dx, dy) / disc.r);
  for (let ch = 0; ch < 4; ch++) out[ch] = tex.data[src + ch]! * (ch < 3 ? rim : 1);
}

/**
 * How much of the texel whose centre is at row `yc`, in a column over the iris, is the drawing past the end of
 * the lid shadow's rows: the iris's alpha there, falling to 0 over IRIS_HANDOVER_PX to the (shifted) iris's
 * centre row `centreY`.
 */
export function irisTopShare(yc: number, centreY: number, irisAlpha: number): number {
  return irisAlpha * Math.min(1, Math.max(0, (centreY - yc) / IRIS_HANDOVER_PX));
}
