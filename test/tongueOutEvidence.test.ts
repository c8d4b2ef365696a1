// Session 45 (tongueread45): a tongue out is read only where the driver's lit run stands tall enough, in IOD and in pixels,
// for a lip not to give it (motion/tongueOutEvidence.ts; critic45: mt_man <- infinitetalk_ref read a tongue out on every
// speech slit, the lead's latentsync_demo1 on her small smiling mouth; neither puts a tongue out).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tongueOutEvidence } from '../src/motion/tongueOutEvidence.ts';
import { withDriverMouthReads } from '../src/motion/driverMouthReads.ts';
import { trackVideo } from '../src/motion/fromVideo.ts';
import { heldOut, tongueOutShare } from '../src/render/mouth/tongueOut.ts';
import { sharedData } from '../bench/sharedData.ts';
import type { MotionFrame } from '../src/types.ts';

test('the evidence: lp_d6\'s tongues out stand, a slit\'s lips and a small face\'s blurred opening do not', () => {
  // (run, lip gap IOD, IOD px) read off the tracks (bench/tongueOutRead.ts)
  assert.ok(tongueOutEvidence(0.86, 0.26, 146) > 0.99, 'lp_d6 f66');
  assert.ok(tongueOutEvidence(0.99, 0.15, 153.8) > 0.9, 'lp_d6 f164, her lowest out');
  assert.ok(tongueOutEvidence(0.81, 0.17, 153) > 0.5, 'lp_d10 f69');
  assert.ok(tongueOutEvidence(1, 0.07, 119.4) === 0, 'infinitetalk f72: a slit');
  assert.ok(tongueOutEvidence(0.89, 0.14, 120.6) < 0.1, 'infinitetalk f105: his teeth edges and a dim band');
  assert.ok(tongueOutEvidence(0.86, 0.17, 43) === 0, 'latentsync_demo1 f3: a 7 px opening');
  assert.equal(tongueOutEvidence(undefined, 0.2, 150), 0);
  assert.ok(tongueOutEvidence(0.9, 0.2, undefined) > 0.99, 'no landmarks: read in IOD alone');
});

for (const [clip, what] of [['train/clips/infinitetalk_ref.mp4', 'his speech slits (f5-14)'], ['train/clips/latentsync_demo1.mp4', 'her smile (f0-14)']] as const) {
  test(`no tongue out on ${clip}'s first .6 s: ${what}`, async () => {
    const raw = await trackVideo(sharedData(clip), { fps: 25, maxSide: 720, maxSeconds: 0.6 });
    const frames: Pick<MotionFrame, 'w' | 'mouthDark'>[] = raw.map(() => ({ w: {} }));
    withDriverMouthReads(frames, raw);
    // (the share without the evidence, as main read it: these frames read out)
    const ungated = heldOut(frames.map((f) => tongueOutShare(f.w.driverTongue, f.w.driverCavity, f.w.driverUnder, f.w.driverTeeth)));
    // (s46 teethread46: infinitetalk's teeth edges now read as teeth (motion/softTeeth.ts), which keeps that share under .5 by
    // itself: .00-.34; the gate's own claim, below, holds either way)
    if (clip.includes('latentsync')) assert.ok(ungated.filter((v) => v > 0.5).length >= 5, `the reading this gates: ${ungated.map((v) => v.toFixed(2)).join(' ')}`);
    const out = frames.map((f) => f.w.driverTongueOut ?? 0);
    assert.ok(out.every((v) => v < 0.1), `tongue out: ${out.map((v) => v.toFixed(2)).join(' ')}`);
  });
}
