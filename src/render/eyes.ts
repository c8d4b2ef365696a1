// Eyes in the renderer: the closing lid's texture and the eyeball's depth (gaze: gazeIris.ts).
// - As a lid closes, its edge landmarks slide down over the eyeball and the skin between the lid
//   edge and the crease stretches. Their texture positions slide up toward the crease's, so the
//   stretched lid shows the photo's own lid skin instead of the lash line and iris dragged down
//   (the lash line itself rides on the lash strips, avatar/eyes.ts).
// - The eyeballs sit just behind the lids; a lid closing over them can pass a little behind the
//   eyeball's fan in depth, so the eyeball is drawn with a small depth bias: skin always wins.
import { CONTROL_INDEX } from '../rig/controls.ts';
import { EYE_L_UPPER, EYE_L_UPPER2, EYE_R_UPPER, EYE_R_UPPER2 } from '../rig/topology.ts';
import { LASH_BAND } from '../avatar/eyes.ts';
import { insidePolygon } from '../math/polygon.ts';
import { smoothstep } from '../math/smooth.ts';
import { slideBeyondLash } from './loweredLidLash.ts';

/** Eyeball depth is multiplied by this (1/z: smaller = farther); 1 % of the camera distance. */
export const EYEBALL_DEPTH_BIAS = 0.99;

/**
 * How far (share of the lid-edge-to-crease texture distance) the lid edge's texture slides at
 * blink 1: just past the lash band, whose lashes the lash strip already draws at the edge.
 */
const LID_TEXTURE_SLIDE = LASH_BAND + 0.08;

const LIDS = [
  { control: CONTROL_INDEX.eyeBlinkLeft, edge: EYE_L_UPPER, crease: EYE_L_UPPER2 },
  { control: CONTROL_INDEX.eyeBlinkRight, edge: EYE_R_UPPER, crease: EYE_R_UPPER2 },
];

/**
 * How far a blink has come from the photo's own lid position to shut: 0 at the photo's blink
 * weight, 1 at weight 1. (A narrow-eyed photo already reads blink 0.3: its lid closes the rest.)
 */
export function blinkCompletion(weight: number, photoWeight: number): number {
  return Math.min(1, Math.max(0, (weight - photoWeight) / Math.max(0.05, 1 - photoWeight)));
}

/**
 * Writes the lid-edge vertices' texture positions for this frame into uvNow (from the rest uv):
 * closure = the blink's completion (blinkCompletion). lashTop per lid (as LIDS: eyeBlinkLeft's EYE_L first): how far above its lid line the photo's lash
 * line reaches (texture px, loweredLidLash.ts lashTopPx); 0 keeps the slide as before.
 */
export function slideLidTexture(weights: ArrayLike<number>, photoWeights: ArrayLike<number>, uv: ArrayLike<number>, uvNow: Float32Array, lashTop: readonly [number, number] = [0, 0]): void {
  for (const [side, lid] of LIDS.entries()) {
    const closure = blinkCompletion(weights[lid.control]!, photoWeights[lid.control]!);
    const slide = LID_TEXTURE_SLIDE * closure * closure * (3 - 2 * closure);
    // the corners stay (they do not move with the blink)
    for (let q = 1; q < lid.edge.length - 1; q++) {
      const e = lid.edge[q]!, c = lid.crease[q]!;
      // past the photo's whole lash line, which the lowered lid's drawn line carries (loweredLidLash.ts)
      const span = Math.hypot(uv[c * 2]! - uv[e * 2]!, uv[c * 2 + 1]! - uv[e * 2 + 1]!);
      const k = Math.max(slide, slideBeyondLash(lashTop[side]!, span, closure));
      uvNow[e * 2] = uv[e * 2]! + k * (uv[c * 2]! - uv[e * 2]!);
      uvNow[e * 2 + 1] = uv[e * 2 + 1]! + k * (uv[c * 2 + 1]! - uv[e * 2 + 1]!);
    }
  }
}

/**
 * The closing lid's skin. In the photo the band between the lash line and the crease is often in
 * shadow; stretched over a shut eye, a dark band reads as an open eye. So the renderer keeps its
 * own copy of the skin texture in which that band (above the lash band, up to the crease row)
 * fades toward smooth lid skin as the lid closes: the colour of the brow-bone skin just above the
 * crease, a little darker toward the lash line, feathered in from the crease (CREASE_FEATHER). At
 * rest the copy is the photo, unchanged.
 */
export class LidSkin {
  /** the working texture (the avatar's texture with the lid bands blended for the current closure) */
  readonly data: Uint8ClampedArray;
  private readonly regions: { control: number; pixels: Int32Array; photo: Uint8ClampedArray; smooth: Uint8ClampedArray; weight: Float32Array; closure: number }[] = [];

