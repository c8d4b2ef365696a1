// The shape of separate teeth laid onto a library row. The rows were cut from video frames in which
// the teeth are ~8 px wide blobs: the gaps between them were lost to compression before we ever had
// them, and every later stage (resampling, evenTips' floor, the photo's softness) only smooths more.
// Five reviews saw "one smooth white band without gaps between teeth". Real teeth, seen from the
// front: a dark line between neighbours (deepest at the midline, between the central incisors),
// opening into a small dark V at the tips (the incisal embrasure); each tooth rounded (lighter
// centre, darker sides); narrower teeth further out, turning away into the cheeks' shadow.
// The relief is drawn at output scale, as wide as the picture's own softness (a 256 px photo or a
// painting gets soft gaps, never sharper than its own detail), before photoLook.ts matches the
// rows' sharpness to the photo.
import type { ReadyLayer } from './readyLayer.ts';
import { smoothstep } from '../../math/smooth.ts';
import { luminance as lum } from '../../math/colour.ts';
import { sideRounding, sideWidths, toothLight, unevenSeen } from './toothVariety.ts';

/**
 * Teeth widths (iod) out from the midline as seen from the front: central and lateral incisor,
 * canine, two premolars, a molar (mean adult crowns, 8.6 mm for an upper central, over the ~90 mm
 * between the outer eye corners, the project's IOD; the side teeth foreshortened by the arch's curve).
 */
export const UPPER_TEETH_WIDTHS = [0.095, 0.067, 0.06, 0.048, 0.042, 0.036];
export const LOWER_TEETH_WIDTHS = [0.06, 0.064, 0.058, 0.048, 0.042, 0.036];
/**
 * How far (iod) each tooth's tip stands back from the row's edge: the upper laterals are ~0.7 mm
 * shorter than the centrals, the canines' cusp nearly level, the premolars higher (the smile arc);
 * the lower incisors make a straight edge.
 */
const UPPER_TIP_BACK = [0, 0.006, 0.002, 0.005, 0.0075, 0.01];
const LOWER_TIP_BACK = [0, 0, 0.002, 0.0045, 0.007, 0.009];
// Session 23 (critic22: "a regular grey-gap row"; real rows show faint gaps and a near-even edge of
// tips over a dark cavity): the tips' stand-back and rounded corners 0.75 of what they were, the lines
// fainter (over the body 0.2 -> 0.15, kept at BODY_LINE on every row; the V at the tips 0.65 -> 0.4,
// 2.2 -> 1.6 as wide), the rounding and the per-tooth steps halved. Halving the tips and V's too
// (0.25) took lp_s1's dark share at jawOpen .2 to .109 (test/mouthCavity). Figures: the mouth README.
/** each tip's corners rounded over this share of its half-width, by up to this many iod (the incisal embrasure's V between two tips) */
const CORNER_SHARE = 0.4;
const UPPER_CORNER = 0.003;
const LOWER_CORNER = 0.0035;

/** The line between two teeth: its half-width (iod) on a sharp picture, and how dark its middle is (the midline's; the others less). */
const GAP_SIGMA = 0.0035;
const GAP_DARK = 0.15;
/** each boundary past the central incisors' is this share as dark as the one before (the side teeth overlap and recede; the midline no darker: lp_s42 read as gap-toothed) */
const GAP_FALLOFF = 0.85;
/**
 * A line widened by the picture's softness keeps at least this share of a sharp line's darkness
 * (not only its sum): a painter draws the lines between teeth as strokes as dark as the picture's
 * other edges. Issue #13, teeth27: kept in sum, st_art_1's and lp_s12's lines (1.4-1.9 px of blur)
 * were a third as dark and then softened again: one white band without separations. Sharp pictures
 * (lp_s1: 0.69 of it at their own softness) are untouched.
 */
const SOFT_LINE_KEEP = 0.5;
/** a tooth's sides are this much darker than its centre (it is rounded) */
const ROUND_DARK = 0.05;

