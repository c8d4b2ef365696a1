// A big painted iris's pupil stops short of the mesh's corner (cornercut49, lp_s7 <- lp_d10 f88-92, gaze x 1: the pupil
// sliced by a straight edge where the skin past the mesh's corner begins). On lp_s7 at gaze x +-1 each pupil's
// leading half, its radius x PUPIL_ROOM, stays in the opening (off: the image-left eye's runs out of it at +1);
// real eyes (lp_s0, lp_s42) keep their reach.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { followDrop, leadingHalfInside, openReach, pupilRadius, pupilReach, pupilReachSetting, PUPIL_ROOM, type Opening } from '../src/render/gazeCorner.ts';
import { sharedData } from '../bench/sharedData.ts';

test('pupil reach: the leading half stays inside the almond; a pupil under a lid at rest sets no limit', () => {
  const o: Opening = { upper: [[0, 10], [10, 0], [20, 10]], lower: [[0, 10], [10, 16], [20, 10]] };
  const s = pupilReach(o, 10, 8, 3, 1, 9);
  assert.ok(s > 0 && s < openReach(o, 10, 1, 9, 0.5), `reach ${s}`);
  const at = (d: number) => leadingHalfInside(o, 10 + d, 8 + followDrop(o, 10, 8, d), 3 * PUPIL_ROOM, 1);
  assert.ok(at(s) && !at(s + 0.25));
  // mirrored: the same toward -x
  assert.ok(Math.abs(pupilReach(o, 10, 8, 3, -1, 9) - s) <= 0.25);
  // a pupil taller than the opening at rest: no rule
  assert.equal(pupilReach(o, 10, 8, 9, 1, 9), 9);
  // the pupil's size from its dark texels: a disc of radius 4 of luma 20 in a white of 200
  const r = pupilRadius((x, y) => (Math.hypot(x + 0.5 - 20, y + 0.5 - 20) < 4 ? 20 : 200), 20, 20, 10, 200);
  assert.ok(Math.abs(r - 4) < 0.3, `pupil ${r}`);
});

test('pupil reach: lp_s7 at a hard side glance keeps each pupil off the corner, real eyes reach as before', async () => {
  const { analyzePortrait } = await import('./analyzedPortrait.ts');
  const { buildAvatar } = await import('./builtAvatar.ts');
  const { faceTextures, GAZE_SHIFT_X } = await import('../src/render/faceTextures.ts');
  // (off, the pupil as measured on: its size does not change with the rule)
  const inside = (t: ReturnType<typeof faceTextures>, iod: number, p: number[]) => [-1, 1].flatMap((g) => {
    t.gazeWarp.set(g * GAZE_SHIFT_X * iod, 0);
    return t.gazeWarp.discs.map((d, e) => { const [sx, sy] = t.gazeWarp.shiftOf(e); return leadingHalfInside(d.opening!, d.cx + sx, d.cy + sy, p[e]! * PUPIL_ROOM, g); });
  });
  const s7 = buildAvatar(await analyzePortrait(sharedData('portraits/lp_s7.jpg')));
  const on7 = faceTextures(s7), p = on7.gazeWarp.discs.map((d) => d.pupil ?? 0);
  assert.ok(p.every((r) => r > 4), `pupils ${p}`);
  assert.ok(inside(on7, s7.head.iod, p).every(Boolean));
  pupilReachSetting.on = false;
  try {
    assert.ok(inside(faceTextures(s7), s7.head.iod, p).some((v) => !v), 'off: a pupil runs out of the opening');
    for (const photo of ['lp_s0.jpg', 'lp_s42.jpg']) {
      const a = buildAvatar(await analyzePortrait(sharedData(`portraits/${photo}`)));
      const off = faceTextures(a).gazeWarp.discs.map((d) => d.open);
      pupilReachSetting.on = true;
      const on = faceTextures(a).gazeWarp.discs.map((d) => d.open);
      pupilReachSetting.on = false;
      assert.deepEqual(on, off, photo);
    }
  } finally { pupilReachSetting.on = true; }
});
