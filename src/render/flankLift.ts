// The nose flank a turn brings toward the camera keeps the photo's shadow (issue #15, s46 turn46). A
// photo turned away from one side (lp_s12, yaw -10) sees that side's nose flank obliquely, in the
// shade of its outline: a grey-brown band ~10 px wide between the lit ridge and the cheek (luma ~.6
// of the skin either side). A turn toward that side widens the flank 1.5x and faces it to the camera
// (and to a frontal light), yet it kept the band's dark: a broad blotchy smear from the inner eye to
// the moustache. Here, in the renderer's working skin texture (photo space, so it rides on the mesh),
// the band's shade is lifted as the turn shows that side: per channel, the texel times (target / the
// band's colour blurred over 3x3), the target the band's own broad shade (an 11-px box: the nose's form
// stays a soft shade) taken a third of the way to a membrane fill of the skin just outside the band.
// The outline's dark line and its blotches go, the pores stay, and the band's edges stay seamless.
// Dark features (nostril, lashes, moustache: far below the reference) and lit texels are left alone.
// Only the far side of a turned photo: a frontal photo's flanks (st_art_1, mt_man) are seen at their
// own angle and their shade is the nose's form (lifting it flattened the nose into a pale patch).
// Nothing changes at the photo's pose or on turns away from a side.
import { EYE_L_LOWER, EYE_R_LOWER, NOSE_RIDGE } from '../rig/topology.ts';
import { ridgeXAt } from '../avatar/ridgeSideReveal.ts';

export const flankLiftSetting = {
  /** on by default (s46 turn46); off restores main */
  on: true,
  /** share of the shade lifted at a 25° turn toward the flank (linear in the turn) */
  strength: 0.9,
};

/** The band: this far out from the ridge (eye-corner distances), from just under the inner eye corner to above the nostril's wing (0.08 above the tip). */
const REACH = 0.2;
/** A texel is shade (lifted in full) up to this reference/blur luma ratio, dark features from FEATURE on (kept). */
const SHADE_MAX = 2.6, FEATURE = 3.6;
/** The photo's own yaw (deg, away from the side) over which the side's lift fades in. */
const PHOTO_YAW = [5, 10] as const;
/** The band's broad shade: a box of this radius (px), kept 1 - SKIN of it (the rest lifted to the skin fill). */
const WIDE = 5, SKIN = 0.35;
/** The blur (px) that takes the band's low-frequency shade; membrane fill iterations. */
const BLUR = 1, FILL_ITERATIONS = 200;

const luma = (r: number, g: number, b: number) => 0.299 * r + 0.587 * g + 0.114 * b;

/**
 * The lifted colour's gain for a texel whose blurred colour is `blur` and reference `ref` (RGB): per channel
 * ref/blur, weighted by how much the texel is shade: 1 up to SHADE_MAX luma ratio, 0 from FEATURE, and never
 * darkening. Pure.
 */
export function liftGain(blur: readonly number[], ref: readonly number[]): [number, number, number] {
  const lb = luma(blur[0]!, blur[1]!, blur[2]!), lr = luma(ref[0]!, ref[1]!, ref[2]!);
  const ratio = lr / Math.max(1, lb);
  const w = ratio <= 1 ? 0 : ratio <= SHADE_MAX ? 1 : ratio >= FEATURE ? 0 : (FEATURE - ratio) / (FEATURE - SHADE_MAX);
  return [0, 1, 2].map((c) => Math.max(1, 1 + w * (ref[c]! / Math.max(1, blur[c]!) - 1))) as [number, number, number];
}

/** This frame's share of the lift for a side (-1 image-left, shown by +yaw; +1 image-right) at a relative yaw (deg). Pure. */
export const liftShare = (side: -1 | 1, yaw: number, strength = flankLiftSetting.strength): number =>
  strength * Math.max(0, Math.min(1, (-side * yaw) / 25));