/** How a row's relief is drawn over the plain one (rowLook.ts): its lines' darkness and width, its teeth's rounding (times ROUND_DARK, as |2u - 1|^roundPower across a tooth). */
export interface ReliefLook { lines: number; widen: number; round: number; roundPower: number; /** times GAP_WARMTH */ warmth: number; /** times the side teeth's shading (their step per tooth, their turn away: columnShade); 1 when absent */ sides?: number; /** times the lines' rise from `bodyLine` to full near the tips (TIP_LINES; speechRow.ts); 1 when absent */ tipLines?: number; /** times each tooth's own light step up or down (toothVariety.ts toothLight; onsetRelief.ts); 1 when absent */ variety?: number; /** times the V's widening and darkening at the tips (EMBRASURE_*); 1 when absent */ embrasure?: number; /** times the biting edge's dark (INCISAL_DARK); 1 when absent */ incisal?: number }
export const PLAIN_RELIEF: ReliefLook = { lines: 1, widen: 1, round: 1, roundPower: 2, warmth: 1, sides: 1 };
/**
 * The lower row's look (s52 teethtex52): its lines between teeth LOWER_LINES as dark. Real lower incisors stand crowded
 * behind the upper row's shade and read as one pale band with faint separations (Katie's lower rows, lp_d10's); drawn as
 * dark as the upper row's, the thin lit band a speech opening shows of it was a comb of beads (lp_s9 <- lp_d11 f165).
 * s53 (beads53): and its tips drawn as lower incisors are: a straight biting edge with tight contacts, no V opening between
 * neighbours (`embrasure` 0), the lines no stronger at the tips than over the body (`tipLines` 0), the edge's dark and the
 * tips' rounded corners halved (`incisal`), each tooth half as rounded (`round`). A speech opening shows the lower row as a
 * band .01-.03 iod tall, all of it within the tips' reach: drawn with the upper row's V's and rounding, each tooth was a lit
 * blob outlined in dark (lp_s9 <- lp_d11 f76/f165, mt_man <- pcavs681 f104/f107 in front of the pale tongue, critic52 #5).
 */
export const LOWER_LINES = 0.7;
export const LOWER_RELIEF: ReliefLook = { ...PLAIN_RELIEF, lines: LOWER_LINES, round: 0.5, tipLines: 0, embrasure: 0, incisal: 0.5 };
/** Near the tips (within this many iod) the gap opens into a V (the incisal embrasure) this much wider and darker. */
const EMBRASURE_REACH = 0.018;
const EMBRASURE_WIDEN = 1.25;
const EMBRASURE_DARK = 0.25;
/** The relief fades out between these distances (iod) from a tooth's tip: an upper central's crown is ~10.5 mm; beyond it teethRows.ts carries the row on into the gum's colour. */
const CROWN: [number, number] = [0.1, 0.13];
/** The biting edge (the last this-many iod of a tooth) is up to this much darker: translucent enamel, the cavity behind it (the smile's two rows met as one slab). */
const INCISAL_BAND = 0.012;
const INCISAL_DARK = 0.2;
/** the side teeth turn away from the light: from x = 0.16 iod (the canines) to 0.36 iod they lose this share (the shader's lateral^2 darkening is relative to the opening; this is the teeth's own) */
const SIDE_TURN: [number, number, number] = [0.16, 0.36, 0.12];

/**
 * Real rows are no picket fence (critic15: "a regular picket fence", st_art_1, Obama): the two
 * halves of a row differ a little, so one side's teeth are this share wider (the other's
 * narrower), measured out from the midline; and the teeth past the centrals are a little darker
 * (the laterals thinner and set back, the canines turning away), by TOOTH_SHADE per tooth out from
 * the midline, SIDE_SHADE_SPLIT more on the wider side and as much less on the other.
 */
const SIDE_ASYM = 0.04;
const UPPER_TOOTH_SHADE = [0, 0.035, 0.02, 0.01, 0.01, 0.01];
const LOWER_TOOTH_SHADE = [0, 0.015, 0.025, 0.01, 0.01, 0.01];
const SIDE_SHADE_SPLIT = 0.35;
/**
 * Session 17 (critic16: "teeth still too regular: even picket rows", st_art_1 f32, Obama video
 * f28): per boundary out from the midline (index 1 = central/lateral), how much of its dark line
 * shows on the image-left (x < 0) and image-right sides: real neighbours overlap unevenly, one line
 * a dark crack, the next fainter. (Fainter than 0.75 took the dark V's between the rows' tips away: lp_s1's
 * speech opening, test/mouthCavity, went from 0.148 to 0.100 dark share with lines at 0.45 and longer tips.)
 */
