// How dark the inside of a driver's mouth is, per video frame: whether the opening shows teeth
// (pixels inside the inner-lip contour brighter than the lips). A puckered "O" with a dark hole
// (lp_d6 at 3.3 s, frames 83-86) has none; Obama 2's puckered words show his teeth (frames 108-111:
// 13-31 % of the opening). The rig's weights cannot tell the two apart (pucker .54-.69 and jaw
// .14-.24 in both), so the renderer's "O" darkening (render/mouth/frameLight.ts) follows this.
//
// The share of pixels much darker than the lips was tried first: it does not separate them (lp_d6's
// O 0.34-0.40, her lit tongue fills the contour's lower half; Obama's teeth-free slits at 106-109
// 0.49-0.70, his teeth at 110-111 0.15-0.23).
//
// A lit tongue is as bright as teeth but as red as the lips: lp_d6's tall "O" (f190-191, no teeth)
// read as teeth by luminance alone (darkness .00 raw), so the renderer drew teeth and tongue in a
// widened opening (critic23: .71-.76 of her median width where hers is .46-.49). Bright pixels count
// as teeth only while less saturated than the lips (below TEETH_SAT_OF_LIP of theirs, and always below
// TEETH_SAT_ALWAYS): her tongue's saturation is .38-.41 beside lips at .52, her teeth .26-.35 beside
// .44-.50; Obama's teeth .18-.30 beside lips at .33-.39, every one of them under TEETH_SAT_ALWAYS.
import type { RgbaImage } from '../types.ts';
import { smoothstep } from '../math/smooth.ts';
import { quantile } from '../math/stats.ts';
import { saturation } from '../math/colour.ts';
import { MOUTH_LOOP } from '../rig/topology.ts';
import { rowCrossings } from '../math/polygon.ts';
import { fillGaps, median3 } from './filters.ts';
import { paleTongueFrom } from './paleTongue.ts';

/** outer/inner lip landmark pairs: halfway between them lies the lip's body (its light is the reference) */
const LIP_PAIRS: readonly [number, number][] = [[0, 13], [37, 82], [267, 312], [39, 81], [269, 311], [17, 14], [84, 87], [314, 317], [181, 178], [405, 402]];
/** a pixel inside the opening counts as teeth over this much of the lips' luminance */
const TEETH_OF_LIP = 1.15;
/** a bright pixel is teeth only under this share of the lips' saturation ... */
const TEETH_SAT_OF_LIP = 0.7;
/** ... or under this saturation whatever the lips' (pale lips: Obama's at .33-.39) */
const TEETH_SAT_ALWAYS = 0.3;
/** shares of the opening's pixels that are teeth over which the mouth turns from dark (1) to showing teeth (0) */
const TEETH_FROM = 0.03, TEETH_FULL = 0.12;
/** openings with fewer pixels than this inside the contour are not measured (a closed or nearly closed mouth) */
const MIN_PIXELS = 12;


/** The mean luminance and the saturation of the mean colour of the 3x3 pixels round (x, y), clamped to the image. */
function lipSample(img: RgbaImage, x: number, y: number): { light: number; sat: number } {
  let r = 0, g = 0, b = 0;
  for (let dy = -1; dy <= 1; dy++)
    for (let dx = -1; dx <= 1; dx++) {
      const px = Math.max(0, Math.min(img.width - 1, Math.round(x) + dx));
      const py = Math.max(0, Math.min(img.height - 1, Math.round(y) + dy));
      const i = (py * img.width + px) * 4;
      r += img.data[i]!; g += img.data[i + 1]!; b += img.data[i + 2]!;
    }
  return { light: (0.299 * r + 0.587 * g + 0.114 * b) / 9, sat: saturation(r, g, b) };
}

/** The lips' median luminance and saturation (halfway between the outer and inner lip lines, LIP_PAIRS): what the opening's pixels are compared with. */
export function lipReference(img: RgbaImage, lm: ArrayLike<number>): { light: number; sat: number } {
  const lips = LIP_PAIRS.map(([o, n]) => lipSample(img, (lm[o * 3]! + lm[n * 3]!) / 2, (lm[o * 3 + 1]! + lm[n * 3 + 1]!) / 2));
  return { light: quantile(lips.map((l) => l.light), 0.5), sat: quantile(lips.map((l) => l.sat), 0.5) };
}

