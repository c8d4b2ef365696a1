// Session 25 (tallO25, issue #13): lp_d6's tall "O" (f190-192) came out on lp_s42 as a lens with
// pointed corners, read .70-.75 of the clip's median width against her .49-.51, a dark maroon inside
// where hers holds a lit tongue, dark whiskers past its corners. The cheek puff and frowns the fit
// reads at an O no longer widen it (rig/mouthPrior.ts holdRoundWidth), the hole keeps lips round it
// (lipColumns.ts O_RING), the corners keep no dark dot (cornerSkin.ts), the tongue's front is lit.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { analyzePortrait } from './analyzedPortrait.ts';
import { buildAvatar } from './builtAvatar.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { holdRoundWidth, widthFromWeights, SIDE_WIDENING, ROUND_WIDTH_SLACK } from '../src/rig/mouthPrior.ts';
import { roundOpening, O_RING } from '../src/render/mouth/lipColumns.ts';
import { TextureLift } from '../src/render/mouth/textureLift.ts';
import type { RigControl } from '../src/rig/controls.ts';
import { sharedData } from '../bench/sharedData.ts';

const PORTRAITS = sharedData('portraits');

const sideWidth = (w: Partial<Record<RigControl, number>>) => Object.entries(SIDE_WIDENING).reduce((s, [c, per]) => s + per! * (w[c as RigControl] ?? 0), 0);

test("a narrow driver mouth keeps no cheek puff or frown that would widen the O past its width; a mouth at its neutral width keeps them", () => {
  // lp_d6 f190's weights: pucker 1 (the basis: .55 of rest), her mouth .55 of her neutral
  const o: Partial<Record<RigControl, number>> = { mouthPucker: 1, cheekPuff: 0.87, mouthFrownLeft: 0.74, mouthFrownRight: 0.46 };
  assert.ok(widthFromWeights(o) + sideWidth(o) > 0.66, 'before: the side wideners took the O to .67');
  holdRoundWidth(o, 0.55);
  assert.ok(widthFromWeights(o) + sideWidth(o) <= 0.55 + ROUND_WIDTH_SLACK + 1e-9, `${widthFromWeights(o) + sideWidth(o)}`);
  assert.ok(o.mouthPucker === 1 && o.cheekPuff! > 0, 'the pucker untouched, the puff scaled down, not zeroed');
  const rest: Partial<Record<RigControl, number>> = { cheekPuff: 0.5, mouthFrownLeft: 0.4 };
  holdRoundWidth(rest, 1.0);
  assert.deepEqual(rest, { cheekPuff: 0.5, mouthFrownLeft: 0.4 }, 'no hold at the neutral width');
  // the hold comes in gradually below the neutral width (no jump at 1)
  const a = { cheekPuff: 0.8 }, b = { cheekPuff: 0.8 };
  holdRoundWidth(a, 0.99); holdRoundWidth(b, 0.9);
  assert.ok(a.cheekPuff > 0.7 && b.cheekPuff < a.cheekPuff, `${a.cheekPuff} ${b.cheekPuff}`);
});

test('a full tall O keeps lips round its hole: at most 1 - O_RING of the inner width open, its centre as tall', () => {
  // a lens 40 columns wide (x 80..120) and 60 px tall at its centre: a tall O
  const upper = new Float32Array(200).fill(NaN), lower = new Float32Array(200).fill(NaN);
  for (let x = 80; x <= 120; x++) { const h = Math.max(0, 30 * (1 - ((x + 0.5 - 100) / 20) ** 2)); upper[x] = 100 - h; lower[x] = 100 + h; }
  const open = (u: Float32Array, l: Float32Array) => u.reduce((n, v, x) => n + (l[x]! - v > 0.5 ? 1 : 0), 0);
  const before = open(upper, lower);
  roundOpening(upper, lower, 100, 20, 1);
  assert.ok(open(upper, lower) <= (1 - O_RING) * before + 2, `${before} -> ${open(upper, lower)}`);
  assert.ok(Math.abs(lower[100]! - upper[100]! - 60) < 0.5, 'the centre as tall');
});

test("a texture lift's O weights: none without an O, all of them at a full one", () => {
  const data = new Uint8ClampedArray([100, 100, 100, 255]);
  const lift = new TextureLift(data, Int32Array.from([0]), Uint8ClampedArray.from([200, 200, 200]), Float32Array.from([0]), Float32Array.from([1]));
  lift.update(1);
  assert.equal(data[0], 100, 'its plain weight (a kept commissure) without an O');
  lift.update(1, 1);
  assert.equal(data[0], 200, 'lifted in a full O');
  lift.update(1, 0);
  assert.equal(data[0], 100, 'given back');
});

test('lp_s42 tall O (pucker 1, jaw .55, lower lip down .87, a dark driver mouth): a narrower hole, no dark whiskers past its corners, a lit tongue low in it', async () => {
  const portrait = await analyzePortrait(path.join(PORTRAITS, 'lp_s42.jpg'));
  const r = createRenderer(buildAvatar(portrait), { width: 512, height: 512 });
  const n = r.neutralFrame(), f = { ...n, w: { ...n.w, mouthPucker: 1, jawOpen: 0.55, mouthLowerDownLeft: 0.87, mouthLowerDownRight: 0.87 }, mouthDark: 1 };
  const img = r.render(f), lm = r.landmarks(f);
  const at = (x: number, y: number) => (Math.round(y) * 512 + Math.round(x)) * 4;
  const luma = (x: number, y: number) => { const o = at(x, y); return 0.299 * img.data[o]! + 0.587 * img.data[o + 1]! + 0.114 * img.data[o + 2]!; };
  // the hole across the middle row (red under 0.8 of the skin's beside the mouth): main 35 of the mesh's 39 px
  const l = lm[61]!, rr = lm[291]!, ym = (lm[13]![1]! + lm[14]![1]!) / 2, skinRed = img.data[at(l[0]! - 10, ym)]!;
  let open = 0;
  for (let x = Math.round(l[0]!); x <= Math.round(rr[0]!); x++) if (img.data[at(x, ym)]! < 0.8 * skinRed) open++;
  const width = rr[0]! - l[0]!;
  console.log(`# hole ${open} px of the mouth's ${width.toFixed(1)}`);
  assert.ok(open < 0.75 * width, `hole ${open} of ${width}`);
  // 1-4 px past each corner no pixel darker than half the skin 10 px out (main: .33 / .62, a dark whisker)
  for (const [c, dir] of [[l, -1], [rr, 1]] as const) {
    let least = Infinity;
    for (let d = 1; d <= 4; d++) for (let dy = -1; dy <= 1; dy++) least = Math.min(least, luma(c[0]! + dir * d, c[1]! + dy));
    const ratio = least / luma(c[0]! + dir * 10, c[1]!);
    console.log(`# corner ${dir < 0 ? 'left' : 'right'}: darkest ${ratio.toFixed(2)} of the skin`);
    assert.ok(ratio > 0.5, `corner ${ratio}`);
  }
  // the middle column's lower third (the tongue's front): main 84, its upper third 38
  const x = Math.round((lm[13]![0]! + lm[14]![0]!) / 2), y0 = Math.round(lm[13]![1]!), y1 = Math.round(lm[14]![1]!), third = Math.floor((y1 - y0) / 3);
  let s = 0;
  for (let y = y1 - third; y < y1 - 2; y++) s += luma(x, y);
  const low = s / (third - 2);
  console.log(`# lower third luma ${low.toFixed(0)}`);
  assert.ok(low > 95, `${low}`);
});
