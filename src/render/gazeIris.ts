// Gaze as two layers of the eye texture, per pixel: the iris is a rigid disc that moves over the
// eye's white, and the white stays where the photo has it. Before (round eyes10-11) the eyeball
// fan's centre vertex carried the shift: the map was affine per spoke triangle, so the iris was
// squashed on the side it moved toward with a polygonal trailing edge, and the white behind it was
// the photo's thin strip of white stretched into a flat pale blob (mt_man) or a wedge (lp_s42).
//
//   sclera(p) = the eye texture, the iris's disc filled with each row's white (scleraBehind.ts)
//   out(p)    = sclera(p) under the iris (the disc's dark pixels) of the texture at p - s (s: the shift)
// The opening's edge (lid margin, lid shadow, corners) is the sclera layer's own pixels, so it
// stays; the lids' skin covers whatever part of the disc moves under them. The discs are built in irisDisc.ts.
import { type PixelShader } from './raster.ts';
import { bilinearInto, packRounded, type TextureSource } from './textureSample.ts';
import { hiddenIrisAt, withHiddenIris, type HiddenIris } from './irisHidden.ts';
import { discAlpha, irisDiscs, rimKeep, type IrisDisc } from './irisDisc.ts';
import { bilinearShare, drawnOverMoved } from './raisedOverMoved.ts';
import { followDrop } from './gazeCorner.ts';
import { darkenPacked, glanceShare, solidColourAt } from './glanceIris.ts';
import { dimToFit, fitShiftShare, GLANCE_WHITE } from './glanceWhite.ts';
import { tonedIris, toneOver, withCatchlight } from './irisTone.ts';

/** Packed RGBA (r | g<<8 | b<<16 | a<<24) mixed: (1 - t) a + t b. */
export function mixPacked(a: number, b: number, t: number): number {
  let out = 0;
  for (let sh = 0; sh < 32; sh += 8) {
    const x = (a >>> sh) & 255, y = (b >>> sh) & 255;
    out |= ((x + t * (y - x) + 0.5) | 0) << sh;
  }
  return out >>> 0;
}

const texel = new Float64Array(4), hiddenTexel = new Float64Array(4);

/** Bilinear sample of a packed RGBA texture (texel centres at integer + 0.5, clamped), as the rasterizer samples, packed. */
export function sampleTexture(tex: TextureSource, u: number, v: number): number {
  const fx = Math.min(tex.width - 1, Math.max(0, u - 0.5)), fy = Math.min(tex.height - 1, Math.max(0, v - 0.5));
  bilinearInto(tex.data32, tex.width, tex.height, fx, fy, texel);
  return packRounded(texel);
}

/** v for small v, approaching +-reach for large (tanh). */
export function easeInto(v: number, reach: number): number {
  return reach > 0 ? reach * Math.tanh(v / reach) : 0;
}

