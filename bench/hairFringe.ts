// The hair's outline on a replaced background (issue #15, s58 hairedge58): per portrait, the avatar
// with `--off A,B` (BuildAvatarOptions flags set false; default fringeBackdrop,rampSteepen) and as the product makes it, rendered at
// `--yaws` (degrees relative to the photo) over white and over #202020, and per render along the
// person's upper outline (above the chin):
//   dark  = share of rim pixels (alpha >= .5, within 2 px of the outline) whose luma on white is over
//           12 levels under the opaque inside's (8 px normalised blur of alpha-1 pixels): a dark line.
//           A photo of hair on white has none: its rim mixes hair with white, lighter than the hair.
//   depth = mean of those pixels' shortfall (levels).
//   ramp  = pixels with alpha .1-.9 per outline pixel: the soft band's width (a grey band on white).
//   jag   = mean |r - running mean over 9 rays| of the outline's radius from the face's centre,
//           rays every .5 deg over the upper outline (px): a ragged cut-out.
// kept = the product's own backdrop at the photo's pose against the photo, |luma| over the band 6 px
// either side of the matte's .5 outline (above the chin), and the part lighter by > 10 (a halo).
// `--png DIR`: per portrait and yaw a sheet, off | on over white and over #202020, `--box x,y,w,h` at `--zoom`.
import path from 'node:path';
import sharp from 'sharp';
import { cachedPortrait } from './portraitCache.ts';
import { buildAvatar, type BuildAvatarOptions } from '../src/avatar/build.ts';
import { createRenderer } from '../src/render/renderer.ts';
import type { RgbaImage } from '../src/types.ts';

const arg = (k: string, d = '') => { const i = process.argv.indexOf(`--${k}`); return i > 0 ? process.argv[i + 1]! : d; };
const portraits = arg('portraits', 'lp_s42.jpg,st_happy.png').split(',');
const off = arg('off', 'fringeBackdrop,rampSteepen').split(',');
const yaws = arg('yaws', '0,25,-25').split(',').map(Number);
const png = arg('png'), zoom = Number(arg('zoom', '3')), boxes = arg('box');
const DATA = process.env.REAL3D_DATA ?? '/work/shared/data';

const luma = (d: ArrayLike<number>, o: number) => 0.299 * d[o]! + 0.587 * d[o + 1]! + 0.114 * d[o + 2]!;

