// The library upper row's outline as soft as the picture's edges (issue #13, softteeth58, critic57: "clean white tooth
// blocks" on soft and painted pictures, lp_s0 + dfrf, lp_s5 + eng). The upper row takes only a share of a soft picture's
// blur (pictureBlur.ts teethBlurFor: .4, at most 1 px) so that its lines between teeth do not fade into a slab (st_art_1,
// teeth27); its outline — the biting edge and the sides against the dark — kept that crispness too. Measured on the render
// (bench/teethPicture.ts: the teeth's edge blur over the picture's own edges about the mouth in the same frame), real
// talking frames read .63-1.04 (Noem .63-.92, Katie .65-.77, lp_d0 1.00-1.04, lp_d14 .98-.99) and ours on lp_s0 .47-.55,
// lp_s5 .61-.68: a block cut out of a sharper picture. Here only the row's outline (its alpha) is blurred by what the
// picture's lip blur has more than the row has; the colour inside the row (its teeth and the lines between them) is kept,
// so no slab. softLowerRow.ts blurs the whole lower row; this is the upper row's outline-only counterpart.
import type { ReadyLayer } from './readyLayer.ts';
import { gaussianBlur } from '../../eval/metrics/ssim.ts';
import { SHARP_LIPS } from './pictureBlur.ts';

/** share: how much of the picture's blur past a sharp photo's the outline reaches (1: lowerRowSoftening's rule). */
export const softRowOutlineSetting = { on: true, share: 1 };

/** Extra blur under this (px) is not worth the pass: a sharp photo's row stays as it was, byte for byte. */
const SOFT_MIN = 0.3;
/** ... and never more than this (px): a painting's smeared lips must not melt the row's edge into the dark. */
const SOFT_MOST = 1.6;

/**
 * The extra blur (gaussian sigma, output px; 0 for none) on the outline of a row whose edge is `rowBlurPx` soft in a picture
 * whose lip edges read `lipBlurPx` (photoLook.ts photoLipLook; null: none): the gaussians' difference between `share` of the
 * picture's blur past a sharp photo's lip border (pictureBlur.ts SHARP_LIPS) and the row's own, at most SOFT_MOST.
 */
export function rowOutlineSoftening(lipBlurPx: number | null, rowBlurPx: number): number {
  if (!softRowOutlineSetting.on || lipBlurPx === null) return 0;
  const picture = softRowOutlineSetting.share * Math.sqrt(Math.max(0, lipBlurPx * lipBlurPx - SHARP_LIPS * SHARP_LIPS));
  const more = Math.sqrt(Math.max(0, picture * picture - rowBlurPx * rowBlurPx));
  return more < SOFT_MIN ? 0 : Math.min(SOFT_MOST, more);
}

/**
 * The layer with its alpha blurred by `sigma` px and its straight colour kept where it was solid: pixels at least half
 * covered keep their own colour, the rest (the new soft fringe) take the blurred colour of their neighbours
 * (premultiplied blur over alpha blur), all premultiplied again by the blurred alpha.
 */
export function softOutline(l: ReadyLayer, sigma: number): ReadyLayer {
  if (!(sigma > 0)) return l;
  const n = l.width * l.height, r = Math.ceil(3 * sigma);
  const plane = (ch: number) => {
    const c = new Float32Array(n);
    for (let q = 0; q < n; q++) c[q] = l.data[q * 4 + ch]!;
    return gaussianBlur(c, l.width, l.height, sigma, r);
  };
  const a = plane(3), cb = [plane(0), plane(1), plane(2)], data = new Float32Array(n * 4);
  for (let q = 0; q < n; q++) {
    const a0 = l.data[q * 4 + 3]!, a1 = Math.min(1, Math.max(0, a[q]!));
    data[q * 4 + 3] = a1;
    for (let ch = 0; ch < 3; ch++) {
      const straight = a0 >= 0.5 ? l.data[q * 4 + ch]! / a0 : a[q]! > 1e-4 ? cb[ch]![q]! / a[q]! : 0;
      data[q * 4 + ch] = Math.min(255, Math.max(0, straight)) * a1;
    }
  }
  return { ...l, data };
}

/** The upper row with its outline as soft as the picture (rowOutlineSoftening); the same layer when none is needed. */
export function softRow(upper: ReadyLayer, lipBlurPx: number | null, rowBlurPx: number): ReadyLayer {
  return softOutline(upper, rowOutlineSoftening(lipBlurPx, rowBlurPx));
}