/** The eye's colour at texture point (u, v) with the iris shifted by (sx, sy): the disc over the white. */
export function irisOverWhite(tex: TextureSource, disc: IrisDisc, u: number, v: number, sx: number, sy: number, irisFrom: TextureSource = tex): number {
  // how far into a glance: the white it uncovers, the round moved iris, a faint iris's solid fill (earlier on a faint iris)
  const glance = sx !== 0 ? glanceShare(sx, disc.open?.[sx < 0 ? 0 : 1] ?? disc.reach[sx < 0 ? 0 : 1], disc.solid?.strength ?? 0) : 0;
  let base = sampleTexture(tex, u, v);
  const under = discAlpha(Math.hypot(u - disc.cx, v - disc.cy), disc.radius);
  if (under > 0) {
    const i = Math.min(disc.size - 1, Math.max(0, Math.floor(u) - disc.x0)), j = Math.min(disc.size - 1, Math.max(0, Math.floor(v) - disc.y0));
    let white = disc.white[j * disc.size + i]!;
    // a hard glance: the white it uncovers in the photo's own white's tone and grain (glanceWhite.ts)
    const g = disc.glance ? disc.glance.share[j * disc.size + i]! * GLANCE_WHITE * glance : 0;
    if (g > 0) white = mixPacked(white, disc.glance!.colour[j * disc.size + i]!, g);
    // the white the iris leaves no brighter than the whole white's shade at its place (s51, glanceWhite.ts), from a
    // fraction of the iris's radius of shift (not only at a hard glance: lp_s10's wedge is at sx .7 of the radius)
    const fit = disc.glance?.fit, byShift = fit ? fitShiftShare(Math.hypot(sx, sy), fit.iris) : 0;
    if (byShift > 0) white = dimToFit(white, fit!.luma[j * disc.size + i]!, byShift * fit!.share[j * disc.size + i]!);
    base = mixPacked(base, white, under);
  }
  let over = patchAt(disc.matte, disc.size, u - sx - disc.x0, v - sy - disc.y0);
  // a hard glance: the photo's iris moved whole and round, not the lid shade or lashes beside it;
  // a faint iris's solid fill (below) still reaches its own ring (roundIris.ts)
  const round = disc.round ? glance : 0;
  if (round > 0) over += round * (patchAt(disc.round!.matte, disc.size, u - sx - disc.x0, v - sy - disc.y0) - over);
  // a faint iris at a hard glance: its light texels in the iris's colour, the whole ring moved (glanceIris.ts)
  const solid = disc.solid && disc.solid.strength > 0 ? disc.solid.strength * glance : 0;
  if (solid > 0) over = Math.max(over, solid * patchAt(disc.solid!.fill, disc.size, u - sx - disc.x0, v - sy - disc.y0));
  // the glancing disc an iris to its rim in the photo's tone, its catchlight where the cornea carries it (irisTone.ts)
  const tone = round > 0 && disc.tone ? disc.tone : null;
  if (tone) over = toneOver(tone, over, u - sx, v - sy, round);
  if (over > 0) over *= rimKeep(disc, u, v);
  let iris = over > 0 ? sampleTexture(irisFrom, u - sx, v - sy) : 0;
  if (tone && over > 0) iris = tonedIris(tone, disc, iris, u - sx, v - sy, round);
  if (solid > 0 && over > 0) iris = darkenPacked(mixPacked(iris, solidColourAt(disc.solid!.colour, disc.size, u - sx - disc.x0, v - sy - disc.y0), solid), solid);
  const hidden = disc.hidden ? hiddenIrisAt(disc.hidden, u, v, sx, sy, hiddenTexel) : 0;
  const out = hidden > 0 ? withHiddenIris(base, iris, over, hidden, hiddenTexel) : over > 0 ? mixPacked(base, iris, over) : base;
  return tone ? withCatchlight(out, tone, disc, u, v, sx, sy, over, round) : out;
}

/** Bilinear sample of a size x size scalar patch at patch coordinates (x, y) (pixel centres at + 0.5); 0 outside. */
export function patchAt(a: Float32Array, size: number, x: number, y: number): number {
  const fx = x - 0.5, fy = y - 0.5;
  const ix = Math.floor(fx), iy = Math.floor(fy), ax = fx - ix, ay = fy - iy;
  return (1 - ay) * ((1 - ax) * cellAt(a, size, ix, iy) + ax * cellAt(a, size, ix + 1, iy))
    + ay * ((1 - ax) * cellAt(a, size, ix, iy + 1) + ax * cellAt(a, size, ix + 1, iy + 1));
}

/** One cell of a size x size patch; 0 outside. (A module function, not a closure: patchAt runs per eye pixel.) */
function cellAt(a: Float32Array, size: number, i: number, j: number): number {
  return i >= 0 && j >= 0 && i < size && j < size ? a[j * size + i]! : 0;
}

/**
 * Below `below` texture px of shift the moved-iris layer fades into plain texturing (0: off, s48's switch at
 * 1e-3 px). At a zero shift the layer is not the photo: the matte's soft edge and the opening's rim band
 * (rimKeep) show the white behind the iris, a ring round the iris and along the lid line, so a driver's
 * tiny gaze or vergence (never exactly 0) read as a heavier lid and a narrower eye (mt_man -4..10 %, sleepy49).
 * Under a texel of shift the iris barely moves: the photo's eye carries it.
 */
export const gazeFadeSetting = { below: 1 };

