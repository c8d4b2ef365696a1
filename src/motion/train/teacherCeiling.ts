// How far the teacher can be trusted: the face tracker reads the first seconds of each training
// clip a second time from the mirrored frames, and the two jawOpen curves are correlated. The
// tracker's frame-to-frame noise differs between a picture and its mirror image while the real
// jaw does not, so r(teacher, mirrored teacher) estimates the teacher's reliability rho, and
// sqrt(rho) the best jawOpen r any audio model could reach against it (a perfect predictor of the
// true jaw, correlated with a measure that carries independent noise). Errors the tracker makes
// the same way on both (a smile read as an opening) are not counted, so this is an upper bound.
//
//   node --import tsx src/motion/train/teacherCeiling.ts [--seconds 6] [--out /tmp/ceiling.json]
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { decodeVideoFrames } from '../../io/media.ts';
import { TrackerPool } from '../trackPool.ts';
import type { RawFaceFrame } from '../fromVideo.ts';
import type { RgbaImage } from '../../types.ts';
import { pearson } from '../filters.ts';
import { DEFAULT_CACHE, HELDOUT_CLIPS, readCachedFaces, TEACHER_FPS, trainingClips, type CachedFace, type TrainClip } from './teacher.ts';
import { loadClipData } from './lipData.ts';

/** The image mirrored left-right (a new buffer: the tracker pool takes ownership). */
export function mirrorImage(img: RgbaImage): RgbaImage {
  const { width, height } = img;
  const data = new Uint8ClampedArray(img.data.length);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const s = (y * width + x) * 4;
      const d = (y * width + (width - 1 - x)) * 4;
      data[d] = img.data[s]!;
      data[d + 1] = img.data[s + 1]!;
      data[d + 2] = img.data[s + 2]!;
      data[d + 3] = img.data[s + 3]!;
    }
  return { width, height, data };
}

/** The tracker on the first `frames` mirrored frames (same decode as the teacher: 25 fps, at most 720 px). */
async function trackMirrored(clip: TrainClip, frames: number): Promise<(RawFaceFrame | null)[]> {
  const pool = new TrackerPool(2);
  const faces: Promise<RawFaceFrame | null>[] = [];
  try {
    for await (const img of decodeVideoFrames(clip.video, { fps: TEACHER_FPS, maxSide: 720, maxFrames: frames })) faces.push((await pool.push(mirrorImage(img))).face);
    return await Promise.all(faces);
  } finally {
    await pool.close();
  }
}

/** r of two curves over the frames usable in both. */
function rOver(a: ArrayLike<number>, b: ArrayLike<number>, ok: (i: number) => boolean): number {
  const x: number[] = [];
  const y: number[] = [];
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (ok(i)) (x.push(a[i]!), y.push(b[i]!));
  return x.length > 20 ? pearson(x, y) : NaN;
}

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

async function main(): Promise<void> {
  const seconds = Number(arg('--seconds', '6'));
  const out = arg('--out', '/tmp/lips5/ceiling.json');
  const frames = Math.round(seconds * TEACHER_FPS);
  mkdirSync(path.dirname(out), { recursive: true });
  const clips = [...trainingClips(0), ...HELDOUT_CLIPS];
  const rows: { clip: string; speaker: string; frames: number; teacherR: number; videoR: number }[] = [];
  const t0 = Date.now();
  for (const clip of clips) {
    const cached = readCachedFaces(DEFAULT_CACHE, clip);
    if (!cached) continue;
    const orig = cached.slice(0, frames);
    const mirrored = (await trackMirrored(clip, orig.length)) as unknown as (CachedFace | null)[];
    const a = await loadClipData(clip, orig, [0]);
    const b = await loadClipData(clip, mirrored, [0]);
    const T = a.Y.length / a.n;
    const both = (i: number) => !!a.valid[i] && !!b.valid[i];
    const teacherR = rOver(Array.from({ length: a.n }, (_, i) => a.Y[i * T]!), Array.from({ length: b.n }, (_, i) => b.Y[i * T]!), both);
    const videoR = rOver(a.videoJaw, b.videoJaw, both);
    rows.push({ clip: clip.name, speaker: clip.speaker, frames: a.n, teacherR, videoR });
    console.log(`${clip.name.padEnd(34)} ${String(a.n).padStart(4)} frames  teacher vs mirrored teacher r ${teacherR.toFixed(3)}  motion --video jaw r ${videoR.toFixed(3)}  (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
    writeFileSync(out, JSON.stringify(rows, null, 1));
  }
  // per speaker (frame-weighted over clips), then the mean over speakers, as the lip score does
  const bySpeaker = new Map<string, { w: number; r: number }>();
  for (const r of rows.filter((r) => Number.isFinite(r.videoR))) {
    const s = bySpeaker.get(r.speaker) ?? { w: 0, r: 0 };
    bySpeaker.set(r.speaker, { w: s.w + r.frames, r: s.r + r.videoR * r.frames });
  }
  const rel = [...bySpeaker.entries()].map(([sp, s]) => [sp, s.r / s.w] as const);
  const train = rel.filter(([sp]) => sp !== 'katie' && sp !== 'mt_sun');
  const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
  console.log(`\nreliability (motion --video jaw vs its mirror) per speaker: ${rel.map(([sp, r]) => `${sp} ${r.toFixed(2)}`).join(', ')}`);
  console.log(`mean over ${train.length} training speakers: reliability ${mean(train.map(([, r]) => r)).toFixed(3)}, ceiling sqrt(max(0, rho)) ${mean(train.map(([, r]) => Math.sqrt(Math.max(0, r)))).toFixed(3)}`);
}

await main();
