// Synthetic speech with known mouth targets, to check the audio -> jaw mapping on clean ground truth:
// espeak-ng reads English text in several voices, rates and pitches and reports each phoneme's
// start; a per-phoneme opening table (open vowels wide, bilabials shut) interpolated between
// phoneme middles gives a jaw target at 25 fps.
//
//   gcc -O2 -o /tmp/espeak-phonemes src/motion/train/espeakPhonemes.c -lespeak-ng   (apt: libespeak-ng-dev)
//   node --import tsx src/motion/train/synthSpeech.ts [--n 40] [--out /tmp/real3d-synth] [--text file]
//
// Prints Pearson r (best lag +-3 frames) of the physical jaw (jawFromF1) against the phoneme
// targets, and of a ridge trained on the synthetic speech only, tested on the real clips.
// Findings (src/motion/README.md): the physical jaw reaches r 0.71 here; a synthetic-trained ridge
// does worse than the physical jaw on the real videos, so no synthetic data goes into the model.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ffmpegPath } from '../../io/ffmpeg.ts';
import { audioFrameFeatures, measureLevels } from '../audioFeatures.ts';
import { bestLagPearson } from '../filters.ts';
import { jawFromF1, REFERENCE_MOUTH_AMP } from '../mouthModel.ts';
import { CLIPS, fitRidge, loadClip, predictClip, TARGETS, type ClipData } from './trainMouth.ts';

const FPS = 25;
const TOOL = '/tmp/espeak-phonemes';

