// Which stage of readyMouth (layers.ts) makes the library rows' front pair brighter than its neighbours and the lower row a
// comb of beads (issue #13, teethtex52): per stage, per row, the column light near the tips (the mean straight-alpha luma
// over the TIP_BAND iod in from each column's tip) and from it `front` (upper: centrals |x| < .075 iod over laterals
// .11-.16) and `bead` (lower: the mean depth of its dips within .17 iod of the midline under the lesser brightest column
// either side within .035 iod, dips over .04) and the dips' count. Never asserts.
//   node --import tsx bench/teethTextureStages.ts [--portraits lp_s9.jpg,mt_man.png]
import path from 'node:path';
import { cachedPortrait } from './portraitCache.ts';
import { buildAvatar } from '../src/avatar/build.ts';
import { readyMouth } from '../src/render/mouth/layers.ts';
import type { ReadyLayer } from '../src/render/mouth/readyLayer.ts';
import { luminance as lum } from '../src/math/colour.ts';
import { SHARED_PORTRAITS } from './sharedData.ts';

const args = process.argv.slice(2);
const opt = (name: string, dflt: string) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1]! : dflt; };
const portraits = opt('--portraits', 'lp_s9.jpg,mt_man.png,st_full_body_1.png').split(',');
const SIZE = 512;
const TIP_BAND: [number, number] = [0.004, 0.03];

/** Per column: x (iod from the anchor) and the mean luma over TIP_BAND in from its tip (NaN: no tip). */
export function tipLight(l: ReadyLayer, perIod: number, tipsDown: boolean): { x: number; v: number }[] {
  const W = l.width, H = l.height, d = l.data, out: { x: number; v: number }[] = [];
  const a0 = Math.round(TIP_BAND[0] * perIod), a1 = Math.max(a0 + 1, Math.round(TIP_BAND[1] * perIod));
  for (let x = 0; x < W; x++) {
    let tip = -1;
    for (let k = 0; k < H && tip < 0; k++) { const y = tipsDown ? H - 1 - k : k; if (d[(y * W + x) * 4 + 3]! >= 0.5) tip = y; }
    if (tip < 0) continue;
    let s = 0, n = 0;
    for (let k = a0; k <= a1; k++) {
      const y = tipsDown ? tip - k : tip + k;
      if (y < 0 || y >= H) break;
      const o = (y * W + x) * 4, a = d[o + 3]!;
      if (a >= 0.9) { s += lum(d[o]!, d[o + 1]!, d[o + 2]!) / a; n++; }
    }
    if (n) out.push({ x: (x + 0.5 - l.anchorX) / perIod, v: s / n });
  }
  return out;
}
const med = (v: number[]) => { const s = [...v].sort((a, b) => a - b); return s.length ? s[s.length >> 1]! : NaN; };
export function frontOf(c: { x: number; v: number }[]): number {
  return med(c.filter((q) => Math.abs(q.x) < 0.075).map((q) => q.v)) / med(c.filter((q) => Math.abs(q.x) >= 0.11 && Math.abs(q.x) < 0.16).map((q) => q.v));
}
export function beadOf(c: { x: number; v: number }[], perIod: number): { bead: number; dips: number } {
  const p = c.filter((q) => Math.abs(q.x) < 0.17).map((q) => q.v), r = Math.max(1, Math.round(0.035 * perIod)), depths: number[] = [];
  for (let i = 1; i < p.length - 1; i++) {
    if (p[i]! > p[i - 1]! || p[i]! > p[i + 1]!) continue;
    let left = -Infinity, right = -Infinity;
    for (let j = Math.max(0, i - r); j < i; j++) left = Math.max(left, p[j]!);
    for (let j = i + 1; j <= Math.min(p.length - 1, i + r); j++) right = Math.max(right, p[j]!);
    const e = Math.min(left, right);
    if (e > p[i]! && (e - p[i]!) / e > 0.04) depths.push((e - p[i]!) / e);
  }
  return { bead: depths.length ? depths.reduce((a, b) => a + b, 0) / depths.length : 0, dips: depths.length };
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('teethTextureStages.ts')) {
  for (const name of portraits) {
    const avatar = buildAvatar(await cachedPortrait(name.startsWith('/') ? name : path.join(SHARED_PORTRAITS, name)));
    const outPerIod = avatar.head.iod * (SIZE / avatar.size);
    readyMouth(avatar, outPerIod, (stage, upper, lower) => {
      // (the rows' own sizes follow the mouth's width; the probe reads in output px per iod, close enough for a ratio)
      const f = frontOf(tipLight(upper, outPerIod, true));
      const b = lower ? beadOf(tipLight(lower, outPerIod, false), outPerIod) : null;
      console.log(`${path.basename(name).padEnd(18)} ${stage.padEnd(9)} front ${f.toFixed(3)}  ${b ? `lower bead ${b.bead.toFixed(3)} dips ${b.dips}` : ''}`);
    });
  }
  process.exit(0);
}
