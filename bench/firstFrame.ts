// Which part of a self-reenactment's motion moves the mouth away from the photo: frame N of the
// video motion rendered whole, with its pose only, and with each group of controls alone, scored
// as mouth-box PSNR against the avatar at rest (the photo). At frame 1 the real frame is nearly the
// photo (Obama 2: 52.7 dB), so anything far below that is the motion's doing.
//   node --import tsx bench/firstFrame.ts obama2 [1,5,10]
import { existsSync } from 'node:fs';
import { decodeVideoFrames } from '../src/io/media.ts';
import { analyzePortrait } from '../src/analyze/index.ts';
import { buildAvatar, saveAvatar, loadAvatar } from '../src/avatar/build.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { motionFramesFromRaw } from '../src/motion/fromVideo.ts';
import { track, VIDEOS as V } from './mouthBase.ts';
const clip = process.argv[2]!;
async function first(f: string) { for await (const img of decodeVideoFrames(f, { fps: 25, maxSide: 1024, maxFrames: 1 })) return img; throw new Error('no frame'); }
const file = `${process.env.REAL3D_TRACKS ?? '/tmp/real3d-tracks'}/eval-${clip}.avatar`;
let av;
if (existsSync(file)) av = await loadAvatar(file);
else { av = buildAvatar(await analyzePortrait(await first(V[clip]!))); await saveAvatar(av, file); }
const r = createRenderer(av, { width: 512, height: 512 });
const n = r.neutralFrame();
const lm = r.landmarks(n);
const xs = [61, 291].map((i) => lm[i]![0]), ys = [0, 17].map((i) => lm[i]![1]);
const mw = xs[1]! - xs[0]!;
const box = [Math.round(xs[0]! - 0.3 * mw), Math.round(ys[0]! - 0.3 * mw), Math.round(xs[1]! + 0.3 * mw), Math.round(ys[1]! + 0.5 * mw)];
const ref = r.render(n).data.slice();
const psnr = (img: { data: Uint8ClampedArray | Uint8Array }) => { let s = 0, c = 0; for (let y = box[1]!; y < box[3]!; y++) for (let x = box[0]!; x < box[2]!; x++) for (let k = 0; k < 3; k++) { const d = img.data[(y * 512 + x) * 4 + k]! - ref[(y * 512 + x) * 4 + k]!; s += d * d; c++; } return 10 * Math.log10(255 * 255 / Math.max(1e-9, s / c)); };
const { frames } = motionFramesFromRaw(await track(clip), 25, true);
const GROUPS: Record<string, (k: string) => boolean> = {
  jaw: (k) => k === 'jawOpen' || k === 'restLipGap' || k === 'mouthLowerDown',
  mouthShape: (k) => k.startsWith('mouth') && k !== 'mouthLowerDown' || k === 'mouthFromStart',
  cheekNose: (k) => k.startsWith('cheek') || k.startsWith('nose'),
  eyesBrows: (k) => k.startsWith('eye') || k.startsWith('brow'),
};
for (const i of (process.argv[3] ?? '1,5,10').split(',').map(Number)) {
  const f = frames[i]!;
  const row: string[] = [`frame ${i}: full ${psnr(r.render(f)).toFixed(1)}`, `pose only ${psnr(r.render({ ...n, pose: f.pose })).toFixed(1)}`];
  for (const [g, test] of Object.entries(GROUPS)) {
    const w = { ...n.w };
    for (const [k, v] of Object.entries(f.w)) if (test(k)) w[k] = v;
    row.push(`${g} ${psnr(r.render({ ...n, w })).toFixed(1)}`);
  }
  console.log(row.join(' | '));
  console.log('   jaw', f.w.jawOpen?.toFixed(2), 'lowerDown', f.w.mouthLowerDown?.toFixed(2), 'restGap', f.w.restLipGap?.toFixed(3), 'photo jaw w', n.w.jawOpen?.toFixed(2));
}
for (let i = 0; i < 16; i += 2) { const p = frames[i]!.pose; console.log(i, Object.values(p).map((v) => v.toFixed(2)).join(' '), 'psnr pose', psnr(r.render({ ...n, pose: p })).toFixed(1)); }
