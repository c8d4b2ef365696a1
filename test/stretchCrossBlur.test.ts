// stretchCrossBlur.ts: a turn's stretched skin is sampled across its stretch (issue #15, s45 turn45:
// lp_s10 at +25, the far cheek's craquelure and the far eye's corner drawn out into horizontal streaks).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { crossStretchStep } from '../src/render/stretchCrossBlur.ts';
import { analyzePortrait } from './analyzedPortrait.ts';
import { buildAvatar } from './builtAvatar.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { acrossStretchShare } from '../src/eval/stretch.ts';
import { insidePolygon } from '../src/math/polygon.ts';
import { FACE_OVAL } from '../src/rig/topology.ts';
import type { RgbaImage } from '../src/types.ts';
import { sharedData } from '../bench/sharedData.ts';

const PORTRAITS = sharedData('portraits/');

test('crossStretchStep: nothing where texels map 1:1, minified or isotropic; across the stretch where magnified along one direction', () => {
  const out = new Float64Array(2);
  // the photo's pose: texture = screen
  assert.equal(crossStretchStep(0, 0, 10, 0, 0, 10, 0, 0, 10, 0, 0, 10, out), false);
  // magnified the same both ways (a bigger render): no streaks, nothing to do
  assert.equal(crossStretchStep(0, 0, 20, 0, 0, 20, 0, 0, 10, 0, 0, 10, out), false);
  // squeezed along x (the near side): minified, not streaked
  assert.equal(crossStretchStep(0, 0, 10, 0, 0, 10, 0, 0, 30, 0, 0, 10, out), false);
  // stretched 3x along screen x: the taps step along the texture's v (screen y), 2 texels apart (capped)
  assert.equal(crossStretchStep(0, 0, 30, 0, 0, 10, 0, 0, 10, 0, 0, 10, out), true);
  assert.ok(Math.abs(out[0]!) < 1e-9 && Math.abs(Math.abs(out[1]!) - 2) < 1e-9, `step ${out[0]}, ${out[1]}`);
  // 1.5x along x: a half-texel step; rotated 90 degrees in the texture: the step follows along u
  assert.equal(crossStretchStep(0, 0, 15, 0, 0, 10, 0, 0, 10, 0, 0, 10, out), true);
  assert.ok(Math.abs(Math.abs(out[1]!) - 0.5) < 1e-9, `step ${out[1]}`);
  assert.equal(crossStretchStep(0, 0, 30, 0, 0, 10, 0, 0, 0, 10, -10, 0, out), true);
  assert.ok(Math.abs(Math.abs(out[0]!) - 2) < 1e-9 && Math.abs(out[1]!) < 1e-9, `rotated step ${out[0]}, ${out[1]}`);
});

const copy = (img: RgbaImage): RgbaImage => ({ width: img.width, height: img.height, data: new Uint8ClampedArray(img.data) });

test('lp_s10 turned toward her far side: the rest frame is untouched, the revealed far half streaks less, the near half keeps its pixels', async () => {
  const avatar = buildAvatar(await analyzePortrait(path.join(PORTRAITS, 'lp_s10.jpg')));
  const size = 512;
  const r = createRenderer(avatar, { width: size, height: size }), r0 = createRenderer(avatar, { width: size, height: size, stretchCrossBlur: false });
  const rest = r.neutralFrame();
  assert.deepEqual(Buffer.from(r.render(rest).data), Buffer.from(r0.render(rest).data), 'the photo pose is rendered as before');
  const turned = { ...rest, pose: { ...rest.pose, yaw: 25 } };
  const a = copy(r.render(turned)), b = copy(r0.render(turned));
  const lm = r.landmarks(turned), noseX = lm[168]![0];
  const oval = FACE_OVAL.map((i) => [lm[i]![0], lm[i]![1]] as [number, number]);
  const farHalf = new Uint8Array(size * size);
  let nearChanged = 0, farChanged = 0;
  for (let y = 0; y < size; y++) for (let x = 0; x < size; x++) {
    const i = y * size + x, inside = insidePolygon(x + 0.5, y + 0.5, oval);
    farHalf[i] = inside && x + 0.5 < noseX ? 1 : 0;
    const diff = Math.abs(a.data[i * 4]! - b.data[i * 4]!) + Math.abs(a.data[i * 4 + 1]! - b.data[i * 4 + 1]!) + Math.abs(a.data[i * 4 + 2]! - b.data[i * 4 + 2]!);
    if (inside && diff > 12) { if (x + 0.5 < noseX) farChanged++; else nearChanged++; }
  }
  // (s45: .597 with, .615 without; the rest frame's photo .523)
  const withBlur = acrossStretchShare(a, farHalf), plain = acrossStretchShare(b, farHalf);
  assert.ok(withBlur < plain - 0.008, `across-x share on the far half ${withBlur.toFixed(3)} with the blur, ${plain.toFixed(3)} without`);
  assert.ok(farChanged > 300, `far half changed on ${farChanged} px`);
  assert.ok(nearChanged < 0.25 * farChanged, `near half changed on ${nearChanged} px (far ${farChanged})`);
});
