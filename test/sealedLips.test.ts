// s40 (sealed40, issue #13): a driver's sealed lips close our mouth. The face mesh puts lp_d6's shut lower inner lip inside
// her lower lip's red at f175-176 / f185-186 (.06-.07 IOD), the motion read jawOpen .10-.11 and lp_s42's mouth parted on her
// own teeth. The tracker's pixel reading (motion/sealedLips.ts) reads those frames shut, none of the open frames round
// them (teeth, tongue, a tall dark O, a thin parting), nor lp_d10's pinkish teeth in a thin slit; the motion
// (motion/sealedClose.ts) closes the lips there and leaves the openings round them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { videoMotionFromRaw } from '../src/motion/fromVideo.ts';
import { decodeVideoFrames } from '../src/io/media.ts';
import { FaceTracker } from '../src/motion/faceTracker.ts';
import { dips, sealedShare } from '../src/motion/sealedLips.ts';
import { sealedCut, sealedSeries, sealedWeight } from '../src/motion/sealedClose.ts';
import type { RawFaceFrame } from '../src/motion/faceTracker.ts';
import { LP_D6_TRACK, trackedVideo } from './trackedVideo.ts';
import { sharedData } from '../bench/sharedData.ts';

test('the pure rules: dips with their prominence, the weight and its teeth veto, the median, the neighbours\' quarter', () => {
  assert.equal(dips([1, 0.8, 0.5, 0.7, 1], 0.9, 0.1), 1, 'one seam');
  assert.equal(dips([1, 0.8, 1.0, 0.6, 1], 0.9, 0.1), 2, 'two lip edges round a tooth');
  assert.equal(dips([1, 0.85, 0.9, 0.6, 1], 0.9, 0.1), 1, 'a shoulder is no dip');
  assert.equal(sealedWeight(1, 0), 1);
  assert.equal(sealedWeight(0.7, 0), 0);
  assert.equal(sealedWeight(1, 0.1), 0, 'teeth in the mesh opening: not sealed');
  assert.equal(sealedWeight(null, 0), null);
  const raw = (s: number) => ({ sealed: s, teethShare: 0 }) as unknown as RawFaceFrame;
  assert.deepEqual(Array.from(sealedSeries([raw(0), raw(1), raw(0), raw(0), raw(1), raw(1), raw(0)])!), [0, 0, 0, 0, 1, 1, 0], 'one frame does not close; two do');
  assert.equal(sealedSeries([{ teethShare: 0 } as unknown as RawFaceFrame, null]), undefined, 'a track without the reading');
  const cut = sealedCut([0.4, 0.1, 0.4], [0, 1, 0]);
  assert.deepEqual(Array.from(cut), [0.025, 0.1, 0.025]);
});

test('lp_d6 f160-192: her shut lips read sealed and close the motion, her openings do not', async () => {
  const clip = sharedData('video/lp_d6.mp4');
  const raw = await trackedVideo(clip, LP_D6_TRACK);
  const weight = (f: number) => sealedWeight(raw[f]!.sealed, raw[f]!.teethShare) ?? 0;
  for (const f of [160, 175, 176, 185, 186, 188]) assert.ok(weight(f) > 0.9, `f${f} (shut, mesh gap ${raw[f]!.m.lipGap.toFixed(3)}): sealed ${weight(f).toFixed(2)} (columns ${raw[f]!.sealed?.toFixed(2)})`);
  // every open frame of the span: teeth and tongue (f163-173, f177-184), her tall O (f189-192), a thin slit on her teeth (f174); the track ends at f192
  for (let f = 160; f < Math.min(194, raw.length); f++)
    if (raw[f] && raw[f]!.m.lipGap > 0.08 && ![175, 176, 185, 186].includes(f)) assert.ok(weight(f) < 0.5, `f${f} (open, gap ${raw[f]!.m.lipGap.toFixed(3)}): sealed ${weight(f).toFixed(2)}`);
  const o = { fps: 25, mapToInitPose: true, maxSide: 720 };
  const jaw = (m: ReturnType<typeof videoMotionFromRaw>, f: number) => m.frames[f]!.w.jawOpen ?? 0;
  const after = videoMotionFromRaw(raw, clip, o);
  const before = videoMotionFromRaw(raw.map((r) => r && { ...r, sealed: undefined }), clip, o);
  for (const f of [175, 176, 185, 186]) {
    assert.ok(jaw(before, f) > 0.07, `f${f}: the mesh's gap opens the motion without the reading (${jaw(before, f).toFixed(3)})`);
    assert.ok(jaw(after, f) < 0.01, `f${f}: jawOpen ${jaw(after, f).toFixed(3)} on shut lips`);
    assert.ok((after.frames[f]!.w.mouthLowerDown ?? 0) < 0.01 && (after.frames[f]!.w.mouthFunnel ?? 0) < 0.01);
  }
  // the openings round them keep theirs but for a quarter of what a closure beside them took (f184 .253 -> .226 beside f185's .11)
  for (let f = 0; f < before.frames.length; f++)
    if (jaw(before, f) > 0.15) assert.ok(jaw(after, f) > jaw(before, f) - 0.035, `f${f}: jawOpen ${jaw(before, f).toFixed(3)} -> ${jaw(after, f).toFixed(3)}`);
});

test("lp_d10's pinkish teeth in a thin slit and half-open mouths do not read sealed; her shut lips do", async () => {
  // (a fresh tracker per frame: these few frames without tracking the clip)
  const want = new Map([[66, true], [69, false], [70, false], [340, false], [364, false], [365, false]]);
  let k = 0;
  for await (const img of decodeVideoFrames(sharedData('video/lp_d10.mp4'), { fps: 25, maxSide: 720, maxFrames: 366 })) {
    if (want.has(k)) {
      const face = await new FaceTracker().track(img);
      assert.ok(face?.lm, `f${k}: a face`);
      const share = sealedShare(img, face.lm) ?? 0, w = sealedWeight(share, face.teethShare) ?? 0;
      if (want.get(k)) assert.ok(w > 0.9, `f${k} (shut): sealed ${w.toFixed(2)} (columns ${share.toFixed(2)})`);
      else assert.ok(w < 0.5, `f${k} (open, gap ${face.m.lipGap.toFixed(3)}): sealed ${w.toFixed(2)} (columns ${share.toFixed(2)})`);
    }
    k++;
  }
});
