// The eye squints a driver's frames ask for, settled against the eyes' other readings: a wide eye
// is not squinting, and a smile's squint (the lower lid's rise) narrows the photo's eye no further
// than the driver's narrowed. Used by retarget.ts after the per-control calibration.
import type { RigControl } from '../rig/controls.ts';
import { smoothstep } from '../math/smooth.ts';
import { smileSquint, RENDERED_RISE_AT_FULL, RISE_NOISE } from './lowerLid.ts';
import { eyeRestOf, BLINK_START } from './restFace.ts';

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
 * (the blink leaves it out). `held`, when given: each side's held rise (lowerLid.ts heldRises) counts without a smile,
 * within the eye's narrowing (`shares`). `smileSquints`, when given, receives each side's squint from its lower lid.
 */
export function lowerLidSquints(out: Map<RigControl, Float64Array>, rises: [Float64Array, Float64Array], have: number[], shares?: [Float64Array, Float64Array], smileSquints?: [Float64Array, Float64Array], held?: [Float64Array, Float64Array]): void {
  ([['eyeSquintLeft', 'cheekSquintLeft', 'mouthSmileLeft'], ['eyeSquintRight', 'cheekSquintRight', 'mouthSmileRight']] as const).forEach(([eye, cheek, smile], side) => {
    const e = out.get(eye), c = out.get(cheek), sm = out.get(smile);
    if (!e || !c || !sm) return;
    for (const i of have) {
      const cap = shares ? squintForNarrowing(shares[side]![i]!) : 1;
      const smiled = Math.min(smileSquint(rises[side]![i]!, sm[i]!), cap);
      // (with `held`: a rise held without a smile counts too, heldSquint; it takes nothing from the blink)
      const s = Math.max(smiled, held && shares ? heldSquint(held[side]![i]!, shares[side]![i]!) : 0);
      if (smileSquints) smileSquints[side]![i] = s;
      // only the squint the fit missed is taken from the blink: where the fit read the squint (lp_d6),
      // the blink measure's narrowing stays as it was (giving it all back left her eyes too open)
      rises[side]![i] = RENDERED_RISE_AT_FULL * Math.max(0, smiled - e[i]!);
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

/**
 * The squint a side's lower lid shows by its own rise (lowerLid.ts lowerLidRise, no smile asked): the rise
 * past the measure's noise over what a full squint renders.
 */
export function riseSquint(rise: number): number {
  return Math.min(1, Math.max(0, rise - RISE_NOISE) / RENDERED_RISE_AT_FULL);
}

/** The blink measure reads an eye from this share of rest down (restFace.ts BLINK_START); a held squint fades out over HELD_FADE under it. */
const HELD_FADE = 0.05;

/**
 * A side's squint from its held lower-lid rise (lowerLid.ts heldRises), no smile asked: riseSquint, no deeper than the
 * eye narrowed (squintForNarrowing), and only on an eye the blink measure reads open (share of rest from BLINK_START
 * up, fading over HELD_FADE under it). It gives the blink nothing back: under BLINK_START the blink already renders the
 * narrowing, and trading it for a squint left lp_d10's narrowed eyes on lp_s5 more open (f16: .76/.77 -> .83/.80 of
 * rest, the driver .75/.75), beckham's look-down on lp_s2 too (f150 right .80 -> .87, his .59).
 */
export function heldSquint(heldRise: number, share: number): number {
  return Math.min(riseSquint(heldRise), squintForNarrowing(share)) * smoothstep(BLINK_START - HELD_FADE, BLINK_START, share);
}

/**
 * In place over the frames `have`, after lidsDecide: each side's eyeSquint given back, out of the fit's own
 * squint before lidsDecide (`fitted`), as far as its lower lid's rise shows (riseSquint of `rises`, the
 * rises before lowerLidSquints) and its eye narrowed (squintForNarrowing of `shares`). lidsDecide takes a
 * wide reading off the squint; on an eye whose lower lid rose and whose opening is under rest that wide
 * reading is the fit offsetting the squint's own lowering of the upper lid (rig/basis/eyes.ts), and it is
 * capped to nothing (wideWithinOpening), so the squint went for a wide eye that is not shown: stewart
 * (pcavs_Pose_Source_00473) f3-f81, right eye at .86-.97 of rest, lower lid up .04-.11 of its opening,
 * the fit's eyeSquint .2-.33 beside eyeWide .3-.56 came out eyeSquint 0, eyeWide 0.
 */
export function lidShownSquints(out: Map<RigControl, Float64Array>, fitted: [Float64Array, Float64Array], rises: [Float64Array, Float64Array], shares: [Float64Array, Float64Array], have: number[]): void {
  (['eyeSquintLeft', 'eyeSquintRight'] as const).forEach((squint, side) => {
    const s = out.get(squint);
    if (!s) return;
    for (const i of have) {
      const shown = Math.min(fitted[side]![i]!, riseSquint(rises[side]![i]!), squintForNarrowing(shares[side]![i]!));
      s[i] = Math.max(s[i]!, shown);
    }
  });
}
