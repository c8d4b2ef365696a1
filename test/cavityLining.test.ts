// s44 (arch44; critic41-43: lp_s7's "flat maroon cavity with vertical bands"). The corners' lining came in from lateral
// .5 with zero slope while the cavity's dark kept falling toward the corners: every wide opening drew a dark valley at
// the shoulders (lateral ~.55-.65), straight from the upper line to the lower, with a lighter wedge beyond it.
// cavityLining.ts begins it at .3 in a wide opening (gap over .16-.22 IOD), so the outer half's mid-row profile rises
// toward the corner instead of dipping first.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { liningFrom, LINING_FROM, LINING_FROM_WIDE, WIDE_GAP } from '../src/render/mouth/cavityLining.ts';

test('liningFrom: main\'s onset in a speech opening and a grin, the early one in a wide opening, monotone between', () => {
  assert.equal(liningFrom(0.1), LINING_FROM);
  assert.equal(liningFrom(0.152), LINING_FROM); // lp_s1 at jawOpen .2 (test/mouthCavity.test.ts)
  assert.equal(liningFrom(0.3), LINING_FROM_WIDE);
  assert.equal(liningFrom(0.3, 1), LINING_FROM);
  assert.equal(liningFrom(Number.NaN), LINING_FROM);
  assert.ok(LINING_FROM_WIDE < LINING_FROM);
  let last = Infinity;
  for (let g = WIDE_GAP[0]; g <= WIDE_GAP[1] + 1e-9; g += 0.005) { const f = liningFrom(g); assert.ok(f <= last + 1e-12); last = f; }
});

// lp_s7 with lp_d10 f57's mouth controls (as test/openingCorners.test.ts), the mid-row luma per column of the opening's
// outer part (lateral .4-.9, image-left and right): main's dipped from the shoulders' inside to a valley and rose again
// toward the corner (the vertical band); here it may fall only a little below its value at lateral .4 before rising.
test('lp_s7 with lp_d10 f57 mouth: the cavity\'s mid row has no dark valley at the shoulders', async () => {
  const { analyzePortrait } = await import('./analyzedPortrait.ts');
  const { buildAvatar } = await import('./builtAvatar.ts');
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
    const dips: string[] = [];
    for (const side of [-1, 1]) {
      const prof: number[] = [];
      for (let x = 0; x < s.upperY.length; x++) {
        const t = s.upperY[x]!, b = s.lowerY[x]!, lat = (x + 0.5 - s.centreX) / s.halfWidth;
        if (!(t === t && b === b) || b - t < 6 || lat * side < 0.4 || lat * side > 0.9) continue;
        // the upper third's middle (over the tongue): the cavity's dark
        prof.push(luma(x, t + 0.3 * (b - t)));
      }
      if (side < 0) prof.reverse(); // from lateral .4 outward
      assert.ok(prof.length >= 8, `outer columns: ${prof.length}`);
      const start = prof[0]!, valley = Math.min(...prof);
      dips.push(`${side < 0 ? 'left' : 'right'} start ${start.toFixed(1)} valley ${valley.toFixed(1)}`);
      // main: the valley 20-30 % under the shoulders' inside
      assert.ok(valley >= 0.88 * start, `mid-row valley toward the corner: ${dips.join('; ')}`);
    }
    console.log(`lp_s7 f57 mid row: ${dips.join('; ')}`);
  } finally {
    MouthShader.prototype.setLips = set;
  }
});
