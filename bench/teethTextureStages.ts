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
import { tipBandLight } from '../src/render/mouth/rowFlat.ts';
import { dipDepths } from './teethTextureFigures.ts';
import { SHARED_PORTRAITS } from './sharedData.ts';

const args = process.argv.slice(2);
const opt = (name: string, dflt: string) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1]! : dflt; };
const portraits = opt('--portraits', 'lp_s9.jpg,mt_man.png,st_full_body_1.png').split(',');
const SIZE = 512;
const TIP_BAND: [number, number] = [0.004, 0.03];

/** Per column: x (iod from the anchor) and the mean luma over TIP_BAND in from its tip (columns with no tip left out). */
export function tipLight(l: ReadyLayer, perIod: number, tipsDown: boolean): { x: number; v: number }[] {
  return [...tipBandLight(l, perIod, tipsDown, TIP_BAND)].flatMap((v, x) => (Number.isNaN(v) ? [] : [{ x: (x + 0.5 - l.anchorX) / perIod, v }]));
}
const med = (v: number[]) => { const s = [...v].sort((a, b) => a - b); return s.length ? s[s.length >> 1]! : NaN; };
export function frontOf(c: { x: number; v: number }[]): number {
  return med(c.filter((q) => Math.abs(q.x) < 0.075).map((q) => q.v)) / med(c.filter((q) => Math.abs(q.x) >= 0.11 && Math.abs(q.x) < 0.16).map((q) => q.v));
}
export function beadOf(c: { x: number; v: number }[], perIod: number): { bead: number; dips: number } {
  const p = c.filter((q) => Math.abs(q.x) < 0.17).map((q) => q.v);
  const depths = dipDepths(p, Math.max(1, Math.round(0.035 * perIod))).filter((v) => v > 0.04);
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
