// s56 (denture56, issue #13): a photo whose own cut is drawn but not kept as its row (lp_s10, Vermeer's girl: a glint of white
// between her lips) showed the library row with the plain relief, a solid white band without gaps where her drivers show teeth
// apart. rowLook.ts ownCutRelief gives such a row the picture's library look (a painting's), a clean photo keeps the plain one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { libraryRelief, ownCutRelief, rowLookSetting } from '../src/render/mouth/rowLook.ts';
import { ownRowRelief } from '../src/render/mouth/ownRowRelief.ts';
import { PLAIN_RELIEF } from '../src/render/mouth/toothRelief.ts';
import { readyMouth } from '../src/render/mouth/layers.ts';
import type { ReadyLayer } from '../src/render/mouth/readyLayer.ts';
import { analyzePortrait } from './analyzedPortrait.ts';
import { buildAvatar } from './builtAvatar.ts';
import { sharedData } from '../bench/sharedData.ts';

const PORTRAITS = sharedData('portraits');

test('an own cut not kept takes the picture kind\'s look; a clean photo and a kept cut keep the plain relief', () => {
  assert.equal(libraryRelief(true, 1, 0, true), PLAIN_RELIEF, 'a kept cut: its own look');
  assert.equal(libraryRelief(true, 0, 0, false), PLAIN_RELIEF, 'a clean photo: plain, the same object');
  const painted = libraryRelief(true, 1, 0, false);
  assert.ok(painted.lines > PLAIN_RELIEF.lines && painted.round > 2 * PLAIN_RELIEF.round, `lines ${painted.lines} round ${painted.round}`);
  assert.ok(ownCutRelief(0.5).round < painted.round && ownCutRelief(0.5).round > PLAIN_RELIEF.round, 'by the share');
  assert.equal(libraryRelief(true, 1, 1, false), PLAIN_RELIEF, 'a soft painting loses it as its library row does');
  // (sharpened rows: the deeper of the sharpening's and the base's, each)
  assert.equal(ownRowRelief(2, painted).round, painted.round);
  assert.deepEqual(ownRowRelief(0.2, PLAIN_RELIEF), ownRowRelief(0.2));
  rowLookSetting.ownCutLook = false;
  try { assert.equal(libraryRelief(true, 1, 0, false), PLAIN_RELIEF, 'off: main'); } finally { rowLookSetting.ownCutLook = true; }
});

/** The upper row's dips: per column the mean of its brighter half of solid pixels, the profile's std over its mean. */
function rowSpread(l: ReadyLayer): number {
  const prof: number[] = [];
  for (let x = 0; x < l.width; x++) {
    const v: number[] = [];
    for (let y = 0; y < l.height; y++) { const o = (y * l.width + x) * 4, a = l.data[o + 3]!; if (a > 0.9) v.push((0.299 * l.data[o]! + 0.587 * l.data[o + 1]! + 0.114 * l.data[o + 2]!) / a); }
    if (v.length < 2) continue;
    v.sort((a, b) => b - a);
    const top = v.slice(0, Math.floor(v.length / 2));
    prof.push(top.reduce((s, q) => s + q, 0) / top.length);
  }
  const mean = prof.reduce((s, q) => s + q, 0) / prof.length;
  return Math.sqrt(prof.reduce((s, q) => s + (q - mean) ** 2, 0) / prof.length) / mean;
}

test("lp_s10's row (a painting, its own cut not kept) reads its teeth apart; lp_s42's (a clean photo) is unchanged", async () => {
  for (const [file, clean] of [['lp_s10.jpg', false], ['lp_s42.jpg', true]] as const) {
    const avatar = buildAvatar(await analyzePortrait(path.join(PORTRAITS, file)));
    const unit = avatar.head.iod * 512 / avatar.size;
    const on = readyMouth(avatar, unit);
    rowLookSetting.ownCutLook = false;
    let off;
    try { off = readyMouth(avatar, unit); } finally { rowLookSetting.ownCutLook = true; }
    if (clean) { assert.deepEqual(on.upper.data, off.upper.data, file); continue; }
    const a = rowSpread(on.upper), b = rowSpread(off.upper);
    assert.ok(a > 1.5 * b, `${file}: the row's spread ${b.toFixed(3)} -> ${a.toFixed(3)}`);
  }
});
