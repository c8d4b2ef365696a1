// The lips over the interior at a pixel: the inner surface of each lip (its thickness rolling into
// the mouth, a wet edge on the lower lip), the anti-aliased lip line, and a thin slit's pixel
// coverage. Colours continue the lip drawn beside each line (lipRim.ts).
import type { OpeningPixel } from './interior.ts';
import type { FrameLight } from './frameLight.ts';
import { smoothstep } from '../../math/smooth.ts';
import { pixelSmoothstep, slitCoverage } from './lipColumns.ts';
import { shadeLift } from './pixels.ts';
import { LIP_BAND_SLOPE } from './opening.ts';
import type { LipRim } from './lipRim.ts';
import { closedLining, closeShare } from './cornerClose.ts';

/** Each lip's colour along its inner line: per column (lipRim.ts) and the least it is lit (that lip's mean rim colour). */
export interface LipColours {
  readonly rimUpper: LipRim;
  readonly rimLower: LipRim;
  lipRimUpper: readonly number[];
  lipRimLower: readonly number[];
}

/**
 * The thickness of each lip's inner surface drawn inside an opening `open` tall (same unit as
 * `unit`, the IOD): INNER_BAND_SHARE of the opening a side when barely open, at most 0.022 IOD, at least
 * `least`, thicker in an "O". The lower lip's band is 1 / LOWER_BAND_SQUEEZE of it.
 */
export function innerBand(open: number, unit: number, round: number, least = 0): number {
  return Math.max(least, Math.min(INNER_BAND_MAX * unit, INNER_BAND_SHARE * open)) * (1 + ROUND_LINING * round);
}

/**
 * The part of a lip gap (IOD, centre 13-14) left between the two lips' inner surfaces: what a
 * viewer sees as the parting (0.71 of a small gap, the motion's gap before opening.ts's allowance;
 * the gap less 0.051 IOD from 0.18 on).
 */
export function shownGap(gap: number, round: number): number {
  return Math.max(0, gap - innerBand(gap, 1, round) * (1 + 1 / LOWER_BAND_SQUEEZE));
}
const INNER_BAND_MAX = 0.022;
/** the lower lip's band is reached at this share of the distance from its line (its surface rolls out further) */
const LOWER_BAND_SQUEEZE = 0.75;
/**
 * Each band's share of a small opening: together (the lower one 1 / LOWER_BAND_SQUEEZE of the upper)
 * they take back what opening.ts's lip band allowance added to the motion's gap, so the parting a
 * viewer sees is the motion's gap (0.122). At 0.2 (until session 17) they took 0.47 of a small
 * opening: the parting was 0.74 of the motion's gap, a grey band between two lip linings, and the
 * face mesh read jawOpen 0.1 as shut on lp_s2, lp_s9, st_art_1 and mt_man (0.000-0.031 IOD; 0.046-0.061
 * now, bench/gapCurves.ts; docs/mouth/shut-s17*.jpg).
 */
const INNER_BAND_SHARE = (1 - 1 / (1 + LIP_BAND_SLOPE)) / (1 + 1 / LOWER_BAND_SQUEEZE);

const edge = new Float32Array(3);
/** The lip edge's colour at column x: the lip drawn beside the line, a little shaded (it turns into the mouth), never darker than that lip's rim colour. */
function edgeColour(lips: LipColours, x: number, lower: boolean, shade: number): Float32Array {
  const rim = lower ? lips.lipRimLower : lips.lipRimUpper, e = edge;
  const col = (lower ? lips.rimLower : lips.rimUpper).colour, o = x * 3;
  const c0 = col[o]!;
  if (c0 !== c0) { e[0] = rim[0]! * shade; e[1] = rim[1]! * shade; e[2] = rim[2]! * shade; return e; }
  e[0] = shade * Math.max(c0 * EDGE_SHADE, EDGE_FLOOR * rim[0]!); e[1] = shade * Math.max(col[o + 1]! * EDGE_SHADE, EDGE_FLOOR * rim[1]!); e[2] = shade * Math.max(col[o + 2]! * EDGE_SHADE, EDGE_FLOOR * rim[2]!);
  return e;
}

/**
 * The lips over the interior colour in `out` at column x: a band along each lip line, as thick as
 * the opening allows, from the lip's own colour at the line to the lip in the mouth's shadow, then
 * the interior. rawTop/rawBottom: the lines before rounding (where the rounded curve passes outside
 * the polygon, its edge is the lip line).
 */
