// How much brow hair the photo shows over each eye (s55 forehead55). A raised brow's rig and its uncovered band
// (render/brows.ts UnderBrowSkin) assume a brow of hair over skin: the hair moves up, the skin it covered shows. On a
// face without drawn brows (lp_s9, the Mona Lisa: the brow landmarks sit on the top of the socket's painted shade)
// there is no hair and nothing is uncovered; a full raise stretched that shade 2.7x in the middle of the band and
// painted it over as "clean skin": a flat pale grey-green band with a hard dark top over each eye, a mask.
// The reading: down the brow's middle columns, the brow band's luma (between its top and lower contours) over the
// lighter of the forehead above it and the lid skin under it (a fringe darkens the forehead, a deep socket the lid):
// a brow of hair is a dark stripe (.2-.65 on the test portraits), a bare brow ridge is not (.73-.9).
import { polylineAt } from '../math/polyline.ts';
import { smoothstep } from '../math/smooth.ts';

/** on: bare brows read; `full` and `bare`: the stripe ratio at which a brow counts as hair / as bare (between: a share). */
export const browHairSetting = { on: true, full: 0.62, bare: 0.8 };

/** Per side (image-right eye first, the subject's left): the brow's lower contour, its upper lid, its top edge. */
export const BROW_SIDES = [
  { browLower: [276, 283, 282, 295, 285], lid: [263, 466, 388, 387, 386, 385, 384, 398, 362], browTop: [300, 293, 334, 296, 336] },
  { browLower: [46, 53, 52, 65, 55], lid: [33, 246, 161, 160, 159, 158, 157, 173, 133], browTop: [70, 63, 105, 66, 107] },
] as const;

export interface RgbaLike { data: Uint8ClampedArray; width: number; height: number }

/** The median over the brow's middle columns of brow-band luma over the lighter of forehead and lid skin (1 = no stripe). */
export function browStripeRatio(img: RgbaLike, xy: (i: number) => readonly [number, number], iod: number, side: number): number {
  const s = BROW_SIDES[side]!;
  const lower = s.browLower.map(xy), lid = s.lid.map(xy), top = s.browTop.map(xy);
  const xs = lower.map((p) => p[0]), xa = Math.min(...xs), xb = Math.max(...xs);
  const L = (x: number, y: number) => {
    const o = (Math.min(img.height - 1, Math.max(0, Math.round(y))) * img.width + Math.min(img.width - 1, Math.max(0, Math.round(x)))) * 4;
    return 0.3 * img.data[o]! + 0.59 * img.data[o + 1]! + 0.11 * img.data[o + 2]!;
  };
  const ratios: number[] = [];
  for (let x = xa + 0.2 * (xb - xa); x <= xb - 0.2 * (xb - xa); x += 1) {
    const yB = polylineAt(lower, x), yL = polylineAt(lid, x), yT = polylineAt(top, x);
    if (yB - yT < 1 || yL - yB < 2) continue;
    let brow = 0, fore = 0, skin = 0;
    for (let q = 0; q < 5; q++) {
      // the band's middle rows (its contours are soft), the forehead a little above the top edge, the lid skin over the crease
      brow += L(x, yT + (0.25 + 0.125 * q) * (yB - yT)) / 5;
      fore += L(x, yT - (0.12 + 0.015 * q) * iod) / 5;
      skin += L(x, yL - (0.15 + 0.05 * q) * (yL - yB)) / 5;
    }
    ratios.push(brow / Math.max(8, fore, skin));
  }
  if (ratios.length === 0) return 0;
  ratios.sort((a, b) => a - b);
  return ratios[ratios.length >> 1]!;
}

/** Per side (image-right eye first): 1 a brow of hair, 0 a bare brow ridge (1 when off). */
export function browHairShares(img: RgbaLike, xy: (i: number) => readonly [number, number], iod: number): [number, number] {
  if (!browHairSetting.on) return [1, 1];
  const { full, bare } = browHairSetting;
  const share = (side: number) => 1 - smoothstep(full, bare, browStripeRatio(img, xy, iod, side));
  return [share(0), share(1)];
}
