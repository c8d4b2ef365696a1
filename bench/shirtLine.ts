// The pale line along the shirt's outline (issue #15, s41 shirt41): per frame of a saved motion, per --root checkout,
// rays across the person's outline below the chin (the person layer's alpha crossing 128, normal from its blurred
// gradient, one ray per outline pixel with |normal.y| < .9 so the crop's bottom edge is skipped). On each ray the
// composite's luma L(d), d = -6..+6 px (- inside), bilinear. **bump** = max over d in [-2, 2] of L(d) minus the larger
// of the darker of L(d-3..d-1) and the darker of L(d+1..d+3): how far a 1-2 px line stands above both sides (0 for a
// plain ramp). Prints per root the median / 90th percentile bump and the share of rays with bump > 4 levels, at rest
// [and the photo itself on the rest frame's rays = real] and over the frames (medians of the per-frame figures). **excess** (no
// --bg) = the max over d in [-3, 3] of render minus photo luma on each ray (the torso moves little: the photo is the
// reference, [0]): median / 90th percentile / share of rays > 6 levels, at rest and pooled over the frames.
//   node --import tsx bench/shirtLine.ts --portrait lp_s11.jpg --motion m.json --root /work/wt/shirt41base,. [--every 10] [--bg '#ffffff']
import path from 'node:path';
import { readFile } from 'node:fs/promises';
import { boxBlur } from '../src/analyze/raster.ts';
import type { MotionFrame, RgbaImage } from '../src/types.ts';
import { SHARED_PORTRAITS } from './sharedData.ts';
import { checkoutRenderer } from './headCells.ts';

const args = process.argv.slice(2);
const opt = (name: string, d: string) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1]! : d; };
const name = opt('--portrait', 'lp_s11.jpg');
const motionFile = opt('--motion', '');
const motion = motionFile ? (JSON.parse(await readFile(motionFile, 'utf8')) as { frames: MotionFrame[] }) : { frames: [] };
const roots = opt('--root', path.resolve(import.meta.dirname, '..')).split(',').map((r) => path.resolve(r));
const every = Number(opt('--every', '10'));
const bgHex = opt('--bg', '');
const below = Number(opt('--below', '0')); // rays from this many px below the chin's row (past hair that reaches the shoulders)

const luma = (d: ArrayLike<number>, i: number) => 0.299 * d[i]! + 0.587 * d[i + 1]! + 0.114 * d[i + 2]!;
const pct = (v: number[], p: number) => { const s = [...v].sort((a, b) => a - b); return s.length ? s[Math.min(s.length - 1, Math.floor(s.length * p))]! : NaN; };

export interface Ray { x: number; y: number; nx: number; ny: number }
/** Outline rays below row y0: alpha (0..255 per pixel) crossing 128 to an outside 4-neighbour, normal pointing out. */
export function outlineRays(alpha: Float32Array, W: number, H: number, y0: number): Ray[] {
  const b = boxBlur(alpha, W, H, 2);
  const rays: Ray[] = [];
  for (let y = Math.max(8, y0); y < H - 8; y++) for (let x = 8; x < W - 8; x++) {
    const i = y * W + x;
    if (alpha[i]! < 128) continue;
    if (alpha[i - 1]! >= 128 && alpha[i + 1]! >= 128 && alpha[i - W]! >= 128 && alpha[i + W]! >= 128) continue;
    const gx = b[i - 1]! - b[i + 1]!, gy = b[i - W]! - b[i + W]!, g = Math.hypot(gx, gy);
    if (g < 1e-3 || Math.abs(gy / g) > 0.9) continue;
    rays.push({ x, y, nx: gx / g, ny: gy / g });
  }
  return rays;
}
function sample(img: RgbaImage, x: number, y: number): number {
  const W = img.width, x0 = Math.floor(x), y0 = Math.floor(y), fx = x - x0, fy = y - y0;
  const L = (xx: number, yy: number) => luma(img.data, (yy * W + xx) * 4);
  return (1 - fy) * ((1 - fx) * L(x0, y0) + fx * L(x0 + 1, y0)) + fy * ((1 - fx) * L(x0, y0 + 1) + fx * L(x0 + 1, y0 + 1));
}
/** bump per ray (see the header). */
export function bumps(img: RgbaImage, rays: Ray[]): number[] {
  return rays.map((r) => {
    const L: number[] = [];
    for (let d = -6; d <= 6; d++) L.push(sample(img, r.x + r.nx * d, r.y + r.ny * d));
    let best = 0;
    for (let d = -2; d <= 2; d++) {
      const k = d + 6;
      const left = Math.min(L[k - 1]!, L[k - 2]!, L[k - 3]!), right = Math.min(L[k + 1]!, L[k + 2]!, L[k + 3]!);
      best = Math.max(best, L[k]! - Math.max(left, right));
    }
    return best;
  });
}
const fig = (b: number[]) => ({ med: pct(b, 0.5), p90: pct(b, 0.9), share: b.filter((v) => v > 4).length / Math.max(1, b.length) });
const fmt = (f: { med: number; p90: number; share: number }) => `${f.med.toFixed(2)} / ${f.p90.toFixed(2)} / ${(100 * f.share).toFixed(1)}%`;

