// A turned head's far eye, foreshortened to a few pixels, is read as its near eye (winkturn55, issue #14).
// critic54: lp_s42 <- christie (a 224 px video, the head turned ~22 deg by the mesh, hooded eyes narrowed alike on the
// video throughout) drew a wink at f34 and popped one-eyed stares at f33-37, f88-92, f109. The far eye (the subject's
// right) is 8-15 px corner to corner beside a 20-22 px near eye: its lids are 2-4 px apart, so one pixel of mesh wobble is
// a third of its opening. Its share of rest swung .66 -> 1.15 as the mesh's gaze swung (f29-38, gaze x -.2 -> -.67)
// while the near eye stayed at .48-.53 (as on f14-28, where the pair read alike): the pair split past alikeEyes.ts
// APART_DIFF (a wink, slitEyeTrust keeping it: the other eye "never shut") and the far eye's opening over its rest let
// the fit's eyeWide through (.32-.55; oneEyedStare.ts took it to .78 at f91). Nothing in the video moved.
// The rule: where the far eye is both small (FAR_PX_NONE..FAR_PX_OWN) and foreshortened (its width under FAR_RATIO_OWN of
// the near eye's), its opening share is taken toward the near eye's by how little its own is trusted, for the blink
// readings and every pairing rule that reads the shares; and its eyeWide is no more than the near eye's. A wink of the
// NEAR eye still reads (the near eye is read as before); a far eye's wink on a face this small was never readable. Equal
// eyes (a frontal face, however small) are untouched: blinkPairTrust.ts decides those. Pure; hooked in framesFromRaw.ts
// (DriverFitOptions.farEyeAsNear).
import { smoothstep } from '../math/smooth.ts';
import type { RawFaceFrame } from './faceTracker.ts';
import { scleraShows, showGate } from './scleraShow.ts';
import { greaterShows, WIDE_SHOW_FULL, WIDE_SHOW_NONE } from './wideShowCap.ts';
import { landmarkList } from './retarget.ts';

/** A far eye this narrow (corner to corner, frame pixels) or narrower reads nothing of its own (christie f34: 13 px)... */
export const FAR_PX_NONE = 13;
/** ...and from this width it is read as itself (Obama2's turned winks: 23-24 px; the bench drivers 40-50 px). */
export const FAR_PX_OWN = 20;
/** A far eye at least this share of the near eye's width is barely foreshortened: read as itself, however small... */
export const FAR_RATIO_OWN = 0.85;
/** ...and doubted fully (with FAR_PX_*) from this share down (christie: 13 / 21 = .62). */
export const FAR_RATIO_DOUBTED = 0.72;

/** Eye widths in frame pixels, [subject's left (263-362), right (33-133)], of flat x, y, z landmarks. */
export function eyeWidthsPx(lm: ArrayLike<number>): [number, number] {
  const d = (a: number, b: number) => Math.hypot(lm[a * 3]! - lm[b * 3]!, lm[a * 3 + 1]! - lm[b * 3 + 1]!);
  return [d(263, 362), d(33, 133)];
}

/** 0..1: how much a far eye `farPx` wide beside a near eye `nearPx` wide is read as itself (1: as read; no eye width read: 1). */
export function farEyeTrust(farPx: number, nearPx: number): number {
  if (!(nearPx > 0)) return 1;
  const ratio = farPx / nearPx;
  return Math.max(smoothstep(FAR_PX_NONE, FAR_PX_OWN, farPx), smoothstep(FAR_RATIO_DOUBTED, FAR_RATIO_OWN, ratio));
}

/** Per frame: the far eye (0 subject's left, 1 right; the narrower) and its trust, or null (no landmarks). */
export type FarEye = { eye: 0 | 1; trust: number } | null;

/** farEyeTrust of each frame's narrower eye (frames without landmarks: null). */
export function farEyes(raw: readonly (RawFaceFrame | null | undefined)[]): FarEye[] {
  return raw.map((r) => {
    if (!r?.lm) return null;
    const [l, rt] = eyeWidthsPx(r.lm);
    const eye: 0 | 1 = l < rt ? 0 : 1;
    return { eye, trust: farEyeTrust(Math.min(l, rt), Math.max(l, rt)) };
  });
}

