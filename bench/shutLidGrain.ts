// The shut lid's grain against the cheek's beside it (lids40), on our blink-1 renders and on real shut eyes.
// Per eye, in the eye frame (u along the corners, v across, eye widths): the lid band v -.24..-.1 over the
// corners' line and the cheek band v .35..6 under it, both u .2-.8; grain = the robust spread (1.4826 x
// median |hp|) of the luma's high-pass (luma minus its [1 2 1]^2 blur), and the ratio lid / cheek. A real
// shut lid is skin like the cheek (ratio near 1); a smooth patch reads low. Ours: both blinks at 1, the
// rendered mesh's corners (renderer.landmarks), 512 px. Real: the driver frames where both eyes' openings
// are lowest in the cached 25 fps track (under .35 of the clip's median), the face mesh's corners on the
// frame. Never asserts.
//   node --import tsx bench/shutLidGrain.ts [--only st_full_body_1.png,...] [--real lp_d6.mp4,lp_d10.mp4,lp_d11.mp4] [--frames 3]
import path from 'node:path';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { cachedPortrait } from './portraitCache.ts';
import { buildAvatar } from '../src/avatar/build.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { detectFaces } from '../src/face/detect.ts';
import { decodeVideoFrames } from '../src/io/media.ts';
import { SHARED_DATA } from './sharedData.ts';
import type { RgbaImage } from '../src/types.ts';

const arg = (name: string, d: string) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1]! : d; };
const ONLY = arg('--only', 'st_full_body_1.png,lp_s12.jpg,lp_s7.jpg,st_happy.png,lp_s10.jpg,mt_man.png,st_art_1.png').split(',').filter(Boolean);
const REAL = arg('--real', 'lp_d6.mp4,lp_d10.mp4,lp_d11.mp4').split(',').filter(Boolean);
const PER_CLIP = Number(arg('--frames', '3'));
const LID = [-0.24, -0.1] as const, CHEEK = [0.35, 0.6] as const, U = [0.2, 0.8] as const;
const CORNERS = [[33, 133], [263, 362]] as const;

/** Luma of an RGBA image and its high-pass (luma minus the [1 2 1]^2 blur). */
function highPass(img: RgbaImage): Float32Array {
  const { width: W, height: H, data } = img;
  const l = new Float32Array(W * H);
  for (let i = 0; i < W * H; i++) l[i] = 0.299 * data[i * 4]! + 0.587 * data[i * 4 + 1]! + 0.114 * data[i * 4 + 2]!;
  const hp = new Float32Array(W * H);
  for (let y = 1; y < H - 1; y++) for (let x = 1; x < W - 1; x++) {
    let s = 0;
    for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) s += (dx ? 1 : 2) * (dy ? 1 : 2) * l[(y + dy) * W + x + dx]!;
    hp[y * W + x] = l[y * W + x]! - s / 16;
  }
  return hp;
}

/** Robust spread of the high-pass over one band of one eye (u, v ranges in the eye frame from the corners). */
function bandGrain(hp: Float32Array, W: number, H: number, a: readonly number[], b: readonly number[], vr: readonly number[]): number {
  const ux = b[0]! - a[0]!, uy = b[1]! - a[1]!, ew = Math.hypot(ux, uy);
  // v points down the face: the corners' line's normal with positive image y
  let vx = -uy, vy = ux;
  if (vy < 0) { vx = -vx; vy = -vy; }
  const vals: number[] = [];
  const steps = Math.max(8, Math.round(ew));
  for (let i = 0; i <= steps; i++) for (let j = 0; j <= steps; j++) {
    const u = U[0] + ((U[1] - U[0]) * i) / steps, v = vr[0]! + ((vr[1]! - vr[0]!) * j) / steps;
    const x = Math.round(a[0]! + u * ux + v * vx), y = Math.round(a[1]! + u * uy + v * vy);
    if (x < 1 || y < 1 || x >= W - 1 || y >= H - 1) continue;
    vals.push(Math.abs(hp[y * W + x]!));
  }
  vals.sort((p, q) => p - q);
  return 1.4826 * (vals[vals.length >> 1] ?? NaN);
}

