// Seeded generators for what audio does not determine: blinks, gaze saccades and brows (head motion: headMotion.ts).
// Everything is driven by a small PRNG so the same seed gives the same motion.
import { mulberry32 } from '../math/random.ts';

/** The generators' seeded random numbers (mulberry32 from an offset seed, so seed 0 is not a degenerate start). */
export const rng = (seed: number): (() => number) => mulberry32((seed >>> 0) + 0x9e3779b9);

/** Standard normal sample (Box-Muller). */
export function gauss(rand: () => number): number {
  const u = Math.max(1e-12, rand());
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand());
}

/** Shape of one blink over `len` frames: fast close, short hold, slower open (0..1). */
function blinkShape(i: number, len: number): number {
  const x = i / (len - 1);
  if (x < 0.35) return Math.sin((x / 0.35) * (Math.PI / 2));
  if (x < 0.5) return 1;
  return Math.cos(((x - 0.5) / 0.5) * (Math.PI / 2)) ** 2;
}

/** Speech energy (lip features' log energy) at or under this is quiet. */
const SILENCE_LEVEL = -4.6;

/**
 * Frames where a phrase ends: speech (energy above the silence level) followed by at least
 * `minPause` s of quiet. Speakers blink most right there (and at the start of a look-away).
 */
export function phraseEnds(energy: ArrayLike<number> | undefined, fps: number, minPause = 0.25): number[] {
  if (!energy) return [];
  const n = energy.length;
  const loud = (i: number) => energy[i]! > SILENCE_LEVEL;
  const out: number[] = [];
  const need = Math.max(1, Math.round(minPause * fps));
  for (let i = 1; i < n; i++) {
    if (!loud(i - 1) || loud(i)) continue;
    let quiet = 0;
    while (i + quiet < n && !loud(i + quiet) && quiet < need) quiet++;
    if (quiet >= need) out.push(i);
  }
  return out;
}

/**
 * A seed for this clip: the user's seed mixed with a hash of the speech's energy track, so two clips
 * with the same seed do not blink or look away at the same moments (every clip blinked at 2.4-2.6 s
 * with the default seed), while the same audio and seed still give the same motion.
 */
export function contentSeed(seed: number, energy: ArrayLike<number>): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < energy.length; i++) h = Math.imul(h ^ (Math.round(energy[i]! * 8) & 0xffff), 0x01000193) >>> 0;
  return (Math.imul((seed >>> 0) ^ 0x5bd1e995, 0x27d4eb2d) ^ h) >>> 0;
}

/**
 * Time to the next spontaneous blink (s): log-normal, median BLINK_MEDIAN_S, within 0.9-10 s.
 * Inter-blink intervals are right-skewed, most 1.5-5 s with a long tail; people blink about 20-26
 * times a minute while talking (Bentivoglio et al. 1997), counting the blinks at phrase ends,
 * which restart the wait.
 */
const BLINK_MEDIAN_S = 3.5, BLINK_LOG_SD = 0.5;
/** A spontaneous blink due less than this before a phrase-end blink waits for it. */
const HOLD_FOR_PAUSE_S = 1.5;
function blinkInterval(rand: () => number): number {
  return Math.min(10, Math.max(0.9, BLINK_MEDIAN_S * Math.exp(BLINK_LOG_SD * gauss(rand))));
}

/**
 * The frame near `at` (from 0.3 s before to 0.5 s after) where the speech is quietest: a blink there
 * falls in a pause or between syllables rather than in the middle of a word. Without energy, `at`.
 */
function quietNear(at: number, fps: number, energy: ArrayLike<number> | undefined): number {
  if (!energy) return at;
  let best = at, bestE = Infinity;
  const from = Math.max(0, at - Math.round(0.3 * fps)), to = Math.min(energy.length - 1, at + Math.round(0.5 * fps));
  for (let i = from; i <= to; i++) {
    // nearer the planned time wins a tie (0.05 per 0.1 s)
    const e = energy[i]! + (0.5 * Math.abs(i - at)) / fps;
    if (e < bestE) { bestE = e; best = i; }
  }
  return best;
}

/**
 * A phrase-end blink's lids are down from about this long after it starts (blinkShape: shut from 0.35
 * of its 8-12 frames)...
 */
