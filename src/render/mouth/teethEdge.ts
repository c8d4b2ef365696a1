// The upper row's lower edge and the dark under it (issue #13, contour28). Two session-27 rules drew
// a line there that reads drawn at 3-6x: teeth27 took the library row's last 0.4 of the opening into
// the lower lip's shade at 0.35 of its light (a thin grey-brown contour between white teeth and the
// lit lip: lp_s9 <- lp_d11 f154, lp_s1 f162), and teethShow27 cut the row short over the library's
// near-black cavity (lp_s5 <- lp_d10 f130: a black crescent). Measured (bench/teethEdgeProfile.ts,
// median over the middle columns; the dip = the darkest point under the teeth, over the lower lip's
// luma): real speakers' tips fall over 0.018-0.032 IOD to a dip of 0.84-0.98 of the lip (Obama 1,
// Kristi Noem, Andrew; lp_d11 f154 1.05), a warm one (R/luma 1.3-1.4); lp_d10's soft smile shows a
// dark band of 0.51 of the lip, red-purple (1.56/0.73/0.91). Ours: lp_s9 0.77 (a line darker than the
// lip on both sides of it), lp_s5 0.24 (near-black, 29 of 255).
import { luma601 as luma } from '../../math/colour.ts';
import { clamp01, smoothstep } from '../../math/smooth.ts';
import { teethSeen } from './driverTeeth.ts';
import { tissueHueInto } from './tissueHue.ts';

type Rgb = [number, number, number];

/**
 * The colour the library's upper row takes where its tips go behind the lower lip (interior.ts
 * lowerLipGap 0), into `out`: the lips' inner lining lit from the front (`lining`, frameLight.ts
 * cornerLining), TIPS_LINING of it: a tip fades into the lip's own tone, not into a dark line.
 */
export function tipsToneInto(lining: readonly number[], out: Rgb): Rgb {
  for (let ch = 0; ch < 3; ch++) out[ch] = TIPS_LINING * lining[ch]!;
  return out;
}
/** the tips' tone over the corners' lining (0.55 of the inner lip's colour at the teeth's light) */
const TIPS_LINING = 2.2;

/**
 * The library cavity lifted toward the lips' inner tissue in shade under a row cut short by the
 * driver's teeth share (driverTeeth.ts: a share under CUT_SHARE[1]) where the driver's opening is lit
 * (not dark) and the teeth show (`teethShow`, frameLight.ts: a thin slit keeps its dark, which is
 * what tells it open): how far, 0..CUT_MIX. `driverDark` is the driver's darkness this frame (absent:
 * dark, no lift); audio motions carry no share and are unchanged, and so is a driver's full row
 * (Katie's smiles, whose real cavity is black).
 */
export function litCavityShare(driverTeeth: number | undefined, driverDark: number | undefined, teethShow: number): number {
  if (driverTeeth === undefined) return 0;
  return CUT_MIX * (1 - clamp01(driverDark ?? 1)) * (1 - smoothstep(CUT_SHARE[0], CUT_SHARE[1], driverTeeth)) * clamp01(teethShow);
}
/** `cavity` lifted in place by `share` (litCavityShare) toward CUT_SHADE of `lipInner`, the inner lip's colour; never darkened. */
export function litCavityInto(cavity: Rgb, lipInner: readonly number[], share: number): Rgb {
  if (!(share > 0)) return cavity;
  for (let ch = 0; ch < 3; ch++) cavity[ch] = cavity[ch]! + Math.max(0, CUT_SHADE * lipInner[ch]! - cavity[ch]!) * share;
  return cavity;
}
/** the lifted cavity's colour over the inner lip's, and how far a driver's lit opening takes ours toward it */
const CUT_SHADE = 1.4, CUT_MIX = 1;
/** driver teeth shares over which the lift goes (a share from 0.4 leaves the row uncut: driverTeeth.ts) */
const CUT_SHARE: [number, number] = [0.3, 0.4];

/**
 * The least light under a row cut short by the driver's teeth share (session 30, teethline30): the
 * lips' edge colour at the driver's own light under its row (`under`, motion/underTeeth.ts: the darker
 * tenth of what lies under its teeth, over its lips'), into `floor`; returns how far it holds this
 * frame (0: no driver reading, a row not cut, a driver showing no teeth, a thin slit or a wide opening). litCavityInto lifts the cavity, but the
 * tongue and lower row drawn over it stay in the upper row's shade (interior.ts underUpperRowLight):
 * lp_s5 <- lp_d10 f130-f183 kept a band .27-.35 of the lower lip's luma under the row (a hard black
 * crescent at 5x, critic28) where the driver's is .49-.52, red-purple. Only at a small parting (`gap`, IOD,
 * under FLOOR_GAP): a wide opening's throat keeps its depth (a floor there flattens it).
 */
export function underFloorInto(floor: Rgb, lipEdge: readonly number[], under: number | undefined, driverTeeth: number | undefined, teethShow: number, gap: number): number {
  if (under === undefined || driverTeeth === undefined) return 0;
  for (let ch = 0; ch < 3; ch++) floor[ch] = FLOOR_OF_UNDER * Math.max(0, under) * lipEdge[ch]!;
  // (in the mouth's tissue hue, not the painted lips' brown: tissueHue.ts)
  tissueHueInto(floor);
  return (1 - smoothstep(CUT_SHARE[0], CUT_SHARE[1], driverTeeth)) * teethSeen(driverTeeth) * clamp01(teethShow) * (1 - smoothstep(FLOOR_GAP[0], FLOOR_GAP[1], gap));
}
/** lip gaps (IOD) over which the floor goes out: a soft smile's or speech's small parting keeps it (lp_s5 <- lp_d10 f130-f183 .07-.09) */
const FLOOR_GAP = [0.14, 0.22] as const;
/**
 * the floor's light over the driver's under its row times the lips' edge colour: the driver's is read against its lips'
 * body (halfway between their lines), lighter than their colour at the inner line (lp_s5's lower lip body 1.25 x its
 * edge colour; at 1, f130's band stayed .37 of the lip against the driver's .49)
 */
const FLOOR_OF_UNDER = 1.25;

/**
 * A pixel of the opening under the upper row (`out`, before the row is drawn) lifted toward the
 * frame's floor (underFloorInto) where darker than it, by `k`, less toward the corners (`lateral` 0
 * centre .. 1 corner: the corridor and corners keep their dark; the driver is read in its middle):
 * a soft max, whole for a black pixel, none from the floor's luma up.
 */
export function floorOver(out: Float64Array, floor: Rgb, k: number, lateral: number): void {
  if (!(k > 0)) return;
  const lf = luma(floor), lo = luma(out);
  if (!(lo < lf)) return;
  const t = k * clamp01((lf - lo) / (FLOOR_SOFT * lf)) * (1 - smoothstep(FLOOR_SIDE[0], FLOOR_SIDE[1], lateral));
  for (let ch = 0; ch < 3; ch++) out[ch] = out[ch]! + (floor[ch] - out[ch]!) * t;
}
/** a pixel this share of the floor's luma under it goes all the way to the floor, nearer part of the way (at .5, f130's tongue at .8 of the floor moved a fifth of the way) */
const FLOOR_SOFT = 0.15;
/** lateral positions over which the floor fades out toward the corners */
const FLOOR_SIDE = [0.5, 0.85] as const;
