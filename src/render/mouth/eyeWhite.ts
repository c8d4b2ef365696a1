// The colour of white in this picture, read off the whites of the eyes: the one surface on a face
// that is near white in any light, so its hue is the light's (or a painting's varnish). The teeth
// take it (layers.ts): the cheeks' hue is mostly the skin's own and was only allowed to tint the
// library teeth by 10 %, which left cold blue-white teeth in a yellow Mona Lisa.
//
// The sclera is a few pixels between lid, lashes and iris, and a video's colour is stored at half
// resolution (4:2:0), so even its brightest pixels carry the lids' skin hue. Taking the brightest
// quarter read Katie Hill's eyes as (175,147,133), skin, and gave her peach teeth. So the white is
// the pixels that are bright and grey at once (whiteness()), and a reading that is still coloured like
// the skin is refused (no white: the caller keeps its neutral fallback).
import type { Avatar } from '../../avatar/types.ts';
import { EYE_L_LOOP, EYE_R_LOOP, IRIS_L, IRIS_R } from '../../rig/topology.ts';
import { insidePolygon } from '../../math/polygon.ts';
import { luminance as lum, saturation as rgbSaturation } from '../../math/colour.ts';
import { cheekColour } from './lightMatch.ts';

type Rgb = [number, number, number];

/** The iris disc left out of the eye opening, in iris radii (the limbus is soft). */
const IRIS_MARGIN = 1.25;
/** Share of the opening's pixels taken as sclera: the whitest (whiteness(), highest first). */
const SCLERA_SHARE = 0.2;
/** How much colour (max - min channel) counts against brightness in whiteness(): a lit lid is brighter than a shaded sclera, never as grey. */
const CHROMA_WEIGHT = 1.5;
/** Fewer sclera pixels than this: no reading (closed or tiny eyes). */
const MIN_PIXELS = 12;
/**
 * A white as colourful as this share of the cheeks' colourfulness, with the cheeks' hue, is skin
 * (lid, or sclera drowned in the skin's chroma), not white: refused.
 */
const SKIN_LIKE = 0.6;
/** Hue angle (degrees) within which a reading counts as the skin's hue. */
const SKIN_HUE = 35;
/**
 * Skin more colourful than this is no lit skin but a tinted picture (varnish, sepia: the Mona Lisa's
 * cheeks 0.59, her eyes' white 0.62; photographed skin 0.14-0.50 here): there the white shares the
 * skin's hue because everything does, and it is taken.
 */
const TINTED_PICTURE = 0.55;

const saturation = (c: Rgb): number => rgbSaturation(...c);

/** Hue angle in degrees (the chroma plane's angle; only differences are used). */
function hue(c: Rgb): number {
  return (Math.atan2(Math.sqrt(3) * (c[1] - c[2]), 2 * c[0] - c[1] - c[2]) * 180) / Math.PI;
}

/** True when `white` has about the skin's hue and more than SKIN_LIKE of its colourfulness. */
export function looksLikeSkin(white: Rgb, skin: Rgb): boolean {
  const sw = saturation(white), ss = saturation(skin);
  if (sw < 0.06 || ss > TINTED_PICTURE) return false; // grey enough whatever its hue, or a tinted picture
  const dh = Math.abs(((hue(white) - hue(skin) + 540) % 360) - 180);
  return dh <= SKIN_HUE && sw >= SKIN_LIKE * ss;
}

/** Brightness less colour: highest for the sclera, lower for lid skin however lit, low for iris and lashes. */
export function whiteness(c: Rgb): number {
  return lum(...c) - CHROMA_WEIGHT * (Math.max(...c) - Math.min(...c));
}

/** Of an eye opening's pixels (RGB, any order), the sclera's: the whitest SCLERA_SHARE (positions in `pixels`). */
export function scleraPixels(pixels: Rgb[]): number[] {
  const score = pixels.map(whiteness);
  return pixels.map((_, k) => k).sort((a, b) => score[b]! - score[a]!).slice(0, Math.round(SCLERA_SHARE * pixels.length));
}

/** The mean colour of the sclera's pixels (`pale`, positions in `pixels`), or null when too few. */
export function scleraColour(pixels: Rgb[], pale: number[] = scleraPixels(pixels)): Rgb | null {
  if (pale.length < MIN_PIXELS) return null;
  return [0, 1, 2].map((k) => pale.reduce((s, q) => s + pixels[q]![k]!, 0) / pale.length) as Rgb;
}

/** Texture pixel indices inside both eye openings and outside each iris disc. */
export function eyeOpeningPixels(avatar: Avatar): number[] {
  const tex = avatar.texture, uv = avatar.uv;
  const pt = (i: number): [number, number] => [uv[i * 2]!, uv[i * 2 + 1]!];
  const out: number[] = [];
  if (uv.length < (IRIS_R[4]! + 1) * 2) return out;
  for (const loop of [EYE_L_LOOP, EYE_R_LOOP]) {
    const poly = loop.map(pt);
    // the iris is the one whose centre lies in this opening (the index convention is not trusted)
    const iris = [IRIS_L, IRIS_R].find((ring) => insidePolygon(...pt(ring[0]!), poly)) ?? null;
    const [cx, cy] = iris ? pt(iris[0]!) : [Infinity, Infinity];
    const r = iris ? IRIS_MARGIN * Math.max(...iris.slice(1).map((k) => Math.hypot(pt(k)[0] - cx, pt(k)[1] - cy))) : 0;
    const xs = poly.map((p) => p[0]), ys = poly.map((p) => p[1]);
    for (let y = Math.max(0, Math.floor(Math.min(...ys))); y <= Math.min(tex.height - 1, Math.ceil(Math.max(...ys))); y++) {
      for (let x = Math.max(0, Math.floor(Math.min(...xs))); x <= Math.min(tex.width - 1, Math.ceil(Math.max(...xs))); x++) {
        if (Math.hypot(x - cx, y - cy) < r || !insidePolygon(x, y, poly)) continue;
        out.push(y * tex.width + x);
      }
    }
  }
  return out;
}

/** `pixels`: the texture pixels taken as sclera. */
export interface EyeWhiteReading { white: Rgb | null; sclera: Rgb | null; skin: Rgb; pixels: number[]; why: string }

/** The reading with what it looked at (for benches): the sclera's colour, and whether it was taken. */
export function eyeWhiteReading(avatar: Avatar): EyeWhiteReading {
  const d = avatar.texture.data;
  const pixels = eyeOpeningPixels(avatar);
  const rgb = (q: number): Rgb => [d[q * 4]!, d[q * 4 + 1]!, d[q * 4 + 2]!];
  const colours = pixels.map(rgb);
  const pale = scleraPixels(colours);
  const sclera = scleraColour(colours, pale);
  const skin = cheekColour(avatar);
  const fmt = (c: Rgb) => `(${c.map(Math.round).join(',')}) sat ${saturation(c).toFixed(2)}`;
  if (!sclera) return { white: null, sclera, skin, pixels: [], why: `too few pixels (${pixels.length})` };
  const skinLike = looksLikeSkin(sclera, skin);
  return { white: skinLike ? null : sclera, sclera, skin, pixels: pale.map((k) => pixels[k]!), why: `${skinLike ? 'refused, skin-like' : 'taken'}: sclera ${fmt(sclera)}, cheek ${fmt(skin)}, ${pixels.length} px` };
}

/** The picture's white read off the eyes' sclera, or null when the eyes show too little white or only skin-coloured pixels. */
export function eyeWhite(avatar: Avatar): Rgb | null {
  return eyeWhiteReading(avatar).white;
}
