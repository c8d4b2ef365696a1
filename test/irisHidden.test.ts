// The moved iris's top that the photo's lid hid (render/irisHidden.ts, gaze28): a look down brings it
// into the opening as iris in the lid's shadow, not as the grey white-behind fill.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { oneEyeLandmarks, withIrises } from './oneEye.ts';
import { WideEyes } from '../src/render/wideEyes.ts';
import { GazeIris } from '../src/render/gazeIris.ts';
import { hiddenIris, irisShadow } from '../src/render/irisHidden.ts';
import { packedView } from '../src/render/textureSample.ts';

const SIZE = 96;
/** One eye 30..66 wide, its upper lid at row 45 in the middle (corners at 50), the lower at 58; a blue iris r 7 at (48, 49) whose top the lid hides. */
function hiddenTopEye() {
  const xy = withIrises(oneEyeLandmarks({ corner: 50, upper: 45, lower: 58 }));
  const data = new Uint8ClampedArray(SIZE * SIZE * 4);
  for (let y = 0; y < SIZE; y++) for (let x = 0; x < SIZE; x++) {
    const iris = Math.hypot(x + 0.5 - 48, y + 0.5 - 49) < 7;
    // skin over the lid (pale grey-pink, as lp_s12's lid margin), the shaded white's first rows, white
    const c = y < 45 ? [170, 150, 145] : iris ? (y < 47 ? [28, 40, 80] : [40, 60, 120]) : y < 47 ? [150, 146, 142] : [220, 215, 210];
    data.set([c[0]!, c[1]!, c[2]!, 255], (y * SIZE + x) * 4);
  }
  const uv = new Float32Array(478 * 2);
  for (const [i, p] of xy) { uv[i * 2] = p[0]; uv[i * 2 + 1] = p[1]; }
  return { xy, data, uv };
}

test('gaze: looking down, the iris top the lid hid comes in as shaded iris, not the grey fill; the seen iris as before', () => {
  const { xy, data, uv } = hiddenTopEye();
  const tex = { width: SIZE, height: SIZE, data32: packedView(data) };
  const wide = new WideEyes({ width: SIZE, height: SIZE, data }, (i) => xy.get(i) ?? [0, 0]);
  const o = wide.openings[0]!;
  const hidden = hiddenIris({ width: SIZE, height: SIZE, data }, o.model, o.poly);
  assert.ok(hidden, 'an iris in the opening');
  const withHidden = new GazeIris(uv, tex, { rest: tex, raisedShare: () => 0, hidden: [hidden, null] });
  const without = new GazeIris(uv, tex, { rest: tex, raisedShare: () => 0 });
  for (const g of [withHidden, without]) g.set(0, 40);
  const [, sy] = withHidden.shiftOf(0);
  assert.ok(sy > 2, `the iris moved down: ${sy.toFixed(2)} px`);
  const rgb = (c: number) => [c & 255, (c >>> 8) & 255, (c >>> 16) & 255];
  const lum = (c: number[]) => 0.3 * c[0]! + 0.59 * c[1]! + 0.11 * c[2]!;
  // (48, 46): its source 46 - sy is above the photo's lid line: the hidden top
  const cap = rgb(withHidden.shaders[0]!(48, 46, 48.5, 46.5)), old = rgb(without.shaders[0]!(48, 46, 48.5, 46.5));
  assert.ok(lum(old) > 110, `without the hidden iris the cap is the grey fill: ${old}`);
  assert.ok(lum(cap) < 70 && cap[2]! > cap[0]! + 20, `the cap is iris, blue and dark: ${cap}`);
  // the iris's middle (its source inside the opening) is drawn as before
  assert.deepEqual(rgb(withHidden.shaders[0]!(48, 53, 48.5, 53.5)), rgb(without.shaders[0]!(48, 53, 48.5, 53.5)));
  // the lid's shadow on the iris: its top row darker than its middle, 1 at the end
  const shade = irisShadow({ width: SIZE, height: SIZE, data }, o.model);
  assert.ok(shade[0]! < 0.9 && shade.at(-1) === 1, `shadow on the iris: ${shade.map((v) => v.toFixed(2))}`);
});
