// How far a tongue reaches past the lower lip's inner line, read off a frame (s44 tongueout44, critic43 worst #1: "the
// driver's tongue covers her lower lip, ours never crosses it"). Middle columns (under .3 of the half width): from the
// point a quarter of the column's height over its inner lower line (lit tongue there: at least .75 of the lips' luma, not
// teeth), down while the colour stays within DE of that point's (Lab): the tongue's own surface; `reach` the last such row
// under the inner lower line, median over the columns, in IOD (eye corners) and over the lower lip's height there (inner to
// outer line), and that lip's height (IOD). < 0: the tongue stops over the line (a dark band or teeth between). null: no lit tongue in the middle.
// Never asserts. Printed by bench/tongueLook.ts after a second `|`.
import type { RgbaImage } from '../src/types.ts';
import { openingColumns } from './openingColumns.ts';
import { isTeethPixel, lipReference } from '../src/motion/mouthDark.ts';
import { labOf } from '../src/render/mouth/tonguePalette.ts';
import { LIPS_OUTER_LOWER } from '../src/rig/topology.ts';

const DE = 14, LIT = 0.75, MIDDLE = 0.3;
export interface TongueReach { reach: number; ofLip: number; cols: number; lip: number }

function lineAt(lm: ArrayLike<number>, ids: readonly number[], x: number): number {
  for (let k = 0; k + 1 < ids.length; k++) {
    const ax = lm[ids[k]! * 3]!, bx = lm[ids[k + 1]! * 3]!, ay = lm[ids[k]! * 3 + 1]!, by = lm[ids[k + 1]! * 3 + 1]!;
    if ((x - ax) * (x - bx) <= 0 && ax !== bx) return ay + ((x - ax) / (bx - ax)) * (by - ay);
  }
  return NaN;
}

export function tongueReachFigures(img: RgbaImage, lm: ArrayLike<number>): TongueReach | null {
  const d = img.data, W = img.width;
  const { light: lipLight, sat: lipSat } = lipReference(img, lm);
  const iod = Math.hypot(lm[33 * 3]! - lm[263 * 3]!, lm[33 * 3 + 1]! - lm[263 * 3 + 1]!) || 1;
  const { cx, half, cols } = openingColumns(lm);
  const reach: number[] = [], ofLip: number[] = [], lip: number[] = [];
  const px = (x: number, y: number) => { const i = (Math.round(y) * W + x) * 4; return [d[i]!, d[i + 1]!, d[i + 2]!] as const; };
  for (const [x, [top, bottom]] of cols) {
    if (Math.abs(x - cx) > MIDDLE * half || bottom - top < 4) continue;
    const y0 = Math.round(bottom - 0.25 * (bottom - top)), [r, g, b] = px(x, y0);
    if (0.299 * r + 0.587 * g + 0.114 * b < LIT * lipLight || isTeethPixel(r, g, b, lipLight, lipSat)) continue;
    const ref = labOf(r, g, b);
    let y = y0;
    const outer = lineAt(lm, LIPS_OUTER_LOWER, x);
    const limit = Number.isFinite(outer) ? outer : bottom + 0.15 * iod;
    while (y + 1 <= limit) {
      const [r2, g2, b2] = px(x, y + 1), c = labOf(r2, g2, b2);
      if (Math.hypot(c[0] - ref[0], c[1] - ref[1], c[2] - ref[2]) > DE) break;
      y++;
    }
    reach.push((y - bottom) / iod);
    if (Number.isFinite(outer) && outer > bottom) { ofLip.push((y - bottom) / (outer - bottom)); lip.push((outer - bottom) / iod); }
  }
  if (reach.length < 3) return null;
  const med = (v: number[]) => { const s = [...v].sort((a, b) => a - b); return s[s.length >> 1]!; };
  return { reach: med(reach), ofLip: ofLip.length ? med(ofLip) : NaN, cols: reach.length, lip: lip.length ? med(lip) : NaN };
}

export function tongueReachText(t: TongueReach | null): string {
  return t ? `reach ${t.reach.toFixed(3)} IOD (${t.ofLip.toFixed(2)} lip) lower lip ${t.lip.toFixed(3)} IOD n${t.cols}` : 'reach -';
}
