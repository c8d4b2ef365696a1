// s56 mask56: a sheet of a saved motion's frames on a portrait — the driver's frame | ours per --root checkout (and
// per --scales: the brow raises' change from the photo's scaled) — the face at ~1x and the brows and eyes at 3x.
//   node --import tsx bench/maskSheet.ts --portrait lp_s9.jpg --motion m.json --video drv.mp4 --frames 43,60 --out s.png
//        [--roots /work/main,/work/wt/mask56] [--scales 1,.5] [--fps 25]
import path from 'node:path';
import { readFileSync, mkdtempSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { pathToFileURL } from 'node:url';
import sharp from 'sharp';
import type { MotionFrame } from '../src/types.ts';
import { cachedPortrait } from './portraitCache.ts';
import { SHARED_PORTRAITS } from './sharedData.ts';

const args = process.argv.slice(2);
const opt = (n: string, d: string) => { const i = args.indexOf(n); return i >= 0 ? args[i + 1]! : d; };
const frames = (JSON.parse(readFileSync(opt('--motion', ''), 'utf8')) as { frames: MotionFrame[] }).frames;
const picks = opt('--frames', '43').split(',').map(Number);
const roots = opt('--roots', path.resolve(import.meta.dirname, '..')).split(',');
const scales = opt('--scales', '1').split(',').map(Number);
const video = opt('--video', ''), fps = Number(opt('--fps', '25'));
const FF = '/work/main/node_modules/@ffmpeg-installer/linux-x64/ffmpeg';
const RAISES = ['browInnerUp', 'browOuterUpLeft', 'browOuterUpRight'];
const S = 512, FACE = 300;

const label = (t: string, w: number) => Buffer.from(`<svg width="${w}" height="18"><rect width="100%" height="100%" fill="#222"/><text x="4" y="14" font-size="13" fill="yellow" font-family="sans-serif">${t}</text></svg>`);
/** A tile: label over the face (2.6 eye-corner widths square round cx, cy) and the brows and eyes (1.3 x .65 round cx, ey), both FACE wide. */
async function tile(rgba: Buffer, w: number, h: number, cx: number, cy: number, ey: number, iod: number, name: string) {
  const P = 2000;
  const padded = await sharp(rgba, { raw: { width: w, height: h, channels: 4 } }).extend({ top: P, bottom: P, left: P, right: P, background: '#000' }).raw().toBuffer();
  const crop = (x: number, y: number, cw: number, ch: number, ow: number, oh: number) => sharp(padded, { raw: { width: w + 2 * P, height: h + 2 * P, channels: 4 } })
    .extract({ left: Math.round(x - cw / 2) + P, top: Math.round(y - ch / 2) + P, width: Math.round(cw), height: Math.round(ch) }).resize(ow, oh).png().toBuffer();
  const face = await crop(cx, cy, 2.6 * iod, 2.6 * iod, FACE, FACE);
  const eyes = await crop(cx, ey, 1.3 * iod, 0.65 * iod, FACE, FACE / 2);
  return sharp({ create: { width: FACE, height: 18 + FACE + FACE / 2, channels: 4, background: '#222' } })
    .composite([{ input: label(name, FACE), top: 0, left: 0 }, { input: face, top: 18, left: 0 }, { input: eyes, top: 18 + FACE, left: 0 }]).png().toBuffer();
}
const pts = (l: ArrayLike<ArrayLike<number>>) => {
  const iod = Math.hypot(l[263]![0]! - l[33]![0]!, l[263]![1]! - l[33]![1]!);
  const ex = (l[263]![0]! + l[33]![0]!) / 2, eyY = (l[263]![1]! + l[33]![1]!) / 2;
  return { iod, cx: ex, cy: eyY + 0.35 * iod, ey: eyY - 0.15 * iod };
};

const rows: Buffer[][] = picks.map(() => []);
if (video) {
  const { cachedTrack } = await import('./driverTracks.ts');
  const { landmarkList } = await import('../src/motion/retarget.ts');
  const raw = await cachedTrack(video, fps, { cache: process.env.REAL3D_CACHE! });
  const dir = mkdtempSync(path.join(tmpdir(), 'mask-'));
  for (const [q, k] of picks.entries()) {
    const png = path.join(dir, `f${k}.png`);
    execFileSync(FF, ['-v', 'error', '-ss', String((k + 0.5) / fps), '-i', video, '-frames:v', '1', png]);
    // the track is of the video scaled down to fit 720 (driverTracks.ts maxSide)
    const { data, info } = await sharp(png).resize(720, 720, { fit: 'inside', withoutEnlargement: true }).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
    const p = pts(landmarkList(raw[k]!.lm!));
    rows[q]!.push(await tile(data, info.width, info.height, p.cx, p.cy, p.ey, p.iod, `driver f${k}`));
  }
}
for (const root of roots) {
  const { buildAvatar } = await import(pathToFileURL(path.join(root, 'src/avatar/build.ts')).href);
  const { createRenderer } = await import(pathToFileURL(path.join(root, 'src/render/renderer.ts')).href);
  const r = createRenderer(buildAvatar(await cachedPortrait(path.join(SHARED_PORTRAITS, opt('--portrait', 'lp_s9.jpg')))), { width: S, height: S });
  const n: MotionFrame = r.neutralFrame();
  for (const [q, k] of picks.entries()) for (const s of scales) {
    const f = frames[k]!, w = { ...f.w };
    for (const c of RAISES) w[c] = (n.w[c] ?? 0) + s * ((w[c] ?? 0) - (n.w[c] ?? 0));
    const img = r.render({ ...f, w });
    const p = pts(r.landmarks({ ...f, w }));
    rows[q]!.push(await tile(Buffer.from(img.data), S, S, p.cx, p.cy, p.ey, p.iod, `${path.basename(root)} f${k}${scales.length > 1 ? ' x' + s : ''}`));
  }
}
const cols = Math.max(...rows.map((r) => r.length)), TH = 18 + FACE + FACE / 2;
await sharp({ create: { width: cols * (FACE + 4), height: rows.length * (TH + 4), channels: 4, background: '#111' } })
  .composite(rows.flatMap((r, q) => r.map((t, c) => ({ input: t, top: q * (TH + 4), left: c * (FACE + 4) }))))
  .png().toFile(opt('--out', 'mask.png'));
console.log('wrote', opt('--out', 'mask.png'));
