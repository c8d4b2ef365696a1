// The painted eye below the mesh's lower lid, under a closing shut eye (s54 lidbelow54, #14). On a photo whose painted
// eye runs on below the face mesh's lower lid (a big painted iris, paintedBand.ts: lp_s7's white and iris bottom down to
// its red rim), that strip is skin to the mesh. From blink .85 the shut eye's lower lid comes in at its fade `show`
// (overlay.ts SHOW_FROM), whole only over the eyeball's pixels (draw.ts): over the strip it was `show` alone, .34 at
// blink .90, so the painted white and iris showed through at .66 — greyed by paintedWhite.ts, a grey-blue band between
// the lowered lash line and the red rim (lp_s7 + eng f160, critic53). A real nearly shut eye shows lid skin and lashes
// meeting the lower lid there. Here the strip is carried onto the shut eye's patch grid once, so draw.ts covers it as the
// eyeball. Blink 1 (show 1) and the open eye (show 0) render as before; photos with no strip are untouched.
import { PATCH_U0, PATCH_V0, PATCH_PPW, PATCH_W, PATCH_H, toImage, type EyeFrame } from './frame.ts';
import type { PaintedBand } from '../paintedBand.ts';

/** off: the strip under the shut eye's lower lid at its fade, as skin (before s54). */
export const paintedStripSetting = { on: true, down: 2 };

/**
 * Per patch cell (PATCH_W x PATCH_H, eye frame f in texture px), the painted strip's share there (PaintedBand.strip,
 * the painted opening outside the mesh's); null with no band or none of it on the patch.
 */
export function stripOnPatch(band: PaintedBand | null | undefined, f: EyeFrame): Float32Array | null {
  if (!band) return null;
  const out = new Float32Array(PATCH_W * PATCH_H);
  let any = false;
  for (let r = 0; r < PATCH_H; r++) for (let c = 0; c < PATCH_W; c++) {
    const [x, y] = toImage(f, PATCH_U0 + (c + 0.5) / PATCH_PPW, PATCH_V0 + (r + 0.5) / PATCH_PPW);
    const i = Math.floor(x) - band.x0, j = Math.floor(y) - band.y0;
    const s = i >= 0 && j >= 0 && i < band.w && j < band.h ? band.strip[j * band.w + i]! : 0;
    out[r * PATCH_W + c] = s;
    if (s > 0) any = true;
  }
  return any ? reachDown(out, paintedStripSetting.down) : null;
}

/**
 * Each cell the largest share of itself and the `cells` above it: the strip carried that far down. The band's lower edge
 * runs straight between the mesh's lower lid points moved onto the painting (paintedBand.ts), so near the corners it
 * stops above the painted rim the white curves down to (lp_s7 f160: the strip .2 and .1 over the white's last two rows).
 */
export function reachDown(a: Float32Array, cells: number): Float32Array {
  if (cells <= 0) return a;
  const out = Float32Array.from(a);
  for (let r = 0; r < PATCH_H; r++) for (let c = 0; c < PATCH_W; c++) {
    for (let k = 1; k <= cells && r - k >= 0; k++) out[r * PATCH_W + c] = Math.max(out[r * PATCH_W + c]!, a[(r - k) * PATCH_W + c]!);
  }
  return out;
}
