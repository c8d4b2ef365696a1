// A turned photo's revealed far cheek over a whole clip (issue #15, s35 farcheek35): a saved motion's every
// frame rendered per --root checkout at 512 px, and on the far side's outline band (rows from the far eye's
// outer corner to the chin; per row from 10 px outside the solid silhouette to 0.1 face widths inside it)
// three figures: **across** = the share of the luminance gradient energy across x (src/eval/stretch.ts
// acrossStretchShare: horizontal streaks toward 1, texture ~.5, a clean vertical outline low), **coh** = the
// structure-tensor coherence on that band (the #15 stretch number), **haze** = translucent px (alpha 5-191)
// more than 2 px outside the solid silhouette (a ragged pale fringe), **jag** = the silhouette's mean
// |second difference| per row, px (stair steps). Summaries over all frames and over the frames turned toward
// the far side by more than --min-yaw degrees; `--strip out.jpg` writes every --every'th frame's far cheek
// (2x), one row per root. Never asserts.
//   node --import tsx bench/farCheekClip.ts --portrait lp_s10.jpg --motion m.json --root /work/main,. [--side left] [--strip x.jpg --every 8]
import path from 'node:path';
import { readFile } from 'node:fs/promises';
import sharp, { type OverlayOptions } from 'sharp';
import { cachedPortrait } from './portraitCache.ts';
import { SHARED_PORTRAITS } from './sharedData.ts';
import { acrossStretchShare, streakCoherence } from '../src/eval/stretch.ts';
import type { MotionFrame, RgbaImage } from '../src/types.ts';

const args = process.argv.slice(2);
const opt = (name: string, d: string) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1]! : d; };
const name = opt('--portrait', 'lp_s10.jpg');
const motion = JSON.parse(await readFile(opt('--motion', ''), 'utf8')) as { frames: MotionFrame[] };
const roots = opt('--root', path.resolve(import.meta.dirname, '..')).split(',').map((r) => path.resolve(r));
const side = opt('--side', 'left') === 'left' ? -1 : 1; // image side of the far cheek
const minYaw = Number(opt('--min-yaw', '4'));
const stripOut = opt('--strip', ''), every = Number(opt('--every', '8'));
// --ranges 10-30,136-146: the strip only over those frames (every --every'th from each range's start)
const ranges = opt('--ranges', '').split(',').filter(Boolean).map((r) => r.split('-').map(Number) as [number, number]);
const inStrip = (i: number) => (ranges.length ? ranges.some(([a, b]) => i >= a && i <= b && (i - a) % every === 0) : i % every === 0);
const SIZE = 512, CELL = 160, ZOOM = 2;
// --sheet out.jpg --frames a,b,c: per frame one row, per root the head (1x, 256 px) and the far cheek 4x
const sheetOut = opt('--sheet', ''), sheetFrames = opt('--frames', '').split(',').filter(Boolean).map(Number);
const sheetCells = new Map<number, Buffer[]>();

// step = share of rows whose outline jumps from clear (alpha < 64) to solid (>= 192) between two
// neighbouring px (a cut-out, aliased edge; the photo's own matte edge spreads over 3-5 px), ramp =
// mean px per row with alpha 26-229 within 10 px outside to 3 px inside the silhouette (s37 edge37)
export interface FarBand { across: number; coh: number; haze: number; jag: number; step: number; ramp: number }

