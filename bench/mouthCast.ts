// Is there anything tooth-coloured in a driver's opening at all (s50 freshteeth50, issue #13)? Per frame of a cached
// track: the opening's pixel count, how many are lit (luma over the lips'), the least saturation among the lit ones
// beside the lips' and the cheeks' (a red-cast scene moves all three), how many pass isTeethPixel, the share of the
// opening (and of its lower half) over .6 of the lips' luma (a lit tongue or teeth, not cavity), the track's shares;
// `--profile f1,f2`: that frame's rows down five middle columns (RGB, luma over the lips', saturation).
//   node --import tsx bench/mouthCast.ts --video /work/review/s50/media/pcavs86.mp4 [--fps 25] [--profile 12,27]
// Never asserts.
import path from 'node:path';
import { decodeVideoFrames } from '../src/io/media.ts';
import { isTeethPixel, lipReference } from '../src/motion/mouthDark.ts';
import { saturation } from '../src/math/colour.ts';
import { quantile } from '../src/math/stats.ts';
import { MOUTH_LOOP } from '../src/rig/topology.ts';
import { rowCrossings } from '../src/math/polygon.ts';
import { cachedTrack } from './driverTracks.ts';
import { SHARED_DATA } from './sharedData.ts';

const args = process.argv.slice(2);
const opt = (name: string, dflt: string) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1]! : dflt; };
const video = opt('--video', ''), fps = Number(opt('--fps', '25'));
const profile = opt('--profile', '').split(',').filter(Boolean).map(Number);
const file = video.includes('/') ? video : path.join(SHARED_DATA, 'video', video);
const raw = await cachedTrack(video, fps);
const f2 = (v: number) => (Number.isFinite(v) ? v.toFixed(2) : '--');
let k = -1;
for await (const img of decodeVideoFrames(file, { fps, maxSide: 720 })) {
  k++;
  const t = raw[k], lm = t?.lm;
  if (!lm) continue;
  const W = img.width, d = img.data, ref = lipReference(img, lm), at = (p: number) => [lm[p * 3]!, lm[p * 3 + 1]!] as const;
  const iod = Math.hypot(at(33)[0] - at(263)[0], at(33)[1] - at(263)[1]);
  // the cheeks: a 5x5 patch at landmarks 50 and 280 (mid cheek), median saturation
  const cheek: number[] = [];
  for (const p of [50, 280]) for (let dy = -2; dy <= 2; dy++) for (let dx = -2; dx <= 2; dx++) {
    const i = ((Math.round(at(p)[1]) + dy) * W + Math.round(at(p)[0]) + dx) * 4; cheek.push(saturation(d[i]!, d[i + 1]!, d[i + 2]!));
  }
  const poly = MOUTH_LOOP.map((p) => [...at(p)] as [number, number]), xs: number[] = [];
  let y0 = Infinity, y1 = -Infinity, n = 0, lit = 0, teeth = 0, minS = Infinity, glow = 0, nLow = 0, glowLow = 0;
  for (const [, y] of poly) { y0 = Math.min(y0, y); y1 = Math.max(y1, y); }
  for (let y = Math.max(0, Math.ceil(y0)); y <= Math.min(img.height - 1, Math.floor(y1)); y++) {
    rowCrossings(poly, y, xs);
    for (let q = 0; q + 1 < xs.length; q += 2) for (let x = Math.max(0, Math.ceil(xs[q]!)); x < Math.min(W, xs[q + 1]!); x++) {
      const i = (y * W + x) * 4, r = d[i]!, g = d[i + 1]!, b = d[i + 2]!, L = (0.299 * r + 0.587 * g + 0.114 * b) / ref.light;
      n++;
      const low = y > (at(13)[1] + at(14)[1]) / 2;
      if (L > 0.6) glow++;
      if (low) { nLow++; if (L > 0.6) glowLow++; }
      if (isTeethPixel(r, g, b, ref.light, ref.sat)) teeth++;
      if (L > 0.9) { lit++; minS = Math.min(minS, saturation(r, g, b)); }
    }
  }
  if (n > 60) console.log(`f${k} n ${n} lit ${lit} minS(lit) ${f2(minS)} lipS ${f2(ref.sat)} cheekS ${f2(quantile(cheek, 0.5))} teethPx ${teeth} | over .6 ${f2(glow / n)} lower half ${f2(glowLow / Math.max(1, nLow))} | track share ${f2(t.teethShare ?? NaN)}`);
  if (!profile.includes(k)) continue;
  const cx = Math.round((at(13)[0] + at(14)[0]) / 2);
  for (let y = Math.round(at(13)[1]) - 4; y <= Math.round(at(14)[1]) + 4; y += 2) {
    const cols = [-12, -6, 0, 6, 12].map((dx) => {
      const x = cx + Math.round((dx * iod) / 69), i = (y * W + x) * 4, r = d[i]!, g = d[i + 1]!, b = d[i + 2]!;
      return `${r},${g},${b} L${f2((0.299 * r + 0.587 * g + 0.114 * b) / ref.light)} s${f2(saturation(r, g, b))}`;
    });
    console.log(`  y${y} ${cols.join(' | ')}`);
  }
}
