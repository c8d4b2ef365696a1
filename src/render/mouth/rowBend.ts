// The library's upper row bent with the upper lip's inner line (s36, rowbend36, #13). The row is a rigid
// piece hung from the skull's anchor: its top and tips ran straight across while the lip's inner line
// falls toward the corners, so the lip covered the row's ends and it stopped short of the corners, a
// straight bright band (critic35: lp_s42 <- lp_d6 f174-176). A real row follows the lip's inner line,
// its teeth shorter, narrower and darker toward the corners (the arch turns away from the camera). Per
// output column the row is moved down by how far the lip line there sits under its height at the mouth's
// middle, sampled faster down from the lip where it was moved down (shorter side teeth) and spared part of
// the corners' shade; its show stays as it was (already read from the lip line at each column).
import { clamp01, smoothstep } from '../../math/smooth.ts';

/** how far the row's top follows the lip line's fall toward the corners (1: all of it) */
export const BEND_SHARE = 0.9;
/** the most the row moves down at a column, iod (a corner's line runs into the lower lip) */
export const BEND_MOST = 0.12;
/**
 * the most it moves up where the lip line rises over its middle (a smile's raised corners), iod: 0, raised .03 the
 * tips of lp_s5's soft smile (jaw .15, smile .7) went behind the lip, its teeth inside the lips .362 -> .294
 */
export const BEND_RISE = 0;
// (narrower teeth toward the corners, the row sampled further out there, were tried and left out: at .2 x lateral^2
// mt_man <- Katie's side teeth read fewer, side .401 -> .380 [.489], outer .052 -> .040 [.084], every 4th frame)
/** at the corners the row is sampled this much faster down from the lip line (shorter teeth: the bend alone hung the side teeth long as fangs at a wide opening) */
export const SIDE_SHORTEN = 0.5;
/**
 * the share of the corners' shade (interior.ts sideShade) a bent row is spared: bent, the side teeth lie in
 * the opening as the middle ones do, not behind the lip's shade (lp_d6's row is lit in its outer third)
 */
export const SIDE_LIFT = 0.4;
/** a photo's own cut counts as its row (not bent) when at least this share of it is kept as lit teeth (slab34's MIN_KEPT_SHARE) */
export const OWN_ROW_KEPT = 0.3;

/**
 * How much of the bend a frame takes: none in a rounded opening (an O raises its row to the lip per
 * column itself: roundInside.ts) and none for a photo whose own cut is its row (it is the photo's, in place).
 */
export function bendShare(round: number, ownRowKept: boolean): number {
  return ownRowKept ? 0 : clamp01(1 - round);
}

/**
 * How much of the bend a frame takes by how far the row's tips hang under the lip line at the opening's
 * middle (IOD): none for a sliver of tips, all of it once the row shows as teeth. critic36: bent, a thin row
 * became a white crescent along the lip from corner to corner (lip-liner; lp_s42 <- lp_d6 f156/f164/f168,
 * tips .045/.043/.038 under the lip) where a real mouth shows its middle incisors' edges; the frames whose
 * row reads as teeth hang .06-.11 (f60 .061, f172 .068, f100 .075, f72 .090, f44 .108).
 */
export function showBend(tipsUnderLip: number): number {
  return smoothstep(SHOW_BEND_FROM, SHOW_BEND_FULL, tipsUnderLip);
}
export const SHOW_BEND_FROM = 0.035, SHOW_BEND_FULL = 0.06;

/**
 * Per output column, px the upper row moves down: the lip line (`rowTop`, NaN outside the mouth) under
 * its height at the middle column, times `share` x BEND_SHARE, within -BEND_RISE..BEND_MOST iod (`unit`
 * px per iod). Columns outside the mouth get 0.
 */
export function rowBendInto(rowTop: Float32Array, centreX: number, unit: number, share: number, out: Float32Array): void {
  out.fill(0);
  if (!(share > 0)) return;
  const mid = lineAtMiddle(rowTop, centreX);
  if (mid === null) return;
  const k = share * BEND_SHARE, most = BEND_MOST * unit, rise = BEND_RISE * unit;
  for (let x = 0; x < rowTop.length; x++) {
    const y = rowTop[x]!;
    if (y === y) out[x] = Math.min(most, Math.max(-rise, (y - mid) * k));
  }
  if (steepSideSetting.on) limitFall(out, rowTop, centreX, steepSideSetting.steepest);
}

