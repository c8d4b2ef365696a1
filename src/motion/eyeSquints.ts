// The eye squints a driver's frames ask for, settled against the eyes' other readings: a wide eye
// is not squinting, and a smile's squint (the lower lid's rise) narrows the photo's eye no further
// than the driver's narrowed. Used by retarget.ts after the per-control calibration.
import type { RigControl } from '../rig/controls.ts';
import { smoothstep } from '../math/smooth.ts';
import { smileSquint, RENDERED_RISE_AT_FULL } from './lowerLid.ts';
import { eyeRestOf } from './restFace.ts';

/**
 * Wide eyes and a squint pull the lids apart and together: a driver's frame read as both (lp_d6's
 * startled eyes at 8.8 s and 29.3 s: eyeWide 0.15-0.39 with eyeSquint 0.16-0.51) rendered as a
 * narrowed eye, the squint's lower lid being plainer to see than the raised upper one. Per side the
 * squint keeps only what exceeds the eyeWide.
 */
export function wideOverSquint(out: Map<RigControl, Float64Array>): void {
  for (const [wide, squint] of [['eyeWideLeft', 'eyeSquintLeft'], ['eyeWideRight', 'eyeSquintRight']] as const) {
    const w = out.get(wide), s = out.get(squint);
    if (!w || !s) continue;
    for (let i = 0; i < s.length; i++) s[i] = Math.max(0, s[i]! - w[i]!);
  }
}

/**
 * Each eye's opening (the face mesh's lid distance, measures.ts) as a share of its rest opening by the
 * blink's rest rule (restFace.ts eyeRestOf). The head-frame lids (lowerLid.ts) were tried here: they
 * kept more of the fitted squints and over-narrowed lp_d10 (AED .1117 -> .1128, lp_s42).
 */
export function eyeShares(eyes: [Float64Array, Float64Array], have: number[]): [Float64Array, Float64Array] {
  return eyes.map((e) => {
    const rest = Math.max(1e-6, eyeRestOf(have.map((i) => e[i]!)));
    return Float64Array.from(e, (v) => v / rest);
  }) as [Float64Array, Float64Array];
}

/**
 * In place: with a smile, each side's eyeSquint and cheekSquint at least what its lower lid's rise
 * shows (lowerLid.ts smileSquint; the fit read lp_d0's squinting grin as a blink, 0.05 squint, no
 * cheek). `rises` becomes the share of the opening the added squint raises the photo's lower lid by
 * (the blink leaves it out). `smileSquints`, when given, receives each side's squint from its lower lid.
 */
export function lowerLidSquints(out: Map<RigControl, Float64Array>, rises: [Float64Array, Float64Array], have: number[], shares?: [Float64Array, Float64Array], smileSquints?: [Float64Array, Float64Array]): void {
  ([['eyeSquintLeft', 'cheekSquintLeft', 'mouthSmileLeft'], ['eyeSquintRight', 'cheekSquintRight', 'mouthSmileRight']] as const).forEach(([eye, cheek, smile], side) => {
    const e = out.get(eye), c = out.get(cheek), sm = out.get(smile);
    if (!e || !c || !sm) return;
    for (const i of have) {
      const s = Math.min(smileSquint(rises[side]![i]!, sm[i]!), shares ? squintForNarrowing(shares[side]![i]!) : 1);
      if (smileSquints) smileSquints[side]![i] = s;
      // only the squint the fit missed is taken from the blink: where the fit read the squint (lp_d6),
      // the blink measure's narrowing stays as it was (giving it all back left her eyes too open)
      rises[side]![i] = RENDERED_RISE_AT_FULL * Math.max(0, s - e[i]!);
      e[i] = Math.max(e[i]!, s);
      c[i] = Math.max(c[i]!, s);
    }
  });
}

/**
 * The squint that narrows the photo's eye as far as the driver's narrowed (its opening as a share of
 * rest, eyeShares), and no further: Katie's grins (lp_s2, 36 smiling frames of 8 s) read lower-lid
 * rises of up to 0.18 of her right eye's opening where the eye narrowed to 0.88 (head turned 8-11 deg),
 * and the squint they gave narrowed lp_s2's right eye to 0.69 of rest (bench/happyRead.ts).
 */
export function squintForNarrowing(share: number): number {
  return Math.min(1, Math.max(0, 1 - share) / RENDERED_RISE_AT_FULL);
}

/**
 * An eye narrowed past what a full squint renders (1 - RENDERED_RISE_AT_FULL of its rest opening) is a
 * lid coming down, and the blink measure (restFace.ts blinkFromOpening, fitted to renders of the blink
 * alone) already closes the photo's eye that far: the rig fit's squint on it narrowed the eye a second
 * time. Obama2's wink (styletalk clip 2 f23-26): the slit eye at .53-.70 of rest carried eyeSquint
 * .31-.63 beside its blink .43-.63 and rendered a line (.10-.17 of the eye's width, the driver's slit
 * .20-.22). The squint is kept in full down to SQUINT_KEPT_TO...
 */
export const SQUINT_KEPT_TO = 1 - RENDERED_RISE_AT_FULL;
/** ...and is gone at this share, where the blink weight is past half (.56). */
export const SQUINT_GONE_AT = 0.6;

/** 0..1: how much of an eye's fitted squint is kept at its opening share (SQUINT_KEPT_TO .. SQUINT_GONE_AT). */
export function squintKeptAt(share: number): number {
  return smoothstep(SQUINT_GONE_AT, SQUINT_KEPT_TO, share);
}

/**
 * In place over the frames `have`: each side's eyeSquint scaled by squintKeptAt of that eye's opening
 * share (eyeShares), but not under the squint its lower lid's rise shows (`floors`, lowerLidSquints'
 * smileSquints): a smile's raised lower lid is not the blink's, whose measure has that share given back
 * (lp_d14's grin at 3.9 s, eyes at .56-.72 of rest: fading it there too left her eyes .1-.2 blink more open).
 */
export function squintsWithinBlink(out: Map<RigControl, Float64Array>, shares: [Float64Array, Float64Array], have: number[], floors?: [Float64Array, Float64Array]): void {
  (['eyeSquintLeft', 'eyeSquintRight'] as const).forEach((squint, side) => {
    const s = out.get(squint);
    if (!s) return;
    for (const i of have) s[i] = Math.max(floors?.[side]![i]! ?? 0, s[i]! * squintKeptAt(shares[side]![i]!));
  });
}
