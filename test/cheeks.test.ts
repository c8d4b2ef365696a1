// A raised cheek is shaded, not only moved (render/cheeks.ts): a fold under the lower lid, a lighter apple.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cheekRaiseField, CheekRaise } from '../src/render/cheeks.ts';
import { CONTROL_COUNT, CONTROL_INDEX } from '../src/rig/controls.ts';
import { EYE_L_LOWER, EYE_R_LOWER } from '../src/rig/topology.ts';

test('cheekRaiseField: darker in a fold just under the lid, lighter on the apple below, nothing far off', () => {
  const hw = 0.15;
  const fold = cheekRaiseField(0.02, 0.075, hw), apple = cheekRaiseField(0.04, 0.19, hw);
  assert.ok(fold < -0.05, `fold ${fold}`);
  assert.ok(apple > 0.05, `apple ${apple}`);
  assert.ok(Math.abs(cheekRaiseField(0.02, 0.6, hw)) < 0.005 && Math.abs(cheekRaiseField(0.9, 0.1, hw)) < 0.005, 'fades out');
  assert.ok(Math.abs(cheekRaiseField(-0.25, 0.075, hw)) < Math.abs(fold) / 3, 'the fold fades toward the nose');
});

test('CheekRaise shades skin-coloured pixels under each eye by the side\'s cheekSquint over the photo\'s, and gives the photo back at 0', () => {
  const size = 200, iod = 100;
  const data = new Uint8ClampedArray(size * size * 4).fill(180);
  const photo = data.slice();
  // the lower lids: subject's left eye on image right (outer corner at x 170), right eye on image left
  const xy = (i: number): readonly [number, number] => {
    const side = EYE_L_LOWER.indexOf(i) >= 0 ? { k: EYE_L_LOWER.indexOf(i), outer: 170, inner: 120 } : EYE_R_LOWER.indexOf(i) >= 0 ? { k: EYE_R_LOWER.indexOf(i), outer: 30, inner: 80 } : null;
    if (!side) return [0, 0];
    return [side.outer + ((side.inner - side.outer) * side.k) / (EYE_L_LOWER.length - 1), 60];
  };
  const cheeks = new CheekRaise(data, size, size, xy, iod);
  const w = new Float64Array(CONTROL_COUNT), photoW = new Float64Array(CONTROL_COUNT);
  const lum = (x: number, y: number) => data[(y * size + x) * 4]!;
  w[CONTROL_INDEX.cheekSquintLeft] = 1;
  cheeks.update(w, photoW);
  // left side (image right): the fold 0.075 iod under the lid, the apple ~0.19 under it
  const fold = Math.min(...Array.from({ length: 9 }, (_, k) => lum(150, 62 + k)));
  assert.ok(fold < 170, `fold ${fold}`);
  assert.ok(lum(150, 79) > 190, `apple ${lum(150, 79)}`);
  assert.equal(lum(50, 68), 180, 'the other side stays');
  assert.equal(lum(150, 40), 180, 'above the lid stays');
  w[CONTROL_INDEX.cheekSquintLeft] = 0;
  cheeks.update(w, photoW);
  assert.deepEqual(data, photo);
});
