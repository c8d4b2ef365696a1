// s50 midlid50 (#14): the lowering lid mid-blink drawn as the shut eye's lid (render/closedEye/midLid.ts):
// the cover rule, and on a synthetic face the lid over the eyeball drawn before the shut eye shows, the
// slit under it left alone, the corners (where the lid hardly travels) less than the middle, nothing at rest.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { toImage } from '../src/render/closedEye/frame.ts';
import { closedEyeLibrary, eyeGeometry, lineAt } from '../src/render/closedEye/library.ts';
import { bakeEye } from '../src/render/closedEye/bake.ts';
import { drawEye } from '../src/render/closedEye/draw.ts';
import { eyeOpening, lidCover, midLidEdge, midLidSetting, midLidShare } from '../src/render/closedEye/midLid.ts';
import { syntheticEyeFace } from './syntheticEyes.ts';

test('midLid: a column\'s cover is its lid\'s travel over the eye\'s opening; the share is the lesser of cover and completion', () => {
  assert.equal(lidCover(-0.15, -0.15, 0.3), 0, 'open');
  assert.equal(lidCover(0.15, -0.15, 0.3), 1, 'shut');
  assert.ok(Math.abs(lidCover(0, -0.15, 0.3) - 0.5) < 1e-9, 'half way');
  assert.equal(lidCover(0.5, -0.15, 0.3), 1, 'clamped');
  assert.ok(Math.abs(lidCover(0.01, 0, 0.02) - 0.1) < 1e-9, 'a slit eye\'s opening is read as at least .1 eye widths');
  assert.ok(Math.abs(eyeOpening([-0.1, -0.2, -0.1], [0, 0.05, 0]) - 0.25) < 1e-9, 'the largest opening');
  assert.equal(midLidShare(0.05, 1), 0, 'nothing at the start of a blink');
  assert.equal(midLidShare(0.6, 0.6), 1, 'whole by half a blink');
  assert.equal(midLidShare(0.9, 0.05), 0, 'a column whose lid has not come down (a corner) gets none');
  assert.ok(midLidShare(0.3, 1) > 0.3 && midLidShare(0.3, 1) < 0.7, 'coming in in between');
  midLidSetting.on = false;
  try { assert.equal(midLidShare(0.6, 0.6), 0, 'off'); } finally { midLidSetting.on = true; }
});

test('midLidEdge (s51 droop51): the lid gives way to the mesh edge over the margin, not at a cut, on an arch high at the eye\'s middle', () => {
  const { margin, bow } = midLidSetting;
  assert.ok(margin >= 0.08 && bow > 0, 'a margin of a few pixels and an arch');
  const edge = 0.1;
  // whole well over the edge, nothing at it
  for (const u of [0.05, 0.5, 0.95]) {
    assert.equal(midLidEdge(edge - 0.3, edge, u), 1);
    assert.equal(midLidEdge(edge, edge, u), 0);
  }
  // soft: the lid half given way somewhere a margin over the edge, not in one step
  const mid = midLidEdge(edge - margin / 2, edge, 0.02);
  assert.ok(mid > 0.3 && mid < 0.7, `${mid}`);
  // the arch: at the middle the lid has given way higher up than near a corner; outside the eye none
  const at = edge - bow - margin / 2;
  assert.ok(midLidEdge(at, edge, 0.5) < midLidEdge(at, edge, 0.1) - 0.1, `${midLidEdge(at, edge, 0.5)} vs ${midLidEdge(at, edge, 0.1)}`);
  assert.equal(midLidEdge(at, edge, -0.1), midLidEdge(at, edge, 1.1));
});

test('midLid: mid-blink the lid above the closing edge is the shut eye\'s lid, the slit below and the rest frame untouched, the corners less than the middle', () => {
  const face = syntheticEyeFace([200, 150, 120], { centreY: 114, halfHeight: 13, darkness: 0.25, brow: false });
  const g = eyeGeometry(face.xy)[0]!;
  const baked = bakeEye(face.texture, g, closedEyeLibrary()[0]!);
  // a lid half way down: its edge between the photo's upper and lower lid lines
  const lidNow = { u: g.lid.u, v: g.lid.u.map((u) => (lineAt(g.lid, u) + lineAt(g.lower, u)) / 2) };
  const draw = (midClosure: number) => {
    const t = { width: 400, height: 300, color: new Uint32Array(400 * 300).fill(0xff000000), depth: new Float32Array(400 * 300) };
    // show 0, showLid 0: before the shut eye comes in (completion under .6)
    drawEye(t, baked, g.frame, 0, 1, lidNow, 0, 0, midClosure);
    return (u: number, v: number) => { const [x, y] = toImage(g.frame, u, v); const c = t.color[Math.floor(y) * 400 + Math.floor(x)]!; return ((c & 255) + ((c >>> 8) & 255) + ((c >>> 16) & 255)) / 3; };
  };
  const half = draw(0.5), rest = draw(0), early = draw(0.05);
  // half way between the photo's open lid and the lid's edge now, where the lid lies over the eyeball
  const onLid = (u: number) => (lineAt(g.lid, u) + lineAt(lidNow, u)) / 2;
  const mid = half(0.5, onLid(0.5));
  assert.ok(mid > 100, `the lid over the eyeball drawn as lid skin (${mid.toFixed(0)})`);
  assert.equal(half(0.5, lineAt(lidNow, 0.5) + 0.04), 0, 'the slit under the edge is left to the eyeball');
  assert.equal(rest(0.5, onLid(0.5)), 0, 'nothing without a blink');
  assert.equal(early(0.5, onLid(0.5)), 0, 'nothing at the start of a blink');
  const corner = half(0.03, onLid(0.03));
  assert.ok(corner < 0.5 * mid, `toward the corner, where the lid travels little, less of it (${corner.toFixed(0)} against ${mid.toFixed(0)})`);
});
