// Winks against blinks in the drivers' cached tracks: each eye-closing event as the face mesh measured it
// (motionFramesFromRaw blinksAsMeasured: per-eye weights before pairing and smoothing) beside what the
// video path makes of it (per-eye closure as the renderer folds blink and eyeBlink, restFace.ts foldBlink).
// An event is a run of frames where either measured eye reaches 0.5; it is a blink when both eyes reach
// 0.5 in it, one-sided when one reaches 0.7 and the other stays under 0.3. Prints per track the blinks
// kept as blinks, the blinks that became one-sided, the one-sided events and what became of them, and
// then a held wink painted into a large frontal track (lp_d6) and a small one (Obama, 23 px eyes): one
// eye's opening set to 0.1 of rest for 8 frames, the other as tracked. Weights only, no render; never asserts.
//   node --import tsx bench/winks.ts [track.json ...]   (default: every cached track in $REAL3D_CACHE/tracks)
import path from 'node:path';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { motionFramesFromRaw } from '../src/motion/framesFromRaw.ts';
import { estimateRest, foldBlink } from '../src/motion/restFace.ts';
import type { RawFaceFrame } from '../src/motion/fromVideo.ts';
import type { MotionFrame } from '../src/types.ts';
import { BENCH_CACHE } from './benchCache.ts';

const CACHE = BENCH_CACHE;
const DOWN = 0.5, ONE_SHUT = 0.7, OTHER_OPEN = 0.3;

const revive = (list: any[]) => list.map((r) => r && { ...r, lm: r.lm ? Float32Array.from(Array.isArray(r.lm[0]) ? (r.lm as number[][]).flat() : r.lm) : undefined }) as (RawFaceFrame | null)[];
const fpsOf = (file: string) => Number(/\.(\d+)fps\.json$/.exec(file)?.[1] ?? 25);
const eyes = (f: MotionFrame): [number, number] => [foldBlink(f.blink, f.w.eyeBlinkLeft ?? 0), foldBlink(f.blink, f.w.eyeBlinkRight ?? 0)];
const f2 = (v: number) => v.toFixed(2).replace(/^0/, '');

type Kind = 'blink' | 'one-sided' | 'partial';
/** Per-eye peaks over frames a..b and what they make: both down, one shut with the other open, or neither. */
function kindOf(e: [number, number][], a: number, b: number): { kind: Kind; peaks: [number, number] } {
  const peaks: [number, number] = [0, 0];
  for (let i = Math.max(0, a); i <= Math.min(e.length - 1, b); i++) for (const s of [0, 1]) peaks[s] = Math.max(peaks[s]!, e[i]![s]!);
  const [hi, lo] = [Math.max(...peaks), Math.min(...peaks)];
  return { kind: lo >= DOWN ? 'blink' : hi >= ONE_SHUT && lo < OTHER_OPEN ? 'one-sided' : 'partial', peaks };
}

function events(measured: [number, number][]): [number, number][] {
  const runs: [number, number][] = [];
  measured.forEach((e, i) => {
    if (Math.max(...e) < DOWN) return;
    const last = runs[runs.length - 1];
    if (last && last[1] === i - 1) last[1] = i;
    else runs.push([i, i]);
  });
  return runs;
}

function report(file: string, raw: (RawFaceFrame | null)[]): void {
  const fps = fpsOf(file);
  const measured = motionFramesFromRaw(raw, fps, true, { blinksAsMeasured: true }).frames.map(eyes);
  const ours = motionFramesFromRaw(raw, fps, true).frames.map(eyes);
  let blinks = 0, kept = 0, madeOneSided = 0, oneSided = 0, oneKept = 0;
  const notes: string[] = [];
  for (const [a, b] of events(measured)) {
    const m = kindOf(measured, a, b), o = kindOf(ours, a - 1, b + 1);
    const at = `${(a / fps).toFixed(2)} s #${a}${b > a ? `-${b}` : ''} ${f2(m.peaks[0])}/${f2(m.peaks[1])} -> ${f2(o.peaks[0])}/${f2(o.peaks[1])}`;
    if (m.kind === 'blink') {
      blinks++;
      if (o.kind === 'blink') kept++;
      if (o.kind === 'one-sided') { madeOneSided++; notes.push(`blink made one-sided ${at}`); }
    } else if (m.kind === 'one-sided') {
      oneSided++;
      if (o.kind === 'one-sided') oneKept++;
      notes.push(`one-sided (${o.kind} in ours) ${at}`);
    }
  }
  console.log(`${path.basename(file).padEnd(32)} ${fps} fps: blinks ${blinks}, kept both-eyed ${kept}, made one-sided ${madeOneSided}; one-sided ${oneSided}, kept one-sided ${oneKept}`);
  for (const n of notes) console.log(`    ${n}`);
}

/** One eye (the subject's right) shut to 0.1 of its rest opening over frames a..a+7; the rendered peaks per eye there. */
function heldWink(file: string, a: number): void {
  if (!existsSync(file)) return;
  const raw = revive(JSON.parse(readFileSync(file, 'utf8')));
  const rest = estimateRest(raw.filter((r): r is RawFaceFrame => !!r).map((r) => r.m));
  for (let i = a; i < a + 8; i++) if (raw[i]) raw[i] = { ...raw[i]!, m: { ...raw[i]!.m, eyeRight: 0.1 * rest.eyeRight } };
  const ours = motionFramesFromRaw(raw, fpsOf(file), true).frames.map(eyes);
  const { kind, peaks } = kindOf(ours, a, a + 7);
  console.log(`held wink painted into ${path.basename(file)} #${a}-${a + 7}: ours ${f2(peaks[0])}/${f2(peaks[1])} (${kind})`);
}

const dir = path.join(CACHE, 'tracks');
const args = process.argv.slice(2);
const tracks = args.length ? args : readdirSync(dir).filter((f) => f.endsWith('.json')).sort().map((f) => path.join(dir, f));
for (const file of tracks) report(file, revive(JSON.parse(readFileSync(file, 'utf8'))));
heldWink(path.join(dir, 'lp_d6.mp4.25fps.json'), 100);
heldWink(path.join(dir, 'obama2_8.mp4.25fps.json'), 60);
