// A look the driver holds from the first frame to the last is carried (src/motion/heldLook.ts, issue #14, cry59:
// eamm_M030_sad_3_001 cries through the whole clip, its squeezed eyes and down-turned corners were its own rest,
// and the photo was drawn wide-eyed, surprised).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { RigControl } from '../src/rig/controls.ts';
import { CONTROL_COUNT, CONTROL_INDEX } from '../src/rig/controls.ts';
import { meanFace, deform } from '../src/rig/canonical.ts';
import { solverFor } from '../src/rig/fitSystem.ts';
import { faceMeasures } from '../src/motion/measures.ts';
import { FROWN_DROP, SQUINT_NARROWING, applyHeldLook, heldFrown, heldLookOf, heldSquint, holdsLook } from '../src/motion/heldLook.ts';

test('neutral rests hold nothing; eamm\'s slits and down-turned corners hold a squint and a frown', () => {
  // the 25 drivers' rest openings (IOD): the narrowest neutral ones (beckham .084, glasses .093, christie's hooded .100)
  assert.ok(heldSquint(0.084) < 0.1, 'beckham: a hair');
  for (const open of [0.093, 0.1, 0.107, 0.158]) assert.equal(heldSquint(open), 0);
  assert.ok(heldSquint(0.063) > 0.9, 'eamm\'s slits: a full squint');
  // start corner lifts: amy -.044, the lowest neutral start; lp_d11's pout -.026
  for (const lift of [-0.044, -0.026, 0, 0.069]) assert.equal(heldFrown(lift), 0);
  assert.ok(heldFrown(-0.057) > 0.6, 'eamm\'s corners');
  assert.ok(heldFrown(-0.08) >= heldFrown(-0.057));
});

test('the squint and frown units are the rig\'s own: a full eyeSquint and mouthFrown narrow and drop the mean face as said', () => {
  const n = meanFace(), { basis } = solverFor(n, 0.004);
  const lm = (f: Float64Array) => Array.from({ length: 478 }, (_, i) => [f[i * 3]!, f[i * 3 + 1]!, f[i * 3 + 2]!]) as any;
  const at = (ws: Partial<Record<RigControl, number>>) => {
    const w = new Float64Array(CONTROL_COUNT);
    for (const [c, v] of Object.entries(ws)) w[CONTROL_INDEX[c as RigControl]] = v!;
    return faceMeasures(lm(deform(n, basis, w)));
  };
  const m0 = at({});
  const sq = at({ eyeSquintLeft: 1 }), fr = at({ mouthFrownLeft: 1, mouthFrownRight: 1 });
  assert.ok(Math.abs(1 - sq.eyeLeft / m0.eyeLeft - SQUINT_NARROWING) < 0.03, `squint narrows ${(1 - sq.eyeLeft / m0.eyeLeft).toFixed(3)}`);
  assert.ok(Math.abs(m0.cornerLiftLeft - fr.cornerLiftLeft - FROWN_DROP) < 0.008, `frown drops ${(m0.cornerLiftLeft - fr.cornerLiftLeft).toFixed(3)}`);
});

test('a held look goes under every frame\'s own reading; a smile broken into over the start eases the frown', () => {
  const ch = (v: number[]) => Float64Array.from(v);
  const out = new Map<RigControl, Float64Array>([
    ['eyeSquintLeft', ch([0, 0.5, 0, 0, 0, 0])], ['eyeSquintRight', ch([0, 0, 0, 0, 0, 0])],
    ['cheekSquintLeft', ch([0, 0, 0, 0, 0, 0])], ['cheekSquintRight', ch([0, 0, 0, 0, 0, 0])],
    ['mouthFrownLeft', ch([0, 0, 0, 0, 0, 0])], ['mouthFrownRight', ch([0, 0, 0, 0, 0, 0])],
    ['mouthSmileLeft', ch([0.2, 0.2, 0.2, 0.2, 0.2, 0.9])], ['mouthSmileRight', ch([0.2, 0.2, 0.2, 0.2, 0.2, 0.2])],
  ]);
  const have = [0, 1, 2, 3, 4, 5];
  applyHeldLook(out, have, { squint: [0.6, 0.6], frown: [0.5, 0.5] });
  assert.ok(Math.abs(out.get('eyeSquintLeft')![0]! - 0.6) < 1e-9);
  assert.ok(Math.abs(out.get('eyeSquintLeft')![1]! - 0.8) < 1e-9, 'held + (1 - held) x reading');
  assert.ok(Math.abs(out.get('cheekSquintRight')![3]! - 0.6) < 1e-9);
  assert.ok(Math.abs(out.get('mouthFrownLeft')![2]! - 0.5) < 1e-9, 'the start\'s own smile reading is no smile over it');
  assert.ok(out.get('mouthFrownLeft')![5]! < 0.2, 'a smile broken into eases the frown');
  assert.ok(Math.abs(out.get('mouthFrownRight')![5]! - 0.5) < 1e-9);
});

test('the look from readings: both eyes\' rest, both corners down; a neutral driver holds nothing', () => {
  const have = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
  const eyes = (v: number) => [new Array(10).fill(v), new Array(10).fill(v)] as [number[], number[]];
  const look = heldLookOf(eyes(0.063), have, [[-0.06, -0.06, -0.06, -0.06, -0.06], [-0.055, -0.055, -0.055, -0.055, -0.055]]);
  assert.ok(look.squint[0] > 0.9 && look.squint[1] === look.squint[0]);
  assert.ok(look.frown[0] > 0.5 && look.frown[0] === look.frown[1]);
  const oneDown = heldLookOf(eyes(0.11), have, [[-0.06, -0.06, -0.06], [0.01, 0.01, 0.01]]);
  assert.equal(holdsLook(oneDown), false, 'one corner down is a lopsided mouth, not a frown; open eyes hold no squint');
});
