// The library's light moved to the photo's: exposure and white balance from the cheeks,
// colourfulness from the avatar's measured saturation.
import type { Avatar } from '../../avatar/types.ts';
import { luminance as lum } from '../../math/colour.ts';

export interface LightMatch { gain: [number, number, number]; saturation: number }

/** Cheek landmarks sampled for the photo's skin colour. */
const CHEEK_PROBES = [50, 280, 205, 425, 101, 330];

/** The mean colour of the photo at the cheek landmarks. */
export function cheekColour(avatar: Avatar): [number, number, number] {
  const tex = avatar.texture;
  const cheek = [0, 0, 0];
  for (const i of CHEEK_PROBES) {
    const x = avatar.uv[i * 2]!, y = avatar.uv[i * 2 + 1]!;
    const o = (Math.min(tex.height - 1, Math.max(0, Math.round(y))) * tex.width + Math.min(tex.width - 1, Math.max(0, Math.round(x)))) * 4;
    for (let ch = 0; ch < 3; ch++) cheek[ch]! += tex.data[o + ch]! / CHEEK_PROBES.length;
  }
  return cheek as [number, number, number];
}

/**
 * Per-channel gains that move the library's light to the photo's: the ratio of cheek
 * luminances (exposure, limited to 0.7..1.25 so a dark-skinned face does not get dark teeth), times a share
 * (power CHEEK_HUE_SHARE, within 0.9..1.1: cheeks also carry make-up and their own pigment) of the ratio of the cheeks' hues (white balance, never bluer than neutral); colourfulness follows the photo (grey for B/W).
 */
export function lightMatch(srcCheek: [number, number, number], dstCheek: [number, number, number], saturation: number, white: [number, number, number] | null = null): LightMatch {
  const ls = lum(...srcCheek), ld = lum(...dstCheek);
  // teeth catch a little more light than the cheeks' average (they are the most reflective surface)
  const exposure = Math.min(1.25, Math.max(0.7, (1.1 * ld) / Math.max(1, ls)));
  const cast = white && lum(...white) >= WHITE_OVER_CHEEK * ld ? whiteCast(white) : null;
  const gain = [0, 1, 2].map((k) => {
    if (cast) return exposure * cast[k]!;
    const hueRatio = (dstCheek[k]! / Math.max(1, ld)) / (srcCheek[k]! / Math.max(1, ls));
    return exposure * Math.min(1.1, Math.max(0.9, hueRatio ** CHEEK_HUE_SHARE));
  }) as [number, number, number];
  // teeth are never bluer than neutral grey (a pale cheek is no blue light)
  if (gain[2] > gain[0]) gain[2] = gain[0];
  return { gain, saturation: Math.min(1, Math.max(0, saturation)) };
}

/**
 * Share (power) of the cheeks' hue over the library's skin the teeth take when the eyes give no
 * white: most of a cheek's hue is its skin, not the light. 0.5 until session 15: st_art_1's tanned
 * painted skin (196,133,98) gave its teeth B/R 0.75 (222,191,166), lp_s1's pink cheeks pink teeth.
 * A varnish (a cheek of B/R 0.3) still yellows them, at the 0.9 limit.
 */
const CHEEK_HUE_SHARE = 0.3;

/**
 * The eyes' white (eyeWhite.ts) is taken as the picture's white only when it is about as bright as
 * the cheeks or brighter: shadowed or squinting eyes read mostly lid and lash (lp_s1 0.60, lp_s5
 * 0.6 of the cheek), and then the cheeks' hue, limited, is used as before. (0.85 when the white was
 * the eyes' brightest quarter; the whitest pixels read darker: the Mona Lisa's 0.96 -> 0.83.)
 */
const WHITE_OVER_CHEEK = 0.8;
/** Share of the white's hue the teeth take (power; 0.75 gave Mona Lisa gold teeth), and the gains' limits (a cast, not a recolouring). */
const CAST_SHARE = 0.5, CAST_LIMITS: [number, number] = [0.5, 1.15];

/** Per-channel gains that give a neutral surface the hue of `white`, luminance kept (a share, limited). */
export function whiteCast(white: [number, number, number]): [number, number, number] {
  const y = Math.max(1, lum(...white));
  return white.map((v) => Math.min(CAST_LIMITS[1], Math.max(CAST_LIMITS[0], (v / y) ** CAST_SHARE))) as [number, number, number];
}

/** A colour with its saturation scaled by s. */
export function desaturate(c: [number, number, number], s: number): [number, number, number] {
  const y = lum(...c);
  return [y + (c[0] - y) * s, y + (c[1] - y) * s, y + (c[2] - y) * s];
}
