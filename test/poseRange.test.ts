// A driver's head turned further than the photo can show is eased into range (src/motion/poseRange.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { easeBeyond, POSE_RANGE } from '../src/motion/poseRange.ts';
import { videoMotionFromRaw } from '../src/motion/fromVideo.ts';
import { trackedVideo } from './trackedVideo.ts';
import { sharedData } from '../bench/sharedData.ts';
import { LiveRetarget, REST_FRAMES } from '../src/live/retarget.ts';
import { headAngles } from '../src/motion/measures.ts';
import { meanFace } from '../src/rig/canonical.ts';

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

/** The mean face at 75 px per unit, pitched by `deg` about its centroid (a webcam face nodding). */
function pitchedFace(deg: number): number[][] {
  const f = meanFace();
  const pts = Array.from({ length: 478 }, (_, i) => [f[i * 3]! * 75, f[i * 3 + 1]! * 75, f[i * 3 + 2]! * 75]);
  const c = [0, 1, 2].map((k) => pts.reduce((s, p) => s + p[k]!, 0) / pts.length);
  const a = (deg * Math.PI) / 180, cos = Math.cos(a), sin = Math.sin(a);
  return pts.map(([x, y, z]) => {
    const dy = y! - c[1]!, dz = z! - c[2]!;
    return [x! + 300, c[1]! + cos * dy - sin * dz + 300, c[2]! + sin * dy + cos * dz];
  });
}

test('live webcam frames are eased into the same range as the video path\'s', () => {
  const live = new LiveRetarget(25);
  let t = 0;
  for (let i = 0; i < REST_FRAMES; i++) live.update(pitchedFace(0), t++ / 25);
  const read = headAngles(pitchedFace(30)).pitch - headAngles(pitchedFace(0)).pitch;
  assert.ok(Math.abs(read) > 20, `the webcam face pitches past the range: ${read.toFixed(1)}`);
  let last = live.update(pitchedFace(30), t++ / 25)!;
  for (let i = 0; i < 60; i++) last = live.update(pitchedFace(30), t++ / 25)!;
  const pitch = Math.abs(last.pose.pitch);
  assert.ok(pitch < POSE_RANGE.pitch.most && pitch > POSE_RANGE.pitch.knee, `live relative pitch ${pitch.toFixed(1)} (read ${read.toFixed(1)})`);
});
