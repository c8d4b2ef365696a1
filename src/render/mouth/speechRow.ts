// Two reliefs for the library's upper row, chosen per frame (s40 teeth40, issue #13: lp_s2's picket fence).
// rowLook.ts draws a textured picture's row (a painting, a grainy print: lp_s2, lp_s5, lp_s12, st_art_1)
// with every tooth rounded 8 x as (2u - 1)^2: at speech openings lp_s2's upper row read as lit blocks
// between dark slots (bench/rowStructure.ts: gaps .141 of the centre deep, 78 % deeper than .1; real speech
// rows, mt_sun / lp_d10 / lp_d6, .07-.10 and 13-42 %). A flatter front (5 as (2u - 1)^4) measured like the
// real rows (row39: lp_s2 .107 / 53 %, lp_s5 .080 [.091]) but the face mesh then read lp_s2's open grin 1.2 %
// narrower than its mesh (test/grinRendered): the read-back follows the front teeth's shading, and a smile's
// real rows are the rounder ones (Katie's smiles dip .18 between teeth). So the avatar keeps both rows, the
// same light and colour, and each frame takes them by how much of a grin it is (opening.ts grinShare): speech
// the flat front, a grin the rounded one.
import type { ReliefLook } from './toothRelief.ts';
import type { ReadyLayer } from './readyLayer.ts';
import { CLEAN_RELIEF, TEXTURED_RELIEF } from './rowLook.ts';
import { smoothstep } from '../../math/smooth.ts';

/**
 * s42 teeth42 (critic40/41 #4: lp_s12's bright arc cut by dark slots, lp_s2 f43/f78's and st_art_1 f42/f72's blocks with
 * gaps): at the critic's speech frames the upper half of the opening is the row's last few hundredths of an IOD, where
 * toothRelief.ts draws the lines at full strength (TIP_LINES; over the body at BODY_LINE) on teeth rounded 5 x at their
 * sides: gaps .146 / .114 / .123 of the centre deep, 70-81 % deeper than .1 (bench/rowStructure.ts; real speech rows
 * mt_sun / lp_d10 / lp_d6 .07-.10, 13-42 %). Lines near the tips only SPEECH_TIP_LINES of the way from the body's to
 * full, the faces rounded SPEECH_ROUND x: .119 / .100 / .099, rms .069 / .072 / .057 [real .05-.08].
 */
const SPEECH_ROUND = 3.5;
const SPEECH_TIP_LINES = 0.6;

/** rowLook.ts's TEXTURED_RELIEF with the flatter front (row39's measured setting, 5 x as (2u - 1)^4; s42: SPEECH_ROUND, SPEECH_TIP_LINES). */
export const TEXTURED_SPEECH_RELIEF: ReliefLook = { ...TEXTURED_RELIEF, round: SPEECH_ROUND, roundPower: 4, tipLines: SPEECH_TIP_LINES };

/** The speech row's look `share` of the way from CLEAN_RELIEF to TEXTURED_SPEECH_RELIEF (rowLook.ts noTeethRelief's mix, pictureKind.ts texturedShare). */
export function speechRelief(share: number): ReliefLook {
  const t = Math.min(1, Math.max(0, share));
  const mix = (k: keyof ReliefLook) => (CLEAN_RELIEF[k] ?? 1) + t * ((TEXTURED_SPEECH_RELIEF[k] ?? 1) - (CLEAN_RELIEF[k] ?? 1));
  return { lines: mix('lines'), widen: mix('widen'), round: mix('round'), roundPower: mix('roundPower'), warmth: mix('warmth'), sides: mix('sides'), tipLines: mix('tipLines') };
}

/** A speech row is worth keeping only when it differs: its rounding at least this much less than the smile row's (a clean photo's rows are one look). */
const LEAST_ROUND_DROP = 0.25;

/** Whether a picture whose smile row is `look` gets a speech row of `speech` at all. */
export function speechRowDiffers(look: ReliefLook, speech: ReliefLook): boolean {
  return look.round - speech.round >= LEAST_ROUND_DROP || Math.abs(look.roundPower - speech.roundPower) >= LEAST_ROUND_DROP;
}

/**
 * The grin shares (opening.ts grinShare) over which a frame goes from speech's row to the smile's. lp_d10 talks
 * smiling (grin .1-.8 at its speech openings) and its real rows are speech's (gaps .091 deep, 24 % deeper than
 * .1): only a held grin (the smile .5 past the photo's: grin 1) takes the rounded row.
 */
const ROUNDED_GRIN: [number, number] = [0.6, 1];

/** How much of the smile's (rounded) row a frame of grin share `grin` takes, 0..1. */
export function roundedShare(grin: number): number {
  return smoothstep(ROUNDED_GRIN[0], ROUNDED_GRIN[1], grin);
}

/** The rounded row's share is taken in steps of this (each step's blend made once, then reused: nothing per pixel per frame). */
const STEPS = 8;

/** The step (0..STEPS) of a rounded share 0..1. */
export function roundedStep(share: number): number {
  return Math.round(STEPS * Math.min(1, Math.max(0, share)));
}

/** `speech` and `smile` (two rows of one size and outline) mixed, `share` of the smile row. */
export function mixedRows(speech: ReadyLayer, smile: ReadyLayer, share: number): ReadyLayer {
  if (share <= 0) return speech;
  if (share >= 1 || speech.data.length !== smile.data.length) return smile;
  const a = speech.data, b = smile.data, data = new Float32Array(a.length);
  for (let q = 0; q < a.length; q++) data[q] = a[q]! + share * (b[q]! - a[q]!);
  return { ...smile, data };
}

/** The upper row for a frame of grin share `grin` (roundedShare), from rows mixed once per step. */
export class SpeechRows {
  private readonly steps: (ReadyLayer | undefined)[] = [];
  constructor(private readonly speech: ReadyLayer | null | undefined, private readonly smile: ReadyLayer) {}

  at(grin: number): ReadyLayer {
    if (!this.speech) return this.smile;
    const k = roundedStep(roundedShare(grin));
    return (this.steps[k] ??= mixedRows(this.speech, this.smile, k / STEPS));
  }
}
