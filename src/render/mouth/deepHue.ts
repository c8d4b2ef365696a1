// The open dark in the drivers' red-purple, not brown (issue #13, hue38 s38; critic37 worst #1). Measured in CIE Lab
// (bench/cavityProfile.ts `lips h/C` + band hue): the drivers' lips sit at hue 21-30 and their dark over the tongue at an
// absolute hue of 9-20 (lp_d10 f80/f83/f88 9/12/15, lp_d11 f165/f168 20/18), its chroma .55-.67 of the lips'. Ours turn the
// dark by about the same angle from the lips (-13..-15), but our photos' lips are ochre (lp_s5 h57, lp_s9 h75), so the
// dark lands at h42-61: brown. cavity37's rgb tint relative to the lips (DEEP_TINT, unmerged) raised blue but kept that
// ochre base. Here the frame's dark tint is built in Lab: the lips' lightness and chroma (grey lips -> a grey dark),
// their hue pulled DEEP_PULL of the way to DEEP_HUE; each dark opening pixel goes toward it at its own luma (luma kept,
// so the depth, floors and relief stay), the lit tongue and teeth untouched. Pure; frameLight.ts sets the tint,
// shader.ts calls `deepHueOver` after the jaw pieces.
import { smoothstep } from '../../math/smooth.ts';
import { luma601 as luma } from '../../math/colour.ts';
import { labOf } from './tonguePalette.ts';

/** the drivers' dark hue (Lab degrees): lp_d10/lp_d11 band 2 at 9-20 */
export const DEEP_HUE = 14;
/** how far the lips' hue goes to DEEP_HUE (the rest keeps the photo's own cast: a varnished painting's lips stay warmer) */
export const DEEP_PULL = 0.75;
/** a pixel's luma over the lips' at which the tint is fully on / off (the lit tongue's .8-1.1 untouched) */
export const DEEP_FROM = 0.4, DEEP_TO = 0.75;
/** the largest share of the way to the tint */
export const DEEP_SHARE = 0.9;
/**
 * The dark's colourfulness (smallhole57, s57). The tint was the lips' own colour turned to the hue, as r, g, b over luma, and a
 * pixel takes it at its own luma: the same chromaticity, darker, is much less colourful in Lab (lips at L 70 and chroma 29: a
 * pixel at .3 of their luma comes out at chroma ~13). Behind it the tissue tint and the back floor lift the library's grey-navy
 * cavity in light more than in hue (driverTongue.ts backFloorInto), so a small opening's dark read a black-brown: mt_man <-
 * pcavs741 f97 its dark bands' chroma .42-.47 of the lips' where the driver's crimson slit reads .80-.92, lp_d10/lp_d11's
 * darks .55-.67 (hue38). Here the tint is built at the Lab lightness of the lips' colour at `at` of their luma, its chroma at
 * least `chroma` of the lips' own but no more than `most` (Lab chroma: a red lipstick is not the mouth's inside; lp_s1's lips at
 * C 53 drew a wine-red slit at .75 of them where Reagan's dark reads 16, pcavs741's 29): a dark red there, not a dimmed pink,
 * never less colourful than before. on false: the lips' colour as before.
 */
export const deepChromaSetting = { on: true, at: 0.35, chroma: 0.75, most: 26 };

/** under this Lab chroma the lips are grey (a black-and-white photo): no hue is given to the dark */
const GREY_CHROMA = 4;

const gam = (v: number) => 255 * (v <= 0.0031308 ? 12.92 * v : 1.055 * Math.max(0, v) ** (1 / 2.4) - 0.055);
const fInv = (t: number) => (t > 0.206893 ? t * t * t : (t - 16 / 116) / 7.787);

/** sRGB (0..255, unclamped) of a CIE Lab (D65) colour. */
export function rgbOfLab(L: number, a: number, b: number): [number, number, number] {
  const fy = (L + 16) / 116, x = 0.9505 * fInv(fy + a / 500), y = fInv(fy), z = 1.089 * fInv(fy - b / 200);
  return [gam(3.2406 * x - 1.5372 * y - 0.4986 * z), gam(-0.9689 * x + 1.8758 * y + 0.0415 * z), gam(0.0557 * x - 0.204 * y + 1.057 * z)];
}

/** The Lab hue (degrees) the dark takes for lips of hue `lipHue`: DEEP_PULL of the way to DEEP_HUE, the short way round. */
export function deepHueOf(lipHue: number): number {
  const d = ((((DEEP_HUE - lipHue) % 360) + 540) % 360) - 180;
  return lipHue + DEEP_PULL * d;
}

/**
 * The frame's dark tint into `tint` (r, g, b over luma, luma(tint) = 1) from the lips' colour `lip`: the lips' Lab
 * lightness and chroma at deepHueOf(their hue). Grey lips give grey (1, 1, 1). False when the lips have no light.
 */
export function deepHueInto(lip: ArrayLike<number>, tint: number[] | Float64Array): boolean {
  const ll = luma(lip);
  if (!(ll > 1)) return false;
  const [L, a, b] = labOf(lip[0]!, lip[1]!, lip[2]!), c = Math.hypot(a, b);
  if (c < GREY_CHROMA) { tint[0] = tint[1] = tint[2] = 1; return true; }
  const h = (deepHueOf((Math.atan2(b, a) * 180) / Math.PI) * Math.PI) / 180;
  const [Lt, ct] = deepChromaSetting.on ? darkLabOf(lip, c) : [L, c];
  const rgb = rgbOfLab(Lt, ct * Math.cos(h), ct * Math.sin(h)).map((v) => Math.max(1, v));
  const back = 1 / luma(rgb);
  for (let ch = 0; ch < 3; ch++) tint[ch] = rgb[ch]! * back;
  return true;
}

/**
 * The Lab lightness and chroma the tint is built at (deepChromaSetting): the lips' colour `lip` (Lab chroma `c`) dimmed to
 * `at` of its luma, its chroma raised to `chroma` x c (at most `most`) where the dimming left less.
 */
export function darkLabOf(lip: ArrayLike<number>, c: number): [number, number] {
  const k = Math.max(0.05, Math.min(1, deepChromaSetting.at));
  const [Ld, ad, bd] = labOf(lip[0]! * k, lip[1]! * k, lip[2]! * k);
  return [Ld, Math.max(Math.hypot(ad, bd), Math.min(deepChromaSetting.most, deepChromaSetting.chroma * c))];
}

/** How far a pixel of luma `l` goes to the tint: DEEP_SHARE x `k` at most, fading out from DEEP_FROM to DEEP_TO of the lips' luma `lipLuma`. */
export function deepWeight(l: number, lipLuma: number, k: number): number {
  if (!(k > 0) || !(lipLuma > 0)) return 0;
  return DEEP_SHARE * k * (1 - smoothstep(DEEP_FROM, DEEP_TO, l / lipLuma));
}

/** `out` (r, g, b, changed in place) toward `tint` at its own luma by deepWeight. */
export function deepHueOver(out: Float64Array, tint: ArrayLike<number>, lipLuma: number, k: number): void {
  const l = luma(out), w = deepWeight(l, lipLuma, k);
  if (w <= 0) return;
  for (let ch = 0; ch < 3; ch++) out[ch] = out[ch]! + (Math.min(255, l * tint[ch]!) - out[ch]!) * w;
}
