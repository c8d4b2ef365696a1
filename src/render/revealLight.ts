// The light a revealed texel carries (issue #15, s58 farcheek58: the far cheek at yaw +25 a pale flat band). A turn
// toward the photo's hidden side widens the steep band by the outline, and reveal.ts pulls that band's texture
// inward (up to .07 face widths) to skin the photo saw more squarely. turnShade (turn.ts) only darkens a surface
// the turn takes away from the camera, judged by its *geometric* rest facing: a band turning toward the camera
// always kept its texel's light. But the texels drawn there are as bright as the square-on cheek in most photos
// (soft or frontal light: mt_man's band at rest is 1.00x the cheek's middle, lp_s10's painted far side pale all
// over), so the revealed cheek stayed as light up to its new silhouette as in its middle (farBand grad 1.04 on
// mt_man +25), where a real turned cheek darkens toward it (real 3/4 frames: 0.92-0.93, bench/farBand.ts).
// Here a pulled texel in the outline's band is shaded from the facing its *photographed light* shows: as bright as
// the face's square-on skin reads as facing the camera square on (turn.ts's light model, inverted), and the facing it
// is drawn at now darkens it as turnShade does (at most to its floor). A texel the photo shows shaded (lp_s12's far jaw) reads as facing away
// already and is not darkened twice. Only the reveal's pulled vertices, by their activation this frame: the
// photo's pose and the side turning away are unchanged.
import type { Avatar } from '../avatar/types.ts';
import { FACE_OVAL, MESH_POINT_COUNT, NOSE_POINTS, eyeCornerDistance } from '../rig/topology.ts';
import { smoothstep } from '../math/smooth.ts';
import { luminance } from '../math/colour.ts';
import { TURN_FILL } from './turn.ts';
import type { RgbaImage } from '../types.ts';

/** Face widths of the box the photographed light is read over (the mirror's broad colour: mirror.ts). */
const LIGHT_BOX = 0.05;
/** Eye distances from the nose's points (neutral face) within which a pulled texel keeps the old shading: the nose's own
 *  reveals (noseReveal.ts) show its flanks, whose light is the nose's, not the cheek's (turnTexturing.ts NOSE_KEEP's outer end). */
const NOSE_KEEP = 0.35;

/** Switch for the pulled texel's own facing in the turn's shading (s58 farcheek58; RendererOptions.revealLight). */
export const revealLightSetting = { on: true };

/** Alpha-weighted mean luminance of the (premultiplied) texture over the box of half-side r around (x, y), or -1 where no opaque texel lies. */
function broadLuma(tex: RgbaImage, x: number, y: number, r: number): number {
  const { width: w, height: h, data } = tex;
  let s = 0, a = 0;
  for (let yy = Math.max(0, Math.round(y - r)); yy <= Math.min(h - 1, Math.round(y + r)); yy++) {
    for (let xx = Math.max(0, Math.round(x - r)); xx <= Math.min(w - 1, Math.round(x + r)); xx++) {
      const i = (yy * w + xx) * 4;
      s += luminance(data[i]!, data[i + 1]!, data[i + 2]!); a += data[i + 3]!;
    }
  }
  return a > 255 ? (255 * s) / a : -1;
}

/**
 * The facing a texel's photographed light shows under turn.ts's light (TURN_FILL + (1 - TURN_FILL) * facing):
 * `ratio` = its broad luminance over the square-on skin's; 1 (or brighter) = square on. Pure.
 */
export function lightFacing(ratio: number): number {
  const f = (ratio - TURN_FILL) / (1 - TURN_FILL);
  return f < 0 ? 0 : f > 1 ? 1 : f;
}

/** How far landmark v lies in the outline's band: 0 inside .55 of the oval's radius at its angle from the centre, 1 past .85 (reveal.ts's steep band). Pure. */
export function outerBand(rest: ArrayLike<number>, v: number, oval: readonly (readonly [number, number])[], cx: number, cy: number): number {
  const x = rest[v * 3]! - cx, y = rest[v * 3 + 1]! - cy, ang = Math.atan2(y, x);
  let best = Infinity, rOval = 1;
  for (const [ox, oy] of oval) {
    const a = Math.atan2(oy - cy, ox - cx), da = Math.abs(Math.atan2(Math.sin(a - ang), Math.cos(a - ang)));
    if (da < best) { best = da; rOval = Math.hypot(ox - cx, oy - cy); }
  }
  return smoothstep(0.55, 0.85, Math.hypot(x, y) / Math.max(1, rOval));
}

/**
 * Per vertex of the reveal list, the facing its pulled texel is shaded from: the larger of its own rest facing and
 * the one its photographed light shows (lightFacing of its broad luminance over the
 * median over face points the photo saw squarely, facing > .8), on face-mesh points in the outline's band (outerBand)
 * away from the nose; every other vertex the surface's.
 */
