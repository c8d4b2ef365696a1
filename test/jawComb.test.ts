// The far jaw's notch on a turn (issue #15, s48 jawnotch48): lp_s12 at +25 showed short dark dashes sticking out of the
// far jaw's outline (the outline slivers' pixel steps, dark against the sheet's light translucent ramp) and a 3x4 px
// translucent speck in opaque skin by the jaw corner. render/jawComb.ts smooths the far jaw's outline along the jaw;
// render/specklessFill.ts fills few-pixel translucent runs between opaque ends near the far oval.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzePortrait } from './analyzedPortrait.ts';
import { buildAvatar } from '../src/avatar/build.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { jawCombPass, jawCombSetting, smoothAlongLine } from '../src/render/jawComb.ts';
import { fillSpecks, specklessFillSetting } from '../src/render/specklessFill.ts';
import { distanceToPolyline } from '../src/math/polygon.ts';
import type { RasterTarget } from '../src/render/raster.ts';
import type { RgbaImage } from '../src/types.ts';
import { sharedData } from '../bench/sharedData.ts';

const PORTRAITS = sharedData('portraits/');
const pack = (r: number, g: number, b: number, a: number) => (r | (g << 8) | (b << 16) | (a << 24)) >>> 0;
const SKIN = pack(180, 140, 120, 255);
const box = { x0: 0, y0: 0, x1: 29, y1: 19 };

/** 30 x 20 px of opaque skin. */
function skin(): Uint32Array { return new Uint32Array(30 * 20).fill(SKIN); }

test('fillSpecks: a 3-px translucent run in opaque skin is filled; a clear gap and a pixel `near` refuses are kept', () => {
  const c = skin();
  for (const x of [10, 11, 12]) c[5 * 30 + x] = pack(90, 70, 60, 140);
  for (const x of [10, 11, 12]) c[12 * 30 + x] = pack(0, 0, 0, 40); // a clear gap (a strand's gap): kept
  const n = fillSpecks(c, 30, 20, box);
  assert.equal(n, 3);
  for (const x of [10, 11, 12]) assert.equal(c[5 * 30 + x]! >>> 24, 255);
  for (const x of [10, 11, 12]) assert.equal(c[12 * 30 + x]! >>> 24, 40);
  const d = skin();
  for (const x of [10, 11, 12]) d[5 * 30 + x] = pack(90, 70, 60, 140);
  assert.equal(fillSpecks(d, 30, 20, box, (x) => x !== 11), 2);
  assert.equal(d[5 * 30 + 11]! >>> 24, 140);
  // a run longer than SPECK_RUN is an edge, not a speck
  const e = skin();
  for (let x = 5; x < 15; x++) e[5 * 30 + x] = pack(90, 70, 60, 140);
  for (let y = 0; y < 20; y++) if (y !== 5) for (let x = 5; x < 15; x++) e[y * 30 + x] = pack(90, 70, 60, 140);
  assert.equal(fillSpecks(e, 30, 20, box), 0);
});

test('distanceToPolyline (the speck pass reach): to the nearest segment, clamped at its ends', () => {
  assert.equal(distanceToPolyline(5, 3, [[0, 0], [10, 0]]), 3);
  assert.equal(distanceToPolyline(13, 4, [[0, 0], [10, 0]]), 5);
});

/** A horizontal line at y = 10 (face above); below it a comb: dark and light 3-px runs alternating along the line. */
function comb(): RasterTarget {
  const W = 40, H = 20, color = new Uint32Array(W * H), depth = new Float32Array(W * H).fill(1);
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) color[y * W + x] = y < 10 ? SKIN : Math.floor(x / 3) % 2 ? pack(30, 25, 20, 255) : pack(170, 170, 170, 160);
  return { width: W, height: H, color, depth };
}
const spread = (t: RasterTarget, y: number) => { const v = Array.from({ length: 20 }, (_, k) => t.color[y * t.width + 10 + k]! & 255); return Math.max(...v) - Math.min(...v); };

