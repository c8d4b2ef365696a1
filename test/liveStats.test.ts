// The live page's stats line: rates over the last two seconds, and the driver's own figure.
import test from 'node:test';
import assert from 'node:assert/strict';
import { statsLine, type FrameLog, type TrackLog } from '../src/live/page/stats.ts';

const frame = (t: number, renderMs: number, mouthAgeMs = NaN): FrameLog => ({ t, jaw: 0, yaw: 0, pitch: 0, roll: 0, renderMs, mouthAgeMs });
const tracked = (t: number, found: boolean): TrackLog => ({ t, ms: 20, found, yaw: 0, pitch: 0, roll: 0 });

test('statsLine counts only the last two seconds and names what the driver adds', () => {
  const now = 10_000;
  // 60 frames in the last 2 s at 8 ms, and 100 older ones at 50 ms that must not count
  const frames = [...Array.from({ length: 100 }, (_, i) => frame(1000 + i, 50)), ...Array.from({ length: 60 }, (_, i) => frame(now - 1990 + i * 33, 8, 120))];
  assert.equal(statsLine(frames, [], 'idle', '', now), '30.0 frames/s, 8.0 ms to draw a frame');
  assert.equal(statsLine(frames, [], 'mic', '', now), '30.0 frames/s, 8.0 ms to draw a frame, sound to screen 120 ms after analysis');
  const lost = Array.from({ length: 20 }, (_, i) => tracked(now - 1900 + i * 90, false));
  assert.match(statsLine(frames, lost, 'cam', 'wasm', now), /face tracked 10\.0 times\/s \(wasm\): no face in view$/);
  assert.doesNotMatch(statsLine(frames, [...lost, tracked(now - 5, true)], 'cam', 'wasm', now), /no face/);
});

test('statsLine with no frames yet says zero, not NaN', () => {
  assert.equal(statsLine([], [], 'idle', '', 5000), '0.0 frames/s, 0.0 ms to draw a frame');
});
