// The driver's mouth width kept through the smoothing of a video motion (motion/framesFromRaw.ts):
// the fit's mouth prior (rig/mouthPrior.ts) applied once more on the smoothed channels, both ways:
// narrow frames stay round, wide frames widen the photo's mouth as much as the driver's.
import type { RigControl } from '../rig/controls.ts';
import { funnelCap, GRINNING, holdRoundWidth, narrowOpeningGrinCap, tallGrinCap, toothyGrinRoom, puckerCap, SIDE_WIDENING, puckerFloor, widenCap, widenToWidth, widthFromWeights, WIDENING, WIDTH_PER_UNIT } from '../rig/mouthPrior.ts';
import type { Channels } from './channels.ts';
import { percentile } from './restFace.ts';

/** The driver's rest mouth width: this percentile of its widths over the clip (retarget.ts's REST_PERCENTILE). */
const WIDTH_REST_PERCENTILE = 10;

/**
 * In place: the fit's mouth prior (rig/mouthPrior.ts) once more on the smoothed channels, at the frames
 * whose driver mouth was narrower than its rest (`widths`, over its neutral): the smoothing carries the
 * neighbours' smile into a short "O" and takes its pucker down (and a rounded neighbour's funnel into a grin).
 */
export function keepRoundMouth(ch: Channels, widths: Float64Array, valid: boolean[], noWideFunnel: boolean): void {
  const pucker = ch.get('w.mouthPucker'), funnel = ch.get('w.mouthFunnel');
  const shaping = widthShapingControls(ch);
  for (let i = 0; i < valid.length; i++) {
    if (!valid[i]) continue;
    for (const c of WIDENING) ch.get(`w.${c}`)[i] = Math.min(ch.get(`w.${c}`)[i]!, widenCap(widths[i]!));
    // held within the fit's own bounds (rig/mouthPrior.ts applyWidthPrior): the smoothing also carries
    // a purse's pucker into the open frames before it, where the mouth is at its rest width (lp_d11
    // f63/f64, width 1.03-1.05 of neutral, pucker .38-.51 from the purse at f65-68, teeth showing)
    const floor = puckerFloor(widths[i]!);
    pucker[i] = Math.min(Math.max(pucker[i]!, floor), Math.max(floor, puckerCap(widths[i]!)));
    // and the other way: a smile's wide frames keep no funnel the smoothing brought from a rounded neighbour
    if (noWideFunnel) funnel[i] = Math.min(funnel[i]!, funnelCap(widths[i]!));
    // and the cheek puff and frowns the fit reads at an "O" do not widen it back (lp_d6 f190)
    holdSideWidening(ch, shaping, i, widths[i]!);
  }
}

/** The channels' controls that set the mouth's width (rig/mouthPrior.ts WIDTH_PER_UNIT and SIDE_WIDENING). */
function widthShapingControls(ch: Channels): RigControl[] {
  return [...Object.keys(WIDTH_PER_UNIT), ...Object.keys(SIDE_WIDENING)].filter((c) => ch.names.includes(`w.${c}`)) as RigControl[];
}

/** holdRoundWidth (rig/mouthPrior.ts) on frame i of the channels (`shaping`: widthShapingControls). */
function holdSideWidening(ch: Channels, shaping: readonly RigControl[], i: number, width: number): void {
  const w: Partial<Record<RigControl, number>> = {};
  for (const c of shaping) w[c] = ch.at(`w.${c}`, i);
  holdRoundWidth(w, width);
  for (const c of Object.keys(SIDE_WIDENING) as RigControl[]) if (w[c] !== undefined) ch.get(`w.${c}`)[i] = w[c]!;
}

