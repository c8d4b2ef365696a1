// The shut eye over an eye the analysis moved onto a painted one larger than its landmark ring
// (src/render/closedEye/eyeDark.ts; lp_s10's far eye): the mask grows over the painted eye's dark
// parts touching it, so they are covered and do not darken the lid's skin fill; elsewhere nothing changes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EYE_SIDES, PATCH_W, toEye } from '../src/render/closedEye/frame.ts';
import { closedEyeLibrary, eyeGeometry } from '../src/render/closedEye/library.ts';
import { sampleEye, finishEye } from '../src/render/closedEye/bake.ts';
import { cellColumn, cellRow } from '../src/render/closedEye/grid.ts';
import { eyesMovedBySide } from '../src/render/closedEye/overlay.ts';

const SKIN = [210, 170, 150];

/** Two 60 px eyes' landmarks; each painted eye a dark ellipse reaching 12 px below its ring's lower lid (the ring 10 px). */
function paintedTooLarge() {
  const W = 400, H = 300;
  const pts = new Map<number, [number, number]>();
  const eyes = [{ outer: [100, 120], inner: [160, 120] }, { outer: [300, 120], inner: [240, 120] }];
  EYE_SIDES.forEach((s, side) => {
    const [ox, oy] = eyes[side]!.outer as [number, number], [ix, iy] = eyes[side]!.inner as [number, number];
    s.upper.forEach((i, q) => { const t = q / 8; pts.set(i, [ox + t * (ix - ox), oy + t * (iy - oy) - 16 * Math.sin(Math.PI * t)]); });
    s.lower.forEach((i, q) => { const t = q / 8; pts.set(i, [ox + t * (ix - ox), oy + t * (iy - oy) + 10 * Math.sin(Math.PI * t)]); });
    s.crease.forEach((i, q) => { const t = q / 8; pts.set(i, [ox + t * (ix - ox), oy + t * (iy - oy) - 8 - 22 * Math.sin(Math.PI * t)]); });
    s.brow.forEach((i, q) => { const t = q / 4; pts.set(i, [ox + t * (ix - ox), oy - 45]); });
  });
  pts.set(13, [200, 230]); pts.set(14, [200, 236]);
  const data = new Uint8ClampedArray(W * H * 4);
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) {
    const o = (y * W + x) * 4;
    const inEye = [[130, 122], [270, 122]].some(([cx, cy]) => ((x - cx!) / 30) ** 2 + ((y - cy!) / 20) ** 2 < 1);
    for (let ch = 0; ch < 3; ch++) data[o + ch] = inEye ? SKIN[ch]! * 0.3 : SKIN[ch]!;
    data[o + 3] = 255;
  }
  return { texture: { width: W, height: H, data }, xy: (i: number) => pts.get(i) ?? [200, 200] };
}

test('moved eye: the mask covers the painted eye below its ring, and the lid is not darkened by it', () => {
  const face = paintedTooLarge();
  const g = eyeGeometry(face.xy)[0]!;
  const lib = closedEyeLibrary()[0]!;
  // a cell of the patch at image point (x, y)
  const cell = (x: number, y: number) => { const [u, v] = toEye(g.frame, x, y); return Math.round(cellRow(v)) * PATCH_W + Math.round(cellColumn(u)); };
  const below = cell(130, 141); // painted eye, 11 px below the ring's lower lid, past the mask's edge
  const plain = sampleEye(face.texture, g, lib), moved = sampleEye(face.texture, g, lib, true);
  assert.ok(plain.mask[below]! < 0.5, `without the cover the painted eye below the ring is left: mask ${plain.mask[below]!.toFixed(2)}`);
  assert.ok(moved.mask[below]! > 0.9, `covered: mask ${moved.mask[below]!.toFixed(2)}`);
  // the lid's middle (between the crease and the shut line) takes the skin, not the iris's dark
  const lidCell = cell(130, 112);
  const lum = (rgb: Float32Array, k: number) => (rgb[k * 3]! + rgb[k * 3 + 1]! + rgb[k * 3 + 2]!) / 3;
  const skin = (SKIN[0]! + SKIN[1]! + SKIN[2]!) / 3;
  const lidMoved = lum(finishEye(moved, g, moved.photoDark).rgb, lidCell), lidPlain = lum(finishEye(plain, g, plain.photoDark).rgb, lidCell);
  assert.ok(lidMoved > 0.85 * skin, `lid ${lidMoved.toFixed(0)} of skin ${skin.toFixed(0)} (without the cover ${lidPlain.toFixed(0)})`);
});

test('eyesMovedBySide: the analysis list per side, none without one', () => {
  assert.deepEqual(eyesMovedBySide(null), [false, false]);
  assert.deepEqual(eyesMovedBySide({ eyesMoved: [{ eye: 'image-left', offset: 0.7, scale: 1.2 }] }), [true, false]);
  assert.deepEqual(eyesMovedBySide({ eyesMoved: [{ eye: 'image-right', offset: 0.7, scale: 1.2 }] }), [false, true]);
});
