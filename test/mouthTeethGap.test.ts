// Issue #13 (teethgap): a small parting shows a dark slit or the lips' inner edge, not a row of
// teeth. The teeth fade in by the parting left between the lips' inner surfaces (frameLight.ts
// teethShown, lipSurface.ts shownGap), hidden until a mesh gap of ~0.045 IOD.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { teethShown } from '../src/render/mouth/teethRowLight.ts';
import { innerBand, shownGap } from '../src/render/mouth/lipSurface.ts';
import { analyzePortrait } from './analyzedPortrait.ts';
import { buildAvatar } from './builtAvatar.ts';
import { createRenderer } from '../src/render/renderer.ts';
import type { RgbaImage } from '../src/types.ts';
import { sharedData } from '../bench/sharedData.ts';

test('the shown parting is the gap less both lips\' inner bands (the lower one rolls out further)', () => {
  // barely open: both bands (the lower one 1 / 0.75 of the upper) take back what opening.ts's lip band
  // allowance (0.4 x gap) added, so the parting shown is the mesh gap / 1.4
  assert.ok(Math.abs(shownGap(0.05, 0) - 0.05 / 1.4) < 1e-12);
  // wide open: the bands stop at 0.022 IOD
  assert.ok(Math.abs(shownGap(0.3, 0) - (0.3 - 0.022 * (1 + 1 / 0.75))) < 1e-12);
  // an "O" shows more of its lips' inner surface, so less parting
  assert.ok(shownGap(0.1, 1) < shownGap(0.1, 0));
  assert.equal(shownGap(0, 0), 0);
  // the pixel band the shader draws is the same function (px floor aside)
  assert.ok(Math.abs(innerBand(10, 100, 0, 0.8) - 10 * (1 - 1 / 1.4) / (1 + 1 / 0.75)) < 1e-12);
  assert.equal(innerBand(1, 100, 0, 0.8), 0.8);
});

test('the teeth are hidden at a small parting and fade in smoothly by ~0.085 IOD (no switch)', () => {
  // (by the parting shown: a mesh gap of 0.045-0.083 since session 17's thinner inner-lip bands, 0.06-0.11 before)
  for (const g of [0, 0.02, 0.04, 0.044]) assert.equal(teethShown(g, 0), 0, `teeth show ${teethShown(g, 0)} at gap ${g}`);
  for (const g of [0.085, 0.15, 0.3]) assert.equal(teethShown(g, 0), 1, `teeth show only ${teethShown(g, 0)} at gap ${g}`);
  let last = 0;
  for (let g = 0; g <= 0.2; g += 0.0005) {
    const t = teethShown(g, 0);
    assert.ok(t >= last, `falls at ${g}`);
    // a fade, not a switch: no step larger than 4 % per 0.0005 IOD
    assert.ok(t - last < 0.04, `jumps ${last.toFixed(3)} -> ${t.toFixed(3)} at gap ${g.toFixed(4)}`);
    last = t;
  }
  // a rounded opening hides them longer
  assert.ok(teethShown(0.09, 1) < teethShown(0.09, 0));
});

const PORTRAITS = sharedData('portraits/');
const iodOf = (lm: number[][]) => Math.hypot(lm[33]![0]! - lm[263]![0]!, lm[33]![1]! - lm[263]![1]!);
const lum = (img: RgbaImage, x: number, y: number) => { const o = (y * img.width + x) * 4; return 0.3 * img.data[o]! + 0.59 * img.data[o + 1]! + 0.11 * img.data[o + 2]!; };

/**
 * Down the middle of the mouth (5 columns about the lip centre): the median and the brightest
 * luminance strictly between the two lip lines, and the lips' own just outside them.
 */
function openingLight(img: RgbaImage, lm: number[][]): { median: number; max: number; lips: number } {
  const cx = Math.round((lm[13]![0]! + lm[14]![0]!) / 2), top = Math.round(lm[13]![1]!), bottom = Math.round(lm[14]![1]!);
  const inside: number[] = [];
  let lips = 0;
  for (let x = cx - 2; x <= cx + 2; x++) {
    for (let y = top + 1; y < bottom; y++) inside.push(lum(img, x, y));
    lips += (lum(img, x, top - 3) + lum(img, x, bottom + 3)) / 10;
  }
  inside.sort((a, b) => a - b);
  return { median: inside[inside.length >> 1] ?? lips, max: inside[inside.length - 1] ?? 0, lips };
}

test('rendered: a 0.05 IOD parting is a dark slit, a 0.15 one shows teeth (mt_man, st_happy)', async () => {
  for (const name of ['mt_man.png', 'st_happy.png']) {
    const r = createRenderer(buildAvatar(await analyzePortrait(path.join(PORTRAITS, name))), { width: 512, height: 512 });
    const n = r.neutralFrame();
    const frame = (jaw: number) => ({ ...n, w: { ...n.w, jawOpen: jaw } });
    const gapAt = (jaw: number) => { const lm = r.landmarks(frame(jaw)); return Math.hypot(lm[13]![0]! - lm[14]![0]!, lm[13]![1]! - lm[14]![1]!) / iodOf(lm); };
    const jawFor = (gap: number) => { let j = 0; while (j < 1 && gapAt(j) < gap) j += 0.005; return j; };
    const at = (gap: number) => { const j = jawFor(gap); return openingLight(r.render(frame(j)), r.landmarks(frame(j))); };
    const small = at(0.05), open = at(0.15);
    // (a 0.03-0.07 fade by the mesh's gap drew a grey strip of shaded teeth here: mt_man median 102,
    // lips 130; now 18.5; st_happy 18.7, lips 122; lp_s9 36, lips 144; lp_s1 63, lips 129, the least dark)
    assert.ok(small.median < 0.5 * small.lips, `${name}: at a 0.05 IOD gap the opening's median is ${small.median.toFixed(0)}, the lips ${small.lips.toFixed(0)}`);
    assert.ok(open.max > open.lips + 20, `${name}: at a 0.15 IOD gap no teeth: brightest ${open.max.toFixed(0)}, lips ${open.lips.toFixed(0)}`);
  }
});
