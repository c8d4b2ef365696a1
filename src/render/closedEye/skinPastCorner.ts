// The skin just past each eye corner, as the reference a "white" past the corner is judged against
// (ring41, #14). paintedWhite.ts finds a painted eye's white under the lower lid line as a colourless
// pixel 1.1x lighter than the cheek under the eye, and looks for it .15 eye widths past the corners.
// On lp_s42 the skin beside the inner corner (toward the nose) is 1.25x the cheek's luma and nearly
// colourless (231,217,216 against a pinker cheek): taken for white, it was darkened with the lid's
// shade into a grey 2x7 px streak beside the corner (lp_d6 f183-186). Past a corner the white must be
// lighter than the skin there as well: a painted white is lighter than every skin round it (lp_s7),
// the pale skin by the nose is the skin there.
import { toImage, type EyeFrame } from './frame.ts';
import type { RasterTarget } from '../raster.ts';
import { isEyeball } from './eyeballDepth.ts';
import { lumaOf } from './lightCeiling.ts';

/** On (the product, s41) / off: past a corner the white is judged against the cheek only (s36-s40). */
export const skinPastCornerSetting = { on: true };

/** Where the side skin is sampled: this far past the corner (eye widths, from..to) ... */
const PAST = [0.18, 0.3] as const;
/** ... and from this far above to this far below the corner's lower-lid height. */
const DOWN = [-0.05, 0.2] as const;

/** A lid line's v at its end (side 0: u = its first point, side 1: its last). */
const endV = (line: { v: number[] }, side: 0 | 1) => (side ? line.v[line.v.length - 1]! : line.v[0]!);

/**
 * Median luma of the rendered skin past each corner [u < 0 side, u > 1 side] (NaN where fewer than 8
 * skin pixels fall there): the face's own pixels, not the eyeball's.
 */
export function skinPastCorners(t: RasterTarget, f: EyeFrame, lower: { v: number[] }, bounds: Float32Array): [number, number] {
  return ([0, 1] as const).map((side) => {
    const l: number[] = [];
    for (let i = 0; i <= 4; i++) for (let j = 0; j <= 5; j++) {
      const past = PAST[0] + ((PAST[1] - PAST[0]) * i) / 4;
      const u = side ? 1 + past : -past, v = endV(lower, side) + DOWN[0] + ((DOWN[1] - DOWN[0]) * j) / 5;
      const [x, y] = toImage(f, u, v).map(Math.floor) as [number, number];
      if (x < 0 || y < 0 || x >= t.width || y >= t.height) continue;
      const k = y * t.width + x;
      if (t.depth[k]! <= 0 || isEyeball(t.depth[k]!, u, bounds)) continue;
      l.push(lumaOf(t.color[k]!));
    }
    return l.length < 8 ? NaN : l.sort((a, b) => a - b)[l.length >> 1]!;
  }) as [number, number];
}

/** The luma a pixel at u is judged against: the cheek's, and past a corner the lighter of it and the skin there. */
export function referenceLuma(cheek: number, sides: readonly [number, number], u: number): number {
  if (!skinPastCornerSetting.on || (u >= 0 && u <= 1)) return cheek;
  const side = sides[u < 0 ? 0 : 1];
  return side! > cheek ? side! : cheek;
}