/** Jaw opening 0..1 of an espeak-ng English phoneme mnemonic (stress marks ignored). */
export function phonemeOpening(mnemonic: string): number {
  if (mnemonic.startsWith('_')) return 0; // pause
  const p = mnemonic.replace(/[',%=;]/g, '');
  const table: Record<string, number> = {
    p: 0, b: 0, m: 0, f: 0.1, v: 0.1, w: 0.1, T: 0.2, D: 0.2, t: 0.2, d: 0.2, n: 0.2, l: 0.25, s: 0.15, z: 0.15, r: 0.2, 'r-': 0.2,
    S: 0.2, Z: 0.2, tS: 0.2, dZ: 0.2, j: 0.2, k: 0.3, g: 0.3, N: 0.3, h: 0.4,
    a: 0.9, aa: 0.9, A: 0.9, 'A:': 0.9, 'A@': 0.85, aI: 0.85, aU: 0.85, V: 0.7, '0': 0.7, O: 0.7, 'O:': 0.65, 'O@': 0.65, OI: 0.65,
    E: 0.6, 'e@': 0.6, e: 0.55, eI: 0.5, oU: 0.5, 'a#': 0.5, '3:': 0.45, '@': 0.4, '@2': 0.4, '@5': 0.4, 'U@': 0.4, '@L': 0.35,
    'i@': 0.35, U: 0.35, I: 0.3, i: 0.3, I2: 0.3, 'u:': 0.3, 'i:': 0.25,
  };
  if (p in table) return table[p]!;
  return /^[aeiouAEIOUV@03]/.test(p) ? 0.5 : 0.2;
}

/** Targets at `fps` from phoneme events: each phoneme's opening at its middle, linear between. */
export function phonemeTargets(events: { t: number; p: string }[], seconds: number, fps: number): Float64Array {
  const mids = events.map((e, i) => ({ t: (e.t + (events[i + 1]?.t ?? e.t + 0.1)) / 2, v: phonemeOpening(e.p) }));
  const y = new Float64Array(Math.round(seconds * fps));
  let k = 0;
  for (let f = 0; f < y.length && mids.length; f++) {
    const t = f / fps;
    while (k + 1 < mids.length && mids[k + 1]!.t <= t) k++;
    const a = mids[k]!;
    const b = mids[k + 1];
    y[f] = !b || t <= a.t ? a.v : a.v + ((b.v - a.v) * (t - a.t)) / (b.t - a.t);
  }
  return y;
}

interface SynthClip {
  wav: string;
  y: Float64Array;
}

function synthesise(text: string, voice: string, rate: number, pitch: number, base: string): SynthClip {
  const raw = `${base}.raw`;
  const wav = `${base}.wav`;
  const out = execFileSync(TOOL, [voice, raw, String(rate), String(pitch), text], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  execFileSync(ffmpegPath(), ['-v', 'error', '-y', '-f', 's16le', '-ar', '22050', '-ac', '1', '-i', raw, '-ar', '16000', wav]);
  const events = out
    .trim()
    .split('\n')
    .map((l) => l.split('\t'))
    .map(([ms, p]) => ({ t: Number(ms) / 1000, p: p ?? '_' }))
    .filter((e) => e.p !== '_end');
  const seconds = readFileSync(raw).length / 2 / 22050;
  return { wav, y: phonemeTargets(events, seconds, FPS) };
}

async function features(wav: string) {
  const levels = await measureLevels(wav);
  const rows = { X: [] as Float32Array[], speech: [] as number[], energy: [] as number[], f1: [] as number[], f1Hz: [] as number[] };
  for await (const f of audioFrameFeatures(wav, FPS, levels)) {
    rows.X.push(f.x);
    rows.speech.push(f.speech);
    rows.energy.push(f.energy);
    rows.f1.push(f.f1);
    rows.f1Hz.push(f.f1Hz);
  }
  return rows;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const opt = (name: string, def: string) => (args.includes(name) ? args[args.indexOf(name) + 1]! : def);
  const n = Number(opt('--n', '40'));
  const outDir = opt('--out', '/tmp/real3d-synth');
  const textFile = opt('--text', '/usr/share/common-licenses/GPL-3');
  if (!existsSync(TOOL)) throw new Error(`build ${TOOL} first (see the header of this file)`);
  mkdirSync(outDir, { recursive: true });
  const words = readFileSync(textFile, 'utf8').split(/\s+/).filter((w) => /[a-z]/i.test(w));
  const voices = ['en', 'en-us', 'en+f3', 'en+m3', 'en+f4', 'en-gb-scotland', 'en+f2'];
  const clips: ClipData[] = [];
  const jaw: number[] = [];
  const target: number[] = [];
  for (let u = 0; u < n; u++) {
    const s = synthesise(words.slice(u * 40, u * 40 + 40).join(' '), voices[u % voices.length]!, 140 + ((u * 37) % 70), 30 + ((u * 23) % 45), path.join(outDir, `u${u}`));
    const f = await features(s.wav);
    const m = Math.min(f.X.length, s.y.length);
    jaw.push(...jawFromF1(f.f1.slice(0, m), f.f1Hz.slice(0, m), f.speech.slice(0, m), FPS, REFERENCE_MOUTH_AMP));
    target.push(...s.y.slice(0, m));
    clips.push({
      name: `u${u}`,
      X: f.X.slice(0, m),
      speech: f.speech.slice(0, m),
      energy: f.energy.slice(0, m),
      f1: f.f1.slice(0, m),
      f1Hz: f.f1Hz.slice(0, m),
      Y: TARGETS.map((_, t) => (t === 0 ? s.y.slice(0, m) : new Float64Array(m))),
    });
  }
  console.log(`synthetic: ${target.length} frames (${(target.length / FPS / 60).toFixed(1)} min); physical jaw vs phoneme targets r = ${bestLagPearson(jaw, target, 3).r.toFixed(3)}`);
  const model = fitRidge(clips, 0.1);
  for (const c of CLIPS) {
    const real = await loadClip(c, args.includes("--cache") ? opt("--cache", "") : null);
    console.log(`ridge trained on synthetic only -> ${c.name}: jawOpen r = ${bestLagPearson(predictClip(model, real)[0]!, real.Y[0]!, 3).r.toFixed(3)}`);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]).endsWith('synthSpeech.ts')) await main();
