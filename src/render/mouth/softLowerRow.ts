// A library lower row as soft as the picture's own lip edges (issue #13, lowrow57). The library rows take only a share of a
// soft picture's blur (pictureBlur.ts teethBlurFor: BLUR_TAKEN .4, at most 1 px) so that the upper row's lines between teeth
// do not fade into a white slab (st_art_1, teeth27). The lower row's tips are a light edge against the dark, and that share
// left them about half as soft as the picture: lp_s11 <- lieu f0/f5/f120 (lip edges 2.06 px, the row's edge ~1.2 px) drew a
// crisp white crescent where the driver's lower row is a soft pale band — the row's 20-80 % rise 21 milli-IOD against the
// driver's 34-59, its steepest step .46 of the lips' light per px against .18-.42 (bench/lowerRowLook.ts). Here the finished
// lower row (colour and outline, premultiplied) is blurred by what the picture's lip blur has more than the row has already,
// so its edge is no crisper than the picture's. A sharp photo's rows are as soft as its lips already: nothing changes there.
import type { ReadyLayer } from './readyLayer.ts';
import { sharpened } from './photoLook.ts';
import { SHARP_LIPS } from './pictureBlur.ts';

export const softLowerRowSetting = { on: true };

/** Extra blur under this (px) is not worth the pass: a sharp photo's row stays as it was, byte for byte. */
const SOFT_MIN = 0.3;
/** ... and never more than this (px): a painting's smeared lips (edge blur 3-4 px) would melt the row into the lip. */
const SOFT_MOST = 2;

/**
 * The extra blur (gaussian sigma, output px; 0 for none) that brings a row whose edge is `rowBlurPx` soft to a picture whose lip
 * edges read `lipBlurPx` (photoLook.ts photoLipLook blur; null: not read, none): the gaussians' difference, at most SOFT_MOST.
 * The picture's blur is what it reads past a sharp photo's lip border (pictureBlur.ts SHARP_LIPS, as teethBlurFor takes it):
 * a sharp photo's rows are left alone.
 */
export function lowerRowSoftening(lipBlurPx: number | null, rowBlurPx: number): number {
  if (!softLowerRowSetting.on || lipBlurPx === null) return 0;
  const more = Math.sqrt(Math.max(0, lipBlurPx * lipBlurPx - SHARP_LIPS * SHARP_LIPS - rowBlurPx * rowBlurPx));
  return more < SOFT_MIN ? 0 : Math.min(SOFT_MOST, more);
}

/** The lower row blurred to the picture's lip softness (lowerRowSoftening); the same layer when none is needed. */
export function softLowerRow(lower: ReadyLayer, lipBlurPx: number | null, rowBlurPx: number): ReadyLayer {
  const sigma = lowerRowSoftening(lipBlurPx, rowBlurPx);
  return sigma > 0 ? sharpened(lower, -sigma) : lower;
}
