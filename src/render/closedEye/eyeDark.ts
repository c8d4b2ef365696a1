// The open eye's dark features that the landmarks' eye does not cover: on a painting the face mesh
// can put an eye's ring inside a larger painted eye (lp_s10's far eye, moved onto the painted one by
// src/analyze/eyes.ts but smaller than it), so the painted lashes, the iris's lower edge and the
// silhouette's dark rim lie at and past the mask's edge. Left there, the painted eye's lower contour
// showed under the shut lid, and held fixed as the skin fill's boundary they darkened the lid. The
// mask grows over such dark cells touching it, a short way, so they are covered and filled like the eye.
import { PATCH_W, PATCH_H, PATCH_PPW } from './frame.ts';
import { lineAt } from './library.ts';
import { cellU, cellV, clamp01, blurRgb } from './grid.ts';
import { bandMedian, skinBands } from './skinFill.ts';
import type { EyeGeometry } from './lids.ts';
import { luminance as lum } from '../../math/colour.ts';

/**
 * A cell this dark (share of the skin's luminance: the lighter of the bands above the mask and below
 * the eye, since a painted eye larger than the ring can darken either) counts as part of the open eye.
 */
const DARK_SHARE = 0.6;
/** How far (eye widths, through dark cells) the mask may grow past where it is half on. */
const REACH = 0.2;
/** Never within this far (eye widths) below the brow's lower contour: the brow's hair is not the eye. */
const BROW_GAP = 0.1;

/** Dark cells on the person, as the patch grid's 0/1 flags (the brow's band left out). */
function darkCells(photo: Float32Array, person: Float32Array, g: EyeGeometry): Uint8Array {
  const bands = skinBands(g);
  const skin = [bands.upper, bands.lower].map((b) => { const m = bandMedian(photo, b, [0, 1]); return lum(m[0]!, m[1]!, m[2]!); });
  const limit = DARK_SHARE * Math.max(...skin);
  const dark = new Uint8Array(PATCH_W * PATCH_H);
  for (let c = 0; c < PATCH_W; c++) {
    const browLow = lineAt(g.brow, clamp01(cellU(c))) + BROW_GAP;
    for (let r = 0; r < PATCH_H; r++) {
      const k = r * PATCH_W + c;
      if (cellV(r) <= browLow || person[k]! < 0.5) continue;
      dark[k] = lum(photo[k * 3]!, photo[k * 3 + 1]!, photo[k * 3 + 2]!) < limit ? 1 : 0;
    }
  }
  return dark;
}

/**
 * The mask grown over the dark cells connected to it within REACH (a breadth-first walk from the
 * mask's half-on cells through dark ones), feathered over about 2 cells. Where nothing dark touches
 * the mask it is returned unchanged.
 */
export function coverDarkEdge(mask: Float32Array, photo: Float32Array, person: Float32Array, g: EyeGeometry): Float32Array {
  const dark = darkCells(photo, person, g);
  const seen = new Uint8Array(PATCH_W * PATCH_H);
  let front: number[] = [];
  for (let k = 0; k < mask.length; k++) if (mask[k]! >= 0.5) { seen[k] = 1; front.push(k); }
  const grown = new Float32Array(PATCH_W * PATCH_H * 3);
  let any = false;
  for (let step = 1; step <= Math.round(REACH * PATCH_PPW) && front.length; step++) {
    const next: number[] = [];
    for (const k of front) {
      const c = k % PATCH_W, r = (k - c) / PATCH_W;
      for (const q of [c > 0 ? k - 1 : -1, c < PATCH_W - 1 ? k + 1 : -1, r > 0 ? k - PATCH_W : -1, r < PATCH_H - 1 ? k + PATCH_W : -1]) {
        if (q < 0 || seen[q] || !dark[q]) continue;
        seen[q] = 1; next.push(q); any = true;
        grown.fill(1, q * 3, q * 3 + 3);
      }
    }
    front = next;
  }
  if (!any) return mask;
  // a soft edge: the grown cells fully covered, falling off over about 2 cells around them
  blurRgb(grown, PATCH_W, PATCH_H, 1);
  return mask.map((m, k) => Math.max(m, Math.min(1, 2 * grown[k * 3]!)));
}
