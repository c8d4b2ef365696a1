// Session 27 (issue #13, teeth27): a soft smile at a small parting drew the library rows as one white
// band from lip to lip and corner to corner, clenched teeth (lp_s5 <- lp_d10 f130-f183); a painting's
// tooth separations faded under its softening (st_art_1's slab).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { FrameLight, type MouthPlacement } from '../src/render/mouth/frameLight.ts';
import { lowerLipGap } from '../src/render/mouth/interior.ts';
import { lowerSmileLit, softSmileLit } from '../src/render/mouth/softSmile.ts';
import { columnLines, UPPER_TEETH_WIDTHS } from '../src/render/mouth/toothRelief.ts';
import { analyzePortrait } from './analyzedPortrait.ts';
import { buildAvatar } from './builtAvatar.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { polygonMask } from '../src/eval/masks.ts';
import { LIPS_INNER_LOWER, LIPS_INNER_UPPER } from '../src/rig/topology.ts';
import { sharedData } from '../bench/sharedData.ts';

const PORTRAITS = sharedData('portraits');
const PLACE: MouthPlacement = { upperX: 32, upperY: 10, lowerX: 32, lowerY: 40, cos: 1, sin: 0, scale: 1, squeeze: 1, unit: 100, gap: 0.1, photoGap: 0, rebuilt: 1 };
const layers = { upper: null, lower: null, tongue: null, cavity: [20, 10, 12] as [number, number, number], fromPhoto: false } as never;
const lightAt = (p: Partial<MouthPlacement>) => { const l = new FrameLight(); l.set({ ...PLACE, ...p }, layers, null, null, [140, 60, 55], [180, 100, 90]); return l; };

test('the upper row fades out over the lower lip: a dark line at a small opening, nothing taken from a tall one', () => {
  // a 6 px opening (0.06 IOD at 100 px): gone on the lip, whole 2.4 px over it
  assert.equal(lowerLipGap(0, 6, 100), 0);
  assert.equal(lowerLipGap(2.4, 6, 100), 1);
  assert.ok(lowerLipGap(1.5, 6, 100) > 0 && lowerLipGap(1.5, 6, 100) < 1);
  // a 30 px opening: the band is capped at 0.03 IOD (3 px), the row's body untouched
  assert.equal(lowerLipGap(3, 30, 100), 1);
  assert.equal(lowerLipGap(5, 0, 100), 1);
});

test("a soft smile's small parting keeps the corners' and lip's shade and the lower row under the lip; an open smile is as before", () => {
  assert.equal(softSmileLit(1, 0.15), 1);
  assert.equal(lowerSmileLit(1, 0.15), 1);
  assert.equal(softSmileLit(1, 0.04), 0.5);
  assert.equal(lowerSmileLit(1, 0.06), 0);
  const soft = lightAt({ smile: 0.7, gap: 0.05 }), open = lightAt({ smile: 0.7, gap: 0.15 });
  assert.ok(soft.sideDark > open.sideDark + 0.1, `side dark ${soft.sideDark.toFixed(2)} vs ${open.sideDark.toFixed(2)}`);
  assert.ok(soft.lipShade > open.lipShade, `lip shade ${soft.lipShade.toFixed(3)} vs ${open.lipShade.toFixed(3)}`);
  assert.ok(soft.lowerLight < 0.5 && open.lowerLight === 1, `lower row light ${soft.lowerLight.toFixed(2)} vs ${open.lowerLight.toFixed(2)}`);
  // the whole upper row still shows in a smile (the body is not speech's edge band)
  assert.equal(soft.bodyShow, 1);
});

test("a soft picture's lines between teeth keep half a sharp line's darkness, a sharp picture's are as before", () => {
  // the midline, between the central incisors: a tooth's rounded side there is 0.05 darker (ROUND_DARK)
  const line = (soft: number) => 1 - columnLines(0, UPPER_TEETH_WIDTHS, soft, 0) / 0.95;
  const bare = line(0), sharp = line(0.0037), soft = line(0.012);
  assert.ok(soft >= 0.5 * bare - 1e-9 && soft < bare, `soft line ${soft.toFixed(3)} vs sharp ${bare.toFixed(3)}`);
  assert.ok(Math.abs(sharp - bare * (0.0035 / Math.hypot(0.0035, 0.0037))) < 1e-9, `sharp picture's line ${sharp.toFixed(4)} kept in sum`);
});

test('lp_s5 (a painted child) at a soft smile: a dark line between the upper teeth and the lower lip, no band lip to lip', async () => {
  const r = createRenderer(buildAvatar(await analyzePortrait(path.join(PORTRAITS, 'lp_s5.jpg'))), { width: 512, height: 512 });
  const n = r.neutralFrame();
  const f = { ...n, w: { ...n.w, jawOpen: 0.15, mouthSmileLeft: 0.7, mouthSmileRight: 0.7 } };
  const d = r.render(f).data, lm = r.landmarks(f);
  const poly = [...LIPS_INNER_UPPER, ...[...LIPS_INNER_LOWER].reverse()].map((k) => [lm[k]![0]!, lm[k]![1]!] as [number, number]);
  const mask = polygonMask(poly, 512, 512);
  const cx = (lm[13]![0]! + lm[14]![0]!) / 2, half = Math.abs(lm[308]![0]! - lm[78]![0]!) / 2;
  // per middle column, the luma of the lowest opening pixel over the brightest in those columns (slab28: over
  // each column's own brightest until session 28, when the rows' rounded teeth darkened the columns at their sides)
  const lows: number[] = [];
  let rowHi = 0;
  for (let x = Math.round(cx - 0.4 * half); x <= cx + 0.4 * half; x++) {
    let hi = 0, last = -1;
    for (let y = 0; y < 512; y++) {
      const q = y * 512 + x;
      if (!mask[q]) continue;
      const l = 0.299 * d[q * 4]! + 0.587 * d[q * 4 + 1]! + 0.114 * d[q * 4 + 2]!;
      hi = Math.max(hi, l); last = l;
    }
    if (last >= 0 && hi > 0) { lows.push(last); rowHi = Math.max(rowHi, hi); }
  }
  const ratios = lows.map((l) => l / rowHi).sort((a, b) => a - b);
  const median = ratios[ratios.length >> 1]!;
  console.log(`lp_s5 soft smile: lowest opening pixel / brightest, middle columns: median ${median.toFixed(3)} (n ${ratios.length})`);
  // (main 918a98c: 0.659, the row lit down to the lip; teeth27: 0.567; over the columns' brightest: 918a98c 0.606, 64cd961 0.537, slab28 0.538)
  assert.ok(ratios.length > 10 && median < 0.58, `lowest pixel ${median.toFixed(3)} of the teeth's light`);
});