const SHUT_FROM_S = 0.16;
/** ...and the audio mouth opens for the next phrase about this long before its sound (mt_sun f78: jaw .34 at the onset). */
const MOUTH_LEAD_S = 0.12;
/**
 * How many frames after the phrase end at `end` a blink may start and still be shut within the pause
 * (0 when the pause is too short for that: the blink then starts at the end). Before s22 the 0.05-0.25 s
 * delay put the shut frames of mt_sun's blinks (pauses of 0.3 s) on the next phrase's first open vowel.
 */
function pauseRoom(end: number, fps: number, energy: ArrayLike<number> | undefined): number {
  if (!energy) return Infinity;
  let quiet = 0;
  while (end + quiet < energy.length && energy[end + quiet]! <= SILENCE_LEVEL) quiet++;
  if (end + quiet >= energy.length) return Infinity;
  return Math.max(0, quiet - Math.round((SHUT_FROM_S + MOUTH_LEAD_S) * fps) - 1);
}

/**
 * Blink curve: none; periodic (every ~5 s, 10 frames at 25 fps, as in the reference system);
 * natural: a blink 0.05-0.25 s after most phrase ends, and spontaneous blinks in between, each
 * after a log-normal wait from the last blink of either kind (blinkInterval), moved to the
 * quietest moment nearby when the speech `energy` is given (quietNear); occasionally a double
 * blink; durations 8-12 frames at 25 fps. Blinks keep 0.5 s apart.
 */
export function blinkCurve(n: number, fps: number, mode: 'none' | 'periodic' | 'natural', seed: number, temperature: number, phraseEndFrames: number[] = [], energy?: ArrayLike<number>): Float64Array {
  const out = new Float64Array(n);
  if (mode === 'none') return out;
  const rand = rng(seed ^ 0xb1b1);
  const frameScale = fps / 25;
  const starts: number[] = [];
  if (mode === 'periodic') {
    for (let t = 2.5; t * fps < n; t += 5 + (rand() - 0.5) * 0.5 * temperature) starts.push(Math.round(t * fps));
  } else {
    // phrase ends first: most get a blink just after the speech stops
    const ends = phraseEndFrames.filter(() => rand() < 0.7).map((e) => e + Math.min(Math.round((0.05 + 0.2 * rand()) * fps), pauseRoom(e, fps, energy)));
    // spontaneous blinks fill the gaps: the clip starts part-way through a wait
    let t = Math.round(blinkInterval(rand) * (0.2 + 0.8 * rand()) * fps);
    let e = 0;
    while (t < n) {
      // a phrase-end blink before the planned one restarts the wait
      if (e < ends.length && ends[e]! <= t) { const end = ends[e++]!; starts.push(end); t = end + Math.round(blinkInterval(rand) * fps); continue; }
      // a phrase end coming soon takes this blink (speakers hold a blink for the pause)
      if (e < ends.length && ends[e]! - t < HOLD_FOR_PAUSE_S * fps) { t = ends[e]!; continue; }
      const at = quietNear(t, fps, energy);
      starts.push(at);
      if (rand() < 0.08) starts.push(at + Math.round((0.55 + 0.15 * rand()) * fps));
      t = at + Math.round(blinkInterval(rand) * fps);
    }
    while (e < ends.length) starts.push(ends[e++]!);
    starts.sort((a, b) => a - b);
  }
  let last = -Infinity;
  for (const start of starts) {
    if (start - last < 0.5 * fps) continue;
    last = start;
    const len = Math.max(3, Math.round((mode === 'periodic' ? 10 : 8 + rand() * 4) * frameScale));
    for (let i = 0; i < len && start + i < n; i++) out[start + i] = Math.max(out[start + i]!, blinkShape(i, len));
  }
  return out;
}

/** The clip's first fixation, on the listener, lasts this long (s). */
export const FIRST_FIXATION_S = 1.2;
/**
 * A look-away's sideways gaze (before the temperature factor 0.6 + T): LOOK_AWAY_X[0] + [1] x a
 * uniform draw. At 0.35 + 0.3 (T 0.2: 0.28-0.52) the iris of a narrow eye with a large iris
 * (Obama's) went into the inner corner, a clipped grey lump (critic16); a look aside of 0.2-0.36 still
 * reads as a look away (docs/eyes/lids-s17-glance.jpg).
 */