if (import.meta.url === `file://${process.argv[1]}`) {
  const { cachedPortrait } = await import(path.join(roots[0]!, 'bench/portraitCache.ts'));
  for (const root of roots) {
    const { cachedPortrait: cp } = await import(path.join(root, 'bench/portraitCache.ts'));
    const portrait = await (cp ?? cachedPortrait)(path.join(SHARED_PORTRAITS, name));
    const { renderer: r, neutral: rest, size: S } = await checkoutRenderer(root, portrait);
    let bg: RgbaImage | undefined;
    if (bgHex) {
      const c = [1, 3, 5].map((k) => parseInt(bgHex.slice(k, k + 2), 16));
      bg = { width: S, height: S, data: Uint8ClampedArray.from({ length: S * S * 4 }, (_, i) => (i % 4 === 3 ? 255 : c[i % 4]!)) };
    }
    const excess = (img: ArrayLike<number>, base: ArrayLike<number>, rays: Ray[]) => rays.map((ray) => {
      let best = -Infinity;
      for (let d = -3; d <= 3; d++) {
        const i = (Math.round(ray.y + ray.ny * d) * S + Math.round(ray.x + ray.nx * d)) * 4;
        best = Math.max(best, luma(img, i) - luma(base, i));
      }
      return best;
    });
    const one = (f: MotionFrame) => {
      const a = r.render(f, { background: null });
      const alpha = Float32Array.from({ length: S * S }, (_, i) => a.data[i * 4 + 3]!);
      const chinY = r.landmarks(f)[152]![1];
      const rays = outlineRays(alpha, S, S, Math.ceil(chinY) + below);
      const img = Uint8ClampedArray.from(r.render(f, bg ? { background: bg } : {}).data);
      return { rays, b: bumps({ width: S, height: S, data: img }, rays), ex: bg ? [] : excess(img, portrait.image.data, rays) };
    };
    const r0 = one(rest);
    const real = bumps(portrait.image, r0.rays);
    const ef = (v: number[]) => `${pct(v, 0.5).toFixed(1)} / ${pct(v, 0.9).toFixed(1)} / ${(100 * v.filter((x) => x > 6).length / v.length).toFixed(1)}%`;
    const exFrames: number[][] = [];
    const per: { med: number; p90: number; share: number }[] = [];
    for (let k = 0; k < motion.frames.length; k += every) { const o = one(motion.frames[k]!); per.push(fig(o.b)); exFrames.push(o.ex); }
    if (!bg) console.log(`${name} ${path.basename(root)}: excess over the photo med / p90 / >6 levels: rest ${ef(r0.ex)} [photo 0]` +
      (exFrames.length ? `; frames (pooled) ${ef(exFrames.flat())}` : ''));
    const m = (key: 'med' | 'p90' | 'share') => pct(per.map((p) => p[key]), 0.5);
    console.log(`${name} ${path.basename(root)}${bgHex ? ' bg ' + bgHex : ''}: rays ${r0.rays.length}; bump med / p90 / >4: rest ${fmt(fig(r0.b))} [photo ${fmt(fig(real))}]` +
      (per.length ? `; ${per.length} frames (median) ${fmt({ med: m('med'), p90: m('p90'), share: m('share') })}` : ''));
  }
}
