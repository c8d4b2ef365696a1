// The eye paste of bench/blinkControl.ts (s58, blinkread58: split out so bench/shutIntoReal.ts pastes the other
// way, our shut eye into a real face): one face's eyes cut in the eye frame and laid on another face's eye corners,
// luminance mapped by the donor's OPEN eye region, colour from the target, a feathered ellipse.
import { sampleRgba } from '../src/render/closedEye/grid.ts';
import { eyeGeometry } from '../src/render/closedEye/library.ts';
import { toEye, toImage, type EyeFrame } from '../src/render/closedEye/frame.ts';
import { smoothstep } from '../src/math/smooth.ts';
import type { RgbaImage } from '../src/types.ts';

export type Lm = [number, number, number][];
const copy = (img: RgbaImage): RgbaImage => ({ width: img.width, height: img.height, data: new Uint8ClampedArray(img.data) });

const px = new Float32Array(3);

/** The paste's mask in the eye frame: a feathered ellipse over the eye, its lids and corners, short of the brow. */
const pasteMask = (u: number, v: number): number => {
  const r = Math.hypot((u - 0.5) / 0.82, (v + 0.1) / 0.5);
  return 1 - smoothstep(0.72, 1, r);
};

/** Pixels of the target inside one eye's paste region, with their eye-frame coordinates and mask. */
function region(f: EyeFrame, w: number, h: number): { x: number; y: number; u: number; v: number; m: number }[] {
  const corners = [[-0.4, -0.7], [1.4, -0.7], [-0.4, 0.5], [1.4, 0.5]].map(([u, v]) => toImage(f, u!, v!));
  const x0 = Math.max(0, Math.floor(Math.min(...corners.map((c) => c[0])))), x1 = Math.min(w - 1, Math.ceil(Math.max(...corners.map((c) => c[0]))));
  const y0 = Math.max(0, Math.floor(Math.min(...corners.map((c) => c[1])))), y1 = Math.min(h - 1, Math.ceil(Math.max(...corners.map((c) => c[1]))));
  const out = [];
  for (let y = y0; y <= y1; y++) for (let x = x0; x <= x1; x++) {
    const [u, v] = toEye(f, x + 0.5, y + 0.5);
    const m = pasteMask(u, v);
    if (m > 0) out.push({ x, y, u, v, m });
  }
  return out;
}

const luma = (r: number, g: number, b: number) => 0.299 * r + 0.587 * g + 0.114 * b;

/** Mask-weighted mean and spread of the luminance, and the mean colour, of a region sampled in an eye frame. */
function stats(img: RgbaImage, f: EyeFrame, pts: { u: number; v: number; m: number }[]): { y: number; ysd: number; rgb: number[] } {
  let w = 0, y = 0, yy = 0;
  const rgb = [0, 0, 0];
  for (const p of pts) {
    const [x, yi] = toImage(f, p.u, p.v);
    sampleRgba(img, x, yi, px, 0);
    const c = [px[0]!, px[1]!, px[2]!];
    const l = luma(c[0]!, c[1]!, c[2]!);
    w += p.m; y += p.m * l; yy += p.m * l * l;
    for (let ch = 0; ch < 3; ch++) rgb[ch]! += p.m * c[ch]!;
  }
  return { y: y / w, ysd: Math.sqrt(Math.max(1, yy / w - (y / w) ** 2)), rgb: rgb.map((s) => s / w) };
}

/**
 * Pastes each eye of `donor` (eye frames from its landmarks) over the same eye of `target`. Colour:
 * the luminance is mapped so the donor's OPEN eye region has the target's mean and spread there (the
 * same map for the shut frame: one person, one light, so a shut eye is not stretched to an open
 * eye's contrast); the colour is the target's mean colour there plus the donor's own colour
 * deviations, scaled down by the target's saturation (a grey photo gets a grey eye).
 */
export function pasteEyes(target: RgbaImage, tLm: Lm, donor: RgbaImage, dLm: Lm, donorOpen: RgbaImage, dOpenLm: Lm): RgbaImage {
  const out = copy(target);
  const tg = eyeGeometry((i) => [tLm[i]![0], tLm[i]![1]]);
  const dg = eyeGeometry((i) => [dLm[i]![0], dLm[i]![1]]);
  const og = eyeGeometry((i) => [dOpenLm[i]![0], dOpenLm[i]![1]]);
  for (let side = 0; side < 2; side++) {
    const tf = tg[side]!.frame, df = dg[side]!.frame;
    const pts = region(tf, target.width, target.height);
    const want = stats(target, tf, pts), have = stats(donorOpen, og[side]!.frame, pts);
    const gain = Math.min(2, Math.max(0.5, want.ysd / have.ysd));
    const sat = (s: { y: number; rgb: number[] }) => Math.max(...s.rgb.map((c) => Math.abs(c - s.y))) + 1;
    const chroma = Math.min(1, sat(want) / sat(have));
    for (const p of pts) {
      const [sx, sy] = toImage(df, p.u, p.v);
      sampleRgba(donor, sx, sy, px, 0);
      const c = [px[0]!, px[1]!, px[2]!];
      const l = luma(c[0]!, c[1]!, c[2]!);
      const ly = (l - have.y) * gain + want.y;
      const o = (p.y * target.width + p.x) * 4;
      for (let ch = 0; ch < 3; ch++) {
        const s = ly + (want.rgb[ch]! - want.y) + chroma * (c[ch]! - l - (have.rgb[ch]! - have.y));
        out.data[o + ch] = Math.round(p.m * s + (1 - p.m) * target.data[o + ch]!);
      }
    }
  }
  return out;
}
