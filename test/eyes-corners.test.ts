// The eyes' corners when the lids move (critic s13: thin white flecks at the corners under a squint or a
// cheek raise + smile, bench/eyeCorners.ts). The eyeball's fan is wider than the opening; lid skin
// sliding at a corner uncovered it, and the eye texture there carried the eye white on past the ends.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extendEyes } from '../src/avatar/eyeTexture.ts';
import { insidePolygon } from '../src/math/polygon.ts';
import { sharedData } from '../bench/sharedData.ts';

test('eye texture: past the opening\'s ends and beside its low corner columns, the photo\'s own pixels (no white carried on)', () => {
  const size = 64;
  const data = new Uint8ClampedArray(size * size * 4);
  // an eye opening 20..44 x 24..40 of bright white in dark-brown skin
  const poly: [number, number][] = [[20, 32], [26, 25], [38, 25], [44, 32], [38, 39], [26, 39]];
  const skin = [90, 60, 50, 255];
  for (let i = 0; i < size * size; i++) data.set(skin, i * 4);
  for (let y = 0; y < size; y++) for (let x = 0; x < size; x++) {
    if (!insidePolygon(x + 0.5, y + 0.5, poly)) continue;
    const o = (y * size + x) * 4;
    data[o] = 235; data[o + 1] = 235; data[o + 2] = 230;
  }
  const out = extendEyes({ width: size, height: size, data }, [poly], 40).data;
  const px = (x: number, y: number) => [0, 1, 2].map((c) => out[(y * size + x) * 4 + c]!);
  // past either end and above / below the tips: within a few levels of the skin (was the eye white)
  for (const [x, y] of [[17, 32], [15, 32], [47, 32], [49, 32], [21, 27], [21, 37], [43, 27], [43, 37]]) {
    const [r, g, b] = px(x!, y!);
    assert.ok(Math.abs(r! - skin[0]!) < 20 && Math.abs(g! - skin[1]!) < 20 && Math.abs(b! - skin[2]!) < 20, `(${x}, ${y}) ${[r, g, b]}`);
  }
  // above and below the middle: still the fill the lid margins carry on (not the skin)
  assert.ok(px(32, 20)[0]! > 150, `above the middle ${px(32, 20)}`);
});

test('eye corners: a squint with a cheek raise + smile leaves no bright specks at the corners (lp_s42)', async () => {
  const { analyzePortrait } = await import('./analyzedPortrait.ts');
  const { buildAvatar } = await import('./builtAvatar.ts');
  const { createRenderer } = await import('../src/render/renderer.ts');
  const { fileURLToPath } = await import('node:url');
  const portrait = await analyzePortrait(sharedData('portraits/lp_s42.jpg'));
  const avatar = buildAvatar(portrait);
  const size = avatar.size;
  const r = createRenderer(avatar, { width: size, height: size });
  const n = r.neutralFrame();
  const rest = r.render(n).data.slice();
  const xy = (i: number) => [avatar.uv[i * 2]!, avatar.uv[i * 2 + 1]!] as const;
  const iod = Math.hypot(xy(263)[0] - xy(33)[0], xy(263)[1] - xy(33)[1]);
  const lum = (d: ArrayLike<number>, o: number) => 0.3 * d[o]! + 0.59 * d[o + 1]! + 0.11 * d[o + 2]!;
  const smile = { cheekSquintLeft: 1, cheekSquintRight: 1, mouthSmileLeft: 1, mouthSmileRight: 1 };
  let specks = 0;
  for (const w of [smile, { ...smile, eyeSquintLeft: 1, eyeSquintRight: 1 }]) {
    const img = r.render({ ...n, w: { ...n.w, ...w } }).data;
    // within 0.08 iod of each eye corner: a pixel 25 levels brighter than its 8 neighbours' mean
    // and than the rest frame's pixel there (a fleck, not the opening's own white moving)
    for (const corner of [33, 133, 263, 362]) {
      const [cx, cy] = xy(corner), rad = 0.08 * iod;
      for (let y = Math.floor(cy - rad); y <= cy + rad; y++) for (let x = Math.floor(cx - rad); x <= cx + rad; x++) {
        if (Math.hypot(x + 0.5 - cx, y + 0.5 - cy) > rad) continue;
        const o = (y * size + x) * 4;
        let around = 0;
        for (const [dx, dy] of [[-1, -1], [0, -1], [1, -1], [-1, 0], [1, 0], [-1, 1], [0, 1], [1, 1]] as const) around += lum(img, o + (dy * size + dx) * 4) / 8;
        if (lum(img, o) > around + 25 && lum(img, o) > lum(rest, o) + 25) specks++;
      }
    }
  }
  // measured: 21 with the eye white carried on past the ends (s13), 2 now (a faint one at the inner corner)
  assert.ok(specks <= 5, `${specks} bright specks at the eye corners`);
});

test('lid shadow: mid-blink the eyeball under the closing lid is shaded, most under the lid\'s edge; the lid skin keeps its light', async () => {
  const { drawLidShadow, lidShadowStrength } = await import('../src/render/closedEye/lidShadow.ts');
  const { eyeFrame } = await import('../src/render/closedEye/frame.ts');
  const W = 80, H = 50;
  const grey = (0xff << 24 | 200 << 16 | 200 << 8 | 200) >>> 0;
  const target = { width: W, height: H, color: new Uint32Array(W * H).fill(grey), depth: new Float32Array(W * H).fill(1) };
  // an eye from (10, 25) to (70, 25); rows 20..32 are eyeball (farther: smaller 1/z), the rest skin
  for (let y = 20; y <= 32; y++) for (let x = 12; x <= 68; x++) target.depth[y * W + x] = 0.98;
  const f = eyeFrame([10, 25], [70, 25], [0, 1]);
  // the closing lid's edge as rendered: 1/12 eye width below the corners' line; the lower lid below
  const upper = { u: [0, 0.5, 1], v: [0, 1 / 12, 0] }, lower = { u: [0, 0.5, 1], v: [0, 0.2, 0] };
  assert.equal(lidShadowStrength(0), 0);
  assert.equal(lidShadowStrength(0.2), 0, 'a lid barely moving: no shadow');
  drawLidShadow(target, f, upper, lower, lidShadowStrength(0.7), 0.99);
  const red = (x: number, y: number) => target.color[y * W + x]! & 255;
  assert.equal(red(40, 10), 200, 'skin above keeps its light');
  assert.equal(red(40, 40), 200, 'skin below keeps its light');
  // under the lid's edge (row 30, just below 25 + 5) darker than farther down the eyeball (row 32) and than the photo's 200
  assert.ok(red(40, 31) < red(40, 32), `under the edge ${red(40, 31)}, below ${red(40, 32)}`);
  assert.ok(red(40, 32) < 170, `the gap darkened at .7: ${red(40, 32)}`);
});
