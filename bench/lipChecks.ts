// The behaviour checks of the audio mouth (#12), printed, never asserted:
//   - silence: share of frames at least 0.1 s from speech where the lips are apart (jawOpen x 0.6
//     eye-corner distances > 0.02, ~3 px at 512 px), and how still the mouth is there;
//   - lead: how long before each phrase onset (after >= 0.3 s of silence) the lips part visibly (the
//     same 0.02 threshold), against speech activity >= 0.5 and against any sound above the gate;
//   - p/b/m: at the start of GRID words that begin with b/p (bin, blue, by, place, please), the
//     jaw's minimum within -40..+80 ms of the word's start against the speaker's median jaw in
//     speech, ours and the real (teacher) jaw; GRID sentences the shipped model was not trained on
//     (since lips8 the sequence model never hears GRID s1: SEQ_GRID = 0 in trainLips.ts; the MLP did);
//   - long vowels and held notes: in voiced stretches of 0.3 s or more (singing), the share of
//     frames whose jaw stays above half of the stretch's median.
//
//   node --import tsx bench/lipChecks.ts [--grid-from 32 --grid-count 60]
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { tmpdir } from 'node:os';
import { motionFromAudio } from '../src/motion/fromAudio.ts';
import { lipAudio, speechActivity } from '../src/motion/lipFeatures.ts';
import { silentStretchMask } from '../src/motion/lipGate.ts';
import { DATA, DEFAULT_CACHE, gridSubsample, readCachedFaces, TEACHER_FPS, type TrainClip } from '../src/motion/train/teacher.ts';
import { loadClipData, JAW_SCALE, OPEN_GAP } from '../src/motion/train/lipData.ts';

const FPS = TEACHER_FPS;
const arg = (n: string, d: string) => {
  const i = process.argv.indexOf(n);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : d;
};

async function jawAndSpeech(file: string): Promise<{ jaw: number[]; speech: Float64Array }> {
  const m = await motionFromAudio(file, { fps: FPS, seed: 0 });
  const jaw = m.frames.map((f) => f.w.jawOpen ?? 0);
  const speech = speechActivity(await lipAudio(file), FPS, jaw.length);
  return { jaw, speech };
}

/** Frames more than `pad` frames from any speech frame (the product's silent stretches, lipGate.ts). */
function quietFrames(speech: ArrayLike<number>, pad: number): number[] {
  const m = silentStretchMask(speech, pad);
  return [...m.keys()].filter((i) => m[i]);
}

/** For each onset after >= minGap frames of no speech: ms between the jaw's first opening and the onset (positive: before the sound). */
function onsetLeads(jaw: number[], speech: ArrayLike<number>, minGap: number, level = 0.5): number[] {
  const leads: number[] = [];
  let quiet = 0;
  for (let i = 0; i < speech.length; i++) {
    if (speech[i]! < level) {
      quiet++;
      continue;
    }
    if (quiet >= minGap) {
      let k = i;
      while (k > i - quiet && jaw[k - 1]! * JAW_SCALE > OPEN_GAP) k--;
      leads.push(((i - k) * 1000) / FPS);
    }
    quiet = 0;
  }
  return leads;
}

const median = (v: number[]) => {
  const s = [...v].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)]! : NaN;
};

