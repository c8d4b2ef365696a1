// slab44 (#14): the mid-blink shaded white takes the lid skin's chroma (src/render/closedEye/slitHue.ts): lp_s10's
// grey slab across the near eye's inner white at a fast blink's exit (lp_s10 <- lp_d14b f88), stfb1's grey-blue band.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lidHued, whiteness, slitHueSetting } from '../src/render/closedEye/slitHue.ts';
import { sharedData } from '../bench/sharedData.ts';
import { EYE_L_LOOP } from '../src/rig/topology.ts';

const pack = (r: number, g: number, b: number) => ((255 << 24) | (b << 16) | (g << 8) | r) >>> 0;
const rgb = (p: number) => [p & 255, (p >>> 8) & 255, (p >>> 16) & 255] as const;
const luma = (p: number) => 0.299 * (p & 255) + 0.587 * ((p >>> 8) & 255) + 0.114 * ((p >>> 16) & 255);

test('a white darkened under the lid goes toward the lid skin chroma at its own luma; undarkened or iris pixels keep theirs', () => {
  const skin = [200, 150, 120] as const, ls = 0.299 * 200 + 0.587 * 150 + 0.114 * 120;
  const white = pack(235, 235, 235), grey = pack(130, 130, 130);
  const got = lidHued(white, grey, skin, whiteness(white, ls));
  const [r, , b] = rgb(got);
  assert.ok(r - b > 30, `warm now: ${rgb(got)}`);
  assert.ok(Math.abs(luma(got) - luma(grey)) < 1.5, `luma kept: ${luma(got)} vs ${luma(grey)}`);
  assert.equal(lidHued(white, white, skin, 1), white, 'not darkened: unchanged');
  const blue = pack(90, 140, 200);
  assert.ok(whiteness(blue, ls) < 0.01, 'a blue iris pixel is no white');
  assert.ok(whiteness(pack(120, 120, 120), ls) < 0.01, 'a pixel darker than the skin (the iris rim) is no white');
});

test('lp_s10 at the driver f88 mid-blink: the slab under the near lid warmer, its light kept; the rest frame unchanged', async () => {
  const { analyzePortrait } = await import('./analyzedPortrait.ts');
  const { buildAvatar } = await import('./builtAvatar.ts');
  const { createRenderer } = await import('../src/render/renderer.ts');
  const portrait = await analyzePortrait(sharedData('portraits/lp_s10.jpg'));
  const av = buildAvatar(portrait);
  const renders = [false, true].map((on) => {
    slitHueSetting.on = on;
    try {
      const r = createRenderer(av, { width: 512, height: 512 });
      const n = r.neutralFrame();
      const rest = new Uint8ClampedArray(r.render(n).data);
      const mid = { ...n, pose: { ...n.pose, yaw: -0.52, pitch: -3.88 }, blink: 0.557 };
      return { rest, mid: new Uint8ClampedArray(r.render(mid).data), lm: r.landmarks(mid) };
    } finally { slitHueSetting.on = true; }
  });
  assert.deepEqual(renders[1]!.rest, renders[0]!.rest);
  // the near (image-right) eye's box: the pixels the pass changed, their warmth (r-b)/luma and luma, off -> on
  const lm = renders[1]!.lm;
  const xs = EYE_L_LOOP.map((i) => lm[i]![0]), ys = EYE_L_LOOP.map((i) => lm[i]![1]);
  const [a, b] = [renders[0]!.mid, renders[1]!.mid];
  let n0 = 0, w0 = 0, w1 = 0, l0 = 0, l1 = 0;
  for (let y = Math.floor(Math.min(...ys)); y <= Math.ceil(Math.max(...ys)); y++) for (let x = Math.floor(Math.min(...xs)); x <= Math.ceil(Math.max(...xs)); x++) {
    const o = (y * 512 + x) * 4;
    if (a[o] === b[o] && a[o + 1] === b[o + 1] && a[o + 2] === b[o + 2]) continue;
    const la = 0.299 * a[o]! + 0.587 * a[o + 1]! + 0.114 * a[o + 2]!, lb = 0.299 * b[o]! + 0.587 * b[o + 1]! + 0.114 * b[o + 2]!;
    n0++; l0 += la; l1 += lb; w0 += (a[o]! - a[o + 2]!) / la; w1 += (b[o]! - b[o + 2]!) / lb;
  }
  console.log(`near eye, f88: ${n0} px changed; warmth ${(w0 / n0).toFixed(3)} -> ${(w1 / n0).toFixed(3)}, luma ${(l0 / n0).toFixed(1)} -> ${(l1 / n0).toFixed(1)}`);
  assert.ok(n0 >= 15, `the slab is reached (${n0} px)`);
  assert.ok(w1 / n0 >= w0 / n0 + 0.03, `warmer: ${(w0 / n0).toFixed(3)} -> ${(w1 / n0).toFixed(3)}`);
  assert.ok(Math.abs(l1 - l0) / n0 < 2, `light kept: ${(l0 / n0).toFixed(1)} -> ${(l1 / n0).toFixed(1)}`);
});
