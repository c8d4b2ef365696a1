// A smile's squint is the LOWER lid rising (the cheek pushes it up); a blink is the upper lid coming
// down. The rig fit read lp_d0's squinting grin (lower lids up 0.010-0.018 iod of a 0.096 opening,
// upper lids down 0.007-0.017) as eyeBlink 0.2-0.3 a side with eyeSquint 0.05 and cheekSquint 0,
// and the blink measure (restFace.ts) read the narrower opening as a blink: the photo's UPPER lids
// came down, the critic's "lowered upper lid, not a raised lower lid and cheek". Here, in the head
// frame (pose removed by the rig fit), each lid is measured against the eye's corners: the lower
// lid's rise, as a share of the eye's rest opening, is a squint; that share is not a blink.
import { smoothstep } from '../math/smooth.ts';
import { EYE_L_UPPER, EYE_L_LOWER, EYE_R_UPPER, EYE_R_LOWER } from '../rig/topology.ts';
import { eyeRestOf } from './restFace.ts';

/**
 * A render at eyeSquint 1 with cheekSquint 1 (and a smile) narrows the photo's eye by about this share
 * of its opening, read back by the face mesh (bench/squintRead.ts: lp_s42 0.28, st_art_1 0.20,
 * st_happy 0.27, lp_s1 0.26, mt_man 0.12; median 0.26, since the cheek's push on the lid is a share of
 * each eye's opening, rig/basis/eyes.ts). At 0.15 (lp_s42's lower-lid rise alone, when the cheek's push
 * was one size on every face) lp_d0's grin narrowed the eyes to 0.79 of rest on lp_s42 and 0.73 on
 * st_art_1 where his narrow to 0.83-0.91: the opening narrows by the upper lid's part too.
 */
export const RENDERED_RISE_AT_FULL = 0.26;
/**
 * Lower-lid rises under this share are the measure's noise and the lid's own play with gaze and
 * speech: over 7 drivers' frames without a smile the rise's median is 0.00-0.06, with a smile 0.02-0.12.
 */
export const RISE_NOISE = 0.03;

/** A lid pair whose upper lid came down this share of the rest opening is blinking: from here its lower lid's rise stops counting as a squint... */
const BLINKING_FROM = 0.25;
/** ...and from this share not at all (a blink lifts the lower lid too: lp_d0 at 2.6 s by 0.2 of the opening). */
const BLINKING_FULL = 0.5;

/** From a smile this strong (the side's retargeted mouthSmile) its lower lid's rise counts in full as a squint. */
const CHEEK_SMILE_FULL = 0.5;

const SIDES = [
  { upper: EYE_L_UPPER, lower: EYE_L_LOWER },
  { upper: EYE_R_UPPER, lower: EYE_R_LOWER },
];

/** One eye's lids in the head frame: the upper lid's middle over the corners' line, the lower lid's middle under it (canonical units, both > 0 on an open eye). */
export interface Lids {
  upper: number;
  lower: number;
}

/** Per side (subject's left, then right) of canonical landmarks (flat x, y, z; y down). */
export function lidHeights(canonical: ArrayLike<number>): [Lids, Lids] {
  const y = (i: number) => canonical[i * 3 + 1]!;
  const mid = (ids: number[]) => (y(ids[3]!) + y(ids[4]!) + y(ids[5]!)) / 3;
  return SIDES.map(({ upper, lower }) => {
    const corners = (y(upper[0]!) + y(upper[upper.length - 1]!)) / 2;
    return { upper: corners - mid(upper), lower: mid(lower) - corners };
  }) as [Lids, Lids];
}

/**
 * The share of the rest opening the lower lid rose by, counted only while the upper lid is not
 * coming down (a blink). This share is the squint's: a blink read from the opening should not see it.
 */
export function lowerLidRise(lids: Lids, rest: Lids): number {
  const gap = Math.max(1e-6, rest.upper + rest.lower);
  const rise = Math.max(0, rest.lower - lids.lower) / gap;
  const upperDown = Math.max(0, rest.upper - lids.upper) / gap;
  return rise * (1 - smoothstep(BLINKING_FROM, BLINKING_FULL, upperDown));
}