/**
 * In place: at the frames whose driver mouth was wider than at its rest, the smile, stretch and
 * dimples raised until they widen the photo's mouth as much (rig/mouthPrior.ts widenToWidth). The
 * width counts from the driver's rest width (the clip's 10th percentile, as each control's rest in
 * retarget.ts, and at least its neutral's: the photo is taken to show the driver's rest; counted from its neutral, lp_d14's
 * self-reenactment, whose photo already smiles, smiled twice: mouth PSNR 24.01 -> 22.01), taken as
 * the median of 3 frames (one frame's mouth corners jitter by a few percent). `grinCaps` (tallGrinCaps): the
 * smile and dimples held under them, the stretch making up the width.
 */
export function keepWideMouth(ch: Channels, widths: Float64Array, valid: boolean[], grinCaps?: Float64Array): void {
  const shaping = Object.keys(WIDTH_PER_UNIT) as RigControl[];
  const ratios = widthsOverRest(widths, valid);
  for (let i = 0; i < valid.length; i++) {
    if (!valid[i]) continue;
    const w: Partial<Record<RigControl, number>> = {};
    for (const c of shaping) w[c] = ch.at(`w.${c}`, i);
    const ratio = ratios[i]!;
    widenToWidth(w, ratio);
    // a tall opening's width is the stretch's, not a grin's (tallGrinCaps)
    const cap = grinCaps?.[i] ?? 1;
    if (cap < 1) {
      for (const c of GRINNING) if (w[c] !== undefined) w[c] = Math.min(w[c]!, cap);
      widenToWidth(w, ratio, GRINNING);
    }
    narrowToWidth(w, ratio);
    for (const c of WIDENING) ch.get(`w.${c}`)[i] = w[c]!;
  }
}

/** Each frame's mouth width over the driver's rest, as keepWideMouth reads it (the median of 3 frames; 1 on unusable frames). */
function widthsOverRest(widths: Float64Array, valid: boolean[]): Float64Array {
  // never below the neutral's width: a talking driver's low widths are its rounded vowels, not its rest
  const rest = Math.max(1, percentile(widths.filter((_w, i) => valid[i]), WIDTH_REST_PERCENTILE));
  return Float64Array.from(valid, (v, i) => (v ? 1 + percentile(nearValid(widths, valid, i), 50) - rest : 1));
}

/**
 * Each frame's cap on the smile and dimples from how tall the driver's opening is (rig/mouthPrior.ts
 * tallGrinCap: a shout or an open "oh" is no grin; 1 on unusable frames). `aspects`: each frame's
 * opening height over width (openingAspect), taken as the median of 3 frames as the width is (one
 * frame's inner corners jitter). `teeth`: each frame's share of the opening in teeth (mouthDark.ts
 * teethShare, median of 3 too), with `widths` (keepWideMouth's): an opening wider than the rest and full of
 * teeth is a grimace and keeps its smile (toothyGrinRoom). `narrowWidths` (the driver's mouth widths, as `widths`): a
 * small rounded vowel, open on a mouth narrower than the clip's median, is capped too (narrowOpeningCaps).
 */
export function tallGrinCaps(aspects: Float64Array, valid: boolean[], toothy?: { teeth: Float64Array; widths: Float64Array }, narrowWidths?: Float64Array): Float64Array {
  const at = (values: Float64Array, i: number) => percentile(nearValid(values, valid, i), 50);
  const ratios = toothy && widthsOverRest(toothy.widths, valid);
  const room = (i: number) => (toothy ? toothyGrinRoom(at(toothy.teeth, i), ratios![i]!) : 0);
  const narrow = narrowWidths && narrowOpeningCaps(aspects, narrowWidths, valid);
  return Float64Array.from(valid, (v, i) => (v ? Math.max(Math.min(tallGrinCap(at(aspects, i)), narrow?.[i] ?? 1), room(i)) : 1));
}

/**
 * Each frame's cap on the smile and dimples for a small rounded vowel (rig/mouthPrior.ts narrowOpeningGrinCap): its
 * opening's aspect and its mouth width over the clip's median width, each the median of 3 frames as in tallGrinCaps.
 */