  constructor(texture: { width: number; height: number; data: Uint8ClampedArray }, landmarkXY: (i: number) => [number, number], lashBand: number) {
    this.data = new Uint8ClampedArray(texture.data);
    const W = texture.width, H = texture.height;
    for (const lid of LIDS) {
      const n = lid.edge.length;
      const edge = lid.edge.map(landmarkXY), crease = lid.crease.map(landmarkXY);
      // bottom of the band: the top of the lash band; top: the crease row
      const bottom = edge.map(([x, y], q) => [x + lashBand * (crease[q]![0] - x), y + lashBand * (crease[q]![1] - y)] as [number, number]);
      const poly = [...bottom, ...crease.slice().reverse()];
      // lid skin colour per crease point: the median-luminance sample on the brow-bone side of the crease
      const colours = crease.map(([cx, cy], q) => {
        const [ex, ey] = edge[q]!;
        const samples: number[][] = [];
        for (let s = 0.05; s <= 0.6; s += 0.05) samples.push(pixelAt(texture, cx + (cx - ex) * s, cy + (cy - ey) * s));
        samples.sort((a, b) => lum(a) - lum(b));
        return samples[samples.length >> 1]!;
      });
      const xs = poly.map((p) => p[0]), ys = poly.map((p) => p[1]);
      const x0 = Math.max(0, Math.floor(Math.min(...xs))), x1 = Math.min(W - 1, Math.ceil(Math.max(...xs)));
      const y0 = Math.max(0, Math.floor(Math.min(...ys))), y1 = Math.min(H - 1, Math.ceil(Math.max(...ys)));
      const pixels: number[] = [];
      const smooth: number[] = [];
      const blend: number[] = [];
      for (let y = y0; y <= y1; y++) {
        for (let x = x0; x <= x1; x++) {
          if (!insidePolygon(x + 0.5, y + 0.5, poly)) continue;
          // position along the lid (by x between the corners) and down the band (0 crease .. 1 lash band)
          const t = Math.min(n - 1, Math.max(0, ((x + 0.5 - crease[0]![0]) / (crease[n - 1]![0] - crease[0]![0] || 1)) * (n - 1)));
          const q = Math.min(n - 2, Math.floor(t)), f = t - q;
          const c = colours[q]!.map((v, ch) => v + f * (colours[q + 1]![ch]! - v));
          const topY = crease[q]![1] + f * (crease[q + 1]![1] - crease[q]![1]);
          const botY = bottom[q]![1] + f * (bottom[q + 1]![1] - bottom[q]![1]);
          const down = Math.min(1, Math.max(0, (y + 0.5 - topY) / (botY - topY || 1)));
          const shade = 1 - 0.08 * down;
          const o = (y * W + x) * 4;
          pixels.push(o);
          smooth.push(c[0]! * shade, c[1]! * shade, c[2]! * shade, texture.data[o + 3]!);
          blend.push(CREASE_BLEND * smoothstep(0, CREASE_FEATHER, down));
        }
      }
      const photo = new Uint8ClampedArray(pixels.length * 4);
      pixels.forEach((o, k) => photo.set(texture.data.subarray(o, o + 4), k * 4));
      this.regions.push({ control: lid.control, pixels: Int32Array.from(pixels), photo, smooth: Uint8ClampedArray.from(smooth), weight: Float32Array.from(blend), closure: 0 });
    }
  }

  /** The skin texels this pass writes (byte offsets; freshPasses.ts restores them before each frame). */
  ownedTexels(): Int32Array[] { return this.regions.map((r) => r.pixels); }

  /** Forgets what it last drew, so its next update draws again on the restored texels (freshPasses.ts). */
  restart(): void { for (const r of this.regions) r.closure = 0; }

  /** Blends each lid band for this frame's closure (the blink's completion); cheap when nothing changed. */
  update(weights: ArrayLike<number>, photoWeights: ArrayLike<number>): void {
    for (const r of this.regions) {
      const closure = blinkCompletion(weights[r.control]!, photoWeights[r.control]!);
      if (Math.abs(closure - r.closure) < 1e-3) continue;
      r.closure = closure;
      const d = this.data, px = r.pixels, p = r.photo, s = r.smooth, wt = r.weight;
      for (let k = 0; k < px.length; k++) {
        const o = px[k]!, m = k * 4;
        const a = wt[k]! * closure, b = 1 - a;
        d[o] = b * p[m]! + a * s[m]!;
        d[o + 1] = b * p[m + 1]! + a * s[m + 1]!;
        d[o + 2] = b * p[m + 2]! + a * s[m + 2]!;
      }
    }
  }
}

/**
 * The lid band's blend toward smooth skin at blink 1, feathered in over this share of the band from
 * the crease down: blended evenly (0.9 up to the crease row), the band's top edge showed mid-blink
 * as a pale arc along the crease (lp_s42 at blink 0.5-0.8), outlining the lid; the crease stays.
 */
const CREASE_BLEND = 0.9, CREASE_FEATHER = 0.35;

function lum(c: number[]): number {
  return 0.3 * c[0]! + 0.59 * c[1]! + 0.11 * c[2]!;
}

function pixelAt(img: { width: number; height: number; data: Uint8ClampedArray }, x: number, y: number): number[] {
  const xi = Math.min(img.width - 1, Math.max(0, Math.round(x))), yi = Math.min(img.height - 1, Math.max(0, Math.round(y)));
  const o = (yi * img.width + xi) * 4;
  return [img.data[o]!, img.data[o + 1]!, img.data[o + 2]!];
}

