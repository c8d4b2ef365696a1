// The audio mouth's whole chain, one function for the product (fromAudio.ts) and the benches: the lip
// model's curves, calibrated, rounded vowels opened, loud voiced frames kept apart (lipVoicing.ts), the
// silence gate and mouthAmp, the closures the sound shows, the rig's shapes. `timing` holds the switches sync15 measured (bench/lipTiming.ts); the
// product runs the defaults.
// Measured and not kept (docs/lipsync/README.md, timing-s15): the lip model's lag against real mouths is
// the speaker's, not the model's (best lag -2..+3 frames over 13 clips, mean ~0; Obama clip1 +3, clip2 0),
// so a global shift (`shift`), closures moved earlier (`closureShift`) or rises made early (`openLead`)
// each helped some speakers and hurt as many (GRID s1 r at lag 0: .610 -> .583, .604, .638 with b/p
// closures lost).
import { speechActivity, type LipAudio } from './lipFeatures.ts';
import { mapLipCurves, postprocessLips, rawLipCurves, type LipModel } from './lipModel.ts';
import { smoothAudioLips, WIDTH_SMOOTH_SIGMA } from './lipWidthDetail.ts';
import { FILE_MATCH_STRENGTH, fileOpeningGain, poolP90 } from './lipFileScale.ts';
import { frameEnergy, openRoundedVowels } from './lipRounding.ts';
import { CLOSURE_QUIET_FROM, CLOSURE_QUIET_FULL, closureWeights, OPENING_CONTROLS, shutClosures } from './lipClosures.ts';
import { shapeAudioMouth } from './lipShapes.ts';
import { liftOpenings, OPENING_LIFT_POWER, OPENING_LIFT_SPAN } from './lipLift.ts';
import { bridgeShortPauses, edgesTowardPause, LIP_BRIDGED_PAUSE, LIP_REFERENCE_AMP, LIP_SILENT_STRETCH } from './lipGate.ts';
import { floorVoicedFrames, frameVoicing, VOICED_FLOOR, voicedWeights } from './lipVoicing.ts';
import { capEdgesToRest, pauseRestGaps } from './lipRest.ts';
import { LOUD_PEAK_FLOOR, withLoudPeaks } from './lipLoudPeak.ts';
import { easeReleases, RELEASE_RISE, speechQuantile } from './lipRelease.ts';
import { easeOnsets, ONSET_LEAD, ONSET_RISE } from './lipOnset.ts';
import { frameHiss, leadInClosures, leadInRest, maxInto, shutLeadIns } from './lipLeadIn.ts';

export interface AudioMouthTiming {
  /** the closures from the sound (lipClosures.ts) on */
  closures: boolean;
  /** the closures' quiet gate [from, full] (lipClosures.ts CLOSURE_QUIET_*); null: the valley's depth alone (closures14) */
  quiet: [number, number] | null;
  /** the model's curves read this many frames ahead (the mouth earlier) before the gate */
  shift: number;
  /** the closure weights read this many frames ahead */
  closureShift: number;
  /** a closure of two frames or more ends a frame early (its last frame takes the next one's weight: trimClosureEnds) */
  trimEnds: boolean;
  /** the opening controls open this many frames early after the closures (openEarly) */
  openLead: number;
  /** before a phrase's first sound the opening controls ramp up over this many frames to the phrase's first opening (openBeforeOnsets) */
  onsetLead: number;
  /** how far the file's opening (its calibrated jaw's p90 in speech) is scaled to the training pool's (lipFileScale.ts fileOpeningGain; 0: the pooled map alone) */
  fileMatch: number;
  /** the power of the lift of small openings about the pool's p90 (lipLift.ts; 1: off) */
  lift: number;
  /** the lift keeps the dips under their syllable's peak within this many frames (lipLift.ts; 0: every frame lifted) */
  liftSpan: number;
  /** Gaussian sigma (frames) of the width channels (lipWidthDetail.ts; the model's 1.5: before width19) */
  widthSigma: number;
  /** the jawOpen loud voiced frames keep at least (lipVoicing.ts; 0: off) */
  voicedFloor: number;
  /** the higher jawOpen the file's loudest voiced frames keep at least (lipLoudPeak.ts; 0: the voiced floor alone) */
  loudPeakFloor: number;
  /**
   * the gate's edge frames only move toward the pause (lipGate.ts edgesTowardPause): 1 before a sound, 2 after it,
   * 3 both, 0 off. Off: it shuts the critic's teeth in silence (Obama f0, GRID "place" onsets) but shuts as many
   * edge frames where real lips are apart, r0 -.006 on 22 clips not looked at (docs/lipsync/README.md, lipnet22)
   */
  edgesTowardPause: number;
  /**
   * frames without speech rest at the photo's own gap (up to lipRest.ts AUDIO_REST_GAP, given the motion as its rest gap:
   * audioRestGaps) and open past it by little (capEdgesToRest): no teeth at the gate's edges (lipedge23)
   */
  pauseRest: boolean;
  /** the jaw's rise per frame after a closure at most this share of the file's p95 jaw in speech (lipRelease.ts; 0: off) */
  releaseRise: number;
  /** a phrase's first opening out of a pause rises per frame at most this share of the file's p95 jaw in speech (lipOnset.ts; 0: off) */
  onsetRise: number;
  /** with onsetRise, the lips start parting this many frames before the onset (lipOnset.ts) */
  onsetRiseLead: number;
  /** a phrase's near-silent first frames (a stop's hold, a breath) shut as a closure, at most this many (lipLeadIn.ts; 0: off) */
  leadIn: number;
}

