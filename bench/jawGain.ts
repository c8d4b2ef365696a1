// Lip gap per unit of jawOpen, real speakers against the renderer (#13: "per unit jawOpen the render
// opens the lips less than Katie's face", slope 0.60 vs 0.68). Printed, never asserted.
//
// Real: every cached talking clip (the lip model's teacher cache; Katie, mt_sun, the styletalk,
// PC-AVS and other clips), its tracked lip gap (measures.ts, eye-corner units) against the video
// path's jawOpen (motionFramesFromRaw, measures only) at the same frames: the least-squares line
// over all frames (what a plain fit reads), the line over the frames above the speaker's rest
// (jawOpen > 0.03: the mapping itself), and the speaker's rest gap (the jawOpen-0 frames' median).
// Rendered (--portraits): the avatar at the photo's pose driven by jawOpen 0 .. 0.5 alone (as the
// audio path drives it: no driver rest gap), the face detector's gap on the rendered frame.
//
//   node --import tsx bench/jawGain.ts [--portraits lp_s42.jpg,mt_man.png,...]
import path from 'node:path';
import { motionFramesFromRaw, type RawFaceFrame } from '../src/motion/fromVideo.ts';
import { DATA, DEFAULT_CACHE, HELDOUT_CLIPS, readCachedFaces, trainingClips } from '../src/motion/train/teacher.ts';

const arg = (n: string) => { const i = process.argv.indexOf(n); return i >= 0 ? process.argv[i + 1] : undefined; };

/** least-squares line y = a + b x */
export function fitLine(x: number[], y: number[]): { a: number; b: number } {
  const n = x.length, mx = x.reduce((s, v) => s + v, 0) / n, my = y.reduce((s, v) => s + v, 0) / n;
  let sxy = 0, sxx = 0;
  for (let i = 0; i < n; i++) { sxy += (x[i]! - mx) * (y[i]! - my); sxx += (x[i]! - mx) ** 2; }
  const b = sxy / (sxx || 1);
  return { a: my - b * mx, b };
}
const median = (v: number[]) => { const s = [...v].sort((a, b) => a - b); return s.length ? s[Math.floor(s.length / 2)]! : NaN; };

function realSpeakers(): void {
  console.log('real speakers: lip gap (eye-corner units) over the video path\'s jawOpen');
  console.log('clip'.padEnd(34) + 'n     all-frames line      above-rest line (n)        rest gap');
  const clips = [...HELDOUT_CLIPS, ...trainingClips(0)];
  const slopes: number[] = [], slopesAll: number[] = [];
  for (const clip of clips) {
    const faces = readCachedFaces(DEFAULT_CACHE, clip);
    if (!faces) continue;
    const frames = motionFramesFromRaw(faces as unknown as (RawFaceFrame | null)[], 25, true, { expressions: 'measures' }).frames;
    const jaw: number[] = [], gap: number[] = [];
    faces.forEach((f, i) => {
      if (!f || f.score < 0.5 || Math.abs(f.angles.yaw) > 35 || Math.abs(f.angles.pitch) > 25 || !frames[i]) return;
      jaw.push(frames[i]!.w.jawOpen ?? 0); gap.push(f.m.lipGap);
    });
    if (jaw.length < 50) continue;
    const all = fitLine(jaw, gap);
    const up = jaw.map((_, i) => i).filter((i) => jaw[i]! > 0.03);
    const above = fitLine(up.map((i) => jaw[i]!), up.map((i) => gap[i]!));
    const rest = median(jaw.map((_, i) => i).filter((i) => jaw[i]! <= 0.005).map((i) => gap[i]!));
    slopes.push(above.b); slopesAll.push(all.b);
    console.log(`${clip.name.padEnd(32)} ${String(jaw.length).padStart(5)}  ${all.a.toFixed(3)} + ${all.b.toFixed(2)} j     ${above.a.toFixed(3)} + ${above.b.toFixed(2)} j (${up.length})`.padEnd(92) + `${rest.toFixed(3)}`);
  }
  console.log(`median slope over ${slopes.length} clips: all frames ${median(slopesAll).toFixed(2)}, above rest ${median(slopes).toFixed(2)}`);
}

async function rendered(portraits: string[]): Promise<void> {
  const { loadImage } = await import('../src/io/image.ts');
  const { analyzePortrait } = await import('../src/analyze/index.ts');
  const { buildAvatar } = await import('../src/avatar/build.ts');
  const { createRenderer } = await import('../src/render/renderer.ts');
  const { detectFaces } = await import('../src/face/detect.ts');
  const { lipGap } = await import('../src/eval/mouthRegion.ts');
  const jaws = [0, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5];
  console.log(`rendered (audio path: jawOpen alone, no driver rest): detector's lip gap at jawOpen ${jaws.join(' ')}; line over >= 0.1`);
  for (const p of portraits) {
    const portrait = await analyzePortrait(await loadImage(path.join(DATA, 'portraits', p)));
    const renderer = createRenderer(buildAvatar(portrait), { width: 512, height: 512 });
    const neutral = renderer.neutralFrame();
    const gaps: number[] = [];
    for (const j of jaws) {
      const img = renderer.render({ ...neutral, w: { ...neutral.w, jawOpen: j } });
      const face = (await detectFaces({ width: img.width, height: img.height, data: new Uint8ClampedArray(img.data) }))[0];
      gaps.push(face ? lipGap(face.landmarks) : NaN);
    }
    const k = jaws.map((_, i) => i).filter((i) => jaws[i]! >= 0.1 && Number.isFinite(gaps[i]!));
    const line = fitLine(k.map((i) => jaws[i]!), k.map((i) => gaps[i]!));
    console.log(`${p.padEnd(20)} ${gaps.map((g) => g.toFixed(3)).join(' ')}   ${line.a.toFixed(3)} + ${line.b.toFixed(2)} j`);
  }
}

realSpeakers();
const ps = arg('--portraits');
if (ps) await rendered(ps.split(','));
process.exit(0);
