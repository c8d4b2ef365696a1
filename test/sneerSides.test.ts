// A one-sided sneer / bite read off the driver's pixels (#13/#14, sneer46): lp_d6 f120-140 raises her upper lip on image
// left (teeth there, a thin slit to the image-right corner); the face mesh's inner lips read an even opening, so the
// landmark path (lipSides.ts) wrote nothing there and lp_s42 drew a centred row. The tracker reads each side's teeth
// (src/motion/sneerRead.ts), the motion adds the one-sided part to `w.lipSideUpper` (src/motion/sneerSides.ts), and the
// renderer lifts that side's upper lip (src/render/lipSides.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { motionFramesFromRaw } from '../src/motion/fromVideo.ts';
import { LIP_SIDE_UPPER } from '../src/motion/lipSides.ts';
import { lipSidePixels } from '../src/motion/sneerRead.ts';
import { oneSidedTeeth, sneerSeries, SNEER_FROM, SNEER_FULL } from '../src/motion/sneerSides.ts';
import { analyzePortrait } from './analyzedPortrait.ts';
import { buildAvatar } from './builtAvatar.ts';
import { createRenderer } from '../src/render/renderer.ts';
import type { MotionFrame } from '../src/types.ts';
import { trackedVideo, LP_D6_TRACK } from './trackedVideo.ts';
import { sharedData } from '../bench/sharedData.ts';
import { photoRowLightSetting } from '../src/render/mouth/photoTeeth.ts';

const SNEER = [120, 121, 122, 123, 132, 140];

test('lp_d6: her sneer f120-140 reads one-sided off the pixels, and the motion lifts her side\'s upper lip there; off, main\'s', async () => {
  const raw = await trackedVideo(sharedData('video/lp_d6.mp4'), LP_D6_TRACK);
  const sides = raw.map((r) => r?.sideTeeth ?? null);
  assert.ok(sides.filter(Boolean).length > raw.length * 0.9, 'the tracker reads the sides');
  const lr = sides.filter((s): s is [number, number] => !!s).map((s) => s[0] - s[1]).sort((a, b) => a - b);
  const rest = lr[(lr.length - 1) >> 1]!;
  // her sneer frames: image left's teeth against the right's, past the straight drivers' floor
  for (const i of SNEER) assert.ok(oneSidedTeeth(sides[i]![0], sides[i]![1], rest) > SNEER_FROM, `f${i}: ${sides[i]!.map((v) => v.toFixed(3))}`);
  const on = motionFramesFromRaw(raw, 25, true).frames;
  const off = motionFramesFromRaw(raw, 25, true, { fit: { sneerSides: false } }).frames;
  for (const i of SNEER) {
    const a = on[i]!.w[LIP_SIDE_UPPER] ?? 0, b = off[i]!.w[LIP_SIDE_UPPER] ?? 0;
    assert.ok(a >= 0.08 && a > b + 0.05, `f${i}: lipSideUpper ${a} (off ${b})`);
  }
  // the held sneer's series is one-signed over it (her level frames f124-127 between sneer frames are held)
  const held = sneerSeries(sides, 25);
  for (let i = 120; i <= 133; i++) assert.ok(held[i]! > SNEER_FROM, `f${i}: held ${held[i]!.toFixed(3)}`);
  // everything else in the motion is as main's
  for (let i = 0; i < on.length; i++) {
    const { [LIP_SIDE_UPPER]: _a, ...restOn } = on[i]!.w, { [LIP_SIDE_UPPER]: _b, ...restOff } = off[i]!.w;
    assert.deepEqual(restOn, restOff, `f${i}`);
  }
  // frames whose neighbours all read under the floor carry nothing new
  const quiet = on.map((_f, i) => i).filter((i) => held.slice(Math.max(0, i - 3), i + 4).every((v) => Math.abs(v) < SNEER_FROM));
  assert.ok(quiet.length >= 60, `${quiet.length} quiet frames`);
  for (const i of quiet) assert.equal(on[i]!.w[LIP_SIDE_UPPER], off[i]!.w[LIP_SIDE_UPPER], `f${i}`);
  assert.ok(SNEER_FULL > SNEER_FROM);
});

