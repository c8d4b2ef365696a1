// Session 21 (teeth21, issue #13, critic20): on a sharp photo the library row was white in its two
// centre teeth and grey either side (the library's video frames lit from one side: laterals at
// 0.6-0.75 of the centre), where Katie's real row is white to the canines and beyond them the dark
// corridor. Now a sharp picture's row is levelled along it to the canines (rowLevel.ts levelledRow);
// a soft picture (session 20) keeps the library's fall.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { levelledRow, rowLevelGains } from '../src/render/mouth/rowLevel.ts';
import type { ReadyLayer } from '../src/render/mouth/readyLayer.ts';
import { analyzePortrait } from './analyzedPortrait.ts';
import { buildAvatar } from './builtAvatar.ts';
import { readyMouth } from '../src/render/mouth/layers.ts';
import { softRowOutlineSetting } from '../src/render/mouth/softRowOutline.ts';
import { luminance as lum } from '../src/math/colour.ts';
import { sharedData } from '../bench/sharedData.ts';

const PORTRAITS = sharedData('portraits');

/** A 120 x 30 upper row (tips down at y 24), at 400 px per iod (all of it within the canines): grey `left` on the left half, 200 on the right, a dark line every 8 px. */
function twoToneRow(left: number): ReadyLayer {
  const W = 120, H = 30, data = new Float32Array(W * H * 4);
  for (let y = 0; y < 25; y++) for (let x = 10; x < 110; x++) {
    const v = (x < 60 ? left : 200) * (x % 8 === 0 ? 0.8 : 1), o = (y * W + x) * 4;
    data[o] = v; data[o + 1] = v; data[o + 2] = 0.95 * v; data[o + 3] = 1;
  }
  return { width: W, height: H, anchorX: 60, anchorY: 0, data };
}
const at = (l: ReadyLayer, x: number, y: number) => { const o = (y * l.width + x) * 4; return lum(l.data[o]!, l.data[o + 1]!, l.data[o + 2]!) / l.data[o + 3]!; };

test('a row lit from one side is levelled to its bright side, its lines kept', () => {
  const row = twoToneRow(130), level = levelledRow(row, 400, 1, 1);
  assert.ok(at(level, 25, 20) > 0.9 * at(level, 95, 20), `dim side ${at(level, 25, 20).toFixed(0)} against ${at(level, 95, 20).toFixed(0)}`);
  assert.ok(at(level, 24, 20) < 0.85 * at(level, 25, 20), 'the line between teeth stays darker than the tooth beside it');
  assert.ok(at(level, 95, 20) <= 206, 'the bright side is hardly lifted');
  assert.deepEqual(levelledRow(row, 400, 1, 0), row, 'share 0 (a soft picture): unchanged');
  const gains = rowLevelGains(row, 400, 1, 0.5);
  assert.ok(rowLevelGains(row, 100, 1, 1)[15]! < 1.02, 'past the canines (0.45 iod out at 100 px per iod) the row keeps its fall');
  assert.ok(gains[25]! > 1.1 && gains[25]! < Math.sqrt(200 / 130) + 0.02, `half the way (log): ${gains[25]!.toFixed(3)}`);
});

/** The largest gain rowLevelGains would still put on the row within 0.15 iod of its centre: how unevenly lit it is. */
async function unevenness(name: string): Promise<number[]> {
  // by path, so the run's shared analysis serves it (s39: given the decoded pixels it analysed afresh every run;
  // the two analyses are the same but for analysis.source.file, measured deepEqual on lp_s1)
  const av = buildAvatar(await analyzePortrait(path.join(PORTRAITS, name)));
  const iod = av.head.iod, L = readyMouth(av, iod);
  return ([[L.upper, 1], [L.lower, -1]] as const).map(([l, dir]) => {
    const g = rowLevelGains(l, iod, dir, 1);
    let most = 1;
    for (let x = Math.round(l.anchorX - 0.15 * iod); x <= l.anchorX + 0.15 * iod; x++) most = Math.max(most, g[x]!);
    return most;
  });
}

test('a sharp photo\'s rows are lit evenly to the canines; a soft picture keeps the library\'s fall', async () => {
  // (main before session 21: lp_s1 1.19 / 1.15, lp_s11 1.17 / 1.14)
  const sharp = await unevenness('lp_s1.jpg');
  assert.ok(sharp.every((g) => g < 1.12), `lp_s1 upper / lower ${sharp.map((g) => g.toFixed(2)).join(' / ')}`);
  // (the soft row's light fall read with s58 softteeth58's outline blur off: softRowOutline.ts blurs lp_s11's upper row's
  // outline into the opening, which evens the gains this reads at the row's edge, 1.11 with it on)
  softRowOutlineSetting.on = false;
  try {
    const soft = await unevenness('lp_s11.jpg');
    assert.ok(soft[0]! > 1.12, `lp_s11 (soft) upper ${soft[0]!.toFixed(2)}: session 20's soft teeth unchanged`);
  } finally { softRowOutlineSetting.on = true; }
});
