// The painted white above the mesh's lid line, toned down as the lid closes (spill43, #14). A painted eye's
// white can reach a px or two over the face mesh's upper lid line (lp_s10, Vermeer's near eye: 9 pure-white
// texels over the line at rest). Those texels are on the lid's skin triangles, not the eyeball's, so a closing
// lid carries them down as skin: the mid-blink ceiling (closedEye/slitHighlight.ts) greys the eyeball's white
// under the lid but not them, and a pure-white fleck sat on the corner of a grey slab (lp_s10 <- lp_d14 f87-88,
// lp_s10 + japanese f120/f124). Here, in the renderer's skin copy, those texels go over to the lid skin's
// colour above them as the blink completes; at rest the photo stays as it is.
import { luminance, saturation } from '../math/colour.ts';
import { smoothstep } from '../math/smooth.ts';
import { paintedEyeShare } from './closedEye/paintedWhite.ts';

/** Whether the pass runs (read when the renderer is built). */
export const whiteOnLidSetting = { on: true };

/** Texels looked at above the lid line (a run of white from the line up), as a share of the corners' distance. */
const REACH = 0.25;
/** The lid skin sampled this far above the lid line (share of the corners' distance). */
const SKIN_BAND = [0.3, 0.45] as const;
/** Blink completion over which the white goes over to the lid skin (the ceiling comes in over .3-.65). */
const FADE = [0.15, 0.5] as const;

/** `photo`: each texel's base (the photo's, or what a pass last wrote there); `last`: what this pass wrote (-1 before it wrote). */
/** A light, nearly colourless texel: the painted white itself (lp_s10's over the line: luma 231, colourfulness .15). */
const WHITE_LUMA = 200, WHITE_SAT = 0.2;
const isWhite = (r: number, g: number, b: number) => luminance(r, g, b) >= WHITE_LUMA && saturation(r, g, b) < WHITE_SAT;

export interface LidWhite { pixels: Int32Array; photo: Uint8ClampedArray; last: Int16Array; skin: Uint8ClampedArray; share: Float32Array; closure: number }

/** The lid line's y at x (straight between its points, sorted by x); NaN outside its corners. */
function lineY(points: [number, number][], x: number): number {
  const p = [...points].sort((a, b) => a[0] - b[0]);
  for (let k = 0; k + 1 < p.length; k++) {
    const [xa, ya] = p[k]!, [xb, yb] = p[k + 1]!;
    if (x >= xa && x <= xb) return xb > xa ? ya + ((x - xa) / (xb - xa)) * (yb - ya) : ya;
  }
  return NaN;
}

/**
 * The texels over one upper lid line (`upper`, texture px, corner to corner) that are the painted eye's
 * white against the lid skin above them, with that skin's colour and how much of each is white (0..1).
 */
export function lidWhite(tex: { width: number; height: number; data: Uint8ClampedArray }, upper: [number, number][]): LidWhite | null {
  const W = tex.width, d = tex.data;
  const xs = upper.map((p) => p[0]);
  const span = Math.max(...xs) - Math.min(...xs);
  if (span < 4) return null;
  // the lid skin: median-luma texel in a band above the line, over the middle of the lid
  const skin: number[][] = [];
  for (let x = Math.ceil(Math.min(...xs) + 0.2 * span); x <= Math.max(...xs) - 0.2 * span; x++) {
    const ly = lineY(upper, x + 0.5);
    for (let y = Math.floor(ly - SKIN_BAND[1] * span); y <= ly - SKIN_BAND[0] * span; y++) {
      if (y < 0) continue;
      const o = (y * W + x) * 4;
      skin.push([d[o]!, d[o + 1]!, d[o + 2]!]);
    }
  }
  if (skin.length < 6) return null;
  skin.sort((a, b) => luminance(a[0]!, a[1]!, a[2]!) - luminance(b[0]!, b[1]!, b[2]!));
  const s = skin[skin.length >> 1]!;
  const sl = luminance(s[0]!, s[1]!, s[2]!), ss = saturation(s[0]!, s[1]!, s[2]!);
  const pixels: number[] = [], share: number[] = [];
  for (let x = Math.ceil(Math.min(...xs)); x < Math.max(...xs); x++) {
    const ly = lineY(upper, x + 0.5);
    // the run of white going up from the line only, in a column whose eye under the line is white too (a pale
    // lid texel apart from the eye's white, or over an iris or a dark white, is lid skin)
    const under = (Math.ceil(ly - 0.5) * W + x) * 4;
    if (!isWhite(d[under]!, d[under + 1]!, d[under + 2]!)) continue;
    for (let y = Math.ceil(ly - 0.5) - 1; y >= Math.max(0, Math.floor(ly - REACH * span)); y--) {
      const o = (y * W + x) * 4;
      const a = paintedEyeShare(d[o]!, d[o + 1]!, d[o + 2]!, sl, ss);
      if (a < 0.5 || !isWhite(d[o]!, d[o + 1]!, d[o + 2]!)) break;
      pixels.push(o); share.push(a);
    }
  }
  if (!pixels.length) return null;
  const photo = new Uint8ClampedArray(pixels.length * 4);
  pixels.forEach((o, k) => photo.set(d.subarray(o, o + 4), k * 4));
  return { pixels: Int32Array.from(pixels), photo, last: new Int16Array(photo.length).fill(-1), skin: Uint8ClampedArray.from(s), share: Float32Array.from(share), closure: 0 };
}

/**
 * Writes the white texels into `data` (the skin copy) for this blink completion, after the passes that rewrite
 * the lid's texels (brows, folds, cheeks: each from its own copy when its weight changes). A texel some pass
 * rewrote since the last frame is this frame's base; one left as written keeps the base it had.
 */
export function applyLidWhite(data: Uint8ClampedArray, w: LidWhite, closure: number): void {
  const t = smoothstep(FADE[0], FADE[1], closure);
  if (t === 0 && w.closure === 0) return;
  w.closure = t;
  for (let k = 0; k < w.pixels.length; k++) {
    const o = w.pixels[k]!, a = t * w.share[k]!;
    for (let ch = 0; ch < 3; ch++) {
      const m = k * 4 + ch;
      if (data[o + ch] !== w.last[m]) w.photo[m] = data[o + ch]!;
      data[o + ch] = w.last[m] = Math.round((1 - a) * w.photo[m]! + a * w.skin[ch]!);
    }
  }
}