const GAP_SEEN_LEFT = [1, 1, 0.8, 1.25, 0.75, 1.1, 0.8];
const GAP_SEEN_RIGHT = [1, 0.8, 1.25, 0.75, 1.15, 0.8, 1];
/** per tooth out from the midline, iod added to its tip's stand-back on each side (one central a little shorter, a lateral or canine higher than its twin; never longer: the gap between the rows stays) */
const TIP_UNEVEN_LEFT = [0.002, 0, 0.0015, 0, 0.001, 0];
const TIP_UNEVEN_RIGHT = [0, 0.001, 0, 0.0015, 0, 0.00075];

/** |x| (iod) from the midline in the widths' measure: one side's teeth SIDE_ASYM wider than the other's. */
export function sideX(x: number): number {
  return Math.abs(x) / (x < 0 ? 1 + SIDE_ASYM : 1 - SIDE_ASYM);
}

/** The tooth at |x| (iod) from the midline: its index out from the midline and where across it (0 at its inner side, 1 at its outer). */
export function toothAt(ax: number, widths: number[]): { index: number; u: number } {
  return toothWithin(ax, toothBoundaries(widths));
}

/** toothAt on the boundaries (toothBoundaries) already laid out. */
function toothWithin(ax: number, bounds: number[]): { index: number; u: number } {
  let k = 0;
  while (k < bounds.length - 2 && ax > bounds[k + 1]!) k++;
  return { index: k, u: Math.min(1, Math.max(0, (ax - bounds[k]!) / (bounds[k + 1]! - bounds[k]!))) };
}

/** How far (iod) the tip at |x| stands back from the row's edge: the tooth's own length, its corners rounded. */
export function tipBack(ax: number, widths: number[], back: number[], corner: number, uneven: number[] = []): number {
  const { index, u } = toothAt(ax, widths);
  const side = Math.abs(2 * u - 1), from = 1 - CORNER_SHARE;
  const t = side <= from ? 0 : (side - from) / CORNER_SHARE;
  return Math.max(0, back[Math.min(index, back.length - 1)]! + (uneven[index] ?? 0)) + corner * (1 - Math.sqrt(Math.max(0, 1 - t * t)));
}

/** Boundaries between teeth (iod, x >= 0) out from the midline: 0, then the running sum of widths. */
export function toothBoundaries(widths: number[]): number[] {
  const out = [0];
  for (const w of widths) out.push(out[out.length - 1]! + w);
  return out;
}

/**
 * The lines across the row at |x| (iod) from the midline: the light multiplier of a column from its
 * tooth's rounding and the dark line to its neighbours (widening and darkening toward the tips by `tipShare`);
 * the per-tooth shading is columnShade's.
 * `soft` is the picture's blur (iod): the line widens and pales with it (the same darkness spread wider).
 */
export function columnLines(x: number, widths: number[], soft: number, tipShare: number, look: ReliefLook = PLAIN_RELIEF): number {
  const ax = sideX(x);
  const bounds = toothBoundaries(widths);
  const { index: k, u } = toothWithin(ax, bounds);
  // rounded: lighter centre, darker sides (each side as rounded as its boundary's line is dark: toothVariety.ts)
  const seenAt = (j: number) => unevenSeen((x < 0 ? GAP_SEEN_LEFT : GAP_SEEN_RIGHT)[j] ?? 1);
  let m = 1 - ROUND_DARK * look.round * Math.abs(2 * u - 1) ** look.roundPower * sideRounding(seenAt(u < 0.5 ? k : k + 1));
  // the nearest boundary's dark line (the midline's seen from both sides: same value)
  const tipV = tipShare * (look.embrasure ?? 1);
  const widen = (1 + (EMBRASURE_WIDEN - 1) * tipV) * look.widen;
  const sharpSigma = GAP_SIGMA * widen;
  const sigma = Math.hypot(sharpSigma, soft);
  let gap = 0;
  for (const j of [k, k + 1]) {
    if (j >= bounds.length - 1 && j > k) break;
    const seen = seenAt(j);
    const depth = Math.min(0.9, (GAP_DARK + (EMBRASURE_DARK - GAP_DARK) * tipV) * GAP_FALLOFF ** Math.max(0, j - 1) * seen * look.lines);
    const d = ax - bounds[j]!;
    gap = Math.max(gap, depth * Math.max(sharpSigma / sigma, SOFT_LINE_KEEP) * Math.exp(-(d * d) / (2 * sigma * sigma)));
  }
  return m * (1 - gap);
}

