// The head translation a driving video gives the photo, with the camera's drift taken out and without: per driver
// (cached 25 fps track, bench/driverTracks.ts) the sd and range of tx / ty / tz (face widths) and the rotations' sd
// (which the rules must not touch), and the largest slide of the face over the clip.
// --sheet: renders frames of each motion on --portrait beside the driver's frame (1x) into --out. Never asserts.
// Before = the translation as read (the depth's turn rule on; BEFORE=raw: off too); after = the scene camera's shift
// out (sceneCamera.ts, on by default; 'scene unreadable' when it is not read and after = before); drift = drift54's
// running median (steadyCamera.ts, STEADY_CAMERA_SECONDS, as generate --steady-camera 1 asks).
// --motions DIR: writes each driver's motions (NAME.before.json / NAME.after.json / NAME.drift.json) for other benches.
// --plot PNG: per driver a strip of tx and ty over time (before grey, after white, drift red, the camera's shift green).
//   node --import tsx bench/steadyCamera.ts [--fps 25] [--seconds 8] [--motions DIR] [--plot p.png] [--portrait lp_s9.jpg --frames 0,20,43,73 [--cell 512] --out x.png] VIDEO...
import path from 'node:path';
import { writeFile } from 'node:fs/promises';
import sharp from 'sharp';
import { cachedTrack } from './driverTracks.ts';
import { videoMotionFromRaw } from '../src/motion/fromVideo.ts';
import { standardDeviation as sd } from '../src/math/stats.ts';
import type { Motion } from '../src/types.ts';
import { pearson } from '../src/motion/filters.ts';
import { STEADY_CAMERA_SECONDS } from '../src/motion/steadyCamera.ts';
import { readCameraPath, type CameraPath } from '../src/motion/sceneCamera.ts';
import { SHARED_DATA } from './sharedData.ts';

const args = process.argv.slice(2);
const opt = (n: string, d: string) => { const i = args.indexOf(n); return i >= 0 ? args[i + 1]! : d; };
const FPS = Number(opt('--fps', '25')), SECONDS = Number(opt('--seconds', '8'));
const videos = args.filter((a, k) => !a.startsWith('--') && !args[k - 1]?.startsWith('--'));

const axes = ['tx', 'ty', 'tz'] as const, turns = ['yaw', 'pitch', 'roll'] as const;
const range = (a: number[]) => Math.max(...a) - Math.min(...a);
const series = (m: Motion, k: (typeof axes)[number] | (typeof turns)[number]) => m.frames.map((f) => (f.pose as Record<string, number>)[k] ?? 0);

const videoPath = (v: string) => (v.startsWith('/') ? v : path.join(SHARED_DATA, 'video', v));

export async function steadyPair(video: string): Promise<{ before: Motion; after: Motion; drift: Motion; camera?: CameraPath }> {
  const raw = (await cachedTrack(video, FPS)).slice(0, Math.round(SECONDS * FPS));
  const o = { fps: FPS, mapToInitPose: true, maxSide: 720 };
  const before = process.env.BEFORE === 'raw' ? { steadyCamera: 0, depthThroughTurn: false } : { steadyCamera: 0 };
  const camera = await readCameraPath(videoPath(video), raw, o);
  return {
    before: videoMotionFromRaw(raw, video, { ...o, ...before }),
    after: videoMotionFromRaw(raw, video, { ...o, ...before, ...(camera ? { camera } : {}) }),
    drift: videoMotionFromRaw(raw, video, { ...o, steadyCamera: STEADY_CAMERA_SECONDS }),
    ...(camera ? { camera } : {}),
  };
}

const sheetRows: { video: string; before: Motion; after: Motion }[] = [];
const plots: { video: string; before: Motion; after: Motion; drift: Motion; camera?: CameraPath; faceWidth: number }[] = [];
for (const video of videos) {
  const { before, after, drift, camera } = await steadyPair(video);
  const first = (await cachedTrack(video, FPS)).find((r) => r)!;
  plots.push({ video, before, after, drift, ...(camera ? { camera } : {}), faceWidth: first.m.scale * 1.6 });
  if (!camera) console.log(`${path.basename(video).padEnd(22)} scene unreadable: after = before`);
  const fig = (m: Motion) => axes.map((k) => `${k} ${sd(series(m, k)).toFixed(3)}/${range(series(m, k)).toFixed(3)}`).join(' ');
  const rot = (m: Motion) => turns.map((k) => `${k} ${sd(series(m, k)).toFixed(2)}`).join(' ');
  const slide = (m: Motion) => Math.max(...m.frames.map((f) => Math.hypot(f.pose.tx ?? 0, f.pose.ty ?? 0))).toFixed(3);
  const turnR = (m: Motion) => pearson(series(m, 'tz'), series(m, 'yaw').map(Math.abs)).toFixed(2);
  console.log(`${path.basename(video).padEnd(22)} tz~|yaw| r ${turnR(before)} -> ${turnR(after)}`);
  console.log(`${path.basename(video).padEnd(22)} ${before.frames.length} fr | sd/range before ${fig(before)} slide ${slide(before)} | after ${fig(after)} slide ${slide(after)} | drift ${fig(drift)} slide ${slide(drift)} | rot before ${rot(before)} after ${rot(after)}`);
  const dir = opt('--motions', '');
  if (dir) for (const [tag, m] of [['before', before], ['after', after], ['drift', drift]] as const) await writeFile(path.join(dir, `${path.basename(video, '.mp4')}.${tag}.json`), JSON.stringify(m));
  sheetRows.push({ video, before, after });
}

