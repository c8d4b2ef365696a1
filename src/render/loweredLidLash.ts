// A lowered upper lid's lash line (lid35). A closing lid is the photo's lid skin stretched down over the
// eyeball, its edge's texture sliding toward the crease (eyes.ts slideLidTexture) by a share of the
// edge-to-crease distance, and the lash line was to ride on a rigid strip of LASH_BAND of that distance
// (avatar/eyes.ts). On a heavy lid (crease close above the lash: lp_s0's painted eye, 5 texture px) the
// photo's lash line is thicker than that band (2-3 px over a 1 px strip, which the lid skin mostly hides):
// the lash stayed in the stretched skin, a dark band drawn out up the lid over a pale one, with the lid's
// shadow under the edge -- two lash lines, smeared, at every frame of a blink's fall and rise.
// Here: the lid's skin slides past the photo's whole lash (as measured, raisedLidEdge.ts photoLashLine),
// and the photo's lash profile is drawn along the lowered lid line on screen (drawLashLine), coming in
// over the first LASH_HANDOVER of the blink and giving way as the real shut eye comes in over the lid.
import type { LashLine } from './raisedLidEdge.ts';
import { LASH_REACH } from './raisedLidEdge.ts';
import { linearStep } from '../math/smooth.ts';
import { shutLashFade } from './shutLash.ts';

/** Over this much of a blink's completion the photo's lash goes from the lid skin to the drawn line. */
export const LASH_HANDOVER = 0.15;
/** A depth above the lid line belongs to the lash while the photo shows at least this share of the lash colour there. */
const LASH_PART = 0.2;
/** The lid skin's slide is at most this share of the edge-to-crease distance (the crease's own skin stays). */
const MAX_SLIDE = 0.7;

/** How far above the photo's lid line its lash line reaches (texture px; 0 with no lash read). */
export function lashTopPx(lash: LashLine | null): number {
  if (!lash) return 0;
  let top = 0;
  // alpha[k] is at depth k - LASH_REACH below the line: k < LASH_REACH lies above it, on the lid
  for (let k = LASH_REACH - 1; k >= 0; k--) {
    if (lash.alpha[k]! < LASH_PART) break;
    top = LASH_REACH - k + 0.5;
  }
  return top;
}

/** How much of the lash has gone over to the drawn line at blink completion c. */
export function lashHandover(closure: number): number {
  return linearStep(0, LASH_HANDOVER, closure);
}

/**
 * The share of the edge-to-crease texture distance (`span`, px) the lid edge's texture slides at least, so
 * the stretched skin starts above the photo's lash (`top` px over the lid line) once handed over.
 */
export function slideBeyondLash(top: number, span: number, closure: number): number {
  if (!(top > 0) || !(span > 0)) return 0;
  return Math.min(MAX_SLIDE, top / span) * lashHandover(closure);
}

/** The drawn lash line's strength at blink completion c, with the shut eye's lid shown at `shutLid` (0..1) over it. */
export function loweredLashStrength(closure: number, shutLid: number): number {
  return lashHandover(closure) * shutLashFade(shutLid);
}