/** How much of a side's lower-lid rise a smile vouches for (0..1): the cheek that a smile raises pushes the lid up. */
export function smileGate(smile: number): number {
  return Math.min(1, Math.max(0, smile) / CHEEK_SMILE_FULL);
}

/**
 * A side's squint from its lower lid's rise, held to the smile that raises the cheek under it: a
 * smile's lower lid is pushed up by the cheek (eyeSquint and cheekSquint both). Without a smile the
 * rise is mostly gaze and speech, and a squint is left to the rig fit's reading.
 */
export function smileSquint(rise: number, smile: number): number {
  return Math.min(1, Math.max(0, rise - RISE_NOISE) / RENDERED_RISE_AT_FULL) * smileGate(smile);
}

/**
 * Each side's rest lids over the frames `have` (the blink's rest rule, restFace.ts eyeRestOf: open
 * eyes, the larger of the first 0.2 s and the 80th percentile) and each frame's lowerLidRise.
 */
export function lowerLidRises(lids: [Lids, Lids][], have: number[]): [Float64Array, Float64Array] {
  const n = lids.length;
  return [0, 1].map((side) => {
    const series = (k: keyof Lids) => have.map((i) => lids[i]![side]![k]);
    const rest: Lids = { upper: eyeRestOf(series('upper')), lower: eyeRestOf(series('lower')) };
    const out = new Float64Array(n);
    for (const i of have) out[i] = lowerLidRise(lids[i]![side]!, rest);
    return out;
  }) as [Float64Array, Float64Array];
}

/**
 * A lower lid's rise held this many frames (0.36 s at 25 fps; the window's median) is a squint, smile or not: the
 * lid's play with speech and gaze comes and goes faster. stewart (pcavs_Pose_Source_00473) squints with his eyes
 * while he talks, the mouth near rest (mouthSmile 0-.17): his lower lids up .09-.15 of the opening for f0-f81,
 * .0 at f120-157, but smileGate gave them nothing and his eyes came out wide open (critic57).
 */
export const HELD_RISE_FRAMES = 9;

/**
 * A sideways look lifts the lower lid's middle as the iris rolls under it: lp_d14 f70 (irises far to one side, the eyes plain
 * open, .93/.90 of rest) read rises .10/.13 held for 0.4 s, and a held squint of .32 narrowed lp_s12's eyes to .88/.82. The
 * irises' mean offset (measures.ts eyeGazes, half eye widths) from GLANCE_FROM fades the held rise out by GLANCE_FULL.
 */
export const GLANCE_FROM = 0.15, GLANCE_FULL = 0.3;

/**
 * Each side's rise (lowerLidRises) where it is held (`glance`: each frame's sideways look, GLANCE_FROM): the frame's own rise, no more than its median over HELD_RISE_FRAMES
 * frames of `have` centred on it (a flick is gone; a frame whose own rise lowerLidRise gave up to a closing upper lid stays
 * 0: a median alone carried its neighbours' rise into beckham's look-down at f242, upper lid down .41, and the squint
 * it added took .37 of the blink back, the eye .44 -> .76 of rest where his read .46).
 */
export function heldRises(rises: [Float64Array, Float64Array], have: number[], frames = HELD_RISE_FRAMES, glance?: ArrayLike<number>): [Float64Array, Float64Array] {
  const half = frames >> 1;
  return rises.map((r) => {
    const out = new Float64Array(r.length);
    have.forEach((i, k) => {
      const w = have.slice(Math.max(0, k - half), k + half + 1).map((j) => r[j]!).sort((a, b) => a - b);
      out[i] = Math.min(r[i]!, w[w.length >> 1]!) * (glance ? 1 - smoothstep(GLANCE_FROM, GLANCE_FULL, glance[i]!) : 1);
    });
    return out;
  }) as [Float64Array, Float64Array];
}
