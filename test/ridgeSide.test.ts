import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzePortrait } from './analyzedPortrait.ts';
import { buildAvatar } from './builtAvatar.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { ridgeSideKeep, ridgeXAt, neutralRidgeSide, RIDGE_SIDE_REACH } from '../src/avatar/ridgeSideReveal.ts';
import { ridgeStep } from '../src/eval/ridgeStep.ts';
import { NOSE_RIDGE } from '../src/rig/topology.ts';
import { sharedData } from '../bench/sharedData.ts';

const PORTRAITS = sharedData('portraits/');

test('ridgeSideKeep: only a reveal acting for a turn toward the other side of the ridge fades, near the nose only', () => {
  assert.equal(ridgeSideKeep(1, 1, 0), 1); // image-right point, revealed by a turn showing the image-right
  assert.equal(ridgeSideKeep(0, -1, 0), 1); // on the ridge
  assert.equal(ridgeSideKeep(1, -1, 0), 0); // image-right point used by a turn showing the image-left
  assert.equal(ridgeSideKeep(-1, 1, RIDGE_SIDE_REACH[1]), 1); // far enough from the nose: reveal.ts's seam blending stays
  const mid = ridgeSideKeep(-1, 1, (RIDGE_SIDE_REACH[0] + RIDGE_SIDE_REACH[1]) / 2);
  assert.ok(mid > 0 && mid < 1);
});

test('ridgeXAt / neutralRidgeSide: the ridge polyline by height, sides past it (not past x = 0)', () => {
  const pts = new Float64Array(478 * 3);
  NOSE_RIDGE.forEach((i, k) => { pts[i * 3] = -0.1 + 0.01 * k; pts[i * 3 + 1] = k; });
  assert.ok(Math.abs(ridgeXAt(pts, 2.5) - -0.075) < 1e-9);
  assert.equal(ridgeXAt(pts, -5), -0.1); // above the bridge: its end held
  pts[281 * 3] = -0.03; pts[281 * 3 + 1] = 4; // right of the ridge (-0.06 there) though x < 0
  pts[51 * 3] = -0.09; pts[51 * 3 + 1] = 4;
  const side = neutralRidgeSide(pts);
  assert.equal(side(281), 1);
  assert.equal(side(51), -1);
  assert.equal(side(5), 0);
});

test('lp_s10 at +25: the near nose flank and the ridge keep their own texels (no reveal across the ridge), the step down the nose is softer, the rest frame unchanged', async () => {
  const portrait = await analyzePortrait(PORTRAITS + 'lp_s10.jpg');
  const on = buildAvatar(portrait), off = buildAvatar(portrait, { ridgeSide: false });
  // the near flank just past the ridge (281, 363, 456: image-right of it) and the ridge point 195 used a texture
  // 6-9 px toward the near cheek on +yaw turns (revealDir x < 0) before (main fc23d91a)
  const shift = (a: typeof on, v: number) => (a.revealDir[v * 2]! < 0 ? Math.abs(a.uvRevealed[v * 2]! - a.uv[v * 2]!) : 0);
  for (const v of [281, 363, 456, 195]) {
    assert.ok(shift(off, v) > 3, `main's shift at ${v}: ${shift(off, v).toFixed(1)} px (the defect this test guards)`);
    assert.ok(shift(on, v) < 0.5, `shift at ${v}: ${shift(on, v).toFixed(1)} px`);
  }
  const steps = [on, off].map((a) => {
    const r = createRenderer(a, { width: a.size, height: a.size });
    const at = (yaw: number) => ({ ...r.neutralFrame(), pose: { yaw, pitch: 0, roll: 0, tx: 0, ty: 0, tz: 0 } });
    const img = r.render(at(25));
    return { step: ridgeStep(img, r.landmarks(at(25))).step, rest: r.render(at(0)).data.slice() };
  });
  // measured: 45.3 (main) -> 36.0 luma over 3 px; the rest frame's own (the painting's terminator) 30.8
  assert.ok(steps[0]!.step < steps[1]!.step - 3, `step ${steps[0]!.step.toFixed(1)} vs main's ${steps[1]!.step.toFixed(1)}`);
  assert.deepEqual(steps[0]!.rest, steps[1]!.rest);
});