/** Opening shares [left, right] with the far eye's taken toward the near eye's by (1 - trust). */
export function sharesWithFarAsNear(shares: readonly [number, number], far: FarEye): [number, number] {
  if (!far || far.trust >= 1) return [shares[0], shares[1]];
  const out: [number, number] = [shares[0], shares[1]];
  out[far.eye] = far.trust * shares[far.eye] + (1 - far.trust) * shares[1 - far.eye]!;
  return out;
}

/**
 * The raw frames with each far eye's measured opening (FaceMeasures eyeLeft / eyeRight) at sharesWithFarAsNear of its
 * rest: what the blink readings and the pairing rules read. Frames left as they are where the far eye is trusted.
 */
export function rawWithFarAsNear(raw: readonly (RawFaceFrame | null)[], far: readonly FarEye[], rest: { eyeLeft: number; eyeRight: number }): (RawFaceFrame | null)[] {
  return raw.map((r, i) => {
    const f = far[i];
    if (!r || !f || f.trust >= 1) return r;
    const s = sharesWithFarAsNear([r.m.eyeLeft / Math.max(rest.eyeLeft, 1e-6), r.m.eyeRight / Math.max(rest.eyeRight, 1e-6)], f);
    return { ...r, m: { ...r.m, eyeLeft: s[0] * rest.eyeLeft, eyeRight: s[1] * rest.eyeRight } };
  });
}

/** In place: each far eye's eyeWide no more than the near eye's, by (1 - trust) (wides[0] subject's left). */
export function farWideWithinNear(wides: [Float64Array, Float64Array], far: readonly FarEye[]): void {
  far.forEach((f, i) => {
    if (!f || f.trust >= 1) return;
    const own = wides[f.eye][i]!, near = wides[1 - f.eye]![i]!;
    if (own > near) wides[f.eye][i] = own - (1 - f.trust) * (own - near);
  });
}

/**
 * Each frame's mesh shows (scleraShow.ts, iris diameters) with the far eye's taken toward the near eye's by (1 - trust);
 * NaN without landmarks. christie f120: the near lid .20 over its iris, the 9 px far eye's "white" .51.
 */
export function showsWithFarAsNear(raw: readonly (RawFaceFrame | null | undefined)[], far: readonly FarEye[]): [Float64Array, Float64Array] {
  const out: [Float64Array, Float64Array] = [new Float64Array(raw.length).fill(NaN), new Float64Array(raw.length).fill(NaN)];
  raw.forEach((r, i) => {
    if (!r?.lm) return;
    const s = scleraShows(landmarkList(r.lm));
    const f = far[i];
    const t = f ? f.trust : 1;
    if (f && t < 1) s[f.eye] = t * s[f.eye] + (1 - t) * s[1 - f.eye]!;
    out[0][i] = s[0]; out[1][i] = s[1];
  });
  return out;
}

/**
 * In place: on frames whose far eye is doubted, both eyeWides at most wideShowCap.ts's cap of the greater show with the
 * far eye's show as the near eye's (median over WIDE_SHOW_HALF frames either side): the far eye's few pixels of "white"
 * let the cap through (christie f80 .13 over -.14 near, f120 .51 over -.20), the mesh's lids over both irises otherwise.
 */
export function capWidesByNearShow(wides: [Float64Array, Float64Array], raw: readonly (RawFaceFrame | null | undefined)[], far: readonly FarEye[]): void {
  if (!far.some((f) => f && f.trust < 1)) return;
  const shows = showsWithFarAsNear(raw, far);
  const have = raw.flatMap((r, i) => (r?.lm ? [i] : []));
  const g = greaterShows(shows, have);
  for (const i of have) {
    const f = far[i];
    if (!f || f.trust >= 1) continue;
    const cap = showGate(g[i]!, WIDE_SHOW_NONE, WIDE_SHOW_FULL);
    for (const w of wides) if (w[i]! > cap) w[i] = cap;
  }
}
