// Open while speaking, shut in pauses (issue #13, audio19). Per tracked clip (bench/trackLipClips.ts: the real lip gap
// in IODs, the first 8 s at 25 fps; katie, mt_sun and grid_* are speakers no shipped model heard) and variant:
//   r0     jawOpen against the real gap at lag 0
//   shut   speech frames (activity >= 0.5) with ours under 0.03 IOD (jawOpen x 0.6), the real's count in brackets
//   false  of those, frames where the real lips are apart by more than 0.06 IOD (the critic's "shut while speaking")
//   speech the median gap over speech frames, ours (real): how wide the mouth opens (mt_sun's narrow mouth: ours already over)
//   pause  median gap over pause frames (runs of >= PAUSE_FRAMES frames with activity < 0.5), ours (real)
//   silent frames without speech (activity < 0.5) where ours is apart by more than 0.06 IOD (the critic's "open with
//          teeth in silence"), the real's count in brackets; false: of those, frames where the real lips are shut (< 0.03)
// Ours is the rendered gap as the renderer aims it: jawOpen x 0.6 plus the motion's rest gap in pauses (audioRestGaps,
// lipRest.ts) capped at the photo's own gap, the photo being the clip's first tracked frame (as `eval --mode audio`).
// GRID sentences are pooled (their pauses are the short gaps between words and the ends).
//   node --import tsx bench/lipPauses.ts [--faces /tmp/audio18/faces] [--variants base,floor] [--timing JSON]
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { lipAudio, speechActivity } from '../src/motion/lipFeatures.ts';
import { loadLipModel } from '../src/motion/lipModel.ts';
import { pearson } from '../src/motion/filters.ts';
import { audioMouthCurves, audioRestGaps, type AudioMouthTiming } from '../src/motion/audioMouth.ts';
import { DATA } from '../src/motion/train/teacher.ts';

const argv = process.argv.slice(2);
const arg = (n: string, d: string) => (argv.includes(n) ? argv[argv.indexOf(n) + 1]! : d);
/** a pause is at least this many frames without speech (160 ms at 25 fps) */
const PAUSE_FRAMES = 4;
const IOD_PER_JAW = 0.6, SHUT = 0.03, OPEN = 0.06;
const VARIANTS: Record<string, Partial<AudioMouthTiming>> = {
  base: {},
  nofloor: { voicedFloor: 0 },
  edges: { edgesTowardPause: 3 },
  leadonly: { edgesTowardPause: 1 },
  norest: { pauseRest: false },
  custom: JSON.parse(arg('--timing', '{}')) as Partial<AudioMouthTiming>,
};

/** 1 on frames inside runs of at least `min` frames with speech activity under 0.5. */
export function pauseFrames(speech: ArrayLike<number>, min: number): Uint8Array {
  const out = new Uint8Array(speech.length);
  for (let i = 0; i < speech.length; ) {
    if (speech[i]! >= 0.5) { i++; continue; }
    let j = i;
    while (j < speech.length && speech[j]! < 0.5) j++;
    if (j - i >= min) out.fill(1, i, j);
    i = j;
  }
  return out;
}

interface Tally { ours: number[]; real: number[]; speechOurs: number[]; speechReal: number[]; shut: number; realShut: number; falseShut: number; speech: number; pauseOurs: number[]; pauseReal: number[]; silentOpen: number; silentRealOpen: number; falseOpen: number }
const empty = (): Tally => ({ ours: [], real: [], speechOurs: [], speechReal: [], shut: 0, realShut: 0, falseShut: 0, speech: 0, pauseOurs: [], pauseReal: [], silentOpen: 0, silentRealOpen: 0, falseOpen: 0 });
const med = (v: number[]) => (v.length ? [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)]! : NaN);
const line = (name: string, t: Tally) => `  ${name.padEnd(10)} r0 ${pearson(t.ours, t.real).toFixed(3)} | shut ${String(t.shut).padStart(3)}/${t.speech} (real ${t.realShut}), false ${String(t.falseShut).padStart(3)} | silent open ${String(t.silentOpen).padStart(2)} (real ${t.silentRealOpen}), false ${String(t.falseOpen).padStart(2)} | pause p50 ${med(t.pauseOurs).toFixed(3)} (real ${med(t.pauseReal).toFixed(3)}, ${t.pauseOurs.length} frames) | speech p50 ${med(t.speechOurs).toFixed(3)} (real ${med(t.speechReal).toFixed(3)})`;

const model = loadLipModel(), jawAt = model.targets.indexOf('jawOpen');
const dir = arg('--faces', '/tmp/audio18/faces');
const clips: { name: string; audio: Awaited<ReturnType<typeof lipAudio>>; real: (number | null)[]; n: number }[] = [];
for (const f of readdirSync(dir).filter((x) => x.endsWith('.json')).sort()) {
  const d = JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as { clip: string; video: string; frames: ({ m: { lipGap: number }; score: number } | null)[] };
  // mt_sun.mp4 is silent: its sound is audio/mt_sun.wav
  const audio = await lipAudio(d.video.endsWith('video/mt_sun.mp4') ? path.join(DATA, 'audio/mt_sun.wav') : d.video);
  const n = Math.min(d.frames.length, Math.round((audio.samples / 16000) * 25));
  clips.push({ name: d.clip, audio, n, real: d.frames.slice(0, n).map((r) => (r && r.score >= 0.5 ? r.m.lipGap : null)) });
}
for (const v of arg('--variants', 'base,norest').split(',')) {
  console.log(`${v} ${JSON.stringify(VARIANTS[v])}`);
  const grid = empty();
  for (const c of clips) {
    const jaw = audioMouthCurves(model, c.audio, 25, c.n, VARIANTS[v])[jawAt]!;
    const rest = audioRestGaps(c.audio, 25, c.n, VARIANTS[v]);
    const photoGap = c.real.find((g) => g !== null) ?? 0;
    const sp = speechActivity(c.audio, 25, c.n), pause = pauseFrames(sp, PAUSE_FRAMES);
    const t = c.name.startsWith('grid_') ? grid : empty();
    for (let i = 0; i < c.n; i++) {
      const g = c.real[i], o = jaw[i]! * IOD_PER_JAW + Math.min(rest[i]!, photoGap);
      if (g === null || g === undefined) continue;
      t.ours.push(o); t.real.push(g);
      if (pause[i]) { t.pauseOurs.push(o); t.pauseReal.push(g); }
      if (sp[i]! < 0.5) {
        if (g > OPEN) t.silentRealOpen++;
        if (o > OPEN) { t.silentOpen++; if (g < SHUT) t.falseOpen++; }
        continue;
      }
      t.speech++;
      t.speechOurs.push(o); t.speechReal.push(g);
      if (g < SHUT) t.realShut++;
      if (o < SHUT) { t.shut++; if (g > OPEN) t.falseShut++; }
    }
    if (t !== grid) console.log(line(c.name, t));
  }
  console.log(line('GRID s1', grid));
}