/** Figures of one person layer (straight RGBA, as the renderer gives it over nothing) over white; `chinY`, `cx`, `cy` in its pixels. */
export function outlineFigures(layer: RgbaImage, cx: number, cy: number, chinY: number): { tint: number; dark: number; depth: number; ramp: number; jag: number } {
  const { width: W, height: H, data } = layer;
  const n = W * H;
  const alpha = (i: number) => data[i * 4 + 3]! / 255;
  const onWhite = (i: number) => (luma(data, i * 4) * data[i * 4 + 3]!) / 255 + 255 - data[i * 4 + 3]!;
  // the opaque inside's luma nearby: normalised box sums over alpha-1 pixels (r = 8)
  const R = 8, inside = new Float64Array(n), wsum = new Float64Array(n), hue = new Float64Array(n * 2);
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) {
    const i = y * W + x;
    if (data[i * 4 + 3]! < 255) continue;
    const l = luma(data, i * 4), rg = data[i * 4]! - data[i * 4 + 1]!, bg = data[i * 4 + 2]! - data[i * 4 + 1]!;
    for (let dy = -R; dy <= R; dy += 2) for (let dx = -R; dx <= R; dx += 2) {
      const yy = y + dy, xx = x + dx;
      if (yy < 0 || yy >= H || xx < 0 || xx >= W) continue;
      const j = yy * W + xx;
      inside[j]! += l; wsum[j]! += 1; hue[j * 2]! += rg; hue[j * 2 + 1]! += bg;
    }
  }
  const nearOutside = (i: number, r: number) => {
    for (let dy = -r; dy <= r; dy++) for (let dx = -r; dx <= r; dx++) if (alpha(i + dy * W + dx) < 0.5) return true;
    return false;
  };
  let rim = 0, darkN = 0, depth = 0, ramp = 0, edge = 0, tint = 0, tintN = 0;
  for (let y = 3; y < Math.min(H - 3, chinY); y++) for (let x = 3; x < W - 3; x++) {
    const i = y * W + x, a = alpha(i);
    if (a > 0.1 && a < 0.9) ramp++;
    if (a > 0.1 && wsum[i]! >= 4 && nearOutside(i, 3)) {
      // the fringe's own colour off the hair's inside hue (r - g, b - g): the old backdrop's tint
      tint += a * Math.hypot(data[i * 4]! - data[i * 4 + 1]! - hue[i * 2]! / wsum[i]!, data[i * 4 + 2]! - data[i * 4 + 1]! - hue[i * 2 + 1]! / wsum[i]!);
      tintN += a;
    }
    if (a < 0.5) continue;
    let near = false;
    for (let dy = -2; dy <= 2 && !near; dy++) for (let dx = -2; dx <= 2; dx++) if (alpha(i + dy * W + dx) < 0.5) { near = true; break; }
    if (!near) continue;
    rim++;
    if (alpha(i + 1) < 0.5 || alpha(i - 1) < 0.5 || alpha(i + W) < 0.5 || alpha(i - W) < 0.5) edge++;
    if (wsum[i]! < 4) continue;
    const short = inside[i]! / wsum[i]! - onWhite(i);
    if (short > 12) { darkN++; depth += short; }
  }
  // the outline's radius per ray from (cx, cy), up and to the sides (-110..110 deg from straight up)
  const rs: number[] = [];
  for (let deg = -110; deg <= 110; deg += 0.5) {
    const t = (deg * Math.PI) / 180, dx = Math.sin(t), dy = -Math.cos(t);
    let last = 0;
    for (let r = 0; r < W; r += 0.5) {
      const x = Math.round(cx + dx * r), y = Math.round(cy + dy * r);
      if (x < 0 || y < 0 || x >= W || y >= H || y > chinY) break;
      if (alpha(y * W + x) >= 0.5) last = r;
    }
    rs.push(last);
  }
  let jag = 0;
  for (let k = 4; k < rs.length - 4; k++) { let m = 0; for (let j = -4; j <= 4; j++) m += rs[k + j]!; jag += Math.abs(rs[k]! - m / 9); }
  return { tint: tint / Math.max(1e-6, tintN), dark: darkN / Math.max(1, rim), depth: depth / Math.max(1, darkN), ramp: ramp / Math.max(1, edge), jag: jag / Math.max(1, rs.length - 8) };
}

function over(layer: RgbaImage, rgb: [number, number, number]): Buffer {
  const out = Buffer.alloc(layer.width * layer.height * 3);
  for (let i = 0; i < layer.width * layer.height; i++) for (let c = 0; c < 3; c++) out[i * 3 + c] = Math.min(255, Math.round((layer.data[i * 4 + c]! * layer.data[i * 4 + 3]! + (255 - layer.data[i * 4 + 3]!) * rgb[c]!) / 255));
  return out;
}