const plotOut = opt('--plot', '');
if (plotOut) {
  // per driver two strips (tx, ty), 2 px per frame, +-0.25 face widths over the strip's height
  const W = 2 * Math.max(...plots.map((p) => p.before.frames.length)), H = 120, img = Buffer.alloc(W * H * 2 * plots.length * 3, 24);
  const dot = (row: number, x: number, v: number, rgb: [number, number, number]) => {
    const y = Math.round(H / 2 - (v / 0.25) * (H / 2));
    if (y < 0 || y >= H) return;
    const k = ((row * H + y) * W + x) * 3;
    img[k] = rgb[0]; img[k + 1] = rgb[1]; img[k + 2] = rgb[2];
  };
  plots.forEach((p, q) => {
    for (const [a, axis] of (['tx', 'ty'] as const).entries()) {
      const row = 2 * q + a;
      for (let x = 0; x < W; x++) dot(row, x, 0, [70, 70, 70]);
      p.before.frames.forEach((f, i) => {
        const cam = p.camera ? (axis === 'tx' ? p.camera.dx[i]! : p.camera.dy[i]!) / p.faceWidth : 0;
        for (const [m, rgb] of [[p.drift, [230, 60, 60]], [p.before, [150, 150, 150]], [p.after, [255, 255, 255]]] as const) dot(row, 2 * i, (m.frames[i]!.pose as Record<string, number>)[axis] ?? 0, rgb as [number, number, number]);
        dot(row, 2 * i + 1, cam, [60, 220, 60]);
      });
    }
  });
  await sharp(img, { raw: { width: W, height: H * 2 * plots.length, channels: 3 } }).png().toFile(plotOut);
  console.log(`wrote ${plotOut}: per driver (${plots.map((p) => path.basename(p.video)).join(', ')}) a tx strip then a ty strip, +-.25 face widths; before grey, after white, drift red, camera green`);
}

const portraitName = opt('--portrait', '');
if (portraitName) {
  const { cachedPortrait } = await import('./portraitCache.ts');
  const { buildAvatar } = await import('../src/avatar/build.ts');
  const { createRenderer } = await import('../src/render/renderer.ts');
  const { decodeVideoFrames } = await import('../src/io/decodeVideo.ts');
  const { SHARED_PORTRAITS } = await import('./sharedData.ts');
  const r = createRenderer(buildAvatar(await cachedPortrait(portraitName.startsWith('/') ? portraitName : path.join(SHARED_PORTRAITS, portraitName))), { width: 512, height: 512 });
  const picked = opt('--frames', '0,20,43,73').split(',').map(Number), CELL = Number(opt('--cell', '256'));
  const png = (d: Uint8ClampedArray | Uint8Array, w: number, h: number) => sharp(Buffer.from(d.buffer, d.byteOffset, d.byteLength), { raw: { width: w, height: h, channels: 4 } }).resize(CELL, CELL, { fit: 'cover' }).png().toBuffer();
  const tiles: { input: Buffer; left: number; top: number }[] = [];
  let row = 0;
  for (const { video, before, after } of sheetRows) {
    let k = 0;
    const shots = new Map<number, Buffer>();
    for await (const fr of decodeVideoFrames(videoPath(video), { fps: FPS, maxSide: 512, maxFrames: Math.max(...picked) + 1 })) {
      if (picked.includes(k)) shots.set(k, await png(fr.data, fr.width, fr.height));
      k++;
    }
    for (const [c, i] of picked.entries()) {
      const y = (row * picked.length + c) * (CELL + 2);
      if (shots.has(i)) tiles.push({ input: shots.get(i)!, left: 0, top: y });
      for (const [q, m] of [before, after].entries()) {
        const img = r.render(m.frames[Math.min(i, m.frames.length - 1)]!);
        tiles.push({ input: await png(img.data, img.width, img.height), left: (q + 1) * (CELL + 2), top: y });
      }
    }
    row++;
  }
  const out = opt('--out', '/tmp/steadyCamera.png');
  await sharp({ create: { width: 3 * (CELL + 2), height: row * picked.length * (CELL + 2), channels: 3, background: '#000' } }).composite(tiles).png().toFile(out);
  console.log(`wrote ${out}: one row per frame: driver | before | after (${picked.join(', ')})`);
}
