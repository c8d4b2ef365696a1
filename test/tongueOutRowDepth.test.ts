// s45 (tongueout45, issue #13, critic44 worst #1: st_happy <- lp_d6 "the upper teeth switch on/off within 0.4 s: on f59-64,
// off f58 / f65-67, where the driver shows her row through f63 and faintly at f64"): under a tongue out the row hangs as
// her row (render/mouth/tongueOutRowDepth.ts), not toward the whole opening by the light of her tongue under it. f64's
// full band (.14 of the upper half [driver .02]) goes to a thin edge; f63's row (.22 [.41]) is kept — tongueout44's
// cut to her measured depth alone left it a thin edge (.06).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { analyzePortrait } from './analyzedPortrait.ts';
import { buildAvatar } from './builtAvatar.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { outRowDepth } from '../src/render/mouth/tongueOutRowDepth.ts';
import { teethDepthAllowed } from '../src/render/mouth/driverTeeth.ts';
import { measuredRowCap } from '../src/render/mouth/rowDepth.ts';
import { upperTeeth } from './upperTeeth.ts';
import { SHARED_PORTRAITS } from '../bench/sharedData.ts';

const flat = (lm: ArrayLike<ArrayLike<number>>) => Float32Array.from(Array.from(lm, (p) => [p[0]!, p[1]!, p[2]!]).flat());

// (lp_d6 f63 / f64 as critic44's st_happy <- lp_d6 motion carries them (/work/review/s44/after): her row .19 / .095 of the
// opening teeth, measured .22 / .07 of its height deep, her tongue out lit under it .69 / .87; pose at rest)
const D6_F63 = { driverBack: 0.3708, driverCavity: 0.0758, driverLowerShow: 0.0234, driverTeeth: 0.1906, driverTeethDepth: 0.2216, driverTongue: 0.6028, driverUnder: 0.6917,
  jawOpen: 0.3574, mouthDimpleLeft: 0.0459, mouthDimpleRight: 0.2135, mouthFrownLeft: 0.1354, mouthFrownRight: 0.3144, mouthFunnel: 0.0441, mouthLowerDown: 0.6463,
  mouthRollUpper: 0.1086, mouthShift: -0.0176, mouthSmileLeft: 0.0975, mouthSmileRight: 0.2369, mouthStretchRight: 0.1444, mouthUpperUp: 0.3743 };
const D6_F64 = { driverBack: 0.3574, driverCavity: 0.0966, driverLowerShow: 0.0053, driverTeeth: 0.095, driverTeethDepth: 0.0739, driverTongue: 0.7532, driverUnder: 0.8666,
  jawOpen: 0.3574, mouthDimpleLeft: 0.0257, mouthDimpleRight: 0.2232, mouthFrownLeft: 0.155, mouthFrownRight: 0.3738, mouthFunnel: 0.0761, mouthLowerDown: 0.8374,
  mouthRollUpper: 0.2091, mouthShift: -0.0062, mouthSmileLeft: 0.1399, mouthSmileRight: 0.2118, mouthStretchRight: 0.1624, mouthUpperUp: 0.1861 };

const mainDepth = (w: { driverTeeth: number; driverTeethDepth: number; driverUnder: number }) =>
  Math.min(teethDepthAllowed(w.driverTeeth, w.driverUnder), measuredRowCap(w.driverTeethDepth, w.driverUnder, w.driverTeeth));

test('no tongue out, no reading or an unlimited row: the depth as read (those frames render byte-identical)', () => {
  assert.equal(outRowDepth(0.8, 0.095, 0.074, 0), 0.8);
  assert.equal(outRowDepth(0.8, 0.095, 0.074, 0.1), 0.8, 'a faint out share: as read');
  assert.equal(outRowDepth(0.8, undefined, 0.074, 1), 0.8);
  assert.equal(outRowDepth(0.8, 0.095, undefined, 1), 0.8);
  assert.equal(outRowDepth(Infinity, 0.5, 0.3, 1), Infinity, 'a grin (share over the guess) unlimited as before');
});

test('under a tongue out the row follows hers: f63 kept, f64 (her row hidden under her lip) a thin edge', () => {
  const f63 = outRowDepth(mainDepth(D6_F63), D6_F63.driverTeeth, D6_F63.driverTeethDepth, 1);
  const f64 = outRowDepth(mainDepth(D6_F64), D6_F64.driverTeeth, D6_F64.driverTeethDepth, 1);
  assert.ok(mainDepth(D6_F64) > 0.7, `main's f64 row hung toward the whole opening by her tongue's light: ${mainDepth(D6_F64).toFixed(2)}`);
  assert.ok(f64 < 0.2, `f64: ${f64.toFixed(2)}`);
  assert.ok(f63 > 0.3 && f63 > 2 * f64, `f63 kept deeper than a thin edge: ${f63.toFixed(2)}`);
});

test('st_happy <- lp_d6 f63/f64 under her tongue out: the row shown at f63, only an edge at f64', async () => {
  const r = createRenderer(buildAvatar(await analyzePortrait(path.join(SHARED_PORTRAITS, 'st_happy.png'))), { width: 512, height: 512 });
  const n = r.neutralFrame();
  const read = (w: object, out: number) => {
    const f = { ...n, mouthDark: 1, w: { ...n.w, ...w, driverTongueOut: out } }, img = r.render(f);
    return upperTeeth({ ...img, data: Uint8ClampedArray.from(img.data) }, flat(r.landmarks(f)));
  };
  const f63 = read(D6_F63, 1), f64 = read(D6_F64, 1), f64NoOut = read(D6_F64, 0);
  console.log(`st_happy <- lp_d6 upper half teeth: f63 ${f63.toFixed(2)} [driver .41], f64 ${f64.toFixed(2)} [.02] (${f64NoOut.toFixed(2)} without the out reading)`);
  assert.ok(f64 < 0.05, `f64: a thin edge at most, as her row hidden under her lip: ${f64.toFixed(2)}`);
  assert.ok(f64NoOut > f64 + 0.05, `without the out reading her tongue's light still deepens the row: ${f64NoOut.toFixed(2)}`);
  assert.ok(f63 > 0.15, `f63: her row still shown (tongueout44's measured cap alone left .06): ${f63.toFixed(2)}`);
});
