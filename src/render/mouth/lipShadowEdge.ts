// The lips' shade round a small opening (issue #13, smallgap31, critic30 fix-first #4). At a small
// parting real lips show a soft darker wet band along their inner edges: the upper lip's edge casts
// its shade onto the teeth's top, and the row's bottom fades into a dark gap over the lower lip's
// inner edge (lp_d11 f148-f154: the lining just under the upper lip .58-.77 of the teeth's peak, the
// lip .50-.59). A thin-lipped painting whose lips are its skin's colour (lp_s9, the Mona Lisa) and a
// smile that lifts the lip's own shade (frameLight.ts lipShade) drew the library's row full-lit up to
// bare skin: separate pegs, pasted on. Here every pixel within a band of either lip line is taken
// toward the lips' lining in shade, only where it is lighter than that (a soft min): the cavity and
// a driver's dark band under a cut row keep their own dark, nothing is drawn darker than the lining.
import { luma601 as luma } from '../../math/colour.ts';
import { clamp01, smoothstep } from '../../math/smooth.ts';
import { tipsToneInto } from './teethEdge.ts';

type Rgb = [number, number, number];

/** What the edges read from the pixel and frame: a structural subset of interior.ts OpeningPixel and frameLight.ts FrameLight. */
export interface EdgePixel { lateral: number; cy: number; top: number; bottom: number; rowTop?: number }
export interface EdgeLight { cornerLining: readonly number[]; bodyShow: number; round: number; teethShow: number; teethDepth: number; underFloorK: number }

/**
 * How much of the edges' shade a frame at lip gap `gap` (iod) takes: none at a slit (its lit edge or
 * dark line is what tells it open), all of it from EDGE_GAPS_IN[1], going out over EDGE_GAPS_OUT (a
 * wide opening's lips are far from the teeth); none in an "O" (roundInside.ts lines it) and none on a
 * photo's own teeth (they carry their own lip shade).
 */
export function lipEdgeShare(gap: number, round: number, fromPhoto: boolean): number {
  if (fromPhoto) return 0;
  return smoothstep(EDGE_GAPS_IN[0], EDGE_GAPS_IN[1], gap) * (1 - smoothstep(EDGE_GAPS_OUT[0], EDGE_GAPS_OUT[1], gap)) * (1 - clamp01(round));
}
export const EDGE_GAPS_IN: readonly [number, number] = [0.06, 0.1];
export const EDGE_GAPS_OUT: readonly [number, number] = [0.2, 0.3];

/** 1 at a lip line, falling smoothly to 0 at `width` px into the opening (0 where width is none). */
export function edgeFall(d: number, width: number): number {
  return width > 0 ? 1 - smoothstep(0, width, Math.max(0, d)) : 0;
}

/**
 * `out` taken toward `target` by up to `t` where lighter than it, more the lighter (whole from
 * SOFT_OVER of the target's luma over it): a soft min that leaves anything as dark as the target.
 */
export function shadeToward(out: Float64Array, target: readonly number[], t: number): void {
  if (!(t > 0)) return;
  const lt = luma(target), lo = luma(out);
  if (!(lo > lt)) return;
  const k = t * clamp01((lo - lt) / (SOFT_OVER * lt + 1));
  for (let ch = 0; ch < 3; ch++) out[ch] = out[ch]! + (target[ch]! - out[ch]!) * k;
}
const SOFT_OVER = 0.3;


/**
 * The band widths (px) at a column `open` px tall: UPPER_WIDTH / LOWER_WIDTH iod, each at most
 * EDGE_OPEN_SHARE of the opening, and the upper one at most UPPER_ROW_SHARE of a row cut to the
 * driver's teeth share (`teethDepth` of the opening, driverTeeth.ts: a thin cut row's edge stays white).
 */
