// A turned head's far mouth corner drawn twice (issue #15, session 32): lp_s10 at +12.5 / +25 shows the
// red lip's corner and, beside and above it, a pale pink second corner: the own texture's stretched lip
// end and the mirrored partner's skin mixed at about half share each. Read back from the picture alone:
// pixels around the far corner whose redness lies between the skin's and the lip's and that are
// brighter than the lip itself (a half-tone lip). A corner drawn once has few: the lip's own edge is
// 1-2 px of half-tone. Also the lip's end drawn a second time along the far outline (a thin red line:
// the far oval's skin sampling the painted lip, farLipOnTurn.ts), counted in a render without a backdrop.
import type { RgbaImage } from '../types.ts';

/** The box around the corner, in eye distances: outward (toward the far outline), inward, up and down. */
const BOX = { out: 0.4, in: 0.12, up: 0.16, down: 0.16 } as const;
/** Half-tone: redness between these shares of the way from the skin's to the lip's. */
const BETWEEN = [0.3, 0.7] as const;
/** ...and this many luma levels brighter than the lip's median (pale: not the lip's own shaded edge). */
const PALER = 15;
/** The outline's band: opaque pixels this close (px, chessboard) to one that is not. */
const OUTLINE = 3;

export interface PaleLip {
  /** half-tone lip pixels in the box */
  count: number;
  /** lip-tinted pixels (redness past BETWEEN[0] of the way from skin to lip) within OUTLINE px of the backdrop (alpha under 128): the lip's end drawn along the outline */
  outlineRed: number;
  /** the box's skin and lip redness (25th / 90th percentiles of (R - G) / (R + G + B)) */
  skin: number;
  lip: number;
}

const redness = (r: number, g: number, b: number) => (r - g) / (r + g + b + 1);
const luma = (r: number, g: number, b: number) => 0.3 * r + 0.59 * g + 0.11 * b;
const quantile = (values: number[], q: number) => {
  const s = [...values].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor(q * s.length))]! : 0;
};

/**
 * Half-tone lip pixels around the mouth corner at `corner` (screen px) of a render with a backdrop
 * drawn or not (only opaque pixels count). `outward` is -1 when the far outline lies image-left of
 * the corner, +1 when image-right; `iod` the frame's eye-corner distance in px; `bare`, the same frame
 * rendered without a backdrop (unpremultiplied), for `outlineRed` (0 without it).
 */
export function paleLipAtCorner(img: RgbaImage, corner: readonly [number, number], outward: -1 | 1, iod: number, bare?: RgbaImage): PaleLip {
  const { width: w, height: h, data } = img;
  const xa = corner[0] + outward * BOX.out * iod, xb = corner[0] - outward * BOX.in * iod;
  const x0 = Math.max(0, Math.floor(Math.min(xa, xb))), x1 = Math.min(w, Math.ceil(Math.max(xa, xb)));
  const y0 = Math.max(0, Math.floor(corner[1] - BOX.up * iod)), y1 = Math.min(h, Math.ceil(corner[1] + BOX.down * iod));
  const px: { r: number; l: number; x: number; y: number }[] = [];
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) {
    const o = (y * w + x) * 4;
    if (data[o + 3]! < 255) continue;
    const l = luma(data[o]!, data[o + 1]!, data[o + 2]!);
    if (l < 40) continue; // backdrop, the mouth's slit
    px.push({ r: redness(data[o]!, data[o + 1]!, data[o + 2]!), l, x, y });
  }
  const rs = px.map((p) => p.r);
  const skin = quantile(rs, 0.25), lip = quantile(rs, 0.9);
  if (lip - skin < 0.04) return { count: 0, outlineRed: 0, skin, lip };
  const lo = skin + BETWEEN[0] * (lip - skin), hi = skin + BETWEEN[1] * (lip - skin);
  const lipLuma = quantile(px.filter((p) => p.r > hi).map((p) => p.l), 0.5);
  const count = px.filter((p) => p.r > lo && p.r < hi && p.l > lipLuma + PALER).length;
  // the outline's red: over the render without a backdrop (its soft edge keeps its colour), half-opaque or more, near a pixel that is not opaque
  let outlineRed = 0;
  if (bare) {
    const a = (x: number, y: number) => bare.data[(y * w + x) * 4 + 3]!;
    const nearBackdrop = (x: number, y: number) => {
      for (let dy = -OUTLINE; dy <= OUTLINE; dy++) for (let dx = -OUTLINE; dx <= OUTLINE; dx++) {
        const X = x + dx, Y = y + dy;
        if (X >= 0 && Y >= 0 && X < w && Y < h && a(X, Y) < 128) return true;
      }
      return false;
    };
    for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) {
      const o = (y * w + x) * 4;
      if (a(x, y) < 128 || redness(bare.data[o]!, bare.data[o + 1]!, bare.data[o + 2]!) <= skin + BETWEEN[0] * (lip - skin)) continue;
      if (nearBackdrop(x, y)) outlineRed++;
    }
  }
  return { count, outlineRed, skin, lip };
}
