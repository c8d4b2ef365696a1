// Session 40 (tongueread40, issue #13): lp_d11's big pale tongue (f163-166) was read as teeth by motion/mouthDark.ts
// isTeethPixel, so driverTeeth counted it, driverTongue read .38 where it fills ~.6 of the opening, and a lower row was
// drawn over it. motion/paleTongue.ts judges the opening's lower bright mass: smooth and pink is a tongue. Figures:
// bench/tongueTeethRead.ts, docs/mouth/README.md "s40 (tongueread40)".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { detectFaces } from '../src/face/detect.ts';
import { lipReference, teethShare, tongueRowOf } from '../src/motion/mouthDark.ts';
import { openingMiddle } from '../src/motion/driverCavity.ts';
import { lowerRowShow } from '../src/motion/lowerTeeth.ts';
import { paleTongueWeight } from '../src/motion/paleTongue.ts';
import { MOUTH_LOOP } from '../src/rig/topology.ts';
import { videoFrameAt } from '../bench/openLowerLipFigures.ts';
import { SHARED_DATA } from '../bench/sharedData.ts';

const flat = (lm: ArrayLike<ArrayLike<number>>) => Float32Array.from(Array.from(lm, (p) => [p[0]!, p[1]!, p[2]!]).flat());

async function frameAt(video: string, seconds: number) {
  const img = videoFrameAt(path.join(SHARED_DATA, 'video', video), seconds + 0.001), face = (await detectFaces(img, { embedding: false }))[0];
  assert.ok(face, `${video} @${seconds}s: a face`);
  const lm = flat(face.landmarks), { light, sat } = lipReference(img, lm);
  const poly = MOUTH_LOOP.map((k) => [lm[k * 3]!, lm[k * 3 + 1]!] as [number, number]);
  return { img, lm, tongueFrom: tongueRowOf(img, poly, light, sat) };
}

test('the judgement: smooth and pink is a tongue; grainy or pale lower rows, and a few pixels, are teeth', () => {
  const m = { lower: 400, upper: 200, upperSat: 0.2 };
  assert.ok(paleTongueWeight({ ...m, texture: 0.049, lowerSat: 0.27 }) > 0.5, 'lp_d11 f165');
  assert.equal(paleTongueWeight({ ...m, texture: 0.057, lowerSat: 0.25 }), 0, 'lp_d10 f263: a lower row behind a tongue');
  assert.equal(paleTongueWeight({ ...m, texture: 0.16, lowerSat: 0.29 }), 0, 'lp_d6 f594: a grainy lower row');
  assert.equal(paleTongueWeight({ ...m, texture: 0.03, lowerSat: 0.15 }), 0, 'lp_d14: a smooth pale row');
  assert.equal(paleTongueWeight({ ...m, lower: 24, texture: 0.03, lowerSat: 0.32 }), 0, 'lp_d10 f12: a lower row\'s tips');
});

test('lp_d11\'s pale tongue is no longer teeth: the tongue run rises, no lower row under the pale rows, f163\'s teeth share drops', async () => {
  for (const f of [163, 165, 166]) {
    const { img, lm, tongueFrom } = await frameAt('lp_d11.mp4', f / 25);
    assert.ok(Number.isFinite(tongueFrom), `f${f}: judged a tongue`);
    const share = teethShare(img, lm)!, middle = openingMiddle(img, lm)!, lower = lowerRowShow(img, lm, undefined, false) ?? 0;
    // (over the opening above the tongue: f163 shows no upper row, f165-166 a band)
    if (f === 163) assert.ok(share < 0.03, `f${f}: teeth share ${share.toFixed(3)} (was .15: the tongue counted)`);
    assert.ok(middle.tongue >= 0.5, `f${f}: tongue run ${middle.tongue.toFixed(2)} (was .32-.45)`);
    // (under the pale rows, as the other readings take them; s50 lowerrow50 reads the lower row through them: lowerThroughPale.test.ts)
    assert.ok(lower < 0.05, `f${f}: lower row ${lower.toFixed(3)}`);
  }
});

test('teeth stay teeth: lower rows of lp_d6, lp_d10, lp_d14 and WDA are not judged a tongue', async () => {
  const teeth: [string, number][] = [['lp_d6.mp4', 199 / 25], ['lp_d6.mp4', 428 / 25], ['lp_d6.mp4', 594 / 25], ['lp_d10.mp4', 151 / 25], ['lp_d14.mp4', 0.9], ['WDA_KatieHill_000.mp4', 0.7], ['lp_d11.mp4', 93 / 25]];
  for (const [video, s] of teeth) {
    const { tongueFrom } = await frameAt(video, s);
    assert.equal(tongueFrom, Infinity, `${video} @${s.toFixed(2)}s: teeth, not a tongue`);
  }
});
