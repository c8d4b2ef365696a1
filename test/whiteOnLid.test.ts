// spill43 (#14): the painted white over the face mesh's upper lid line goes over to lid skin as the lid
// closes (src/render/whiteOnLid.ts; lp_s10's white fleck on the mid-blink lid, lp_s10 <- lp_d14 f88).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyLidWhite, lidWhite, whiteOnLidSetting } from '../src/render/whiteOnLid.ts';
import { sharedData } from '../bench/sharedData.ts';
import { EYE_L_LOOP } from '../src/rig/topology.ts';

test('white texels over a lid line go to the skin above as the lid closes, back to the photo at rest; a rewritten texel is the new base', () => {
  const W = 20, H = 20, data = new Uint8ClampedArray(W * H * 4);
  for (let k = 0; k < W * H; k++) data.set([200, 160, 130, 255], k * 4);
  const put = (x: number, y: number, c: number[]) => data.set(c, (y * W + x) * 4);
  // lid line at y 12 from x 2 to 18; the eye's white under it at x 6..8 (row 12) and over it (row 11)
  for (const x of [6, 7, 8]) { put(x, 11, [250, 248, 245]); put(x, 12, [250, 248, 245]); }
  const photo = new Uint8ClampedArray(data);
  const w = lidWhite({ width: W, height: H, data }, [[2, 12], [10, 12], [18, 12]])!;
  assert.ok(w, 'found');
  assert.deepEqual(Array.from(w.pixels).sort((a, b) => a - b), [6, 7, 8].map((x) => (11 * W + x) * 4));
  applyLidWhite(data, w, 0);
  assert.deepEqual(data, photo);
  applyLidWhite(data, w, 1);
  assert.deepEqual(Array.from(data.subarray((11 * W + 7) * 4, (11 * W + 7) * 4 + 3)), [200, 160, 130]);
  put(7, 11, [100, 100, 100]); // another pass rewrote it
  applyLidWhite(data, w, 0);
  assert.deepEqual(Array.from(data.subarray((11 * W + 7) * 4, (11 * W + 7) * 4 + 3)), [100, 100, 100]);
  assert.deepEqual(Array.from(data.subarray((11 * W + 6) * 4, (11 * W + 6) * 4 + 3)), [250, 248, 245]);
});

test('lp_s10 at a mid-blink: no pure-white fleck on the near lid; the rest frame unchanged', async () => {
  const { analyzePortrait } = await import('./analyzedPortrait.ts');
  const { buildAvatar } = await import('./builtAvatar.ts');
  const { createRenderer } = await import('../src/render/renderer.ts');
  const portrait = await analyzePortrait(sharedData('portraits/lp_s10.jpg'));
  const renders = [false, true].map((on) => {
    whiteOnLidSetting.on = on;
    try {
      const r = createRenderer(buildAvatar(portrait), { width: 512, height: 512 });
      const n = r.neutralFrame();
      const rest = new Uint8ClampedArray(r.render(n).data);
      const mid = { ...n, pose: { ...n.pose, yaw: -0.52, pitch: -3.88 }, blink: 0.557 };
      return { rest, mid: new Uint8ClampedArray(r.render(mid).data), lm: r.landmarks(mid) };
    } finally { whiteOnLidSetting.on = true; }
  });
  assert.deepEqual(renders[1]!.rest, renders[0]!.rest);
  // the lightest px in the near (image-right) eye's box at the driver's f88 (head down 3.9 deg, blink .557): the fleck
  const bright = ({ mid, lm }: (typeof renders)[number]) => {
    const xs = EYE_L_LOOP.map((i) => lm[i]![0]), ys = EYE_L_LOOP.map((i) => lm[i]![1]);
    let n = 0;
    for (let y = Math.floor(Math.min(...ys)) - 4; y <= Math.ceil(Math.max(...ys)) + 2; y++) for (let x = Math.floor(Math.min(...xs)); x <= Math.ceil(Math.max(...xs)); x++) {
      const o = (y * 512 + x) * 4;
      n = Math.max(n, 0.299 * mid[o]! + 0.587 * mid[o + 1]! + 0.114 * mid[o + 2]!);
    }
    return n;
  };
  const [off, on] = renders.map(bright) as [number, number];
  console.log(`lightest px on the mid-blink eye: off ${off.toFixed(0)} -> on ${on.toFixed(0)}`);
  assert.ok(off >= 210, `the fleck shows without the pass (off ${off})`);
  assert.ok(on <= off - 5, `lightest px on the mid-blink eye off ${off} -> on ${on}`);
});
