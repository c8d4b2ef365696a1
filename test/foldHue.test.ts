// foldhue58 (s58, #14): foldBand's `even` — the lift in the hue of the skin just over the band (not the patch top's paler,
// greyer skin: lp_s5's greyish blotch) and as strong at the band's ends as in its middle (lp_s5's brown arc ends).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PATCH_W, PATCH_H } from '../src/render/closedEye/frame.ts';
import { cellU, cellV } from '../src/render/closedEye/grid.ts';
import { foldBandSetting, liftFoldBand } from '../src/render/closedEye/foldBand.ts';
import { luminance as lum } from '../src/math/colour.ts';
import type { EyeGeometry } from '../src/render/closedEye/lids.ts';

const line = (v: number) => ({ u: [0, 1], v: [v, v] });
const g = { frame: { ox: 0, oy: 0, ux: 1, uy: 0, vx: 0, vy: 1, width: 1 }, lid: line(-0.2), lower: line(0.1), crease: line(-0.35), brow: line(-0.9) } as unknown as EyeGeometry;
const skin = (l: number): number[] => [l * 1.15, l * 0.97, l * 0.8];

/** Warm skin 130 just over a band [-.56, -.46) (luma `band(u)`), a paler grey skin 165 over v -.66 (the patch's top), the
 * lit lid from v -.42. */
function scene(band: (u: number) => number) {
  const n = PATCH_W * PATCH_H, photo = new Float32Array(n * 3), rgb = new Float32Array(n * 3), mask = new Float32Array(n);
  for (let r = 0; r < PATCH_H; r++) {
    const v = cellV(r);
    for (let c = 0; c < PATCH_W; c++) {
      const k = r * PATCH_W + c, u = cellU(c);
      const inBand = Math.min(1, Math.max(0, Math.min(v + 0.58, -0.44 - v) / 0.04)), grain = 6 * Math.sin(c * 12.9898 + r * 78.233);
      const top = Math.min(1, Math.max(0, (-0.64 - v) / 0.04)), sk = skin(130).map((x, ch) => (1 - top) * x + top * [165, 163, 160][ch]!);
      photo.set(skin(band(u)).map((x, ch) => inBand * x + (1 - inBand) * sk[ch]! + grain), k * 3);
      rgb.set(skin(130), k * 3);
      mask[k] = Math.min(1, Math.max(0, (v + 0.52) / 0.1));
    }
  }
  return { photo, rgb, mask };
}
const rowOf = (v: number) => Array.from({ length: PATCH_H }, (_, i) => i).find((r) => cellV(r) >= v)!;
const colOf = (u: number) => Array.from({ length: PATCH_W }, (_, i) => i).find((c) => cellU(c) >= u)!;
/** The composite at (u, v): its luma and warmth ((R - B) / luma). */
function at(s: ReturnType<typeof scene>, mask: Float32Array, u: number, v: number) {
  const k = rowOf(v) * PATCH_W + colOf(u), w = mask[k]!, mix = (ch: number) => w * s.rgb[k * 3 + ch]! + (1 - w) * s.photo[k * 3 + ch]!;
  const l = lum(mix(0), mix(1), mix(2));
  return { l, warm: (mix(0) - mix(2)) / l };
}
const run = (even: boolean, band: (u: number) => number) => {
  const s = scene(band);
  return { s, mask: liftFoldBand(s.rgb, s.mask, s.photo, g, undefined, { ...foldBandSetting, even }) };
};

test('even: the lifted band takes the warmth of the skin just over it, not the paler grey top\'s', () => {
  const off = run(false, () => 45), on = run(true, () => 45), skinWarm = (1.15 - 0.8) / lum(1.15, 0.97, 0.8);
  const wOff = at(off.s, off.mask, 0.5, -0.5).warm, wOn = at(on.s, on.mask, 0.5, -0.5).warm;
  assert.ok(Math.abs(wOn - skinWarm) < Math.abs(wOff - skinWarm) - 0.05, `warmth on ${wOn.toFixed(2)} off ${wOff.toFixed(2)} skin ${skinWarm.toFixed(2)}`);
  assert.ok(at(on.s, on.mask, 0.5, -0.5).l > 100, 'lifted');
});

test('even: a band shallow toward its ends is lifted there as in its middle', () => {
  const band = (u: number) => 45 + 55 * Math.min(1, Math.abs(u - 0.5) / 0.25);
  const off = run(false, band), on = run(true, band), base = scene(band);
  const lOff = at(off.s, off.mask, 0.78, -0.5).l, lOn = at(on.s, on.mask, 0.78, -0.5).l, l0 = at(base, base.mask, 0.78, -0.5).l;
  assert.ok(lOn > lOff + 5 && lOn > l0 + 10, `the band's end ${l0.toFixed(0)}: off ${lOff.toFixed(0)}, on ${lOn.toFixed(0)}`);
});