/** The rest of the column's relief (apart from its lines):  each tooth's step darker out from the midline, the side teeth turning away. */
function columnShade(x: number, widths: number[], shades: number[], sides = 1, variety = 1): number {
  const ax = sideX(x), { index: k } = toothAt(ax, widths);
  return (1 + variety * (toothLight(k, x < 0) - 1)) * (1 - sides * (shades[Math.min(k, shades.length - 1)] ?? 0) * (x < 0 ? 1 + SIDE_SHADE_SPLIT : 1 - SIDE_SHADE_SPLIT))
    * (1 - sides * SIDE_TURN[2] * smoothstep(SIDE_TURN[0], SIDE_TURN[1], ax));
}

/**
 * Session 22 (teeth22b): real rows show their lines near the tips, dark V's between rounded tips, the
 * bodies nearly seamless; lines over the whole crown read as a ruled bar (Katie). Within TIP_LINES[0]
 * (iod) of a tip the lines are full, by TIP_LINES[1] (a third of the crown) they are down to the
 * row's `bodyLine`. Until session 23 only a sharp photo showing its own teeth took BODY_LINE; a
 * library row alone kept full-height lines: critic22's "evenly gapped grey row" (stripe index Obama 1
 * 7.7 against his real 1.9-3.3, lp_s5 9.3). Now every row takes it (readyMouth).
 */
const TIP_LINES: [number, number] = [0.02, 0.045];
/** the share of the cavity's colour (over its luma) a full shade takes: the gaps' dark is the mouth's, not grey */
const GAP_WARMTH = 0.5;

/** The colour `rgb` over its luminance, per channel (1, 1, 1: neutral): the hue a relief's shade takes. */
export function shadeTintOf(rgb: [number, number, number]): [number, number, number] {
  const y = Math.max(1, lum(...rgb));
  return [rgb[0] / y, rgb[1] / y, rgb[2] / y];
}
/** a one-pixel box's standard deviation (px): what a pixel's area adds to a line's width */
const PIXEL_SIGMA = Math.sqrt(1 / 12);
export const BODY_LINE = 0.5;

/**
 * The row with separate teeth: each pixel's light times the relief of its column, the gaps opening
 * toward the row's tips (`dir` 1: tips down, the upper row; -1: tips up, the lower row).
 * `softPx` is the picture's blur at output scale (px); `look` deepens the relief (rowLook.ts).
 */
