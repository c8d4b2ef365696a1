// stretchGrain.ts: a turn's stretched far skin gets its mirror partner's fine detail back (issue #15, s49
// palemask49: lp_s10 at +25, the revealed cheek a smooth pale mask without the painting's craquelure).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { grainFactor, partnerTrust, grainReach, GRAIN, grainPartnerSetting, grainPartnerUv } from '../src/render/stretchGrain.ts';
import { analyzePortrait } from './analyzedPortrait.ts';
import { buildAvatar } from './builtAvatar.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { insidePolygon } from '../src/math/polygon.ts';
import { FACE_OVAL, MESH_POINT_COUNT, NOSE_POINTS, faceTopology } from '../src/rig/topology.ts';
import type { RgbaImage } from '../src/types.ts';
import { sharedData } from '../bench/sharedData.ts';

const PORTRAITS = sharedData('portraits/');

test('grainFactor: grain kept, features (past twice the limits) dropped, nothing at weight 0', () => {
  // a crack 10% darker than its cells: carried, scaled by the weight
  const crack = grainFactor(0.9 * 200 - 0.4, 200, 1);
  assert.ok(Math.abs(crack - 0.9) < 1e-6, `crack ${crack}`);
  assert.ok(Math.abs(grainFactor(0.9 * 200 - 0.4, 200, 0.5) - 0.95) < 1e-6);
  assert.equal(grainFactor(100, 200, 0), 1);
  // a hair strand or the nose's shadow edge, half as bright: not grain
  assert.equal(grainFactor(96, 196, 1), 1);
  // a highlight: lightening kept only to GRAIN.lighter, gone by twice it
  assert.ok(grainFactor(1.04 * 204 - 4, 200, 1) > 1.03);
  assert.equal(grainFactor(1.3 * 204 - 4, 200, 1), 1);
  // between the limit and twice it the departure shrinks toward 0
  const mid = grainFactor((1 - 1.5 * GRAIN.darker) * 204 - 4, 200, 1);
  assert.ok(mid < 1 && mid > 1 - GRAIN.darker, `fading ${mid}`);
});

test('partnerTrust: whole for a partner landing round, none for one drawn out along one way or folded', () => {
  assert.equal(partnerTrust(0.9, 1.1), 1);
  assert.equal(partnerTrust(0.8, 3), 1); // squeezed a little: finer grain, no streaks
  assert.equal(partnerTrust(0.25, 0.95), 0); // lp_s12's outer cheek at -25: dashes
  assert.equal(partnerTrust(0.9, 20), 0); // a fold in the mirror's mapping
  assert.equal(partnerTrust(0, 0), 0);
});

const lum = (img: RgbaImage, i: number) => 0.299 * img.data[i * 4]! + 0.587 * img.data[i * 4 + 1]! + 0.114 * img.data[i * 4 + 2]!;

test('lp_s10 at +25: the revealed far cheek regains fine detail, the near half and the rest frame keep their pixels', async () => {
  const avatar = buildAvatar(await analyzePortrait(path.join(PORTRAITS, 'lp_s10.jpg')));
  // no grain from the oval's rim nor for vertices without a partner
  const reach = grainReach(avatar);
  for (const v of FACE_OVAL) assert.equal(reach[v], 0, `oval vertex ${v}`);
  assert.ok(reach.subarray(0, MESH_POINT_COUNT).filter((g) => g > 0.5).length > 50, 'partners inside the face give grain');
  const size = 512;
  const r = createRenderer(avatar, { width: size, height: size }), r0 = createRenderer(avatar, { width: size, height: size, stretchGrain: false });
  const rest = r.neutralFrame();
  assert.deepEqual(Buffer.from(r.render(rest).data), Buffer.from(r0.render(rest).data), 'the photo pose is rendered as before');
  const turned = { ...rest, pose: { ...rest.pose, yaw: 25 } };
  const a = r.render(turned), aData = new Uint8ClampedArray(a.data), b = r0.render(turned);
  const withGrain: RgbaImage = { width: size, height: size, data: aData };
  const lm = r.landmarks(turned), noseX = lm[168]![0];
  const cheekX = noseX - 0.12 * Math.hypot(lm[234]![0] - lm[454]![0], lm[234]![1] - lm[454]![1]); // the far cheek, clear of the nose
  const oval = FACE_OVAL.map((i) => [lm[i]![0], lm[i]![1]] as [number, number]);
  let detailA = 0, detailB = 0, n = 0, nearChanged = 0;
  for (let y = 1; y < size - 1; y++) for (let x = 1; x < size - 1; x++) {
    const i = y * size + x;
    if (!insidePolygon(x + 0.5, y + 0.5, oval)) continue;
    if (x + 0.5 >= noseX) { if (aData[i * 4] !== b.data[i * 4] || aData[i * 4 + 1] !== b.data[i * 4 + 1]) nearChanged++; continue; }
    if (x + 0.5 >= cheekX) continue;
    let sa = 0, sb = 0;
    for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) { sa += lum(withGrain, i + dy * size + dx); sb += lum(b, i + dy * size + dx); }
    detailA += Math.abs(lum(withGrain, i) - sa / 9); detailB += Math.abs(lum(b, i) - sb / 9); n++;
  }
  detailA /= n; detailB /= n;
  // (s49: the far cheek's fine detail 2.77 -> 3.01 luma levels; the near half: 0 px changed)
  assert.ok(detailA > detailB * 1.05, `far half fine detail ${detailA.toFixed(2)} with the grain, ${detailB.toFixed(2)} without`);
  assert.ok(nearChanged < 50, `near half changed on ${nearChanged} px`);
});