for (const [pi, name] of portraits.entries()) {
  const portrait = await cachedPortrait(path.join(DATA, 'portraits', name));
  const S = portrait.image.width;
  const variants: [string, BuildAvatarOptions][] = [['off', Object.fromEntries(off.map((k) => [k, false])) as BuildAvatarOptions], ['on', {}]];
  const layers: Record<string, RgbaImage[]> = {};
  const kept: Record<string, RgbaImage> = {};
  for (const [tag, o] of variants) {
    const av = buildAvatar(portrait, o);
    const renderer = createRenderer(av, { width: S, height: S });
    const k0 = renderer.render({ w: {}, pose: { yaw: 0, pitch: 0, roll: 0, tx: 0, ty: 0, tz: 0 }, gaze: [0, 0], blink: 0 });
    kept[tag] = { width: S, height: S, data: new Uint8ClampedArray(k0.data) };
    layers[tag] = yaws.map((yaw) => {
      const f = renderer.render({ w: {}, pose: { yaw, pitch: 0, roll: 0, tx: 0, ty: 0, tz: 0 }, gaze: [0, 0], blink: 0 }, { background: null });
      return { width: S, height: S, data: new Uint8ClampedArray(f.data) };
    });
  }
  const lm = portrait.cropLandmarks;
  const cx = (lm[234]![0] + lm[454]![0]) / 2, cy = (lm[10]![1] + lm[152]![1]) / 2, chinY = lm[152]![1];
  // the kept backdrop at the photo's pose against the photo itself, over the band 6 px either side of the
  // matte's 0.5 outline (above the chin): what a halo or a lost fringe costs where the truth is known
  const band = (() => {
    const m = portrait.matte.data, out: number[] = [];
    for (let y = 6; y < Math.min(S - 6, chinY); y++) for (let x = 6; x < S - 6; x++) {
      const i = y * S + x, inside = m[i]! >= 0.5;
      let edge = false;
      for (let d = -6; d <= 6 && !edge; d += 2) for (let e = -6; e <= 6; e += 2) if ((m[i + d * S + e]! >= 0.5) !== inside) { edge = true; break; }
      if (edge) out.push(i);
    }
    return out;
  })();
  const keepErr = (img: RgbaImage) => band.reduce((acc, i) => acc + Math.abs(luma(img.data, i * 4) - luma(portrait.image.data, i * 4)), 0) / band.length;
  const lightErr = (img: RgbaImage) => band.reduce((acc, i) => acc + Math.max(0, luma(img.data, i * 4) - luma(portrait.image.data, i * 4) - 10), 0) / band.length;
  console.log(`${name} kept backdrop at rest, |render - photo| luma over the outline band (${band.length} px): off ${keepErr(kept.off!).toFixed(2)} (lighter by > 10: ${lightErr(kept.off!).toFixed(2)}) | on ${keepErr(kept.on!).toFixed(2)} (${lightErr(kept.on!).toFixed(2)})`);
  if (png) {
    // photo | kept backdrop off | on, at rest, the same box
    const [bx, by, bw, bh] = (boxes.split(';')[pi] ?? `0,0,${S},${S}`).split(',').map(Number) as [number, number, number, number];
    const rgb = (img: RgbaImage) => Buffer.from(Uint8Array.from({ length: S * S * 3 }, (_, j) => img.data[Math.floor(j / 3) * 4 + (j % 3)]!));
    const tiles = await Promise.all([portrait.image, kept.off!, kept.on!].map((img) => sharp(rgb(img), { raw: { width: S, height: S, channels: 3 } }).extract({ left: bx, top: by, width: bw, height: bh }).resize(bw * zoom, bh * zoom, { kernel: 'nearest' }).png().toBuffer()));
    await sharp({ create: { width: (bw * zoom + 4) * 3, height: bh * zoom, channels: 3, background: '#ff00ff' } })
      .composite(tiles.map((b, j) => ({ input: b, left: j * (bw * zoom + 4), top: 0 }))).png().toFile(path.join(png, `${name.replace(/\..*/, '')}_kept.png`));
  }
  for (const [k, yaw] of yaws.entries()) {
    const row = (['off', 'on'] as const).map((t) => outlineFigures(layers[t]![k]!, cx, cy, chinY));
    const fmt = (r: ReturnType<typeof outlineFigures>) => `tint ${r.tint.toFixed(1)} dark ${(100 * r.dark).toFixed(1)}% depth ${r.depth.toFixed(0)} ramp ${r.ramp.toFixed(2)} jag ${r.jag.toFixed(2)}`;
    console.log(`${name} yaw ${yaw}: off ${fmt(row[0]!)} | on ${fmt(row[1]!)}`);
    if (!png) continue;
    const [bx, by, bw, bh] = (boxes.split(';')[pi] ?? `0,0,${S},${S}`).split(',').map(Number) as [number, number, number, number];
    const tiles = await Promise.all((['off', 'on'] as const).flatMap((t) => [[255, 255, 255], [32, 32, 32]].map((c) =>
      sharp(over(layers[t]![k]!, c as [number, number, number]), { raw: { width: S, height: S, channels: 3 } }).extract({ left: bx, top: by, width: bw, height: bh }).resize(bw * zoom, bh * zoom, { kernel: 'nearest' }).png().toBuffer())));
    await sharp({ create: { width: (bw * zoom + 4) * 4, height: bh * zoom, channels: 3, background: '#ff00ff' } })
      .composite(tiles.map((b, j) => ({ input: b, left: j * (bw * zoom + 4), top: 0 }))).png().toFile(path.join(png, `${name.replace(/\..*/, '')}_y${yaw}.png`));
  }
}
