// How far out the gaze's iris moves whole (irisDisc.ts's matte core). Past the core a pixel moves only as far as it is
// darker than the white behind it. On a dark, shaded eye (lp_s12, a painting: the white ~.5 of the lit skin) the
// iris's outer band is barely darker than that grey white, so it half stayed behind as a grey ring round a black,
// notched core (critic37, lp_s12 <- lp_d14 f58-59). Where the photo shows the dark iris reaching past the face
// mesh's ring on the centre row, everything inside the ring is iris: it all moves.
import { irisHalfWidth } from './wideEyeModel.ts';
import type { TextureSource } from './textureSample.ts';

/** Within this share of the mesh's iris ring all moves, whatever the photo shows. */
export const IRIS_CORE = 0.8;
/** The photo's iris half width is read where the row crosses half way to the white: this many px in is still iris. */
const SEEN_BLUR_PX = 1;

/**
 * The all-moving core's radius (texture px) for a mesh iris ring `ring` and the iris half width the photo shows
 * `seen` (0: not read): IRIS_CORE of the ring, out to the ring as the seen iris (less its blur) reaches it.
 */
export function irisCoreRadius(ring: number, seen: number): number {
  return Math.min(ring, Math.max(IRIS_CORE * ring, seen - SEEN_BLUR_PX));
}

/** irisCoreRadius with the seen half width read off the texture at the iris centre (cx, cy) in the opening `poly`. */
export function irisCoreOnPhoto(tex: TextureSource, poly: [number, number][], cx: number, cy: number, ring: number): number {
  const bytes = new Uint8ClampedArray(tex.data32.buffer, tex.data32.byteOffset, tex.data32.byteLength);
  return irisCoreRadius(ring, ring > 0 ? irisHalfWidth({ width: tex.width, height: tex.height, data: bytes }, poly, cx, cy, ring) : 0);
}