export const DEFAULT_TIMING: AudioMouthTiming = {
  closures: true,
  quiet: [CLOSURE_QUIET_FROM, CLOSURE_QUIET_FULL],
  shift: 0,
  closureShift: 0,
  trimEnds: false,
  openLead: 0,
  onsetLead: 0,
  fileMatch: FILE_MATCH_STRENGTH,
  lift: OPENING_LIFT_POWER,
  liftSpan: OPENING_LIFT_SPAN,
  widthSigma: WIDTH_SMOOTH_SIGMA,
  voicedFloor: VOICED_FLOOR,
  loudPeakFloor: LOUD_PEAK_FLOOR,
  edgesTowardPause: 0,
  pauseRest: true,
  releaseRise: RELEASE_RISE,
  onsetRise: ONSET_RISE,
  onsetRiseLead: ONSET_LEAD,
  // off (s44, the lead): on, Katie's lip r fell .423 -> .402 and her phrase at f125 opened 4 frames late; GRID gains (real-shut
  // onsets .080 -> .000) are one speaker's. `leadIn: LEAD_IN_FRAMES` turns it on (docs/lipsync s44 closure44).
  leadIn: 0,
};

/** The opening controls other than the jaw (mouthLowerDown, mouthUpperUp) the model has, scaled with the jaw by the rest and release rules. */
function openingBesideJaw(mouth: Float64Array[], targets: readonly string[]): Float64Array[] {
  return OPENING_CONTROLS.slice(1).map((k) => mouth[targets.indexOf(k)]).filter((c): c is Float64Array => !!c);
}

/** The curve read `k` frames ahead (c[i + k], the last value held at the end). */
export function advance(c: ArrayLike<number>, k: number): Float64Array {
  const n = c.length;
  return Float64Array.from({ length: n }, (_, i) => c[Math.max(0, Math.min(n - 1, i + k))]!);
}

/** Each frame the widest of itself and the next k: a rise comes k frames early, a fall on time. */
export function openEarly(c: ArrayLike<number>, k: number): Float64Array {
  return Float64Array.from({ length: c.length }, (_, i) => {
    let m = c[i]!;
    for (let j = i + 1; j <= i + k && j < c.length; j++) m = Math.max(m, c[j]!);
    return m;
  });
}

/** frames of no speech (activity < 0.5) before a sound that make it a phrase's onset */
export const ONSET_PAUSE = 3;

