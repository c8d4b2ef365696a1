// Session 19 (critic18, issue #13: "no tongue ever"): the tongue was drawn over 0.3-0.6 of a
// speech opening but at 0.3-0.5 of the lips' light, its top a soft fade into the cavity: a murky
// glow, not a tongue. Now it has the lips' light (tongue.ts atLipLight), a level top made a contour
// (withLevelTop, tongueEdge) and a dome's arc (tongueDome). Figures: bench/tongueShow.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { analyzePortrait } from './analyzedPortrait.ts';
import { buildAvatar } from './builtAvatar.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { teethLibrary } from '../src/render/mouth/library.ts';
import { ready } from '../src/render/mouth/readyLayer.ts';
import { tongueDome, tongueEdge, withLevelTop } from '../src/render/mouth/tongue.ts';
import { tongueDrawn } from '../bench/tongueFigures.ts';
import type { Portrait } from '../src/types.ts';
import { sharedData } from '../bench/sharedData.ts';

const PORTRAITS = sharedData('portraits');

/** A renderer of `portrait`, without the library tongue when `tongue` is false (its alpha zeroed while the mouth layers are made). */
function rendererOf(portrait: Portrait, tongue: boolean) {
  const t = teethLibrary().tongue!, saved = Float32Array.from(t.data);
  if (!tongue) for (let o = 3; o < t.data.length; o += 4) t.data[o] = 0;
  try { return createRenderer(buildAvatar(portrait), { width: 512, height: 512 }); } finally { t.data.set(saved); }
}

test('a speech opening (lp_s42, motion jawOpen 0.35) shows its tongue near the lips\' light, not a murky glow', async () => {
  const portrait = await analyzePortrait(path.join(PORTRAITS, 'lp_s42.jpg'));
  const r = rendererOf(portrait, true), bare = rendererOf(portrait, false);
  const n = r.neutralFrame();
  const f = { ...n, w: { ...n.w, jawOpen: 0.35 } };
  const s = tongueDrawn(r.render(f).data, bare.render(f).data, r.landmarks(f), 512, 512)!;
  console.log(`lp_s42 jawOpen 0.35: tongue ${s.share.toFixed(2)} of the opening at ${s.light.toFixed(2)} of the lips' luma`);
  // before session 19: 0.41 of the opening at 0.33 of the lips' luma; lp_d6's real tongue at
  // 0.2-0.3 IOD gaps ~0.85 of its lips'
  assert.ok(s.light > 0.5, `tongue luma / lips ${s.light.toFixed(2)}`);
  assert.ok(s.share > 0.2, `tongue share ${s.share.toFixed(2)}`);
});

test('the library tongue\'s top is one level line (the source\'s lower-teeth W drew a wavy contour)', () => {
  const l = withLevelTop(ready(teethLibrary().tongue!, 140, 1.5, { gain: [1, 1, 1], saturation: 1 }));
  const tops: number[] = [];
  for (let x = 0; x < l.width; x++) {
    for (let y = 0; y < l.anchorY; y++) if (l.data[(y * l.width + x) * 4 + 3]! >= 0.5) { tops.push(y); break; }
  }
  assert.ok(tops.length > 0.3 * l.width, `${tops.length} columns`);
  assert.ok(Math.max(...tops) - Math.min(...tops) <= 1, `tops ${Math.min(...tops)}-${Math.max(...tops)}`);
});

test('the tongue is a dome (lower toward the corners) with a contour for a top', () => {
  assert.equal(tongueDome(0), 1);
  assert.ok(tongueDome(0.5) < 1 && tongueDome(1) < tongueDome(0.5) && tongueDome(1) > 0.3);
  assert.equal(tongueEdge(0), 0);
  assert.equal(tongueEdge(1), 1);
  assert.ok(tongueEdge(0.3) < 0.3 && tongueEdge(0.7) > 0.7, 'steeper than the soft alpha');
});
