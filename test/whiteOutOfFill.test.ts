// The shut lid's skin fill keeps the open eye's white out (src/render/closedEye/whiteOutOfFill.ts,
// sliver37): a painted white running past the face mesh's outer corner, outside the shut eye's mask,
// was held by the membrane fill and carried a pale blue-grey into the shut lid at the shut line's outer
// end (lp_s7). With the white freed, the fill there is the skin's colour; a plain face is unchanged.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { closedEyeLibrary, eyeGeometry, lineAt } from '../src/render/closedEye/library.ts';
import { sampleEye } from '../src/render/closedEye/bake.ts';
import { whiteOutOfFillSetting, paintedEyeCells } from '../src/render/closedEye/whiteOutOfFill.ts';
import { syntheticEyeFace } from './syntheticEyes.ts';

const SKIN = [205, 150, 110];
const WHITE = [235, 238, 245];

/** A plain face (no painted eye) with, if `white`, a painted white past each eye's outer corner and under its lower lid. */
function face(white: boolean) {
  const f = syntheticEyeFace(SKIN, { centreY: 120, halfHeight: 10, darkness: 1, brow: true });
  if (!white) return f;
  const { width, data } = f.texture;
  for (const cx of [100, 300]) for (let y = 116; y <= 134; y++) for (let x = cx - 14; x <= cx + 14; x++) {
    if (((x - cx) / 14) ** 2 + ((y - 125) / 9) ** 2 >= 1) continue;
    const o = (y * width + x) * 4;
    for (let ch = 0; ch < 3; ch++) data[o + ch] = WHITE[ch]!;
  }
  return f;
}

/** The skin fill's blue over red at the shut line's outer end, over the skin's. */
function fillBlueAtOuterEnd(white: boolean, on: boolean): number {
  const f = face(white);
  const g = eyeGeometry(f.xy)[0]!;
  const was = whiteOutOfFillSetting.on;
  whiteOutOfFillSetting.on = on;
  try {
    const s = sampleEye(f.texture, g, closedEyeLibrary()[0]!);
    const out = [0, 0, 0];
    let most = -Infinity;
    for (const u of [0.02, 0.06, 0.1]) for (const dv of [-0.06, -0.03, 0]) {
      s.photoRef(u, lineAt(g.lower, u) + dv, out);
      most = Math.max(most, out[2]! - out[0]! - (SKIN[2]! - SKIN[0]!));
    }
    return most;
  } finally {
    whiteOutOfFillSetting.on = was;
  }
}

test('a painted white past the outer corner: the fill at the shut line\'s outer end stays skin', () => {
  const before = fillBlueAtOuterEnd(true, false), after = fillBlueAtOuterEnd(true, true);
  assert.ok(before > 25, `without it the white is carried in: blue over red +${before.toFixed(0)} over the skin's`);
  assert.ok(after < 8, `with it the fill is skin: +${after.toFixed(0)} (was +${before.toFixed(0)})`);
});

test('a plain face: no cell is the painted eye, and the fill is as before', () => {
  const f = face(false);
  const g = eyeGeometry(f.xy)[0]!;
  const lib = closedEyeLibrary()[0]!;
  assert.equal(Math.max(...paintedEyeCells(sampleEye(f.texture, g, lib).photo, g)), 0);
  assert.equal(fillBlueAtOuterEnd(false, true), fillBlueAtOuterEnd(false, false));
});
