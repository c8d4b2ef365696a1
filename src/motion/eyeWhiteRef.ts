// The driver's eye whites as the grey a tooth is told by (issue #13, s53 whiteref53). The lower-row tests (lowerTeeth.ts)
// tell a tooth from the lips by saturation under a share of the lips' own; on a tinted video every pixel carries the tint
// and a lit lower row sits as red as that limit (pcavs741: the row's line at sat .34-.39 beside lips .46, the inside test's
// limit .32). A frame's teeth are about as grey as its sclera under the same light and tint; a tongue is redder (klob's
// grey tongue .42-.45 beside her whites' .33). Read per frame from the eye contours the tracker already has: the brightest
// quarter of each open eye's pixels (the iris and lashes are dark), its median light and saturation.
import type { RgbaImage } from '../types.ts';
import { saturation, luma601At } from '../math/colour.ts';
import { rowCrossings } from '../math/polygon.ts';
import { EYE_R_LOOP, EYE_L_LOOP } from '../rig/topology.ts';

/** the eye contours (the face mesh's), subject's right then left: corner, upper lid, corner, lower lid */
const EYE_LOOPS: readonly (readonly number[])[] = [EYE_R_LOOP, EYE_L_LOOP];
/** each eye's lid apexes and corners (openness = apex gap over the corner distance) */
const EYE_OPEN: readonly (readonly [number, number, number, number])[] = [[159, 145, 33, 133], [386, 374, 263, 362]];
/** an eye counts when its lids stand this share of its width apart (a blink's or a squint's brightest pixels are lid skin) */
export const OPEN_MIN = 0.2;
/** and holds this many pixels inside its contour */
const MIN_PIXELS = 40;
/** the share of an eye's pixels, brightest first, that is its white */
const WHITE_SHARE = 0.25;

export interface EyeWhite { light: number; sat: number }

/** One eye's white (null: shut, too small or off the image): `loop` / `open` as EYE_LOOPS / EYE_OPEN, `lm` flat x, y, z pixels. */
export function eyeWhiteOf(img: RgbaImage, lm: ArrayLike<number>, loop: readonly number[], open: readonly [number, number, number, number]): EyeWhite | null {
  const p = (k: number) => [lm[k * 3]!, lm[k * 3 + 1]!] as [number, number];
  const [up, lo, c0, c1] = open.map(p) as [[number, number], [number, number], [number, number], [number, number]];
  const width = Math.hypot(c1[0] - c0[0], c1[1] - c0[1]);
  if (!(width > 0) || Math.hypot(lo[0] - up[0], lo[1] - up[1]) / width < OPEN_MIN) return null;
  const poly = loop.map(p);
  let y0 = Infinity, y1 = -Infinity;
  for (const [, y] of poly) { y0 = Math.min(y0, y); y1 = Math.max(y1, y); }
  const px: [number, number][] = [], xs: number[] = [], d = img.data;
  for (let y = Math.max(0, Math.ceil(y0)); y <= Math.min(img.height - 1, Math.floor(y1)); y++) {
    rowCrossings(poly, y, xs);
    for (let k = 0; k + 1 < xs.length; k += 2)
      for (let x = Math.max(0, Math.ceil(xs[k]!)); x <= Math.min(img.width - 1, xs[k + 1]!); x++) {
        const i = (y * img.width + x) * 4;
        px.push([luma601At(d, i), saturation(d[i]!, d[i + 1]!, d[i + 2]!)]);
      }
  }
  if (px.length < MIN_PIXELS) return null;
  px.sort((a, b) => b[0] - a[0]);
  const top = px.slice(0, Math.max(1, Math.round(WHITE_SHARE * px.length)));
  const sats = top.map((q) => q[1]).sort((a, b) => a - b);
  return { light: top[top.length >> 1]![0], sat: sats[sats.length >> 1]! };
}

/** The frame's eye white: the greyer of the open eyes' (null: both shut or unread). `lm`: 478 landmarks in pixels, flat x, y, z. */
export function eyeWhiteReference(img: RgbaImage, lm: ArrayLike<number>): EyeWhite | null {
  if (lm.length < 468 * 3) return null;
  let best: EyeWhite | null = null;
  for (let e = 0; e < 2; e++) {
    const w = eyeWhiteOf(img, lm, EYE_LOOPS[e]!, EYE_OPEN[e]!);
    if (w && (!best || w.sat < best.sat)) best = w;
  }
  return best;
}
