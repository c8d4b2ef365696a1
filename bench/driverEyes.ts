// The video path's eye channels as the face mesh reads them back: a photo driven by the first
// --seconds of a driver track (the motion computed from those frames only, as the product does for
// an 8 s clip), each frame rendered and read, beside the driver's own frames read the same way.
// Per pair: the gaze (measures.ts eyeGazes: each iris with ITS OWN eye's corners, mean x of the two
// eyes; the critic's figures.py paired 468 with 33/133, the other eye) as sd and r, ours [driver];
// each eye's opening (eval/eyes.ts eyeOpenings, the critic's measure) as median / p90 / max, p90 over
// median and r with the driver, and the photo's own rest opening; the listed --frames in full
// (openings L/R, the motion's blink weights, eyeWide, gaze x). Photo and driver may be paths (a driver
// path is tracked once into $REAL3D_CACHE/tracks, bench/driverTracks.ts). --json writes every frame; --crops DIR saves eye crops (driver, ours)
// at --frames for a sheet. Never asserts.
//   node --import tsx bench/driverEyes.ts --pairs lp_s42.jpg:lp_d6.mp4,... [--seconds 8] [--frames 42,184] [--json out.json] [--crops dir] [--off twoEyedStare] [--on stareOverMedian]
import path from 'node:path';
import { SHARED_DATA } from './sharedData.ts';
import { mkdir, writeFile } from 'node:fs/promises';
import { cachedTrack } from './driverTracks.ts';
import { cachedPortrait } from './portraitCache.ts';
import { buildAvatar } from '../src/avatar/build.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { detectFaces } from '../src/face/detect.ts';
import { eyeGazes, type Landmarks } from '../src/motion/measures.ts';
import { motionFramesFromRaw } from '../src/motion/framesFromRaw.ts';
import { eyeOpenings, cropImage } from '../src/eval/eyes.ts';
import { decodeVideoFrames } from '../src/io/media.ts';
import type { RgbaImage } from '../src/types.ts';

const DATA = SHARED_DATA;
const arg = (name: string, dflt: string) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1]! : dflt; };
const pairs = arg('--pairs', 'lp_s42.jpg:lp_d6.mp4').split(',').map((p) => p.split(':') as [string, string]);
const seconds = Number(arg('--seconds', '8'));
const shown = arg('--frames', '').split(',').filter(Boolean).map(Number);
const jsonOut = arg('--json', ''), cropsDir = arg('--crops', '');
/** --off a,b / --on a,b: driver-fit options (retargetOptions.ts) turned off / on, for before / experiment runs on the same checkout */
const offOptions = arg('--off', '').split(',').filter(Boolean), onOptions = arg('--on', '').split(',').filter(Boolean);
const FPS = 25, SIZE = 512;

const unflat = (lm: Float32Array): Landmarks => Array.from({ length: lm.length / 3 }, (_, i) => [lm[i * 3]!, lm[i * 3 + 1]!]);
const copy = (img: RgbaImage): RgbaImage => ({ width: img.width, height: img.height, data: new Uint8ClampedArray(img.data) });
const sd = (a: number[]) => { const m = a.reduce((s, v) => s + v, 0) / a.length; return Math.sqrt(a.reduce((s, v) => s + (v - m) ** 2, 0) / a.length); };
const pct = (a: number[], p: number) => { const s = a.slice().sort((x, y) => x - y); return s[Math.min(s.length - 1, Math.round((p / 100) * (s.length - 1)))] ?? NaN; };
function corr(x: number[], y: number[]): number {
  const mx = x.reduce((s, v) => s + v, 0) / x.length, my = y.reduce((s, v) => s + v, 0) / y.length;
  let xy = 0, xx = 0, yy = 0;
  for (let i = 0; i < x.length; i++) { const a = x[i]! - mx, b = y[i]! - my; xy += a * b; xx += a * a; yy += b * b; }
  return xx > 0 && yy > 0 ? xy / Math.sqrt(xx * yy) : 0;
}
/** The eyes' mean x iris offset (1 = half an eye width), each iris against its own eye's corners. */
const gazeX = (lm: Landmarks) => { const g = eyeGazes(lm); return (g[0][0] + g[1][0]) / 2; };
/** Both eyes' box, 1.3 eye-corner distances wide, 3:1. */
function eyesBox(lm: Landmarks, w: number, h: number): [number, number, number, number] {
  const iod = Math.hypot(lm[263]![0]! - lm[33]![0]!, lm[263]![1]! - lm[33]![1]!);
  const cx = (lm[263]![0]! + lm[33]![0]!) / 2, cy = (lm[263]![1]! + lm[33]![1]!) / 2;
  const bw = Math.round(1.3 * iod), bh = Math.round(bw / 3);
  return [Math.max(0, Math.min(w - bw, Math.round(cx - bw / 2))), Math.max(0, Math.min(h - bh, Math.round(cy - bh / 2))), bw, bh];
}
async function savePng(img: RgbaImage, file: string): Promise<void> {
  const { default: sharp } = await import('sharp');
  await sharp(Buffer.from(img.data.buffer, img.data.byteOffset, img.data.byteLength), { raw: { width: img.width, height: img.height, channels: 4 } }).png().toFile(file);
}
const f3 = (v: number) => v.toFixed(3);