/**
 * Real lips part before a phrase's first sound (critic15: Obama f4/f14/f22; over 37 onsets of 20 real
 * read-backs the gap 1-4 frames before the sound is already ~1.0 of the speaker's speech median, ours
 * 0.05-0.9). Before each onset (a frame with speech after ONSET_PAUSE frames without), the `lead` frames
 * take at least a ramp up to the opening the curve has over the onset's first three frames: 1/lead at
 * the earliest, all of it at the frame before. Never lowers a value.
 */
export function openBeforeOnsets(c: ArrayLike<number>, speech: ArrayLike<number>, lead: number): Float64Array {
  const out = Float64Array.from(c);
  for (let i = ONSET_PAUSE; i < c.length; i++) {
    if (speech[i]! < 0.5) continue;
    let pause = true;
    for (let k = 1; k <= ONSET_PAUSE; k++) if (speech[i - k]! >= 0.5) pause = false;
    if (!pause) continue;
    let open = 0, m = 0;
    for (let k = 0; k < 3 && i + k < c.length; k++, m++) open += c[i + k]!;
    open /= Math.max(1, m);
    for (let k = 1; k <= lead && i - k >= 0; k++) out[i - k] = Math.max(out[i - k]!, (open * (lead + 1 - k)) / lead);
  }
  return out;
}

/** Closure weights with the last frame of every run of two or more (weight >= 0.5) given the next frame's weight. */
export function trimClosureEnds(w: ArrayLike<number>): Float64Array {
  const out = Float64Array.from(w);
  for (let i = 1; i < w.length - 1; i++) if (w[i]! >= 0.5 && w[i - 1]! >= 0.5 && w[i + 1]! < 0.5) out[i] = w[i + 1]!;
  return out;
}

/**
 * The mouth curves (model.targets x n frames, rig weights) of the file's sound. `speech` and `energy`
 * per output frame may be given (fromAudio.ts computes them with its progress), else computed.
 */
