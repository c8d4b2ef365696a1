// Session 26 (mtman26, issue #13 / critic25 fix-first #1: "the lower lip, when open, becomes a glossy
// pink blob like a tongue"): in mt_man's speech openings the lower lip hangs under the jaw's anchor,
// the jaw set follows it down to hide the lower row and the tongue only half as far, so its top stood
// 0.73-1.0 of the gap over the lower lip: one pink surface from the lip to the upper teeth. The tongue
// now stands at most half the gap over the lip there (frameLight.ts tongueSink). Figures:
// bench/openLowerLip.ts, docs/mouth/README.md (session 26, mtman26).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { analyzePortrait } from './analyzedPortrait.ts';
import { buildAvatar } from './builtAvatar.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { teethLibrary } from '../src/render/mouth/library.ts';
import type { MouthPlacement } from '../src/render/mouth/frameLight.ts';
import { tongueSink } from '../src/render/mouth/tonguePlace.ts';
import { tongueDrawn } from '../bench/tongueFigures.ts';
import type { Portrait } from '../src/types.ts';
import { sharedData } from '../bench/sharedData.ts';

const PORTRAITS = sharedData('portraits');

function rendererOf(portrait: Portrait, tongue: boolean) {
  const t = teethLibrary().tongue!, saved = Float32Array.from(t.data);
  if (!tongue) for (let o = 3; o < t.data.length; o += 4) t.data[o] = 0;
  try { return createRenderer(buildAvatar(portrait), { width: 512, height: 512 }); } finally { t.data.set(saved); }
}

/** a frontal placement, 100 px per IOD, the lower lip `lipUnder` IOD under the jaw's anchor */
const place = (gap: number, lipUnder: number): MouthPlacement => ({ upperX: 0, upperY: 0, lowerX: 0, lowerY: 10, cos: 1, sin: 0, scale: 1, squeeze: 1, unit: 100, gap, photoGap: 0, rebuilt: 1, lowerLipX: 0, lowerLipY: 10 + 100 * lipUnder });

test('the tongue sinks only where the lower lip hangs under the jaw, in a speech opening, as far as it stands over half the gap', () => {
  // tongue 11 px tall over its anchor, lower tips 8 px, a 0.19 IOD gap
  const hanging = tongueSink(place(0.19, 0.03), 11, 8, 1, 7, 0, 0);
  assert.ok(hanging > 3, `sink ${hanging.toFixed(1)} px`);
  // its top after the sink: half the gap over the lip (no higher than the tips + 0.035 IOD allow)
  const topOverLip = 11 + 3 - 0.5 * 7 + 3 - hanging;
  assert.ok(Math.abs(topOverLip - 0.5 * 19) < 0.01, `top ${topOverLip.toFixed(2)} px over the lip`);
  assert.equal(tongueSink(place(0.19, 0), 11, 8, 1, 7, 0, 0), 0, 'a lip at the anchor (a plain jawOpen)');
  assert.equal(tongueSink(place(0.5, 0.03), 11, 8, 1, 7, 0, 1), 0, 'a wide opening (tongueFillGrow)');
  assert.equal(tongueSink(place(0.19, 0.03), null, 8, 1, 7, 0, 0), 0, 'no tongue');
});

test('mt_man\'s loud speech frame (mt_sun.wav f119): the tongue covers less of the opening, in the mouth\'s shade', async () => {
  const portrait = await analyzePortrait(path.join(PORTRAITS, 'mt_man.png'));
  const r = rendererOf(portrait, true), bare = rendererOf(portrait, false);
  const n = r.neutralFrame();
  const f = { ...n, w: { ...n.w, jawOpen: 0.264, mouthLowerDown: 0.173, mouthUpperUp: 0.225, mouthStretchLeft: 0.063, mouthStretchRight: 0.063, mouthPucker: 0.051, mouthFunnel: 0.043 } };
  const s = tongueDrawn(r.render(f).data, bare.render(f).data, r.landmarks(f), 512, 512)!;
  console.log(`mt_man f119's mouth: tongue ${s.share.toFixed(2)} of the opening at ${s.light.toFixed(2)} of the lips' luma`);
  // before: 0.32 of the opening at 0.56 of the lips' luma, its top 0.76 of the gap over the lower lip
  assert.ok(s.share < 0.27, `tongue share ${s.share.toFixed(2)}`);
  assert.ok(s.light < 0.5, `tongue luma / lips ${s.light.toFixed(2)}`);
  assert.ok(s.share > 0.1, `some tongue still shows ${s.share.toFixed(2)}`);
});
