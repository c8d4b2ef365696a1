// outlineHold.ts (s45 shoulder45): mt_man's image-right shoulder under a rolled head. Before, the shoulder sheet
// was skinned 0.6-1 to the head (the head weight is a function of the row and the shoulder is as high as the chin)
// and its outline held only at some corners: at roll 9 its edge rose into a flat-topped, stair-stepped bump
// (outline 36-39 px off the photo's). Now the shoulders beside the neck follow the torso and the outline's
// triangles move as one: the edge moves like a body's and stays smooth; the photo's pose renders as before.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzePortrait } from './analyzedPortrait.ts';
import { buildAvatar } from './builtAvatar.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { shoulderHeadWeights } from '../src/render/outlineHold.ts';
import { MESH_POINT_COUNT } from '../src/rig/topology.ts';
import type { MotionFrame } from '../src/types.ts';
import { sharedData } from '../bench/sharedData.ts';
import { outlineFigures, outlineRows } from '../bench/shoulderOutline.ts';

const PORTRAITS = sharedData('portraits/');

test('mt_man: the shoulder outline under a 9 deg roll stays near the photo\'s and smooth; the photo pose is unchanged', async () => {
  const avatar = buildAvatar(await analyzePortrait(PORTRAITS + 'mt_man.png'));
  const size = avatar.size;
  const on = createRenderer(avatar, { width: size, height: size });
  const off = createRenderer(avatar, { width: size, height: size, outlineHold: false });
  const nf = on.neutralFrame();
  const restAlpha = Uint8ClampedArray.from(on.render(nf, { background: null }).data);
  assert.deepEqual(restAlpha, Uint8ClampedArray.from(off.render(nf, { background: null }).data), 'the photo pose renders as before');
  const lm = on.landmarks(nf);
  const chinX = lm[152]![0], chinY = lm[152]![1], fw = Math.abs(lm[454]![0] - lm[234]![0]);
  const top = Math.round(chinY - 0.25 * fw);
  // the image-right shoulder past the collar (backdrop above it at rest)
  const cols: number[] = [];
  for (let x = Math.ceil(chinX + 0.7 * fw); x < size; x++) if (restAlpha[(top * size + x) * 4 + 3]! < 128) cols.push(x);
  assert.ok(cols.length > 60, `shoulder columns ${cols.length}`);
  const y0 = outlineRows(restAlpha, size, cols, top);
  const at = (roll: number): MotionFrame => ({ ...nf, pose: { yaw: 0, pitch: 0, roll, tx: 0, ty: 0, tz: 0 } });
  for (const roll of [9, -9]) {
    const figs = (r: typeof on) => {
      const a = Uint8ClampedArray.from(r.render(at(roll), { background: null }).data);
      return outlineFigures(a, size, cols, top, outlineRows(a, size, cols, top, y0), y0);
    };
    const before = figs(off), after = figs(on);
    // before: dev 36 / 37 px at roll +9 / -9, jump up to 11 px (a stair's riser at -9)
    assert.ok(after.dev < 0.6 * before.dev, `roll ${roll}: outline moved ${after.dev} px [before ${before.dev}]`);
    assert.ok(after.jump <= 3, `roll ${roll}: a step of ${after.jump} px in the outline [before ${before.jump}]`);
  }
});

test('shoulderHeadWeights: the face mesh and the neck keep the head weight, the shoulder past the neck loses it', async () => {
  const avatar = buildAvatar(await analyzePortrait(PORTRAITS + 'mt_man.png'));
  const hw = shoulderHeadWeights(avatar);
  for (let v = 0; v < MESH_POINT_COUNT; v++) assert.equal(hw[v], avatar.headWeight[v]);
  const rest = avatar.rest, fw = avatar.head.faceWidth, chinX = rest[152 * 3]!, chinY = rest[152 * 3 + 1]!;
  let neck = 0, shoulder = 0;
  for (let v = MESH_POINT_COUNT; v < avatar.vertexCount; v++) {
    const side = Math.abs(rest[v * 3]! - chinX), y = rest[v * 3 + 1]!;
    if (side < 0.25 * fw) { assert.equal(hw[v], avatar.headWeight[v], `neck vertex ${v}`); neck++; }
    if (side > 0.8 * fw && y > chinY + 0.1 * fw) { assert.ok(hw[v]! < 1e-6, `shoulder vertex ${v}: ${hw[v]}`); shoulder++; }
  }
  assert.ok(neck > 20 && shoulder > 20, `neck ${neck} shoulder ${shoulder}`);
});
