// The socket's shade under a raised brow (brows.ts UnderBrowSkin's skin target).
// s48 lidpatch48: on st_art_1 <- pcavs741 (a painting whose brow sits on the lid, the band under it deep socket shade,
// luma ~20 against a forehead of ~170) the uncovered band was drawn in the forehead's lit skin: a flat plateau of luma
// ~80 between the hair (~25) and the lash line, stepping up from the hair in ~5 render px — critic47's "flat pale
// grey-beige patch with a hard top edge". Skin uncovered under a raised brow still sits in the socket, under the brow
// ridge: darker than the forehead by about as much as the photo's own socket is (a deep socket gives a deep shade, a lit
// lid none), and darkest right under the hair. So the target's luminance is scaled by the photo's socket ratio
// (the band's median luma over the target's, raised to `pow`, floored) and, toward the brow, by a further shade
// that fades the band into the hair instead of ending on a line; its colour moves toward the socket's warm brown.
// Only a deep socket (ratio under `deep`, fully from deep - span): on a lit lid (st_happy .68-.79, lp_s42 .82-.93) a
// shaded band is a grey eyeshadow with the band's ends for edges (tried: seen on st_happy <- lp_d6 f90).

import { luminance } from '../math/colour.ts';
import { nearestRank } from '../math/stats.ts';

/** on: the target shaded as the photo's socket is; off: the lit skin target (s47). */
export const underBrowShadeSetting = { on: true, pow: 0.5, floor: 0.5, overhang: 0.45, deep: 0.55, span: 0.2 };

/** The band's texels that count (t .2-.8 of the way from the lid to the brow's top: not the crease, not the hair). */
const inBand = (t: number) => t >= 0.2 && t <= 0.8;

/**
 * The median photo luma of the band over its skin target's, or null with under 8 band texels: under 1 where the pass
 * would paint the band lighter than the photo shows it (a deep socket .3-.4, st_art_1; a lit lid or fringe ~1).
 */
export function bandLumaRatio(photo: Uint8ClampedArray, target: Float32Array, t: Float32Array): number | null {
  const lp: number[] = [], lt: number[] = [];
  for (let q = 0; q < t.length; q++) {
    if (!inBand(t[q]!)) continue;
    lp.push(luminance(photo[q * 3]!, photo[q * 3 + 1]!, photo[q * 3 + 2]!));
    lt.push(luminance(target[q * 3]!, target[q * 3 + 1]!, target[q * 3 + 2]!));
  }
  if (lp.length < 8) return null;
  return nearestRank(lp, 0.5, NaN) / Math.max(1, nearestRank(lt, 0.5, NaN));
}

/**
 * The band's shade as the photo shows it: sqrt-like (pow) of the median of the band's photo luma over the median of its
 * skin target's luma, in [floor, 1]. 1 where the photo's band is as light as the skin it turns into (a lit lid, a fringe).
 */
export function socketShade(photo: Uint8ClampedArray, target: Float32Array, t: Float32Array): Socket {
  const ratio = bandLumaRatio(photo, target, t);
  if (ratio === null) return { shade: 1, chroma: null };
  // the shade's colour from texels that are not near black (there the ratios are noise)
  const ch: [number[], number[], number[]] = [[], [], []];
  for (let q = 0; q < t.length; q++) {
    if (!inBand(t[q]!)) continue;
    const r = photo[q * 3]!, g = photo[q * 3 + 1]!, b = photo[q * 3 + 2]!, l = luminance(r, g, b);
    if (l > 12) { ch[0].push(r / l); ch[1].push(g / l); ch[2].push(b / l); }
  }
  const med = (a: number[]) => nearestRank(a, 0.5, NaN);
  const { pow, floor, deep, span } = underBrowShadeSetting;
  const c = Math.max(0, Math.min(1, (deep - ratio) / span)), g = c * c * (3 - 2 * c);
  return { shade: 1 - g * (1 - Math.max(floor, Math.min(1, ratio ** pow))), chroma: ch[0].length >= 8 ? [med(ch[0]), med(ch[1]), med(ch[2])] : null };
}

/** The photo's socket under the brow: how much darker than the skin target it is (1: not), and its colour (RGB over luma). */
export interface Socket { shade: number; chroma: [number, number, number] | null }

/**
 * The shade at band height t (1 on the brow's lower contour, 0 on the lid): `sock` over the band, and toward the brow
 * a further (1 - overhang x (1 - sock)) eased in over t .3-.95, the brow ridge's shadow. 1 where sock is 1.
 */
