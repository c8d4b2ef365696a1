// s37 (lidpatch37): over the crease the drawn shut lid is lifted to the photo where the photo is
// lighter (the brow-bone skin that does not change as an eye shuts), never darkened toward it (the
// open eye's fold stays covered), and nothing changes on the lid below the crease.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { keepBrowBoneLight, liftShare } from '../src/render/closedEye/browBoneLight.ts';
import { PATCH_W, PATCH_H } from '../src/render/closedEye/frame.ts';
import { cellRow, cellColumn } from '../src/render/closedEye/grid.ts';

const CREASE = -0.3;
const g = { lid: { u: [0, 1], v: [0, 0] }, crease: { u: [0, 1], v: [CREASE, CREASE] } };
const cell = (u: number, v: number) => (Math.round(cellRow(v)) * PATCH_W + Math.round(cellColumn(u))) * 3;

test('the lift is whole well above the crease and none at or below it', () => {
  assert.equal(liftShare(CREASE - 0.2, CREASE), 1);
  assert.equal(liftShare(CREASE, CREASE), 0);
  assert.equal(liftShare(0, CREASE), 0);
});

test('above the crease: lifted to a lighter photo, never darkened toward a darker one (the fold); the lid below untouched', () => {
  const rgb = new Float32Array(PATCH_W * PATCH_H * 3).fill(120);
  const photo = new Float32Array(PATCH_W * PATCH_H * 3).fill(180);
  const fold = cell(0.5, CREASE - 0.2), brow = cell(0.3, CREASE - 0.2), lid = cell(0.5, -0.1);
  photo.fill(60, fold, fold + 3);
  keepBrowBoneLight(rgb, photo, g);
  assert.ok(Math.abs(rgb[brow]! - 180) < 1, `brow-bone cell ${rgb[brow]} not lifted to the photo's 180`);
  // s38: the lift goes to the blurred photo, so a one-cell dark fold no longer holds its cell at the
  // drawn 120 (it is lifted toward its blurred neighbourhood); it must never be darkened toward the fold
  assert.ok(rgb[fold]! >= 120, 'the drawn lid must not be darkened toward the fold');
  assert.equal(rgb[lid], 120, 'the lid below the crease must not change');
});

test('s38: a thin lit line in the photo over the crease (the open eye\'s fold edge) is not copied into the lid as a pale arc', () => {
  const rgb = new Float32Array(PATCH_W * PATCH_H * 3).fill(120);
  const photo = new Float32Array(PATCH_W * PATCH_H * 3).fill(130);
  const row = Math.round(cellRow(CREASE - 0.15));
  photo.fill(220, row * PATCH_W * 3, (row + 1) * PATCH_W * 3);
  keepBrowBoneLight(rgb, photo, g);
  const at = (r: number) => rgb[(r * PATCH_W + Math.round(cellColumn(0.5))) * 3]!;
  // unblurred the line's cells went to 220 over 130 beside it (a 90 step); blurred, a soft rise of < 25
  assert.ok(at(row) - at(row - 4) < 25, `pale arc: line ${at(row).toFixed(0)} vs ${at(row - 4).toFixed(0)} above it`);
});
