// The shut eye over an eye the analysis moved onto a painted one larger than its landmark ring
// (src/render/closedEye/eyeDark.ts; lp_s10's far eye): the mask grows over the painted eye's dark
// parts touching it, so they are covered and do not darken the lid's skin fill; elsewhere nothing changes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PATCH_W, toEye } from '../src/render/closedEye/frame.ts';
import { closedEyeLibrary, eyeGeometry } from '../src/render/closedEye/library.ts';
import { sampleEye, finishEye } from '../src/render/closedEye/bake.ts';
import { cellColumn, cellRow } from '../src/render/closedEye/grid.ts';
import { eyesMovedBySide } from '../src/render/closedEye/overlay.ts';
import { syntheticEyeFace } from './syntheticEyes.ts';

const SKIN = [210, 170, 150];

/** Each painted eye a dark ellipse reaching 12 px below its ring's lower lid (the ring 10 px). */
const paintedTooLarge = () => syntheticEyeFace(SKIN, { centreY: 122, halfHeight: 20, darkness: 0.3, brow: true });

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