const LOOK_AWAY_X = [0.25, 0.2] as const;
/**
 * A look-away's length (s): LOOK_AWAY_S[0] + [1] x u^2 (u uniform): most are short, a third over 1.2 s, none over 2.2 s.
 * Real speakers' big look-aways (irises over .5 half widths aside, cached driver tracks, s48 glance48) last .5-3 s
 * (Katie 1.2 / 1.3 s, lp_d0 2.2 s, lp_d10 3.0 / .8 / .6 s, lp_d11 1.5 s, lp_d14 1.1 / .5 s); the uniform .4-1.2 s before
 * never held one past 1.2 s (critic47: lp_s0's glances "short").
 */
export const LOOK_AWAY_S = [0.4, 1.8] as const;
/**
 * The chance a fixation's end turns into a look-away, in a pause and in speech. Longer look-aways (LOOK_AWAY_S, mean 1.0 s
 * against the uniform .4-1.2 s's .8 s) drawn as often as before kept the eyes off the camera for .40-.49 of an 8 s clip
 * where it was .19-.35 (critic48: lp_s42 / lp_s1 / lp_s12 + radio "look off camera half the time, evasive"; lp_s7's torn
 * glancing iris shown 2.9 s instead of 1.3 s): fewer look-aways (x .8, the means' ratio) keep the share as it was.
 */
export const LOOK_AWAY_CHANCE = { pause: 0.28, speech: 0.12 } as const;

/**
 * Gaze of a speaker: fixations of 0.4-2.5 s mostly on the camera, each with small saccades
 * (micro-shifts of a few hundredths) every 0.2-0.6 s; occasional look-aways (sideways or down,
 * 0.4-2.2 s, LOOK_AWAY_S, more often in pauses when `energy` is given) before returning. Saccades take ~2
 * frames. Amplitude grows with temperature. The clip opens on the listener (gaze 0, where a photo
 * looking at the camera looks) for FIRST_FIXATION_S: a look-away drawn on frame 0 made the demo's eyes dart sideways on its
 * first frame and held Obama's audio render in a hard glance for its first second (critic16).
 */
export function gazeCurve(n: number, fps: number, seed: number, temperature: number, energy?: ArrayLike<number>): [Float64Array, Float64Array] {
  const gx = new Float64Array(n);
  const gy = new Float64Array(n);
  const rand = rng(seed ^ 0x6a2e);
  const amp = 0.08 + 0.25 * temperature;
  let baseX = 0, baseY = 0; // the fixation
  let x = 0, y = 0; // the target incl. the small saccade
  let nextFixation = Math.round(FIRST_FIXATION_S * fps), nextMicro = Math.round((0.2 + rand() * 0.4) * fps);
  for (let i = 0; i < n; i++) {
    if (i >= nextFixation) {
      const pause = energy ? energy[i]! <= -4.6 : false;
      const lookAway = rand() < (pause ? LOOK_AWAY_CHANCE.pause : LOOK_AWAY_CHANCE.speech);
      if (lookAway) {
        // away: mostly sideways, sometimes down (thinking), rarely up
        const side = rand() < 0.5 ? -1 : 1;
        baseX = side * (LOOK_AWAY_X[0] + LOOK_AWAY_X[1] * rand()) * (0.6 + temperature);
        baseY = rand() < 0.3 ? (0.2 + 0.25 * rand()) : gauss(rand) * 0.08;
        const u = rand();
        nextFixation = i + Math.round((LOOK_AWAY_S[0] + LOOK_AWAY_S[1] * u * u) * fps);
      } else {
        // back to (near) the listener
        baseX = gauss(rand) * amp * 0.5;
        baseY = gauss(rand) * amp * 0.25;
        nextFixation = i + Math.round((0.4 + rand() * 2.1) * fps);
      }
      x = baseX; y = baseY;
      nextMicro = i + Math.round((0.2 + rand() * 0.4) * fps);
    } else if (i >= nextMicro) {
      x = baseX + gauss(rand) * 0.05;
      y = baseY + gauss(rand) * 0.03;
      nextMicro = i + Math.round((0.2 + rand() * 0.4) * fps);
    }
    gx[i] = i ? gx[i - 1]! + (x - gx[i - 1]!) * 0.6 : x;
    gy[i] = i ? gy[i - 1]! + (y - gy[i - 1]!) * 0.6 : y;
  }
  return [gx.map((v) => Math.max(-1, Math.min(1, v))), gy.map((v) => Math.max(-1, Math.min(1, v)))];
}

