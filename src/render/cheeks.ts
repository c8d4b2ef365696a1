// The cheek raise's shading (issue #14: "a smile is not only a mouth widening"). cheekSquint moves
// the cheek mass up and forward under the eye (rig/basis/eyes.ts), but a moved mesh carries the
// photo's flat cheek along: a raised cheek reads only as a rounder apple catching more light and a
// soft fold where the bunched skin meets the lower lid. Both are shaded into the renderer's working
// skin texture (photo space, so they ride on the moved mesh) by multiplying the photo's colour, on
// skin-coloured pixels only (not hair, glasses or a beard).
import { CONTROL_INDEX } from '../rig/controls.ts';
import { EYE_L_LOWER, EYE_R_LOWER } from '../rig/topology.ts';
import { foldProfile } from './browFolds.ts';
import { medianRgb, skinLike } from './brows.ts';

/** At a full cheek raise the apple is this much lighter at its top, the fold under the lid this much darker. */
const APPLE_LIGHT = 0.12, FOLD_DARK = 0.13;
/**
 * Where, in eye-corner distances (iod) below the lower lid's middle: the fold's valley (the skin the
 * cheek pushes up bunches just under the lid), its width; the apple's lit top and its size.
 */
const FOLD_BELOW = 0.075, FOLD_W = 0.018, APPLE_BELOW = 0.19, APPLE_W = 0.13, APPLE_H = 0.075;

/** Each side's cheek control and lower lid (rig/basis/eyes.ts: cheekSquint lifts the cheek under it). */
const SIDES = [
  { control: CONTROL_INDEX.cheekSquintLeft, lower: EYE_L_LOWER },
  { control: CONTROL_INDEX.cheekSquintRight, lower: EYE_R_LOWER },
];

const bump = (z: number) => Math.exp(-0.5 * z * z);

/**
 * The raise's shading at (u, v) iod from the lower lid's middle (u along the eye toward its outer
 * corner, v down), for a full raise: negative darkens, positive lightens. The fold follows the lid's
 * curve (lower toward the corners) and fades past the eye's ends; the apple is a soft lit dome
 * under the eye's outer half.
 */
export function cheekRaiseField(u: number, v: number, halfWidth: number): number {
  const along = bump((u - 0.15 * halfWidth) / (0.6 * halfWidth));
  const foldV = FOLD_BELOW + 0.35 * (u / halfWidth) ** 2 * FOLD_BELOW;
  const fold = along * FOLD_DARK * foldProfile((v - foldV) / FOLD_W, 0);
  const apple = APPLE_LIGHT * bump((u - 0.25 * halfWidth) / APPLE_W) * bump((v - APPLE_BELOW) / APPLE_H);
  return fold + apple;
}

type XY = (i: number) => readonly [number, number];

/** Shades the cheeks' raise into the renderer's working skin texture (`data`, photo space). */
export class CheekRaise {
  private readonly sides: { control: number; pixels: Int32Array; photo: Uint8ClampedArray; field: Float32Array; amount: number }[] = [];

  constructor(private readonly data: Uint8ClampedArray, width: number, height: number, xy: XY, iod: number) {
    for (const { control, lower } of SIDES) {
      const outer = xy(lower[0]!), inner = xy(lower[lower.length - 1]!), mid = xy(lower[4]!);
      const ex0 = outer[0] - inner[0], ey0 = outer[1] - inner[1], n = Math.hypot(ex0, ey0);
      if (n < 1e-6) continue;
      // u along the eye toward its outer corner (mirrored between the sides), v down the face
      const ex = [ex0 / n, ey0 / n] as const, dn = ex[0] >= 0 ? [-ex[1], ex[0]] as const : [ex[1], -ex[0]] as const;
      const halfWidth = n / 2 / iod;
      const at = (u: number, v: number) => [mid[0] + iod * (u * ex[0] + v * dn[0]), mid[1] + iod * (u * ex[1] + v * dn[1])] as const;
      const corners = [at(-1.6 * halfWidth, 0.02), at(1.6 * halfWidth, 0.02), at(-1.6 * halfWidth, 0.34), at(1.6 * halfWidth, 0.34)];
      const x0 = Math.max(0, Math.floor(Math.min(...corners.map((c) => c[0])))), x1 = Math.min(width - 1, Math.ceil(Math.max(...corners.map((c) => c[0]))));
      const y0 = Math.max(0, Math.floor(Math.min(...corners.map((c) => c[1])))), y1 = Math.min(height - 1, Math.ceil(Math.max(...corners.map((c) => c[1]))));
      // the skin's colour: the median over the apple (hair, glasses or a beard there count as not skin)
      const c = at(0.25 * halfWidth, APPLE_BELOW), r = Math.max(1, Math.round(0.05 * iod)), sample: number[] = [];
      for (let y = Math.max(0, Math.round(c[1]) - r); y <= Math.min(height - 1, Math.round(c[1]) + r); y++)
        for (let x = Math.max(0, Math.round(c[0]) - r); x <= Math.min(width - 1, Math.round(c[0]) + r); x++) sample.push((y * width + x) * 4);
      const ref = medianRgb(data, sample);
      const px: number[] = [], fv: number[] = [];
      for (let y = y0; y <= y1; y++) for (let x = x0; x <= x1; x++) {
        const dx = x + 0.5 - mid[0], dy = y + 0.5 - mid[1];
        const u = (dx * ex[0] + dy * ex[1]) / iod, v = (dx * dn[0] + dy * dn[1]) / iod;
        if (v < 0.035) continue;
        const o = (y * width + x) * 4;
        const f = cheekRaiseField(u, v, halfWidth) * skinLike(data, o, ref, 40);
        if (Math.abs(f) < 0.002) continue;
        px.push(o); fv.push(f);
      }
      const photo = new Uint8ClampedArray(px.length * 3);
      px.forEach((o, k) => { photo[k * 3] = data[o]!; photo[k * 3 + 1] = data[o + 1]!; photo[k * 3 + 2] = data[o + 2]!; });
      this.sides.push({ control, pixels: Int32Array.from(px), photo, field: Float32Array.from(fv), amount: 0 });
    }
  }

  /** The skin texels this pass writes (byte offsets; freshPasses.ts restores them before each frame). */
  ownedTexels(): Int32Array[] { return this.sides.map((s) => s.pixels); }

  /** Forgets what it last drew, so its next update draws again on the restored texels (freshPasses.ts). */
  restart(): void { for (const s of this.sides) s.amount = 0; }

  /** This frame's cheek raise (each side's cheekSquint over the photo's); cheap when unchanged. */
  update(weights: ArrayLike<number>, photoWeights: ArrayLike<number>): void {
    for (const s of this.sides) {
      const amount = Math.max(0, Math.min(1, weights[s.control]! - photoWeights[s.control]!));
      if (Math.abs(amount - s.amount) < 0.01) continue;
      s.amount = amount;
      const data = this.data, px = s.pixels, p = s.photo, fv = s.field;
      for (let k = 0; k < px.length; k++) {
        const f = 1 + amount * fv[k]!, o = px[k]!;
        data[o] = p[k * 3]! * f; data[o + 1] = p[k * 3 + 1]! * f; data[o + 2] = p[k * 3 + 2]! * f;
      }
    }
  }
}
