// Identity kept through an audio-driven clip: CSIM (cosine of the face embeddings, the critic's
// metric, src/eval/metrics/identity.ts) of every output frame against the photo. `generate` runs as
// a user would (head crop, --pose auto, --blink natural, 512, audio cut to --seconds) from the
// checkout --root (default this one; it needs its dist/ built), then each frame is detected with
// its embedding. Prints per clip: median, p10, min and the worst frames; never asserts.
//
//   node --import tsx bench/identityClip.ts [--root CHECKOUT] [--seconds 8] [--json out.json]
//     [--keep DIR] [--save-motions DIR | --motions DIR] [--clip lp_s1:RD_Radio31_000.wav ...] [-- extra generate flags]
//
// Default clips: lp_s1 + RD_Radio31_000.wav and lp_s11 + japanese.wav (the critic's two). Each
// checkout gets its own avatar cache (the cache key does not know the code that made it).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { decodeVideoFrames } from '../src/io/decodeVideo.ts';
import { loadImage } from '../src/io/image.ts';
import { detectFaces } from '../src/face/detect.ts';
import { csim } from '../src/eval/metrics/identity.ts';
import { SHARED_DATA } from './sharedData.ts';

const args = process.argv.slice(2);
const dash = args.indexOf('--');
const own = dash >= 0 ? args.slice(0, dash) : args;
const extra = dash >= 0 ? args.slice(dash + 1) : [];
const arg = (n: string) => (own.indexOf(n) >= 0 ? own[own.indexOf(n) + 1] : undefined);
const allOf = (n: string) => own.flatMap((a, i) => (a === n && own[i + 1] ? [own[i + 1]!] : []));

const root = path.resolve(arg('--root') ?? path.join(import.meta.dirname, '..'));
const seconds = Number(arg('--seconds') ?? 8);
const jsonOut = arg('--json');
const keep = arg('--keep');
// --save-motions DIR writes each clip's motion JSON; --motions DIR renders those instead of the
// audio's (a motion made by one checkout through another's renderer: motion vs render split)
const saveMotions = arg('--save-motions');
const motions = arg('--motions');
const FPS = 25;
const clips = (allOf('--clip').length ? allOf('--clip') : ['lp_s1:RD_Radio31_000.wav', 'lp_s11:japanese.wav']).map((c) => {
  const [portrait, audio] = c.split(':');
  return { portrait: portrait!, audio: audio! };
});

/** nearest-rank percentile of a list (p in 0..1) */
export function rankPercentile(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))]!;
}

function photoPath(name: string): string {
  for (const ext of ['.jpg', '.png']) {
    const p = path.join(SHARED_DATA, 'portraits', name + ext);
    try {
      execFileSync('test', ['-f', p]);
      return p;
    } catch {}
  }
  throw new Error(`no portrait ${name}`);
}

const work = mkdtempSync(path.join(tmpdir(), 'real3d-ident-'));
const cacheDir = path.join(work, 'cache');
const results: Record<string, { csim: (number | null)[] }> = {};
try {
  for (const clip of clips) {
    const name = `${clip.portrait}+${path.parse(clip.audio).name}`;
    const photo = photoPath(clip.portrait);
    const cut = path.join(work, `${name}.wav`);
    execFileSync('ffmpeg', ['-v', 'error', '-y', '-i', path.join(SHARED_DATA, 'audio', clip.audio), '-t', String(seconds), cut]);
    if (keep) mkdirSync(keep, { recursive: true });
    const video = path.join(keep ?? work, `${name}.mp4`);
    const motionArgs = motions ? ['-m', path.join(motions, `${name}.json`)] : ['--pose', 'auto', '--blink', 'natural'];
    if (saveMotions) mkdirSync(saveMotions, { recursive: true });
    const saveArgs = saveMotions ? ['--save-motion', path.join(saveMotions, `${name}.json`)] : [];
    execFileSync(process.execPath, [path.join(root, 'bin', 'real3d.mjs'), 'generate', '-i', photo, '-a', cut, ...motionArgs, ...saveArgs, '--size', '512', '--fps', String(FPS), '-q', '-o', video, ...extra], {
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, REAL3D_CACHE_DIR: cacheDir },
    });
    const photoFace = (await detectFaces(await loadImage(photo)))[0];
    if (!photoFace?.embedding.length) throw new Error(`no face embedding on ${photo}`);
    const perFrame: (number | null)[] = [];
    for await (const f of decodeVideoFrames(video, { fps: FPS })) {
      const face = (await detectFaces(f))[0];
      perFrame.push(face?.embedding.length ? csim(face.embedding, photoFace.embedding) : null);
    }
    results[name] = { csim: perFrame };
    const found = perFrame.flatMap((v, i) => (v === null ? [] : [{ v, i }]));
    const values = found.map((f) => f.v);
    const worst = [...found].sort((a, b) => a.v - b.v).slice(0, 8);
    console.log(
      `${name}: CSIM median ${rankPercentile(values, 0.5).toFixed(3)} p10 ${rankPercentile(values, 0.1).toFixed(3)} min ${Math.min(...values).toFixed(3)}` +
        ` (faces ${found.length}/${perFrame.length}); worst ${worst.map((w) => `f${w.i} ${w.v.toFixed(3)}`).join(', ')}`,
    );
  }
  if (jsonOut) writeFileSync(jsonOut, JSON.stringify({ root, seconds, extra, results }));
} finally {
  rmSync(work, { recursive: true, force: true });
}
