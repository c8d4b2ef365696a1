// The top of a tongue filling the opening, read off a frame (issue #13, tongue43: critic42 "its top edge is a flat straight line
// with sharp dark wedges in the two upper corners where the arch falls away"). Inside the inner-lip contour, per column:
//   edge(band)  how far down from the upper lip line the first lit pixel (LIT of the lips' luma) lies, over the middle column's
//               height; median over the columns in a band of the half width: mid (< .2), half (.35-.5), side (.6-.75)
//   round       edge(half) - edge(mid): a rounded top falls away from the middle (> 0); a flat bar reads ~0
//   wedge       edge(side) - edge(half): the jump into the corners (a dark wedge reads high)
//   corner      the share of the upper half of the columns .55-.85 of the half width that is dark (DARK of the lips' luma)
// Teeth pixels (mouthDark.ts isTeethPixel) stop no edge and count neither way. Never asserts. Used by bench/tongueLook.ts.
import type { RgbaImage } from '../src/types.ts';
import { openingColumns } from './openingColumns.ts';
import { isTeethPixel, lipReference } from '../src/motion/mouthDark.ts';

const LIT = 0.6, DARK = 0.35, RIM = 0.15;
const BANDS = { mid: [0, 0.2], half: [0.35, 0.5], side: [0.6, 0.75] } as const;
const CORNER = [0.55, 0.85] as const;

export interface TongueTop { mid: number; half: number; side: number; round: number; wedge: number; corner: number }

export function tongueTopFigures(img: RgbaImage, lm: ArrayLike<number>): TongueTop | null {
  const d = img.data, W = img.width;
  const { light, sat } = lipReference(img, lm);
  const { cx, half, cols } = openingColumns(lm);
  const mc = cols.get(Math.round(cx));
  if (!mc || mc[1] - mc[0] < 4) return null;
  const hMid = mc[1] - mc[0] + 1;
  const edges: Record<keyof typeof BANDS, number[]> = { mid: [], half: [], side: [] };
  let cAll = 0, cDark = 0;
  for (const [x, [top, bottom]] of cols) {
    const lat = Math.abs(x - cx) / Math.max(1, half), h = bottom - top + 1;
    if (h < 3) continue;
    // (the contour's first pixels are the lip's own rim: the edge is the first lit pixel after an unlit one, 0 if the column is lit
    // from the top past RIM of it)
    let edge = -1, rim = true;
    for (let y = top; y <= bottom; y++) {
      const i = (y * W + x) * 4, r = d[i]!, g = d[i + 1]!, b = d[i + 2]!;
      if (isTeethPixel(r, g, b, light, sat)) continue;
      const l = (0.299 * r + 0.587 * g + 0.114 * b) / Math.max(1, light);
      if (rim && l < LIT) rim = false;
      else if (rim && y - top > RIM * h) { rim = false; edge = 0; }
      else if (!rim && edge < 0 && l >= LIT) edge = y - top;
      if (lat >= CORNER[0] && lat <= CORNER[1] && y - top < h / 2) { cAll++; if (l < DARK) cDark++; }
    }
    for (const k of Object.keys(BANDS) as (keyof typeof BANDS)[])
      if (lat >= BANDS[k][0] && lat <= BANDS[k][1]) edges[k].push((edge < 0 ? h : edge) / hMid);
  }
  const med = (v: number[]) => (v.length ? [...v].sort((a, b) => a - b)[v.length >> 1]! : NaN);
  const mid = med(edges.mid), hf = med(edges.half), side = med(edges.side);
  return { mid, half: hf, side, round: hf - mid, wedge: side - hf, corner: cAll ? cDark / cAll : NaN };
}

const f2 = (v: number) => (Number.isFinite(v) ? v.toFixed(2) : '--');
export const tongueTopText = (t: TongueTop | null) =>
  t ? `edge ${f2(t.mid)}/${f2(t.half)}/${f2(t.side)} round ${f2(t.round)} wedge ${f2(t.wedge)} corner ${f2(t.corner)}` : 'shut';
