// The white shown behind a moved iris is lifted toward the photo's own white (render/gazeIris.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { liftTowardSclera, scleraColour } from '../src/render/gazeIris.ts';

const pack = (r: number, g: number, b: number) => (r | (g << 8) | (b << 16) | (255 << 24)) >>> 0;

test('the sclera colour is the opening\'s whitest pixels, not its iris or lid shadow', () => {
  const W = 20, H = 10, data32 = new Uint32Array(W * H);
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) {
    // iris in the middle, a pinkish lid shadow along the top, white at the sides
    data32[y * W + x] = Math.abs(x - 10) < 4 ? pack(60, 40, 30) : y < 3 ? pack(150, 110, 100) : pack(225, 222, 215);
  }
  const c = scleraColour({ width: W, height: H, data32 }, [[0, 0], [20, 0], [20, 10], [0, 10]]);
  assert.ok(c && c[0] > 215 && c[2] > 205, `sclera ${c}`);
  const [grey] = liftTowardSclera(Uint32Array.of(pack(120, 110, 105)), c);
  const lifted = [grey! & 255, (grey! >>> 8) & 255, (grey! >>> 16) & 255];
  assert.ok(lifted.every((v, ch) => v > 180 && v <= c![ch]! + 0.5), `a grey membrane lifted toward the white: ${lifted}`);
  assert.equal(grey! >>> 24, 255, 'alpha kept');
  assert.deepEqual(liftTowardSclera(Uint32Array.of(7), null), Uint32Array.of(7), 'no opening: unchanged');
});
