// Test helper: how much of a rendered opening's upper half is teeth (the upper row's visible share).
import { isTeethPixel, lipReference } from '../src/motion/mouthDark.ts';
import { openingColumns } from '../bench/openingColumns.ts';
import type { RgbaImage } from '../src/types.ts';

/** The share of the opening's upper half (middle .6 of the half width) that is teeth (mouthDark.ts isTeethPixel). */
export function upperTeeth(img: RgbaImage, lm: Float32Array): number {
  const { light, sat } = lipReference(img, lm), { cx, half, cols } = openingColumns(lm), d = img.data;
  let all = 0, teeth = 0;
  for (const [x, [top, bottom]] of cols) {
    if (Math.abs(x - cx) > 0.6 * half) continue;
    for (let y = top; y <= (top + bottom) / 2; y++) {
      const i = (y * img.width + x) * 4;
      all++;
      if (isTeethPixel(d[i]!, d[i + 1]!, d[i + 2]!, light, sat)) teeth++;
    }
  }
  return all ? teeth / all : 0;
}
