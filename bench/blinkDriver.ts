// Real driver blinks in video mode: per driver, the frames where the driver's eyes are most shut
// (lid gaps against the clip's median, tracks cached at 10 fps by bench/driverTracks.ts), the driver's
// eyes | ours at that frame from this checkout | (--base dir) ours from another checkout's renderer,
// for before/after sheets. Prints each eye's opening read back by the face mesh (shut/open, as
// bench/blink.ts: ours over our own frame at the driver's most open moment). Never asserts.
//   node --import tsx bench/blinkDriver.ts out.png [--drivers WDA_KatieHill_000.mp4,lp_d6.mp4] [--photo lp_s2.jpg] [--base /tmp/old-checkout] [--blinks 2] [--seconds 8]
import path from 'node:path';
import { writeFile } from 'node:fs/promises';
import { cachedTrack } from './driverTracks.ts';
import { cachedPortrait } from './portraitCache.ts';
import { buildAvatar } from '../src/avatar/build.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { detectFaces } from '../src/face/detect.ts';
import { motionFramesFromRaw } from '../src/motion/framesFromRaw.ts';
import { decodeVideoFrames } from '../src/io/media.ts';
import { cropImage, eyeOpenings, labelledGrid, type GridCell } from '../src/eval/eyes.ts';
import type { RgbaImage } from '../src/types.ts';
import { SHARED_DATA } from './sharedData.ts';

const DATA = SHARED_DATA;
const arg = (name: string, dflt: string) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1]! : dflt; };
const out = process.argv[2];
if (!out || out.startsWith('--')) throw new Error('usage: node --import tsx bench/blinkDriver.ts out.png [--drivers a.mp4,b.mp4] [--photo lp_s2.jpg] [--base dir] [--blinks 2] [--seconds 8]');
const drivers = arg('--drivers', 'WDA_KatieHill_000.mp4,lp_d6.mp4').split(',');
const photo = arg('--photo', 'lp_s2.jpg');
const base = process.argv.includes('--base') ? arg('--base', '') : undefined;
const BLINKS = Number(arg('--blinks', '2')), seconds = Number(arg('--seconds', '8'));
// 25 fps as the product tracks (at 10 fps a blink is one frame, which the blink channel's median drops)
const FPS = 25, SIZE = 512;
type Lm = ArrayLike<ArrayLike<number>>;
const copy = (img: RgbaImage): RgbaImage => ({ width: img.width, height: img.height, data: new Uint8ClampedArray(img.data) });
const median = (a: number[]) => { const s = a.slice().sort((p, q) => p - q); return s[s.length >> 1] ?? 0; };
/** Both eyes' box with a margin of 0.15 eye-corner distances. */
function eyesBox(lm: Lm, w: number, h: number): [number, number, number, number] {
  const iod = Math.hypot(lm[263]![0]! - lm[33]![0]!, lm[263]![1]! - lm[33]![1]!);
  const xs = [33, 133, 263, 362].map((i) => lm[i]![0]!), cy = [33, 133, 263, 362].reduce((s, i) => s + lm[i]![1]!, 0) / 4;
  const x = Math.max(0, Math.round(Math.min(...xs) - 0.15 * iod)), w0 = Math.round(Math.max(...xs) - Math.min(...xs) + 0.3 * iod);
  const y = Math.max(0, Math.round(cy - 0.2 * iod));
  return [x, y, Math.min(w - x, w0), Math.min(h - y, Math.round(0.4 * iod))];
}

// the renderers to compare: this checkout's and, with --base, another checkout's (same portrait analysis)
const portrait = await cachedPortrait(path.join(DATA, 'portraits', photo));
const renderers: { label: string; render: (f: any) => RgbaImage }[] = [{ label: 'ours', render: createRenderer(buildAvatar(portrait), { width: SIZE, height: SIZE }).render }];
if (base) {
  const b = await import(path.join(base, 'src/avatar/build.ts'));
  const rr = await import(path.join(base, 'src/render/renderer.ts'));
  renderers.unshift({ label: 'before', render: rr.createRenderer(b.buildAvatar(portrait), { width: SIZE, height: SIZE }).render });
  renderers[1]!.label = 'after';
}
const rows: GridCell[][] = [];
const rowLabels: string[] = [];
for (const driver of drivers) {
  const raw = (await cachedTrack(driver, FPS)).slice(0, seconds * FPS);
  const { frames } = motionFramesFromRaw(raw, FPS, true);
  const open = raw.map((r) => (r ? (r.m.eyeLeft + r.m.eyeRight) / 2 : NaN));
  const med = median(open.filter((v) => !Number.isNaN(v)));
  // the most shut frames, one per blink (frames at least 10 apart), and the most open one as reference
  const order = open.map((v, i) => [Number.isNaN(v) ? Infinity : v, i] as [number, number]).sort((a, b) => a[0] - b[0]);
  const picks: number[] = [];
  for (const [, i] of order) { if (frames[i] && picks.every((p) => Math.abs(p - i) >= 10)) picks.push(i); if (picks.length === BLINKS) break; }
  const openAt = order.filter(([v, i]) => Number.isFinite(v) && frames[i]).at(-1)![1];
  const video: RgbaImage[] = [];
  for await (const img of decodeVideoFrames(path.join(DATA, 'video', driver), { fps: FPS, maxSide: 720, maxFrames: Math.max(...picks, openAt) + 1 })) video.push(copy(img));
  for (const i of picks) {
    const v = video[i], lm = raw[i]?.lm;
    if (!v || !lm) continue;
    const vlm = Array.from({ length: lm.length / 3 }, (_, k) => [lm[k * 3]!, lm[k * 3 + 1]!]);
    const row: GridCell[] = [{ label: `${driver.replace('.mp4', '')} ${(i / FPS).toFixed(1)}s eyes ${(open[i]! / med).toFixed(2)} of median`, image: cropImage(v, eyesBox(vlm, v.width, v.height)) }];
    for (const r of renderers) {
      const img = copy(r.render(frames[i]!)), ref = copy(r.render(frames[openAt]!));
      const [f, fo] = [(await detectFaces(img, { embedding: false }))[0], (await detectFaces(ref, { embedding: false }))[0]];
      if (!f || !fo) { row.push({ label: `${r.label}: no face`, image: img }); continue; }
      const s = eyeOpenings(f.landmarks), o = eyeOpenings(fo.landmarks);
      const ratio = `${(s.right / o.right).toFixed(2)} / ${(s.left / o.left).toFixed(2)}`;
      console.log(`${driver} ${(i / FPS).toFixed(1)}s driver ${(open[i]! / med).toFixed(2)} of median; ${r.label} read-back shut/open ${ratio}`);
      row.push({ label: `${r.label}: read-back ${ratio}`, image: cropImage(img, eyesBox(f.landmarks, SIZE, SIZE)) });
    }
    rows.push(row);
    rowLabels.push(photo);
  }
}
await writeFile(out, await labelledGrid(rows, { title: `driver blinks in video mode: driver | ${renderers.map((r) => r.label).join(' | ')} (eyes; read-back = shut / open opening, face mesh)`, cellW: 420, cellH: 110 }));
console.log('sheet:', out);
