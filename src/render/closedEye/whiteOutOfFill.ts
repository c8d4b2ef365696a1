// The open eye's white and iris kept out of the shut lid's skin fill (sliver37, #14). The skin under
// the shut lid is a membrane fill from the photo's colours held around the mask (skinFill.ts). On a
// painted eye larger than the face mesh's ring (the cartoon lp_s7) the white runs on past the mesh's
// outer corner and under its lower lid line, outside the mask: the fill took it up as held colour and
// carried a pale blue-grey into the shut lid at the shut line's outer end (the "sliver" of critic36,
// lp_s7 f76-78, f91-93). Here such cells near the eye (and their rim) are freed for the fill as the mask's
// own are, so it continues the skin around them. Only a blue, not dark, joined to the open eye passes:
// on the 13 photos of portraits/ nothing is freed (their renders are unchanged).
import { PATCH_W, PATCH_H } from './frame.ts';
import { lineAt } from './library.ts';
import { cellU, cellV, clamp01 } from './grid.ts';
import { paintedEyeShare } from './paintedWhite.ts';
import { cellsUnderLowerLid, type EyeGeometry } from './lids.ts';
import { luminance as lum, saturation } from '../../math/colour.ts';
import { smoothstep } from '../../math/smooth.ts';

/** The skin's reference: this band under the photo's lower lid line (eye widths), middle of the eye (paintedWhite.ts skinUnder). */
const SKIN_BAND = [0.15, 0.3] as const, SKIN_U = [0.2, 0.8] as const;
/** Where the open eye is looked for: from this far above the upper lid line to this far under the lower one... */
const ABOVE_LID = 0.03, BELOW_LOWER = 0.25;
/** ...and past each corner (eye widths), fading out. */
const PAST_CORNER = 0.2;

/** A cell of the open eye is at least this light against the skin under the eye (soft from [0] to [1]). */
const NOT_DARK = [0.65, 0.8] as const;

/** Median luma, colourfulness, blue over red and colour of the skin under the lower lid. */
export function skinUnderEye(photo: Float32Array, g: EyeGeometry): { luma: number; sat: number; blue: number; rgb: number[] } {
  const px = cellsUnderLowerLid(g, SKIN_U, SKIN_BAND).map((k) => [photo[k * 3]!, photo[k * 3 + 1]!, photo[k * 3 + 2]!]);
  if (px.length < 8) return { luma: NaN, sat: NaN, blue: NaN, rgb: [128, 128, 128] };
  const med = (f: (p: number[]) => number) => px.map(f).sort((a, b) => a - b)[px.length >> 1]!;
  const byLuma = [...px].sort((p, q) => lum(p[0]!, p[1]!, p[2]!) - lum(q[0]!, q[1]!, q[2]!));
  return { luma: med((p) => lum(p[0]!, p[1]!, p[2]!)), sat: med((p) => saturation(p[0]!, p[1]!, p[2]!)), blue: med((p) => p[2]! - p[0]!), rgb: byLuma[px.length >> 1]! };
}

/**
 * How much each patch cell is the open eye painted near it (0..1; paintedWhite.ts paintedEyeShare
 * against the skin under the lower lid), within the eye's reach: between the upper lid line (a little
 * above) and BELOW_LOWER under the lower one, fading out PAST_CORNER past each corner.
 */
export function paintedEyeCells(photo: Float32Array, g: EyeGeometry): Float32Array {
  const share = new Float32Array(PATCH_W * PATCH_H);
  const skin = skinUnderEye(photo, g);
  if (!(skin.luma > 0)) return share;
  for (let c = 0; c < PATCH_W; c++) {
    const u = cellU(c);
    const past = u < 0 ? -u : u > 1 ? u - 1 : 0;
    if (past >= PAST_CORNER) continue;
    const reach = 1 - smoothstep(0.5 * PAST_CORNER, PAST_CORNER, past);
    const top = lineAt(g.lid, clamp01(u)) - ABOVE_LID, bottom = lineAt(g.lower, clamp01(u)) + BELOW_LOWER;
    for (let r = 0; r < PATCH_H; r++) {
      const v = cellV(r);
      if (v < top || v > bottom) continue;
      const k = r * PATCH_W + c;
      // the blue test alone (no colourfulness: skinSat 0): a photo's lit, paler skin under the eye passed
      // the white's test (lp_s12, mt_man, st_full_body_1: 60-80 cells); lp_s7's white is 90 bluer than its skin
      const s = paintedEyeShare(photo[k * 3]!, photo[k * 3 + 1]!, photo[k * 3 + 2]!, skin.luma, 0, skin.blue);
      // and not dark: a photo's shaded skin under the eye is blue over red beside its lit skin too
      // (lp_s1, lp_s12, mt_man: 40-90 cells of it freed moved their fill); lp_s7's white is .8-1 of the skin's luma
      const light = smoothstep(NOT_DARK[0], NOT_DARK[1], lum(photo[k * 3]!, photo[k * 3 + 1]!, photo[k * 3 + 2]!) / skin.luma);
      share[k] = reach * s * light;
    }
  }
  return share;
}

