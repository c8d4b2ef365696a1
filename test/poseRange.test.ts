// A driver's head turned further than the photo can show is eased into range (src/motion/poseRange.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { easeBeyond, POSE_RANGE } from '../src/motion/poseRange.ts';
import { videoMotionFromRaw } from '../src/motion/fromVideo.ts';
import { trackedVideo } from './trackedVideo.ts';
import { sharedData } from '../bench/sharedData.ts';

test('easeBeyond: unchanged inside the knee, monotonic beyond it, never past the ceiling', () => {
  const { knee, most } = POSE_RANGE.pitch;
  for (const v of [-knee, -3, 0, 5, knee]) assert.equal(easeBeyond(v, knee, most), v);
  let last = easeBeyond(knee, knee, most);
  for (let v = knee + 0.5; v < 90; v += 0.5) {
    const e = easeBeyond(v, knee, most);
    assert.ok(e > last && e < most, `${v} -> ${e}`);
    assert.equal(easeBeyond(-v, knee, most), -e, 'symmetric');
    last = e;
  }
  // slope 1 at the knee: no kink where easing starts
  assert.ok(Math.abs(easeBeyond(knee + 0.01, knee, most) - (knee + 0.01)) < 1e-4);
});

test('a talking-head clip that starts chin-up and levels: the relative pitch stays within the range (latentsync_demo1)', async () => {
  // her raw pitch reads -47 deg at frame 0 and -24..-13 a second later: +23..+33 relative, past what
  // the avatar can show (a flat light forehead band with a hard hairline across the brows)
  const clip = sharedData('train/clips/latentsync_demo1.mp4');
  const o = { fps: 10, mapToInitPose: true, maxSide: 720, maxSeconds: 1.5 };
  const raw = await trackedVideo(clip, { ...o, threads: 1 });
  const rawRelative = raw.map((r) => (r && raw[0] ? r.angles.pitch - raw[0].angles.pitch : 0));
  assert.ok(Math.max(...rawRelative) > 20, `the driver's own relative pitch goes past the range: ${Math.max(...rawRelative).toFixed(1)}`);
  const m = videoMotionFromRaw(raw, clip, o);
  const pitch = m.frames.map((f) => f.pose.pitch);
  assert.ok(Math.max(...pitch.map(Math.abs)) < POSE_RANGE.pitch.most, `relative pitch ${Math.max(...pitch).toFixed(1)}`);
  assert.ok(Math.max(...pitch) > POSE_RANGE.pitch.knee, 'the head still pitches (eased, not frozen)');
  assert.ok((m.stats.poseEased ?? 0) > 0, 'the stats say how many frames were eased');
});