test('a driver talking straight (lp_d0, 3 s) reads no one-sided teeth and carries none', async () => {
  const raw = await trackedVideo(sharedData('video/lp_d0.mp4'), { fps: 25, maxSide: 720, maxSeconds: 3 });
  assert.ok(raw.filter((r) => r?.sideTeeth).length > 60);
  assert.ok(sneerSeries(raw.map((r) => r?.sideTeeth), 25).every((v) => Math.abs(v) < SNEER_FROM));
  const on = motionFramesFromRaw(raw, 25, true).frames, off = motionFramesFromRaw(raw, 25, true, { fit: { sneerSides: false } }).frames;
  assert.deepEqual(on, off);
});

test('the sneer entry opens lp_s42\'s mouth on that side: her teeth read taller there off the render, and one-sided', async () => {
  const portrait = await analyzePortrait(sharedData('portraits/lp_s42.jpg'));
  const size = portrait.image.width;
  // an opening with the upper row showing (lp_d6 f122's weights, rounded)
  const open = { jawOpen: 0.2, mouthUpperUp: 0.7, mouthLowerDown: 0.18, mouthSmileLeft: 0.07, mouthSmileRight: 0.24, driverTeeth: 0.48, driverTeethDepth: 1 };
  // the side's opening is read by the tracker's own teeth reading (teeth: over 1.15 of the lips' light), so the
  // test reads it on rows in the face's bright light (photoRowLightSetting off, as before s59). With the setting on
  // (s59 photorow59) her rows take her own teeth's light, ~.78 of it, and only their brightest part passes that reading
  // (level .053 | .078 -> .030 | .057): the lift is the same, the count smaller; there the one-sidedness is still asked.
  const reads = (light: boolean) => {
    const was = photoRowLightSetting.on;
    photoRowLightSetting.on = light;
    try {
      const r = createRenderer(buildAvatar(portrait), { width: size, height: size });
      const base = r.neutralFrame();
      const read = (w: Record<string, number>) => {
        const frame = { ...base, w: { ...base.w, ...open, ...w } } as MotionFrame;
        const img = r.render(frame), lm = r.landmarks(frame);
        return lipSidePixels(img, Float32Array.from(lm.flatMap((p) => [p[0]!, p[1]!, p[2] ?? 0])))!;
      };
      return { level: read({}), left: read({ [LIP_SIDE_UPPER]: 0.12 }), right: read({ [LIP_SIDE_UPPER]: -0.12 }) };
    } finally { photoRowLightSetting.on = was; }
  };
  const f = (s: { teeth: [number, number] }) => s.teeth.map((v) => v.toFixed(3)).join(' | ');
  const { level, left, right } = reads(false);
  // image left's teeth taller, the difference toward image left; and the mirror
  assert.ok(left.teeth[0] > level.teeth[0] + 0.01, `left: ${f(level)} -> ${f(left)}`);
  assert.ok(left.teeth[0] - left.teeth[1] > level.teeth[0] - level.teeth[1] + 0.015, `left: ${f(level)} -> ${f(left)}`);
  assert.ok(right.teeth[1] > level.teeth[1] + 0.01, `right: ${f(level)} -> ${f(right)}`);
  assert.ok(right.teeth[1] - right.teeth[0] > level.teeth[1] - level.teeth[0] + 0.015, `right: ${f(level)} -> ${f(right)}`);
  // in her own teeth's light (the default): still one-sided toward the lifted side (s59: +.023 / +.021)
  const lit = reads(true);
  assert.ok(lit.left.teeth[0] - lit.left.teeth[1] > lit.level.teeth[0] - lit.level.teeth[1] + 0.015, `lit left: ${f(lit.level)} -> ${f(lit.left)}`);
  assert.ok(lit.right.teeth[1] - lit.right.teeth[0] > lit.level.teeth[1] - lit.level.teeth[0] + 0.015, `lit right: ${f(lit.level)} -> ${f(lit.right)}`);
});