export function lipsOver(q: OpeningPixel, x: number, rawTop: number, rawBottom: number, unit: number, lips: LipColours, light: FrameLight, out: Float64Array, slit = true, oInside = 0, close?: { middle: number; gate: number }): void {
  const { cy, top, bottom, lateral } = q;
  let r = out[0]!, g = out[1]!, b = out[2]!;
  const open = bottom - top;
  // (pushed out into an "O", the lips show more of their inner surface: a thin rim round a black
  // ellipse read as a hole in the face, the full funnel of lp_s42, lp_s12, st_art_1)
  const band = innerBand(open, unit, light.round, 0.8);
  const dTop = Math.min(cy - top, cy - rawTop), dBot = Math.min(bottom - cy, rawBottom - cy);
  const d = Math.min(dTop, dBot * LOWER_BAND_SQUEEZE);
  // (each ramp averaged over the pixel's height, as d runs across it: the band's end across a thin
  // slit, point-sampled, was a hard edge that jumped a row at a time)
  const foot = dTop <= dBot * LOWER_BAND_SQUEEZE ? 1 : LOWER_BAND_SQUEEZE;
  // (an O's inside, roundInside.ts, lines its rim at least as far as it is one: at a funnel's
  // roundness .35 the lining was a 2 px band, then the flat dark, critic23's "hard rims")
  const shut = close ? closeShare(open, close.middle, close.gate) : 0;
  if (shut > 0) {
    // (toward an open mouth's corners what shows is the lips' inner surfaces meeting: the interior goes over to them
    // along the opening, not down each column, cornerClose.ts)
    const c = closedLining(dTop <= dBot ? lips.lipRimUpper : lips.lipRimLower, shut);
    r += (c[0]! - r) * c[3]!; g += (c[1]! - g) * c[3]!; b += (c[2]! - b) * c[3]!;
  }
  const toInterior = roundLining(pixelSmoothstep(0.3 * band, band, d, foot), d, open, unit, Math.max(light.round, O_LINING * oInside), light.purse);
  // at the line itself (and where the lips overlap) the lip's own colour: an anti-aliased edge
  const atLine = 1 - pixelSmoothstep(-0.5, 0.35 * band + 0.5, d, foot);
  if (toInterior < 1 || atLine > 0) {
    // The edge and the inner surface continue the lip as it is drawn beside the line (its texture,
    // read per column along each lip line: lipRim.ts). Fixed photo lip colours read as a thin rim
    // line around the opening.
    const e = edgeColour(lips, x, dBot < dTop, 1 - CORNER_EDGE_SHADE * lateral * lateral), er = e[0]!, eg = e[1]!, eb = e[2]!;
    if (toInterior < 1) {
      // the inner surface: that lip turning into the mouth's shadow, a little redder; a faint wet
      // highlight on the lower lip's rim, where light from above meets it
      const wet = dBot < dTop ? WET * Math.exp(-(((dBot - 0.4 * band) / (0.2 * band + 0.4)) ** 2)) : 0;
      // The surface is shaded only as deep as what lies behind it: against bright teeth it stays
      // the lip's colour (a band darker than both the lip and the teeth read as a drawn ring round
      // the opening); against the dark cavity it falls off into it
      const ir = light.innerShade, lift = shadeLift(r, g, b, er, eg, eb, ir);
      const lr = er * (ir[0] + (1 - ir[0]) * lift) * (1 + wet), lg = eg * (ir[1] + (1 - ir[1]) * lift) * (1 + wet), lb = eb * (ir[2] + (1 - ir[2]) * lift) * (1 + wet);
      r = lr + (r - lr) * toInterior; g = lg + (g - lg) * toInterior; b = lb + (b - lb) * toInterior;
    }
    if (atLine > 0) { const l = lipAt(q, rawTop, rawBottom, unit, lips, light, e); r += (l[0]! - r) * atLine; g += (l[1]! - g) * atLine; b += (l[2]! - b) * atLine; }
  }
  // a slit a pixel or two tall: each pixel shows the interior by the share of its (slightly widened)
  // footprint the opening covers, the lip edge elsewhere. Shaded by distance alone, a thin slit
  // was one black row that jumped a whole row where the line crossed a pixel edge (a staircase).
  const cover = slit ? slitCoverage(cy, Math.max(top, rawTop), Math.min(bottom, rawBottom)) : 1;
  if (cover < 1) {
    const l = lipAt(q, rawTop, rawBottom, unit, lips, light, edgeColour(lips, x, dBot < dTop, 1 - CORNER_EDGE_SHADE * lateral * lateral));
    r = l[0]! + (r - l[0]!) * cover; g = l[1]! + (g - l[1]!) * cover; b = l[2]! + (b - l[2]!) * cover;
  }
  out[0] = r; out[1] = g; out[2] = b;
}

/**
 * How far a pixel `d` in from the lip line shows the interior rather than the lip's inner surface,
 * 0..1, in an opening `open` tall (same unit as `unit`, the IOD) at roundness `round`: `flat` (the
 * thin band of any opening) going over, as the mouth rounds, to a lining that reaches
 * ROUND_LINING_REACH of the way to the opening's middle (at most ROUND_LINING_MOST IOD) and
 * darkens into it all along. Pushed forward into a pucker or an "O", the lips turn their wet inner
 * surface toward the viewer and the dark is only the small deep middle; with a thin band the
 * opening was a flat black disc edge to edge (critic20: lp_s42 <- lp_d6 f86, f190). A small purse
 * (`purse`: under 0.06-0.12 IOD, `smallPurse`) has no room for the lining: the flat band alone (round27).
 */
