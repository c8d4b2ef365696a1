// The light/dark step across a turned nose's ridge (issue #15, s44): a hard seam down the nose (lp_s10 at +25:
// the revealed sidewall's pale cheek texels against the shaded flank) against a soft terminator. Pure.
import type { RgbaImage } from '../types.ts';
import { NOSE_RIDGE } from '../rig/topology.ts';

/** Ridge points from the bridge (6) to the tip (4), `per` samples per segment. */
function ridgeSamples(lm: ArrayLike<ArrayLike<number>>, per: number): [number, number][] {
  const ids = NOSE_RIDGE.slice(1, 6); // 6, 197, 195, 5, 4
  const out: [number, number][] = [];
  for (let k = 0; k + 1 < ids.length; k++) {
    const a = lm[ids[k]!]!, b = lm[ids[k + 1]!]!;
    for (let s = 0; s < per; s++) { const t = s / per; out.push([a[0]! + t * (b[0]! - a[0]!), a[1]! + t * (b[1]! - a[1]!)]); }
  }
  return out;
}

/**
 * Along the ridge, per sample: the luma profile across x (a 5-row mean), within `reach` face widths of
 * the ridge (face width: the distance of landmarks 234 and 454). step: the median of the largest
 * difference between pixels 3 px apart; width: the median px the profile takes from 20% to 80% of its
 * range around that rise (a seam ~1-2 px, a soft terminator wider).
 */
export function ridgeStep(img: RgbaImage, lm: ArrayLike<ArrayLike<number>>, reach = 0.06): { step: number; width: number } {
  const { width: w, height: h, data } = img;
  const fw = Math.hypot(lm[234]![0]! - lm[454]![0]!, lm[234]![1]! - lm[454]![1]!);
  const half = Math.max(4, Math.round(reach * fw));
  const lum = (x: number, y: number) => {
    let s = 0, c = 0;
    for (let dy = -2; dy <= 2; dy++) {
      const yy = Math.min(h - 1, Math.max(0, y + dy)), xx = Math.min(w - 1, Math.max(0, x)), i = (yy * w + xx) * 4;
      s += 0.299 * data[i]! + 0.587 * data[i + 1]! + 0.114 * data[i + 2]!; c++;
    }
    return s / c;
  };
  const steps: number[] = [], widths: number[] = [];
  for (const [px, py] of ridgeSamples(lm, 3)) {
    const x0 = Math.round(px), y0 = Math.round(py);
    const prof: number[] = [];
    for (let x = x0 - half; x <= x0 + half; x++) prof.push(lum(x, y0));
    let best = 0, at = 0;
    for (let k = 0; k + 3 < prof.length; k++) { const d = Math.abs(prof[k + 3]! - prof[k]!); if (d > best) { best = d; at = k + 1.5; } }
    steps.push(best);
    // 20-80% rise around the steepest point
    const lo = Math.min(...prof), hi = Math.max(...prof), rising = prof[Math.ceil(at) + 1]! > prof[Math.floor(at) - 1 < 0 ? 0 : Math.floor(at) - 1]!;
    const level = (f: number) => lo + f * (hi - lo);
    const crossing = (f: number, dir: -1 | 1) => {
      let k = Math.round(at);
      while (k > 0 && k < prof.length - 1 && (rising ? (dir < 0 ? prof[k]! > level(f) : prof[k]! < level(f)) : (dir < 0 ? prof[k]! < level(f) : prof[k]! > level(f)))) k += dir;
      return k;
    };
    widths.push(Math.abs(crossing(0.8, rising ? 1 : -1) - crossing(0.2, rising ? -1 : 1)));
  }
  const med = (a: number[]) => { const s = [...a].sort((x, y) => x - y); return s[s.length >> 1]!; };
  return { step: med(steps), width: med(widths) };
}
