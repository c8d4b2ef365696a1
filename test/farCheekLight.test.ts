// A turned far cheek takes the far side's own light (issue #15, s52 farcheek52): src/eval/cheekLight.ts's
// figures on synthetic input, then lp_s12 at +25, whose far cheek the photo shows in shadow (broad luma
// 55-85 by the jaw) beside a lit near cheek (~200): the mirror relights its partner by own / partner per
// channel, and a floor of 0.6 on that gain drew the lit partner at 0.6 x ~200 = ~120 over the shadow (and three
// passes of smoothing over the mesh spread the mid-cheek's gains over the jaw).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { cheekLight, farCheekTriangles, CHEEK_RIGHT } from '../src/eval/cheekLight.ts';
import { GAIN_LIMIT, DARK_PARTNER } from '../src/avatar/mirror.ts';
import { faceTopology } from '../src/rig/topology.ts';
import { analyzePortrait } from './analyzedPortrait.ts';
import { buildAvatar } from './builtAvatar.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { sharedData } from '../bench/sharedData.ts';
import type { RgbaImage } from '../src/types.ts';

const grey = (w: number, h: number, lum: (x: number, y: number) => number): RgbaImage => {
  const data = new Uint8ClampedArray(w * h * 4);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) { const i = (y * w + x) * 4, l = lum(x, y); data[i] = data[i + 1] = data[i + 2] = l; data[i + 3] = 255; }
  return { width: w, height: h, data };
};

test('cheekLight: the same surface read in the render and the photo, triangle by triangle', () => {
  // four triangles of a 2x2 grid of squares, each square its own shade
  const pts = [[0, 0], [20, 0], [40, 0], [0, 20], [20, 20], [40, 20]];
  const tris = [0, 1, 3, 1, 4, 3, 1, 2, 4, 2, 5, 4];
  const uv = Float32Array.from(pts.flat());
  const photo = grey(40, 20, (x) => (x < 20 ? 80 : 160));
  const same = cheekLight(photo, pts, tris, photo, uv);
  assert.ok(Math.abs(same.offset) < 1e-9 && same.r > 0.99, JSON.stringify(same));
  // a render paler by 20 levels everywhere: offset 20, still correlated
  const pale = cheekLight(grey(40, 20, (x) => (x < 20 ? 100 : 180)), pts, tris, photo, uv);
  assert.ok(Math.abs(pale.offset - 20) < 1e-6 && pale.r > 0.99, JSON.stringify(pale));
  // a flat mask at the photo's mean: no offset, but no spread either
  const flat = cheekLight(grey(40, 20, () => 120), pts, tris, photo, uv);
  assert.ok(Math.abs(flat.offset) < 1 && flat.sdRender < 1e-6 && flat.sdPhoto > 30, JSON.stringify(flat));
});

test('farCheekTriangles: one cheek by the landmark set, the other by the mirror map', () => {
  const topo = faceTopology();
  const right = farCheekTriangles(topo, 'right'), left = farCheekTriangles(topo, 'left');
  assert.ok(right.length >= 40 * 3, `${right.length / 3} triangles`);
  assert.equal(left.length, right.length);
  assert.ok(right.every((v) => CHEEK_RIGHT.includes(v)));
  assert.ok(left.every((v) => CHEEK_RIGHT.includes(topo.mirror[v]!)));
});

test('the relighting gain reaches a shaded far side as far down as a lit one up', () => {
  // a partner 3x brighter than the vertex (lp_s12's far jaw against the lit near cheek) is relit to it
  assert.ok(GAIN_LIMIT[0] <= 1 / 3 && GAIN_LIMIT[0] >= 1 / DARK_PARTNER[1] - 0.01, `${GAIN_LIMIT}`);
});

test('lp_s12 +25: the far cheek stays as dark as the photo shows it', async () => {
  const avatar = buildAvatar(await analyzePortrait(path.join(sharedData('portraits'), 'lp_s12.jpg')));
  const r = createRenderer(avatar, { width: avatar.size, height: avatar.size });
  const frame = { ...r.neutralFrame(), pose: { yaw: 25, pitch: 0, roll: 0, tx: 0, ty: 0, tz: 0 } };
  const img = r.render(frame, { background: null });
  const f = cheekLight(img, r.landmarks(frame), farCheekTriangles(faceTopology(), 'right'), avatar.texture, avatar.uv);
  // before (gain floor 0.6, gains smoothed 3 passes): offset 8.0 luma, render spread 34.6 against the photo's 42.8;
  // floor 0.3: 3.6, 37.3; and one pass: 2.2, 38.2
  assert.ok(f.offset < 4, `offset ${f.offset.toFixed(1)}`);
  assert.ok(f.sdRender > 0.86 * f.sdPhoto && f.r > 0.95, `spread ${f.sdRender.toFixed(1)} / ${f.sdPhoto.toFixed(1)}, r ${f.r.toFixed(2)}`);
});
