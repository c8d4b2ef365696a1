// Eyes do not turn apart past parallel (render/gazeDiverge.ts, s53 whites53): a motion's vergence toward "apart" is
// drawn at most divergeCapSetting.most; crossing is drawn whole (lp_d6 f67). lp_d6's first five frames (-.38) drew
// lp_s42 and st_happy wall-eyed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { divergeCapSetting, drawnVergence } from '../src/render/gazeDiverge.ts';
import { sharedData } from '../bench/sharedData.ts';

test('drawnVergence: apart held at the cap, crossing and small values as given, off as before', () => {
  const most = divergeCapSetting.most;
  assert.equal(drawnVergence(-0.38), -most);
  assert.equal(drawnVergence(-3), -most);
  assert.equal(drawnVergence(-most / 2), -most / 2);
  assert.equal(drawnVergence(0.3), 0.3);
  assert.equal(drawnVergence(2), 1);
  assert.equal(drawnVergence(undefined), 0);
  assert.equal(drawnVergence(-0.38, { on: false, most }), -0.38);
  assert.equal(drawnVergence(-3, { on: false, most }), -1);
  assert.ok(most > 0.05 && most < 0.2, 'a camera half a metre away: ~.1');
});

test('the renderer draws lp_s42 with vergence -.38 as at the cap, and still crosses at +.38', async () => {
  const { analyzePortrait } = await import('./analyzedPortrait.ts');
  const { buildAvatar } = await import('./builtAvatar.ts');
  const { createRenderer } = await import('../src/render/renderer.ts');
  const portrait = await analyzePortrait(sharedData('portraits/lp_s42.jpg'));
  const { width, height } = portrait.image;
  const r = createRenderer(buildAvatar(portrait), { width, height });
  const n = r.neutralFrame();
  // (the renderer reuses its frame buffer: each frame copied)
  const draw = (f: typeof n) => Uint8ClampedArray.from(r.render(f).data);
  const differ = (a: Uint8ClampedArray, b: Uint8ClampedArray) => { let k = 0; for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) k++; return k; };
  const apart = draw({ ...n, vergence: -0.38 });
  assert.equal(differ(apart, draw({ ...n, vergence: -divergeCapSetting.most })), 0, 'apart past the cap: drawn at the cap');
  assert.ok(differ(apart, draw(n)) > 0, 'still turned apart a little');
  assert.ok(differ(draw({ ...n, vergence: 0.38 }), draw({ ...n, vergence: divergeCapSetting.most })) > 0, 'crossing is not capped');
});