/** The far outline band's figures on one frame: `img` as shown (over the plate), `alpha` from a render without a backdrop. */
export function farBandFigures(img: RgbaImage, alpha: RgbaImage, lm: [number, number, number][], farSide: number): FarBand & { box: [number, number] } {
  const w = img.width, h = img.height;
  const fw = Math.abs(lm[454]![0] - lm[234]![0]);
  const eye = farSide < 0 ? 33 : 263;
  const y0 = Math.max(1, Math.round(lm[eye]![1])), y1 = Math.min(h - 2, Math.round(lm[152]![1]));
  const a = (x: number, y: number) => alpha.data[(y * w + x) * 4 + 3]!;
  const mask = new Uint8Array(w * h), sil: number[] = [];
  let haze = 0, steps = 0, rampPx = 0;
  for (let y = y0; y <= y1; y++) {
    // the solid silhouette: from the far image edge inward, the first opaque pixel
    let s = -1;
    for (let k = 0; k < w; k++) { const x = farSide < 0 ? k : w - 1 - k; if (a(x, y) >= 192) { s = x; break; } }
    if (s < 0) continue;
    sil.push(s);
    const out1 = s + farSide;
    if (out1 >= 0 && out1 < w && a(out1, y) < 64) steps++;
    for (let d = -10; d <= 3; d++) { const x = s - farSide * d; if (x >= 0 && x < w && a(x, y) >= 26 && a(x, y) <= 229) rampPx++; }
    const inward = -farSide, outer = Math.round(10), inner = Math.round(0.1 * fw);
    for (let d = -outer; d <= inner; d++) {
      const x = s + inward * d;
      if (x < 1 || x >= w - 1 || a(x, y) < 5) continue;
      mask[y * w + x] = 1;
      if (d < -2 && a(x, y) < 192) haze++;
    }
  }
  let jag = 0;
  for (let i = 1; i + 1 < sil.length; i++) jag += Math.abs(sil[i + 1]! - 2 * sil[i]! + sil[i - 1]!);
  return { across: acrossStretchShare(img, mask, 1, 0), coh: streakCoherence(img, mask).coherence, haze, jag: sil.length > 2 ? jag / (sil.length - 2) : 0, step: sil.length ? steps / sil.length : 0, ramp: sil.length ? rampPx / sil.length : 0, box: [sil.length ? Math.round(sil.reduce((p, q) => p + q, 0) / sil.length) : 0, Math.round((y0 + y1) / 2)] };
}

