// The teeth's colour held near the picture's off-white (session 16, critic15 fix-first #1: mt_sun's
// teeth "look stained": brown-gold, olive gaps, where her real teeth are white under red lipstick).
// Teeth are the one near-white surface in the mouth: whatever light or varnish is on the picture,
// they take its white (the library's ivory under the light match's gains: a yellow Mona Lisa keeps
// yellow teeth, a warm-lit photo warm ones), with only a share of their own departure from it
// (a photo's teeth carry its lipstick's reflection; a library frame its own light). Shadows lose
// colour as they darken: the gaps between teeth are shade, not darker gold.
import type { ReadyLayer } from './readyLayer.ts';
import { luminance as lum } from '../../math/colour.ts';
import { smoothstep } from '../../math/smooth.ts';

type Rgb = [number, number, number];

/** The library's bright teeth (tools/teeth-atlas.ts IVORY): every library frame was balanced to it. */
const IVORY: Rgb = [236, 228, 214];
/** A tooth pixel keeps this share of its own departure from the off-white's hue (mt_sun's own teeth, R-B 35 at value 206 in ours against 19 at 198 in her real frames). */
const OWN_HUE_KEEP = 0.35;
/**
 * ... the photo's own teeth keep this share (session 17: their departure is the lipstick's or the
 * lips' reflection, not the tooth: mt_sun's own rows, held with 0.35, read R-B 29 at 206 in the
 * layer where her real teeth are 19 at 198; the library's departure is its frames' light, kept at 0.35)
 */
export const PHOTO_HUE_KEEP = 0.15;
/** Luminance over the row's bright teeth between which a pixel goes from shade to lit (its colour from SHADE_CHROMA to all of it). */
const SHADE_RANGE: [number, number] = [0.3, 0.8];
/** A deep shade keeps this share of the colour (a gap between teeth: dark, near grey). */
const SHADE_CHROMA = 0.4;

/**
 * The library teeth's white in this picture, at luminance 1: the library's ivory under the light
 * match's gains (what its rows were balanced to), its colour scaled by the picture's saturation
 * (grey on black-and-white). (Half the ivory's hue was tried: Obama 1 / 2's teeth went to R-B 36 / 22
 * where his real ones read 48 / 44, warm light.)
 */
export function offWhite(gain: readonly number[], saturation: number): Rgb {
  return atLuminanceOne(IVORY.map((v, k) => v * gain[k]!) as Rgb, saturation);
}

/**
 * The photo's own teeth's white: the whites of its eyes (eyeWhite.ts: the picture's light, on the
 * same photo), else the library's (offWhite). mt_sun's lipstick-lit teeth read R-B 29 at luminance
 * 190 under the library's ivory and her light's gains (both warm: counted twice), her real teeth 19,
 * her eyes' white (163,150,145) 22.
 */
export function photoOffWhite(eyes: Rgb | null, gain: readonly number[], saturation: number): Rgb {
  return eyes ? atLuminanceOne(eyes, saturation) : offWhite(gain, saturation);
}

/**
 * The white of the teeth a photo shows (its bright, nearly colourless teeth pixels: the top
 * PHOTO_WHITE_TOP of the opaque pixels by luminance, those under PHOTO_WHITE_CHROMA of their
 * value, at luminance 1), or null when it shows too few. Session 17: mt_sun's own white teeth
 * (R-B 19 at 198) are too dim for the light the face gives (photoTeeth.ts keepShares drops them all),
 * so the library's rows stood in for them, held to the library's ivory under her warm gains:
 * R-B 29 in the layer, gold beside her real teeth. A picture's own teeth are its teeth's white.
 */
export function photoTeethWhite(l: { width: number; height: number; data: Float32Array }): Rgb | null {
  const d = l.data, px: Rgb[] = [];
  for (let o = 0; o < d.length; o += 4) if (d[o + 3]! >= 0.9) px.push([d[o]!, d[o + 1]!, d[o + 2]!]);
  px.sort((a, b) => lum(...b) - lum(...a));
  const sum: Rgb = [0, 0, 0];
  let n = 0;
  for (const c of px.slice(0, Math.ceil(PHOTO_WHITE_TOP * px.length))) {
    const hi = Math.max(...c);
    if (hi - Math.min(...c) > PHOTO_WHITE_CHROMA * hi) continue;
    sum[0] += c[0]; sum[1] += c[1]; sum[2] += c[2]; n++;
  }
  return n >= PHOTO_WHITE_MIN_PIXELS ? atLuminanceOne(sum.map((v) => v / n) as Rgb, 1) : null;
}
/** photoTeethWhite: the share of the opaque pixels (brightest first) read, the most colour a tooth pixel has (of its value), the fewest pixels that make a white */
const PHOTO_WHITE_TOP = 0.15, PHOTO_WHITE_CHROMA = 0.12, PHOTO_WHITE_MIN_PIXELS = 12;

function atLuminanceOne(c: Rgb, saturation: number): Rgb {
  const y = Math.max(1e-6, lum(...c));
  return c.map((v) => 1 + (v / y - 1) * saturation) as Rgb;
}

/** One straight (not premultiplied) colour held near `white` (luminance 1): its luminance kept, its hue OWN_HUE_KEEP of its own, less colour in shade (`bright`: the row's bright teeth luminance). */
export function toothColour(c: Rgb, white: Rgb, bright: number, keep = OWN_HUE_KEEP): Rgb {
  const y = lum(...c);
  const shade = SHADE_CHROMA + (1 - SHADE_CHROMA) * smoothstep(SHADE_RANGE[0], SHADE_RANGE[1], y / Math.max(1, bright));
  return c.map((v, k) => {
    const held = y * white[k]! + (v - y * white[k]!) * keep;
    return Math.max(0, y + (held - y) * shade);
  }) as Rgb;
}

/** The 90th percentile luminance of a layer's mostly opaque pixels (its bright teeth). */
export function brightTeeth(l: ReadyLayer): number {
  const d = l.data, ys: number[] = [];
  for (let o = 0; o < d.length; o += 4) {
    const a = d[o + 3]!;
    if (a >= 0.5) ys.push(lum(d[o]! / a, d[o + 1]! / a, d[o + 2]! / a));
  }
  if (!ys.length) return 255;
  ys.sort((a, b) => a - b);
  return ys[Math.floor(0.9 * (ys.length - 1))]!;
}

/** The layer's teeth held near the picture's off-white (toothColour per pixel, keeping `keep` of their own hue). */
export function towardOffWhite(l: ReadyLayer, white: Rgb, keep = OWN_HUE_KEEP): ReadyLayer {
  const d = l.data, data = Float32Array.from(d), bright = brightTeeth(l);
  const c: Rgb = [0, 0, 0];
  for (let o = 0; o < d.length; o += 4) {
    const a = d[o + 3]!;
    if (a <= 1e-4) continue;
    c[0] = d[o]! / a; c[1] = d[o + 1]! / a; c[2] = d[o + 2]! / a;
    const t = toothColour(c, white, bright, keep);
    data[o] = t[0] * a; data[o + 1] = t[1] * a; data[o + 2] = t[2] * a;
  }
  return { ...l, data };
}
