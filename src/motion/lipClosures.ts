// Closures from the sound (issue #13: "p/b/m and pauses inside words stay open"). The lip model's
// jaw barely dips at a stop: it predicts a frame from +-0.6 s of context and is smoothed, so a
// 60-120 ms closure between two loud vowels comes out as a shallow notch (Katie's "p" at 1.32 s:
// jawOpen 0.19, mouthLowerDown 0.28, read back 0.11 IOD with teeth; the real lips 0.00). The sound
// itself is clear there: a stop or a nasal is a short, deep valley of the energy between two louder
// stretches. Where that valley is, the lips are brought together: jaw, lower-lip drop and upper-lip
// raise scaled down, the press raised. The cue is per file (relative to its own loud level), so a
// speaker who talks through a smile is shut only where her sound stops, not by a global rule.
// Which stop (p/b/m or t/d/k/g) is not told: at t/d/k/g real lips are nearly together as well.
// The valley must also be near silence (CLOSURE_QUIET_*, sync15): a quiet vowel between loud ones is a
// valley too, with the mouth open.
import { smoothstep } from '../math/smooth.ts';
import { FEATURE_RATE } from './features.ts';
import { FLOOR_VALUE, frameTilt, LIP_FRAME_DIM, type LipAudio } from './lipFeatures.ts';

/** half the window (s) the valley's floor is read over: a closure is at least ~40 ms long */
export const CLOSURE_FLOOR_HALF = 0.02;
/** how far each side (s) the louder neighbours are looked for: a syllable's vowel within ~150 ms */
export const CLOSURE_SIDE = 0.15;
/**
 * valley depth (natural-log power units: 2.3 = 10 dB) at which the closure starts / is complete.
 * Chosen on 36 GRID s1 sentences the model never heard (bench/closures.ts): b/p words closed 25 -> 88 %
 * (the real, smoothed teacher jaw: 34 %), jawOpen r against the real jaw 0.653 -> 0.627, 9 % of speech frames
 * touched; 3-5: the same words, r 0.631, 8 %, but Katie's real closures only half shut; 2-4: 91 %, r 0.623, 11 %.
 */
export const CLOSURE_FROM = 2.5, CLOSURE_FULL = 4.5;
/** after a pause, how soon (s) the sound must start for the frame to be a stop's closure before its burst */
export const CLOSURE_ONSET = 0.04;
/**
 * a burst after a pause: one of its first this many sounding 100 Hz frames must hiss by more than
 * BURST_HISS (Katie's "p": 0.8-1.4; GRID "place": -0.8, -0.3, 1.5, 2.3; a vowel's start 0.2 then below 0)
 */
export const BURST_FRAMES = 4, BURST_HISS = 0.5;
/** the lower of the two neighbours must be this loud (relative to the file's loud level) to count as speech on both sides */
export const CLOSURE_SPEECH = -4.6;
/**
 * a fricative (s, sh, f, th) is an energy valley too, but its sound is high-pitched while the lips
 * stay apart; a closure's (silence, voice bar, nasal murmur) is low. Over this tilt (the high bands'
 * mean less the low bands', normalised log-mel) the valley is not a closure, fully from the second
 * value (GRID s1: closures -4..1, fricatives 3..10).
 */
export const HISS_FROM = 0.5, HISS_FULL = 2.5;
/**
 * a closure's own sound is near silence (a stop's gap; a nasal's or voice bar's murmur is quiet too): a
 * valley whose 40 ms around the frame (the frame's energy, log power under the file's loud level) is
 * louder than the first value is no closure, fully one from the second (-15 and -24 dB). The valley's
 * depth alone also shut quiet open vowels between louder ones (an "uh"): Obama clip1 f14-15 (-3.6, -3.9)
 * shut where his real mouth is wide open (0.20 IOD). sync15 (bench/lipTiming.ts, docs/lipsync/README.md timing15):
 * GRID s1 (36 sentences, never heard) jawOpen r at lag 0 .610 -> .633, false closures (ours shut, the real mouth
 * above its median) 112 -> 86, real closures hit 35 -> 31 of 48, b/p words closed 28 -> 25 of 32; 18 read-backs
 * of heard speakers r .456 -> .467, false closures 160 -> 106. -3/-5 and -4/-6 measured alike.
 */
export const CLOSURE_QUIET_FROM = -3.5, CLOSURE_QUIET_FULL = -5.5;
/** the controls that part the lips: a closure scales them down */
export const OPENING_CONTROLS = ['jawOpen', 'mouthLowerDown', 'mouthUpperUp'] as const;
/** the press at a complete closure (the lips' edges roll in, as they do at p/b/m) */
export const CLOSURE_PRESS = 0.3;

/**
 * Depth of the energy valley at 100 Hz frames [j0, j1) within the series `e`: the lower of the
 * loudest frames `side` frames either way, less the floor. After a pause (the frames before all
 * quieter than CLOSURE_SPEECH) only a voiceless burst starting within `onset` frames counts (one of its
 * first sounding frames hisses, `tilt` > BURST_HISS: p/t/k's release and aspiration): the lips of a stop at a
 * phrase's start stay shut until it (Katie's "p" at 1.32 s); a voiced start (a vowel: Katie at 5.2 s,
 * her lips already apart) does not. 0 if neither.
 */