function narrowOpeningCaps(aspects: Float64Array, widths: Float64Array, valid: boolean[]): Float64Array {
  const median = percentile(widths.filter((_w, i) => valid[i]), 50) || 1;
  const at = (values: Float64Array, i: number) => percentile(nearValid(values, valid, i), 50);
  return Float64Array.from(valid, (v, i) => (v ? narrowOpeningGrinCap(at(aspects, i), at(widths, i) / median) : 1));
}

/** The values of the valid frames among i - 1, i, i + 1. */
function nearValid(values: Float64Array, valid: boolean[], i: number): number[] {
  return [i - 1, i, i + 1].filter((j) => j >= 0 && j < valid.length && valid[j]).map((j) => values[j]!);
}

/**
 * The photo's mouth may come out this much wider (ratio to rest) than the driver's widened before
 * the widening controls are taken down: the fit reads an open "ah" with a raised upper lip as a smile
 * (Obama 2 at 0.64 s: smile 0.61/0.52, stretch 0.38/0.17, dimples 0.21/0.45, a mouth 1.28 times the
 * photo's where his widened 1.10; read back 0.75 IOD against his 0.63, critic16).
 */
export const WIDTH_OVER_DRIVER = 0.06;
/** The widening controls keep at least this share (the smile's corner lift is not all width). */
const NARROW_KEEP = 0.4;

/** In place: the widening controls scaled down until the weights widen the mouth no more than `widthRatio` + WIDTH_OVER_DRIVER. */
export function narrowToWidth(w: Partial<Record<RigControl, number>>, widthRatio: number): void {
  const over = widthFromWeights(w) - (Math.max(1, widthRatio) + WIDTH_OVER_DRIVER);
  if (over <= 0) return;
  let widening = 0;
  for (const c of WIDENING) widening += (WIDTH_PER_UNIT[c] ?? 0) * (w[c] ?? 0);
  if (widening <= 1e-6) return;
  const keep = Math.max(NARROW_KEEP, (widening - over) / widening);
  for (const c of WIDENING) if (w[c] !== undefined) w[c] = w[c]! * keep;
}

/** Lip gap (iod) one unit of mouthLowerDown / mouthUpperUp opens at the lip centre (rig/basis/mouth.ts writeLipMoves). */
export const LOWER_LIP_DROP = 0.09, UPPER_LIP_RISE = 0.075;

/**
 * In place: the lips' own opening controls (mouthLowerDown, mouthUpperUp) held within the jaw's
 * opening after the smoothing (a motion's jawOpen is the driver's lip gap over JAW_GAP_SPAN). Each is
 * fitted within the measured gap frame by frame, but the 4 Hz smoothing carries an opening's lip
 * drop and raise into the shut frames before it, which the jaw keeps shut (filters.ts closuresKept):
 * lp_d14 f17, lips shut (gap .006 IOD) a frame before a smile opens, carried lowerDown .23 and
 * upperUp .26 at jawOpen .025, and the photo (lp_s12) showed a bar of teeth under its moustache.
 * Where the two open more than the jaw's gap, both are scaled down to it.
 */
export function lipsWithinJaw(ch: Channels, gapPerJaw: number): void {
  if (!ch.names.includes('w.jawOpen')) return;
  // (a channel the motion does not carry stays absent)
  const jaw = ch.get('w.jawOpen'), zeros = new Float64Array(jaw.length);
  const lower = ch.names.includes('w.mouthLowerDown') ? ch.get('w.mouthLowerDown') : zeros, upper = ch.names.includes('w.mouthUpperUp') ? ch.get('w.mouthUpperUp') : zeros;
  for (let i = 0; i < jaw.length; i++) {
    const lips = LOWER_LIP_DROP * Math.max(0, lower[i]!) + UPPER_LIP_RISE * Math.max(0, upper[i]!);
    const gap = gapPerJaw * Math.max(0, jaw[i]!);
    if (lips <= gap) continue;
    const keep = gap / lips;
    lower[i] = lower[i]! * keep;
    upper[i] = upper[i]! * keep;
  }
}
