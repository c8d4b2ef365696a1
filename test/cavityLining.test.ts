// s44 (arch44; critic41-43: lp_s7's "flat maroon cavity with vertical bands"). The corners' lining comes in by the
// pixel's place across the opening alone, one mix per column, while the dark falls toward the corners: a dark vertical
// band at lateral ~.6 and a lighter wedge beyond it, both straight from the upper line to the lower. cavityLining.ts
// can bring it in earlier toward the lip lines (the band bends with the lines); it is OFF (LINING_ALONG 0: lp_s1's
// speech dark share in test/mouthCavity.test.ts fell .107 -> .098 with it, docs/mouth/README.md s44 arch44). The
// rendered test runs when it is on; off, main's arithmetic is asserted.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { columnDepth, liningAlong, liningShare, LINING_ALONG } from '../src/render/mouth/cavityLining.ts';
import { smoothstep } from '../src/math/smooth.ts';

test('liningShare: main\'s per-column mix in the middle row, earlier toward a line, never less, monotone across', () => {
  for (let lat = 0; lat <= 1.0001; lat += 0.05) {
    const main = smoothstep(0.5, 1, lat);
    assert.ok(Math.abs(liningShare(lat, 1, 0.5, 0.3, 1) - main) < 1e-12);
    assert.equal(liningShare(lat, 0.3, 0.5, 0), main);
    for (const d of [0, 0.3, 0.6]) {
      assert.ok(liningShare(lat, d, 0.5, 0.3, 1) >= main - 1e-12);
      assert.ok(liningShare(lat + 0.05, d, 0.5, 0.3, 1) >= liningShare(lat, d, 0.5, 0.3, 1) - 1e-12);
    }
  }
  assert.ok(liningShare(0.6, 0, 0.5, 0.3, 1) > liningShare(0.6, 1, 0.5, 0.3, 1) + 0.1);
  // a grin and a slit keep main's mix; off by default (main's render)
  assert.equal(liningAlong(1, 1, 0.3), 0);
  assert.equal(liningAlong(0, 0, 0.3), 0);
  assert.ok(Math.abs(liningAlong(0, 1, 0.3) - 0.3) < 1e-12);
  assert.equal(LINING_ALONG, 0);
  assert.equal(columnDepth(10, 10, 30), 0);
  assert.equal(columnDepth(20, 10, 30), 1);
  assert.equal(columnDepth(25, 10, 30), 0.5);
  assert.equal(columnDepth(5, 10, 10.5), 0);
});

// lp_s7 with lp_d10 f57's mouth controls (as test/openingCorners.test.ts): in the opening's outer part (lateral .6-.85,
// past the upper row and the tongue's middle) the pixels a quarter of the way in from either line against the
// column's middle row. Main draws one mix per column: 29.7 against 29.5; LINING_ALONG .3 passes.
test('lp_s7 with lp_d10 f57 mouth: toward the corners the cavity is lighter beside the lip lines than in its middle row', { skip: LINING_ALONG === 0 ? 'cavityLining.ts is off (LINING_ALONG 0)' : false }, async () => {
  const { analyzePortrait } = await import('./analyzedPortrait.ts');
  const { buildAvatar } = await import('../src/avatar/build.ts');
  const { createRenderer } = await import('../src/render/renderer.ts');
  const { MouthShader } = await import('../src/render/mouth/shader.ts');
  const { sharedData } = await import('../bench/sharedData.ts');
  const f57 = { jawOpen: 0.38, mouthLowerDown: 0.85, mouthUpperUp: 0.14, mouthShrugUpper: 0.1, mouthFrownLeft: 0.26, mouthSmileLeft: 0.09, mouthSmileRight: 0.36, mouthStretchRight: 0.42, mouthDimpleRight: 0.2, cheekPuff: 0.52 };
  const portrait = await analyzePortrait(`${sharedData('portraits/')}lp_s7.jpg`);
  const r = createRenderer(buildAvatar(portrait), { width: 512, height: 512 });
  let shader: InstanceType<typeof MouthShader> | null = null;
  const set = MouthShader.prototype.setLips;
  MouthShader.prototype.setLips = function (this: InstanceType<typeof MouthShader>, ...a: Parameters<typeof set>) { shader = this; return set.apply(this, a); };
  try {
    const base = r.neutralFrame(), img = r.render({ ...base, w: { ...base.w, ...f57 } }), s = shader!;
    const luma = (x: number, y: number) => { const i = (Math.round(y) * img.width + x) * 4; return 0.299 * img.data[i]! + 0.587 * img.data[i + 1]! + 0.114 * img.data[i + 2]!; };
    let near = 0, mid = 0, n = 0;
    for (let x = 0; x < s.upperY.length; x++) {
      const t = s.upperY[x]!, b = s.lowerY[x]!, lat = Math.abs(x + 0.5 - s.centreX) / s.halfWidth;
      if (!(t === t && b === b) || b - t < 8 || lat < 0.6 || lat > 0.85) continue;
      const h = b - t;
      // the upper quarter row against the middle row (the lower quarter is the tongue's, lit by its own modules)
      near += luma(x, t + 0.25 * h); mid += luma(x, t + 0.5 * h); n++;
    }
    assert.ok(n >= 6, `outer columns with an opening: ${n}`);
    near /= n; mid /= n;
    assert.ok(near > mid + 4, `beside the upper line ${near.toFixed(1)} against the middle row ${mid.toFixed(1)} (${n} columns)`);
  } finally {
    MouthShader.prototype.setLips = set;
  }
});