export function withToothRelief(l: ReadyLayer, outPerIod: number, dir: 1 | -1, softPx: number, bodyLine = 1, shadeTint?: [number, number, number], look: ReliefLook = PLAIN_RELIEF): ReadyLayer {
  const W = l.width, H = l.height, d = l.data, data = Float32Array.from(d);
  const upper = dir > 0;
  const rowWidths = upper ? UPPER_TEETH_WIDTHS : LOWER_TEETH_WIDTHS;
  // (each side's teeth a little different: toothVariety.ts)
  const widthsLeft = sideWidths(rowWidths, true), widthsRight = sideWidths(rowWidths, false);
  // (a line is seen over a whole output pixel, not at its centre: the pixel's footprint widens it,
  // its darkness kept in sum; at ~90 px per IOD (lp_s1) a line on a pixel's centre was a dark
  // one-pixel column and the next, between two centres, half as dark: an uneven grid)
  const soft = Math.hypot(softPx, PIXEL_SIGMA) / outPerIod, reach = EMBRASURE_REACH * outPerIod;
  // the cut tip's edge ramps over a pixel, or the picture's softness
  const ramp = Math.max(1, 2 * softPx), incisal = Math.max(1, INCISAL_BAND * outPerIod);
  for (let x = 0; x < W; x++) {
    const xi = (x + 0.5 - l.anchorX) / outPerIod, widths = xi < 0 ? widthsLeft : widthsRight;
    // the column's tip: its furthest row of at least half its peak coverage
    let top = 0;
    for (let y = 0; y < H; y++) top = Math.max(top, d[(y * W + x) * 4 + 3]!);
    if (top < 0.05) continue;
    let tip = -1;
    for (let y = 0; y < H; y++) {
      const yy = upper ? H - 1 - y : y;
      if (d[(yy * W + x) * 4 + 3]! >= 0.5 * top) { tip = yy; break; }
    }
    const uneven = xi < 0 ? TIP_UNEVEN_LEFT : TIP_UNEVEN_RIGHT;
    const back = tipBack(sideX(xi), widths, upper ? UPPER_TIP_BACK : LOWER_TIP_BACK, upper ? UPPER_CORNER : LOWER_CORNER, upper ? uneven : []) * outPerIod;
    // (away from the tip the column's relief is one value)
    const shade = columnShade(xi, widths, upper ? UPPER_TOOTH_SHADE : LOWER_TOOTH_SHADE, look.sides ?? 1, look.variety ?? 1);
    const body = columnLines(xi, widths, soft, 0, look);
    for (let y = 0; y < H; y++) {
      const o = (y * W + x) * 4;
      if (d[o + 3]! <= 0) continue;
      // rows in from the row's edge (0 at the tip, counting into the tooth)
      const fromTip = (tip - y) * dir;
      // this tooth's own tip stands back: the cavity shows below it
      const cover = Math.min(1, Math.max(0, (fromTip - back) / ramp + 1));
      // 1 at the tooth's tip, 0 from EMBRASURE_REACH into it
      const tipShare = 1 - smoothstep(0, reach, fromTip - back);
      // the biting edge is thin and translucent: a little darker, so two rows that meet keep a line between them
      const edge = 1 - INCISAL_DARK * (look.incisal ?? 1) * Math.max(0, 1 - (fromTip - back) / incisal);
      // past the crown (the gum a raised lip shows) no teeth are drawn
      const crown = 1 - smoothstep(CROWN[0] * outPerIod, CROWN[1] * outPerIod, fromTip - back);
      // (the lines over the body kept at `bodyLine` of their strength: full near the tips)
      const lines = bodyLine + (1 - bodyLine) * (look.tipLines ?? 1) * (1 - smoothstep(TIP_LINES[0] * outPerIod, TIP_LINES[1] * outPerIod, fromTip - back));
      const lined = 1 - (1 - (tipShare > 0 ? columnLines(xi, widths, soft, tipShare, look) : body)) * lines;
      const relief = 1 - (1 - lined * shade) * crown;
      const m = relief * edge * cover;
      // (a shade loses its colour as it darkens: the chroma goes as m^2, session 16: mt_sun's gaps were dark gold, olive)
      const lo = lum(d[o]!, d[o + 1]!, d[o + 2]!), ky = m * lo, kc = m * m;
      // (...and takes the mouth's: a gap between teeth looks into the cavity; neutral grey gaps on warm
      // teeth beside red lips read as metal, lp_s1's "braces", session 26)
      const warm = shadeTint ? GAP_WARMTH * look.warmth * (1 - relief * edge) * ky : 0, cap = 255 * d[o + 3]! * cover;
      for (let ch = 0; ch < 3; ch++) data[o + ch] = Math.min(cap, Math.max(0, ky + (d[o + ch]! - lo) * kc + (shadeTint ? warm * (shadeTint[ch]! - 1) : 0)));
      data[o + 3] = d[o + 3]! * cover;
    }
  }
  return { ...l, data };
}
