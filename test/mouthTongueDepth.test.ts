// Session 24 (critic23, issue #13: lp_s2 <- lp_d10 f83/f87, "a pitch-black crescent over a grey tongue; the
// tongue under the rows is flat grey-mauve"): a wide opening's tongue darkens over its back toward the throat
// (frameLight.ts TONGUE_LIT_SHARE 0.7 -> 0.2: lit flat to its top, its contour was a step from black to the lips'
// light), and on a black-and-white photo the lip edge it takes its hue from is grey (placement.ts
// lipSurfaceColours: the edge's red tint was applied whatever the photo's colourfulness: a mauve tongue and rims).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { analyzePortrait } from './analyzedPortrait.ts';
import { buildAvatar } from './builtAvatar.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { readyMouth } from '../src/render/mouth/layers.ts';
import { lipSurfaceColours } from '../src/render/mouth/placement.ts';
import { luminance as lum } from '../src/math/colour.ts';
import { sharedData } from '../bench/sharedData.ts';

const PORTRAITS = sharedData('portraits');
const avatarOf = async (name: string) => buildAvatar(await analyzePortrait(path.join(PORTRAITS, name)));

test('a wide opening (lp_s2, jawOpen 0.8): the tongue darkens toward its top instead of a lit step at its contour', async () => {
  const r = createRenderer(await avatarOf('lp_s2.jpg'), { width: 512, height: 512 });
  const n = r.neutralFrame(), f = { ...n, w: { ...n.w, jawOpen: 0.8 } };
  const img = r.render(f).data, lm = r.landmarks(f);
  const x = Math.round((lm[13]![0]! + lm[14]![0]!) / 2), y13 = Math.round(lm[13]![1]!), y14 = Math.round(lm[14]![1]!);
  const L = (y: number) => lum(img[(y * 512 + x) * 4]!, img[(y * 512 + x) * 4 + 1]!, img[(y * 512 + x) * 4 + 2]!);
  // up the middle column from the lower lip: the tongue is the lit run under the cavity's dark
  const col: number[] = [];
  for (let y = y14 - 2; y > y13; y--) col.push(L(y));
  const darkAt = col.findIndex((v, i) => i > 3 && v < 45);
  assert.ok(darkAt > 8, `tongue run ${darkAt} px`);
  const run = col.slice(0, darkAt), third = Math.max(2, Math.floor(run.length / 3));
  const front = Math.max(...run.slice(0, run.length - third)), back = run.slice(run.length - third).reduce((a, b) => a + b, 0) / third;
  console.log(`lp_s2 jawOpen 0.8: tongue ${run.length} px, back third ${back.toFixed(0)} against its lit front ${front.toFixed(0)} (${(back / front).toFixed(2)})`);
  // (before: 129 against 190, 0.68)
  assert.ok(back < 0.6 * front, `back ${back.toFixed(0)}, front ${front.toFixed(0)}`);
});

test('a black-and-white photo (lp_s2) gets a grey lip edge and a grey tongue, not mauve ones', async () => {
  const avatar = await avatarOf('lp_s2.jpg');
  const chroma = (c: ArrayLike<number>) => Math.max(c[0]!, c[1]!, c[2]!) - Math.min(c[0]!, c[1]!, c[2]!);
  // (before: lipEdge 128.4, 121.3, 124.1 from a grey lip: chroma 7.1)
  for (const [name, c] of Object.entries(lipSurfaceColours(avatar))) assert.ok(chroma(c) < 1, `${name} ${c.map((v) => v.toFixed(1)).join(', ')}`);
  const t = readyMouth(avatar, 200).tongue!;
  let most = 0;
  for (let o = 0; o < t.data.length; o += 4) if (t.data[o + 3]! >= 0.9) most = Math.max(most, chroma([t.data[o]! / t.data[o + 3]!, t.data[o + 1]! / t.data[o + 3]!, t.data[o + 2]! / t.data[o + 3]!]));
  // (before: up to ~4 levels of mauve)
  assert.ok(most < 1.5, `tongue chroma up to ${most.toFixed(2)}`);
});
