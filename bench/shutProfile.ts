// The shut lid across its line (readback50, s50): real shut eyes (train clips' blink frames, the eye's frame from an
// open frame of the same clip, bench/lidProfile.ts REAL) beside our blink-1 renders (the frame from the photo's face
// mesh). Per eye, middle columns (u .35-.65), luma in rows .02 eye widths apart from .1 over the open upper lid to .12
// under the open lower lid; printed: where the darkest row (the shut line) lies between the open eye's lids (t: 0 upper,
// 1 lower lid), and the lid's light toward the line: `near` = rows .04-.08 over the line, `top` = rows .14-.22 over it,
// each over the line's depth (0 = as dark as the line, 1 = as light as the lid's lightest row over the line).
// Real shut lids are flat and darken over their last ~.1 into the line (near < top); ours are lightest just over it.
// Never asserts.
//   node --import tsx bench/shutProfile.ts [--only lp_s9.jpg,...] [--real clip.mp4:shut:open,...] [--no-real]
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { eyeFrame, luma, REAL, EYES, type EyeFrame } from './lidProfile.ts';
import { cachedPortrait } from './portraitCache.ts';
import { buildAvatar } from '../src/avatar/build.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { detectFaces } from '../src/face/detect.ts';
import { videoFrameAt } from '../src/io/media.ts';
import type { RgbaImage } from '../src/types.ts';
import { SHARED_DATA } from './sharedData.ts';

const arg = (name: string) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : undefined; };
const STEP = 0.02;
const copy = (img: RgbaImage): RgbaImage => ({ width: img.width, height: img.height, data: new Uint8ClampedArray(img.data) });

/** One eye's profile across the line and its figures. */
export function lineProfile(shut: RgbaImage, f: EyeFrame): { t: number; near: number; top: number; rows: number[] } {
  const vs: number[] = [], rows: number[] = [];
  for (let v = f.up - 0.1; v <= f.low + 0.12 + 1e-6; v += STEP) {
    vs.push(v);
    rows.push(luma(shut, f, (u, vv) => u > 0.35 && u < 0.65 && Math.abs(vv - v) < STEP * 0.6));
  }
  let k = -1;
  rows.forEach((l, i) => { if (Number.isFinite(l) && (k < 0 || l < rows[k]!)) k = i; });
  const line = rows[k]!, over = (a: number, b: number) => rows.filter((l, i) => Number.isFinite(l) && vs[k]! - vs[i]! >= a - 1e-6 && vs[k]! - vs[i]! <= b + 1e-6);
  const lightest = Math.max(...over(0.02, 0.3));
  const share = (a: number, b: number) => { const r = over(a, b); return (r.reduce((s, l) => s + l, 0) / r.length - line) / Math.max(1, lightest - line); };
  return { t: (vs[k]! - f.up) / (f.low - f.up), near: share(0.04, 0.08), top: share(0.14, 0.22), rows };
}

const fmt = (p: ReturnType<typeof lineProfile>) => `t ${p.t.toFixed(2)} near ${p.near.toFixed(2)} top ${p.top.toFixed(2)}`;
const med = (a: number[]) => { const s = [...a].sort((x, y) => x - y); return (s[(s.length - 1) >> 1]! + s[s.length >> 1]!) / 2; };
const face = async (img: RgbaImage) => (await detectFaces(copy(img), { embedding: false }))[0]?.landmarks;

async function main(): Promise<void> {
  const real: ReturnType<typeof lineProfile>[] = [], ours: ReturnType<typeof lineProfile>[] = [];
  if (!process.argv.includes('--no-real')) {
    const extra = (arg('--real') ?? '').split(',').filter(Boolean).map((s) => { const [c, a, b] = s.split(':'); return [c!, Number(a), Number(b)] as [string, number, number]; });
    for (const [clip, shutAt, openAt] of [...REAL, ...extra]) {
      const file = path.join(SHARED_DATA, 'train', 'clips', clip);
      const shut = await videoFrameAt(file, shutAt), open = await videoFrameAt(file, openAt);
      const ls = await face(shut), lo = await face(open);
      if (!ls || !lo) { console.log(clip, 'no face'); continue; }
      const ps = EYES.map((e) => lineProfile(shut, eyeFrame(ls, lo, e)));
      real.push(...ps);
      console.log(`real ${clip.padEnd(30)} ${ps.map(fmt).join('  |  ')}`);
    }
  }
  const only = arg('--only')?.split(',') ?? ['lp_s1.jpg', 'lp_s2.jpg', 'lp_s9.jpg', 'st_art_1.png', 'st_happy.png', 'mt_man.png', 'lp_s12.jpg', 'st_full_body_1.png'];
  for (const file of only) {
    const p = await cachedPortrait(path.join(SHARED_DATA, 'portraits', file));
    const r = createRenderer(buildAvatar(p), { width: p.image.width, height: p.image.height });
    const n = r.neutralFrame();
    const shut = copy(r.render({ ...n, w: { ...n.w, eyeBlinkLeft: 1, eyeBlinkRight: 1 } }));
    const lo = await face(p.image);
    if (!lo) { console.log(file, 'no face'); continue; }
    const ps = EYES.map((e) => lineProfile(shut, eyeFrame(lo, lo, e)));
    ours.push(...ps);
    console.log(`ours ${file.padEnd(30)} ${ps.map(fmt).join('  |  ')}`);
  }
  for (const [name, set] of [['real', real], ['ours', ours]] as const) {
    if (set.length) console.log(`${name} medians over ${set.length} eyes: t ${med(set.map((p) => p.t)).toFixed(2)}, near ${med(set.map((p) => p.near)).toFixed(2)}, top ${med(set.map((p) => p.top)).toFixed(2)}`);
  }
}

// run as a script only (test/shutProfile.test.ts imports lineProfile)
if (import.meta.url === pathToFileURL(process.argv[1]!).href) await main();