test('smoothAlongLine: a comb just outside the line is smoothed along it; the face inside and strength 0 are untouched', () => {
  const t = comb(), before = spread(t, 11);
  const n = smoothAlongLine(t, [0, 40], [10, 10], [20, 2], 1, 6);
  assert.ok(n > 0);
  assert.ok(spread(t, 11) < before * 0.5, `row 11 spread ${before} -> ${spread(t, 11)}`);
  for (let x = 0; x < 40; x++) assert.equal(t.color[5 * 40 + x], SKIN);
  const u = comb(), copy = u.color.slice();
  assert.equal(smoothAlongLine(u, [0, 40], [10, 10], [20, 2], 0, 6), 0);
  assert.deepEqual(u.color, copy);
});

test('jawCombPass: under 5 degrees of yaw nothing changes', () => {
  const t = comb(), copy = t.color.slice();
  const sx = new Float32Array(478).fill(20), sy = new Float32Array(478).fill(10);
  assert.equal(jawCombPass(t, sx, sy, 4, 100), 0);
  assert.deepEqual(t.color, copy);
});

/** Dark dashes (over the plate): pixels of the far jaw's box (landmarks 58..176 +- 14 px) 30 levels darker than both pixels 2 rows away. */
function dashes(img: RgbaImage, lm: [number, number, number][]): number {
  const ids = [58, 172, 136, 150, 149, 176], W = img.width;
  const xs = ids.map((i) => lm[i]![0]), ys = ids.map((i) => lm[i]![1]);
  const L = (x: number, y: number) => { const o = (y * W + x) * 4; return img.data[o]! * 0.3 + img.data[o + 1]! * 0.59 + img.data[o + 2]! * 0.11; };
  let n = 0;
  for (let y = Math.floor(Math.min(...ys) - 12); y <= Math.ceil(Math.max(...ys) + 12); y++) {
    for (let x = Math.floor(Math.min(...xs) - 14); x <= Math.ceil(Math.max(...xs) + 14); x++) {
      if (L(x, y) <= Math.min(L(x, y - 2), L(x, y + 2)) - 30) n++;
    }
  }
  return n;
}

test('lp_s12 at +25: fewer dark dashes under the far jaw, and no translucent speck by its corner', async () => {
  const avatar = buildAvatar(await analyzePortrait(PORTRAITS + 'lp_s12.jpg'));
  const r = createRenderer(avatar, { width: avatar.size, height: avatar.size });
  const frame = { ...r.neutralFrame(), pose: { yaw: 25, pitch: 0, roll: 0, tx: 0, ty: 0, tz: 0 } };
  const read = () => {
    const plate = r.render(frame), d = dashes(plate, r.landmarks(frame));
    const img = r.render(frame, { background: null });
    return { d, img: { ...img, data: img.data.slice() } };
  };
  // both passes are off by default (their cost: bench/renderAB.ts), so each side sets them
  const withPasses = (on: boolean) => {
    const was = [jawCombSetting.on, specklessFillSetting.on];
    jawCombSetting.on = on; specklessFillSetting.on = on;
    try { return read(); } finally { [jawCombSetting.on, specklessFillSetting.on] = was as [boolean, boolean]; }
  };
  const on = withPasses(true), off = withPasses(false);
  // acf6cc60: 20 dash pixels (this box, over the plate), 8 with the passes
  assert.ok(on.d <= off.d * 0.6, `dashes on ${on.d} off ${off.d}`);
  // the speck: its most transparent pixel round (214, 330) of the 512 frame (landmark 172's corner), opaque skin all round it
  const [cx, cy] = r.landmarks(frame)[172]!.map(Math.round) as [number, number];
  const minAlpha = (img: RgbaImage) => { let m = 255; for (let y = cy; y <= cy + 6; y++) for (let x = cx - 3; x <= cx + 1; x++) m = Math.min(m, img.data[(y * img.width + x) * 4 + 3]!); return m; };
  assert.ok(minAlpha(off.img) < 170, `off ${minAlpha(off.img)}`);
  assert.ok(minAlpha(on.img) > minAlpha(off.img) + 20, `on ${minAlpha(on.img)} off ${minAlpha(off.img)}`);
});
