// Mouth-opening fidelity in self-reenactment: frame 0 of a talking video is the photo, the video
// drives it (motionFromVideo), and the lip gap (landmarks 13-14 over the outer-eye-corner
// distance, in the image plane) is compared frame by frame along the chain where it can be lost:
//   real      the tracked driver frame
//   jawOpen   the motion's control (what the driver's gap became)
//   mesh      the rendered mesh's own landmarks 13-14 (the rig geometry, no detector)
//   rendered  the face detector on the rendered frame (what eval sees)
// Prints the median ratio of each to the real gap on the frames whose real lips are apart, the
// Pearson r, and the rig's gap per jawOpen unit. Never asserts.
//   node --import tsx bench/mouthOpening.ts [--video PATH] [--seconds 6] [--detect-every 2]
import path from 'node:path';
import { decodeVideoFrames } from '../src/io/media.ts';
import { analyzePortrait } from '../src/analyze/index.ts';
import { buildAvatar } from '../src/avatar/build.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { detectFaces } from '../src/face/detect.ts';
import { trackVideo, motionFramesFromRaw } from '../src/motion/fromVideo.ts';
import { extractCrop } from '../src/analyze/crop.ts';
import type { MotionFrame, RgbaImage } from '../src/types.ts';
import { SHARED_DATA } from './sharedData.ts';

const args = process.argv.slice(2);
const opt = (name: string) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : undefined; };
const DATA = SHARED_DATA;
const videos = (opt('--video') ?? path.join(DATA, 'video', 'WDA_KatieHill_000.mp4')).split(',');
const seconds = Number(opt('--seconds') ?? 6);
const every = Number(opt('--detect-every') ?? 2);
const OPEN = 0.08;

type P = ArrayLike<ArrayLike<number>>;
const gap2d = (lm: P) => Math.hypot(lm[13]![0]! - lm[14]![0]!, lm[13]![1]! - lm[14]![1]!) / (Math.hypot(lm[33]![0]! - lm[263]![0]!, lm[33]![1]! - lm[263]![1]!) || 1);
const median = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); return s.length ? s[Math.floor(s.length / 2)]! : NaN; };
function pearson(a: number[], b: number[]): number {
  const n = a.length, ma = a.reduce((s, v) => s + v, 0) / n, mb = b.reduce((s, v) => s + v, 0) / n;
  let sab = 0, saa = 0, sbb = 0;
  for (let i = 0; i < n; i++) { sab += (a[i]! - ma) * (b[i]! - mb); saa += (a[i]! - ma) ** 2; sbb += (b[i]! - mb) ** 2; }
  return sab / Math.sqrt(saa * sbb || 1);
}
const flatToList = (f: Float32Array) => Array.from({ length: f.length / 3 }, (_, i) => [f[i * 3]!, f[i * 3 + 1]!]);

for (const video of videos) {
  let photo: RgbaImage | undefined;
  for await (const f of decodeVideoFrames(video, { fps: 25, maxSide: 1024, maxFrames: 1 })) photo = f;
  const portrait = await analyzePortrait(photo!);
  const avatar = buildAvatar(portrait);
  const renderer = createRenderer(avatar, { width: 512, height: 512 });
  const raw = await trackVideo(video, { fps: 25, maxSide: 720, maxSeconds: seconds });
  const { frames } = motionFramesFromRaw(raw, 25, true);
  const neutral = renderer.neutralFrame();
  // the rig's own gain: mesh gap at the photo's pose per jawOpen unit above the photo's
  const jaw0 = neutral.w.jawOpen ?? 0;
  const meshAt = (j: number) => gap2d(renderer.landmarks({ ...neutral, w: { ...neutral.w, jawOpen: j } }));
  const rigGain = (meshAt(Math.min(1, jaw0 + 0.5)) - meshAt(jaw0)) / (Math.min(1, jaw0 + 0.5) - jaw0);
  const c = portrait.analysis.crop;
  const box = { x: Math.round(c.x), y: Math.round(c.y), side: Math.round(c.side) };
  const rows: { real: number; jaw: number; mesh: number; rendered: number }[] = [];
  let i = -1;
  for await (const frame of decodeVideoFrames(video, { fps: 25, maxSide: 1024, maxFrames: frames.length })) {
    i++;
    if (i === 0 || i % every) continue;
    const f: MotionFrame = frames[i]!;
    const cropped = (await extractCrop(frame, box, 512)) as unknown as { image: RgbaImage } | RgbaImage;
    const real = 'image' in cropped ? cropped.image : cropped;
    const realFace = (await detectFaces(real))[0];
    const img = renderer.render(f);
    const gen = (await detectFaces({ width: img.width, height: img.height, data: new Uint8ClampedArray(img.data) }))[0];
    if (!realFace || !gen) continue;
    rows.push({ real: gap2d(realFace.landmarks), jaw: f.w.jawOpen ?? 0, mesh: gap2d(renderer.landmarks(f)), rendered: gap2d(gen.landmarks) });
  }
  const open = rows.filter((r) => r.real >= OPEN);
  const col = (rs: typeof rows, k: keyof (typeof rows)[0]) => rs.map((r) => r[k]);
  const name = path.basename(video);
  console.log(`${name}: ${rows.length} frames (${open.length} open, real gap >= ${OPEN}); photo gap ${gap2d(portrait.cropLandmarks).toFixed(3)}, photo jawOpen (rig fit) ${jaw0.toFixed(3)}, rig mesh gap per jawOpen unit ${rigGain.toFixed(3)} IOD`);
  console.log(`  median gap  real ${median(col(rows, 'real')).toFixed(3)}  mesh ${median(col(rows, 'mesh')).toFixed(3)}  rendered ${median(col(rows, 'rendered')).toFixed(3)}  jawOpen ${median(col(rows, 'jaw')).toFixed(3)}`);
  console.log(`  open frames: median real ${median(col(open, 'real')).toFixed(3)}  mesh ${median(col(open, 'mesh')).toFixed(3)}  rendered ${median(col(open, 'rendered')).toFixed(3)}; ratio rendered/real ${median(open.map((r) => r.rendered / r.real)).toFixed(2)}  mesh/real ${median(open.map((r) => r.mesh / r.real)).toFixed(2)}`);
  console.log(`  r (all frames): mesh ${pearson(col(rows, 'real'), col(rows, 'mesh')).toFixed(3)}  rendered ${pearson(col(rows, 'real'), col(rows, 'rendered')).toFixed(3)}  jawOpen ${pearson(col(rows, 'real'), col(rows, 'jaw')).toFixed(3)}`);
  // least-squares slope through the origin of the gap ABOVE the photo's: how much of the driver's extra opening arrives
  const g0 = gap2d(portrait.cropLandmarks);
  let sxy = 0, sxx = 0, sxyM = 0;
  for (const r of rows) { const x = r.real - g0; sxx += x * x; sxy += x * (r.rendered - g0); sxyM += x * (r.mesh - g0); }
  console.log(`  slope of (gap - photo gap), ours vs real: mesh ${(sxyM / sxx).toFixed(2)}  rendered ${(sxy / sxx).toFixed(2)}`);
}
process.exit(0);
