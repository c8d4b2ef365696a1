// s46 (tongue46, issue #13, critic45 item 1: st_happy <- lp_d6 f58-67 "a smooth pink mass that never comes out past the lower
// lip"): lp_d6's tongue ends on her inner lower lip line (lowest point .08-.10 IOD over the lip's outer edge, ours the same), its
// rounded underside in shade there (L 125 -> 97 over its last .015 IOD) over a darker, redder lip; ours ran from its lit front
// into st_happy's pale lip at one light. render/mouth/tongueOutUnder.ts shades the tongue out's underside toward the line.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { analyzePortrait } from './analyzedPortrait.ts';
import { buildAvatar } from './builtAvatar.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { outUnderLight } from '../src/render/mouth/tongueOutUnder.ts';
import { SHARED_PORTRAITS } from '../bench/sharedData.ts';

// (lp_d6 f66 as critic44's st_happy <- lp_d6 motion carries it (/work/review/s44/after): her tongue held out, no teeth; pose at rest)
const D6_F66 = { driverBack: 0.3162, driverCavity: 0.1103, driverTongue: 0.8649, driverTongueOut: 1, driverUnder: 0.8786, driverTeeth: 0, driverTeethDepth: 0,
  jawOpen: 0.4104, mouthDimpleLeft: 0.0408, mouthDimpleRight: 0.132, mouthFrownLeft: 0.2678, mouthFrownRight: 0.517, mouthFunnel: 0.0972, mouthLowerDown: 0.9531,
  mouthRollUpper: 0.4207, mouthSmileLeft: 0.132, mouthSmileRight: 0.132, mouthStretchRight: 0.2393, mouthUpperUp: 0.0829 };

test('the underside shade: at the line, gone up the tongue, none without a tongue out', () => {
  assert.equal(outUnderLight(0, 0), 1);
  assert.ok(outUnderLight(0, 1) < 0.7, `${outUnderLight(0, 1)}`);
  assert.ok(outUnderLight(0.05, 1) > 0.99, `${outUnderLight(0.05, 1)}`);
  assert.ok(outUnderLight(0.01, 0.5) > outUnderLight(0.01, 1), 'a part out, a part shade');
});

test('st_happy <- lp_d6 f66: the tongue out darkens into its underside over the lower lip line, not one pink with the lip', async () => {
  const r = createRenderer(buildAvatar(await analyzePortrait(path.join(SHARED_PORTRAITS, 'st_happy.png'))), { width: 512, height: 512 });
  const n = r.neutralFrame(), f = { ...n, mouthDark: 1, w: { ...n.w, ...D6_F66 } }, img = r.render(f), lm = r.landmarks(f);
  const iod = Math.hypot(lm[33]![0]! - lm[263]![0]!, lm[33]![1]! - lm[263]![1]!), x = Math.round(lm[14]![0]!), y14 = lm[14]![1]!;
  // (the middle column's luma, 3 px wide, at a height over the inner lower lip landmark, IOD)
  const luma = (above: number) => {
    let s = 0;
    for (let dx = -1; dx <= 1; dx++) { const o = (Math.round(y14 - above * iod) * 512 + x + dx) * 4; s += 0.299 * img.data[o]! + 0.587 * img.data[o + 1]! + 0.114 * img.data[o + 2]!; }
    return s / 3;
  };
  // (the drawn opening's lower line stands ~.02 IOD over the mesh's landmark 14 at this pose: the lip's lit rim lies between)
  const front = Math.max(luma(0.045), luma(0.05), luma(0.055), luma(0.06)), under = Math.min(...[0.015, 0.02, 0.025, 0.03, 0.035].map(luma)), lip = luma(-0.03);
  console.log(`st_happy <- lp_d6 f66 middle column: tongue front L ${front.toFixed(0)}, underside ${under.toFixed(0)} (${(under / front).toFixed(2)}), lip ${lip.toFixed(0)} [lp_d6: 141 / 97 (.69) / 85]`);
  assert.ok(under < 0.88 * front, `the underside in shade: ${(under / front).toFixed(2)} of the front (e9e6ea3d .96)`);
});