/** Per eye (image-left, image-right): lid grain, cheek grain, ratio. */
function eyeGrains(img: RgbaImage, lm: readonly (readonly number[])[]): { lid: number; cheek: number; ratio: number }[] {
  const hp = highPass(img);
  return CORNERS.map(([o, n]) => {
    const a = lm[o]!, b = lm[n]!;
    // the outer corner first for both eyes does not matter for the bands (u .2-.8 is symmetric)
    const lid = bandGrain(hp, img.width, img.height, a, b, LID), cheek = bandGrain(hp, img.width, img.height, a, b, CHEEK);
    return { lid, cheek, ratio: lid / cheek };
  });
}
const fmt = (g: { lid: number; cheek: number; ratio: number }[]) => g.map((e) => `${e.lid.toFixed(2)}/${e.cheek.toFixed(2)} = ${e.ratio.toFixed(2)}`).join('   ');

console.log('shut lid grain / cheek grain (robust high-pass spread, luma), image-left eye   image-right eye');
const ratios: number[] = [];
for (const file of ONLY) {
  const avatar = buildAvatar(await cachedPortrait(path.join(SHARED_DATA, 'portraits', file)));
  const r = createRenderer(avatar, { width: 512, height: 512 });
  const n = r.neutralFrame();
  const f = { ...n, w: { ...n.w, eyeBlinkLeft: 1, eyeBlinkRight: 1 } };
  const g = eyeGrains(r.render(f), r.landmarks(f));
  ratios.push(...g.map((e) => e.ratio));
  console.log(`ours ${file.padEnd(20)} ${fmt(g)}`);
}
const med = (v: number[]) => [...v].sort((a, b) => a - b)[v.length >> 1] ?? NaN;
if (ratios.length) console.log(`ours median ratio ${med(ratios).toFixed(2)} over ${ratios.length} eyes`);

const real: number[] = [];
const cache = process.env.REAL3D_CACHE ?? '';
for (const clip of REAL) {
  const tf = existsSync(path.join(cache, 'tracks')) ? readdirSync(path.join(cache, 'tracks')).find((t) => t.startsWith(`${clip}.25fps.`)) : undefined;
  if (!tf) { console.log(`real ${clip}: no cached 25 fps track`); continue; }
  const track = JSON.parse(readFileSync(path.join(cache, 'tracks', tf), 'utf8')) as ({ m?: { eyeLeft?: number; eyeRight?: number } } | null)[];
  const open = track.map((t) => (t?.m?.eyeLeft !== undefined && t.m.eyeRight !== undefined ? Math.max(t.m.eyeLeft, t.m.eyeRight) : NaN));
  const m = med(open.filter(Number.isFinite));
  // the lowest frame of each run under .35 of the median, up to PER_CLIP runs
  const picks: number[] = [];
  for (let i = 0; i < open.length && picks.length < PER_CLIP; i++) {
    if (!(open[i]! < 0.35 * m)) continue;
    let best = i;
    while (i + 1 < open.length && open[i + 1]! < 0.35 * m) { i++; if (open[i]! < open[best]!) best = i; }
    picks.push(best);
  }
  if (!picks.length) { console.log(`real ${clip}: no shut frame`); continue; }
  const want = new Set(picks);
  let k = 0;
  for await (const img of decodeVideoFrames(path.join(SHARED_DATA, 'video', clip), { fps: 25, maxSide: 720, maxFrames: Math.max(...picks) + 1 })) {
    if (want.has(k)) {
      const frame = { ...img, data: new Uint8ClampedArray(img.data) };
      const face = (await detectFaces(frame, { embedding: false }))[0];
      if (face) {
        const g = eyeGrains(frame, face.landmarks as unknown as number[][]);
        real.push(...g.map((e) => e.ratio));
        console.log(`real ${clip} f${k} (opening ${(open[k]! / m).toFixed(2)} of median) ${fmt(g)}`);
      }
    }
    k++;
  }
}
if (real.length) console.log(`real median ratio ${med(real).toFixed(2)} over ${real.length} eyes`);
