// The lowering lid mid-blink drawn as lid skin (s50 midlid50).
// Mid-blink the mesh lid is the photo's lid (a few texels between the lash line and the crease) and the
// socket under the brow above it, stretched down over the eyeball (bench/lidPaint.ts). On a face whose
// socket is in shadow (lp_s5, a painting) that is a flat dark band from the brow to the lash line: a
// patch, not a lid. A real lid sliding down is the skin that lay folded under the crease, lit where it
// bulges over the eyeball, as the shut lid is. So, as the lid covers the eyeball, the shut eye's lid
// (the baked patch above the closing edge, its crease..shut edge squeezed into crease..the lid's edge
// as rendered: draw.ts warpV) is drawn over the lowering mesh lid column by column by how far that
// column's lid has come down, before the shut eye itself comes in (overlay.ts SHOW_UPPER .6 -> 1).
// Within EDGE_SOFT over the lid's edge the mesh's own edge and the drawn photo lash stay; below the edge
// (the slit) nothing changes. Cut at the crease instead, the lit lid under the mesh's socket drew an
// outlined dome (mt_man); the patch's own mask (feathered .1 eye widths over the crease) is the border.

import { smoothstep } from '../../math/smooth.ts';

/**
 * on: the mid-blink lid drawn. It comes in with the lid's cover of the eyeball from `from` to `full`
 * (smoothstep): by half a blink the lid over the eyeball is all lid skin. Its lower edge (s51 droop51, midLidEdge):
 * it gives way to the mesh's own lid edge over `margin` eye widths, not at a cut, along an arch `bow` eye widths over
 * the mesh edge at the eye's middle (0 at the corners).
 */
export const midLidSetting = { on: true, from: 0.1, full: 0.5, margin: 0.1, bow: 0.04 };

/** The eye's opening is taken as at least this many eye widths (a slit-eyed photo: no cover from a pixel's travel). */
const MIN_OPENING = 0.1;

/**
 * How far the lid has come down over the eyeball in one column (0 open .. 1 shut): the rendered lid's
 * edge (edge) below the photo's open lid (open), over the eye's opening (its largest, eye widths).
 * Read against the whole eye's opening, not the column's, the cover tapers to 0 toward the corners,
 * where the lid travels little (per column, a corner's short lid came down whole at once: a hard side).
 */
export function lidCover(edge: number, open: number, opening: number): number {
  return Math.min(1, Math.max(0, (edge - open) / Math.max(MIN_OPENING, opening)));
}

/** The eye's opening (eye widths): the largest distance from the open lid down to the shut edge over the columns. */
export function eyeOpening(open: ArrayLike<number>, shut: ArrayLike<number>): number {
  let most = 0;
  for (let c = 0; c < open.length; c++) most = Math.max(most, shut[c]! - open[c]!);
  return most;
}

/**
 * How much of the shut eye's lid is drawn over the lowering mesh lid in a column at blink completion c
 * whose lid covers `cover` of the eyeball: the lesser of the two (a corner's lid does not travel).
 */
export function midLidShare(c: number, cover: number): number {
  return midLidSetting.on ? smoothstep(midLidSetting.from, midLidSetting.full, Math.min(c, cover)) : 0;
}

/**
 * How much of the mid-blink lid stays at drawn position v (eye widths, down) in a column at u (0..1 corner to corner)
 * whose lid edge is drawn at `edge` (s51 droop51). critic50 (lp_s5 + eng f133): the lowered lid's lower edge was a hard
 * straight line, the lit lid cut over EDGE_SOFT (.03 eye widths, a pixel on a 30 px eye) against the mesh's straight
 * edge. Real half lids (Katie f23-29, lp_d14 f94/f110/f382, bench/midLid.ts edge) make a fifth to a half of the fall
 * from lid to lash in one row and arch .01-.03 eye widths over their chord; ours made .7 in one row, arch 0 (the rig's
 * half-blink lid flattens). So the lid gives way over `margin` and ends on an arch `bow` high at the middle: the
 * mesh's darker lid edge shows under it as a lash margin, thickest in the middle.
 */
export function midLidEdge(v: number, edge: number, u: number): number {
  const { margin, bow } = midLidSetting;
  const arch = u > 0 && u < 1 ? 4 * u * (1 - u) * bow : 0;
  return 1 - smoothstep(edge - arch - margin, edge - arch, v);
}
