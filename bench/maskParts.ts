// s57 maskface57: which part of a frame makes the "mask face" — the frame rendered as is, then with one channel group
// put back to the rest frame's (brows, eyes, cheeks, mouth, pose), and the rest frame. The group whose reset takes the
// mask away is the one to work on. Face tiles at ~1x of a 512 render (no zoom) or --zoom.
//   node --import tsx bench/maskParts.ts --portrait lp_s9.jpg --motion m.json --frames 25,82 --out parts.png
//        [--video drv.mp4 (a driver column)] [--zoom 1.5] [--root checkout]
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
const picks = opt('--frames', '25').split(',').map(Number);
const only = opt('--groups', '');
const root = path.resolve(opt('--root', path.resolve(import.meta.dirname, '..')));
const zoom = Number(opt('--zoom', '1')), fps = Number(opt('--fps', '25')), video = opt('--video', '');
const FF = '/work/main/node_modules/@ffmpeg-installer/linux-x64/ffmpeg';
const S = 512;
/** channel groups: a channel belongs to the first group whose test matches */
export const GROUPS: [string, (c: string) => boolean][] = [
  ['brows', (c) => c.startsWith('brow')],
  ['wide', (c) => c.startsWith('eyeWide')],
  ['gaze', (c) => c.startsWith('eyeLook')],
  ['lids', (c) => c.startsWith('eye')],
  ['cheeks', (c) => c.startsWith('cheek') || c.startsWith('noseSneer')],
  ['mouth', () => true],
];
const label = (t: string, w: number) => Buffer.from(`<svg width="${w}" height="18"><rect width="100%" height="100%" fill="#222"/><text x="4" y="14" font-size="13" fill="yellow" font-family="sans-serif">${t}</text></svg>`);
const T = Math.round(2.8 * 0.29 * S * zoom); // a face ~2.8 eye-corner widths, eye-corner width ~.29 of the render
const H = 18 + T + Math.round(T * 0.5 / 1.3) + 4;

async function tile(rgba: Buffer, w: number, h: number, l: ArrayLike<ArrayLike<number>>, name: string) {
  const iod = Math.hypot(l[263]![0]! - l[33]![0]!, l[263]![1]! - l[33]![1]!);
  const cx = (l[263]![0]! + l[33]![0]!) / 2, cy = (l[263]![1]! + l[33]![1]!) / 2 + 0.4 * iod;
  const P = 2000, side = 2.8 * iod;
  const padded = await sharp(rgba, { raw: { width: w, height: h, channels: 4 } }).extend({ top: P, bottom: P, left: P, right: P, background: '#000' }).raw().toBuffer();
  const face = await sharp(padded, { raw: { width: w + 2 * P, height: h + 2 * P, channels: 4 } })
    .extract({ left: Math.round(cx - side / 2) + P, top: Math.round(cy - side / 2) + P, width: Math.round(side), height: Math.round(side) }).resize(T, T).png().toBuffer();
  // the eyes and brows, ~3x of the render: 1.3 x .5 eye-corner widths round the eye line
  const ey = cy - 0.4 * iod - 0.1 * iod;
  const eyes = await sharp(padded, { raw: { width: w + 2 * P, height: h + 2 * P, channels: 4 } })
    .extract({ left: Math.round(cx - 0.65 * iod) + P, top: Math.round(ey - 0.25 * iod) + P, width: Math.round(1.3 * iod), height: Math.round(0.5 * iod) }).resize(T, Math.round(T * 0.5 / 1.3)).png().toBuffer();
  return sharp({ create: { width: T, height: H - 4, channels: 4, background: '#222' } })
    .composite([{ input: label(name, T), top: 0, left: 0 }, { input: face, top: 18, left: 0 }, { input: eyes, top: 18 + T, left: 0 }]).png().toBuffer();
}

const { buildAvatar } = await import(pathToFileURL(path.join(root, 'src/avatar/build.ts')).href);
const { createRenderer } = await import(pathToFileURL(path.join(root, 'src/render/renderer.ts')).href);
const r = createRenderer(buildAvatar(await cachedPortrait(path.join(SHARED_PORTRAITS, opt('--portrait', 'lp_s9.jpg')))), { width: S, height: S });
const n: MotionFrame = r.neutralFrame();
const rows: Buffer[][] = [];
let raw: { lm?: unknown }[] | null = null;
if (video) {
  const { cachedTrack } = await import('./driverTracks.ts');
  raw = await cachedTrack(video, fps, { cache: process.env.REAL3D_CACHE! }) as { lm?: unknown }[];
}
const { landmarkList } = await import('../src/motion/retarget.ts');
const dir = mkdtempSync(path.join(tmpdir(), 'parts-'));
for (const k of picks) {
  const row: Buffer[] = [];
  if (video && raw) {
    const png = path.join(dir, `f${k}.png`);
    execFileSync(FF, ['-v', 'error', '-ss', String((k + 0.5) / fps), '-i', video, '-frames:v', '1', png]);
    const { data, info } = await sharp(png).resize(720, 720, { fit: 'inside', withoutEnlargement: true }).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
    row.push(await tile(data, info.width, info.height, landmarkList(raw[k]!.lm as never), `driver f${k}`));
  }
  const f = frames[k]!;
  const variants: [string, MotionFrame][] = [[`f${k} as is`, f]];
  for (const [g] of GROUPS) {
    if (only && !only.split(',').includes(g)) continue;
    const w: Record<string, number> = { ...f.w };
    const owner = (c: string) => GROUPS.find(([, t]) => t(c))![0];
    for (const c of new Set([...Object.keys(w), ...Object.keys(n.w)])) if (owner(c) === g) w[c] = n.w[c] ?? 0;
    variants.push([`no ${g}`, { ...f, w }]);
  }
  variants.push(['no pose', { ...f, pose: n.pose }], ['rest', n]);
  for (const [name, fr] of variants) row.push(await tile(Buffer.from(r.render(fr).data), S, S, r.landmarks(fr), name));
  rows.push(row);
}
const cols = Math.max(...rows.map((q) => q.length));
await sharp({ create: { width: cols * (T + 4), height: rows.length * H, channels: 4, background: '#111' } })
  .composite(rows.flatMap((q, y) => q.map((t, c) => ({ input: t, top: y * H, left: c * (T + 4) }))))
  .png().toFile(opt('--out', 'parts.png'));
console.log('wrote', opt('--out', 'parts.png'));
