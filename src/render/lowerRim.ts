// The lower lid's pale rim under a closing lid (issue #14, sliver21). Where the face mesh's lower lid
// line sits a little above the photo's own, the photo's lower white (or a pale waterline) lies on the
// skin triangles under the eye: at rest it reads as the eye's white, but it stays as the upper lid comes
// down, a bright jagged line under the slit at blink .75-.9 (mt_man, Katie; not the eyeball, which
// the lid's shadow darkens, nor the shut eye, which has not faded in yet). A real lid nearly down
// hides the lower white and shades the rim with its lashes. So in the renderer's working skin
// texture, the pixels of a thin band under each lower lid line that are paler than the lower lid's
// skin go over to that skin, shaded, as the blink completes. At rest the texture is the photo.
import { CONTROL_INDEX } from '../rig/controls.ts';
import { EYE_L_LOWER, EYE_L_UPPER, EYE_R_LOWER, EYE_R_UPPER } from '../rig/topology.ts';
import { luminance } from '../math/colour.ts';
import { smoothstep } from '../math/smooth.ts';
import { blinkCompletion } from './eyes.ts';
import { medianRgb } from './brows.ts';
import { shutEyeShown } from './closedEye/overlay.ts';
import { lineAt } from './closedEye/library.ts';

/**
 * The band under the lower lid line (eye-corner distances, iod): pixels from RIM_ABOVE above it (the
 * skin triangles sample across the line) to RIM_REACH below it, fading out over its lower 40 %. Kept
 * above the cheek raise's shading (cheeks.ts, from 0.035 below the lid's middle), which writes the same texture.
 */
const RIM_ABOVE = 0.008, RIM_REACH = 0.03;
/** The lower lid's skin, as the reference: the median of the band this far below the line (iod), over the eye's middle. */
const SKIN_BAND = [0.05, 0.09] as const;
/** A pixel is pale from PALE[0] over the skin's luminance (share) and whole at PALE[1]. */
const PALE = [0.04, 0.2] as const;
/** The rim's pale pixels go over to the skin at this light (the lid's shadow), this far at most. */
const RIM_SHADE = 0.85, RIM_MAX = 0.9;
/**
 * Right at the line (above RIM_TOP iod under it) the reference is the darker of the skin and the band
 * just under it (RIM_TOP..RIM_REACH: the lower lashes): a waterline as light as the skin but lighter
 * than the lashes under it (Katie's pink rim, image-right) stood out as a bright line between the
 * dark slit and the lashes, where a real lid nearly down shades it (alias22).
 */
const RIM_TOP = 0.01;
/** Blink completion over which they go over: none at .5 (a half lid keeps the photo's white), whole by .8 (.9 before lids31: at .7, lp_s12 <- lp_d14 f132-f169, a pale rim under a dark slit). */
const RIM_IN = [0.5, 0.8] as const;

const SIDES = [
  { control: CONTROL_INDEX.eyeBlinkLeft, lower: EYE_L_LOWER, upper: EYE_L_UPPER },
  { control: CONTROL_INDEX.eyeBlinkRight, lower: EYE_R_LOWER, upper: EYE_R_UPPER },
];

type XY = (i: number) => readonly [number, number];
type Rgb = [number, number, number];

/**
 * How far the pale rim has gone over to the skin at this blink completion (0..1). It gives way as the
 * real shut eye comes in over it (overlay.ts, its part under the lid: show), so a shut eye renders
 * as before (the face mesh's blink-1 read-back moved by .01 either way on 5 of 14 photos with the
 * rim shaded under the shut eye's feathered edge).
 */
export function rimCover(closure: number): number {
  const show = shutEyeShown(closure).show;
  return RIM_MAX * smoothstep(RIM_IN[0], RIM_IN[1], closure) * (1 - show * show);
}

/** How pale a colour is against the skin's luminance: 0 (as light or darker) .. 1. */
export function rimPaleness(lum: number, skinLum: number): number {
  return smoothstep(PALE[0], PALE[1], lum / Math.max(1, skinLum) - 1);
}

/** The pale lower rims in the renderer's working skin texture (`data`, photo space), shaded in as a blink completes. */
export class LowerRim {
  /** per side: the band's pixels, their photo colours, their targets (3 a pixel: the reference shaded), weights */
  private readonly sides: { control: number; pixels: Int32Array; photo: Uint8ClampedArray; target: Float32Array; weight: Float32Array; cover: number }[] = [];