export function edgeWidths(unit: number, open: number, teethDepth: number): { upper: number; lower: number } {
  const room = EDGE_OPEN_SHARE * Math.max(0, open), cut = teethDepth < Infinity ? UPPER_ROW_SHARE * teethDepth * Math.max(0, open) : Infinity;
  return { upper: Math.min(UPPER_WIDTH * unit, room, cut), lower: Math.min(LOWER_WIDTH * unit, room) };
}
/** how far (iod) each band reaches into the opening, and at most this share of its height */
export const UPPER_WIDTH = 0.045, LOWER_WIDTH = 0.03, EDGE_OPEN_SHARE = 0.4;
/** the share of a cut row's depth the upper band may cover (as rowTopShade.ts TOP_ROW_SHARE) */
const UPPER_ROW_SHARE = 0.35;

const tone: Rgb = [0, 0, 0], target: Rgb = [0, 0, 0];
/**
 * The lips' shade edges over `out` at pixel `q` (after the upper row is drawn, before the lips'
 * inner surface, which follows what lies behind it: lipSurface.ts shadeLift): the upper edge toward
 * UPPER_TONE of the lips' lining tone (teethEdge.ts tipsToneInto) by UPPER_EDGE, only as the row's
 * body shows (`bodyShow`: speech's biting edge alone stays white, critic17's Obama f14/f22); the
 * lower edge toward LOWER_TONE of it by LOWER_EDGE. `share`: lipEdgeShare.
 */
export function lipShadowEdgeOver(q: EdgePixel, unit: number, share: number, light: EdgeLight, out: Float64Array): void {
  if (!(share > 0)) return;
  const top = q.rowTop ?? q.top, w = edgeWidths(unit, q.bottom - top, light.teethDepth);
  const show = clamp01(light.teethShow) * share;
  const up = UPPER_EDGE * show * clamp01(light.bodyShow) * edgeFall(q.cy - top, w.upper);
  const low = LOWER_EDGE * show * edgeFall(q.bottom - q.cy, w.lower);
  tipsToneInto(light.cornerLining, tone);
  if (up > 0) { scaled(tone, UPPER_TONE); shadeToward(out, target, up); }
  if (low > 0) { scaled(tone, LOWER_TONE); shadeToward(out, target, low); }
  // (under a row cut to the driver's share the dark under its tips ends at the lower lip's wet edge, in
  // that edge's tone: lp_s5 <- lp_d10's band went from the tips to the lip line, a 3 px ink outline)
  const lift = LOWER_LIFT * share * clamp01(light.underFloorK) * underRowLift(q.bottom - q.cy, (1 - Math.min(1, light.teethDepth)) * (q.bottom - top));
  if (lift > 0) { scaled(tone, 1); liftToward(out, target, lift); }
}

/**
 * How far a pixel `above` px over the lower lip line goes to the lower lip's wet edge under a row cut
 * `room` px over that line: all of it over the lower WET_SHARE[0] of the room, none from WET_SHARE[1]
 * (the dark right under the tips stays).
 */
export function underRowLift(above: number, room: number): number {
  if (!(room > 0)) return 0;
  return 1 - smoothstep(WET_SHARE[0], WET_SHARE[1], Math.max(0, above) / room);
}
export const WET_SHARE: readonly [number, number] = [0.45, 1.05];
/** how far the wet edge lifts the dark under a cut row toward the lips' lining tone */
export const LOWER_LIFT = 1;

/** `out` taken toward `target` by up to `t` where darker than it, more the darker (shadeToward's mirror: a soft max). */
export function liftToward(out: Float64Array, target: readonly number[], t: number): void {
  if (!(t > 0)) return;
  const lt = luma(target), lo = luma(out);
  if (!(lo < lt)) return;
  const k = t * clamp01((lt - lo) / (SOFT_OVER * lt + 1));
  for (let ch = 0; ch < 3; ch++) out[ch] = out[ch]! + (target[ch]! - out[ch]!) * k;
}
const scaled = (c: Rgb, k: number) => { target[0] = c[0] * k; target[1] = c[1] * k; target[2] = c[2] * k; };
/** how far each edge goes toward its tone at the lip line */
export const UPPER_EDGE = 0.8, LOWER_EDGE = 0.55;
/** each edge's tone over the lips' lining tone (the tips' tone, lit from the front): in the lip's shade */
export const UPPER_TONE = 0.6, LOWER_TONE = 0.7;

