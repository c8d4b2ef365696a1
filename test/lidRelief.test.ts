// The shut lid's relief (src/render/closedEye/lidRelief.ts, lids19): on flat skin the baked shut lid's
// middle at most 10 % lighter than the photo's own upper lid (before: 19 %, a pale pad, the bulge's light and the
// library's highlight over the skin), still lighter in its middle than toward the corners (a bulge),
// and the relief is the identity away from the lid.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EYE_SIDES, PATCH_U0, PATCH_V0, PATCH_PPW, PATCH_W } from '../src/render/closedEye/frame.ts';
import { closedEyeLibrary, eyeGeometry } from '../src/render/closedEye/library.ts';
import { bakeEye } from '../src/render/closedEye/bake.ts';
import { creaseAt, shutAt } from '../src/render/closedEye/lids.ts';
import { reliefFactor } from '../src/render/closedEye/lidRelief.ts';

/** Flat skin with two 60 px open eyes (dark inside the lid lines) and the mesh's eye points. */
function flatFace(skin: number) {
  const W = 400, H = 300, pts = new Map<number, [number, number]>();
  const eyes = [{ outer: [100, 120], inner: [160, 120] }, { outer: [300, 120], inner: [240, 120] }];
  EYE_SIDES.forEach((s, side) => {
    const [ox, oy] = eyes[side]!.outer as [number, number], [ix, iy] = eyes[side]!.inner as [number, number];
    const at = (t: number, dy: number): [number, number] => [ox + t * (ix - ox), oy + t * (iy - oy) + dy * Math.sin(Math.PI * t)];
    s.upper.forEach((i, q) => pts.set(i, at(q / 8, -16)));
    s.lower.forEach((i, q) => pts.set(i, at(q / 8, 10)));
    s.crease.forEach((i, q) => { const p = at(q / 8, -22); pts.set(i, [p[0], p[1] - 8]); });
  });
  const data = new Uint8ClampedArray(W * H * 4);
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) {
    const inEye = [[130, 114], [270, 114]].some(([cx, cy]) => ((x - cx!) / 30) ** 2 + ((y - cy!) / 13) ** 2 < 1);
    data.fill(inEye ? skin * 0.25 : skin, (y * W + x) * 4, (y * W + x) * 4 + 3);
    data[(y * W + x) * 4 + 3] = 255;
  }
  return { texture: { width: W, height: H, data }, xy: (i: number) => pts.get(i) ?? [200, 200] };
}

test('shut lid relief: on flat skin the lid\'s middle is no paler than the skin, and lighter in the middle than toward the corners', () => {
  const skin = 160, face = flatFace(skin);
  const g = eyeGeometry(face.xy)[0]!;
  const baked = bakeEye(face.texture, g, closedEyeLibrary()[0]!);
  const lumAt = (u: number, t: number) => {
    const v = creaseAt(g, u) + t * (shutAt(g, u) - creaseAt(g, u));
    const k = Math.round((v - PATCH_V0) * PATCH_PPW - 0.5) * PATCH_W + Math.round((u - PATCH_U0) * PATCH_PPW - 0.5);
    return (baked.rgb[k * 3]! + baked.rgb[k * 3 + 1]! + baked.rgb[k * 3 + 2]!) / 3;
  };
  const mean = (f: (u: number, t: number) => number, us: number[], ts: number[]) => us.flatMap((u) => ts.map((t) => f(u, t))).reduce((a, b) => a + b) / (us.length * ts.length);
  const pad = mean(lumAt, [0.3, 0.4, 0.5, 0.6, 0.7], [0.3, 0.4, 0.5]);
  // before lids19 190.9 (19 % paler than the skin)
  assert.ok(pad <= 1.1 * skin, `lid middle ${pad.toFixed(1)} vs skin ${skin}`);
  const middle = mean(lumAt, [0.45, 0.5, 0.55], [0.4, 0.5]), ends = mean(lumAt, [0.12, 0.88], [0.4, 0.5]);
  assert.ok(middle > 1.03 * ends, `bulge: middle ${middle.toFixed(1)} vs ends ${ends.toFixed(1)}`);
});

test('relief factor: 1 well above the crease and below the lash line; the tone over the lid; darker toward the corners', () => {
  const crease = -0.2, shut = 0.1;
  assert.equal(reliefFactor(0.5, crease - 0.2, crease, shut, 0.9), 1);
  assert.equal(reliefFactor(0.5, shut + 0.1, crease, shut, 0.9), 1);
  assert.ok(Math.abs(reliefFactor(0.5, crease + 0.12, crease, shut, 0.9) - 0.9) < 1e-9);
  assert.ok(reliefFactor(0.05, 0, crease, shut, 1) < reliefFactor(0.5, 0, crease, shut, 1));
});
