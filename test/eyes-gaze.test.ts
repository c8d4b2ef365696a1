// The eye texture slid for gaze (avatar/eyeTexture.ts): what an iris moved sideways uncovers
// carries on the white that row shows at that end of the eye, not one flat pale colour.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extendEyes } from '../src/avatar/eyeTexture.ts';

test('gaze: the eye white outside the opening keeps each row\'s shade (shadowed under the lid, pink at the inner corner)', () => {
  const size = 64;
  const data = new Uint8ClampedArray(size * size * 4).fill(255);
  // an eye opening 20..44 x 24..40: white shaded darker toward the top (the lid's shadow), pinker
  // at the left end (the inner corner), a dark iris in the middle
  const poly: [number, number][] = [[20, 32], [26, 25], [38, 25], [44, 32], [38, 39], [26, 39]];
  for (let y = 0; y < size; y++) for (let x = 0; x < size; x++) {
    const o = (y * size + x) * 4;
    const shade = 150 + 4 * (y - 25);
    const pink = x < 26 ? 16 : 0;
    const iris = Math.hypot(x - 32, y - 32) < 5;
    data[o] = iris ? 60 : shade; data[o + 1] = iris ? 40 : shade - pink; data[o + 2] = iris ? 30 : shade - pink; data[o + 3] = 255;
  }
  const texture = { width: size, height: size, data };
  const out = extendEyes(texture, [poly], 40).data;
  const px = (x: number, y: number) => [0, 1, 2].map((c) => out[(y * size + x) * 4 + c]!);
  // inside: the photo unchanged
  for (const [x, y] of [[32, 32], [30, 30], [36, 35]]) assert.deepEqual(px(x, y), [0, 1, 2].map((c) => data[(y * size + x) * 4 + c]!));
  // just past the right end: an upper row darker than a lower row, as in the opening
  const upper = px(44, 29), lower = px(44, 35);
  assert.ok(lower[0]! - upper[0]! > 12, `right end: row 29 ${upper} vs row 35 ${lower}`);
  // just past the left end (inner corner): pinker (red over green) than past the right end
  const left = px(18, 32), right = px(46, 32);
  assert.ok(left[0]! - left[1]! > right[0]! - right[1]! + 10, `left ${left} vs right ${right}`);
});

test('gaze: the iris moves, the lid margin inside the opening stays (lp_s42, gaze -0.47)', async () => {
  const { analyzePortrait } = await import('../src/analyze/index.ts');
  const { buildAvatar } = await import('../src/avatar/build.ts');
  const { createRenderer } = await import('../src/render/renderer.ts');
  const { EYE_L_LOOP, EYE_R_LOOP } = await import('../src/rig/topology.ts');
  const { insidePolygon } = await import('../src/math/polygon.ts');
  const { fileURLToPath } = await import('node:url');
  const portrait = await analyzePortrait(fileURLToPath(new URL('../../shared/data/portraits/lp_s42.jpg', import.meta.url)));
  const { width, height } = portrait.image;
  const r = createRenderer(buildAvatar(portrait), { width, height });
  const n = r.neutralFrame();
  const rest = r.render(n).data.slice(), looking = r.render({ ...n, gaze: [-0.47, n.gaze[1]] }).data.slice();
  const lm = portrait.cropLandmarks;
  const diff = (keep: (x: number, y: number) => boolean) => {
    let s = 0, k = 0;
    for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) {
      if (!keep(x + 0.5, y + 0.5)) continue;
      const o = (y * width + x) * 4;
      s += Math.abs(rest[o]! - looking[o]!) + Math.abs(rest[o + 1]! - looking[o + 1]!) + Math.abs(rest[o + 2]! - looking[o + 2]!);
      k++;
    }
    return s / (3 * Math.max(1, k));
  };
  const iod = Math.hypot(lm[263]![0]! - lm[33]![0]!, lm[263]![1]! - lm[33]![1]!);
  const polys = [EYE_L_LOOP, EYE_R_LOOP].map((loop) => loop.map((i) => [lm[i]![0]!, lm[i]![1]!] as [number, number]));
  const centres = polys.map((p) => [p.reduce((a, q) => a + q[0], 0) / p.length, p.reduce((a, q) => a + q[1], 0) / p.length]);
  // the margin: inside the opening, within 0.02 iod of its outline (shrunk toward the centre)
  const shrunk = (f: number) => polys.map((p, e) => p.map(([x, y]) => [centres[e]![0]! + f * (x - centres[e]![0]!), centres[e]![1]! + f * (y - centres[e]![1]!)] as [number, number]));
  const inner = shrunk(0.85);
  const margin = diff((x, y) => polys.some((p, e) => insidePolygon(x, y, p) && !insidePolygon(x, y, inner[e]!)));
  const iris = diff((x, y) => [468, 473].some((i) => Math.hypot(x - lm[i]![0]!, y - lm[i]![1]!) < 0.08 * iod));
  assert.ok(iris > 12, `the iris moves (mean change ${iris.toFixed(1)})`);
  // measured: before (the whole texture slid) margin 34.8 against iris 36.4; now 17.1 against 27.9
  assert.ok(margin < 0.7 * iris, `the margin stays (mean change ${margin.toFixed(1)} against the iris's ${iris.toFixed(1)})`);
});

test('audio mode: looking down, the upper lid follows the iris (no white above it); looking up, nothing', async () => {
  const { lidFollowingGaze, LID_FOLLOW } = await import('../src/motion/generators.ts');
  assert.equal(lidFollowingGaze(0), 0);
  assert.equal(lidFollowingGaze(-0.4), 0);
  assert.ok(Math.abs(lidFollowingGaze(0.3) - 0.3 * LID_FOLLOW) < 1e-12);
  assert.ok(lidFollowingGaze(0.3) >= 0.1, 'a look-away down (0.2-0.45) drops the lid visibly');
  assert.ok(lidFollowingGaze(1) <= 0.5, 'never more than half shut');
});