/** How much a side is the far side of the photo (its own yaw `photoYaw`, deg: negative turns the image-left side away). Pure. */
export function farSideWeight(side: -1 | 1, photoYaw: number): number {
  const t = Math.max(0, Math.min(1, (side * photoYaw - PHOTO_YAW[0]) / (PHOTO_YAW[1] - PHOTO_YAW[0])));
  return t * t * (3 - 2 * t);
}

type XY = (i: number) => readonly [number, number];

/** The band's texels (RGBA offsets into the texture), per side, with their photo and lifted colours. */
export class FlankLift {
  private readonly sides: { side: -1 | 1; far: number; pixels: Int32Array; photo: Uint8ClampedArray; lifted: Uint8ClampedArray; share: number }[] = [];

  /** data: the working skin texture (photo space, RGBA); xy: where landmark i sits in it; iod: eye-corner distance (px); photoYaw: the photo's own yaw (deg). */
  constructor(private readonly data: Uint8ClampedArray, width: number, height: number, xy: XY, iod: number, photoYaw: number) {
    if (!flankLiftSetting.on) return;
    const pts: number[] = [];
    for (let i = 0; i < 478; i++) { const p = xy(i); pts.push(p[0], p[1], 0); }
    const tipY = Math.max(...NOSE_RIDGE.map((i) => xy(i)[1]));
    for (const [side, lower] of [[-1, EYE_R_LOWER], [1, EYE_L_LOWER]] as const) {
      const far = farSideWeight(side, photoYaw);
      if (far <= 0) continue;
      // EYE_R_* is the image-left eye; its last point is the inner corner
      const top = xy(lower[lower.length - 1]!)[1];
      const y0 = Math.max(1, Math.floor(top + 0.03 * iod)), y1 = Math.min(height - 2, Math.ceil(tipY - 0.08 * iod));
      const reach = REACH * iod;
      // the band (mask 1) and a 3-px ring around it (mask 2): the reference's boundary and the blur's support
      const x0 = Math.max(0, Math.floor(Math.min(ridgeXAt(pts, y0), ridgeXAt(pts, y1)) - reach - 4));
      const x1 = Math.min(width - 1, Math.ceil(Math.max(ridgeXAt(pts, y0), ridgeXAt(pts, y1)) + reach + 4));
      const bw = x1 - x0 + 1, bh = y1 - y0 + 7, by0 = y0 - 3;
      const mask = new Uint8Array(bw * bh);
      for (let y = y0; y <= y1; y++) {
        const rx = ridgeXAt(pts, y + 0.5);
        for (let x = x0; x <= x1; x++) {
          const d = (x + 0.5 - rx) * side;
          if (d > 1 && d < reach) mask[(y - by0) * bw + (x - x0)] = 1;
        }
      }
      if (!mask.some((m) => m === 1)) continue;
      const at = (x: number, y: number) => ((y + by0) * width + (x + x0)) * 4;
      const inBox = (x: number, y: number) => x >= 0 && y >= 0 && x < bw && y < bh && y + by0 >= 0 && y + by0 < height;
      // the blurred colour (box of radius BLUR) of every texel in the band and its ring
      const blur = new Float32Array(bw * bh * 3), ref = new Float32Array(bw * bh * 3);
      for (let y = 0; y < bh; y++) for (let x = 0; x < bw; x++) {
        let r = 0, g = 0, b = 0, n = 0;
        for (let dy = -BLUR; dy <= BLUR; dy++) for (let dx = -BLUR; dx <= BLUR; dx++) {
          if (!inBox(x + dx, y + dy)) continue;
          const o = at(x + dx, y + dy);
          r += data[o]!; g += data[o + 1]!; b += data[o + 2]!; n++;
        }
        const k = (y * bw + x) * 3;
        blur[k] = r / n; blur[k + 1] = g / n; blur[k + 2] = b / n;
        ref[k] = blur[k]!; ref[k + 1] = blur[k + 1]!; ref[k + 2] = blur[k + 2]!;
      }
      // the reference: a membrane fill of the band from the blurred skin just outside it (Jacobi, started
      // from each row's straight line between the band's two ends)
      const band: number[] = [];
      for (let i = 0; i < bw * bh; i++) if (mask[i] === 1) band.push(i);
      for (let y = 0; y < bh; y++) {
        let a = -1, b = -1;
        for (let x = 0; x < bw; x++) if (mask[y * bw + x] === 1) { if (a < 0) a = x; b = x; }
        if (a <= 0 || b >= bw - 1) continue;
        for (let x = a; x <= b; x++) {
          const t = (x - a + 1) / (b - a + 2), k = (y * bw + x) * 3, l = (y * bw + a - 1) * 3, r = (y * bw + b + 1) * 3;
          for (let c = 0; c < 3; c++) ref[k + c] = (1 - t) * blur[l + c]! + t * blur[r + c]!;
        }
      }
      for (let it = 0; it < FILL_ITERATIONS; it++) {
        for (const i of band) {
          const x = i % bw, y = (i - x) / bw;
          let n = 0; const s = [0, 0, 0];
          for (const [dx, dy] of [[1, 0], [-1, 0], [0, 1], [0, -1]] as const) {
            if (!inBox(x + dx, y + dy)) continue;
            const j = ((y + dy) * bw + x + dx) * 3;
            s[0] += ref[j]!; s[1] += ref[j + 1]!; s[2] += ref[j + 2]!; n++;
          }
          if (n) for (let c = 0; c < 3; c++) ref[i * 3 + c] = s[c]! / n;
        }
      }
      // the target: the band's own broad shade (a wide blur: the nose's form) taken SKIN of the way to the fill
      const wide = (x: number, y: number, c: number) => {
        let sum = 0, n = 0;
        for (let dy = -WIDE; dy <= WIDE; dy++) for (let dx = -WIDE; dx <= WIDE; dx++) {
          if (!inBox(x + dx, y + dy)) continue;
          sum += blur[((y + dy) * bw + x + dx) * 3 + c]!; n++;
        }
        return sum / n;
      };
      for (const i of band) {
        const x = i % bw, y = (i - x) / bw;
        for (let c = 0; c < 3; c++) ref[i * 3 + c] = SKIN * ref[i * 3 + c]! + (1 - SKIN) * wide(x, y, c);
      }
      const pixels: number[] = [], photo: number[] = [], lifted: number[] = [];
      for (const i of band) {
        const x = i % bw, y = (i - x) / bw;
        const o = at(x, y);
        const gain = liftGain([blur[i * 3]!, blur[i * 3 + 1]!, blur[i * 3 + 2]!], [ref[i * 3]!, ref[i * 3 + 1]!, ref[i * 3 + 2]!]);
        if (gain.every((g) => g < 1.004)) continue;
        pixels.push(o);
        for (let c = 0; c < 3; c++) { photo.push(data[o + c]!); lifted.push(Math.min(255, data[o + c]! * gain[c]!)); }
      }
      this.sides.push({ side, far, pixels: Int32Array.from(pixels), photo: Uint8ClampedArray.from(photo), lifted: Uint8ClampedArray.from(lifted), share: 0 });
    }
  }

  /** The skin texels this pass writes (byte offsets; freshPasses.ts restores them before each frame). */
  ownedTexels(): Int32Array[] { return this.sides.map((s) => s.pixels); }

  /** Forgets what it last drew, so its next update draws again on the restored texels (freshPasses.ts). */
  restart(): void { for (const s of this.sides) s.share = 0; }

  /** Writes each side's band for this frame's relative yaw (deg) (every frame while lifted: a lid pass may have rewritten a texel). */
  update(yaw: number): void {
    for (const s of this.sides) {
      const k = s.far * liftShare(s.side, yaw);
      if (k === 0 && s.share === 0) continue;
      s.share = k;
      const { pixels, photo, lifted } = s;
      for (let p = 0; p < pixels.length; p++) {
        const o = pixels[p]!;
        for (let c = 0; c < 3; c++) this.data[o + c] = photo[p * 3 + c]! + k * (lifted[p * 3 + c]! - photo[p * 3 + c]!);
      }
    }
  }
}
