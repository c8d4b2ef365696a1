// s46 (tongue46, issue #13, critic45 item 1: st_happy <- lp_d6 "the upper row is full at f63 and gone at f64, a one-frame
// switch"): under a held tongue out the row depth is released over a few frames as her row drops (motion/outRowFade.ts), the
// motion carries the excess (driverOutRowTail) and the renderer adds it (render/mouth/outRowTail.ts). On st_happy rendered
// with lp_d6 f63-f65's reads the upper row goes .21 -> .10 -> .04 of the upper half, not .21 -> 0 -> 0 [driver .41/.02/0].
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { analyzePortrait } from './analyzedPortrait.ts';
import { buildAvatar } from './builtAvatar.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { outRowTails, withOutRowFade } from '../src/motion/outRowFade.ts';
import { withOutRowTail } from '../src/render/mouth/outRowTail.ts';
import { upperTeeth } from './upperTeeth.ts';
import { SHARED_PORTRAITS } from '../bench/sharedData.ts';

const flat = (lm: ArrayLike<ArrayLike<number>>) => Float32Array.from(Array.from(lm, (p) => [p[0]!, p[1]!, p[2]!]).flat());

// (lp_d6 f63-f65 as critic44's st_happy <- lp_d6 motion carries them (/work/review/s44/after): her row .19 / .095 / .02 of the
// opening teeth, measured .22 / .07 / 0 deep, her tongue held out 1; pose at rest)
const D6 = [
  { driverBack: 0.3708, driverCavity: 0.0758, driverLowerShow: 0.0234, driverTeeth: 0.1906, driverTeethDepth: 0.2216, driverTongue: 0.6028, driverTongueOut: 1, driverUnder: 0.6917,
    jawOpen: 0.3574, mouthDimpleLeft: 0.0459, mouthDimpleRight: 0.2135, mouthFrownLeft: 0.1354, mouthFrownRight: 0.3144, mouthFunnel: 0.0441, mouthLowerDown: 0.6463,
    mouthRollUpper: 0.1086, mouthShift: -0.0176, mouthSmileLeft: 0.0975, mouthSmileRight: 0.2369, mouthStretchRight: 0.1444, mouthUpperUp: 0.3743 },
  { driverBack: 0.3574, driverCavity: 0.0966, driverLowerShow: 0.0053, driverTeeth: 0.095, driverTeethDepth: 0.0739, driverTongue: 0.7532, driverTongueOut: 1, driverUnder: 0.8666,
    jawOpen: 0.3574, mouthDimpleLeft: 0.0257, mouthDimpleRight: 0.2232, mouthFrownLeft: 0.155, mouthFrownRight: 0.3738, mouthFunnel: 0.0761, mouthLowerDown: 0.8374,
    mouthRollUpper: 0.2091, mouthShift: -0.0062, mouthSmileLeft: 0.1399, mouthSmileRight: 0.2118, mouthStretchRight: 0.1624, mouthUpperUp: 0.1861 },
  { driverBack: 0.3277, driverCavity: 0.1094, driverTeeth: 0.0212, driverTeethDepth: 0, driverTongue: 0.8503, driverTongueOut: 1, driverUnder: 0.9622,
    jawOpen: 0.4016, mouthDimpleLeft: 0.0341, mouthDimpleRight: 0.1336, mouthFrownLeft: 0.2463, mouthFrownRight: 0.4791, mouthFunnel: 0.093, mouthLowerDown: 0.9204,
    mouthRollUpper: 0.3704, mouthSmileLeft: 0.1336, mouthSmileRight: 0.1336, mouthStretchRight: 0.2695, mouthUpperUp: 0.1046 },
];

test('no tongue out, a rising row or no reading: nothing carried (those motions unchanged)', () => {
  assert.deepEqual(outRowTails([0.2, 0.1, 0], [0.22, 0.07, 0], [0, 0, 0]), [0, 0, 0], 'no tongue out');
  assert.deepEqual(outRowTails([0.02, 0.1, 0.2], [0, 0.07, 0.22], [1, 1, 1]), [0, 0, 0], 'a row coming in');
  assert.deepEqual(outRowTails([undefined, 0.1], [undefined, 0.07], [1, 1]), [0, 0], 'no reading');
  const frames = [{ w: { driverTeeth: 0.2, driverTeethDepth: 0.22 } }, { w: { driverTeeth: 0.02, driverTeethDepth: 0 } }];
  withOutRowFade(frames);
  assert.ok(!('driverOutRowTail' in frames[1]!.w), 'no tongue out: no key written');
  assert.equal(withOutRowTail(0.12, undefined, 1), 0.12);
  assert.equal(withOutRowTail(0.12, 0.1, 0), 0.12, 'no tongue out in the frame: as read');
  assert.equal(withOutRowTail(Infinity, 0.1, 1), Infinity, 'a photo row unlimited');
});

test('her row dropping under a held tongue out: released over frames, less each frame, gone within a few', () => {
  const t = outRowTails(D6.map((w) => w.driverTeeth), D6.map((w) => w.driverTeethDepth), D6.map((w) => w.driverTongueOut));
  assert.equal(t[0], 0);
  assert.ok(t[1]! > 0.1 && t[2]! > 0.1, `f64/f65 carried: ${t.map((v) => v.toFixed(3))}`);
  const long = outRowTails([0.19, ...new Array(9).fill(0)], [0.22, ...new Array(9).fill(0)], new Array(10).fill(1));
  assert.ok(long[9]! < 0.02 && long.slice(2).every((v, i) => v < long[i + 1]!), `decays: ${long.map((v) => v.toFixed(3))}`);
  const part = outRowTails(D6.map((w) => w.driverTeeth), D6.map((w) => w.driverTeethDepth), [1, 0.5, 0.5]);
  assert.ok(part[1]! < t[1]!, 'a part tongue out carries a part');
});

test('st_happy <- lp_d6 f63-f65: the upper row fades over the frames her row drops, not gone in one', async () => {
  const r = createRenderer(buildAvatar(await analyzePortrait(path.join(SHARED_PORTRAITS, 'st_happy.png'))), { width: 512, height: 512 });
  const n = r.neutralFrame();
  const frames = D6.map((w) => ({ w: { ...w } as Record<string, number> }));
  withOutRowFade(frames);
  const read = (w: Record<string, number>) => {
    const f = { ...n, mouthDark: 1, w: { ...n.w, ...w } }, img = r.render(f);
    return upperTeeth({ ...img, data: Uint8ClampedArray.from(img.data) }, flat(r.landmarks(f)));
  };
  const faded = frames.map((f) => read(f.w)), cut = D6.map((w) => read({ ...w } as Record<string, number>));
  console.log(`st_happy <- lp_d6 f63-f65 upper half teeth: ${faded.map((v) => v.toFixed(2)).join(' / ')} (without the fade ${cut.map((v) => v.toFixed(2)).join(' / ')}) [driver .41 / .02 / 0]`);
  assert.ok(cut[1]! < 0.05, `without the fade f64 is the one-frame switch: ${cut[1]!.toFixed(2)}`);
  assert.ok(Math.abs(faded[0]! - cut[0]!) < 1e-9, 'f63 as before');
  assert.ok(faded[1]! > 0.06 && faded[1]! < faded[0]! - 0.05, `f64 between f63 and nothing: ${faded[1]!.toFixed(2)}`);
  assert.ok(faded[2]! > 0.01 && faded[2]! < faded[1]!, `f65 a sliver, less than f64: ${faded[2]!.toFixed(2)}`);
});