export function revealLightFacing(avatar: Avatar, revealList: Int32Array): Float32Array {
  const nrm = avatar.normal;
  const out = Float32Array.from({ length: avatar.vertexCount }, (_, v) => -nrm[v * 3 + 2]!);
  const tex = avatar.texture, r = Math.max(2, LIGHT_BOX * avatar.head.faceWidth), uv = avatar.uv;
  const square: number[] = [];
  for (let v = 0; v < Math.min(avatar.vertexCount, MESH_POINT_COUNT); v++) {
    if (-nrm[v * 3 + 2]! <= 0.8) continue;
    const l = broadLuma(tex, uv[v * 2]!, uv[v * 2 + 1]!, r);
    if (l >= 0) square.push(l);
  }
  if (!square.length) return out;
  square.sort((a, b) => a - b);
  const skin = square[square.length >> 1]! + 4;
  const oval = FACE_OVAL.map((i) => [avatar.rest[i * 3]!, avatar.rest[i * 3 + 1]!] as const);
  const cx = oval.reduce((a, p) => a + p[0], 0) / oval.length, cy = oval.reduce((a, p) => a + p[1], 0) / oval.length;
  const N = avatar.rig.neutral, keep = NOSE_KEEP * eyeCornerDistance(N);
  const nearNose = (v: number) => NOSE_POINTS.some((q) => Math.hypot(N[v * 3]! - N[q * 3]!, N[v * 3 + 1]! - N[q * 3 + 1]!, N[v * 3 + 2]! - N[q * 3 + 2]!) < keep);
  for (let q = 0; q < revealList.length; q++) {
    const v = revealList[q]!;
    if (v >= MESH_POINT_COUNT || nearNose(v)) continue;
    const l = broadLuma(tex, avatar.uvRevealed[v * 2]!, avatar.uvRevealed[v * 2 + 1]!, r);
    // only the outline's band (reveal.ts's steep band, by the same .55-.85 of the oval's radius): the reveals
    // inside it (the nose's and the ridge side's: noseReveal.ts, turnUnfold.ts) move texels for other reasons than a
    // widened band. (Shading them from the geometric facing at the pulled position drew a grey line down lp_s10's far
    // nose flank at +25: where a turned photo's mesh folds, that position lies on several triangles. Not used.)
    const band = outerBand(avatar.rest, v, oval, cx, cy);
    if (l >= 0 && band > 0) out[v] = Math.max(out[v]!, out[v]! + band * (lightFacing((l + 4) / skin) - out[v]!));
  }
  return out;
}

/**
 * The rest facing the turn's shading starts from for a vertex whose texture is `k` (0..1) of the way to its
 * revealed position, `share` (0..1) of it its mirror partner relit to the vertex's own photo light: the own
 * facing for the mirror's share, the pulled texel's (own + k of the way to the source's) for the rest. Pure.
 */
export function shadedFromFacing(own: number, source: number, k: number, share: number): number {
  return own + (1 - share) * k * (source - own);
}

/**
 * s59 turn59 (critic58's pale wedge at +25): the light above is taken by the reveal's *pull* activation k, which is the
 * band's steepness times the turn, so between cheekbone and jaw (a gentler slope, little pull) the band kept the photo's
 * square-on light up to its new silhouette: mt_man +25's pale wedge (farBand grad 1.01, real 3/4 cheeks .92). How lit a
 * texel was photographed does not depend on how far its texture is pulled: the band's own texels, turned from the light
 * they were photographed in, darken as the pulled ones do. So the shading's activation is at least the turn toward the
 * vertex's side (0 at the photo's pose and on the side turning away: their frames are unchanged).
 */
export const revealLightBandSetting = { on: true };

/** The turn's activation toward the side a reveal direction points to: 0..1 at 0..25 deg of `revealX` (turnTexture.ts's -yaw/25). Pure. */
export function sideTurn(revealDirX: number, revealX: number): number {
  const t = (revealDirX > 0 ? 1 : revealDirX < 0 ? -1 : 0) * revealX;
  return t < 0 ? 0 : t > 1 ? 1 : t;
}

/** Raises each reveal vertex's shading activation `k` (revealTextureInto's kOut) to its side's turn (sideTurn), for a frame turned by `yaw` degrees. */
export function bandLightActivationInto(revealDir: Float32Array, revealList: Int32Array, yaw: number, k: Float32Array): void {
  const revealX = -yaw / 25;
  if (revealX === 0) return;
  for (let q = 0; q < revealList.length; q++) {
    const v = revealList[q]!, t = sideTurn(revealDir[v * 2]!, revealX);
    if (t > k[v]!) k[v] = t;
  }
}
