// A portrait driven by a video (cross-reenactment) or by speech/song audio: the mouth at the most
// open frames of the motion, 3x, one row per checkout (before/after), no ground truth.
//   node --import tsx bench/mouthDriven.ts --portrait lp_s42.jpg (--video lp_d0.mp4 | --audio imagine.wav) [--root a,b] [--n 8] [--seconds 8] [--frames i,j] [--out x.png]
// The motion is cached in $REAL3D_TRACKS (default /tmp/real3d-tracks).
import path from 'node:path';
import { existsSync, mkdirSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { mouthBox, mouthTile, stack, strip } from './mouthTiles.ts';
import { analyzePortrait } from '../src/analyze/index.ts';
import { motionFromVideo } from '../src/motion/fromVideo.ts';
import { motionFromAudio } from '../src/motion/fromAudio.ts';
import { SHARED_DATA } from './sharedData.ts';

const args = process.argv.slice(2);
const opt = (name: string, dflt: string) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1]! : dflt; };
const D = SHARED_DATA;
const portraitFile = path.resolve(`${D}/portraits`, opt('--portrait', 'lp_s42.jpg'));
const video = opt('--video', ''), audio = opt('--audio', '');
const roots = opt('--root', path.resolve(import.meta.dirname, '..')).split(',').map((r) => path.resolve(r));
const N = Number(opt('--n', '8')), seconds = Number(opt('--seconds', '8'));
const TRACKS = process.env.REAL3D_TRACKS ?? '/tmp/real3d-tracks';
mkdirSync(TRACKS, { recursive: true });
const drive = video ? path.resolve(`${D}/video`, video) : path.resolve(`${D}/audio`, audio);
const tag = `${path.basename(portraitFile).replace(/\.\w+$/, '')}-${path.basename(drive).replace(/\.\w+$/, '')}`;
const out = opt('--out', `/tmp/mouthDriven-${tag}.png`);
const ZOOM = 3, SIZE = 512;

const motionFile = `${TRACKS}/driven-${path.basename(drive)}.json`;
const frames = existsSync(motionFile) ? JSON.parse(await readFile(motionFile, 'utf8')).frames
  : (video ? await motionFromVideo(drive, { fps: 25, maxSeconds: seconds, mapToInitPose: true }) : await motionFromAudio(drive, { fps: 25, pose: 'static', seed: 0 })).frames;
if (!existsSync(motionFile)) await writeFile(motionFile, JSON.stringify({ frames }));
// the N most open frames, at least 5 frames apart, in time order
const order = frames.map((f: { w: Record<string, number> }, i: number) => [f.w.jawOpen ?? 0, i] as [number, number]).filter(([, i]: [number, number]) => i < seconds * 25).sort((a: [number, number], b: [number, number]) => b[0] - a[0]);
const picked: number[] = [];
for (const [, i] of order) { if (picked.every((p) => Math.abs(p - i) >= 5)) picked.push(i); if (picked.length === N) break; }
picked.sort((a, b) => a - b);
// (or the frames asked for: --frames 40,82)
const asked = opt('--frames', '');
if (asked) picked.splice(0, picked.length, ...asked.split(',').map(Number));
const portrait = await analyzePortrait(portraitFile);
const rows: Buffer[] = [];
let side = 0, left = 0, top = 0;
for (const [ri, root] of roots.entries()) {
  const { buildAvatar } = await import(path.join(root, 'src/avatar/build.ts'));
  const { createRenderer } = await import(path.join(root, 'src/render/renderer.ts'));
  const r = createRenderer(buildAvatar(portrait), { width: SIZE, height: SIZE });
  const n = r.neutralFrame();
  if (ri === 0) {
    ({ side, left, top } = mouthBox(r.landmarks(n), 1.6, 0.4));
  }
  const tiles = [];
  for (const i of picked) {
    const img = r.render(frames[i]);
    tiles.push(await mouthTile(img.data, SIZE, { left, top, side }, ZOOM));
  }
  rows.push(await strip(tiles, side * ZOOM));
}
await stack(rows, side * ZOOM * picked.length, side * ZOOM, out);
console.log(`wrote ${out}: frames ${picked.join(',')} (jawOpen ${picked.map((i) => (frames[i].w.jawOpen ?? 0).toFixed(2)).join(',')}); rows ${roots.map((r) => path.basename(r)).join(', ')}`);
