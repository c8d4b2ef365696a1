// s50 (paintmouth50, issue #13: "the mouth keeps the picture's style"): the rebuilt mouth on a painting takes the picture's
// cast (pictureCast.ts: the drivers' tongue pink and dark red-purple seen through the varnish read off the eyes' white)
// and its own fine texture (pictureCracks.ts: the chin's cracks and grain at the lips' flat grain); a photo's mouth is
// not touched. Figures: bench/mouthStyle.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { analyzePortrait } from './analyzedPortrait.ts';
import { buildAvatar } from './builtAvatar.ts';
import { castInto, castTintInto, varnishCast } from '../src/render/mouth/pictureCast.ts';
import { crackTile, lipFlatGrain, relativeDetail } from '../src/render/mouth/pictureCracks.ts';
import { eyeWhite } from '../src/render/mouth/eyeWhite.ts';
import { readyMouth } from '../src/render/mouth/layers.ts';
import { labOf } from '../src/render/mouth/tonguePalette.ts';
import { SHARED_PORTRAITS } from '../bench/sharedData.ts';

const hue = (c: readonly number[]) => { const [, a, b] = labOf(c[0]!, c[1]!, c[2]!); return (Math.atan2(b, a) * 180) / Math.PI; };
const chroma = (c: readonly number[]) => { const [, a, b] = labOf(c[0]!, c[1]!, c[2]!); return Math.hypot(a, b); };

test('a neutral white gives no cast; a varnished one turns a pink toward its hue, lightness and chroma kept', () => {
  assert.equal(varnishCast(null), null);
  // (the photos' whites here: lp_s42, mt_man, lp_s7, lp_s2)
  for (const w of [[199, 186, 189], [138, 134, 136], [209, 197, 187], [172, 172, 172]]) assert.equal(varnishCast(w), null, `white ${w}`);
  const cast = varnishCast([174, 132, 70]); // lp_s9's
  assert.ok(cast && cast[0] > 1 && cast[2] < 1, `lp_s9's cast ${cast}`);
  const pink = [200, 120, 130], seen = [...pink];
  castInto(seen, cast!);
  assert.ok(hue(seen) > hue(pink) + 15, `hue ${hue(pink).toFixed(0)} -> ${hue(seen).toFixed(0)}`);
  assert.ok(Math.abs(chroma(seen) - chroma(pink)) < 1.5, 'chroma kept');
  assert.ok(Math.abs(labOf(seen[0]!, seen[1]!, seen[2]!)[0] - labOf(pink[0]!, pink[1]!, pink[2]!)[0]) < 1, 'lightness kept');
  // (a tint, luma 1, comes back at luma 1 and warmer)
  const tint = [1.3, 0.8, 0.9];
  castTintInto(tint, cast!);
  assert.ok(Math.abs(0.299 * tint[0]! + 0.587 * tint[1]! + 0.114 * tint[2]! - 1) < 1e-6);
  assert.ok(tint[2]! < 0.9, `blue down ${tint}`);
});

test('relativeDetail: zero mean, at the asked spread, clipped', () => {
  const W = 40, H = 30, L = new Float32Array(W * H);
  for (let q = 0; q < L.length; q++) L[q] = 120 + 20 * Math.sin(q * 12.9898) * Math.cos(q * 4.1414) + (q === 615 ? 200 : 0);
  const d = relativeDetail(L, W, H, 0.02);
  const mean = d.reduce((a, b) => a + b, 0) / d.length;
  assert.ok(Math.abs(mean) < 1e-6);
  const abs = Array.from(d, Math.abs).sort((a, b) => a - b);
  assert.ok(Math.abs(1.4826 * abs[abs.length >> 1]! - 0.02) < 0.004, `spread ${1.4826 * abs[abs.length >> 1]!}`);
  assert.ok(Math.max(...abs) < 0.02 * 2.6 + 1e-3, 'the outlier clipped');
});

test('the Mona Lisa takes a cast and her cracks; a clean photo neither', async () => {
  const s9 = buildAvatar(await analyzePortrait(path.join(SHARED_PORTRAITS, 'lp_s9.jpg')));
  const man = buildAvatar(await analyzePortrait(path.join(SHARED_PORTRAITS, 'mt_man.png')));
  assert.ok(varnishCast(eyeWhite(s9)), 'lp_s9 varnished');
  assert.equal(varnishCast(eyeWhite(man)), null, 'mt_man neutral');
  const m9 = readyMouth(s9, 100), mm = readyMouth(man, 100);
  assert.ok(m9.cracks && m9.cast, 'lp_s9 carries cracks and a cast');
  assert.equal(mm.cracks ?? null, null);
  assert.equal(mm.cast ?? null, null);
  const g = lipFlatGrain(s9, 100 / s9.head.iod)!;
  assert.ok(g > 0.005 && g < 0.05, `lp_s9's flat grain ${g}`);
  const tile = crackTile(s9, 100 / s9.head.iod, 1)!;
  const abs = Array.from(tile.d, Math.abs).sort((a, b) => a - b), spread = 1.4826 * abs[abs.length >> 1]!;
  assert.ok(spread > 0.2 * g && spread < g, `the tile's spread ${spread} under the lips' ${g}`);
});
