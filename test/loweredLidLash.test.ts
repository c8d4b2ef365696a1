// A lowered upper lid keeps one lash line (lid35, render/loweredLidLash.ts): the lid's skin slides past
// the photo's whole lash line as the blink starts, and the photo's lash is drawn along the lowered edge
// until the shut eye's lid takes over.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lashTopPx, loweredLashStrength, slideBeyondLash, LASH_HANDOVER } from '../src/render/loweredLidLash.ts';
import { slideLidTexture } from '../src/render/eyes.ts';
import { CONTROL_INDEX, CONTROL_COUNT } from '../src/rig/controls.ts';
import { EYE_L_UPPER, EYE_L_UPPER2 } from '../src/rig/topology.ts';
import { LASH_REACH } from '../src/render/raisedLidEdge.ts';
import { shutLashSetting, KEEP } from '../src/render/shutLash.ts';

test('lashTopPx: how far above the lid line the photo shows its lash (alpha by depth, LASH_REACH above first)', () => {
  const alpha = (above: number[]) => [...above, 1, 0.5, 0, 0]; // depths -3 -2 -1 | 0 1 2 3
  assert.equal(alpha([0, 0, 0]).length, 2 * LASH_REACH + 1);
  assert.equal(lashTopPx(null), 0);
  assert.equal(lashTopPx({ colour: [0, 0, 0, 255], alpha: alpha([0, 0, 0]) }), 0);
  assert.equal(lashTopPx({ colour: [0, 0, 0, 255], alpha: alpha([0, 0, 0.6]) }), 1.5);
  assert.equal(lashTopPx({ colour: [0, 0, 0, 255], alpha: alpha([0.1, 0.7, 0.9]) }), 2.5);
  // a gap stops the reach (what lies above it is the lid's own shade, not lash)
  assert.equal(lashTopPx({ colour: [0, 0, 0, 255], alpha: alpha([0.9, 0.05, 0.9]) }), 1.5);
});

test('slideBeyondLash / loweredLashStrength: handed over in the first LASH_HANDOVER of a blink, gone under the shut lid (shutLash off; KEEP of it on, s42)', () => {
  assert.equal(slideBeyondLash(3, 5, 0), 0);
  assert.ok(Math.abs(slideBeyondLash(3, 5, LASH_HANDOVER / 2) - 0.3) < 1e-9);
  assert.ok(Math.abs(slideBeyondLash(3, 5, 0.5) - 0.6) < 1e-9);
  assert.equal(slideBeyondLash(9, 5, 1), 0.7); // capped: the crease's own skin stays
  assert.equal(slideBeyondLash(0, 5, 1), 0);
  assert.equal(loweredLashStrength(0, 0), 0);
  assert.equal(loweredLashStrength(0.5, 0), 1);
  const was = shutLashSetting.on;
  try {
    shutLashSetting.on = false;
    assert.equal(loweredLashStrength(0.5, 1), 0);
    assert.ok(Math.abs(loweredLashStrength(0.8, 0.5) - 0.5) < 1e-9);
    shutLashSetting.on = true;
    assert.ok(Math.abs(loweredLashStrength(0.5, 1) - KEEP) < 1e-9);
    assert.ok(Math.abs(loweredLashStrength(0.8, 0.5) - (1 + KEEP) / 2) < 1e-9);
  } finally { shutLashSetting.on = was; }
});

test('slideLidTexture: with the photo\'s lash 3 px over a 5 px lid, a half-lowered lid\'s edge samples above the lash; rest unchanged', () => {
  const n = 478, uv = new Float32Array(n * 2);
  // a flat lid: edge row at y 50, crease 5 px above it
  EYE_L_UPPER.forEach((e, q) => { uv[e * 2] = 40 + 2 * q; uv[e * 2 + 1] = 50; const c = EYE_L_UPPER2[q]!; uv[c * 2] = 40 + 2 * q; uv[c * 2 + 1] = 45; });
  const w = new Float64Array(CONTROL_COUNT), photo = new Float64Array(CONTROL_COUNT);
  const mid = EYE_L_UPPER[4]!;
  const edgeY = (blink: number, lashTop: [number, number] | undefined) => {
    w[CONTROL_INDEX.eyeBlinkLeft] = blink;
    const now = Float32Array.from(uv);
    slideLidTexture(w, photo, uv, now, lashTop);
    return now[mid * 2 + 1]!;
  };
  assert.equal(edgeY(0, [3, 0]), 50, 'rest: the photo');
  // before lid35 the slide at blink .5 was a fixed .15 of the 5 px (0.75 px): the lash stayed in the stretched skin
  assert.ok(Math.abs(edgeY(0.5, undefined) - (50 - 0.75)) < 1e-4);
  assert.ok(edgeY(0.5, [3, 0]) <= 50 - 3 + 1e-4, `edge texture at ${edgeY(0.5, [3, 0])}, the lash reaches 47`);
  // the other lid's lash does not move this one
  assert.ok(Math.abs(edgeY(0.5, [0, 3]) - (50 - 0.75)) < 1e-4);
});
