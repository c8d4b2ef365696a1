// A driver's far look puts the iris's edge at the eye's corner (lp_d0 f18, f30): the rendered iris
// may travel nearly all the white beside it, still held inside the half width and never frozen.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { easeInto, GazeIris } from '../src/render/gazeIris.ts';
import { sideReach } from '../src/render/irisDisc.ts';
import { almondEyeUv, EYE_TEXTURE_SIZE } from './almondEyes.ts';

test('gaze reach: the iris may travel at least 0.9 of the white beside it, within 0.8 of the half width', () => {
  // an eye 36 px wide (half width 18), iris radius 5 in its middle: 13 px of white on each side
  assert.ok(sideReach(18, 5, 18) >= 0.9 * 13, `reach ${sideReach(18, 5, 18)} of 13 px`);
  // a small iris in a wide eye: the half width binds
  assert.ok(sideReach(18, 2, 18) <= 0.8 * 18 + 1e-9);
  // an iris read over the corner still moves a little
  assert.ok(sideReach(5, 6, 18) > 0);
  // the synthetic eyes: a far look (twice the reach asked) ends within 5 % of the white's end
  const size = EYE_TEXTURE_SIZE;
  const gaze = new GazeIris(almondEyeUv(), { width: size, height: size, data32: new Uint32Array(size * size).fill(0xffc8c8c8) });
  for (const disc of gaze.discs) {
    const white = 18 - (disc.radius - 1.5) / 1.3;
    assert.ok(easeInto(2 * disc.reach[1], disc.reach[1]) > 0.85 * white, `eye at ${disc.cx}: ${easeInto(2 * disc.reach[1], disc.reach[1]).toFixed(1)} of ${white.toFixed(1)} px`);
  }
});

test('gaze reach: at a far look the iris edge passes a quarter radius under the corner (s24), in the synthetic eyes too', () => {
  // lp_s2's image-right eye toward its outer corner: half width 12.9 px, iris 5.7, corner 10.9 px from the iris's centre;
  // stopping the edge at the corner drew 4.9 px (0.38 of the half width) where the driver's iris hid partly in the corner
  assert.ok(sideReach(10.9, 5.7, 12.9) >= 10.9 - 5.7 + 0.25 * 5.7, `reach ${sideReach(10.9, 5.7, 12.9).toFixed(2)}`);
  // still held within 0.8 of the half width
  assert.ok(sideReach(12, 4, 12.9) <= 0.8 * 12.9 + 1e-9);
  const size = EYE_TEXTURE_SIZE;
  const gaze = new GazeIris(almondEyeUv(), { width: size, height: size, data32: new Uint32Array(size * size).fill(0xffc8c8c8) });
  for (const disc of gaze.discs) {
    const iris = (disc.radius - 1.5) / 1.3, white = 18 - iris;
    const far = easeInto(2 * disc.reach[1], disc.reach[1]);
    assert.ok(far > white + 0.1 * iris, `eye at ${disc.cx}: ${far.toFixed(1)} px, white ${white.toFixed(1)}, iris ${iris.toFixed(1)}`);
  }
});