/** Cells around the painted eye freed with it: its rim, mixed with the white (a shaded cream, lp_s7's outer corner), would hold the fill as well. */
const RIM_CELLS = 2;
/** The mask under which the fill holds a cell (membraneField's own threshold). */
const HELD_BELOW = 0.02;

/**
 * The painted eye's cells (share at least half) joined to the open eye's own white: grown from the
 * cells between the lid lines through neighbouring eye-coloured cells. A photo's lower lid rim parts
 * its white from the paler skin under the eye (lp_s1, lp_s12, mt_man: 12-95 such cells each, freed,
 * moved their fill and read-back); a painted white running on past the ring (lp_s7) stays joined.
 */
export function joinedEyeCells(share: Float32Array, g: EyeGeometry): Uint8Array {
  const joined = new Uint8Array(PATCH_W * PATCH_H);
  const queue: number[] = [];
  for (let c = 0; c < PATCH_W; c++) {
    const u = cellU(c);
    if (u < 0 || u > 1) continue;
    const top = lineAt(g.lid, u), bottom = lineAt(g.lower, u);
    for (let r = 0; r < PATCH_H; r++) {
      const v = cellV(r), k = r * PATCH_W + c;
      if (v > top && v < bottom && share[k]! >= 0.5) { joined[k] = 1; queue.push(k); }
    }
  }
  while (queue.length) {
    const k = queue.pop()!, c = k % PATCH_W, r = (k - c) / PATCH_W;
    for (const [dc, dr] of [[1, 0], [-1, 0], [0, 1], [0, -1]] as const) {
      const cc = c + dc, rr = r + dr, n = rr * PATCH_W + cc;
      if (cc < 0 || cc >= PATCH_W || rr < 0 || rr >= PATCH_H || joined[n] || share[n]! < 0.5) continue;
      joined[n] = 1;
      queue.push(n);
    }
  }
  return joined;
}

/**
 * The mask the skin fill frees (membraneField): the shut eye's mask, and the painted eye's cells
 * joined to the open eye (joinedEyeCells) that lie outside the mask, with RIM_CELLS around them, so
 * the fill continues the skin around the white instead of holding it. (Pulling those cells to the skin
 * under the eye instead left a cream patch: lp_s7's skin under its eye is lighter than at its outer corner.)
 */
export function fillMaskOverPaintedEye(mask: Float32Array, photo: Float32Array, g: EyeGeometry): Float32Array {
  const joined = joinedEyeCells(paintedEyeCells(photo, g), g);
  const out = Float32Array.from(mask);
  for (let r = 0; r < PATCH_H; r++) for (let c = 0; c < PATCH_W; c++) {
    // a white under the mask is free already
    const k = r * PATCH_W + c;
    if (!joined[k] || mask[k]! >= HELD_BELOW) continue;
    for (let dr = -RIM_CELLS; dr <= RIM_CELLS; dr++) for (let dc = -RIM_CELLS; dc <= RIM_CELLS; dc++) {
      const rr = r + dr, cc = c + dc;
      if (rr >= 0 && rr < PATCH_H && cc >= 0 && cc < PATCH_W) out[rr * PATCH_W + cc] = 1;
    }
  }
  return out;
}

/** Whether the shut eye's fill keeps the open eye's white out (read at each bake; bench/closedEyePatch.ts --off whiteOutOfFill). */
export const whiteOutOfFillSetting = { on: true };
