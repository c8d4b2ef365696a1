// The tongue in the picture's own palette (issue #13, critic28: an orange tongue on a painting). tongue.ts moves the
// library's pink tongue TONGUE_LIP_HUE (0.45) of the way to the lips' colour. Where the two hues agree (photos: the
// library pink h21 against lips h19-30 in CIE Lab) that is a tongue; where they part (Mona Lisa, lp_s9: lips a varnished
// ochre, h70) the halfway colour is a hue in neither, a saturated orange (h54, chroma 46 against the lips' 43) that
// stands out of the painting. There the tongue takes the colour of the lips' inner surface (their shade, a little
// redder), a little less colourful than them.

type Rgb = readonly [number, number, number];

const lin = (c: number) => { const v = Math.max(0, c) / 255; return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
const fLab = (t: number) => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116);

/** CIE Lab (D65) of an sRGB colour (0..255). */
export function labOf(r: number, g: number, b: number): [number, number, number] {
  const R = lin(r), G = lin(g), B = lin(b);
  const x = (0.4124 * R + 0.3576 * G + 0.1805 * B) / 0.9505, y = 0.2126 * R + 0.7152 * G + 0.0722 * B, z = (0.0193 * R + 0.1192 * G + 0.9505 * B) / 1.089;
  return [116 * fLab(y) - 16, 500 * (fLab(x) - fLab(y)), 200 * (fLab(y) - fLab(z))];
}

/** The Lab hue angle between two colours, degrees 0..180; 0 when either is too grey to have a hue (under HUE_CHROMA). */
export function hueApart(p: Rgb, q: Rgb): number {
  const [, a0, b0] = labOf(...p), [, a1, b1] = labOf(...q);
  // (a black-and-white photo's grey lips and tongue: their hues are noise, and the inner tint drew a red tongue, lp_s2)
  if (Math.hypot(a0, b0) < HUE_CHROMA || Math.hypot(a1, b1) < HUE_CHROMA) return 0;
  const d = Math.abs(Math.atan2(b0, a0) - Math.atan2(b1, a1)) * (180 / Math.PI);
  return d > 180 ? 360 - d : d;
}

/** Lab chroma under which a colour has no hue to compare */
const HUE_CHROMA = 5;
/** hue gaps (degrees) between the library tongue and the lips over which the tongue goes over to the lips' own colour */
const APART = [10, 30] as const;
/** the share of the way to the lips' colour where the hues agree (tongue.ts until session 30: more made lipstick a red tongue, Katie) */
const AGREE_SHARE = 0.45;
/** where they part, the tongue keeps this share of the lips' colourfulness (a tongue in the mouth's shade is less colourful than the lips: Katie's real .54-.71;
 *  .6 until s35: on lp_s9's ochre it read grey-brown, her tongue band's chroma .66-.71 of the lips' where lp_d11's is .75-.80) */
const APART_CHROMA = 0.75;
/** ... and this share of the light it has at the lips' (a lit tongue in a painting's dark mouth read as an orange slab: lp_s9 <- lp_d11 f165 1.14 of the lips' luma, the driver's .85) */
const APART_LIGHT = 0.8;

/**
 * How the tongue takes the lips' colour, from the hue gap (degrees) between the library tongue and the lips:
 * `share` of the way to the lips' hue, keeping `chroma` of the colourfulness it gets there, at `light` of its light.
 */
export interface PaletteMove {
  /** the share of the way to the lips' hue */
  share: number;
  /** the share of the colourfulness kept there */
  chroma: number;
  /** how far the lips' colour goes to their inner surface's (paletteTarget) */
  inner: number;
  /** the tongue's light over the lips' as set without it (tongue.ts atLipLight) */
  light: number;
}

export function paletteMove(apart: number): PaletteMove {
  const t = Math.min(1, Math.max(0, (apart - APART[0]) / (APART[1] - APART[0])));
  const s = t * t * (3 - 2 * t);
  return { share: AGREE_SHARE + (1 - AGREE_SHARE) * s, chroma: 1 - (1 - APART_CHROMA) * s, inner: s, light: 1 - (1 - APART_LIGHT) * s };
}

/** the lips' inner surface's tint over their colour (placement.ts lipSurfaceColours: the lip in the mouth's shade, redder) */
const INNER_TINT = [0.8, 0.66, 0.68] as const;

/** The colour the tongue's hue goes to: the lips', toward their inner surface's redder shade by `inner` (paletteMove). */
export function paletteTarget(lip: Rgb, inner: number): [number, number, number] {
  return [0, 1, 2].map((ch) => lip[ch]! * (1 + (INNER_TINT[ch]! - 1) * inner)) as [number, number, number];
}