/** Whether a pixel inside the opening is teeth: brighter than the lips by TEETH_OF_LIP and less saturated (a lit tongue is not). */
export function isTeethPixel(r: number, g: number, b: number, lipLight: number, lipSat: number): boolean {
  return 0.299 * r + 0.587 * g + 0.114 * b > TEETH_OF_LIP * lipLight && saturation(r, g, b) < Math.max(TEETH_SAT_ALWAYS, TEETH_SAT_OF_LIP * lipSat);
}

/** The image row from which the opening's bright pixels are a pale tongue, not teeth (paleTongue.ts; Infinity: none). */
export function tongueRowOf(img: RgbaImage, poly: [number, number][], lipLight: number, lipSat: number): number {
  return paleTongueFrom(img, poly, (r, g, b) => isTeethPixel(r, g, b, lipLight, lipSat), lipLight);
}

/**
 * How dark the opening is (1: no teeth in it .. 0: teeth show, TEETH_FULL of the pixels inside the
 * inner lip contour teeth by isTeethPixel against the lips' median luminance and saturation); null when the opening holds
 * fewer than MIN_PIXELS pixels (nothing to read).
 * `lm`: the 478 landmarks in the image's pixels, flat x, y, z.
 */
export function mouthDarkness(img: RgbaImage, lm: ArrayLike<number>): number | null {
  return darknessOfTeeth(teethShare(img, lm));
}

/** mouthDarkness from a teethShare already read (null stays null). */
export function darknessOfTeeth(share: number | null): number | null {
  return share === null ? null : 1 - smoothstep(TEETH_FROM, TEETH_FULL, share);
}

/** The share of the pixels inside the inner lip contour that are teeth (isTeethPixel, above a pale tongue: tongueRowOf); null under MIN_PIXELS pixels. */
export function teethShare(img: RgbaImage, lm: ArrayLike<number>): number | null {
  const poly = MOUTH_LOOP.map((k) => [lm[k * 3]!, lm[k * 3 + 1]!] as [number, number]);
  const { light: lipLight, sat: lipSat } = lipReference(img, lm);
  let y0 = Infinity, y1 = -Infinity;
  for (const [, y] of poly) {
    y0 = Math.min(y0, y); y1 = Math.max(y1, y);
  }
  let count = 0, teeth = 0;
  const d = img.data, tongueFrom = tongueRowOf(img, poly, lipLight, lipSat);
  // row by row, the pixel centres between the contour's crossings (even-odd), as insidePolygon
  // would count them but without testing every pixel against every edge (4 ms -> well under 1 on a wide mouth)
  const xs: number[] = [];
  for (let y = Math.max(0, Math.ceil(y0)); y <= Math.min(img.height - 1, Math.floor(y1)); y++) {
    rowCrossings(poly, y, xs);
    for (let k = 0; k + 1 < xs.length; k += 2)
      for (let x = Math.max(0, Math.ceil(xs[k]!)); x < Math.min(img.width, xs[k + 1]!); x++) {
        // (over a pale tongue the share is of the opening above it: over the whole opening lp_d11 f165's upper row read
        // .07, drawn as a mere edge where hers shows a band; above her tongue .14, what it read with the tongue counted)
        if (y >= tongueFrom) continue;
        count++;
        const i = (y * img.width + x) * 4;
        if (isTeethPixel(d[i]!, d[i + 1]!, d[i + 2]!, lipLight, lipSat)) teeth++;
      }
  }
  return count >= MIN_PIXELS ? teeth / count : null;
}

/**
 * Per frame measures (null = not measured: no face, or the lips closed) -> a series for the motion:
 * gaps filled linearly from the measured neighbours (held at the ends), a 3-frame median (one
 * frame's misread lip light does not flip the O), then a [1/4 1/2 1/4] average (the O comes and goes
 * over three frames, not in one). All null: undefined (the renderer's default). `afterMedian` may change the median
 * before the average (lowerShowSeries.ts lowerRowSeries keeps a supported frame's own read).
 */
export function mouthDarkSeries(measured: readonly (number | null | undefined)[], afterMedian: (median: Float64Array) => ArrayLike<number> = (m) => m): number[] | undefined {
  const valid = measured.map((v) => v !== null && v !== undefined);
  if (!valid.includes(true)) return undefined;
  const filled = Float64Array.from(measured, (v) => v ?? 0);
  fillGaps(filled, valid);
  const median = afterMedian(median3(filled));
  const at = (i: number) => median[Math.max(0, Math.min(median.length - 1, i))]!;
  return Array.from(median, (v, i) => Math.round((0.25 * at(i - 1) + 0.5 * v + 0.25 * at(i + 1)) * 1e4) / 1e4);
}
