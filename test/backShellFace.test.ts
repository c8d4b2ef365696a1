// The back-of-head band never copies the face (avatar/backShell.ts, session 18): where a turned
// face's own edge is the outline (lp_s10's far eye against the dark background) the band took the
// eye's corner and lashes as its "hair" and a turn showed them as a second lash arc beside the eye.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { outlinePoints, stripOnFace } from '../src/avatar/backShell.ts';
import { circleHead } from './headShapes.ts';
import type { GrayImage } from '../src/types.ts';

test('the share of a strip on the face counts its samples from the start inward', () => {
  // the face: x < 50; a strip from x = 60 inward (toward -x) over 20 px reaches it for 10 of 21 samples
  const share = stripOnFace(60, 0, 1, 0, 20, (x) => x < 49.5);
  assert.ok(Math.abs(share - 10 / 21) < 1e-9, `share ${share}`);
});

test('no back band where the strip it copies lies on the face; a full one beside hair', () => {
  const size = 200, c = 100;
  const data = Float32Array.from({ length: size * size }, (_, i) => (Math.hypot((i % size) - c, Math.floor(i / size) - c) <= 60 ? 1 : 0));
  const matte: GrayImage = { width: size, height: size, data };
  const head = circleHead(c, 40, c + 30);
  const ovalPos = Array.from({ length: 36 }, (_, j) => {
    const a = (j / 36) * 2 * Math.PI;
    return [c + 30 * Math.cos(a), c + 30 * Math.sin(a), -10] as [number, number, number];
  });
  // the face reaches the outline on the right (x > 130: most of the strip the band copies there), the top is hair
  const points = outlinePoints(ovalPos, [c, c], head, matte, () => 5, () => false, (x) => x > 130);
  assert.equal(points[0]!.weight, 0, 'straight right: the strip is face');
  assert.equal(points[27]!.weight, 1, 'straight up: hair');
});