// s51 farjaw51: the grain reads the symmetric point where the mirror keeps its colour off (the eyes' surrounds), not by the nose.
test('grainPartnerUv: the mirror-symmetric point where the mirror has none, never on the nose; lp_s10 +25 gains detail under the far eye', async () => {
  const avatar = buildAvatar(await analyzePortrait(path.join(PORTRAITS, 'lp_s10.jpg')));
  const gu = grainPartnerUv(avatar), { mirror } = faceTopology(), uv = avatar.uv, um = avatar.uvMirror;
  let added = 0;
  for (let v = 0; v < MESH_POINT_COUNT; v++) {
    const hasMirror = um[v * 2] !== uv[v * 2] || um[v * 2 + 1] !== uv[v * 2 + 1];
    if (hasMirror || NOSE_POINTS.includes(v)) { assert.deepEqual([gu[v * 2], gu[v * 2 + 1]], [um[v * 2], um[v * 2 + 1]], `vertex ${v} keeps the mirror's`); continue; }
    if (gu[v * 2] === uv[v * 2] && gu[v * 2 + 1] === uv[v * 2 + 1]) continue;
    const p = mirror[v]!;
    assert.deepEqual([gu[v * 2], gu[v * 2 + 1]], [uv[p * 2], uv[p * 2 + 1]], `vertex ${v} reads its partner ${p}`);
    added++;
  }
  assert.ok(added > 20, `partners added ${added}`);
  const size = 512, was = grainPartnerSetting.on;
  const renderers = [true, false].map((on) => { grainPartnerSetting.on = on; try { return createRenderer(avatar, { width: size, height: size }); } finally { grainPartnerSetting.on = was; } });
  const rest = renderers[0]!.neutralFrame();
  assert.deepEqual(Buffer.from(renderers[0]!.render(rest).data), Buffer.from(renderers[1]!.render(rest).data), 'the photo pose is rendered as before');
  const turned = { ...rest, pose: { ...rest.pose, yaw: 25 } };
  const [on, off] = renderers.map((r) => { const img = r.render(turned); return { ...img, data: new Uint8ClampedArray(img.data) }; });
  // the far cheek under the far eye: between the eye's lower lid (145) and the nose tip's row, from the oval to the lid's inner corner
  const lm = renderers[0]!.landmarks(turned);
  const y0 = lm[145]![1] + 4, y1 = lm[4]![1], x1 = lm[133]![0];
  const oval = FACE_OVAL.map((i) => [lm[i]![0], lm[i]![1]] as [number, number]);
  const detail = (img: RgbaImage) => {
    let d = 0, n = 0;
    for (let y = Math.ceil(y0); y < y1; y++) for (let x = 1; x < x1; x++) {
      if (!insidePolygon(x + 0.5, y + 0.5, oval)) continue;
      const i = y * size + x;
      let s9 = 0;
      for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) s9 += lum(img, i + dy * size + dx);
      d += Math.abs(lum(img, i) - s9 / 9); n++;
    }
    return d / n;
  };
  // (s51: 1.72 -> 2.41 luma levels; the whole revealed cheek's, bench/stretchStreak.ts: 3.07 -> 3.75)
  assert.ok(detail(on) > detail(off) * 1.2, `under the far eye: ${detail(on).toFixed(2)} with the partners, ${detail(off).toFixed(2)} without`);
});
