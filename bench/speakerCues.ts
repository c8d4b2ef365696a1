// Cues from a speaker's own voice for how wide that speaker opens (issue #13: one global size made
// mt_sun over-open and Katie's openings small). The lip model sees each file normalised (level and
// average spectrum taken off), so it predicts an average speaker's opening; these per-file cues are
// what is left to tell a speaker who articulates big from one who talks through a fixed smile.
import { contextVector, LIP_FRAME_DIM, type LipAudio } from '../src/motion/lipFeatures.ts';

// mel bands [from, to) (0-based; a frame is [energy, band 0, band 1, ...])
const LOW_BANDS = [0, 8] as const, HIGH_BANDS = [16, 24] as const;

function bandMean(v: Float32Array, [a, b]: readonly [number, number]): number {
  let s = 0;
  for (let k = a; k < b; k++) s += v[1 + k]!;
  return s / (b - a);
}

const quantile = (v: number[], p: number) => { const s = [...v].sort((a, b) => a - b); return s.length ? s[Math.round(p * (s.length - 1))]! : 0; };
const meanOf = (v: number[]) => (v.length ? v.reduce((s, x) => s + x, 0) / v.length : 0);
const sdOf = (v: number[]) => { const m = meanOf(v); return Math.sqrt(meanOf(v.map((x) => (x - m) ** 2))); };

/** Per-file voice cues over the frames with speech activity >= 0.5 (relative energy in natural-log power). */
export function speechCues(audio: LipAudio, fps: number, n: number, speech: ArrayLike<number>): Record<string, number> {
  const v = new Float32Array(LIP_FRAME_DIM);
  const e: number[] = [], tilt: number[] = [], step: number[] = [];
  let prev = NaN;
  for (let i = 0; i < n; i++) {
    contextVector(audio, i / fps, [0], v);
    const here = v[0]!;
    if (speech[i]! >= 0.5) {
      e.push(here);
      tilt.push(bandMean(v, HIGH_BANDS) - bandMean(v, LOW_BANDS));
      if (Number.isFinite(prev)) step.push(Math.abs(here - prev));
    }
    prev = speech[i]! >= 0.5 ? here : NaN;
  }
  const loudCut = quantile(e, 0.8);
  const peakCut = quantile(e, 0.95);
  const loudTilt = meanOf(tilt.filter((_, k) => e[k]! >= loudCut));
  return { rate: syllableRate(audio, fps, n, speech), peakTilt: meanOf(tilt.filter((_, k) => e[k]! >= peakCut)), eSd: sdOf(e), eP10: quantile(e, 0.1), modDepth: meanOf(step), loudTilt, tiltSd: sdOf(tilt), speechShare: e.length / Math.max(1, n) };
}

/** Energy peaks (rising >= 1 ln-power unit over the dip before and falling 1 after) per second of speech: the speaking rate. */
export function syllableRate(audio: LipAudio, fps: number, n: number, speech: ArrayLike<number>): number {
  const v = new Float32Array(LIP_FRAME_DIM);
  let peaks = 0, frames = 0, rising = false, dip = Infinity, top = -Infinity;
  for (let i = 0; i < n; i++) {
    const e = contextVector(audio, i / fps, [0], v)[0]!;
    if (speech[i]! >= 0.5) frames++;
    if (rising) {
      top = Math.max(top, e);
      // the peak is over once the energy falls 1 unit under it
      if (e <= top - 1) { if (speech[i]! >= 0.5) peaks++; rising = false; dip = e; }
    } else {
      dip = Math.min(dip, e);
      if (e >= dip + 1) { rising = true; top = e; }
    }
  }
  return peaks / Math.max(1, frames / fps);
}

/**
 * The file's average spectrum over its speech (before the lip features take it off): tilt (high bands
 * minus low, natural-log power) and the mid bands' share; a pressed, effortful voice has a flatter tilt.
 * Microphones colour it too, which is why it is only a candidate cue.
 */
export function spectrumCues(raw: Float32Array, n100: number): Record<string, number> {
  const D = LIP_FRAME_DIM;
  const energy = Array.from({ length: n100 }, (_, j) => raw[j * D]!);
  const level = quantile(energy, 0.95);
  const mean = new Float64Array(D - 1);
  let count = 0;
  for (let j = 0; j < n100; j++) {
    if (energy[j]! < level - 4.6) continue;
    count++;
    for (let b = 0; b < D - 1; b++) mean[b]! += raw[j * D + 1 + b]!;
  }
  const band = (a: number, b: number) => { let s = 0; for (let k = a; k < b; k++) s += mean[k]! / Math.max(1, count); return s / (b - a); };
  return { rawTilt: band(16, 24) - band(0, 8), rawMid: band(8, 16) - band(0, 8), level };
}