/**
 * How steeply the bent row's top may fall outward from the middle, px per px (s51 rowlook51): where the lip line falls
 * faster (a steep side of a wide or lopsided opening) the row stops following it and goes on behind the lip, its side
 * teeth hidden or cut short under the line, in the corner's shade. Followed all the way, the row ran down the opening's
 * steep side as a thin white line (st_full_body_1 jaw .75-1) and hugged the upper lip to the corner as a bright
 * sliver in speech (jaw .3-.36). A real arch turns away from the camera there; it does not climb the lip's side.
 */
// shorten 0 (lead, after critic51): rowlook51's 2 cut the side teeth of lp_s42/st_happy <- lp_d6's sideways grimaces
// (f73/f131/f180) into a fang and a broken row at 1x; without it st_full_body_1's steep side keeps a thin grey line
// (/work/look/s51/fang/fb_var.png) instead of teethdraw51's white one.
export const steepSideSetting = { on: true, steepest: 0.3, liftFrom: 0.35, liftGone: 0.9, shorten: 0 };

/**
 * Limits `bend` (px per column) so it grows by at most `steepest` px per column outward from the middle column
 * (it may fall back freely); columns outside the mouth (NaN `rowTop`) restart nothing and are left as they are.
 */
export function limitFall(bend: Float32Array, rowTop: Float32Array, centreX: number, steepest: number): void {
  const c = Math.min(bend.length - 1, Math.max(0, Math.round(centreX - 0.5)));
  for (const step of [-1, 1]) {
    let prev = NaN;
    for (let x = c; x >= 0 && x < bend.length; x += step) {
      if (rowTop[x] !== rowTop[x]) continue;
      if (prev === prev) bend[x] = Math.min(bend[x]!, prev + steepest);
      prev = bend[x]!;
    }
  }
}

/** The lip line's height at the middle column (the nearest column inside the mouth), null when there is none. */
export function lineAtMiddle(rowTop: Float32Array, centreX: number): number | null {
  const c = Math.round(centreX - 0.5);
  for (let d = 0; d < rowTop.length; d++) {
    for (const x of [c - d, c + d]) {
      const y = rowTop[x];
      if (y !== undefined && y === y) return y;
    }
  }
  return null;
}

/**
 * How much faster the row is sampled down from the lip line at `lateral`: shorter teeth toward the corners, as
 * far as the row was moved down there (`bendIod`, full from SHORTEN_FULL iod): a smile's row, already under a
 * flat or raised line out to its corners, keeps its teeth's length (mt_man <- Katie lost side teeth otherwise).
 */
export function sideShortening(lateral: number, share: number, bendIod: number): number {
  return 1 + SIDE_SHORTEN * share * lateral * lateral * clamp01(bendIod / SHORTEN_FULL);
}
/** the bend (iod) from which the side teeth are shortened in full */
export const SHORTEN_FULL = 0.05;

/** The share of the corners' shade taken off the bent row, as far as it was moved down here (`bendIod`, full from SHORTEN_FULL iod): a row left where it was keeps its shade. */
export function sideLift(share: number, bendIod: number): number {
  return SIDE_LIFT * share * clamp01(bendIod / SHORTEN_FULL);
}

/**
 * The share of `sideLift` kept at column `x` by how steeply the lip line (`rowTop`) falls there (px per px over
 * ±2 columns): all of it where the line runs flat or gently, none where it falls as the opening's side does
 * (s51 rowlook51). There the row is not lying in the opening as the middle teeth do but turning into the corner,
 * so the corner's shade takes it: spared, it hugged st_full_body_1's steep image-left lip to the corner as a bright
 * sliver (jaw .3-.36) and ran down that side as a thin white line (jaw .75-1).
 */
export function steepKeep(rowTop: Float32Array, x: number): number {
  if (!steepSideSetting.on) return 1;
  const a = rowTop[x - 2] ?? NaN, b = rowTop[x + 2] ?? NaN;
  const slope = a === a && b === b ? Math.abs(b - a) / 4 : a === a ? Math.abs(rowTop[x]! - a) / 2 : b === b ? Math.abs(b - rowTop[x]!) / 2 : 0;
  return 1 - smoothstep(steepSideSetting.liftFrom, steepSideSetting.liftGone, slope);
}

/**
 * How much faster the bent row is sampled down from the lip line at a steep side (`keep` from steepKeep, 1 on a
 * gentle one): the side teeth turning into the corner show shorter, not as a band under the lip to the corner.
 */
export function steepShortening(keep: number, share: number): number {
  return steepSideSetting.on ? 1 + steepSideSetting.shorten * share * (1 - keep) : 1;
}
