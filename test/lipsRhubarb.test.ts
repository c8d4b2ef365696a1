// The Rhubarb experiment's frame features (src/motion/train/exportRhubarb.ts): mouth cues with
// times become per-frame cue fractions at 25 fps, the later cue winning where two overlap.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cueFractions, RHUBARB_CUES } from '../src/motion/train/exportRhubarb.ts';

const K = RHUBARB_CUES.length;
const share = (f: Float32Array, i: number, cue: string): number => f[i * K + RHUBARB_CUES.indexOf(cue as (typeof RHUBARB_CUES)[number])]!;

test('rhubarb cue fractions: each frame sums to 1, a frame inside a cue is that cue, a frame on a boundary is split, gaps are rest (X)', () => {
  const cues = [
    { start: 0, end: 0.1, value: 'A' },
    { start: 0.1, end: 0.3, value: 'D' },
    { start: 0.5, end: 0.6, value: 'F' },
  ];
  const f = cueFractions(cues, 20);
  for (let i = 0; i < 20; i++) {
    let s = 0;
    for (let k = 0; k < K; k++) s += f[i * K + k]!;
    assert.ok(Math.abs(s - 1) < 1e-6, `frame ${i} sums to ${s}`);
  }
  assert.equal(share(f, 1, 'A'), 1); // 0.02-0.06 s
  assert.equal(share(f, 5, 'D'), 1); // 0.18-0.22 s
  // frame 0 covers -0.02..0.02: before the audio is rest, then A
  assert.ok(Math.abs(share(f, 0, 'A') - 0.5) < 1e-6);
  // frame 10 (0.38-0.42 s) falls between cues
  assert.equal(share(f, 10, 'X'), 1);
  assert.ok(share(f, 13, 'F') === 1 && share(f, 19, 'X') === 1);
});

test('rhubarb cue fractions: where cues overlap (Rhubarb tweens), the later-starting one wins', () => {
  const f = cueFractions([{ start: 0, end: 0.4, value: 'B' }, { start: 0.2, end: 0.4, value: 'C' }], 10);
  assert.equal(share(f, 2, 'B'), 1);
  assert.equal(share(f, 7, 'C'), 1);
  assert.equal(share(f, 7, 'B'), 0);
});