/**
 * The upper lid follows the iris down (a person looking down lowers the lid with the eye, so no white
 * shows above the iris): the blink closure that drops the lid by as much as the iris moves. The
 * renderer moves the iris 0.04 iod per unit of gaze y (render/renderer.ts) and a blink of 1 closes
 * an opening of about 0.1 iod, so 0.4 per unit of downward gaze. Looking up is left alone.
 */
export const LID_FOLLOW = 0.4;
export function lidFollowingGaze(gazeY: number): number {
  return Math.min(0.5, LID_FOLLOW * Math.max(0, gazeY));
}

/**
 * Brows of a speaker: raises on stressed syllables (inner and, mostly, outer) and some short frowns,
 * each reached in ~0.1 s and held fading over ~0.6 s, on top of a phrase's tone (a phrase spoken
 * with the brows a little up, or a little drawn down), which relaxes in the pauses. Sized on
 * real speakers: eight training-clip speakers, retargeted like a driver, hold browInnerUp above
 * 0.15 for 14-56 % of the time (p90 0.24-0.70) and move it 0.5-2.4 per second (tracking jitter
 * included); this generator had it above 0.15 for 4-7 % (p90 0.09-0.12) and moved it 0.15-0.2
 * per second, and almost never raised the outer brows or frowned (docs/eyes/README.md, round eyes6).
 * `energy` as in headMotion.
 */
export function browMotion(energy: ArrayLike<number>, fps: number, seed: number, temperature: number): { innerUp: Float64Array; outerUp: Float64Array; down: Float64Array } {
  const n = energy.length;
  const rand = rng(seed ^ 0xb20f);
  const scale = 0.5 + temperature * 2.5;
  const innerUp = new Float64Array(n), outerUp = new Float64Array(n), down = new Float64Array(n);
  const dt = 1 / fps;
  const follow = (tau: number) => 1 - Math.exp(-dt / tau);
  const ATTACK = follow(0.07), TONE = follow(0.8), HOLD = Math.exp(-dt / 0.6), FROWN_HOLD = Math.exp(-dt / 0.5);
  const pauseFrames = Math.round(0.3 * fps);
  let slow = -8, refractory = 0, quiet = pauseFrames;
  // what the muscles aim at (events fading), the phrase's tone (+ raised, - drawn down), and the brows following both
  let aimInner = 0, aimOuter = 0, aimFrown = 0, tone = 0, toneAim = 0;
  let inner = 0, outer = 0, frown = 0;
  for (let i = 0; i < n; i++) {
    const e = energy[i]!;
    const loud = e > -4.6;
    // a phrase starts after a pause: pick its tone
    if (loud && quiet >= pauseFrames) {
      const r = rand();
      toneAim = r < 0.3 ? (0.06 + 0.12 * rand()) * scale : r < 0.5 ? -(0.05 + 0.1 * rand()) * scale : 0;
    }
    quiet = loud ? 0 : quiet + 1;
    if (quiet >= pauseFrames) toneAim = 0;
    slow += (e - slow) * (1 / (0.25 * fps));
    const stress = Math.max(0, e - slow - 1);
    if (stress > 0 && refractory <= 0) {
      refractory = Math.round(0.25 * fps);
      const r = rand();
      const size = Math.min(0.7, (0.15 + stress * 0.2) * scale * (0.6 + 0.8 * rand()));
      if (r < 0.5) { aimInner = Math.max(aimInner, size); if (rand() < 0.75) aimOuter = Math.max(aimOuter, size * (0.7 + 0.3 * rand())); }
      else if (r < 0.7) aimFrown = Math.max(aimFrown, size * 0.6);
    }
    refractory--;
    aimInner *= HOLD; aimOuter *= HOLD; aimFrown *= FROWN_HOLD;
    tone += (toneAim - tone) * TONE;
    inner += (aimInner + Math.max(0, tone) - inner) * ATTACK;
    outer += (aimOuter + 0.6 * Math.max(0, tone) - outer) * ATTACK;
    frown += (aimFrown + Math.max(0, -tone) - frown) * ATTACK;
    innerUp[i] = Math.min(1, inner);
    outerUp[i] = Math.min(1, outer);
    down[i] = Math.min(1, frown);
  }
  return { innerUp, outerUp, down };
}
