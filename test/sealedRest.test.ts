// s54 open54: the rest lip gap no wider than the lips stand on the frames read sealed (motion/sealedRest.ts). lp_d10 parts
// her lips on most frames: restFace.ts's 5th percentile (.045 IOD) was an opening, and jawOpen (gap over the rest) lost it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { restGapWithSealed, sealedRestGap, sealedRestSetting } from '../src/motion/sealedRest.ts';
import { estimateRest } from '../src/motion/restFace.ts';
import { motionFramesFromRaw } from '../src/motion/framesFromRaw.ts';
import type { RawFaceFrame } from '../src/motion/faceTracker.ts';

const frame = (lipGap: number, sealed: number, teethShare = 0) => ({ m: { lipGap }, sealed, teethShare }) as Pick<RawFaceFrame, 'm' | 'sealed' | 'teethShare'>;

test('the sealed frames\' median gap, with enough of them read fully sealed', () => {
  const shut = Array.from({ length: 10 }, (_, i) => frame(0.015 + 0.001 * i, 1));
  const open = Array.from({ length: 30 }, (_, i) => frame(0.05 + 0.01 * i, 0.3));
  const g = sealedRestGap([...shut, ...open, null]);
  assert.ok(g !== null && Math.abs(g - 0.0195) < 1e-9, `read ${g}`);
  // teeth in the parting: not sealed, whatever the columns read
  assert.equal(sealedRestGap(shut.map((f) => frame(f.m.lipGap, 1, 0.2))), null);
  // too few, or the setting off
  assert.equal(sealedRestGap(shut.slice(0, sealedRestSetting.minFrames - 1)), null);
  assert.equal(sealedRestGap(shut, { ...sealedRestSetting, on: false }), null);
});

test('the rest moves only when the sealed gap stands clearly under it', () => {
  assert.equal(restGapWithSealed(0.045, 0.017), 0.017);
  assert.equal(restGapWithSealed(0.0122, 0.0121), 0.0122);
  assert.equal(restGapWithSealed(0.01, 0.03), 0.01);
  assert.equal(restGapWithSealed(0.045, null), 0.045);
});

test('a driver who parts her lips on most frames opens the motion by her gap over her sealed lips, not over the percentile', () => {
  // a synthetic track: face measures from a real-looking rest, lips sealed (.017) on 10 of 240 frames (under 5 %), parted .045-.2 elsewhere
  const m0 = { lipGap: 0.017, jaw: 0.5, mouthWidth: 0.6, upperLip: 0.3, lowerLip: 0.4, lipThickness: 0.2, cornerLiftLeft: 0, cornerLiftRight: 0, eyeLeft: 0.3, eyeRight: 0.3, browLeft: 0.5, browRight: 0.5, browInnerLeft: 0.5, browInnerRight: 0.5, gaze: [0, 0], roll: 0, scale: 100, centre: [100, 100] };
  const raw: RawFaceFrame[] = Array.from({ length: 240 }, (_, i) => {
    const sealed = i >= 60 && i < 70, lipGap = sealed ? 0.017 : 0.045 + 0.155 * (0.5 + 0.5 * Math.sin(i / 4));
    return { m: { ...m0, lipGap } as RawFaceFrame['m'], angles: { yaw: 0, pitch: 0, roll: 0 }, score: 1, box: [0, 0, 200, 200], sealed: sealed ? 1 : 0.2, teethShare: sealed ? 0 : 0.1 } as RawFaceFrame;
  });
  assert.ok(estimateRest(raw.map((r) => r.m)).lipGap > 0.04, 'the percentile rest is an opening here');
  const jaw = (on: boolean) => {
    const was = sealedRestSetting.on;
    sealedRestSetting.on = on;
    try { return motionFramesFromRaw(raw, 25, true, { expressions: 'measures' }).frames.map((f) => f.w.jawOpen ?? 0); } finally { sealedRestSetting.on = was; }
  };
  const before = jaw(false), after = jaw(true);
  const open = (a: number[]) => a.filter((_, i) => i < 60 || i >= 70).reduce((s, v) => s + v, 0) / 230;
  assert.ok(open(after) > open(before) + 0.02, `open frames' jaw ${open(before).toFixed(3)} -> ${open(after).toFixed(3)}`);
  // the sealed frames stay shut
  for (let i = 62; i < 68; i++) assert.ok(after[i]! < 0.02, `f${i} jaw ${after[i]}`);
});
