// The upper rows' lines as rowGapFloor.ts measures them on the ready layers (readyMouth at a 512 px render), per
// portrait: the rounded row, speech's and the onset's, before the floor, the gain, and after. Never asserts.
//   node --import tsx bench/rowGapLayer.ts --portraits lp_s12.jpg,lp_s5.jpg,mt_man.png
import path from 'node:path';
import sharp from 'sharp';
import { buildAvatar } from '../src/avatar/build.ts';
import { readyMouth } from '../src/render/mouth/layers.ts';
import { upperRowDips } from '../src/render/mouth/linesToGum.ts';
import type { ReadyLayer } from '../src/render/mouth/readyLayer.ts';
import { cachedPortrait } from './portraitCache.ts';
import { SHARED_PORTRAITS } from './sharedData.ts';

const opt = (name: string, d: string) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1]! : d; };
const SIZE = 512;
for (const p of opt('--portraits', 'lp_s12.jpg,lp_s5.jpg').split(',')) {
  const avatar = buildAvatar(await cachedPortrait(path.join(SHARED_PORTRAITS, p)));
  const S = SIZE / avatar.size, perIod = avatar.head.iod * S;
  // (the layers come out floored: their dips after; the gain is undone from the after figure only roughly, so print both rows' after)
  let pre: ReadyLayer | null = null;
  const m = readyMouth(avatar, perIod, (stage, u) => { if (stage === 'look') pre = u; });
  if (process.argv.includes('--png') && pre) {
    const l: ReadyLayer = pre, px = Buffer.alloc(l.width * l.height * 3);
    for (let k = 0; k < l.width * l.height; k++) for (let c = 0; c < 3; c++) px[k * 3 + c] = Math.min(255, Math.round(l.data[k * 4 + c]! + (1 - l.data[k * 4 + 3]!) * 30));
    await sharp(px, { raw: { width: l.width, height: l.height, channels: 3 } }).resize(l.width * 4, l.height * 4, { kernel: 'nearest' }).png().toFile(`/tmp/rowGapLayer_${p}.png`);
  }
  const f = (l: ReadyLayer | null | undefined, band?: [number, number]) => (l ? `${upperRowDips(l, perIod, band).toFixed(3)}` : '-');
  const bands = ([[0, 0.04], [0.02, 0.07], [0.03, 0.1]] as [number, number][]).map((b) => `${b.join('-')} ${f(pre, b)}`).join(', ');
  console.log(`${p.padEnd(16)} rounded row before: ${bands}; after: upper ${f(m.upper)} speech ${f(m.upperSpeech)} onset ${f(m.upperOnset)}`);
}
