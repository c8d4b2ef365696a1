// A rising lower lid covers a big painted iris instead of squashing it (issue #14, squint59; cry59: lp_s7 <- eamm, a held
// squint, "the pupil a flat D"). On a big painted iris (lp_s7; paintedBand.ts) the face mesh's lower lid points sit 4-8
// texels above the painting's own lid line: the skin strip under the mesh's lid holds the painted iris's bottom and a
// line of white. A squint (eyeSquint, cheekSquint) lifts those points, and the strip rode up with them over the rigid
// eyeball: the iris's bottom rose with the lid while its top was cut by the lowered upper lid, and the iris read squashed
// (at eyeSquint 1 on lp_s7 its visible height about half its width, the pupil a flat bar) with the white under it as
// thick as at rest. A real lower lid rises over the eyeball: the iris stays round, its bottom goes under the lid.
// Here the strip is drawn as the eyeball it paints: each of its pixels shows the eye where the eyeball is at that place,
// the strip's texel less the lid's rise there (the eye texture holds the photo in the strip, paintedBand.ts), so the
// painted lid line (below the strip, skin) rises over a still iris. Sliding the lid's texture down onto the painted lid
// line instead was tried: the mesh's next ring lies 1-3 texels under that line on lp_s7, and the line smeared into a
// red band 5-6 px tall. Only on the strip of a big painted iris, only on a frame whose lower lid rose: other portraits
// and frames are untouched.
import type { PixelShader } from './rasterInputs.ts';
import type { TextureSource } from './textureSample.ts';
import { bandShareAt, gained, type PaintedBand } from './paintedBand.ts';
import { mixPacked, sampleTexture } from './gazeIris.ts';
import { knotsAt } from '../math/polyline.ts';

/** On: the painted strip under a rising lower lid shows the eyeball in place (off: it rides up with the lid, as before s59). */
export const squintCoverSetting = { on: true };

/** A lid rising less than this (texture px) is not covering anything worth the shader. */
const MIN_RISE = 0.25;

/**
 * One lower lid's rise: per point (corner to corner) its texture u, and on the lid line (`edge`) and the ring under it
 * (`ring`, EYE_*_LOWER2) the rest texture v and this frame's rise (texture px, up positive). The strip lies between.
 */
export interface LidRise { u: Float64Array; vEdge: Float64Array; rEdge: Float64Array; vRing: Float64Array; rRing: Float64Array }

/** Linear in u between a lid's points (the ends' beyond them) of the series `y`: the lid's points in increasing u, either way round. */
function alongLid(us: Float64Array, y: Float64Array, u: number): number {
  const n = us.length, at = us[n - 1]! >= us[0]! ? (k: number) => k : (k: number) => n - 1 - k;
  return knotsAt(n, (k) => us[at(k)]!, (k) => y[at(k)]!, u);
}

/**
 * The rise at texel (u, v) of the skin under the lid: linear from the lid line's rise to the ring's down the column (as the
 * mesh's triangles between them carry it), never below 0. So each strip texel shows the eye where it now lies.
 */
export function riseAt(lid: LidRise, u: number, v: number): number {
  const v0 = alongLid(lid.u, lid.vEdge, u), v1 = alongLid(lid.u, lid.vRing, u);
  const r0 = alongLid(lid.u, lid.rEdge, u), r1 = alongLid(lid.u, lid.rRing, u);
  const t = v1 > v0 ? Math.min(1, Math.max(0, (v - v0) / (v1 - v0))) : 0;
  return Math.max(0, r0 + t * (r1 - r0));
}

/**
 * A lower lid's rise this frame, or null where it did not rise (MIN_RISE): `lower` / `ring` the lid's and the ring's landmark
 * indices, `uv` their rest texture places, `cropDisp` the frame's displacement (expressionShape.ts: crop px, y down).
 */
export function lidRiseOf(lower: readonly number[], ring: readonly number[], uv: ArrayLike<number>, cropDisp: ArrayLike<number>): LidRise | null {
  const rEdge = Float64Array.from(lower, (i) => -cropDisp[i * 3 + 1]!);
  if (!rEdge.some((r) => r > MIN_RISE)) return null;
  return { u: Float64Array.from(lower, (i) => uv[i * 2]!), vEdge: Float64Array.from(lower, (i) => uv[i * 2 + 1]!), rEdge, vRing: Float64Array.from(ring, (i) => uv[i * 2 + 1]!), rRing: Float64Array.from(ring, (i) => -cropDisp[i * 3 + 1]!) };
}

/**
 * The skin over a painted strip under a risen lid (paintedBand.ts stripShader's place): the photo's skin (by a turn's
 * `gain`, 1/128), and inside the strip, by its share x `weight` (stripWeight), the eye at the eyeball's place: the eye
 * shader (the gaze's, or the plain eye texture when the gaze is at rest) at the texel the lid's rise moved off it.
 */
export function coverShader(band: PaintedBand, skin: TextureSource, eye: PixelShader | null, eyeTex: TextureSource, lid: LidRise, gain = 128, weight = 1): PixelShader {
  return (x, y, u, v) => {
    const skinAt = gain === 128 ? sampleTexture(skin, u, v) : gained(sampleTexture(skin, u, v), gain), s = weight * bandShareAt(band, u, v);
    if (s <= 0) return skinAt;
    const r = riseAt(lid, u, v);
    const eyeAt = eye ? eye(x, y, u, v - r) : sampleTexture(eyeTex, u, v - r);
    return mixPacked(skinAt, eyeAt, s);
  };
}
