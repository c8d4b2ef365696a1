import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzePortrait } from './analyzedPortrait.ts';
import { buildAvatar } from './builtAvatar.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { foldsAgainst, unbendTexture } from '../src/avatar/turnUnfold.ts';
import { triangleFolds, uvFoldAtYaw, uvAtTurn } from '../src/eval/uvFold.ts';
import { sharedData } from '../bench/sharedData.ts';

const PORTRAITS = sharedData('portraits/');

test('foldsAgainst: a texture wound against a camera-facing turned triangle, or collapsed, folds; a hidden one never', () => {
  assert.equal(foldsAgainst(-10, -20, -1), false);
  assert.equal(foldsAgainst(10, -20, -1), true);
  assert.equal(foldsAgainst(-0.05, -20, -1), true); // one photo column drawn as a streak
  assert.equal(foldsAgainst(-0.05, -2, -1), false); // small on screen too
  assert.equal(foldsAgainst(10, 20, -1), false); // facing away at that turn
});

test('unbendTexture: a folded point between held ones is solved back into order, unfolded edges keep their span', () => {
  // a row of 6 points (0..5), point 3's texture past its neighbours (edges 2-3 and 3-4 folded)
  const neighbours = [[1], [0, 2], [1, 3], [2, 4], [3, 5], [4]];
  const layout = Float64Array.from([0, 0, 10, 0, 20, 0, 30, 0, 40, 0, 50, 0]);
  const tex = Float64Array.from([0, 0, 10, 0, 20, 0, 12, 0, 40, 0, 50, 0]);
  const bent = (i: number, j: number) => (i === 3 || j === 3);
  unbendTexture(tex, layout, [1, 2, 3, 4], neighbours, bent, 16);
  const u = [0, 1, 2, 3, 4, 5].map((i) => tex[i * 2]!);
  for (let i = 1; i < u.length; i++) assert.ok(u[i]! > u[i - 1]!, `u ${u.map((x) => x.toFixed(1)).join(' ')}`);
  assert.ok(Math.abs(u[3]! - 30) < 1, `u3 ${u[3]}`);
});

test('triangleFolds: winding against the screen is a fold, a collapsed texture a streak', () => {
  const x = [0, 10, 0], y = [0, 0, 10], tris = [0, 1, 2];
  assert.equal(triangleFolds(x, y, [0, 0, 10, 0, 0, 10], tris, 1)[0], 0);
  assert.equal(triangleFolds(x, y, [0, 0, -10, 0, 0, 10], tris, 1)[0], 1);
  assert.equal(triangleFolds(x, y, [0, 0, 0, 0.01, 0, 10], tris, 1)[0], 2);
});

test('lp_s10 turned +25 (toward the side the photo hid): the face texture folds on far fewer pixels; the photo pose draws the photo', async () => {
  const avatar = buildAvatar(await analyzePortrait(PORTRAITS + 'lp_s10.jpg'));
  const renderer = createRenderer(avatar, { width: avatar.size, height: avatar.size });
  const plus = uvFoldAtYaw(avatar, renderer, 25);
  // main 57bcc51: 809 folded px of 19762 (the ghost nose tip, the far oval's band); this branch 390
  assert.ok(plus.folded < 500, `folded px at +25: ${plus.folded}`);
  // the side the photo shows is unchanged (16 px on main)
  assert.ok(uvFoldAtYaw(avatar, renderer, -25).folded <= 16);
  // at the photo's pose the texture positions are the photo's own
  assert.deepEqual([...uvAtTurn(avatar, 0, 0)], [...avatar.uv]);
});