export function audioMouthCurves(model: LipModel, audio: LipAudio, fps: number, n: number, timing: Partial<AudioMouthTiming> = {}, mouthAmp = LIP_REFERENCE_AMP, speech?: ArrayLike<number>, energy?: ArrayLike<number>): Float64Array[] {
  const t = { ...DEFAULT_TIMING, ...timing };
  const sp = speech ?? speechActivity(audio, fps, n);
  const en = energy ?? frameEnergy(audio, fps, n);
  let curves = mapLipCurves(model, smoothAudioLips(model, rawLipCurves(model, audio, fps, n), fps, t.widthSigma));
  const jawAt = model.targets.indexOf('jawOpen'), pool90 = poolP90(model.quantileMap?.[jawAt]);
  const gain = t.fileMatch && jawAt >= 0 && pool90 !== null ? fileOpeningGain(curves[jawAt]!, sp, pool90, t.fileMatch) : 1;
  // the file's opening brought to the pool's before the gate and the closures, which still shut it
  if (gain !== 1) for (const k of OPENING_CONTROLS) {
    const c = curves[model.targets.indexOf(k)];
    if (c) for (let i = 0; i < c.length; i++) c[i] = c[i]! * gain;
  }
  if (t.lift !== 1 && jawAt >= 0 && pool90 !== null) {
    const others = OPENING_CONTROLS.slice(1).map((k) => curves[model.targets.indexOf(k)]).filter((c): c is Float64Array => !!c);
    liftOpenings(curves[jawAt]!, others, pool90, t.lift, t.liftSpan);
  }
  openRoundedVowels(curves, model.targets, en);
  if (t.voicedFloor > 0 && jawAt >= 0) {
    const v = frameVoicing(audio, fps, n);
    const others = OPENING_CONTROLS.slice(1).map((k) => curves[model.targets.indexOf(k)]).filter((c): c is Float64Array => !!c);
    const voiced = voicedWeights(v.energy, v.tilt);
    floorVoicedFrames(curves[jawAt]!, others, t.loudPeakFloor > 0 ? withLoudPeaks(voiced, v.energy, v.tilt, t.voicedFloor, t.loudPeakFloor) : voiced, t.voicedFloor);
  }
  if (t.shift) curves = curves.map((c) => advance(c, t.shift));
  const mouth = postprocessLips(curves, sp, fps, mouthAmp);
  if (t.onsetLead) for (const k of OPENING_CONTROLS) {
    const at = model.targets.indexOf(k);
    if (at >= 0) mouth[at] = openBeforeOnsets(mouth[at]!, sp, t.onsetLead);
  }
  let shut: ArrayLike<number> | null = null;
  if (t.closures) {
    let w = closureWeights(audio, fps, n, undefined, undefined, undefined, t.quiet);
    if (t.trimEnds) w = trimClosureEnds(w);
    shut = t.closureShift ? advance(w, t.closureShift) : w;
    shutClosures(mouth, model.targets, shut);
    if (t.leadIn > 0) {
      // a phrase's near-silent lead-in shut (no press: the photo's rest shows there), its first loud frame eased as a release (lipLeadIn.ts)
      const lead = leadInClosures(sp, en, frameHiss(audio, fps, n), t.quiet ?? undefined, t.leadIn);
      shutLeadIns(mouth, model.targets, lead);
      shut = maxInto(Float64Array.from(shut), lead);
    }
  }
  if (t.edgesTowardPause) {
    // after the closures: a lead frame is held to the (closure-shut) frame after it
    const bridged = bridgeShortPauses(sp, Math.round(LIP_BRIDGED_PAUSE * fps));
    for (const k of OPENING_CONTROLS) {
      const at = model.targets.indexOf(k);
      if (at >= 0) mouth[at] = edgesTowardPause(mouth[at]!, bridged, Math.round(LIP_SILENT_STRETCH * fps), t.edgesTowardPause);
    }
  }
  if (t.pauseRest && jawAt >= 0) {
    capEdgesToRest(mouth[jawAt]!, openingBesideJaw(mouth, model.targets), bridgeShortPauses(sp, Math.round(LIP_BRIDGED_PAUSE * fps)));
  }
  if (t.releaseRise > 0 && shut && jawAt >= 0) {
    // the vowel after a closure opens over a few frames, not in one (release36)
    easeReleases(mouth[jawAt]!, openingBesideJaw(mouth, model.targets), shut, t.releaseRise * speechQuantile(mouth[jawAt]!, sp, 0.95));
  }
  if (t.onsetRise > 0 && jawAt >= 0) {
    // a phrase's first opening out of a pause rises over frames, not in one (onset37)
    easeOnsets(mouth[jawAt]!, openingBesideJaw(mouth, model.targets), sp, shut, t.onsetRise * speechQuantile(mouth[jawAt]!, sp, 0.95), t.onsetRiseLead);
  }
  if (t.openLead) for (const k of OPENING_CONTROLS) {
    const at = model.targets.indexOf(k);
    if (at >= 0) mouth[at] = openEarly(mouth[at]!, t.openLead);
  }
  shapeAudioMouth(mouth, model.targets);
  return mouth;
}

/**
 * Per frame, the rest gap (IOD) the audio motion gives the renderer (its REST_LIP_GAP entry): lipRest.ts pauseRestGaps on
 * the gate's speech and the sound's closures; 0 everywhere with `pauseRest` off or for a digitally silent file (a still, closed mouth).
 */
export function audioRestGaps(audio: LipAudio, fps: number, n: number, timing: Partial<AudioMouthTiming> = {}, speech?: ArrayLike<number>): Float64Array {
  const t = { ...DEFAULT_TIMING, ...timing };
  if (!t.pauseRest || audio.silent) return new Float64Array(n);
  const sp = bridgeShortPauses(speech ?? speechActivity(audio, fps, n), Math.round(LIP_BRIDGED_PAUSE * fps));
  const closure = t.closures ? closureWeights(audio, fps, n, undefined, undefined, undefined, t.quiet) : new Float64Array(n);
  const gaps = pauseRestGaps(sp, closure);
  // a phrase's lead-in rests at the pause's gap (lipLeadIn.ts): a parted photo keeps its own parted mouth there, a shut one stays shut
  if (t.closures && t.leadIn > 0) leadInRest(gaps, leadInClosures(speech ?? speechActivity(audio, fps, n), frameEnergy(audio, fps, n), frameHiss(audio, fps, n), t.quiet ?? undefined, t.leadIn), closure);
  return gaps;
}
