// visor45 (#14): the half-shut eye under its lid darkest under the lash root and at the corners, not a flat strip
// (src/render/closedEye/underLidShade.ts): lp_s7 <- eng f59/f64/f108/f112's "visor". (r.render reuses its buffer: copied.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { underLidLight, underLidShadeStrength, underLidShadeSetting } from '../src/render/closedEye/underLidShade.ts';
import { sharedData } from '../bench/sharedData.ts';
import { halfLidLook } from '../bench/halfLidLook.ts';

test('the light rises down the opening and in from the corners; none on an open eye or once the shut eye shows', () => {
  assert.ok(underLidLight(0, 0.5, 1) < underLidLight(0.3, 0.5, 1) && underLidLight(0.3, 0.5, 1) < underLidLight(1, 0.5, 1), 'darkest under the lid edge');
  assert.equal(underLidLight(1, 0.5, 1), 1, 'the opening\'s bottom in the middle keeps its light');
  assert.ok(underLidLight(1, 0.02, 1) < 0.7 && underLidLight(1, 0.98, 1) < 0.7, 'the corners in shade');
  assert.equal(underLidLight(0, 0.1, 0), 1, 'strength 0: unchanged');
  assert.equal(underLidShadeStrength(0.2, 0), 0, 'open eye: none');
  assert.equal(underLidShadeStrength(1, 1), 0, 'shut eye shown: none');
  assert.equal(underLidShadeStrength(0.6, 0), 1);
});

test('lp_s7 at blink .6: the white under the lid no longer flat, darker under the lid; blink 0 and 1 unchanged', async () => {
  const { analyzePortrait } = await import('./analyzedPortrait.ts');
  const { buildAvatar } = await import('./builtAvatar.ts');
  const { createRenderer } = await import('../src/render/renderer.ts');
  const av = buildAvatar(await analyzePortrait(sharedData('portraits/lp_s7.jpg')));
  const r = createRenderer(av, { width: 512, height: 512 });
  const n = r.neutralFrame();
  const half = { ...n, blink: 0.6 };
  const lm = (r.landmarks(half) as unknown as number[][]).map((p) => [p[0]!, p[1]!] as [number, number]);
  const shot = (on: boolean, fr = half) => { underLidShadeSetting.on = on; try { const img = r.render(fr); return { ...img, data: new Uint8ClampedArray(img.data) }; } finally { underLidShadeSetting.on = true; } };
  const [before, after] = [shot(false), shot(true)];
  for (const side of [0, 1]) {
    const b = halfLidLook(before, lm, side), a = halfLidLook(after, lm, side);
    assert.ok(a.whiteSpread > b.whiteSpread + 0.05, `eye ${side}: the white's luma spread ${b.whiteSpread.toFixed(3)} -> ${a.whiteSpread.toFixed(3)}`);
    assert.ok(a.white < b.white && a.white > 0.45, `eye ${side}: the white a little darker, not black: ${b.white.toFixed(2)} -> ${a.white.toFixed(2)}`);
  }
  for (const blink of [0, 1]) {
    const fr = { ...n, blink };
    assert.deepEqual(Buffer.from(shot(true, fr).data).equals(Buffer.from(shot(false, fr).data)), true, `blink ${blink}: identical`);
  }
});
