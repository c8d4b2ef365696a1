// The lip network's teacher (train/lipData.ts) is the video path's smoothed jaw without the short closures
// the video path keeps since c2b9660 (framesFromRaw.ts closuresKept): those closures took the teacher's shut
// speech frames from 18 to 28 % on the training cache, which no sound foretells, and a network retrained on
// them shut Katie's speech 20 -> 49 frames (lipnet23). A synthetic track of lips apart with a 2-frame closure,
// over real speech: the video path shuts the closure, the teacher keeps it as smoothed (as every lips.json had).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { motionFramesFromRaw } from '../src/motion/framesFromRaw.ts';
import type { RawFaceFrame } from '../src/motion/faceTracker.ts';
import { loadClipData, LIP_TARGETS, OFFLINE_OFFSETS } from '../src/motion/train/lipData.ts';
import type { CachedFace } from '../src/motion/train/teacher.ts';
import { sharedData } from '../bench/sharedData.ts';

const SPEECH = sharedData('audio/RD_Radio31_000.wav');
const N = 60, CLOSED = [30, 31];

/** A still frontal face (lp_d6's first frame's measures) whose lips are apart by `gap`, shut at CLOSED. */
function track(): RawFaceFrame[] {
  const lm = new Float32Array(478 * 3);
  return Array.from({ length: N }, (_, i) => {
    const gap = CLOSED.includes(i) ? 0 : i < 5 ? 0 : 0.25; // a few shut frames first: the clip's rest
    return {
      m: {
        lipGap: gap, jaw: 0.73 + gap * 0.3, mouthWidth: 0.5, upperLip: 0.21, lowerLip: 0.35 + gap, lipThickness: 0.19, cornerLiftLeft: -0.01, cornerLiftRight: -0.02,
        eyeLeft: 0.117, eyeRight: 0.133, browLeft: 0.32, browRight: 0.4, browInnerLeft: 0.41, browInnerRight: 0.5,
        gaze: [0, 0], roll: 0, scale: 150, centre: [230, 265],
      },
      angles: { yaw: 0, pitch: 0, roll: 0 },
      score: 1,
      box: [50, 100, 360, 360],
      lm,
    } as unknown as RawFaceFrame;
  });
}

test('the video path keeps a 2-frame lip closure; jawClosuresKept false gives the smoothed jaw there', () => {
  const raw = track();
  const kept = motionFramesFromRaw(raw, 25, true, { expressions: 'measures' }).frames.map((f) => f.w.jawOpen ?? 0);
  const smoothed = motionFramesFromRaw(raw, 25, true, { expressions: 'measures', jawClosuresKept: false }).frames.map((f) => f.w.jawOpen ?? 0);
  assert.ok(kept[20]! > 0.1, `lips apart read open (${kept[20]!.toFixed(3)})`);
  for (const i of CLOSED) {
    assert.ok(kept[i]! < 0.02, `video path shuts the closure at #${i} (${kept[i]!.toFixed(3)})`);
    assert.ok(smoothed[i]! > 0.05 && smoothed[i]! < kept[20]!, `smoothed jaw at #${i} between (${smoothed[i]!.toFixed(3)})`);
  }
  // away from the closure both are the same smoothed curve
  assert.equal(smoothed[15], kept[15]);
});

test('the lip teacher (loadClipData) trains on the smoothed jaw, not the kept closures', async () => {
  const raw = track();
  const c = await loadClipData({ name: 'synthetic', speaker: 'synthetic', video: SPEECH, audio: SPEECH, role: 'train' }, raw as unknown as CachedFace[], OFFLINE_OFFSETS);
  const J = LIP_TARGETS.indexOf('jawOpen'), T = LIP_TARGETS.length;
  const open = c.Y[20 * T + J]!;
  assert.ok(open > 0.1, `teacher open at #20 (${open.toFixed(3)})`);
  for (const i of CLOSED) {
    assert.ok(c.Y[i * T + J]! > 0.05, `teacher at the closure #${i} is the smoothed jaw (${c.Y[i * T + J]!.toFixed(3)})`);
    assert.ok(c.videoJaw[i]! > 0.05, `the scoring curve too (${c.videoJaw[i]!.toFixed(3)})`);
  }
});
