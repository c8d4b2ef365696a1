// s55 forehead55: a face without brow hair (lp_s9, the Mona Lisa) is raised as a bare brow ridge: avatar/browHair.ts reads
// the brow as a dark stripe or not, rig/basis/bareBrows.ts stretches the band under a bare brow evenly, render/brows.ts
// UnderBrowSkin paints half the uncovered skin there.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BROW_SIDES, browHairShares, browHairSetting, browStripeRatio } from '../src/avatar/browHair.ts';
import { bareBrowRaises } from '../src/rig/basis/bareBrows.ts';
import { buildBasis } from '../src/rig/basis.ts';
import { meanFace } from '../src/rig/canonical.ts';
import { CONTROL_INDEX } from '../src/rig/controls.ts';
import { LANDMARK_COUNT, BROW_L, BROW_R } from '../src/rig/topology.ts';
import { UnderBrowSkin } from '../src/render/brows.ts';

const W = 400, IOD = 200;
/** A synthetic face: per side the brow's top at y 100, its lower contour at 112, the lid at 150 (x 40-160 and 240-360). */
function face(brow: number, fore: number, lid: number) {
  const pos = new Map<number, [number, number]>();
  BROW_SIDES.forEach((s, side) => {
    const x0 = side === 0 ? 240 : 40;
    const put = (ids: readonly number[], y: number) => ids.forEach((i, k) => pos.set(i, [x0 + (120 * k) / (ids.length - 1), y]));
    put(s.browTop, 100); put(s.browLower, 112); put(s.lid, 150);
  });
  const data = new Uint8ClampedArray(W * W * 4);
  for (let y = 0; y < W; y++) for (let x = 0; x < W; x++) {
    const v = y < 100 ? fore : y <= 112 ? brow : y < 150 ? lid : 180, o = (y * W + x) * 4;
    data[o] = data[o + 1] = data[o + 2] = v; data[o + 3] = 255;
  }
  return { img: { data, width: W, height: W }, xy: (i: number) => pos.get(i) ?? [0, 0] as [number, number] };
}

test('browHairShares: a dark stripe is hair, also under a fringe or over a deep socket; no stripe is a bare ridge', () => {
  const hair = face(70, 200, 190), bare = face(185, 200, 170), fringe = face(70, 60, 190), socket = face(60, 200, 40);
  assert.ok(browStripeRatio(hair.img, hair.xy, IOD, 0) < 0.4, 'a brow of hair is a dark stripe');
  assert.deepEqual(browHairShares(hair.img, hair.xy, IOD), [1, 1]);
  assert.deepEqual(browHairShares(bare.img, bare.xy, IOD), [0, 0], 'a ridge as light as the forehead: bare');
  assert.deepEqual(browHairShares(fringe.img, fringe.xy, IOD), [1, 1], 'a fringe over the forehead: the lid skin is the reference');
  assert.deepEqual(browHairShares(socket.img, socket.xy, IOD), [1, 1], 'a dark brow over a deep socket: the forehead is the reference');
  const was = browHairSetting.on; browHairSetting.on = false;
  try { assert.deepEqual(browHairShares(bare.img, bare.xy, IOD), [1, 1], 'off: every brow is hair'); } finally { browHairSetting.on = was; }
});

test('bareBrowRaises: the brows move as before, the band under them is stretched evenly; frowns and bare 0 untouched', () => {
  const neutral = meanFace(), built = buildBasis(neutral), stride = LANDMARK_COUNT * 3;
  const kept = Float32Array.from(built);
  bareBrowRaises(kept, neutral, 0);
  assert.deepEqual(kept, built, 'bare 0: as built');
  const bare = Float32Array.from(built);
  bareBrowRaises(bare, neutral, 1);
  const at = (b: Float32Array, c: number, i: number) => b[c * stride + i * 3 + 1]!;
  let moved = 0;
  // (each control's own brow points are its handles: moved exactly as before)
  for (const [c, own] of [[CONTROL_INDEX.browInnerUp, [...BROW_L, ...BROW_R]], [CONTROL_INDEX.browOuterUpLeft, BROW_L], [CONTROL_INDEX.browOuterUpRight, BROW_R]] as const) {
    for (const i of own) assert.ok(Math.abs(at(bare, c, i) - at(built, c, i)) < 1e-6, `brow point ${i} moves as before`);
    for (let i = 0; i < LANDMARK_COUNT; i++) if (Math.abs(at(bare, c, i) - at(built, c, i)) > 0.005) moved++;
  }
  assert.ok(moved > 0, 'some skin under the brows moves differently');
  for (const c of [CONTROL_INDEX.browDownLeft, CONTROL_INDEX.browDownRight]) {
    for (let j = c * stride; j < (c + 1) * stride; j++) assert.equal(bare[j], built[j], 'frowns untouched');
  }
});

test('UnderBrowSkin: half the uncovered skin under a bare ridge, all of it under brows of hair', () => {
  const hair = face(70, 200, 190), bare = face(185, 200, 170);
  assert.equal(new UnderBrowSkin(hair.img.data, W, W, hair.xy, IOD).uncover, 1);
  assert.ok(new UnderBrowSkin(bare.img.data, W, W, bare.xy, IOD).uncover < 0.6);
});

test('alongRowGrooves: a groove along the row keeps its depth, a short speck (craquelure, a pore) mostly goes', async () => {
  const { alongRowGrooves } = await import('../src/render/browFolds.ts');
  const bw = 40, bh = 3, g = new Float32Array(bw * bh);
  for (let x = 0; x < bw; x++) g[bw + x] = -0.1; // a wrinkle across the middle row
  g[2 * bw + 20] = -0.1; // a one-texel speck on the last row
  const out = alongRowGrooves(g, bw, bh, 3);
  assert.ok(Math.abs(out[bw + 20]! + 0.1) < 1e-6, 'the wrinkle keeps its depth');
  assert.ok(out[2 * bw + 20]! > -0.02 && out[2 * bw + 20]! < 0, `the speck shallower: ${out[2 * bw + 20]}`);
  assert.equal(out[0], 0, 'no groove stays none');
});