export function shadeAt(t: number, sock: number): number {
  const c = Math.max(0, Math.min(1, (t - 0.3) / 0.65)), e = c * c * (3 - 2 * c);
  const over = 1 - underBrowShadeSetting.overhang * (1 - sock) * e * 2;
  return sock * Math.max(0, Math.min(1, over));
}

/**
 * Each band texel's target (and its grain) to shadeAt(t, shade) of its luminance, in place; its colour moves toward the
 * photo's socket colour by 1 - that shade (skin in shade is the socket's warm brown, not the lit skin's hue darkened:
 * that read olive-grey). No-op when off or the shade is 1.
 */
export function shadeTarget(target: Float32Array, grain: Float32Array, t: Float32Array, sock: Socket): void {
  if (!underBrowShadeSetting.on || sock.shade >= 1) return;
  for (let q = 0; q < t.length; q++) {
    const s = shadeAt(t[q]!, sock.shade), o = q * 3;
    const l = luminance(target[o]!, target[o + 1]!, target[o + 2]!), m = sock.chroma ? 1 - s : 0;
    for (let ch = 0; ch < 3; ch++) {
      const own = target[o + ch]! / Math.max(1, l);
      target[o + ch] = l * s * (own + m * ((sock.chroma?.[ch] ?? own) - own));
    }
    grain[q] = grain[q]! * s;
  }
}

/**
 * s50 browband50: the uncovered band no lighter than the photo's own lit socket skin. On mt_man <- pcavs681 (a socket
 * shaded moderately, band/target ratio .65-.77: above `deep`, so not shaded) the target stayed the forehead's light and
 * the band came out L* 67 against the photo's socket ~41 and the lid under it ~53: a pale strip between a dark brow and
 * the lid. The stretched skin is the socket's own skin, a little lighter, so the target's luminance is capped at
 * `lift` x the `pct` quantile of the band's photo luma (its lit skin, not the hair or the shadow under the brow),
 * keeping the target's hue and scaling its grain alike (no grey: the s48 eyeshadow was a shade with a grey-brown cast
 * darkest under the hair). No-op where the photo's band is as light as the target (lit lids, fringes: lp_s42, lp_s1)
 * or the s48 shade already put the target below it (deep sockets, st_art_1).
 */
export const underBrowCapSetting = { on: true, pct: 0.75, lift: 1.15 };

/** The socket's lit skin: the cap luma and its colour (RGB over luma, median over band texels at or above the quantile); null with under 8 band texels or when off. */
export function socketCap(photo: Uint8ClampedArray, t: Float32Array): { cap: number; chroma: [number, number, number] } | null {
  if (!underBrowCapSetting.on) return null;
  const lp: number[] = [], qs: number[] = [];
  for (let q = 0; q < t.length; q++) if (inBand(t[q]!)) { lp.push(luminance(photo[q * 3]!, photo[q * 3 + 1]!, photo[q * 3 + 2]!)); qs.push(q); }
  if (lp.length < 8) return null;
  const at = nearestRank(lp, underBrowCapSetting.pct, NaN);
  const ch: [number[], number[], number[]] = [[], [], []];
  lp.forEach((l, k) => { if (l >= at && l > 12) for (let c = 0; c < 3; c++) ch[c]!.push(photo[qs[k]! * 3 + c]! / l); });
  const med = (v: number[]) => nearestRank(v, 0.5, 1);
  return { cap: underBrowCapSetting.lift * at, chroma: [med(ch[0]), med(ch[1]), med(ch[2])] };
}

/**
 * Each target texel (and its grain) brought to at most the cap's luminance, in place; the share it is darkened by moves
 * its colour to the socket skin's (skin in shade is the socket's warm tone: the lit skin's RGB scaled down read grey).
 */
export function capTarget(target: Float32Array, grain: Float32Array, sock: { cap: number; chroma: [number, number, number] } | null): void {
  if (sock === null) return;
  for (let q = 0; q < grain.length; q++) {
    const o = q * 3, l = luminance(target[o]!, target[o + 1]!, target[o + 2]!);
    if (l <= sock.cap) continue;
    const k = sock.cap / l, m = 1 - k;
    for (let c = 0; c < 3; c++) { const own = target[o + c]! / l; target[o + c] = sock.cap * (own + m * (sock.chroma[c] - own)); }
    grain[q] = grain[q]! * k;
  }
}