interface Row { i: number; drv: [number, number, number] | null; ours: [number, number, number] | null; blink: number; bl: number; br: number; wideL: number; wideR: number; gx: number }
const all: Record<string, Row[]> = {};
if (cropsDir) await mkdir(cropsDir, { recursive: true });
for (const [photo, driver] of pairs) {
  const video = driver.includes('/') ? driver : path.join(DATA, 'video', driver);
  const raw = (await cachedTrack(driver, FPS)).slice(0, seconds * FPS);
  const { frames } = motionFramesFromRaw(raw, FPS, true, { fit: Object.fromEntries([...offOptions.map((o) => [o, false]), ...onOptions.map((o) => [o, true])]) });
  const photoFile = photo.includes('/') ? photo : path.resolve(DATA, 'portraits', photo);
  const r = createRenderer(buildAvatar(await cachedPortrait(photoFile)), { width: SIZE, height: SIZE });
  const restFace = (await detectFaces(copy(r.render({ w: {}, pose: { yaw: 0, pitch: 0, roll: 0, tx: 0, ty: 0, tz: 0 }, gaze: [0, 0], blink: 0 })), { embedding: false }))[0];
  const restOpen = restFace ? eyeOpenings(restFace.landmarks) : { left: NaN, right: NaN };
  const driverImgs = new Map<number, RgbaImage>();
  if (cropsDir && shown.length) {
    let i = 0;
    for await (const img of decodeVideoFrames(video, { fps: FPS, maxSide: 720, maxFrames: Math.max(...shown) + 1 })) { if (shown.includes(i)) driverImgs.set(i, copy(img)); i++; }
  }
  const rows: Row[] = [];
  for (let i = 0; i < raw.length; i++) {
    const f = frames[i]!;
    const img = copy(r.render(f));
    const face = (await detectFaces(copy(img), { embedding: false }))[0];
    const dlm = raw[i]?.lm ? unflat(raw[i]!.lm!) : null;
    const read = (lm: Landmarks | null): [number, number, number] | null => { if (!lm) return null; const o = eyeOpenings(lm); return [o.left, o.right, gazeX(lm)]; };
    rows.push({ i, drv: read(dlm), ours: read(face?.landmarks ?? null), blink: f.blink, bl: f.w.eyeBlinkLeft ?? 0, br: f.w.eyeBlinkRight ?? 0, wideL: f.w.eyeWideLeft ?? 0, wideR: f.w.eyeWideRight ?? 0, gx: f.gaze[0] });
    if (cropsDir && shown.includes(i) && face && dlm && driverImgs.has(i)) {
      const tag = `${photo.replace(/\.\w+$/, '').replace(/.*\//, '')}_${driver.replace(/\.mp4$/, '').replace(/.*\//, '')}_f${i}`;
      const v = driverImgs.get(i)!;
      await savePng(cropImage(v, eyesBox(dlm, v.width, v.height)), path.join(cropsDir, `drv_${tag}.png`));
      await savePng(cropImage(img, eyesBox(face.landmarks, SIZE, SIZE)), path.join(cropsDir, `ours_${tag}.png`));
    }
  }
  all[`${photo}:${driver}`] = rows;
  const both = rows.filter((q) => q.drv && q.ours);
  const g = (k: 'drv' | 'ours') => both.map((q) => q[k]![2]);
  console.log(`\n${photo} <- ${driver}: ${both.length}/${rows.length} frames read; photo's own opening L/R ${f3(restOpen.left)}/${f3(restOpen.right)}`);
  console.log(`  gaze x sd ours ${f3(sd(g('ours')))} [driver ${f3(sd(g('drv')))}]  ratio ${(sd(g('ours')) / sd(g('drv'))).toFixed(2)}  r ${corr(g('ours'), g('drv')).toFixed(2)}`);
  for (const [side, k] of [['L', 0], ['R', 1]] as const) {
    const o = both.map((q) => q.ours![k]), d = both.map((q) => q.drv![k]);
    const own = k === 0 ? restOpen.left : restOpen.right;
    console.log(`  eye ${side}: median ${f3(pct(o, 50))} [${f3(pct(d, 50))}]  p90 ${f3(pct(o, 90))} [${f3(pct(d, 90))}]  max ${f3(Math.max(...o))} [${f3(Math.max(...d))}]  p90/median ours ${(pct(o, 90) / pct(o, 50)).toFixed(2)} [${(pct(d, 90) / pct(d, 50)).toFixed(2)}]  r ${corr(o, d).toFixed(2)}`);
  }
  for (const i of shown) {
    const q = rows[i];
    if (!q) continue;
    const s = (t: [number, number, number] | null) => (t ? `${f3(t[0])}/${f3(t[1])}` : 'none');
    console.log(`  f${i}: ours ${s(q.ours)} [driver ${s(q.drv)}]  blink ${f3(q.blink)} own L/R ${f3(q.bl)}/${f3(q.br)} wide ${f3(q.wideL)}/${f3(q.wideR)} gaze ${q.gx.toFixed(2)}`);
  }
}
if (jsonOut) await writeFile(jsonOut, JSON.stringify(all));