export function roundLining(flat: number, d: number, open: number, unit: number, round: number, purse = 0): number {
  if (!(round > 0)) return flat;
  const reach = Math.min(ROUND_LINING_REACH * 0.5 * open, ROUND_LINING_MOST * unit) * (1 - purse);
  const lined = reach > 0 ? smoothstep(0, reach, d) : 1;
  return flat + (Math.min(flat, lined) - flat) * round;
}
/**
 * How much an opening `gap` (iod, the frame's 13-14: the O's centre, not each column's, whose ends
 * narrow to nothing in any O) is a small purse, too small for a lining: 1 up to 0.06 IOD, none from
 * 0.12. A purse's lips meet their inner surfaces face to face; what shows between them is the dark
 * (lp_d11 f65: the dark hole 0.052 IOD tall where its face mesh reads the gap 0.058). Lined 0.8 of the way in, the Mona Lisa's pucker (lp_s9 <- lp_d11 f65, mesh gap 0.076) was a dark
 * line 0.036 IOD tall in lip-coloured (on her, skin-coloured) lining, read back shut (0.012); the
 * lining stays for an O with room for it (lp_s5 <- lp_d10 f4, gap 0.13, keeps its ring).
 */
export const smallPurse = (gap: number) => 1 - smoothstep(PURSE_LINING_GAP[0], PURSE_LINING_GAP[1], gap);
const PURSE_LINING_GAP = [0.06, 0.12] as const;
/** an "O"'s lining reaches this share of the way from the lip line to the opening's middle ... */
const ROUND_LINING_REACH = 0.8;
/** ... and no further than this (iod): a wide "O" keeps its deep middle, with the tongue or teeth in it */
const ROUND_LINING_MOST = 0.05;

const pressedColour = new Float32Array(3);
/**
 * The lip's colour at a pixel on or past the lip line: the lip edge `e`; where an "O" closed the
 * opening (roundOpening: between the raw and the rounded line) the pursed lips pressed together,
 * in that lip's mean rim colour (each column's own, drawn down a tall pressed band, was streaked),
 * darker along the seam where they meet.
 */
function lipAt(q: OpeningPixel, rawTop: number, rawBottom: number, unit: number, lips: LipColours, light: FrameLight, e: Float32Array): Float32Array {
  if (!(light.round > 0) || (q.cy >= q.top && q.cy <= q.bottom)) return e;
  const shade = pressedShade(q.cy, q.top, q.bottom, rawTop, rawBottom, unit) * (1 - CORNER_EDGE_SHADE * q.lateral * q.lateral);
  const m = q.cy < q.top ? lips.lipRimUpper : lips.lipRimLower;
  pressedColour[0] = m[0]! * shade; pressedColour[1] = m[1]! * shade; pressedColour[2] = m[2]! * shade;
  return pressedColour;
}

/** The shade of a pixel of lips an "O" pressed together: a soft seam PRESS_SEAM darker along the middle where they meet (not at the raw lip line). */
function pressedShade(cy: number, top: number, bottom: number, rawTop: number, rawBottom: number, unit: number): number {
  const mid = 0.5 * (top + bottom), w = Math.max(0.8, PRESS_SEAM_WIDTH * unit);
  const seam = PRESS_SEAM * Math.exp(-(((cy - mid) / w) ** 2)) * smoothstep(0, 2 * w, Math.min(cy - rawTop, rawBottom - cy));
  return 1 - seam;
}
const PRESS_SEAM = 0.25, PRESS_SEAM_WIDTH = 0.014;

/** the lip edge: the lip drawn beside the line (lipRim.ts), this much darker (it turns into the mouth); never below EDGE_FLOOR of that lip's mean rim colour */
const EDGE_SHADE = 0.93, EDGE_FLOOR = 0.85;
/** an "O" shows this much more of the lips' inner surface (its band this much thicker; 1.2 until session 13, when the O was the lips' whole lens: it ate a third of the O's height, lp_s42 <- lp_d6 .099 IOD tall where the driver's is .150; roundOpening now draws the pursed sides) */
const ROUND_LINING = 0.4;
/** an O's inside (roundInside.ts) lines its rim as a mouth this round at least (1: mt_man's lower lining and lit tongue ran together, the O a dark slot along its top) */
const O_LINING = 0.6;
/** the wet highlight's strength on the lower lip's rim (0.3 with +45 grey read as a light rim line) */
const WET = 0.12;
/** toward the corners the rim darkens by up to this share (the cheeks' shade there: a lip-coloured rim read as a drawn light outline down the sides) */
const CORNER_EDGE_SHADE = 0.3;