const portrait = await cachedPortrait(path.join(SHARED_PORTRAITS, name));
const rows: Buffer[] = [];
const median = (v: number[]) => { const s = [...v].sort((p, q) => p - q); return s.length ? s[Math.floor(s.length / 2)]! : NaN; };
for (const root of roots) {
  const { buildAvatar } = await import(path.join(root, 'src/avatar/build.ts'));
  const { createRenderer } = await import(path.join(root, 'src/render/renderer.ts'));
  const r = createRenderer(buildAvatar(portrait), { width: SIZE, height: SIZE });
  const per: (FarBand & { yaw: number; i: number })[] = [];
  const tiles: Buffer[] = [];
  for (let i = 0; i < motion.frames.length; i++) {
    const f = motion.frames[i]!;
    const shown = r.render(f);
    const img: RgbaImage = { width: shown.width, height: shown.height, data: Uint8ClampedArray.from(shown.data) };
    const alpha = r.render(f, { background: null });
    const fig = farBandFigures(img, alpha, r.landmarks(f), side);
    per.push({ ...fig, yaw: f.pose.yaw, i });
    if (sheetOut && sheetFrames.includes(i)) {
      const raw = { raw: { width: SIZE, height: SIZE, channels: 4 as const } };
      const [cx, cy] = fig.box;
      const head = await sharp(Buffer.from(img.data.buffer), raw).extract({ left: 96, top: 96, width: 320, height: 320 }).resize(256, 256).removeAlpha().png().toBuffer();
      const l = Math.max(0, Math.min(SIZE - 64, cx - 36)), t = Math.max(0, Math.min(SIZE - 64, cy - 48));
      const zoom = await sharp(Buffer.from(img.data.buffer), raw).extract({ left: l, top: t, width: 64, height: 64 }).resize(256, 256, { kernel: 'nearest' }).removeAlpha().png().toBuffer();
      const cells = sheetCells.get(i) ?? [];
      cells.push(head, zoom);
      sheetCells.set(i, cells);
    }
    if (stripOut && inStrip(i)) {
      const [cx, cy] = fig.box, half = CELL / ZOOM / 2;
      const left = Math.max(0, Math.min(SIZE - 2 * half, Math.round(cx - 0.6 * half))), top = Math.max(0, Math.min(SIZE - 2 * half, Math.round(cy - half)));
      tiles.push(await sharp(Buffer.from(img.data.buffer), { raw: { width: SIZE, height: SIZE, channels: 4 } })
        .extract({ left, top, width: 2 * half, height: 2 * half }).resize(CELL, CELL, { kernel: 'nearest' }).removeAlpha().png().toBuffer());
    }
  }
  const turned = per.filter((p) => -side * p.yaw > minYaw);
  const sum = (ps: typeof per) => ['across', 'coh', 'haze', 'jag', 'step', 'ramp'].map((k) => `${k} ${median(ps.map((p) => p[k as keyof FarBand])).toFixed(k === 'haze' ? 0 : k === 'ramp' ? 1 : 3)}`).join(' ');
  const worst = [...per].sort((p, q) => -side * q.yaw - -side * p.yaw).slice(0, 6).sort((p, q) => p.i - q.i);
  console.log(`${path.basename(root).padEnd(12)} all ${per.length}: ${sum(per)} | turned >${minYaw} (${turned.length}): ${sum(turned)}`);
  console.log(`  most turned: ${worst.map((p) => `f${p.i} y${p.yaw.toFixed(1)} a${p.across.toFixed(2)} h${p.haze} j${p.jag.toFixed(2)}`).join('  ')}`);
  if (args.includes('--per-frame')) console.log(per.map((p) => `${p.i}:${p.across.toFixed(2)}/${p.haze}/s${p.step.toFixed(2)}/r${p.ramp.toFixed(1)}`).join(' '));
  if (stripOut) {
    const row = await sharp({ create: { width: CELL * tiles.length, height: CELL, channels: 3, background: '#000' } })
      .composite(tiles.map((input, k) => ({ input, left: k * CELL, top: 0 }))).png().toBuffer();
    rows.push(row);
  }
}
if (stripOut && rows.length) {
  const perRow = 13, n = motion.frames.filter((_, i) => inStrip(i)).length, bands = Math.ceil(n / perRow), gap = 6;
  const parts: OverlayOptions[] = [];
  for (let b = 0; b < bands; b++) for (let q = 0; q < rows.length; q++) {
    const width = Math.min(perRow, n - b * perRow) * CELL;
    const piece = await sharp(rows[q]!).extract({ left: b * perRow * CELL, top: 0, width, height: CELL }).toBuffer();
    parts.push({ input: piece, left: 0, top: (b * rows.length + q) * CELL + b * gap });
  }
  await sharp({ create: { width: perRow * CELL, height: bands * rows.length * CELL + bands * gap, channels: 3, background: '#333' } })
    .composite(parts).jpeg({ quality: 80 }).toFile(stripOut);
  console.log(`wrote ${stripOut}: every ${every}th frame from 0, rows per band: ${roots.map((r) => path.basename(r)).join(' / ')}`);
}
if (sheetOut && sheetCells.size) {
  const frames = [...sheetCells.keys()].sort((p, q) => p - q), T = 256, gap = 4;
  const width = sheetCells.get(frames[0]!)!.length * (T + gap);
  await sharp({ create: { width, height: frames.length * (T + gap), channels: 3, background: '#333' } })
    .composite(frames.flatMap((f, r) => sheetCells.get(f)!.map((input, c) => ({ input, left: c * (T + gap), top: r * (T + gap) }))))
    .jpeg({ quality: 78 }).toFile(sheetOut);
  console.log(`wrote ${sheetOut}: rows frames ${frames.join(', ')}; per root head | far cheek 4x (${roots.map((r) => path.basename(r)).join(' | ')})`);
}
process.exit(0);
