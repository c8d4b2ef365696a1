// s58 photorow58 (#13): a parted photo's rebuilt row in the light of the photo's own teeth. lp_s42's cut (grey teeth at
// 147 in her lips' shade, cheeks 199) had its rebuilt row brought to the face's teeth light (238): a hard white band
// beside her soft grey teeth. A cut with no teeth in it (lp_s11's dark slit, .46 of her cheeks) leaves the face's light.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { photoRowLightSetting, photoRowTarget } from '../src/render/mouth/photoTeeth.ts';

/** A 40 x 30 cut of one grey `c`. */
function cut(c: number) {
  const W = 40, H = 30, data = new Float32Array(W * H * 4);
  for (let q = 0; q < W * H; q++) { data[q * 4] = c; data[q * 4 + 1] = c; data[q * 4 + 2] = 0.95 * c; data[q * 4 + 3] = 1; }
  return { width: W, height: H, anchorX: 20, anchorY: 5, data };
}
const GAIN = [1, 1.25] as const;

test("a photo's dim own teeth set the rebuilt row's light (lifted by their gain at most), never above the face's", () => {
  const t = photoRowTarget(238, cut(150), 199, GAIN);
  assert.ok(t < 0.8 * 238, `row target ${t.toFixed(1)} still near the face's 238`);
  assert.ok(Math.abs(t - 1.25 * 148) < 4, `row target ${t.toFixed(1)} not the own teeth's lifted light`);
  // teeth as bright as the face's light: its target
  assert.equal(photoRowTarget(238, cut(240), 199, GAIN), 238);
});

test('a cut without teeth (a dark slit), no cut, or the setting off: the face\'s target to the bit', () => {
  assert.equal(photoRowTarget(162.6, cut(65), 140, GAIN), 162.6);
  assert.equal(photoRowTarget(238, null, 199, GAIN), 238);
  photoRowLightSetting.on = false;
  try { assert.equal(photoRowTarget(238, cut(150), 199, GAIN), 238); } finally { photoRowLightSetting.on = true; }
});