async function main(): Promise<void> {
  console.log('silence and lead (shipped model, defaults):');
  for (const name of ['eng.wav', 'japanese.wav', 'imagine.wav', 'mt_sun.wav', 'RD_Radio31_000.wav']) {
    const { jaw, speech } = await jawAndSpeech(path.join(DATA, 'audio', name));
    const quiet = quietFrames(speech, Math.round(0.1 * FPS));
    const open = quiet.filter((i) => jaw[i]! * JAW_SCALE > OPEN_GAP).length;
    const maxQuiet = quiet.reduce((a, i) => Math.max(a, jaw[i]!), 0);
    const leads = onsetLeads(jaw, speech, Math.round(0.3 * FPS));
    const soundLeads = onsetLeads(jaw, speech, Math.round(0.3 * FPS), 1e-6);
    // held sounds: voiced stretches >= 0.3 s, share of frames above half the stretch's median
    let held = 0;
    let heldOk = 0;
    for (let i = 0; i < speech.length; ) {
      let j = i;
      while (j < speech.length && speech[j]! >= 0.99) j++;
      if (j - i >= Math.round(0.3 * FPS)) {
        const seg = jaw.slice(i, j);
        const m = median(seg);
        held += seg.length;
        heldOk += seg.filter((v) => v >= 0.5 * m).length;
      }
      i = j + 1;
    }
    console.log(`  ${name.padEnd(20)} silent frames ${String(quiet.length).padStart(4)}, lips apart in ${((100 * open) / Math.max(1, quiet.length)).toFixed(1)} % (max jawOpen there ${maxQuiet.toFixed(3)}); ${leads.length} phrase onsets, opening before the sound: median ${median(leads).toFixed(0)} ms, max ${Math.max(0, ...leads).toFixed(0)} ms (before any sound above the -30 dB gate: max ${Math.max(0, ...soundLeads).toFixed(0)} ms); loud stretches >= 0.3 s: ${held} frames, jaw above half the stretch median in ${((100 * heldOk) / Math.max(1, held)).toFixed(0)} %`);
  }
  const silent = path.join(tmpdir(), 'real3d-lipchecks-silence.wav');
  const { writeFileSync } = await import('node:fs');
  const n = 16000 * 3;
  const wav = Buffer.alloc(44 + 2 * n);
  wav.write('RIFF', 0); wav.writeUInt32LE(36 + 2 * n, 4); wav.write('WAVEfmt ', 8); wav.writeUInt32LE(16, 16); wav.writeUInt16LE(1, 20); wav.writeUInt16LE(1, 22);
  wav.writeUInt32LE(16000, 24); wav.writeUInt32LE(32000, 28); wav.writeUInt16LE(2, 32); wav.writeUInt16LE(16, 34); wav.write('data', 36); wav.writeUInt32LE(2 * n, 40);
  writeFileSync(silent, wav);
  const s = await jawAndSpeech(silent);
  console.log(`  3 s of digital silence: max jawOpen ${Math.max(...s.jaw).toFixed(3)}`);

  // p/b/m closures on GRID sentences outside the training sample
  const from = Number(arg('--grid-from', '32'));
  const count = Number(arg('--grid-count', '60'));
  const names = gridSubsample(from + count).slice(from);
  const bilabial = /^(bin|blue|by|place|please)$/;
  const ours: number[] = [];
  const real: number[] = [];
  let words = 0;
  for (const f of names) {
    const clip: TrainClip = { name: `grid_${f.replace(/\.mp4$/, '')}`, speaker: 'grid_s1', video: path.join(DATA, 'train/grid_s1', f), audio: path.join(DATA, 'train/grid_s1', f), role: 'train' };
    const faces = readCachedFaces(DEFAULT_CACHE, clip);
    if (!faces) continue;
    const c = await loadClipData(clip, faces, [0]);
    const { jaw } = await jawAndSpeech(clip.audio);
    const align = readFileSync(path.join(DATA, 'train/grid_s1/align', f.replace(/\.mp4$/, '.align')), 'utf8').trim().split(/\r?\n/).map((l) => l.trim().split(' '));
    const speechIdx = Array.from({ length: c.n }, (_, i) => i).filter((i) => c.speech[i]! >= 0.5);
    const medOurs = median(speechIdx.map((i) => jaw[i]!));
    const medReal = median(speechIdx.map((i) => c.videoJaw[i]!));
    for (const [start, , word] of align) {
      if (!bilabial.test(word!)) continue;
      const t = Number(start) / 25000;
      const i0 = Math.max(0, Math.round((t - 0.04) * FPS));
      const i1 = Math.min(c.n - 1, Math.round((t + 0.08) * FPS));
      if (i1 <= i0) continue;
      words++;
      ours.push(Math.min(...jaw.slice(i0, i1 + 1)) / Math.max(1e-3, medOurs));
      real.push(Math.min(...Array.from(c.videoJaw.subarray(i0, i1 + 1))) / Math.max(1e-3, medReal));
    }
  }
  const closed = (v: number[]) => ((100 * v.filter((x) => x < 0.35).length) / Math.max(1, v.length)).toFixed(0);
  console.log(`\np/b/m: ${words} b/p-initial words in ${names.length} unseen GRID sentences; jaw minimum at the word start over the speech median: ours median ${median(ours).toFixed(2)} (below 0.35 in ${closed(ours)} %), real ${median(real).toFixed(2)} (below 0.35 in ${closed(real)} %)`);
}

await main();