/** The moved layer's share at a shift of `d` texture px: 0 at rest, 1 from `below` on (smoothstep). */
export function movedShare(d: number, below = gazeFadeSetting.below): number {
  if (!(below > 0) || d >= below) return 1;
  const t = Math.max(0, d) / below;
  return t * t * (3 - 2 * t);
}

/** Eye e's sideways shift: the shared one plus `toNose` toward the nose (image left for eye 0, the image-right eye). */
export function eyeShiftX(e: number, shiftX: number, toNose: number): number {
  return shiftX + (e === 0 ? -toNose : toNose);
}

/** The eyeballs' gaze shaders: `set` the frame's shift, then draw each eye's triangles with `shaders[e]` (null at rest: plain texturing). */
export class GazeIris {
  readonly discs: IrisDisc[];
  readonly shaders: (PixelShader | null)[] = [null, null];
  private readonly shift = [[0, 0], [0, 0]];
  /** each eye's moved layer share this frame (movedShare) */
  private readonly share = [1, 1];
  private readonly drawers: PixelShader[];

  /**
   * `raised`: where a raised lid's eye is drawn in the texture (wideEyes.ts), with its iris already at the
   * shift: shown as drawn there; the iris moved below it comes from `raised.rest` (the photo's eye), not
   * from that drawing (sampled above itself, a look down moved the drawn iris twice: a step in the iris).
   */
  constructor(uv: ArrayLike<number>, tex: TextureSource, raised?: { rest: TextureSource; raisedShare(e: number, u: number, v: number): number; hidden?: (HiddenIris | null)[] }) {
    this.discs = irisDiscs(uv, tex);
    this.discs.forEach((disc, e) => { disc.hidden = raised?.hidden?.[e] ?? null; });
    this.drawers = this.discs.map((disc, e) => {
      const s = this.shift[e]!;
      const faded = (u: number, v: number, moved: number) => (this.share[e]! < 1 ? mixPacked(sampleTexture(tex, u, v), moved, this.share[e]!) : moved);
      if (!raised) return (_x: number, _y: number, u: number, v: number) => faded(u, v, irisOverWhite(tex, disc, u, v, s[0]!, s[1]!));
      const shareAt = (x: number, y: number) => raised.raisedShare(e, x, y);
      return (_x: number, _y: number, u: number, v: number) => {
        const moved = irisOverWhite(tex, disc, u, v, s[0]!, s[1]!, raised.rest);
        // the drawn texel carries the photo's unmoved eye by 1 - share: swapped for the moved eye (raisedOverMoved.ts)
        const share = bilinearShare(shareAt, u, v);
        return faded(u, v, share > 0 ? drawnOverMoved(moved, sampleTexture(tex, u, v), sampleTexture(raised.rest, u, v), share) : moved);
      };
    });
  }

  /** Eye e's shift this frame (texture px, eased), as drawn. */
  shiftOf(e: number): [number, number] {
    return [this.shift[e]![0]!, this.shift[e]![1]!];
  }

  /**
   * This frame's shift (texture px, before easing into each eye's reach); `toNose` moves each eye's
   * iris that much more toward the nose (crossed eyes; eye 0 is the image-right one).
   */
  set(shiftX: number, shiftY: number, toNose = 0): void {
    this.discs.forEach((disc, e) => {
      const x = eyeShiftX(e, shiftX, toNose);
      // a far look stops where the opening still holds most of the iris; aside, the centre keeps its share
      // of the way down the opening (gazeCorner.ts)
      const eased = easeInto(x, disc.reach[x < 0 ? 0 : 1]);
      const sx = disc.open ? Math.max(-disc.open[0], Math.min(disc.open[1], eased)) : eased;
      const sy = easeInto(shiftY, disc.reach[2]) + (disc.opening ? followDrop(disc.opening, disc.cx, disc.cy, sx) : 0);
      const still = Math.abs(sx) < 1e-3 && Math.abs(sy) < 1e-3;
      this.shift[e]![0] = sx; this.shift[e]![1] = sy;
      this.share[e] = movedShare(Math.hypot(sx, sy));
      this.shaders[e] = still ? null : this.drawers[e]!;
    });
  }
}
