// The picture's cast (its varnish) on the mouth's colours taken from real drivers (issue #13, s50 paintmouth50). The
// open dark's red-purple (deepHue.ts: the drivers' h9-20 in Lab) and the tongue's pink (tongueFlesh.ts: h20) are colours
// seen in video; a yellowed varnish shows every colour through it, so on the Mona Lisa (lp_s9) a mauve cavity and a
// salmon tongue read as pasted onto the ochre painting (lead s49: andrew2 f120's mauve hole; critic48/49: the salmon slab).
// The cast is read off the whites of the eyes (eyeWhite.ts: near white in any light, so their hue is the light's or the
// varnish's): lp_s9's white is Lab C40 h77, every photo's here C0-8 (lp_s1, lp_s42, mt_man, lp_s12, lp_s2, lp_s7) and
// st_art_1's C6. Only whites coloured past CAST_FROM take it, so a photo's rebuilt mouth is not touched.
import { luma601, luminance as lum } from '../../math/colour.ts';
import { smoothstep } from '../../math/smooth.ts';
import { labOf } from './tonguePalette.ts';
import { rgbOfLab } from './deepHue.ts';
import type { ReadyLayer } from './readyLayer.ts';

type Rgb = [number, number, number];

/** Settings (bench ablations: bench/fleckRender.ts --set render/mouth/pictureCast.ts:castSetting.on=false). */
export const castSetting = { on: true };

/** the whites' Lab chroma from which (none) to which (all) the cast is taken: photos' whites C0-8, lp_s9's 40 */
const CAST_FROM = [15, 30] as const;
/** a channel's gain within 1 / this .. this */
const CAST_MOST = 2.5;

/**
 * Per-channel gains that show a colour through the picture's cast read off its eyes' `white` (its channels over its
 * luma, within CAST_MOST), by how coloured that white is; null when it is
 * near neutral or unknown.
 */
export function varnishCast(white: readonly number[] | null): Rgb | null {
  if (!castSetting.on || !white) return null;
  const [, a, b] = labOf(white[0]!, white[1]!, white[2]!);
  const k = smoothstep(CAST_FROM[0], CAST_FROM[1], Math.hypot(a, b));
  if (!(k > 0)) return null;
  // (the whole cast: the hue is all it moves, castInto keeps the lightness and chroma; the teeth's half, lightMatch.ts
  // whiteCast, left lp_s9's dark a mauve at 1x)
  const y = Math.max(1, lum(white[0]!, white[1]!, white[2]!));
  return [0, 1, 2].map((ch) => 1 + (Math.min(CAST_MOST, Math.max(1 / CAST_MOST, white[ch]! / y)) - 1) * k) as Rgb;
}

/**
 * `c` (r, g, b; changed in place) through the cast: the Lab hue it takes under the cast, its own Lab lightness and chroma
 * kept (a varnish turns colours toward its own, it does not make them more colourful: through the gains alone lp_s9's
 * tongue went a saturated orange, C 27 -> 39 against the lips' 40, critic28's orange tongue).
 */
export function castInto(c: number[] | Float64Array | Rgb, cast: readonly number[]): void {
  const [L, a, b] = labOf(c[0]!, c[1]!, c[2]!), C = Math.hypot(a, b);
  if (!(L > 0) || C < 1) return;
  const [, a1, b1] = labOf(c[0]! * cast[0]!, c[1]! * cast[1]!, c[2]! * cast[2]!), h = Math.atan2(b1, a1);
  const rgb = rgbOfLab(L, C * Math.cos(h), C * Math.sin(h));
  for (let ch = 0; ch < 3; ch++) c[ch] = Math.max(0, rgb[ch]!);
}

/** A tint (r, g, b over its luma, luma 1; changed in place) through the cast (castInto), at a mid grey's light, luma 1 again. */
export function castTintInto(tint: number[] | Float64Array | Rgb, cast: readonly number[]): void {
  const c: Rgb = [tint[0]! * TINT_AT, tint[1]! * TINT_AT, tint[2]! * TINT_AT];
  castInto(c, cast);
  const y = luma601(c);
  if (!(y > 0)) return;
  for (let ch = 0; ch < 3; ch++) tint[ch] = c[ch]! / y;
}
/** the luma a tint is read at (its hue in Lab is read on a colour, not at 1 of 255) */
const TINT_AT = 96;

/** A layer (premultiplied) through the cast, each pixel's Lab lightness and chroma kept, no channel past its alpha's white. */
export function castLayer(l: ReadyLayer, cast: readonly number[] | null): ReadyLayer {
  if (!cast) return l;
  const data = Float32Array.from(l.data), px = [0, 0, 0];
  for (let o = 0; o < data.length; o += 4) {
    const al = data[o + 3]!;
    if (!(al > 0)) continue;
    px[0] = data[o]!; px[1] = data[o + 1]!; px[2] = data[o + 2]!;
    castInto(px, cast);
    for (let ch = 0; ch < 3; ch++) data[o + ch] = Math.min(255 * al, Math.max(0, px[ch]!));
  }
  return { ...l, data };
}
