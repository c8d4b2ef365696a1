// The lower lip's inner surface as it rolls into an open mouth (innerlip34, session 34). lipSurface.ts draws
// each lip's inner surface as a thin band (at most 0.022 IOD) shaded whole into the mouth's shadow from the lip
// line on, then the interior: on an open mouth the lower lip ended in a dark line and a hard cut (lp_s5 <- lp_d10
// rimDark .76 / .83 [real 1.03], rise .16 [.32]; lp_s42 <- lp_d6 rise .08 [.68]). A real lower lip turns in
// over a wider band: lit at the line where it faces the light, then darker and redder as it turns down into the
// mouth, fading into the cavity without an edge. Pure functions; lipSurface.ts hooks them in.
import { smoothstep } from '../../math/smooth.ts';

/**
 * Draw the lower lip's rolled-in surface (false: the thin band alone, as before session 34). Off: no figure moved
 * toward the real (lp_s5 <- lp_d10 rise .29 -> .29 [.32], lp_s42 <- lp_d6 .09 -> .09 [.68]; mouth-box PSNR within
 * .03 dB), mt_man's lower lip read thicker (.107 -> .115 IOD) and st_happy's shaded roll drew a new grey line along
 * the lip's inner edge (docs/mouth/README.md, s34 innerlip34).
 */
export const LOWER_LIP_ROLL = false;

/**
 * How far (px) past the thin band's end the lower lip's rolled-in surface reaches into an opening `open` px
 * tall, the IOD `unit` px: ROLL_SHARE of the opening, at most ROLL_MOST IOD, none while the opening is under
 * ROLL_OPEN[0] IOD (a speech slit keeps its thin bands: shownGap and the teeth's fade-in are sized on them).
 */
export function lowerRollReach(open: number, unit: number, on = LOWER_LIP_ROLL): number {
  if (!on || !(unit > 0)) return 0;
  return Math.min(ROLL_MOST * unit, ROLL_SHARE * open) * smoothstep(ROLL_OPEN[0] * unit, ROLL_OPEN[1] * unit, open);
}

/**
 * How much of the interior shows at a pixel `d` px in from the lower lip line (0: the lip's surface, 1: the
 * interior), the thin band ending at `bandEnd` px and the roll reaching `reach` px past it: one soft ramp from
 * .3 of the band to the roll's end, never more interior than the thin band's own `flat`.
 */
export function rolledShow(flat: number, d: number, bandEnd: number, reach: number): number {
  if (!(reach > 0)) return flat;
  return Math.min(flat, smoothstep(0.3 * bandEnd, bandEnd + reach, d));
}

/**
 * How far into its shadow the rolled surface is at `d` px from the line, 0..1 (0: the lip's edge colour, lit
 * where it faces up; 1: the full inner shade of lipSurface.ts): none for the first ROLL_LIT of the way, all by
 * the roll's end. The thin band alone is all shadow from the line on: the dark line along the lip's edge.
 */
export function rolledShadow(d: number, bandEnd: number, reach: number): number {
  const end = bandEnd + reach;
  return smoothstep(ROLL_LIT * end, ROLL_DARK * end, d);
}

/** the roll's reach: this share of the opening's height ... */
const ROLL_SHARE = 0.15;
/** ... at most this (IOD): a real lower lip's inner surface shows about 0.03-0.05 IOD into a wide opening */
const ROLL_MOST = 0.03;
/** the roll grows in from an opening this tall to this (IOD): a speech slit's bands stay as they were */
const ROLL_OPEN = [0.06, 0.14] as const;
/** the rolled surface is in its full shade this share of its way in */
const ROLL_DARK = 0.6;
/** the rolled surface keeps the lip's lit colour this share of its way in */
const ROLL_LIT = 0;

/** rolledColour's result (r, g, b), reused: the shader calls it per pixel */
export const rolled = new Float64Array(3);
/**
 * The rolled lower lip over the interior colour (r, g, b): the lip edge (er, eg, eb) shaded `shadow` of the way
 * to lipSurface.ts's inner shade (`ir`, lifted by `lift` against bright teeth), a wet sheen ROLL_WET on its lit
 * part, then `show` of the interior over it. Into `rolled`.
 */
export function rolledColour(r: number, g: number, b: number, er: number, eg: number, eb: number, ir: readonly number[], lift: number, shadow: number, show: number): void {
  const wet = (1 + ROLL_WET * (1 - shadow)) * (1 - (1 - ROLL_DEEP) * shadow * (1 - lift));
  const sr = 1 + (ir[0]! + (1 - ir[0]!) * lift - 1) * shadow, sg = 1 + (ir[1]! + (1 - ir[1]!) * lift - 1) * shadow, sb = 1 + (ir[2]! + (1 - ir[2]!) * lift - 1) * shadow;
  const lr = er * sr * wet, lg = eg * sg * wet, lb = eb * sb * wet;
  rolled[0] = lr + (r - lr) * show; rolled[1] = lg + (g - lg) * show; rolled[2] = lb + (b - lb) * show;
}
/** the lit part's wet sheen (lipSurface.ts's WET is .12 at its peak) */
const ROLL_WET = 0.06;
/** at its end the rolled surface is this much darker than lipSurface.ts's inner shade (where no bright teeth lie behind it) */
const ROLL_DEEP = 0.7;