export function valleyDepth(e: ArrayLike<number>, tilt: ArrayLike<number>, j0: number, j1: number, side: number, onset: number): number {
  const at = (j: number) => (j >= 0 && j < e.length ? e[j]! : -Infinity);
  let floor = Infinity, left = -Infinity, right = -Infinity, burst = -Infinity;
  for (let j = j0; j < j1; j++) floor = Math.min(floor, at(j));
  for (let j = j0 - side; j < j0; j++) left = Math.max(left, at(j));
  for (let j = j1; j < j1 + side; j++) right = Math.max(right, at(j));
  if (!Number.isFinite(floor)) return 0;
  if (left > CLOSURE_SPEECH) return right > CLOSURE_SPEECH ? Math.max(0, Math.min(left, right) - floor) : 0;
  // the burst: the first frames from the floor window on that sound, at most BURST_FRAMES of them
  let hiss = -Infinity, sounding = 0;
  for (let j = Math.max(0, j0); j < j1 + onset + BURST_FRAMES && j < e.length && sounding < BURST_FRAMES; j++) {
    if (at(j) <= CLOSURE_SPEECH) continue;
    if (j >= j1 + onset && sounding === 0) break;
    burst = Math.max(burst, at(j));
    hiss = Math.max(hiss, tilt[j]!);
    sounding++;
  }
  return hiss > BURST_HISS ? Math.max(0, burst - floor) : 0;
}

/** 1 at a frame energy at or under `full`, 0 at or over `from`, linear between: how near silence a closure's frame is. */
export function quietness(energy: number, from = CLOSURE_QUIET_FROM, full = CLOSURE_QUIET_FULL): number {
  return Math.max(0, Math.min(1, (from - energy) / (from - full)));
}

/**
 * Per output frame (n at `fps`), 0..1: how surely the lips are closed there by the sound (a short deep
 * energy valley inside speech whose floor is near silence). `quiet` null: the valley's depth alone (closures14).
 */
export function closureWeights(audio: LipAudio, fps: number, n: number, from = CLOSURE_FROM, full = CLOSURE_FULL, onsetSeconds = CLOSURE_ONSET, quiet: [number, number] | null = [CLOSURE_QUIET_FROM, CLOSURE_QUIET_FULL]): Float64Array {
  const e = new Float64Array(audio.n100), tilt = new Float64Array(audio.n100);
  for (let j = 0; j < audio.n100; j++) {
    e[j] = audio.frames[j * LIP_FRAME_DIM]!;
    tilt[j] = frameTilt(audio.frames, j * LIP_FRAME_DIM);
  }
  const side = Math.round(CLOSURE_SIDE * FEATURE_RATE), onset = Math.round(onsetSeconds * FEATURE_RATE);
  const out = new Float64Array(n);
  if (audio.silent) return out;
  for (let i = 0; i < n; i++) {
    // 100 Hz frame j is centred at j / 100 + 0.0125 s (lipFeatures.ts contextVector)
    const t = i / fps;
    const j0 = Math.ceil((t - CLOSURE_FLOOR_HALF - 0.0125) * FEATURE_RATE - 1e-9);
    const j1 = Math.ceil((t + CLOSURE_FLOOR_HALF - 0.0125) * FEATURE_RATE - 1e-9);
    let hiss = 0, level = 0;
    for (let j = j0; j < j1; j++) {
      const inside = j >= 0 && j < audio.n100;
      if (inside) hiss += tilt[j]! / (j1 - j0);
      // the frame's energy as frameEnergy reads it (lipFeatures.ts contextVector: the floor outside the file)
      level += (inside ? e[j]! : FLOOR_VALUE) / Math.max(1, j1 - j0);
    }
    out[i] = smoothstep(from, full, valleyDepth(e, tilt, j0, j1, side, onset)) * (1 - smoothstep(HISS_FROM, HISS_FULL, hiss)) * (quiet ? quietness(level, quiet[0], quiet[1]) : 1);
  }
  return out;
}

/**
 * In place on the post-processed mouth curves (targets in `targets` order): at closure weight w the
 * opening controls (jawOpen, mouthLowerDown, mouthUpperUp) keep 1 - w of their value and the press
 * rises to at least w x CLOSURE_PRESS. The rounding and stretch stay (a "b" before "oo" is rounded).
 */
export function shutClosures(curves: Float64Array[], targets: readonly string[], weights: ArrayLike<number>): void {
  const opening = OPENING_CONTROLS.map((k) => curves[targets.indexOf(k)]).filter((c): c is Float64Array => !!c);
  const press = curves[targets.indexOf('mouthPress')];
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i]!;
    if (w <= 0) continue;
    for (const c of opening) if (i < c.length) c[i] = c[i]! * (1 - w);
    if (press && i < press.length) press[i] = Math.max(press[i]!, w * CLOSURE_PRESS);
  }
}
