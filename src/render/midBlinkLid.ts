// The lowering lid's skin mid-blink (s38, midblink38). A closing lid's texture slides past the photo's lash
// (loweredLidLash.ts), so on a heavy lid (the crease a few px over the lash: lp_s0) the stretched lid shows the
// photo's socket shade above the crease landmarks, grey and blotched, over the whole eye at blink .4-.5, before the
// shut eye (toned to skin, lidSkinTone.ts) comes in. A real lid unfolds the crease: the skin that covers the iris is
// lid skin, no socket shade. Here LidSkin's band (eyes.ts) reaches that far above the crease, its target colour is
// read over the crease as before, and it comes in over the first half of the blink (the photo's lid stays at rest).
// The band was also wiped mid-blink: UnderBrowSkin (brows.ts), updated after it, rewrites the skin from the brow down
// to the lid line from its own copy of the photo whenever a brow moves, so at a raised brow (speech) the band's blend
// was gone. Now the band is blended last, over whatever the skin holds (blendOverCurrent).
import { linearStep, smoothstep } from '../math/smooth.ts';

/** The mid-blink lid (off: it draws short dark ticks at the band's inner ends on mt_man f47, see docs/eyes s38 midblink38). */
export const midBlinkLidSetting = { on: false };

/** How far above the crease row the band reaches, in lid spans (lash line to crease) ... */
const REACH_SPANS = 1;
/** ... and at most this share of the eye's width (a tall lid's band must not reach the brow). */
const REACH_EYE_WIDTHS = 0.12;

/** The band's extra height above the crease (texture px) for a lid span and eye width (both px); 0 when off. */
export function reachOverCrease(span: number, eyeWidth: number): number {
  if (!midBlinkLidSetting.on) return 0;
  return Math.min(REACH_SPANS * span, REACH_EYE_WIDTHS * eyeWidth);
}

/** Over this share of a blink's completion the band's blend reaches its full weight (was the completion itself). */
const FULL_AT = 0.5;

/** The band's blend share at a blink's completion: 0 at rest, full by FULL_AT (linear completion when off). */
export function lidBandShare(closure: number): number {
  return midBlinkLidSetting.on ? linearStep(0, FULL_AT, closure) : closure;
}

/**
 * Blends a band's pixels toward its smooth skin by weight x share, over the skin as the other passes left it: a
 * pixel that changed since this wrote it (another pass rewrote it) becomes the new base. At share 0 the base is
 * written back unchanged. base/last: per pixel RGBA (the band's photo at first).
 */
export function blendOverCurrent(data: Uint8ClampedArray, pixels: Int32Array, base: Uint8ClampedArray, last: Uint8ClampedArray, smooth: Uint8ClampedArray, weight: Float32Array, share: number): void {
  for (let k = 0; k < pixels.length; k++) {
    const o = pixels[k]!, m = k * 4;
    if (data[o] !== last[m] || data[o + 1] !== last[m + 1] || data[o + 2] !== last[m + 2]) {
      base[m] = data[o]!; base[m + 1] = data[o + 1]!; base[m + 2] = data[o + 2]!;
    }
    const a = weight[k]! * share;
    for (let ch = 0; ch < 3; ch++) {
      data[o + ch] = base[m + ch]! + a * (smooth[m + ch]! - base[m + ch]!);
      last[m + ch] = data[o + ch]!;
    }
  }
}

/**
 * The band's weight along the lid, t from 0 to last (landmark steps, corner to corner): feathered over the first and
 * last step, so the band has no end edge at the corners (1 everywhere when off).
 */
export function bandEndFeather(t: number, last: number): number {
  if (!midBlinkLidSetting.on) return 1;
  return smoothstep(0, 1, t) * smoothstep(0, 1, last - t);
}
