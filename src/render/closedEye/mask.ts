// The mask of the shut eye on the photo's eye: from above the crease ring (reaching into the open
// eye's lid fold) to below the lower lid, past both corners, feathered. Inside it the shut eye
// replaces the open one.
import { lineAt } from './library.ts';
import { clamp01 } from './grid.ts';
import { creaseAt, type EyeGeometry, type Line } from './lids.ts';
import { smoothstep } from '../../math/smooth.ts';

/**
 * Mask margins in eye widths: below the photo's crease, below its lower lid, past the outer corner,
 * past the inner one; feather width. The outer margin covers an open eye's lashes and liner that
 * run on past the corner (left showing, they read as the open eye's corner: 0.16 -> 0.24 took the
 * read-back of 10 other people from 9 to 10 of 10 and lowered 8 of the 14 portraits).
 */
const MASK_ABOVE = 0.02, MASK_BELOW = 0.08, MASK_OUTER = 0.24, MASK_INNER = 0.1, FEATHER = 0.1;
/** The mask's top is also at least this far above the upper lid (near the corners the crease ring meets the lid). */
const MASK_CORNER_UP = 0.2;
/**
 * How far (eye widths) the mask reaches above the photo's crease ring, at most this share of the
 * way to the brow's lower contour: an open eye's lid fold (a dark arc, often with liner or paint)
 * unfolds when the lid comes down; left in place it frames the shut lid as an almond, an open eye.
 */
const FOLD = 0.1, FOLD_SHARE = 0.5;

/** Top edge (v) of the mask at uc (0..1), from the photo's lines: its half line. */
export function maskTop(g: { lid: Line; crease: Line; brow: Line }, uc: number): number {
  const crease = creaseAt(g, uc);
  const room = Math.max(0, crease - lineAt(g.brow, uc));
  return Math.min(crease + MASK_ABOVE - Math.min(FOLD, FOLD_SHARE * room), lineAt(g.lid, uc) - MASK_CORNER_UP);
}

/** The mask's top at uc, mid-feather (where the mask is 1/2). */
export const maskTopEdge = (g: EyeGeometry, uc: number): number => maskTop(g, uc) - FEATHER / 2;
/** The mask's bottom at uc, mid-feather. */
export const maskBottomEdge = (g: EyeGeometry, uc: number): number => lineAt(g.lower, uc) + MASK_BELOW + FEATHER / 2;
/** Below this (at uc) the mask is 0. */
export const maskEnd = (g: EyeGeometry, uc: number): number => lineAt(g.lower, uc) + MASK_BELOW + FEATHER;

/** The mask (0..1) along one patch column at eye-frame u: a function of v. raise: its top raised this far (foldCover.ts). */
export function maskColumn(g: EyeGeometry, u: number, raise = 0): (v: number) => number {
  const uc = clamp01(u);
  const top = maskTop(g, uc) - raise, low = lineAt(g.lower, uc);
  // distance inside past the corners
  const side = u < 0 ? MASK_OUTER + u : u > 1 ? MASK_INNER - (u - 1) : Math.min(MASK_OUTER + u, MASK_INNER + 1 - u);
  return (v) => smoothstep(0, FEATHER, Math.min(v - top, low + MASK_BELOW - v, side) + FEATHER / 2);
}
