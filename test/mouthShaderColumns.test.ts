// The mouth shader's per-column values (lateral, the upper row's shortening and side lift) are filled once
// per frame (s50, speedmouth50) instead of per pixel: a shader reused across frames, whose placement,
// centre and lip lines change after it shaded, must draw every pixel as a fresh shader set up for that
// frame does (a stale column would shift the row's bend or the corners' shade).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MouthShader, type MouthPlacement } from '../src/render/mouth/shader.ts';
import { H, W, bandLayers } from './bandMouth.ts';

const layers = bandLayers;
interface Frame { place: MouthPlacement; centreX: number; halfWidth: number; up: number[]; lo: number[] }
const frame = (unit: number, centreX: number, halfWidth: number, mid: number, side: number): Frame => ({
  place: { upperX: centreX, upperY: mid, lowerX: centreX, lowerY: 50, cos: 1, sin: 0, scale: 1, squeeze: 1, unit, gap: 0.4, photoGap: 0, rebuilt: 1 },
  centreX, halfWidth, up: [side, 15, mid, 15, side], lo: [side, 45, 50, 45, side],
});
const XS = [2, 17, 32, 47, 62];

function setUp(s: MouthShader, f: Frame): void {
  s.setPlacement(f.place);
  s.centreX = f.centreX; s.halfWidth = f.halfWidth;
  s.setLips(XS, f.up, XS, f.lo);
}
const shadeAll = (s: MouthShader) => Array.from({ length: W * H }, (_, i) => s.shade(i % W, Math.floor(i / W), 0, 0));

test('a reused shader draws each frame as a fresh one (its per-column values follow placement, centre and lips)', () => {
  const a = frame(100, 32, 30, 10, 30), b = frame(70, 28, 24, 8, 34);
  const reused = new MouthShader(W, layers);
  setUp(reused, a);
  const first = shadeAll(reused);
  setUp(reused, b);
  const fresh = new MouthShader(W, layers);
  setUp(fresh, b);
  const want = shadeAll(fresh), got = shadeAll(reused);
  assert.notDeepEqual(first, want, 'the two frames differ (else the test proves nothing)');
  assert.deepEqual(got, want);
  // the centre moved after the lips were set (placement.ts sets it first; anything later must still be seen)
  reused.centreX = 30;
  fresh.centreX = 30;
  const fresh2 = new MouthShader(W, layers);
  setUp(fresh2, b); fresh2.centreX = 30;
  assert.deepEqual(shadeAll(reused), shadeAll(fresh2));
});
