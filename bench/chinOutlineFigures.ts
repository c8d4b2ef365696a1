// s41 (chin41): figures of the far jaw's outline from the mouth corner's side down to the chin (lp_s10's notch and
// pale fringe on turns toward her far side), read along rays from the lips' centre every degree from straight
// sideways (toward the far side) to straight down. Pure, for bench/chinOutline.ts and test/chinRimAway.test.ts.
//   dent   = the outline (per ray, coming in from outside, the first px with coverage >= 192) is convex on a jaw:
//            the deepest (px) an outline point lies inside a chord between two others at most SPAN° apart (a notch)
//   jag    = the edge radius's mean |second difference| per degree (px)
//   fringe = px per ray 1-8 px past the solid edge shown more than 30 levels lighter than the backdrop 12-16 px
//            past it (a pale rim against a dark background)
import type { RgbaImage } from '../src/types.ts';

const SPAN = 30;
/**
 * How far (px) the outline point i lies inside a chord between two outline points at most SPAN rays apart on
 * either side of it, toward the centre (cx, cy): a jaw's outline is convex, a notch is not.
 */
function dentAt(px: number[], py: number[], i: number, cx: number, cy: number): number {
  let best = 0;
  for (let a = Math.max(0, i - SPAN); a < i; a++) {
    if (!Number.isFinite(px[a]!)) continue;
    for (let b = i + 1; b <= Math.min(px.length - 1, i + SPAN); b++) {
      if (!Number.isFinite(px[b]!)) continue;
      const ex = px[b]! - px[a]!, ey = py[b]! - py[a]!, len = Math.hypot(ex, ey);
      if (!(len > 0)) continue;
      const side = (x: number, y: number) => (ex * (y - py[a]!) - ey * (x - px[a]!)) / len;
      const sc = side(cx, cy), sp = side(px[i]!, py[i]!);
      if (Math.sign(sc) === Math.sign(sp) && Math.abs(sp) > best) best = Math.abs(sp);
    }
  }
  return best;
}

export interface ChinOutline { dent: number; jag: number; fringe: number; rays: number }

const luma = (d: ArrayLike<number>, o: number) => 0.299 * d[o]! + 0.587 * d[o + 1]! + 0.114 * d[o + 2]!;

/** `shown` the frame as seen, `alphaOf(x, y)` the person layer's coverage 0..255, `lm` its landmarks, `farSide` -1 image-left. */
export function chinOutlineFigures(shown: RgbaImage, alphaOf: (x: number, y: number) => number, lm: ArrayLike<ArrayLike<number>>, farSide: number): ChinOutline {
  const w = shown.width, h = shown.height;
  const cx = (lm[13]![0]! + lm[14]![0]!) / 2, cy = (lm[13]![1]! + lm[14]![1]!) / 2;
  const reach = 2.5 * Math.hypot(lm[152]![0]! - cx, lm[152]![1]! - cy);
  const inside = (x: number, y: number) => x >= 0 && y >= 0 && x < w && y < h;
  const at = (x: number, y: number) => (inside(x, y) ? alphaOf(Math.round(x), Math.round(y)) : 0);
  const radius: number[] = [], px: number[] = [], py: number[] = [];
  let fringe = 0;
  for (let deg = 0; deg <= 90; deg++) {
    // 0 = straight toward the far side, 90 = straight down
    const t = (deg * Math.PI) / 180, ux = farSide * Math.cos(t), uy = Math.sin(t);
    // from outside inward (the lips and the mouth's own layers inside are not the outline)
    let r = -1;
    for (let q = reach; q >= 0.4 * reach / 2.5; q -= 0.5) {
      if (at(cx + ux * q, cy + uy * q) >= 192) { r = q + 0.5; break; }
    }
    if (r < 0 || !inside(cx + ux * (r + 16), cy + uy * (r + 16))) { radius.push(NaN); px.push(NaN); py.push(NaN); continue; }
    radius.push(r); px.push(cx + ux * r); py.push(cy + uy * r);
    const bg: number[] = [];
    for (let d = 12; d <= 16; d++) bg.push(luma(shown.data, (Math.round(cy + uy * (r + d)) * w + Math.round(cx + ux * (r + d))) * 4));
    bg.sort((p, q) => p - q);
    const back = bg[bg.length >> 1]!;
    for (let d = 1; d <= 8; d++) if (luma(shown.data, (Math.round(cy + uy * (r + d)) * w + Math.round(cx + ux * (r + d))) * 4) > back + 30) fringe++;
  }
  const ok = radius.filter((v) => Number.isFinite(v));
  let dent = 0, jag = 0, nj = 0;
  for (let i = 0; i < radius.length; i++) {
    if (!Number.isFinite(radius[i]!)) continue;
    dent = Math.max(dent, dentAt(px, py, i, cx, cy));
    if (i > 0 && i + 1 < radius.length && Number.isFinite(radius[i - 1]!) && Number.isFinite(radius[i + 1]!)) { jag += Math.abs(radius[i + 1]! - 2 * radius[i]! + radius[i - 1]!); nj++; }
  }
  return { dent, jag: nj ? jag / nj : 0, fringe: ok.length ? fringe / ok.length : 0, rays: ok.length };
}