  constructor(private readonly data: Uint8ClampedArray, width: number, height: number, xy: XY, iod: number) {
    for (const { control, lower, upper } of SIDES) {
      const a = xy(lower[0]!), b = xy(lower[lower.length - 1]!);
      const n = Math.hypot(b[0] - a[0], b[1] - a[1]);
      if (n < 1e-6 || iod <= 0) continue;
      // eye frame: u along the eye (0..n px), v across it, pointing away from the upper lid
      const ex = [(b[0] - a[0]) / n, (b[1] - a[1]) / n] as const;
      const lidMid = xy(upper[upper.length >> 1]!), lowMid = xy(lower[lower.length >> 1]!);
      const flip = (lowMid[0] - lidMid[0]) * -ex[1] + (lowMid[1] - lidMid[1]) * ex[0] >= 0 ? 1 : -1;
      const dn = [-ex[1] * flip, ex[0] * flip] as const;
      const toEye = (x: number, y: number): [number, number] => [(x - a[0]) * ex[0] + (y - a[1]) * ex[1], (x - a[0]) * dn[0] + (y - a[1]) * dn[1]];
      const pts = lower.map((i) => toEye(...xy(i))).sort((p, q) => p[0] - q[0]);
      const line = { u: pts.map((p) => p[0]), v: pts.map((p) => p[1]) };
      // the box: the eye's width, from just over the line to past the skin band under it
      const vLo = Math.min(...line.v) - RIM_ABOVE * iod, vHi = Math.max(...line.v) + SKIN_BAND[1] * iod;
      const corners = [[0, vLo], [n, vLo], [0, vHi], [n, vHi]].map(([u, v]) => [a[0] + u! * ex[0] + v! * dn[0], a[1] + u! * ex[1] + v! * dn[1]]);
      const xs = corners.map((c) => c[0]!), ys = corners.map((c) => c[1]!);
      const x0 = Math.max(0, Math.floor(Math.min(...xs))), x1 = Math.min(width - 1, Math.ceil(Math.max(...xs)));
      const y0 = Math.max(0, Math.floor(Math.min(...ys))), y1 = Math.min(height - 1, Math.ceil(Math.max(...ys)));
      const band: { o: number; d: number }[] = [], skinSample: number[] = [];
      for (let y = y0; y <= y1; y++) for (let x = x0; x <= x1; x++) {
        const [u, v] = toEye(x + 0.5, y + 0.5);
        if (u < 0 || u > n) continue;
        const d = (v - lineAt(line, u)) / iod, o = (y * width + x) * 4;
        if (d >= -RIM_ABOVE && d <= RIM_REACH) band.push({ o, d });
        else if (d >= SKIN_BAND[0] && d <= SKIN_BAND[1] && u > 0.2 * n && u < 0.8 * n) skinSample.push(o);
      }
      if (!skinSample.length) continue;
      const skin: Rgb = medianRgb(data, skinSample);
      const lashes = band.filter((b) => b.d >= RIM_TOP);
      const under: Rgb = lashes.length ? medianRgb(data, lashes.map((b) => b.o)) : skin;
      const top = luminance(...under) < luminance(...skin) ? under : skin;
      const px: number[] = [], wt: number[] = [], refs: Rgb[] = [];
      for (const { o, d } of band) {
        const ref = d < RIM_TOP ? top : skin;
        const w = rimPaleness(luminance(data[o]!, data[o + 1]!, data[o + 2]!), luminance(...ref)) * (1 - smoothstep(0.6 * RIM_REACH, RIM_REACH, d));
        if (w < 0.01) continue;
        px.push(o); wt.push(w); refs.push(ref);
      }
      const photo = new Uint8ClampedArray(px.length * 3);
      px.forEach((o, k) => { photo[k * 3] = data[o]!; photo[k * 3 + 1] = data[o + 1]!; photo[k * 3 + 2] = data[o + 2]!; });
      const target = Float32Array.from(refs.flatMap((ref) => ref.map((c) => c * RIM_SHADE)));
      this.sides.push({ control, pixels: Int32Array.from(px), photo, target, weight: Float32Array.from(wt), cover: 0 });
    }
  }

  /** The skin texels this pass writes (byte offsets; freshPasses.ts restores them before each frame). */
  ownedTexels(): Int32Array[] { return this.sides.map((s) => s.pixels); }

  /** Forgets what it last drew, so its next update draws again on the restored texels (freshPasses.ts). */
  restart(): void { for (const s of this.sides) s.cover = 0; }

  /** This frame's blink per side (its completion from the photo's lid); cheap when unchanged. */
  update(weights: ArrayLike<number>, photoWeights: ArrayLike<number>): void {
    for (const s of this.sides) {
      const cover = rimCover(blinkCompletion(weights[s.control]!, photoWeights[s.control]!));
      if (Math.abs(cover - s.cover) < 1e-3) continue;
      s.cover = cover;
      const data = this.data, px = s.pixels, p = s.photo, t = s.target, wt = s.weight;
      for (let k = 0; k < px.length; k++) {
        const m = cover * wt[k]!, o = px[k]!;
        for (let ch = 0; ch < 3; ch++) data[o + ch] = p[k * 3 + ch]! + m * (t[k * 3 + ch]! - p[k * 3 + ch]!);
      }
    }
  }
}
