// A lit purse keeps its lips together (render/mouth/opening.ts purseShare, #13/#14): rounded lips at a
// small opening whose driver's mouth is lit (mouthDark 0) get no lip band allowance, so the mesh parts
// only as far as the driver's gap; a dark purse, an audio motion and a tall "O" keep it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { analyzePortrait } from './analyzedPortrait.ts';
import { buildAvatar } from './builtAvatar.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { lipBandAllowance, purseShare, RENDER_GAP_PER_JAW } from '../src/render/mouth/opening.ts';
import { Channels } from '../src/motion/channels.ts';
import { keepRoundMouth } from '../src/motion/mouthAfterSmoothing.ts';
import { sharedData } from '../bench/sharedData.ts';

const PORTRAITS = sharedData('portraits/');

test('purseShare: rounded lips at a small gap are a purse; flat lips or a tall opening are not', () => {
  assert.equal(purseShare(0.6, 0.07), 1);
  assert.equal(purseShare(0.1, 0.07), 0);
  assert.equal(purseShare(1, 0.3), 0);
  assert.ok(purseShare(0.35, 0.07) > 0.3 && purseShare(0.35, 0.07) < 0.7);
  // falls as the lips open
  assert.ok(purseShare(0.6, 0.12) < purseShare(0.6, 0.09));
});

test('a purse parts the mesh only as far as the motion gap; a plain opening and a tall O keep the lip band allowance (closed photos: mt_man, st_happy)', async () => {
  for (const name of ['mt_man.png', 'st_happy.png']) {
    const avatar = buildAvatar(await analyzePortrait(path.join(PORTRAITS, name)));
    const r = createRenderer(avatar, { width: 512, height: 512 });
    const n = r.neutralFrame();
    const photoPucker = n.w.mouthPucker ?? 0;
    const gapAt = (jaw: number, pucker: number, lit = true) => {
      const lm = r.landmarks({ ...n, w: { ...n.w, jawOpen: jaw, mouthPucker: photoPucker + pucker }, ...(lit ? { mouthDark: 0 } : {}) });
      const iod = Math.hypot(lm[33]![0]! - lm[263]![0]!, lm[33]![1]! - lm[263]![1]!);
      return Math.hypot(lm[13]![0]! - lm[14]![0]!, lm[13]![1]! - lm[14]![1]!) / iod;
    };
    // Obama 2's purse at f136: jawOpen ~0.11, pucker ~0.5 (the photo's gap here is ~0, no rest gap)
    const target = RENDER_GAP_PER_JAW * 0.11;
    const plain = gapAt(0.11, 0), purse = gapAt(0.11, 0.6);
    assert.ok(Math.abs(plain - (target + lipBandAllowance(target))) < 0.008, `${name}: plain opening ${plain.toFixed(3)} vs ${(target + lipBandAllowance(target)).toFixed(3)}`);
    assert.ok(Math.abs(purse - target) < 0.008, `${name}: purse ${purse.toFixed(3)} vs the motion's gap ${target.toFixed(3)}`);
    assert.ok(plain - purse > 0.015, `${name}: the purse ${purse.toFixed(3)} parts as far as the plain opening ${plain.toFixed(3)}`);
    // a dark purse (drawn as a dark O) and an audio motion's rounded vowel (no mouthDark) keep the allowance
    const audio = gapAt(0.11, 0.6, false);
    assert.ok(Math.abs(audio - (target + lipBandAllowance(target))) < 0.008, `${name}: audio rounded vowel ${audio.toFixed(3)} lost its allowance`);
    const dark = r.landmarks({ ...n, w: { ...n.w, jawOpen: 0.11, mouthPucker: photoPucker + 0.6 }, mouthDark: 1 });
    assert.deepEqual(dark, r.landmarks({ ...n, w: { ...n.w, jawOpen: 0.11, mouthPucker: photoPucker + 0.6 } }));
    // the tall O (lp_d6 f190: jawOpen .53, pucker 1) keeps its allowance
    const tall = RENDER_GAP_PER_JAW * 0.53;
    const o = gapAt(0.53, 1);
    assert.ok(o > tall + 0.5 * lipBandAllowance(tall), `${name}: tall O ${o.toFixed(3)} lost its allowance (motion gap ${tall.toFixed(3)})`);
  }
});

test('after smoothing, a mouth at its rest width keeps no pucker a neighbouring purse lent it; a narrowed one keeps its floor (mouthAfterSmoothing.ts keepRoundMouth)', () => {
  const ch = new Channels(3);
  // lp_d11 f63 (width 1.05, pucker .38 smoothed in from the purse after it), a purse (width .76), a mouth a little narrowed (.95)
  ch.get('w.mouthPucker').set([0.38, 0.5, 0.2]);
  ch.get('w.mouthFunnel').set([0, 0, 0]);
  keepRoundMouth(ch, Float64Array.from([1.05, 0.76, 0.95]), [true, true, true], true);
  const pucker = ch.get('w.mouthPucker');
  assert.equal(pucker[0], 0);
  assert.ok(pucker[1]! >= 0.5 - 1e-9 && pucker[1]! <= 1);
  assert.ok(Math.abs(pucker[2]! - 0.2) < 1e-9, `a pucker within the width's cap stays (${pucker[2]})`);
});
