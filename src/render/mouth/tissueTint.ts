// The open mouth's tissue in the lips' own hue (issue #13, hue35 s35; critic34: lp_s9 <- lp_d11's open mouth an
// ochre-brown box where the child's is dark red). On real faces the opening's tissue is the lips' hue at its own light
// (bench/cavityProfile.ts bandTint, r/g/b over luma of the opening's middle bands over the lips': lp_d11 f98-f167
// 1.03-1.06/.96-.97/.98-1.00 under the row, edtalk, dfrf, Fei-Fei Li within a few per cent of 1/1/1). Ours took
// fixed blue raises made on pink lips (driverTongue.ts BACK_TINT b x1.25, tissueHue.ts blue .6 of the way to green, the
// library cavity's blue): on a yellow picture those grey the lips' ochre, lp_s9's bands under the row stood at b x1.4 of
// her lips' (1.00/.96/1.45): a grey-brown box. So the frame's interior tones are moved toward the lips' hue at their own
// luma (luma kept: cavity34's light bands stay), as far as TISSUE_SHARE. The lips' colour given is their inner surface's
// (placement.ts lipInner: the lip in the mouth's shade, redder, as colourful as the photo), the real dark band's way.
// Pure; frameLight.ts setColours applies it to the cavity's, floors' and back's tones once per frame.
import { luma601 as luma } from '../../math/colour.ts';

/** how far a tone goes to the tissue's hue (the rest keeps what the driver's readings and the library gave it) */
export const TISSUE_SHARE = 0.75;
/**
 * the tissue's colourfulness over the lips' tint at the same luma: dark red reads brown unless more colourful than a
 * lit lip (lp_s9's band under the row at .50 of her lips' Lab chroma, the child's .67-.71)
 */
export const TISSUE_CHROMA = 1.3;

/**
 * `tone` (r, g, b; changed in place) moved `share` of the way toward the lips' colour `lip` at the tone's own luma, made
 * `chroma` (TISSUE_CHROMA) as colourful; its luma kept. Unchanged when the tone or the lips have no light; grey lips (a
 * black-and-white photo) make it grey.
 */
export function tissueToneInto(tone: number[] | Float64Array, lip: ArrayLike<number>, share = TISSUE_SHARE, chroma = TISSUE_CHROMA): void {
  const lt = luma(tone), ll = luma(lip);
  if (!(lt > 0) || !(ll > 0) || !(share > 0)) return;
  const k = lt / ll;
  for (let ch = 0; ch < 3; ch++) {
    const want = lt + (lip[ch]! * k - lt) * chroma;
    tone[ch] = tone[ch]! + (Math.max(0, want) - tone[ch]!) * share;
  }
  const back = lt / luma(tone);
  for (let ch = 0; ch < 3; ch++) tone[ch] = Math.min(255, tone[ch]! * back);
}
