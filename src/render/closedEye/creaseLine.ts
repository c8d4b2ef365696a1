// The crease on the shut lid a line, not a band (ring41, #14; critic40: shut lids "smooth patches with
// a pale oval ring round them", lp_s42 <- lp_d6 f183-185, st_full_body_1, lp_s12). creaseValley.ts lets
// the drawn luma sit up to CREASE_DEPTH (6 %) under the straight run from over the crease to the lid's
// body over the whole run (.06 over the crease to .4 of the way to the shut line): the library's socket
// shade stays at that floor over ~.2 eye widths under the crease (lp_s42's image-left eye at u .5:
// 161-166 luma from the crease to .22 under it, the body 174-179), and the brow-bone skin kept light over
// the crease (browBoneLight.ts, 175-177) reads as a pale ring over that dark band round the lid's top.
// A real shut lid's crease is a faint line: the floor's dip is held to a narrow Gaussian about the
// crease here, so the band under it runs on from the brow bone to the body at the straight run.
/** On (the product, s41) / off: the 6 % dip over the whole run (s38-s40). */
export const creaseLineSetting = { on: true };

/** The dip's half width (eye widths, a Gaussian's sigma about the crease). */
const LINE_SIGMA = 0.025;

/** The share of the valley's dip a cell dv eye widths under (+) or over (-) the crease keeps (1 at the crease). */
export function creaseDipShare(dv: number): number {
  return creaseLineSetting.on ? Math.exp(-(dv * dv) / (2 * LINE_SIGMA * LINE_SIGMA)) : 1;
}

/**
 * The same ring's other half: skinInMask.ts takes the lighter of two skin fills over the crease and
 * the membrane fill under it, a hard switch on the crease line; without a dark crease band to hide it,
 * the step (lp_s42's image-left eye near the inner corner: 178-180 over the crease, 165-167 under it)
 * is the ring's sharp inner edge. The lighter fill fades out over this far under the crease (eye widths).
 * (.08 took a little more of the step, but with the line above it st_full_body_1's lowering lid at blink .75 read
 * .67 -> .60 with its lash pair, under test/loweredLashPair.test.ts's .08 margin; .065 keeps it.)
 */
const HELD_FADE = 0.065;

/** The share of the lighter (held) fill a cell dv eye widths under the crease takes (1 over it, 0 from HELD_FADE under). */
export function heldFillShare(dv: number): number {
  if (!creaseLineSetting.on) return dv < 0 ? 1 : 0;
  if (dv <= 0) return 1;
  const t = Math.min(1, dv / HELD_FADE);
  return 1 - t * t * (3 - 2 * t);
}
