// The shut lid no paler than the cheek under it (s46, lids46). critic45: lp_s12's image-right shut lid
// is a "pale mauve oval" — on the render its body (the old opening's upper half) is L62 against her
// cheek's L56 and the skin over the crease's L47. The body is the membrane fill times the library's
// shading: the fill carries the pale under-eye skin up from the mask's bottom, and the library's bulge
// lifts it further, so the lid comes out lighter than both the skin above and below it, where a real
// shut lid sits a little under its cheek (lidbody43: body over cheek .60-1.14, median ~.93).
// lidSkinTone's pale pull compares the lid with the whole ring round the patch, which on these faces
// holds the same pale under-eye skin, so it hardly moves. Here the body's median luma is held under
// CAP x the lighter of its two neighbours, the cheek under the eye and the photo's skin over the crease
// (a lid lighter than both is the pale oval; cheek alone took lp_s42's lid, whose brow-bone skin is
// lighter than its cheek, 12 L under that skin) — one gain over lidSkinTone's body share: the bulge's
// form, the crease, the lash line, the feather and the grain stay; a lid under the cap is untouched (never lightened).
import { luminance as lum } from '../../math/colour.ts';
import { bodyWeights, cheekSkin, skinOf } from './lidSkinTone.ts';
import { creaseAt, type EyeGeometry } from './lids.ts';
import { PATCH_W } from './frame.ts';
import { cellU, cellV, clamp01 } from './grid.ts';

/** On (the product) / off: the lid's body as toned by lidSkinTone (before s46). */
export const lidNoPalerSetting = { on: true };

/** The body's median luma is held under this share of the cheek's (real shut lids: ~.93 of the cheek, lidbody43), or the skin over the crease's when that is lighter. */
export const CAP = 0.93;
/** The skin over the crease: from this far over it (past the fold's shade), this tall (eye widths), u .15-.85. */
const OVER_FROM = 0.04, OVER_SPAN = 0.12;

/** The photo's skin over the crease (the brow-bone skin a shut lid continues), its 40-90 % luma mean. */
export function overCreaseSkin(photo: Float32Array, g: EyeGeometry) {
  return skinOf(photo, (k) => {
    const u = cellU(k % PATCH_W);
    if (u < 0.15 || u > 0.85) return false;
    const over = creaseAt(g, clamp01(u)) - cellV(Math.floor(k / PATCH_W));
    return over >= OVER_FROM && over <= OVER_FROM + OVER_SPAN;
  });
}

/** The luma gain on a cell whose local luma is `local` under a cap of `cap`: at most 1. */
export const capGain = (local: number, cap: number): number => (local > cap && local > 1 ? cap / local : 1);

/**
 * Darkens the lid's body in place by one gain when its median light is over CAP x its lighter
 * neighbour's (nothing when the cheek is unread). One gain for the whole body, not per cell: a
 * per-cell cap flattened the bulge (test/lidRelief.test.ts: middle 150.9 vs ends 149.2 on flat skin).
 */
export function holdLidUnderCheek(rgb: Float32Array, photo: Float32Array, mask: Float32Array, g: EyeGeometry): void {
  const cheek = cheekSkin(photo, g), over = overCreaseSkin(photo, g);
  if (!cheek) return;
  // under the skin over the crease it goes no darker than that skin (a darker body steps at the crease: lp_s42's pale ring)
  const cap = Math.max(CAP * lum(...cheek), over ? lum(...over) : 0);
  const w = bodyWeights(g, mask);
  const body: number[] = [];
  for (let k = 0; k < w.length; k++) if (w[k]! > 0.5) body.push(lum(rgb[k * 3]!, rgb[k * 3 + 1]!, rgb[k * 3 + 2]!));
  if (body.length < 8) return;
  const gain = capGain(body.sort((a, b) => a - b)[body.length >> 1]!, cap);
  if (gain >= 1) return;
  for (let k = 0; k < w.length; k++) {
    if (w[k]! <= 0) continue;
    for (let ch = 0; ch < 3; ch++) rgb[k * 3 + ch] = rgb[k * 3 + ch]! * (1 + w[k]! * (gain - 1));
  }
}
