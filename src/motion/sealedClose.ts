// The lips' gap closed where the driver's lips read sealed (issue #13, s40 sealed40; the reading: sealedLips.ts). The face
// mesh put lp_d6's shut lower inner lip inside her lower lip's red at f175-176 / f185-186 (.06-.07 IOD, jawOpen .10 over
// her rest), so lp_s42's mouth parted on her own teeth. Where the tracker's pixel reading says shut, the opening's weights
// (jaw, lower lip down, upper lip up, funnel) go toward 0: per frame by how sealed the frame reads (a 3-frame median of the
// readings: one frame's misreading neither closes nor opens), and the frames beside a closure give up a quarter of what it
// took (the closed amount, not a share of their own opening: lp_d6 f177's wide .38 jaw beside f176's closed .10 keeps
// .36, where a shared quarter weight took it to .29), so the lips close and part over the frames round it without a
// snap and the openings round it stay. Each frame's reading is its own picture's, so duplicated frames (lp_d6 175 = 176) read alike and no frame time
// enters. Tracks from before s40 carry no reading: nothing changes.
import type { RawFaceFrame } from './faceTracker.ts';
import type { Channels } from './channels.ts';
import { smoothstep } from '../math/smooth.ts';
import { fillGaps, median3 } from './filters.ts';

/** the share of columns read shut (sealedLips.ts sealedShare) from which a frame starts to count as sealed, and is fully (open frames of lp_d6 / lp_d10 read .72 at most, shut ones .97-1) */
export const SEALED_FROM = 0.85, SEALED_FULL = 0.96;
/** the tracker's teeth share (mouthDark.ts teethShare) over which a frame is not sealed whatever its columns read (shut frames read 0) */
const TEETH_FROM = 0.02, TEETH_OPEN = 0.05;
/** the channels that open the lips (a funnel parts them round: lp_d6 f175's .14 funnel alone kept lp_s42's lips .03 IOD apart) */
export const SEALED_CHANNELS = ['w.jawOpen', 'w.mouthLowerDown', 'w.mouthUpperUp', 'w.mouthFunnel'] as const;

/** A frame's sealed weight (0 open .. 1 shut) from its reading; null: not read. */
export function sealedWeight(share: number | null | undefined, teethShare: number | null | undefined): number | null {
  if (share === null || share === undefined) return null;
  return smoothstep(SEALED_FROM, SEALED_FULL, share) * (1 - smoothstep(TEETH_FROM, TEETH_OPEN, teethShare ?? 0));
}

/**
 * Per frame, how far the lips close (0 .. 1): each frame's sealedWeight, gaps filled from the neighbours read, then a
 * 3-frame median (a one-frame reading neither closes nor opens; a closure of two frames, lp_d6 f175-176, keeps its
 * weight). undefined: the track holds no reading.
 */
export function sealedSeries(raw: readonly (RawFaceFrame | null)[]): Float64Array | undefined {
  const weights = raw.map((r) => (r ? sealedWeight(r.sealed, r.teethShare) : null));
  const valid = weights.map((w) => w !== null);
  if (!valid.includes(true)) return undefined;
  const filled = Float64Array.from(weights, (w) => w ?? 0);
  fillGaps(filled, valid);
  return median3(filled);
}

/**
 * The amount taken off each frame of `c` (a lip-opening channel) where the lips read sealed: the frame's own value times
 * its sealed weight, and at least the [1/4 1/2 1/4] average of those amounts (a closed frame's neighbours give up a
 * quarter of what it lost).
 */
export function sealedCut(c: ArrayLike<number>, sealed: ArrayLike<number>): Float64Array {
  const own = Float64Array.from({ length: c.length }, (_, i) => Math.max(0, c[i]!) * (sealed[i] ?? 0));
  const at = (i: number) => own[Math.max(0, Math.min(own.length - 1, i))]!;
  return own.map((v, i) => Math.max(v, 0.25 * at(i - 1) + 0.5 * v + 0.25 * at(i + 1)));
}

/** In place: the lip-opening channels (SEALED_CHANNELS the motion carries) less their sealedCut, not below 0. */
export function closeSealedLips(ch: Channels, sealed: ArrayLike<number>): void {
  for (const name of SEALED_CHANNELS) {
    if (!ch.names.includes(name)) continue;
    const c = ch.get(name), cut = sealedCut(c, sealed);
    for (let i = 0; i < c.length; i++) c[i] = c[i]! > 0 ? Math.max(0, c[i]! - cut[i]!) : c[i]!;
  }
}
