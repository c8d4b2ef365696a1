// slab34: a photo's own teeth are used only where enough of its cut stays lit as teeth (ownTeethShown.ts).
// lp_s42's slit keeps .09 of its cut (her teeth in the lips' shade): her opened mouth was the library row
// with none of a library row's rules, a plain white band; now it is the library row with them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { keptTeethShare, ownTeethIfShown, MIN_KEPT_SHARE } from '../src/render/mouth/ownTeethShown.ts';
import type { MouthLayers } from '../src/render/mouth/atlas.ts';

/** A 40 x 12 cut (premultiplied, opaque): teeth of luma `teeth` over its top `teethRows` rows, the slit's shade (60) under them. */
function cut(teeth: number, teethRows: number): MouthLayers {
  const W = 40, H = 12, data = new Float32Array(W * H * 4);
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) {
    const o = (y * W + x) * 4, c = y < teethRows ? teeth : 60;
    data[o] = c; data[o + 1] = c; data[o + 2] = 0.96 * c; data[o + 3] = 1;
  }
  const layer = { width: W, height: H, anchorX: 20, anchorY: 0, ppi: 100, data };
  return { upper: layer, lower: layer, cavity: [30, 20, 20], cheek: [200, 170, 160] };
}

test('a cut mostly of lit teeth is kept; one mostly of shade is not', () => {
  const lit = cut(230, 10), shaded = cut(230, 2);
  assert.ok(keptTeethShare(lit, 100, 180) > 0.5, `lit teeth kept ${keptTeethShare(lit, 100, 180).toFixed(2)}`);
  assert.ok(keptTeethShare(shaded, 100, 180) < MIN_KEPT_SHARE, `shaded slit kept ${keptTeethShare(shaded, 100, 180).toFixed(2)}`);
  assert.equal(ownTeethIfShown(lit, 100, 180), lit);
  assert.equal(ownTeethIfShown(shaded, 100, 180), null);
  assert.equal(ownTeethIfShown(null, 100, 180), null);
});

test('teeth too dim for the face\'s light (lp_s42: grey in the lips\' shade) are not the row', () => {
  // all teeth, but at 120 against a face that lights teeth to 230 (leastBright 184): withoutDark keeps none
  const dim = cut(120, 12);
  assert.ok(keptTeethShare(dim, 100, 184) < MIN_KEPT_SHARE, `dim teeth kept ${keptTeethShare(dim, 100, 184).toFixed(2)}`);
  assert.ok(keptTeethShare(dim, 100, 0) > 0.5, 'the same teeth kept when the face asks no more light of them');
});
